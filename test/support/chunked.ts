import { request } from "node:http";

export interface ChunkedOutcome {
  /** The status the server answered, or null when the connection closed before it was read. */
  readonly status: number | null;
  readonly body: string;
  /** Bytes handed to the socket before the answer came (or the connection closed). */
  readonly sent: number;
}

/**
 * POSTs a body with Transfer-Encoding: chunked (no Content-Length), `chunk` after `first`, until
 * `totalBytes` are sent or the server answers; `pauseMs` between chunks makes a slow client.
 */
export function postChunked(
  baseUrl: string,
  path: string,
  options: {
    headers: Record<string, string>;
    first?: Buffer;
    chunk: Buffer;
    totalBytes: number;
    pauseMs?: number;
  },
): Promise<ChunkedOutcome> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      path,
      method: "POST",
      headers: options.headers,
    });
    let sent = 0;
    let status: number | null = null;
    let body = "";
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      req.destroy();
      resolve({ status, body, sent });
    };
    req.on("response", (res) => {
      status = res.statusCode ?? null;
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", settle);
      res.on("error", settle);
    });
    req.on("error", settle);
    req.on("close", () => setTimeout(settle, 50));
    const pump = () => {
      while (status === null && !settled && sent < options.totalBytes) {
        const next = sent === 0 && options.first !== undefined ? options.first : options.chunk;
        sent += next.length;
        const more = req.write(next);
        if (options.pauseMs !== undefined) {
          setTimeout(pump, options.pauseMs);
          return;
        }
        if (!more) {
          req.once("drain", pump);
          return;
        }
      }
      if (status === null && !settled) req.end();
    };
    pump();
  });
}
