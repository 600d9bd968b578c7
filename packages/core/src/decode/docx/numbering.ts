import { parseXml, wordAttr, type Budget } from './xml.js';

interface Level {
  start: number;
  format: string;
  text: string;
  /** `lvlRestart`: restart after a level shallower than this (1-based); 0 never. Default: the level's own number. */
  restart?: number;
  /** `isLgl`: every number in the text in decimal (legal numbering, `1.2.3`). */
  legal: boolean;
}

interface AbstractNum {
  levels: (Level | undefined)[];
  /** `numStyleLink`: the list's levels are those of the numbering style's list. */
  styleLink?: string;
  /** `styleLink`: this list defines the numbering style of that name. */
  definesStyle?: string;
}

interface Num {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

// Plans number their points with the Vietnamese alphabet: a b c d đ e g h i k … (no f, j, w, z;
// Nghị định 30/2020/NĐ-CP, Phụ lục I). Word has no such format: a Vietnamese author's automatic
// a) b) c) d) list is lowerLetter, and is meant and printed-over as đ) at the fifth item.
const LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
/** Word's own letters (ECMA-376 lowerLetter: the Latin a–z), as it prints them. */
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** A Word number in a `numFmt`; `latin`: letters as Word prints them, not as the plan means them. */
export function formatNumber(value: number, format: string, latin = false): string {
  switch (format) {
    case 'lowerLetter':
    case 'upperLetter': {
      // Past the alphabet Word doubles the letter (aa, bb…).
      const n = Math.max(1, value);
      const alphabet = latin ? LATIN_LETTERS : LETTERS;
      const letter = alphabet[(n - 1) % alphabet.length].repeat(Math.floor((n - 1) / alphabet.length) + 1);
      return format === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      let n = value;
      let out = '';
      if (n <= 0 || n >= 4000) return String(value);
      for (const [size, symbol] of ROMAN) {
        while (n >= size) {
          out += symbol;
          n -= size;
        }
      }
      return format === 'lowerRoman' ? out.toLowerCase() : out;
    }
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case 'none':
      return '';
    default:
      // decimal, and the formats plans never use (ordinal, East Asian counting…) read as decimal.
      return String(value);
  }
}

/**
 * The numbering definitions (numbering.xml) and the counters of a pass over the document: each
 * numbered paragraph, in document order, gets the marker Word shows in front of it.
 */
export class Numbering {
  // Word counts per abstract list: two `num`s of one abstractNum continue each other.
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly seenNums = new Set<string>();
  /**
   * The writer typed `đ)` by hand among automatic letters, as Vietnamese offices do since Word has no
   * đ: Word numbers on (its fifth letter is e), so from there the letters are shown as Word shows
   * them, until a list of letters starts again at a.
   */
  private lettersAsPrinted = false;

  constructor(
    private readonly abstracts: Map<string, AbstractNum>,
    private readonly nums: Map<string, Num>,
  ) {}

  static parse(bytes: Uint8Array | undefined, budget: Budget): Numbering {
    const abstracts = new Map<string, AbstractNum>();
    const nums = new Map<string, Num>();
    if (!bytes) return new Numbering(abstracts, nums);
    let abstract: AbstractNum | undefined;
    let num: Num | undefined;
    let overrideLevel: number | undefined;
    let level: Level | undefined;
    parseXml(
      bytes,
      {
        open(tag, isWord) {
          if (!isWord) return;
          const val = () => wordAttr(tag, 'val');
          switch (tag.local) {
            case 'abstractNum':
              abstract = { levels: [] };
              abstracts.set(wordAttr(tag, 'abstractNumId') ?? '', abstract);
              break;
            case 'num':
              num = { abstractId: '', overrides: new Map() };
              nums.set(wordAttr(tag, 'numId') ?? '', num);
              break;
            case 'abstractNumId':
              if (num) num.abstractId = val() ?? '';
              break;
            case 'lvlOverride':
              overrideLevel = Number(wordAttr(tag, 'ilvl')) || 0;
              num?.overrides.set(overrideLevel, {});
              break;
            case 'startOverride':
              if (num && overrideLevel !== undefined) num.overrides.get(overrideLevel)!.start = Number(val()) || 0;
              break;
            case 'lvl': {
              level = { start: 1, format: 'decimal', text: '', legal: false };
              const ilvl = Number(wordAttr(tag, 'ilvl')) || 0;
              if (num && overrideLevel !== undefined) num.overrides.get(overrideLevel)!.level = level;
              else if (abstract && ilvl < 9) abstract.levels[ilvl] = level;
              break;
            }
            case 'start':
              if (level) level.start = Number(val()) || 0;
              break;
            case 'numFmt':
              if (level) level.format = val() ?? 'decimal';
              break;
            case 'lvlText':
              if (level) level.text = val() ?? '';
              break;
            case 'lvlRestart':
              if (level) level.restart = Number(val()) || 0;
              break;
            case 'isLgl':
              if (level) level.legal = val() === undefined || !/^(0|false|off)$/i.test(val()!);
              break;
            case 'numStyleLink':
              if (abstract) abstract.styleLink = val();
              break;
            case 'styleLink':
              if (abstract) abstract.definesStyle = val();
              break;
          }
        },
        close(tag, isWord) {
          if (!isWord) return;
          if (tag.local === 'abstractNum') abstract = undefined;
          else if (tag.local === 'num') num = undefined;
          else if (tag.local === 'lvlOverride') overrideLevel = undefined;
          else if (tag.local === 'lvl') level = undefined;
        },
        text() {},
      },
      budget,
    );
    return new Numbering(abstracts, nums);
  }

