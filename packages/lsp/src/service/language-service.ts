import type {
  CodeAction,
  CodeActionContext,
  CompletionItem,
  Diagnostic as LspDiagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position as LspPosition,
  Range,
  SemanticTokens,
  SymbolInformation,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getCodeActions } from './code-action-service.js';
import { getCompletions } from './completion-service.js';
import { getDefinition } from './definition-service.js';
import { toLspDiagnostic } from './diagnostic-service.js';
import { getFoldingRanges } from './folding-range-service.js';
import { getHover } from './hover-service.js';
import { explainDiagnosticsAt, withExplanation } from './explain-hover.js';
import type { PlanAnalysis } from './plan-analysis.js';
import type { PlanAnalyzer } from './plan-analyzer.js';
import type { DocumentRegistry } from './registry.js';
import { getSemanticTokens } from './semantic-tokens-service.js';
import { getDocumentSymbols, getSymbolInformation } from './symbol-service.js';

/** Every feature, over core, taking a TextDocument and returning LSP types. No connection in here. */
export interface PlanLanguageService {
  doValidation(document: TextDocument): Promise<LspDiagnostic[]>;
  /** The diagnostics with the id of the run that computed them. */
  doValidationReport(document: TextDocument): Promise<{ resultId: string; diagnostics: LspDiagnostic[] }>;
  doCodeActions(document: TextDocument, range: Range, context: Pick<CodeActionContext, 'only'>): Promise<CodeAction[]>;
  doHover(document: TextDocument, position: LspPosition): Promise<Hover | null>;
  doComplete(document: TextDocument, position: LspPosition, triggeredByCharacter?: boolean): Promise<CompletionItem[]>;
  findDocumentSymbols(document: TextDocument): Promise<DocumentSymbol[] | SymbolInformation[]>;
  getFoldingRanges(document: TextDocument): Promise<FoldingRange[]>;
  findDefinition(document: TextDocument, position: LspPosition): Promise<Location | null>;
  getSemanticTokens(document: TextDocument): Promise<SemanticTokens>;
  /** Drops what was kept for a closed document. */
  forget(uri: string): void;
}

export interface LanguageServiceOptions {
  analyzer: PlanAnalyzer;
  registry: DocumentRegistry;
  /** Client capabilities read once at initialize. */
  hierarchicalSymbols: boolean;
  documentChanges: boolean;
  workspaceFolders: () => readonly string[];
}

export function createLanguageService(options: LanguageServiceOptions): PlanLanguageService {
  const { analyzer, registry } = options;
  const analyze = (document: TextDocument): Promise<PlanAnalysis> => analyzer.analyze(document);
  const diagnosticsOf = (analysis: PlanAnalysis) => analysis.diagnostics.map((diagnostic) => toLspDiagnostic(diagnostic, analysis.positions));
  return {
    doValidation: async (document) => diagnosticsOf(await analyze(document)),
    doValidationReport: async (document) => {
      const analysis = await analyze(document);
      return { resultId: analysis.resultId, diagnostics: diagnosticsOf(analysis) };
    },
    doCodeActions: async (document, range, context) =>
      getCodeActions(await analyze(document), document, range, context, { documentChanges: options.documentChanges }),
    doHover: async (document, position) => {
      const analysis = await analyze(document);
      return withExplanation(getHover(analysis, registry, position), await explainDiagnosticsAt(analysis, position));
    },
    doComplete: (document, position, triggeredByCharacter) =>
      getCompletions(document, registry, position, () => analyze(document), triggeredByCharacter),
    findDocumentSymbols: async (document) => {
      const analysis = await analyze(document);
      return options.hierarchicalSymbols ? getDocumentSymbols(analysis) : getSymbolInformation(analysis);
    },
    getFoldingRanges: async (document) => getFoldingRanges(await analyze(document)),
    findDefinition: async (document, position) => getDefinition(await analyze(document), position, options.workspaceFolders()),
    getSemanticTokens: async (document) => getSemanticTokens(await analyze(document)),
    forget: (uri) => analyzer.forget(uri),
  };
}
