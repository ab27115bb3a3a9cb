import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, isAppError, type ErrorCode, type Language } from "../core/index.ts";
import { translateError } from "../db/index.ts";

/** The one place error codes become HTTP statuses. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, ContentfulStatusCode>> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  CONFIRMATION_REQUIRED: 409,
  DATA_INVALID: 422,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  REQUEST_TIMEOUT: 408,
  HEADERS_TOO_LARGE: 431,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_LOCKED: 503,
  SERVICE_UNAVAILABLE: 503,
};

export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string; readonly details?: unknown };
}

const INTERNAL_ERROR = new AppError("INTERNAL", {
  sv: "Ett oväntat fel inträffade. Felet är loggat; ange request-id om du kontaktar oss.",
  en: "An unexpected error occurred. It has been logged; quote the request id if you contact us.",
});

/** Any thrown value as an AppError; unknown errors become INTERNAL, with no internals exposed. */
export function asAppError(error: unknown): AppError {
  // Hono's own refusals (a validator that could not read the body) are the client's fault.
  if (error instanceof HTTPException && error.status < 500) {
    const code = (Object.keys(HTTP_STATUS) as ErrorCode[]).find((c) => HTTP_STATUS[c] === error.status);
    return new AppError(code ?? "BAD_REQUEST", {
      sv: `Begäran gick inte att tolka: ${error.message}`,
      en: `The request could not be parsed: ${error.message}`,
    });
  }
  const translated = translateError(error);
  return isAppError(translated) ? translated : INTERNAL_ERROR;
}

export function errorBody(error: AppError, language: Language): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.text[language],
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}

/**
 * The client closed the connection before its request body was complete: Node's "aborted"
 * (ECONNRESET) on the request stream, or the request's signal fired. Errors the database layer
 * raised are AppErrors by then, so a network error here is always the client's connection.
 */
export function isClientAbort(error: unknown, signal: AbortSignal): boolean {
  if (isAppError(error)) return false;
  if (signal.aborted) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return (
    error instanceof Error &&
    ((code === "ECONNRESET" && error.message === "aborted") || code === "ERR_STREAM_PREMATURE_CLOSE")
  );
}

export function clientAborted(): AppError {
  return new AppError("BAD_REQUEST", {
    sv: "Anslutningen stängdes innan begäran hade kommit fram i sin helhet.",
    en: "The connection closed before the whole request had arrived.",
  });
}
