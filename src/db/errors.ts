import { isAppError, serviceUnavailable } from "../core/index.ts";

// Network errors and SQLSTATE classes that mean "the database is not there", as opposed
// to "this query is wrong": 08 connection exception, 57P0x shutdown, 53300 too many connections.
// 55000 (object not in prerequisite state) counts only when it says the database refuses
// connections (ALTER DATABASE … ALLOW_CONNECTIONS false); elsewhere it is a bug in a query.
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

const UNREACHABLE_MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
  "Connection closed",
  "terminating connection",
];

export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) return true;
  if (code === "55000" && /not currently accepting connections/i.test(error.message)) return true;
  if (UNREACHABLE_MESSAGES.some((m) => error.message.includes(m))) return true;
  return error instanceof AggregateError && error.errors.some(isUnreachable);
}

/** Turns "the database is gone" into SERVICE_UNAVAILABLE; everything else passes through. */
export function translateError(error: unknown): unknown {
  if (isAppError(error)) return error;
  return isUnreachable(error) ? serviceUnavailable(error) : error;
}
