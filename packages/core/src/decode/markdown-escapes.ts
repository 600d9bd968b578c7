import { DerivedText } from './derived-source.js';
import type { SourceText } from './source-text.js';

// A backslash before punctuation is the punctuation itself in Markdown (CommonMark 2.4): pandoc writes
// Word's `I.`, `a)` and `- ` at a line's start as `I\.`, `a\)`, `\-` so that they stay text. A reader
// sees `I.`, `a)`, `-`, and so does the plan: these escapes are read as the character. Kept as written:
// `\|` (a pipe inside a table cell, read by the table grammar), `\*`, `\_`, `` \` `` and `\#`, `\<`, `\>`,
// which would otherwise start emphasis, code, a heading or HTML.
const ESCAPE = /\\([!"$%&'()+,\-./:;=?@[\]^{}~])/g;

/**
 * The source with Markdown's backslash escapes read, mapping each offset back through `source` to the
 * file as written; `source` itself when it has none (nearly every plan).
 */
export function withoutMarkdownEscapes(source: SourceText): SourceText {
  const text = source.text;
  if (!text.includes('\\')) return source;
  ESCAPE.lastIndex = 0;
  if (!ESCAPE.test(text)) return source;
  const derived = new DerivedText(source);
  let from = 0;
  ESCAPE.lastIndex = 0;
  for (let match = ESCAPE.exec(text); match !== null; match = ESCAPE.exec(text)) {
    const at = match.index;
    derived.copy(from, at);
    // The character stands where the backslash stood: a range that starts at it starts at the escape.
    derived.write(match[1], at);
    from = at + 2;
  }
  derived.copy(from, text.length);
  return derived.finish();
}
