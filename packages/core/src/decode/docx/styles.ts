import { parseXml, wordAttr, type Budget } from './xml.js';

interface RawStyle {
  name?: string;
  basedOn?: string;
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
}

export interface ParagraphStyle {
  /** Heading depth 1–9 (Title is 1), 0 for body text. */
  headingDepth: number;
  numId?: string;
  ilvl?: number;
}

// Word writes built-in names in English ("heading 1", "Title") whatever the UI language, but
// style ids follow the UI ("Heading1", "u1"…), and LibreOffice or a Vietnamese template may name
// their own styles in Vietnamese.
const HEADING_NAME = /^(?:heading|tiêu\s*đề|đề\s*mục|đầu\s*đề)\s*([1-9])$/i;
const TITLE_NAME = /^(?:title|tiêu\s*đề|tên\s*văn\s*bản)$/i;

/** Paragraph styles by id, with what they inherit through `basedOn` worked out. */
export class Styles {
  private readonly resolved = new Map<string, ParagraphStyle>();

  constructor(private readonly raw: Map<string, RawStyle>) {}

  static parse(bytes: Uint8Array | undefined, budget: Budget): Styles {
    const raw = new Map<string, RawStyle>();
    if (!bytes) return new Styles(raw);
    let current: RawStyle | undefined;
    parseXml(
      bytes,
      {
        open(tag, isWord) {
          if (!isWord) return;
          switch (tag.local) {
            case 'style':
              current = undefined;
              if (wordAttr(tag, 'type') === 'paragraph' || wordAttr(tag, 'type') === undefined) {
                current = {};
                raw.set(wordAttr(tag, 'styleId') ?? '', current);
              }
              break;
            case 'name':
              if (current) current.name = wordAttr(tag, 'val');
              break;
            case 'basedOn':
              if (current) current.basedOn = wordAttr(tag, 'val');
              break;
            case 'outlineLvl':
              if (current) current.outlineLevel = Number(wordAttr(tag, 'val'));
              break;
            case 'numId':
              if (current) current.numId = wordAttr(tag, 'val');
              break;
            case 'ilvl':
              if (current) current.ilvl = Number(wordAttr(tag, 'val')) || 0;
              break;
          }
        },
        close(tag, isWord) {
          if (isWord && tag.local === 'style') current = undefined;
        },
        text() {},
      },
      budget,
    );
    return new Styles(raw);
  }

  get(styleId: string | undefined): ParagraphStyle {
    if (styleId === undefined) return { headingDepth: 0 };
    let style = this.resolved.get(styleId);
    if (!style) {
      style = this.resolve(styleId, new Set());
      this.resolved.set(styleId, style);
    }
    return style;
  }

  private resolve(styleId: string, seen: Set<string>): ParagraphStyle {
    const raw = this.raw.get(styleId);
    // A basedOn cycle (a damaged file) ends the chain.
    if (!raw || seen.has(styleId)) return { headingDepth: headingDepthOf(undefined, styleId) };
    seen.add(styleId);
    const base = raw.basedOn !== undefined ? this.resolve(raw.basedOn, seen) : { headingDepth: 0 };
    const own = headingDepthOf(raw, styleId);
    return {
      headingDepth: own >= 0 ? own : base.headingDepth,
      numId: raw.numId ?? base.numId,
      ilvl: raw.ilvl ?? base.ilvl,
    };
  }
}

/** -1 when the style says nothing itself (inherit), 0 for body text. */
function headingDepthOf(raw: RawStyle | undefined, styleId: string): number {
  const name = raw?.name?.trim() ?? '';
  const byName = HEADING_NAME.exec(name) ?? HEADING_NAME.exec(styleId);
  if (byName) return Number(byName[1]);
  if (TITLE_NAME.test(name) || TITLE_NAME.test(styleId)) return 1;
  // outlineLvl 0–8 makes a paragraph a heading in Word's navigation pane; 9 is body text.
  if (raw?.outlineLevel !== undefined && raw.outlineLevel >= 0) return raw.outlineLevel <= 8 ? raw.outlineLevel + 1 : 0;
  return raw ? -1 : 0;
}
