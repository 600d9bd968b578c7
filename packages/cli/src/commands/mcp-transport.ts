import { deserializeMessage, serializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** The SDK's own limit for one stdio message: a plan is tens of kilobytes, 20 MB of text is refused anyway. */
export const MAX_MCP_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * MCP over stdin/stdout, one JSON message a line, as the SDK's StdioServerTransport, except for a
 * message over the limit: the SDK's transport closed on it and the server exited 0 without a word
 * (issue 14 item 7). Here the rest of that line is skipped, the request is answered with a JSON-RPC
 * error (its id read from the start of the line, else null), and the server goes on.
 */
export class BoundedStdioTransport implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onerror?: (error: Error) => void;
  onclose?: () => void;

  private chunks: Buffer[] = [];
  private size = 0;
  /** Set while the rest of an oversized line is skipped: the id of its request, if one was found. */
  private skipping: { id: string | number | null } | undefined;

  constructor(
    private readonly stdin: NodeJS.ReadableStream = process.stdin,
    private readonly stdout: NodeJS.WritableStream = process.stdout,
    private readonly maxBytes = MAX_MCP_MESSAGE_BYTES,
  ) {}

  private readonly onData = (chunk: Buffer) => {
    for (let start = 0; ; ) {
      const newline = chunk.indexOf(10, start);
      this.hold(newline === -1 ? chunk.subarray(start) : chunk.subarray(start, newline));
      if (newline === -1) return;
      this.endLine();
      start = newline + 1;
    }
  };

  private readonly onStreamError = (error: Error) => this.onerror?.(error);

  async start(): Promise<void> {
    this.stdin.on('data', this.onData);
    this.stdin.on('error', this.onStreamError);
  }

  private hold(part: Buffer): void {
    if (this.skipping || part.length === 0) return;
    if (this.size + part.length <= this.maxBytes) {
      this.chunks.push(part);
      this.size += part.length;
      return;
    }
    const head = Buffer.concat([...this.chunks, part.subarray(0, 4096)]).subarray(0, 4096).toString('utf8');
    this.skipping = { id: requestId(head) };
    this.chunks = [];
    this.size = 0;
  }

  private endLine(): void {
    if (this.skipping) {
      const { id } = this.skipping;
      this.skipping = undefined;
      const megabytes = this.maxBytes / 1048576;
      process.stderr.write(`plan-lint mcp: a message of more than ${megabytes} MB was refused (request id ${JSON.stringify(id)}).\n`);
      void this.write({
        jsonrpc: '2.0',
        id,
        error: {
          code: -32600,
          message: `The message is more than ${megabytes} MB; plan-lint mcp reads messages up to ${megabytes} MB. Give the plan as a "path" inside the workspace instead of its text.`,
        },
      });
      return;
    }
    const line = Buffer.concat(this.chunks, this.size).toString('utf8').replace(/\r$/, '');
    this.chunks = [];
    this.size = 0;
    if (line.trim() === '') return;
    let message: JSONRPCMessage;
    try {
      message = deserializeMessage(line);
    } catch (error) {
      this.onerror?.(error as Error);
      return;
    }
    this.onmessage?.(message);
  }

  private write(value: unknown): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(typeof value === 'string' ? value : `${JSON.stringify(value)}\n`)) resolve();
      else this.stdout.once('drain', resolve);
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    return this.write(serializeMessage(message));
  }

  async close(): Promise<void> {
    this.stdin.off('data', this.onData);
    this.stdin.off('error', this.onStreamError);
    this.chunks = [];
    this.onclose?.();
  }
}

/** The id of a JSON-RPC request from the start of its text ("id" usually comes before the params). */
function requestId(head: string): string | number | null {
  const match = /"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.){0,200}")/.exec(head);
  if (!match) return null;
  return match[1].startsWith('"') ? (JSON.parse(match[1]) as string) : Number(match[1]);
}
