// @plan-lint/core/testing: the fixture-marker harness ({{rule-id}} markers in example plans), for
// `plan-lint pack test` and for anyone testing a pack's examples the way plan-lint's own tests do.
export { parseExpectations, compareWithExpectations } from './expectations.js';
export type { Expectation, FixtureConfig, ParsedFixture, ReportedDiagnostic } from './expectations.js';
