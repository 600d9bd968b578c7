/**
 * Names the encoding of a file that is not UTF-8, for the error message. Vietnamese plans typed
 * before Unicode use one of four encodings, and the converter to use depends on which:
 * TCVN3 (ABC, the .Vn fonts: one byte per accented letter, 0xA1–0xFE), VNI (an ASCII vowel then
 * a mark byte), VISCII (one byte per letter, all 134 of them, over the whole 0x80–0xFF range) and
 * Windows-1258 (Latin-1 letters, Ă Â Ê Ô Ơ Ư Đ, and tones as separate combining bytes).
 * Byte statistics tell them apart: the sample is decoded as each, and the encoding whose words
 * read as Vietnamese syllables most often wins. A UTF-8 file with one damaged character is none.
 */
export type NonUtf8Kind = 'damaged-utf8' | 'tcvn3' | 'vni' | 'viscii' | 'windows-1258' | 'legacy-8bit';

// 0x80–0xFF of each single-byte table; U+FFFD where the byte means nothing in it.
const WINDOWS_1258 =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\ufffd\u2039\u0152\ufffd\ufffd\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\ufffd\u203a\u0153\ufffd\ufffd\u0178' +
  '\u00a0\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af\u00b0\u00b1\u00b2\u00b3\u00b4\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf' +
  '\u00c0\u00c1\u00c2\u0102\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u0300\u00cd\u00ce\u00cf\u0110\u00d1\u0309\u00d3\u00d4\u01a0\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u01af\u0303\u00df' +
  '\u00e0\u00e1\u00e2\u0103\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u0301\u00ed\u00ee\u00ef\u0111\u00f1\u0323\u00f3\u00f4\u01a1\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u01b0\u20ab\u00ff';
const VISCII = 'ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ';
// VISCII also takes six C0 bytes for capitals.
const VISCII_C0: Record<number, string> = { 0x02: 'Ẳ', 0x05: 'Ẵ', 0x06: 'Ẫ', 0x14: 'Ỷ', 0x19: 'Ỹ', 0x1e: 'Ỵ' };
// TCVN 5712:1993 VN3: 0xA1–0xA7 capitals, 0xA8–0xFE lower-case letters (capitals with tones take these).
const TCVN3: Record<number, string> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ', 0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ', 0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ', 0xc6: 'ặ', 0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ',
  0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ', 0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ', 0xd7: 'ì', 0xd8: 'ỉ', 0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị',
  0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ', 0xe5: 'ồ', 0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ', 0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ',
  0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ', 0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự', 0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
};
// VNI Windows (lower case; capitals are 0x20 lower): a mark byte after its vowel, as combining
// marks; ơ ư đ and the i's with tones are letters of their own.
const VNI_LOWER: Record<number, string> = {
  0xf9: '\u0301', 0xf8: '\u0300', 0xfb: '\u0309', 0xf5: '\u0303', 0xef: '\u0323',
  0xe2: '\u0302', 0xe1: '\u0302\u0301', 0xe0: '\u0302\u0300', 0xe5: '\u0302\u0309', 0xe3: '\u0302\u0303', 0xe4: '\u0302\u0323',
  0xea: '\u0306', 0xe9: '\u0306\u0301', 0xe8: '\u0306\u0300', 0xfa: '\u0306\u0309', 0xfc: '\u0306\u0303', 0xeb: '\u0306\u0323',
  0xf4: 'ơ', 0xf6: 'ư', 0xf1: 'đ', 0xec: 'ì', 0xed: 'í', 0xe6: 'ỉ', 0xf3: 'ĩ', 0xf2: 'ị',
};

type Decoder = (byte: number) => string;
const DECODERS: Array<[Exclude<NonUtf8Kind, 'damaged-utf8' | 'legacy-8bit'>, Decoder]> = [
  ['tcvn3', (b) => TCVN3[b] ?? '\ufffd'],
  ['vni', decodeVni],
  ['viscii', (b) => VISCII[b - 0x80]],
  ['windows-1258', (b) => WINDOWS_1258[b - 0x80]],
];

/** A VNI byte: lower-case letters and marks from 0xE0 up, their capitals 0x20 lower. */
function decodeVni(b: number): string {
  const lower = VNI_LOWER[b];
  if (lower !== undefined) return lower;
  const capital = VNI_LOWER[b + 0x20];
  if (capital === undefined) return '\ufffd';
  return /^[\u0300-\u036f]/.test(capital) ? capital : capital.toUpperCase();
}

