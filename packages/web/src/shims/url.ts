// node:url for the browser bundle: file: URLs of the in-memory files.
export function fileURLToPath(url: string | URL): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  if (parsed.protocol !== 'file:') throw new TypeError(`The URL must be of scheme file: ${parsed.href}`);
  return decodeURIComponent(parsed.pathname);
}

export function pathToFileURL(filePath: string): URL {
  return new URL(`file://${encodeURI(filePath).replace(/[?#]/g, encodeURIComponent)}`);
}

const url = { fileURLToPath, pathToFileURL, URL: globalThis.URL, URLSearchParams: globalThis.URLSearchParams };
export const { URL: URLClass } = url;
export default url;
