import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "../core/index.ts";
import { isUnreachable } from "../db/index.ts";

/** The id of the request whose async context is running, for the guard's log lines. */
export const requestIds = new AsyncLocalStorage<string>();

/**
 * Error codes of a failure that belongs to one connection (a client's socket, a database
 * connection) whose owner discards that connection: nothing shared was half-changed.
 */
const CONNECTION_CODES = new Set([
  "ECONNRESET",
  "EPIPE",
  "ECONNABORTED",
  "ETIMEDOUT",
  "ERR_STREAM_PREMATURE_CLOSE",
  "ERR_STREAM_DESTROYED",
  "ERR_STREAM_WRITE_AFTER_END",
]);

export type GuardVerdict = "keep-serving" | "shut-down";

/**
 * What an uncaught exception means for the process. A connection-scoped I/O error (a socket or a
 * database connection that broke, which an `error` event without a listener turns into an
 * exception) leaves no shared state half-changed: the connection is gone, the request it served
 * failed. Anything else was thrown from code in an unknown state: keeping on would serve from
 * that state, so the process stops (gracefully) and its supervisor starts a clean one.
 */
export function verdictFor(error: unknown): GuardVerdict {
  if (!(error instanceof Error)) return "shut-down";
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && CONNECTION_CODES.has(code)) return "keep-serving";
  return isUnreachable(error) ? "keep-serving" : "shut-down";
}

export interface ProcessGuard {
  /** How many unexpected errors the process has seen, by kind. */
  readonly counts: { uncaughtException: number; unhandledRejection: number };
  uninstall(): void;
}

/**
 * The last line of defence: every stream and checked-out client has its own error handling, so
 * reaching here is a bug. It is logged (with the request id when the error arose in a request's
 * context) and counted, then:
 * - an unhandled rejection: keep serving. The promise chain unwound normally (its finally blocks
 *   ran); only the report of the failure was lost, and here it is made.
 * - an uncaught exception: keep serving only for a connection-scoped I/O error (verdictFor);
 *   otherwise call shutDown, which stops taking requests and exits non-zero.
 */
export function installProcessGuard(logger: Logger, shutDown: (error: unknown) => void): ProcessGuard {
  const counts = { uncaughtException: 0, unhandledRejection: 0 };
  const context = () => {
    const requestId = requestIds.getStore();
    return requestId === undefined ? {} : { requestId };
  };
  const onException = (error: unknown) => {
    counts.uncaughtException += 1;
    const verdict = verdictFor(error);
    logger.error("uncaught exception", { ...context(), error, verdict, count: counts.uncaughtException });
    if (verdict === "shut-down") shutDown(error);
  };
  const onRejection = (reason: unknown) => {
    counts.unhandledRejection += 1;
    logger.error("unhandled rejection", {
      ...context(),
      error: reason,
      verdict: "keep-serving",
      count: counts.unhandledRejection,
    });
  };
  process.on("uncaughtException", onException);
  process.on("unhandledRejection", onRejection);
  return {
    counts,
    uninstall() {
      process.off("uncaughtException", onException);
      process.off("unhandledRejection", onRejection);
    },
  };
}
