// node:module for the browser bundle. createRequire serves the one CommonJS helper the generated
// schema validators require, and resolves the two data files core looks up as packages to their
// embedded copies (files.ts); any other package is "not found", as for a missing optional package.
import ucs2length from 'ajv/dist/runtime/ucs2length';
import { ROOT } from './files.js';

const RESOLVED: Record<string, string> = {
  '@plan-lint/core/package.json': `${ROOT}/packages/core/package.json`,
  '@plan-lint/dict-vi/dist/vi-words.bin': `${ROOT}/packages/dict-vi/dist/vi-words.bin`,
};

function notFound(id: string): Error {
  return Object.assign(new Error(`Cannot find module '${id}' (plan-lint in the browser loads no packages)`), { code: 'MODULE_NOT_FOUND' });
}

export function createRequire(_from: string | URL) {
  const require = (id: string): unknown => {
    if (id === 'ajv/dist/runtime/ucs2length') return { default: ucs2length };
    throw notFound(id);
  };
  require.resolve = (id: string): string => {
    const resolved = RESOLVED[id];
    if (!resolved) throw notFound(id);
    return resolved;
  };
  return require;
}

export const builtinModules: string[] = [];
export default { createRequire, builtinModules };
