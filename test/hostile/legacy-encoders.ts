// Encoders for the two pre-Unicode Vietnamese encodings plans still arrive in, so the tests can
// make such files from Unicode text. Tables: TCVN 5712:1993 VN3 ("ABC", the .VnTime fonts) and
// VNI Windows; letters that the table lacks (capitals with tones in TCVN3, typed with the .VnTimeH
// capital font) take their lower-case code, as those fonts do.

const TCVN3: Record<string, number> = {
  à: 0xb5, á: 0xb8, ả: 0xb6, ã: 0xb7, ạ: 0xb9, ă: 0xa8, ằ: 0xbb, ắ: 0xbe, ẳ: 0xbc, ẵ: 0xbd, ặ: 0xc6,
  â: 0xa9, ầ: 0xc7, ấ: 0xca, ẩ: 0xc8, ẫ: 0xc9, ậ: 0xcb, đ: 0xae, è: 0xcc, é: 0xd0, ẻ: 0xce, ẽ: 0xcf, ẹ: 0xd1,
  ê: 0xaa, ề: 0xd2, ế: 0xd5, ể: 0xd3, ễ: 0xd4, ệ: 0xd6, ì: 0xd7, í: 0xdd, ỉ: 0xd8, ĩ: 0xdc, ị: 0xde,
  ò: 0xdf, ó: 0xe3, ỏ: 0xe1, õ: 0xe2, ọ: 0xe4, ô: 0xab, ồ: 0xe5, ố: 0xe8, ổ: 0xe6, ỗ: 0xe7, ộ: 0xe9,
  ơ: 0xac, ờ: 0xea, ớ: 0xed, ở: 0xeb, ỡ: 0xec, ợ: 0xee, ù: 0xef, ú: 0xf3, ủ: 0xf1, ũ: 0xf2, ụ: 0xf4,
  ư: 0xad, ừ: 0xf5, ứ: 0xf8, ử: 0xf6, ữ: 0xf7, ự: 0xf9, ỳ: 0xfa, ý: 0xfd, ỷ: 0xfb, ỹ: 0xfc, ỵ: 0xfe,
  Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7,
};

export function encodeTcvn3(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text.normalize('NFC')) {
    const code = TCVN3[char] ?? TCVN3[char.toLowerCase()];
    if (code !== undefined) out.push(code);
    else if (char.charCodeAt(0) < 0x80) out.push(char.charCodeAt(0));
    else out.push(0x3f);
  }
  return Uint8Array.from(out);
}

// VNI: base letter, then a byte for the shape (circumflex, breve, horn) combined with the tone.
const VNI_TONE = { '\u0301': 0xf9, '\u0300': 0xf8, '\u0309': 0xfb, '\u0303': 0xf5, '\u0323': 0xef } as Record<string, number>;
const VNI_CIRCUMFLEX = { '': 0xe2, '\u0301': 0xe1, '\u0300': 0xe0, '\u0309': 0xe5, '\u0303': 0xe3, '\u0323': 0xe4 } as Record<string, number>;
const VNI_BREVE = { '': 0xea, '\u0301': 0xe9, '\u0300': 0xe8, '\u0309': 0xfa, '\u0303': 0xfc, '\u0323': 0xeb } as Record<string, number>;

export function encodeVni(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text.normalize('NFC')) {
    if (char.charCodeAt(0) < 0x80) {
      out.push(char.charCodeAt(0));
      continue;
    }
    if (char === 'đ' || char === 'Đ') {
      out.push(char === 'đ' ? 0xf1 : 0xd1);
      continue;
    }
    const upper = char !== char.toLowerCase();
    const parts = char.toLowerCase().normalize('NFD');
    const base = parts[0];
    const marks = parts.slice(1);
    const tone = [...marks].find((mark) => mark in VNI_TONE) ?? '';
    const shape = marks.includes('\u0302') ? 'circumflex' : marks.includes('\u0306') ? 'breve' : marks.includes('\u031b') ? 'horn' : '';
    const up = (byte: number) => (upper ? byte - 0x20 : byte);
    if (shape === 'horn') {
      out.push(up(base === 'o' ? 0xf4 : 0xf6));
      if (tone) out.push(up(VNI_TONE[tone]));
    } else {
      out.push((upper ? base.toUpperCase() : base).charCodeAt(0));
      if (shape === 'circumflex') out.push(up(VNI_CIRCUMFLEX[tone]));
      else if (shape === 'breve') out.push(up(VNI_BREVE[tone]));
      else if (tone) out.push(up(VNI_TONE[tone]));
    }
  }
  return Uint8Array.from(out);
}

// VISCII (RFC 1456): every precomposed Vietnamese letter is one byte, 0x80–0xFF and six C0 bytes.
const VISCII_HIGH = 'ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ';
const VISCII: Record<string, number> = { Ẳ: 0x02, Ẵ: 0x05, Ẫ: 0x06, Ỷ: 0x14, Ỹ: 0x19, Ỵ: 0x1e };
[...VISCII_HIGH].forEach((char, index) => (VISCII[char] = 0x80 + index));

export function encodeViscii(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text.normalize('NFC')) {
    const code = char.charCodeAt(0) < 0x80 ? char.charCodeAt(0) : VISCII[char];
    out.push(code ?? 0x3f);
  }
  return Uint8Array.from(out);
}

// Windows-1258: Latin-1 letters, Ă Â Ê Ô Ơ Ư Đ (and lower case) as letters, and the five tones as
// combining bytes after their vowel, as Windows writes Vietnamese in this code page.
const CP1258: Record<string, number> = {
  Ă: 0xc3, ă: 0xe3, Đ: 0xd0, đ: 0xf0, Ơ: 0xd5, ơ: 0xf5, Ư: 0xdd, ư: 0xfd, '\u0300': 0xcc, '\u0301': 0xec, '\u0303': 0xde, '\u0309': 0xd2, '\u0323': 0xf2,
};
for (const char of 'ÀÁÂÈÉÊÌÍÒÓÔÙÚàáâèéêìíòóôùú') CP1258[char] = char.charCodeAt(0);

export function encodeWindows1258(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text.normalize('NFC')) {
    if (char.charCodeAt(0) < 0x80) {
      out.push(char.charCodeAt(0));
      continue;
    }
    if (CP1258[char] !== undefined) {
      out.push(CP1258[char]);
      continue;
    }
    // The letter without its tone (keeping ă â ê ô ơ ư), then the tone as its own byte.
    const parts = char.normalize('NFD');
    const tone = [...parts].find((mark) => '\u0300\u0301\u0303\u0309\u0323'.includes(mark));
    const base = (tone ? parts.replace(tone, '') : parts).normalize('NFC');
    out.push(base.charCodeAt(0) < 0x80 ? base.charCodeAt(0) : (CP1258[base] ?? 0x3f));
    if (tone) out.push(CP1258[tone]);
  }
  return Uint8Array.from(out);
}
