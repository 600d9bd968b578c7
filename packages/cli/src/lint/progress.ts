/** Below this many files a run is over before a bar is worth drawing. */
export const PROGRESS_MIN_FILES = 20;

/** A one-line progress bar on stderr, redrawn in place; only on a terminal, so logs stay clean. */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  static shouldShow(total: number, stream: NodeJS.WriteStream = process.stderr): boolean {
    return Boolean(stream.isTTY) && total >= PROGRESS_MIN_FILES && !process.env.CI;
  }

  tick(filePath: string): void {
    this.done++;
    const now = Date.now();
    // Redraw at most every 50 ms: writing to a terminal is slower than linting a small plan.
    if (this.done < this.total && now - this.lastDraw < 50) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const columns = this.stream.columns || 80;
    const head = `[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${this.done}/${this.total} `;
    const name = filePath.length > columns - head.length - 1 ? '…' + filePath.slice(-(columns - head.length - 2)) : filePath;
    this.stream.write(`\r\u001b[2K${head}${name}`);
  }

  finish(): void {
    this.stream.write('\r\u001b[2K');
  }
}
