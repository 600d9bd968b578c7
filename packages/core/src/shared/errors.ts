/** Errors about user input (a file, a config, a pack): reported with exit code 2, never a crash. */
export class PlanLintInputError extends Error {
  readonly code: string;
  readonly filePath?: string;
  readonly line?: number;
  readonly column?: number;
  /** The message in Vietnamese, where core has written one (`message` is English); the CLI picks by locale. */
  readonly vi?: string;

  constructor(
    code: string,
    message: string,
    where: { filePath?: string; line?: number; column?: number; vi?: string } = {},
  ) {
    super(message);
    this.name = 'PlanLintInputError';
    this.code = code;
    this.filePath = where.filePath;
    this.line = where.line;
    this.column = where.column;
    this.vi = where.vi;
  }

  /** `file:line:column: message`, as compilers print it. */
  format(): string {
    const place = [this.filePath, this.line, this.column].filter((part) => part !== undefined).join(':');
    return place ? `${place}: ${this.message}` : this.message;
  }
}

/** A broken invariant inside plan-lint: a bug, never caused by user text. */
export class PlanLintError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'PlanLintError';
    this.code = code;
  }
}
