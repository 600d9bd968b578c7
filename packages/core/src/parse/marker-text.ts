// What may follow a list marker (Nghị định 30/2020, Phụ lục I, II.6.đ: mục I., khoản 1., điểm a)).
// Word sets its automatic number off with a tab, which a text export (pdftotext, a PDF's text layer)
// may drop: `V.TỔ CHỨC THỰC HIỆN`, `1.Mục đích`, `a)Phổ biến`. A marker is followed by a space, the
// line's end, or glued to the text it numbers: a capital after `I.` or `1.` (a small letter or digit
// there is a word or a number: `v.v.`, `1.100`), any letter after `a)`. Typists also end a marker with
// a slash or a dash (`I/ MỤC ĐÍCH`, `1- Mục đích`, `a/ Hiệu trưởng`): always followed by a space, since
// `1/2027`, `15/11` and `15-11` are dates.

/** The capitals of Vietnamese, as a character class body (explicit ranges: see tokens.ts on `\p{…}`). */
export const UPPER_LETTER = `A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0102\\u0110\\u0128\\u0168\\u01A0\\u01AF${Array.from({ length: 0x1ef8 - 0x1ea0 + 2 >> 1 }, (_, k) => `\\u${(0x1ea0 + 2 * k).toString(16).toUpperCase()}`).join('')}`;
/** Every letter, as a character class body. */
export const ANY_LETTER = 'A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF';

/** After `I.`, `1.`, `1.2.`: a space, the end, or a capital. */
export const AFTER_NUMBER = `(?=[ \\t]|$|[${UPPER_LETTER}])`;
/** After `a)`: a space, the end, or a letter. */
export const AFTER_LETTER = `(?=[ \\t]|$|[${ANY_LETTER}])`;

export const BULLET = '[-+*•o\\u2022\\u25cf\\u25aa\\u25e6\\u2013\\u2212\\u27a2\\u2713\\uf000-\\uf8ff]';

// What may end a marker typed before a space, beside `.` and `)`: a slash or a dash, and after a Roman
// numeral a colon (`I/`, `I:`, `1-`, `a/`). One place, for the line lexer, the inline lexer, the reflow
// gates and the deadline binder.
/** After a Roman numeral. */
export const TYPED_ROMAN_END = '[/:-]';
/** After a number or a letter. */
export const TYPED_END = '[/-]';
/** `I.` `I/` `I:` `I-`, before a space. */
export const ROMAN_SPACED = `[IVXL]{1,6}[.${TYPED_ROMAN_END.slice(1, -1)}]`;
/** `1.` `1.2.` `1.2` `1/` `1-`, before a space. */
export const NUMBER_SPACED = `\\d{1,2}(?:\\.\\d{1,2})*[.${TYPED_END.slice(1, -1)}]?`;
/** `1)`, before a space. */
export const NUMBER_PAREN_SPACED = '\\d{1,2}\\)';
/** `a)` `a/` `a-`, before a space. */
export const LETTER_SPACED = `[a-zđ][)${TYPED_END.slice(1, -1)}]`;
/**
 * A list marker at a line's start (bullets include the glyphs Word and PDF exports leave: private-use
 * symbols, ➢, ✓), with the space after it, or glued to its text: the marker is group 1 (spaced), 2 or
 * 3 (glued). The line lexer tests lines with it; the tree builder reads the marker.
 */
export const LINE_MARKER = new RegExp(
  `^(?:(${ROMAN_SPACED}|${NUMBER_SPACED}|${NUMBER_PAREN_SPACED}|${LETTER_SPACED}|${BULLET})\\s+|([IVXL]{1,6}\\.|\\d{1,2}(?:\\.\\d{1,2})*\\.)(?=[${UPPER_LETTER}])|([a-zđ]\\))(?=[${ANY_LETTER}]))`,
);
