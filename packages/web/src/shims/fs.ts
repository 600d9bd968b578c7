// node:fs for the browser bundle: reads the embedded and given files (files.ts); writes refuse.
import { Buffer } from 'buffer';
import { fileBytes, isDirectory, isFile, listDirectory } from './files.js';

function pathOf(target: string | URL): string {
  const text = typeof target === 'string' ? target : target.href;
  return text.startsWith('file://') ? decodeURIComponent(new URL(text).pathname) : text;
}

function missing(syscall: string, target: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, ${syscall} '${target}'`), { code: 'ENOENT', syscall, path: target });
}

function readOnly(syscall: string): never {
  throw Object.assign(new Error(`EROFS: plan-lint in the browser writes no files (${syscall})`), { code: 'EROFS', syscall });
}

export class Stats {
  constructor(
    private readonly directory: boolean,
    readonly size: number,
  ) {}
  readonly mtimeMs = 0;
  readonly mtime = new Date(0);
  readonly mode = 0o444;
  isFile(): boolean {
    return !this.directory;
  }
  isDirectory(): boolean {
    return this.directory;
  }
  isSymbolicLink(): boolean {
    return false;
  }
  isFIFO(): boolean {
    return false;
  }
  isCharacterDevice(): boolean {
    return false;
  }
  isBlockDevice(): boolean {
    return false;
  }
  isSocket(): boolean {
    return false;
  }
}

export function statSync(target: string | URL, options?: { throwIfNoEntry?: boolean }): Stats | undefined {
  const name = pathOf(target);
  if (isDirectory(name)) return new Stats(true, 0);
  const bytes = fileBytes(name);
  if (bytes) return new Stats(false, bytes.length);
  if (options?.throwIfNoEntry === false) return undefined;
  throw missing('stat', name);
}

export const lstatSync = statSync;

export function existsSync(target: string | URL): boolean {
  const name = pathOf(target);
  return isDirectory(name) || isFile(name);
}

export function readFileSync(target: string | URL, options?: string | { encoding?: string }): Buffer | string {
  const name = pathOf(target);
  const bytes = fileBytes(name);
  if (!bytes) throw isDirectory(name) ? Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${name}'`), { code: 'EISDIR' }) : missing('open', name);
  const encoding = typeof options === 'string' ? options : options?.encoding;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return encoding ? new TextDecoder().decode(bytes) : buffer;
}

export function readdirSync(target: string | URL, options?: { withFileTypes?: boolean }): unknown[] {
  const name = pathOf(target);
  if (!isDirectory(name)) throw missing('scandir', name);
  const entries = listDirectory(name);
  if (!options?.withFileTypes) return entries.map((entry) => entry.name);
  return entries.map((entry) => ({
    name: entry.name,
    parentPath: name,
    path: name,
    isFile: () => !entry.directory,
    isDirectory: () => entry.directory,
    isSymbolicLink: () => false,
  }));
}

export function realpathSync(target: string | URL): string {
  const name = pathOf(target);
  if (!existsSync(name)) throw missing('realpath', name);
  return name;
}

export function readlinkSync(target: string): never {
  throw Object.assign(new Error(`EINVAL: invalid argument, readlink '${target}'`), { code: 'EINVAL' });
}

// File descriptors over the in-memory files, for the bounded reads of core's read-file.ts.
const open = new Map<number, { name: string; bytes: Uint8Array; position: number }>();
let nextFd = 3;

export function openSync(target: string | URL): number {
  const name = pathOf(target);
  const bytes = fileBytes(name);
  if (!bytes && !isDirectory(name)) throw missing('open', name);
  const fd = nextFd++;
  open.set(fd, { name, bytes: bytes ?? new Uint8Array(0), position: 0 });
  return fd;
}

function descriptor(fd: number) {
  const entry = open.get(fd);
  if (!entry) throw Object.assign(new Error('EBADF: bad file descriptor'), { code: 'EBADF' });
  return entry;
}

export function fstatSync(fd: number): Stats {
  const entry = descriptor(fd);
  return isDirectory(entry.name) ? new Stats(true, 0) : new Stats(false, entry.bytes.length);
}

export function readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number {
  const entry = descriptor(fd);
  if (isDirectory(entry.name)) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: 'EISDIR' });
  const start = position ?? entry.position;
  const chunk = entry.bytes.subarray(start, Math.min(entry.bytes.length, start + length));
  buffer.set(chunk, offset);
  if (position === null) entry.position += chunk.length;
  return chunk.length;
}

export function closeSync(fd: number): void {
  open.delete(fd);
}

export const constants = { O_RDONLY: 0, O_NONBLOCK: 0, F_OK: 0, R_OK: 4, W_OK: 2 };

export function unlinkSync(): never {
  return readOnly('unlink');
}

export function writeFileSync(): never {
  return readOnly('write');
}

export function mkdirSync(): never {
  return readOnly('mkdir');
}

export default { statSync, lstatSync, existsSync, readFileSync, readdirSync, realpathSync, readlinkSync, openSync, fstatSync, readSync, closeSync, constants, unlinkSync, writeFileSync, mkdirSync, Stats };
