/** A message template cut at its `{name}` placeholders: odd parts are the names. Templates are few; messages many. */
const templateParts = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = templateParts.get(template);
  if (!parts) {
    // split with a capture group keeps the names at the odd indexes.
    parts = template.split(/\{(\w+)\}/);
    if (templateParts.size >= 1024) templateParts.clear();
    templateParts.set(template, parts);
  }
  return parts;
}

/** The placeholder names of a template, in order. */
export function placeholdersOf(template: string): string[] {
  return partsOf(template).filter((_, index) => index % 2 === 1);
}

/** `{name}` → data.name where data has it; a placeholder with no value is left as written. */
export function fillTemplate(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0];
  for (let index = 1; index < parts.length; index += 2) {
    const key = parts[index];
    out += (Object.hasOwn(data, key) && data[key] !== undefined ? String(data[key]) : `{${key}}`) + parts[index + 1];
  }
  return out;
}