// A Vietnamese syllable once its tone is set aside: onset, one to three vowels, coda.
const SYLLABLE = /^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnpt])?$/;
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Whether a word (letters and marks) reads as one Vietnamese syllable: one tone at most, one case shape. */
function isSyllable(word: string): boolean {
  const composed = word.normalize('NFC');
  if (/[\u0300-\u036f]/.test(composed)) return false; // a mark left over sits on no vowel
  const lower = composed.toLowerCase();
  if (composed !== lower && composed !== composed.toUpperCase() && composed.slice(1) !== lower.slice(1)) return false;
  const decomposed = lower.normalize('NFD');
  if ((decomposed.match(TONES) ?? []).length > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONES, '').normalize('NFC'));
}

const LETTER = /[\p{L}\p{M}]/u;

/** The share of words with a non-ASCII letter that read as syllables, when the sample is decoded with `decode`. */
function syllableShare(bytes: Uint8Array, limit: number, decode: Decoder, isViscii: boolean): number {
  const { good, counted } = syllableCounts(bytes, limit, decode, isViscii);
  // A few words prove nothing: twelve bytes of noise read as VISCII as well as anything.
  return counted < MIN_WORDS ? 0 : good / counted;
}

/** Words with a non-ASCII letter needed before an encoding is named. */
const MIN_WORDS = 5;

function syllableCounts(bytes: Uint8Array, limit: number, decode: Decoder, isViscii: boolean): { good: number; counted: number } {
  let word = '';
  let high = false;
  let good = 0;
  let counted = 0;
  const flush = () => {
    if (high && word) {
      counted++;
      if (isSyllable(word)) good++;
    }
    word = '';
    high = false;
  };
  for (let i = 0; i < limit; i++) {
    const b = bytes[i];
    const char = b >= 0x80 ? decode(b) : isViscii && VISCII_C0[b] ? VISCII_C0[b] : String.fromCharCode(b);
    if (b >= 0x80 || (isViscii && VISCII_C0[b])) high = true;
    if (LETTER.test(char)) word += char;
    else flush();
  }
  flush();
  return { good, counted };
}

/** Classifies bytes that failed strict UTF-8 decoding (looks at the first 64 KB). */
export function classifyNonUtf8(bytes: Uint8Array): NonUtf8Kind {
  const limit = Math.min(bytes.length, 65536);
  let utf8High = 0;
  let strayHigh = 0;
  for (let i = 0; i < limit; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : 0;
    let valid = need > 0 && i + need < bytes.length;
    for (let k = 1; valid && k <= need; k++) valid = (bytes[i + k] & 0xc0) === 0x80;
    if (valid) {
      utf8High += need + 1;
      i += need + 1;
    } else {
      strayHigh++;
      i++;
    }
  }
  // A few bad bytes in a file that is otherwise UTF-8: a cut or damaged character, not a legacy font.
  if (utf8High > 0 && strayHigh * 10 < utf8High) return 'damaged-utf8';
  let best: NonUtf8Kind = 'legacy-8bit';
  let bestShare = 0.6; // below this no encoding reads as Vietnamese: say so, without naming one
  for (const [kind, decode] of DECODERS) {
    const share = syllableShare(bytes, limit, decode, kind === 'viscii');
    if (share > bestShare) {
      best = kind;
      bestShare = share;
    }
  }
  return best;
}

/** The words the error message uses for each kind. */
export function describeNonUtf8(kind: NonUtf8Kind): string {
  switch (kind) {
    case 'damaged-utf8':
      return 'the rest of the file is UTF-8: a character there is damaged or cut; retype it';
    case 'tcvn3':
      return 'the file looks TCVN3-encoded (ABC, the .Vn fonts), a pre-Unicode Vietnamese encoding; convert it to Unicode UTF-8 (for example with the UniKey converter, TCVN3 → Unicode)';
    case 'vni':
      return 'the file looks VNI-encoded (the VNI fonts), a pre-Unicode Vietnamese encoding; convert it to Unicode UTF-8 (for example with the UniKey converter, VNI Windows → Unicode)';
    case 'viscii':
      return 'the file looks VISCII-encoded, a pre-Unicode Vietnamese encoding; convert it to Unicode UTF-8 (for example with the UniKey converter, VISCII → Unicode, or iconv -f VISCII -t UTF-8)';
    case 'windows-1258':
      return 'the file looks Windows-1258-encoded (the Vietnamese Windows code page); convert it to Unicode UTF-8 (for example with the UniKey converter, Vietnamese locale CP 1258 → Unicode, or iconv -f CP1258 -t UTF-8)';
    case 'legacy-8bit':
      return 'the file looks 8-bit encoded (TCVN3, VNI, VISCII or Windows-1258); convert it to Unicode UTF-8';
  }
}
