import { existsSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { parseJsonFile, positionOfPointer, schemaError } from '../shared/json-file.js';
import { waiversSchemaValidator } from '../shared/schema-validators.js';
import { PlanLintInputError } from '../shared/errors.js';
import { readJsonTextAsync } from '../shared/read-file.js';
import { isCalendarDay, isoToday } from './dates.js';
import type { Waiver, WaiverRegister } from './types.js';

export const WAIVERS_FILE_NAME = 'plan-lint.waivers.json';

/**
 * The waivers register beside a config (`dir/plan-lint.waivers.json`), or undefined when there is
 * none. A malformed register is a PlanLintInputError naming its line: a waiver nobody can read must
 * not silently set findings aside, nor silently stop doing so.
 */
export async function loadWaivers(dir: string): Promise<WaiverRegister | undefined> {
  const filePath = path.join(dir, WAIVERS_FILE_NAME);
  if (!existsSync(filePath)) return undefined;
  return loadWaiversFile(filePath);
}

export async function loadWaiversFile(filePath: string): Promise<WaiverRegister> {
  let text: string;
  try {
    text = await readJsonTextAsync(filePath, 'The waivers register');
  } catch (error) {
    if (error instanceof PlanLintInputError) throw error;
    throw new PlanLintInputError('waivers-missing', `Cannot read the waivers register: ${(error as Error).message}.`, { filePath });
  }
  const file = parseJsonFile(filePath, text, 'waivers-json');
  if (!waiversSchemaValidator(file.value)) {
    throw schemaError(file, waiversSchemaValidator.errors ?? [], 'waivers-schema', 'The waivers register');
  }
  const waivers = (file.value as { waivers: Waiver[] }).waivers;
  waivers.forEach((waiver, index) => {
    if (!isCalendarDay(waiver.expires)) {
      throw new PlanLintInputError(
        'waivers-schema',
        `waiver ${index + 1} (rule "${waiver.rule}") expires on "${waiver.expires}", which is not a calendar date; write YYYY-MM-DD.`,
        { filePath, ...positionOfPointer(file, `/waivers/${index}/expires`) },
      );
    }
  });
  return { filePath, baseDir: path.dirname(filePath), waivers };
}

/** The file as the register's globs see it: relative to the register's folder, with forward slashes. */
function relativeTo(register: WaiverRegister, filePath: string): string {
  return path.relative(register.baseDir, path.resolve(filePath)).split(path.sep).join('/');
}

export function waiverCovers(register: WaiverRegister, waiver: Waiver, filePath: string): boolean {
  const globs = Array.isArray(waiver.files) ? waiver.files : [waiver.files];
  return picomatch.isMatch(relativeTo(register, filePath), globs, { dot: true });
}

export function isExpired(waiver: Waiver, now: Date = new Date()): boolean {
  return waiver.expires < isoToday(now);
}

/** The waivers of a register that name this file, split into those in force and those expired. */
export function waiversFor(
  register: WaiverRegister | undefined,
  filePath: string | undefined,
  now: Date = new Date(),
): { active: Waiver[]; expired: Waiver[] } {
  const active: Waiver[] = [];
  const expired: Waiver[] = [];
  if (!register || !filePath) return { active, expired };
  for (const waiver of register.waivers) {
    if (!waiverCovers(register, waiver, filePath)) continue;
    (isExpired(waiver, now) ? expired : active).push(waiver);
  }
  return { active, expired };
}
