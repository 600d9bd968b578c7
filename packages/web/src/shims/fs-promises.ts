// node:fs/promises for the browser bundle, over the same in-memory files as fs.ts.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from './fs.js';

export async function open(target: string | URL): Promise<{
  stat(): Promise<Stats>;
  read(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesRead: number; buffer: Uint8Array }>;
  close(): Promise<void>;
}> {
  const fd = openSync(target);
  return {
    stat: async () => fstatSync(fd),
    read: async (buffer, offset, length, position) => ({ bytesRead: readSync(fd, buffer, offset, length, position), buffer }),
    close: async () => closeSync(fd),
  };
}

export const stat = async (target: string | URL) => statSync(target) as Stats;
export const lstat = stat;
export const readFile = async (target: string | URL, options?: string | { encoding?: string }) => readFileSync(target, options);
export const readdir = async (target: string | URL, options?: { withFileTypes?: boolean }) => readdirSync(target, options);
export const realpath = async (target: string | URL) => realpathSync(target);
export const access = async (target: string | URL) => {
  statSync(target);
};

function readOnly(syscall: string): Promise<never> {
  return Promise.reject(Object.assign(new Error(`EROFS: plan-lint in the browser writes no files (${syscall})`), { code: 'EROFS', syscall }));
}

export const writeFile = () => readOnly('write');
export const mkdir = () => readOnly('mkdir');
export const rename = () => readOnly('rename');
export const unlink = () => readOnly('unlink');
export const chmod = () => readOnly('chmod');
export const chown = () => readOnly('chown');
export type FileHandle = Awaited<ReturnType<typeof open>>;

export default { open, stat, lstat, readFile, readdir, realpath, access, writeFile, mkdir, rename, unlink, chmod, chown };
