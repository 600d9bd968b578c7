/** An item of a list fact (or a single fact object) that checks may have flagged. */
interface MaybeFlagged {
  issues?: Record<string, unknown>;
}

const isIso = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function asList(value: unknown): MaybeFlagged[] {
  if (Array.isArray(value)) return value as MaybeFlagged[];
  if (value && typeof value === 'object') return [value as MaybeFlagged];
  return [];
}

function inRange(value: unknown, range: unknown): boolean | undefined {
  if (!isIso(value) || !range || typeof range !== 'object') return undefined;
  const { from, to } = range as { from?: unknown; to?: unknown };
  if (!isIso(from) || !isIso(to)) return undefined;
  return value >= from && value <= to;
}

/**
 * Operators packs may use besides json-rules-engine's built-ins. Dates are ISO 8601 strings, which
 * compare correctly as strings when both sides have the same form (`2024-06-05`, `--11-15`).
 * A missing side makes every date operator false: a rule never fires on a fact the plan lacks.
 */
export const customOperators: Array<[string, (fact: any, value: any) => boolean]> = [
  ['dateOnOrBefore', (fact, value) => isIso(fact) && isIso(value) && fact <= value],
  ['dateAfter', (fact, value) => isIso(fact) && isIso(value) && fact > value],
  ['withinRange', (fact, value) => inRange(fact, value) === true],
  ['notWithinRange', (fact, value) => inRange(fact, value) === false],
  ['yearEquals', (fact, value) => typeof fact === 'number' && fact === value],
  ['yearDiffers', (fact, value) => typeof fact === 'number' && typeof value === 'number' && fact !== value],
  ['anyFlagged', (fact, value) => asList(fact).some((item) => Boolean(item?.issues?.[value]))],
  ['isEmpty', (fact) => fact === undefined || fact === null || (Array.isArray(fact) && fact.length === 0)],
  ['notEmpty', (fact) => Array.isArray(fact) ? fact.length > 0 : fact !== undefined && fact !== null],
];

export const customOperatorNames = customOperators.map(([name]) => name);
