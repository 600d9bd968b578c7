import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Logger } from '../logger.js';
import { StaleDocumentError } from '../service/plan-analyzer.js';

export type { Logger };

/**
 * Wraps a request handler: an exception is logged with its stack and answered with an error,
 * and the server goes on serving (issue 5: no request or document can crash it).
 */
export function guardRequest<P, R>(
  logger: Logger,
  method: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<never>> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) return error as ResponseError<never>;
      if (error instanceof StaleDocumentError) {
        // A newer edit arrived: a diagnostic pull is retriggered (LSP 3.17 DiagnosticServerCancellationData),
        // any other request is answered ContentModified, as the protocol asks.
        return method === 'textDocument/diagnostic'
          ? (new ResponseError(LSPErrorCodes.ServerCancelled, error.message, { retriggerRequest: true }) as ResponseError<never>)
          : new ResponseError<never>(LSPErrorCodes.ContentModified, error.message);
      }
      logger.error(`plan-lint: ${method} failed: ${describe(error)}`);
      return new ResponseError<never>(ErrorCodes.InternalError, `plan-lint: ${method} failed: ${(error as Error)?.message ?? String(error)}`);
    }
  };
}

/** Wraps a notification handler: an exception is logged, nothing else happens. */
export function guardNotification<P>(logger: Logger, method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const result = handler(params);
      if (result instanceof Promise) result.catch((error: unknown) => logger.error(`plan-lint: ${method} failed: ${describe(error)}`));
    } catch (error) {
      logger.error(`plan-lint: ${method} failed: ${describe(error)}`);
    }
  };
}

export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
