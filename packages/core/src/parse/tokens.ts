// Tokens of the plan grammar, in lexer order. Vietnamese letters are explicit ranges:
// the Chevrotain lexer rebuilds patterns without the `u` flag, so `\p{L}` would silently
// match nothing (Chevrotain issue #1620).
import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from 'chevrotain';
import { skipDefinitionChecks } from './definition-checks.js';
import { AFTER_LETTER, AFTER_NUMBER, TYPED_END, TYPED_ROMAN_END, UPPER_LETTER } from './marker-text.js';

const LETTER = 'A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF';
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Every token also belongs to `Any`, so the grammar can consume plain text with one rule. */
export const Any = createToken({ name: 'Any', pattern: Lexer.NA });

/**
 * A custom pattern's answer without the match array `exec` makes: `test` then the matched text, in an
 * array the matcher reuses. The lexer reads only `[0]` and `payload` of what a pattern returns and
 * keeps neither (chevrotain lexer_public.js), and prose runs are a third of all tokens.
 */
function matchedBy(regex: RegExp): (text: string, offset: number) => RegExpExecArray | null {
  const found = [''] as unknown as RegExpExecArray;
  return (text, offset) => {
    regex.lastIndex = offset;
    if (!regex.test(text)) return null;
    found[0] = text.slice(offset, regex.lastIndex);
    return found;
  };
}

function atLineStart(pattern: RegExp): CustomPatternMatcherFunc {
  const match = matchedBy(new RegExp(pattern.source, 'y'));
  return (text, offset) => (offset !== 0 && text.charCodeAt(offset - 1) !== 10 ? null : match(text, offset));
}

function sticky(...patterns: RegExp[]): CustomPatternMatcherFunc {
  const compiled = patterns.map((pattern) => matchedBy(new RegExp(pattern.source, 'y')));
  return (text, offset) => {
    for (const match of compiled) {
      const found = match(text, offset);
      if (found) return found;
    }
    return null;
  };
}

function separatedDate(separator: '-' | '.'): CustomPatternMatcherFunc {
  const sep = separator === '.' ? '\\.' : '-';
  const pattern = new RegExp(`(\\d{1,2})${sep}(\\d{1,2})${sep}((?:19|20)\\d{2})(?!\\d|[.,/-]\\d)`, 'y');
  const spaced = separator === '-' ? /(\d{1,2})[ \t]+-[ \t]+(\d{1,2})[ \t]+-[ \t]+((?:19|20)\d{2})(?!\d|[.,/-]\d)/y : undefined;
  // `từ 15-11 đến 15-12-2026`, `ngày 05.6`: day and month alone, only where a date must stand (after
  // `ngày`, or as either end of a range written alike); `từ 3-5 em`, `từ 10-15 phút` are no dates.
  const dayMonth = new RegExp(`(\\d{1,2})${sep}(\\d{1,2})(?!\\d|[.,/-]\\d)`, 'y');
  const rangeStart = new RegExp(`^[ \\t\\u00a0]+(?:đến|tới)(?:[ \\t\\u00a0]+hết)?(?:[ \\t\\u00a0]+ngày)?[ \\t\\u00a0]+\\d{1,2}${sep}\\d{1,2}(?!\\d)`);
  const rangeEnd = new RegExp(`(?:^|[^\\p{L}])[Tt]ừ(?:[ \\t\\u00a0]+ngày)?[ \\t\\u00a0]+\\d{1,2}${sep}\\d{1,2}(?:${sep}\\d{4})?[ \\t\\u00a0]+(?:đến|tới)(?:[ \\t\\u00a0]+hết)?(?:[ \\t\\u00a0]+ngày)?[ \\t\\u00a0]+$`, 'u');
  const afterNgay = /[Nn]gày[ \t\u00a0]+$/;
  const afterTu = /(?:^|[^\p{L}])[Tt]ừ[ \t\u00a0]+$/u;
  return (text, offset) => {
    if (separator === '.' && (offset === 0 || text.charCodeAt(offset - 1) === 10)) return null;
    const before = text.charCodeAt(offset - 1);
    // Not the tail of a longer number (`1.12.05.2026`) or word (`A1-12-2026`).
    if ((before >= 48 && before <= 57) || before === 46 || before === 45 || before === 47) return null;
    pattern.lastIndex = offset;
    let match = pattern.exec(text);
    if (!match && spaced) {
      // `ngày 15 - 11 - 2027`: the separators set off by spaces, after `ngày` only (`10 - 15 - 20 em` is no date).
      spaced.lastIndex = offset;
      const found = spaced.exec(text);
      if (found && afterNgay.test(text.slice(Math.max(0, offset - 8), offset))) match = found;
    }
    if (!match) {
      dayMonth.lastIndex = offset;
      const short = dayMonth.exec(text);
      if (!short) return null;
      const lead = text.slice(Math.max(0, offset - 48), offset);
      const end = offset + short[0].length;
      const standsAsDate =
        afterNgay.test(lead) || (afterTu.test(lead) && rangeStart.test(text.slice(end, end + 40))) || rangeEnd.test(lead);
      if (!standsAsDate) return null;
      match = short;
    }
    const day = Number(match[1]);
    const month = Number(match[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) return null;
    if (separator === '.' && (match[1].length < 2 || match[2].length < 2) && !afterNgay.test(text.slice(Math.max(0, offset - 8), offset))) {
      return null;
    }
    return match;
  };
}

export const Newline = createToken({ name: 'Newline', pattern: /\n/, line_breaks: true, categories: [Any] });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\u00a0\u200b]+/, group: Lexer.SKIPPED });

