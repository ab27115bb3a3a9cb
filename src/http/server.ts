import { createAdaptorServer } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AppError, type Logger } from "../core/index.ts";
import { errorBody } from "./errors.ts";

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Header room, URL included. Above MAX_URL_BYTES so that long URLs reach the app and get a
 * 414 in the contract's shape; anything beyond this is refused by Node's parser, and
 * clientError below still answers it in the contract's shape.
 */
const MAX_HEADER_BYTES = 256 * 1024;

/** A request's body gets this long beyond the app's own deadline (src/http/body.ts) before Node cuts it. */
const TIMEOUT_GRACE_MS = 10_000;

export async function startServer(
  fetch: (request: Request) => Response | Promise<Response>,
  options: {
    port: number;
    host: string;
    logger: Logger;
    /** The longest a request's body may take to arrive (the app answers 408 itself first). */
    bodyTimeoutMs?: number;
  },
): Promise<RunningServer> {
  const server = createAdaptorServer({ fetch, serverOptions: { maxHeaderSize: MAX_HEADER_BYTES } }) as Server;
  // Node's own limit is the backstop; the app's deadline answers a slow body in the contract first.
  server.requestTimeout = (options.bodyTimeoutMs ?? 60_000) + TIMEOUT_GRACE_MS;
  server.headersTimeout = 20_000;
  server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
    // The client hung up mid-request (a cancelled upload): its own doing, not a malformed request.
    if (error.code === "ECONNRESET" || error.code === "HPE_INVALID_EOF_STATE") {
      options.logger.info("client aborted", { error: error.message, code: error.code });
      return socket.destroy();
    }
    const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
    const timedOut = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
    options.logger.warn("malformed request refused", { error: error.message, code: error.code });
    if (!socket.writable) return socket.destroy();
    const appError = tooLarge
      ? new AppError("HEADERS_TOO_LARGE", {
          sv: `Begärans adress och rubriker är för stora: högst ${MAX_HEADER_BYTES} byte tillåts.`,
          en: `The request's URL and headers are too large: at most ${MAX_HEADER_BYTES} bytes are allowed.`,
        })
      : timedOut
        ? new AppError("REQUEST_TIMEOUT", {
            sv: `Begäran kom inte fram inom ${Math.round(server.requestTimeout / 1000)} sekunder och avbröts.`,
            en: `The request did not arrive within ${Math.round(server.requestTimeout / 1000)} seconds and was cut off.`,
          })
        : new AppError("BAD_REQUEST", {
            sv: "Begäran gick inte att tolka.",
            en: "The request could not be parsed.",
          });
    const status = tooLarge
      ? "431 Request Header Fields Too Large"
      : timedOut
        ? "408 Request Timeout"
        : "400 Bad Request";
    const body = JSON.stringify(errorBody(appError, "sv"));
    socket.end(
      `HTTP/1.1 ${status}\r\n` +
        "Content-Type: application/json; charset=utf-8\r\n" +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  return {
    server,
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
