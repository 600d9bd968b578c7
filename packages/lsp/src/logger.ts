/** Where the server's parts write to the client's output channel (server.ts makes it from the connection). */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}