// Numbering at the start of a logical line (Nghị định 30/2020, Phụ lục I, II.6.đ: mục I., khoản 1., điểm a)).
export const RomanMarker = createToken({
  name: 'RomanMarker',
  pattern: atLineStart(new RegExp(`[IVXL]{1,6}(?:\\.${AFTER_NUMBER}|${TYPED_ROMAN_END}(?=[ \\t]))`)),
  line_breaks: false,
  start_chars_hint: ['I', 'V', 'X', 'L'],
  categories: [Any],
});
export const DecimalMarker = createToken({
  name: 'DecimalMarker',
  pattern: atLineStart(new RegExp(`\\d{1,2}(?:\\.\\d{1,2})+(?:\\.?(?=[ \\t]|$)|\\.(?=[${UPPER_LETTER}]))`)),
  line_breaks: false,
  start_chars_hint: DIGITS,
  categories: [Any],
});
export const ArabicMarker = createToken({
  name: 'ArabicMarker',
  pattern: atLineStart(new RegExp(`\\d{1,2}(?:[.)]${AFTER_NUMBER}|${TYPED_END}(?=[ \\t]))`)),
  line_breaks: false,
  start_chars_hint: DIGITS,
  categories: [Any],
});
export const LetterMarker = createToken({
  name: 'LetterMarker',
  pattern: atLineStart(new RegExp(`[a-zđ](?:\\)${AFTER_LETTER}|${TYPED_END}(?=[ \\t]))`)),
  line_breaks: false,
  start_chars_hint: [...'abcdefghijklmnopqrstuvwxyz', 'đ'],
  categories: [Any],
});
// `o` and private-use glyphs are what Word's bullets become in a text export (seed 004).
export const BulletMarker = createToken({
  name: 'BulletMarker',
  pattern: atLineStart(/[-+*•o\u2022\u25cf\u25aa\u25e6\u2013\u2212\u27a2\u2713\uf000-\uf8ff](?=[ \t])/),
  line_breaks: false,
  start_chars_hint: ['-', '+', '*', '•', 'o', '\u2022', '\u25cf', '\u25aa', '\u25e6', '\u2013', '\u2212', '\u27a2', '\u2713', '\uf0a7', '\uf0b7', '\uf0d8', '\uf076', '\uf0fc'],
  categories: [Any],
});

