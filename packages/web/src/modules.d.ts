// Modules the bundler provides (scripts/build.mjs) or that ship without types.
declare module 'plan-lint-web:embedded' {
  const files: Record<string, { text?: string; base64?: string }>;
  export default files;
}
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
declare module 'saxes/saxes.js' { export { SaxesParser } from 'saxes'; }
