// Injected by the bundler where code names `Buffer` or `process` without importing them.
export { Buffer } from 'buffer';
export { process } from './process.js';