// Số, ký hiệu (Nghị định 30/2020, Phụ lục I, II.3; Luật 80/2015, Điều 10): `125/2021/NĐ-CP`,
// `21/KH-PGDĐT`, `73/2006/QH11`, and as mistyped in real plans: `1790/QĐ -TTg`, `559/SGD ĐT-CTHSSV`.
// Party documents (Hướng dẫn 36-HD/VPTW): `21-CT/TW`, `56- KL/TU`.
export const DocSymbol = createToken({
  name: 'DocSymbol',
  pattern: sticky(
    /\d{1,5} ?\/ ?(?:\d{4}\/)?[A-ZĐ][A-Za-zĐđ0-9&]*(?:(?: ?- ?| (?=[A-ZĐ]{2,} ?-))[A-ZĐ][A-Za-zĐđ0-9&]*)*/,
    /\d{1,4} ?- ?[A-ZĐ][A-Za-zĐđ]* ?\/ ?[A-ZĐ][A-Za-zĐđ0-9]*/,
  ),
  line_breaks: false,
  start_chars_hint: DIGITS,
  categories: [Any],
});
export const IsoDate = createToken({ name: 'IsoDate', pattern: /\d{4}-\d{2}-\d{2}(?:T[\d:+]+)?/, categories: [Any] });
export const MonthYear = createToken({ name: 'MonthYear', pattern: /\d{1,2}\/\d{4}(?!\d)/, categories: [Any] });
export const DateSlash = createToken({ name: 'DateSlash', pattern: /\d{1,2}\/\d{1,2}(?:\/\d{4})?(?!\d)/, categories: [Any] });
// `05-12-2026` and `05.12.2026`: day and month of one or two digits, a four-digit year. Never at a
// line's start (`1.2.2024` there is outline numbering), never inside a longer number (money
// `1.500.000` has three-digit groups and does not fit); a dotted date with a one-digit day or month
// needs `ngày` before it, since `1.2.2024` in prose is as likely a clause number as a date.
export const DateDash = createToken({
  name: 'DateDash',
  pattern: separatedDate('-'),
  line_breaks: false,
  start_chars_hint: DIGITS,
  categories: [Any],
});
export const DateDot = createToken({
  name: 'DateDot',
  pattern: separatedDate('.'),
  line_breaks: false,
  start_chars_hint: DIGITS,
  categories: [Any],
});
export const NumberToken = createToken({ name: 'Number', pattern: /\d+(?:[.,]\d+)*/, categories: [Any] });

// Tên loại văn bản (Nghị định 30/2020, Điều 7; Luật 80/2015, Điều 4). Longest first.
const TYPE_WORDS = [
  'Thông tư liên tịch', 'Chương trình hành động', 'Nghị định', 'Nghị quyết', 'Quyết định', 'Kế hoạch', 'Chỉ thị',
  'Thông tư', 'Công văn', 'Hướng dẫn', 'Kết luận', 'Chương trình', 'Bộ luật', 'Luật', 'Thông báo', 'Đề án',
  'Quy định', 'Quy chế', 'Pháp lệnh', 'Tờ trình', 'Báo cáo', 'Công điện', 'nghị định', 'nghị quyết', 'quyết định',
  'kế hoạch', 'chỉ thị', 'thông tư', 'công văn', 'hướng dẫn', 'kết luận', 'chương trình', 'luật', 'thông báo', 'đề án',
  // As clerks shorten the type before its number (`Thực hiện KH số 25/KH-SGDĐT`, `QĐ số 1790/QĐ-TTg`).
  'KH', 'QĐ', 'NĐ', 'NQ',
];
const TYPE_WORD = `(?:${TYPE_WORDS.join('|')})(?![${LETTER}])`;

