/**
 * Names the encoding of a file that is not UTF-8, for the error message: Vietnamese plans typed
 * before Unicode use TCVN3 (ABC, the .Vn fonts), where each accented vowel is one byte 0xA1–0xFE
 * ("KÕ ho¹ch"), or VNI, where an ASCII vowel is followed by a mark byte ("Keá hoaïch"). A UTF-8
 * file with one damaged character is neither, and is told so.
 */
export type NonUtf8Kind = 'damaged-utf8' | 'tcvn3' | 'vni' | 'legacy-8bit';

const isAsciiVowel = (b: number) => 'aeiouyAEIOUY'.includes(String.fromCharCode(b));

// VNI mark bytes: tones (á à ả ã ạ as ù ø û õ ï and capitals), circumflex/breve with tones
// (â á à å ã ä / ê é è ú ü ë and capitals), and ô ö (ơ ư) and ñ Ñ (đ Đ).
const VNI_MARKS = new Set([
  0xf9, 0xf8, 0xfb, 0xf5, 0xef, 0xe2, 0xe1, 0xe0, 0xe5, 0xe3, 0xe4, 0xea, 0xe9, 0xe8, 0xfa, 0xfc, 0xeb,
  0xd9, 0xd8, 0xdb, 0xd5, 0xcf, 0xc2, 0xc1, 0xc0, 0xc5, 0xc3, 0xc4, 0xca, 0xc9, 0xc8, 0xda, 0xdc, 0xcb,
]);
const VNI_LETTERS = new Set([0xf4, 0xf6, 0xd4, 0xd6, 0xf1, 0xd1]);

/** Classifies bytes that failed strict UTF-8 decoding (looks at the first 64 KB). */
export function classifyNonUtf8(bytes: Uint8Array): NonUtf8Kind {
  const limit = Math.min(bytes.length, 65536);
  let utf8High = 0;
  let strayHigh = 0;
  let afterVowel = 0;
  let vniShaped = 0;
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
      continue;
    }
    strayHigh++;
    const previous = i > 0 ? bytes[i - 1] : 0x20;
    if (isAsciiVowel(previous) || VNI_LETTERS.has(previous)) {
      afterVowel++;
      if (VNI_MARKS.has(b)) vniShaped++;
    } else if (VNI_LETTERS.has(b)) {
      vniShaped++;
    }
    i++;
  }
  // A few bad bytes in a file that is otherwise UTF-8: a cut or damaged character, not a legacy font.
  if (utf8High > 0 && strayHigh * 10 < utf8High) return 'damaged-utf8';
  // In VNI nearly every high byte is a mark after a vowel (or ơ ư đ); in TCVN3 the high byte is
  // the vowel itself, mostly after a consonant (ngµy, th¸ng, n¨m).
  if (vniShaped / strayHigh > 0.7) return 'vni';
  if (afterVowel / strayHigh <= 0.5) return 'tcvn3';
  return 'legacy-8bit';
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
    case 'legacy-8bit':
      return 'the file looks 8-bit encoded (TCVN3, VNI or Windows-1258); convert it to Unicode UTF-8';
  }
}