  /**
   * The marker of the next paragraph numbered with (numId, ilvl), as Word shows it, or undefined
   * when there is none (numId 0 removes numbering; an unknown list shows nothing). Advances the
   * counters: call it once per numbered paragraph, in document order, even for empty paragraphs.
   */
  next(numId: string, ilvl: number): { marker: string; bullet: boolean } | undefined {
    const num = this.nums.get(numId);
    if (!num || numId === '0') return undefined;
    const abstractId = this.listOf(num.abstractId);
    const abstract = this.abstracts.get(abstractId);
    if (!abstract) return undefined;
    const levelOf = (k: number): Level | undefined => num.overrides.get(k)?.level ?? abstract.levels[k];
    let counters = this.counters.get(abstractId);
    if (!counters) {
      counters = [];
      this.counters.set(abstractId, counters);
    }
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      // A new `num` with startOverride restarts those levels where it is first used.
      for (const [k, override] of num.overrides) {
        const start = override.start ?? override.level?.start;
        if (start !== undefined) counters[k] = start - 1;
      }
    }
    const level = levelOf(ilvl);
    if (!level) return undefined;
    counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl]! + 1;
    // Deeper levels restart after this one unless their lvlRestart says otherwise.
    for (let k = ilvl + 1; k < 9; k++) {
      const restart = levelOf(k)?.restart ?? k;
      if (restart !== 0 && ilvl < restart) counters[k] = undefined;
    }
    if (level.format === 'bullet') return { marker: bulletText(level.text), bullet: true };
    if (counters[ilvl] === 1 && isLetters(level.format)) this.lettersAsPrinted = false;
    const marker = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const k = Number(digit) - 1;
      const at = levelOf(k);
      const value = counters![k] ?? at?.start ?? 1;
      return formatNumber(value, level.legal && k < ilvl ? 'decimal' : (at?.format ?? 'decimal'), this.lettersAsPrinted);
    });
    return { marker, bullet: false };
  }

  /** A paragraph without numbering, in document order: one that starts with a typed `đ)` is noted. */
  unnumbered(text: string): void {
    if (TYPED_D.test(text)) this.lettersAsPrinted = true;
  }

  /** A list that only points to a numbering style uses the list that defines that style. */
  private listOf(abstractId: string): string {
    const link = this.abstracts.get(abstractId)?.styleLink;
    if (link === undefined) return abstractId;
    for (const [id, other] of this.abstracts) if (other.definesStyle === link) return id;
    return abstractId;
  }
}

const TYPED_D = /^\s*[đĐ]\s?[).]/;

function isLetters(format: string): boolean {
  return format === 'lowerLetter' || format === 'upperLetter';
}

/**
 * Bullets in symbol fonts are private-use characters (U+F0B7 in Symbol, U+F0A7 in Wingdings) or
 * an `o` in Courier: they become the Markdown `-`. A dash or plus typed as the bullet, common in
 * Vietnamese plans, stays what it is.
 */
function bulletText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || /^[\uf000-\uf8ff•●▪◦o·]$/u.test(trimmed)) return '-';
  return trimmed;
}