// Plain prose in one token: a run of words that starts no entity. Lexing word by word made
// the lexer and the CST the parser's main cost (≈2 MB/s, measured with --cpu-prof). A run
// stops before a type word or a date keyword, but only where the grammar could use it: a
// type word before a number (`Kế hoạch 12/KH`, `Nghị định số 125/2021/NĐ-CP`), a date
// keyword before its number (`ngày 15/11`, `tháng 3 năm 2025`, `từ ngày …`, `đến 20/11`).
// Elsewhere (`kế hoạch năm học`, `số lượng`, `công tác`) they are prose: the entity rules
// consume a type word only before a DocSymbol or `số` + DocSymbol, and ngày, tháng, năm, số,
// từ, đến only before a number (or `ngày`), so the parse is the same with fewer tokens.
const FIRST_WORDS = [
  'Nghị', 'nghị', 'Quyết', 'quyết', 'Kế', 'kế', 'Chỉ', 'chỉ', 'Thông', 'thông', 'Công', 'công', 'Hướng', 'hướng',
  'Kết', 'kết', 'Chương', 'chương', 'Bộ', 'Luật', 'luật', 'Đề', 'đề', 'Quy', 'Pháp', 'Tờ', 'Báo',
  'ngày', 'Ngày', 'tháng', 'Tháng', 'năm', 'Năm', 'số', 'Số', 'từ', 'Từ', 'đến', 'tới', 'thứ', 'Thứ', 'chủ', 'Chủ',
  'KH', 'QĐ', 'NĐ', 'NQ',
];
const SPACE = '[ \\t\\u00a0\\u200b]';
// `thứ Hai, ngày 15/11/2027`: a weekday before a date, its comma included.
const WEEKDAY = `(?:[Tt]hứ${SPACE}+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|[Cc]hủ${SPACE}+[Nn]hật),?`;
const BEFORE_WEEKDAY_DATE = `(?=${SPACE}+(?:[Nn]gày${SPACE}+)?\\d)`;
const BEFORE_DATE = `(?=${SPACE}+(?:${WEEKDAY}${SPACE}+)?(?:\\d|[Nn]gày))`;
const CITING = `${TYPE_WORD}(?=${SPACE}*\\d|${SPACE}+[Ss]ố${SPACE}+\\d)`;
const DATING = `(?:[Nn]gày|[Tt]háng|[Nn]ăm|[Ss]ố)(?=${SPACE}+\\d)|(?:[Tt]ừ|(?:đến|tới)(?:${SPACE}+hết)?)${BEFORE_DATE}|${WEEKDAY}${BEFORE_WEEKDAY_DATE}`;
// `Luật Bình đẳng giới số 73/2006/QH11`, `Bộ luật Lao động số 45/2019/QH14`: a law, a code and an
// ordinance are cited by their name, then số (Nghị định 30/2020, Phụ lục I: "tên loại và tên" for
// Luật and Pháp lệnh). The name is words joined by spaces or commas, up to `số` and a number; it
// never runs into another document (`Luật A, Luật B số …` cites B alone) except as `… của Luật B` in a
// law that amends another (`Luật sửa đổi, bổ sung một số điều của Luật Ban hành … số 63/2020/QH14`).
const NAMED_TYPE = '(?:Bộ luật|Luật|Pháp lệnh)';
// A capitalised type word ends a name (`Luật Bình đẳng giới và Nghị định số 125/2021/NĐ-CP` cites the
// decree); lower-case ones may be part of it (`Luật Ban hành văn bản quy phạm pháp luật`).
const NAME_ENDS = `(?:${TYPE_WORDS.filter((word) => word[0] !== word[0].toLowerCase()).join('|')})(?![${LETTER}])`;
const NAME_WORD = `[${LETTER}]+`;
const NAME_GAP = `(?:${SPACE}+|,${SPACE}*)`;
const LAW_NAME =
  `${NAMED_TYPE}${SPACE}+${NAME_WORD}` +
  `(?:${SPACE}+của${SPACE}+${NAMED_TYPE}(?![${LETTER}])|${NAME_GAP}(?!${NAME_ENDS})${NAME_WORD}){0,24}` +
  `(?=${SPACE}+[Ss]ố${SPACE}+\\d)`;
// The first-word test keeps every stop at a word that starts a keyword or type word, as the
// keyword and type word tokens themselves require.
const STOP = `(?=(?:${FIRST_WORDS.join('|')})(?![${LETTER}0-9]))(?:${CITING}|${DATING}|${LAW_NAME})`;

// One sticky regular expression: V8 compiles it to native code, several times faster than a
// word-by-word loop in JavaScript (measured with --cpu-prof on the seeds).
const WORD = `[${LETTER}][${LETTER}0-9]*`;
// Words are joined by spaces or by a comma: the grammar reads a comma only after a DocSymbol
// (`125/2021/NĐ-CP, ngày …`), never between two words, and commas are a sixth of all tokens.
const PROSE = new RegExp(`(?!${STOP})${WORD}(?:(?: +|, *)(?!${STOP})${WORD})*`, 'y');

