import type { PlanDocument, Position } from '../parse/ast.js';
import type { TextIndex } from './text.js';
import type { RecipientFacts, SignerFacts } from './types.js';

// An archive mention however spaced: where the recipients rule looks for "Lưu: VT".
const ARCHIVE_LOOSE = /^(Lưu)\s*:?\s*(VT)\b/iu;

/**
 * The Nơi nhận block: whether it is there, its last line, and where that line starts with an archive
 * mention in any spacing ("Lưu : VT", "Lưu VT") with the edit to "Lưu: VT". The recipients rule judges
 * the form (Nghị định 30/2020, Phụ lục I, II.9: the last line is "- Lưu: VT, …").
 */
export function extractRecipientFacts(document: PlanDocument, index: TextIndex, end: Position): RecipientFacts {
  const recipients = document.recipients;
  if (!recipients) return { present: false, position: end };
  const last = recipients.entries.at(-1);
  const lastText = last?.text.trim() ?? '';
  const facts: RecipientFacts = { present: true, last: lastText, lastPosition: last?.position ?? recipients.position, position: recipients.position };
  const loose = ARCHIVE_LOOSE.exec(lastText);
  if (loose && last?.position) {
    const start = index.toNormalized(last.position.start.offset) + (last.text.length - last.text.trimStart().length);
    facts.archive = {
      written: loose[0],
      position: index.position(start, start + loose[0].length),
      fix: index.fix(start, start + loose[0].length, `${loose[1]}: ${loose[2]}`),
    };
  }
  return facts;
}

/** The signature block: whether it is there, with a position (or on behalf of) and a name. */
export function extractSignerFacts(document: PlanDocument, end: Position): SignerFacts {
  const signer = document.signer;
  return {
    present: Boolean(signer),
    hasTitle: Boolean(signer?.title || signer?.onBehalfOf),
    hasName: Boolean(signer?.name),
    authority: signer?.authority,
    onBehalfOf: signer?.onBehalfOf ? titleWords(signer.onBehalfOf) : undefined,
    title: signer?.title ? titleWords(signer.title) : undefined,
    ...deputyFacts(signer),
    position: signer?.position ?? end,
  };
}

/** A title as words: upper case, one space between words, no emphasis marks (`**PHÓ  HIỆU TRƯỞNG**`). */
function titleWords(title: string): string {
  return title.replace(/[*_]/g, ' ').trim().replace(/\s+/g, ' ').toUpperCase();
}

/** Under `KT. X` with the title on the next line: the deputy's title `PHÓ X`, and whether the title is it. */
function deputyFacts(signer: PlanDocument['signer']): Pick<SignerFacts, 'deputyTitle' | 'signsAsDeputy'> {
  if (signer?.authority !== 'KT.' || !signer.onBehalfOf || !signer.title || !signer.titleUnderAuthority) return {};
  const deputyTitle = `PHÓ ${titleWords(signer.onBehalfOf)}`;
  const title = titleWords(signer.title);
  return { deputyTitle, signsAsDeputy: title === deputyTitle || title.startsWith(`${deputyTitle} `) };
}
