// saxes is CommonJS: esbuild's chunk for a dynamic import() of it exports only `default`, so core's
// `(await import('saxes')).SaxesParser` would be undefined in the bundle. This ES module names it.
export { SaxesParser } from 'saxes/saxes.js';
