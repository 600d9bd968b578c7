import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file path of a `file:` URI; undefined for `untitled:` and other schemes (no config lookup then). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}
