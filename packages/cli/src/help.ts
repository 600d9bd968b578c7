/** `--help` of each command. Kept as plain text so that printing it loads nothing else. */
export const HELP: Record<string, string> = {
  lint: `Usage: plan-lint [options] [FILE|DIR|GLOB ...]

Lint Vietnamese administrative plans (Kế hoạch): .md, .txt, .docx and .pdf.
Directories are walked for those extensions; .gitignore'd paths and node_modules are skipped.
With no FILE, the current directory is linted.

Options:
  --parent FILE          the superior's plan (any input format); its facts join the rules' facts
  --pack NAME|FILE|URL   a rule pack (repeatable); default: the config's, else the recommended set
  --config FILE          default: plan-lint.config.json (or .planlintrc.json) found upward
  --format NAME          stylish (default) | json | sarif | junit | github | html | compliance
  --output FILE, -o      write the report to FILE instead of standard output
  --fix                  apply the safe fixes (Markdown and text files only)
  --fix-dry-run          print the fixed text of each file instead of writing it
  --locale vi|en         message language (default vi)
  --max-warnings N       exit 1 when warnings exceed N
  --quiet                report errors only
  --cache                only re-lint files whose content, packs or plan-lint version changed
  --cache-location DIR   where the cache lives (default .plan-lint-cache)
  --update-lock          record changed URL packs in plan-lint.lock.json (else a difference is an error)
  --no-color             no colours even on a terminal (also NO_COLOR=1)
  --version, -v          print plan-lint's version
  --help, -h             print this help

Commands:
  plan-lint convert FILE                 the plan as editable Markdown (docx/pdf/txt/md), via unified
  plan-lint inspect FILE [--json]        the AST: outline, tables, entities, bound deadlines, topic
  plan-lint pack derive PARENT -o FILE   a pack for subordinates, from a superior's plan
  plan-lint pack test PACK               run a pack's own examples
  plan-lint pack diff OLD NEW [FILES]    plans whose outcome changes between two pack versions
  plan-lint explain FILE [RULE]          why each rule fired or not, and which layer set its severity
  plan-lint mcp                          an MCP server over stdio (lint, explain, list rules)
  plan-lint rules [--at DATE]            list rules, with severities and docs links (in force on DATE)
  plan-lint init                         write a config file and a plan template
Run "plan-lint COMMAND --help" for a command's options.

Exit codes: 0 no errors; 1 errors (or warnings over --max-warnings); 2 usage, config, pack or input error.
`,
  convert: `Usage: plan-lint convert FILE [--text]

Write FILE (.docx, .pdf, .txt or .md) as editable Markdown: headings, numbering markers as written
(I. 1.1. a) đ) - +) and tables are kept, wrapped lines are joined, and plan-lint reads the result
back with the same facts.

Options:
  --text              print the text plan-lint reads instead; lines and columns in reports refer
                      to it, so a finding in a Word or PDF plan can be followed there
  --output FILE, -o   write the result to FILE
  --help, -h          print this help
`,
  inspect: `Usage: plan-lint inspect FILE [--json]

Print the parsed plan as a pack author needs it: metadata, legal basis, the outline of sections
with their kinds, the entities found (citations, dates, deadlines, money, units, recipients,
signer), each with its line, and the document tree: headings, items with their markers, tables
row by row (docs/document-tree.md).

Options:
  --json              the whole AST and tree as JSON (dates in ISO 8601)
  --output FILE, -o   write to FILE
  --help, -h          print this help
`,
  pack: `Usage: plan-lint pack derive PARENT -o FILE
       plan-lint pack test PACK
       plan-lint pack diff OLD NEW [FILE|DIR ...]

  derive   turn a superior's plan (any input format) into a rule pack for its subordinates
  test     run a pack's own examples, like ESLint's RuleTester
  diff     lint a corpus with two versions of a pack; list the plans whose outcome changes

Run "plan-lint pack derive --help" or "plan-lint pack test --help" for options.
`,
  'pack derive': `Usage: plan-lint pack derive PARENT -o FILE

Derive a rule pack from a superior's plan: its number, symbol and date, its deadlines and the
action month become the pack's parent facts, on top of the recommended rules.

Options:
  --output FILE, -o   where to write the pack (JSON); standard output when omitted
  --name NAME         the pack's name (default: from the plan's symbol)
  --version V         the pack's version (default 1.0.0)
  --help, -h          print this help
`,
  'pack test': `Usage: plan-lint pack test PACK

Run the examples a pack carries: valid plans must give no diagnostics, invalid ones exactly the
diagnostics they declare. Exit 1 when an example fails, 2 when the pack cannot be loaded.

Options:
  --help, -h          print this help
`,
  rules: `Usage: plan-lint rules [options]

List the rules in force (from the config, or --pack), with pack, severity, fixability and docs link.

Options:
  --pack NAME|FILE|URL   a rule pack (repeatable)
  --config FILE          a config file
  --json                 as JSON
  --at DATE              only what applies on DATE (YYYY-MM-DD or a year), with legal basis
  --locale vi|en         language of the descriptions
  --help, -h             print this help
`,
  init: `Usage: plan-lint init [options]

Write plan-lint.config.json and a plan template (Plan Markdown with every section a compliant
plan needs) into the current directory. Existing files are kept unless --force.

Options:
  --template FILE     the template's file name (default ke-hoach.md)
  --force             overwrite existing files
  --help, -h          print this help
`,
  'pack diff': `Usage: plan-lint pack diff OLD NEW [FILE|DIR|GLOB ...] [options]

Lint a corpus of plans with two versions of a pack (names, files or pinned URLs) and list the
plans whose outcome changes, rule by rule: what a superior checks before publishing a new pack.
Each plan keeps its own config (parent, rule settings, waivers); only its packs are replaced.
Exit code: 0 no plan changes, 1 some plans change, 2 usage, pack or input error.

Options:
  --json              the changes as JSON
  --config FILE, -c   one config for every plan (default: each plan's nearest config)
  --locale vi|en      (default vi)
  --output FILE, -o   write to FILE
  --help, -h          print this help
`,
  explain: `Usage: plan-lint explain FILE [RULE] [options]

Why each rule fired or not on FILE: the facts it read (with their line:column ranges), the
condition that decided, and which layer set its severity (pack, extends, config, override, waiver).

Options:
  --config FILE, -c   the config (default: the nearest plan-lint.config.json upward)
  --pack NAME|FILE    a rule pack (repeatable), instead of the config's
  --parent FILE       the superior's plan
  --locale vi|en      language of the explanation (default vi)
  --json              the explanations as JSON
  --output FILE, -o   write to FILE
  --help, -h          print this help
`,
};
