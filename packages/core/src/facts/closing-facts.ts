import type { PlanDocument, Position } from '../parse/ast.js';
import type { TextIndex } from './text.js';
import type { RecipientFacts, SignerFacts } from './types.js';

// Nghị định 30/2020, Phụ lục I, II.9: "Nơi nhận:", one "- " line per recipient, the last "- Lưu: VT, …".
// "Lưu: Văn thư" spells out the same archive (VT = văn thư) and is accepted.
const ARCHIVE = /^Lưu:\s*(VT|Văn thư)(?![\p{L}\p{N}])/iu;
const ARCHIVE_LOOSE = /^(Lưu)\s*:?\s*(VT)\b/iu;

export function extractRecipientFacts(document: PlanDocument, index: TextIndex, end: Position): RecipientFacts {
  const recipients = document.recipients;
  if (!recipients) return { present: false, endsWithArchive: false, position: end, issues: { recipients: { messageId: 'missing' } } };
  const last = recipients.entries.at(-1);
  const lastText = last?.text.trim() ?? '';
  const facts: RecipientFacts = { present: true, endsWithArchive: ARCHIVE.test(lastText), position: recipients.position };
  if (facts.endsWithArchive) return facts;
  const loose = ARCHIVE_LOOSE.exec(lastText);
  if (loose && last?.position) {
    // "Lưu : VT." (seed 000): the archive line is there, with the colon misplaced.
    const start = index.toNormalized(last.position.start.offset) + (last.text.length - last.text.trimStart().length);
    facts.issues = {
      recipients: {
        messageId: 'archiveFormat',
        position: index.position(start, start + loose[0].length),
        data: { found: loose[0] },
        fix: index.fix(start, start + loose[0].length, `${loose[1]}: ${loose[2]}`),
      },
    };
  } else {
    facts.issues = { recipients: { messageId: 'noArchive', position: last?.position ?? recipients.position } };
  }
  return facts;
}

export function extractSignerFacts(document: PlanDocument, end: Position): SignerFacts {
  const signer = document.signer;
  const facts: SignerFacts = {
    present: Boolean(signer),
    hasTitle: Boolean(signer?.title || signer?.onBehalfOf),
    hasName: Boolean(signer?.name),
    position: signer?.position ?? end,
  };
  if (!facts.hasTitle || !facts.hasName) {
    facts.issues = { signature: { messageId: !signer ? 'missing' : !facts.hasTitle ? 'noTitle' : 'noName' } };
  }
  return facts;
}
