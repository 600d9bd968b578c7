import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { help, type HelpTopic } from '../help.js';
import { UsageError } from '../usage-error.js';
import { tr } from '../locale.js';

/** Prints a command's help when asked; true when it did. */
export function printedHelp(argv: readonly string[], command: HelpTopic): boolean {
  if (!argv.includes('--help') && !argv.includes('-h')) return false;
  process.stdout.write(help(command));
  return true;
}

export function exactlyOne(positionals: readonly string[], what: { vi: string; en: string }, command: string): string {
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? tr(`${command} cần một ${what.vi}`, `${command} needs a ${what.en}`)
        : tr(`${command} chỉ nhận một ${what.vi}; nhận được ${positionals.length}`, `${command} takes one ${what.en}; got ${positionals.length}`),
    );
  }
  return positionals[0];
}

/** Standard output, or a file written atomically (its folder created). */
export async function writeOutput(text: string, output: string | undefined): Promise<void> {
  if (!output) {
    process.stdout.write(text);
    return;
  }
  const target = path.resolve(output);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(target, text);
}