const matchProse = matchedBy(PROSE);

const LETTER_HINTS: string[] = [];
for (const [from, to] of [[65, 90], [97, 122], [0xc0, 0x24f], [0x1e00, 0x1eff]]) {
  for (let code = from; code <= to; code++) if (code !== 0xd7 && code !== 0xf7) LETTER_HINTS.push(String.fromCharCode(code));
}

export const Prose = createToken({
  name: 'Prose',
  pattern: matchProse,
  line_breaks: false,
  start_chars_hint: LETTER_HINTS,
  categories: [Any],
});

export const NamedLaw = createToken({
  name: 'NamedLaw',
  pattern: sticky(new RegExp(LAW_NAME)),
  line_breaks: false,
  start_chars_hint: ['B', 'L', 'P'],
  categories: [Any],
});

/** `thứ Hai,` before a date (`từ thứ Hai, ngày 15/11/2027`): the grammar lets a date range and a date carry it. */
export const Weekday = createToken({ name: 'Weekday', pattern: new RegExp(`${WEEKDAY}${BEFORE_WEEKDAY_DATE}`), line_breaks: false, categories: [Any] });

export const Word = createToken({ name: 'Word', pattern: new RegExp(`[${LETTER}][${LETTER}0-9]*`), categories: [Any] });

export const TypeWord = createToken({ name: 'TypeWord', pattern: new RegExp(TYPE_WORD), categories: [Any] });

function keyword(name: string, pattern: RegExp): TokenType {
  return createToken({ name, pattern, longer_alt: Word, categories: [Any] });
}
export const Ngay = keyword('Ngay', /[Nn]gày/); // ngày
export const Thang = keyword('Thang', /[Tt]háng/); // tháng
export const Nam = keyword('Nam', /[Nn]ăm/); // năm
export const So = keyword('So', /[Ss]ố/); // số
export const Tu = keyword('Tu', /[Tt]ừ/); // từ
// Prose takes `đến` everywhere else; Chevrotain's definition check would call a bare /đến/ unreachable.
// `đến hết ngày 15/12`: the range runs through that day, as `đến` does; `tới` says the same.
export const Den = keyword('Den', new RegExp(`(?:đến|tới)(?:${SPACE}+hết)?${BEFORE_DATE}`)); // đến

export const Comma = createToken({ name: 'Comma', pattern: /,/, categories: [Any] });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/, categories: [Any] });
export const Colon = createToken({ name: 'Colon', pattern: /:/, categories: [Any] });
export const Period = createToken({ name: 'Period', pattern: /\./, categories: [Any] });
export const Dash = createToken({ name: 'Dash', pattern: /-{1,3}|[–—]/, categories: [Any] });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, categories: [Any] });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, categories: [Any] });
/**
 * Any other character, so that lexing never fails on user text. Written as positive ranges,
 * not `[^\s]`: a complement set turns off the lexer's first-character optimisation.
 */
export const Other = createToken({
  name: 'Other',
  pattern: /[\u0000-\u0008\u000b-\u001f\u0021-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u009f\u00a1-\u1fff\u200c-\u2027\u202a-\uffff]/,
  categories: [Any],
});

export const allTokens: TokenType[] = [
  Newline,
  WhiteSpace,
  RomanMarker,
  DecimalMarker,
  ArabicMarker,
  LetterMarker,
  BulletMarker,
  DocSymbol,
  IsoDate,
  MonthYear,
  DateSlash,
  DateDash,
  DateDot,
  NumberToken,
  NamedLaw,
  Prose,
  Weekday,
  TypeWord,
  Ngay,
  Thang,
  Nam,
  So,
  Tu,
  Den,
  Word,
  Comma,
  Semicolon,
  Colon,
  Period,
  Dash,
  LParen,
  RParen,
  Other,
  Any,
];

export const planLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
  skipValidations: skipDefinitionChecks,
});
