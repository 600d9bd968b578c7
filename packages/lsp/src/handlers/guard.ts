import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

/** Thrown when newer work made a request's answer useless; it becomes a ServerCancelled error. */
export class StaleRequestError extends Error {
  constructor() {
    super('superseded by a newer edit');
    this.name = 'StaleRequestError';
  }
}

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
      if (error instanceof StaleRequestError) {
        // LSP 3.17 DiagnosticServerCancellationData: the client asks again for the newer version.
        return new ResponseError(LSPErrorCodes.ServerCancelled, error.message, { retriggerRequest: true }) as ResponseError<never>;
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
