// The text and file name of a derived pack, from the open plan's text: core's derivePack, as
// `plan-lint pack derive` writes it.
import { derivePack, parsePlan, sourceFromString } from '@plan-lint/core';
import { planFormat } from './show-ast.js';

export interface DerivedPack {
  fileName: string;
  text: string;
  /** One sentence for the user: what the pack carries. */
  summary: string;
}

export function derivePackText(filePath: string, text: string, languageId: string): DerivedPack {
  const document = parsePlan(sourceFromString(text), { format: planFormat(filePath, languageId) });
  const pack = derivePack(document);
  const deadlines = Object.keys(pack.parent?.deadlines ?? {});
  const summary = pack.parent?.symbol
    ? `pack ${pack.name} carries ${pack.parent.symbol}${pack.parent.date ? ` of ${pack.parent.date}` : ''} and ${deadlines.length} deadline(s).`
    : `pack ${pack.name}: the plan has no "Số: …" line, so subordinates cannot be checked for citing it.`;
  return { fileName: `${pack.name}.pack.json`, text: `${JSON.stringify(pack, null, 2)}\n`, summary };
}
