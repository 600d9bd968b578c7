import type { Connection } from 'vscode-languageserver';
import type { ConfigProblem } from '../service/config-resolver.js';

/**
 * Publishes config, pack and parent-plan problems on the files at fault, and clears a file once its
 * problems are gone. Two plan folders under one broken config report it once.
 */
export function createConfigProblemPublisher(connection: Connection): (problems: ConfigProblem[]) => void {
  let published = new Set<string>();
  return (problems) => {
    const byFile = new Map<string, Map<string, ConfigProblem['diagnostic']>>();
    for (const problem of problems) {
      const diagnostics = byFile.get(problem.uri) ?? new Map();
      diagnostics.set(JSON.stringify(problem.diagnostic), problem.diagnostic);
      byFile.set(problem.uri, diagnostics);
    }
    for (const uri of published) if (!byFile.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byFile) void connection.sendDiagnostics({ uri, diagnostics: [...diagnostics.values()] });
    published = new Set(byFile.keys());
  };
}
