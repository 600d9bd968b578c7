// Chevrotain checks the token and grammar definitions when it builds the lexer and the parser
// (unreachable tokens, ambiguous alternatives): ~17 ms of a cold start (measured with
// `traceInitPerf`: validatePatterns 13 ms, grammar validations 4 ms), for mistakes that only an
// edit of tokens.ts or grammar.ts can make. The tests run them (Vitest sets VITEST), and
// PLAN_LINT_CHECK_GRAMMAR=1 turns them on anywhere else.
const env = typeof process === 'undefined' ? {} : process.env;

export const skipDefinitionChecks = env.VITEST === undefined && env.PLAN_LINT_CHECK_GRAMMAR !== '1';
