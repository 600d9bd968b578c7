import { countsOf, displayPath, sortedDiagnostics } from './counts.js';
import type { Formatter } from './types.js';

export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * JUnit XML as ESLint's `junit` formatter writes it: a test suite per file, a test case per
 * finding (or one passing case for a clean file), `<failure>` for findings, `<error>` for a file
 * that could not be read.
 */
export const formatJunit: Formatter = (files, context) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<testsuites>'];
  for (const file of files) {
    const name = displayPath(file.filePath, context.cwd);
    const className = name.replace(/\.[^./]+$/, '');
    const counts = countsOf(file);
    const diagnostics = sortedDiagnostics(file.diagnostics);
    const tests = Math.max(1, diagnostics.length + counts.fatalErrorCount);
    out.push(
      `  <testsuite package="org.plan-lint" time="0" tests="${tests}" errors="${counts.fatalErrorCount}" failures="${diagnostics.length}" name="${escapeXml(name)}">`,
    );
    if (file.fatal) {
      const line = `line ${file.fatal.line ?? 1}, col ${file.fatal.column ?? 1}, Error - ${file.fatal.message}`;
      out.push(
        `    <testcase time="0" name="org.plan-lint.unreadable" classname="${escapeXml(className)}"><error message="${escapeXml(file.fatal.message)}"><![CDATA[${cdata(line)}]]></error></testcase>`,
      );
    }
    for (const diagnostic of diagnostics) {
      const { start } = diagnostic.position;
      const severity = diagnostic.severity === 'error' ? 'Error' : 'Warning';
      const body = `line ${start.line}, col ${start.column}, ${severity} - ${diagnostic.message} (${diagnostic.ruleId})`;
      out.push(
        `    <testcase time="0" name="org.plan-lint.${escapeXml(diagnostic.ruleId)}" classname="${escapeXml(className)}"><failure message="${escapeXml(diagnostic.message)}" type="${diagnostic.severity}"><![CDATA[${cdata(body)}]]></failure></testcase>`,
      );
    }
    if (diagnostics.length === 0 && !file.fatal) {
      out.push(`    <testcase time="0" name="${escapeXml(name)}" classname="${escapeXml(className)}" />`);
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};

/** `]]>` cannot appear inside CDATA: split it across two sections. */
function cdata(value: string): string {
  return escapeXmlChars(value).replace(/]]>/g, ']]]]><![CDATA[>');
}

function escapeXmlChars(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}
