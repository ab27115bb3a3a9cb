// The closed set of error codes. Every error that leaves the server carries one of these;
// src/http/errors.ts maps each to an HTTP status in one place.
export const ERROR_CODES = [
  "BAD_REQUEST",
  "NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "CONFLICT",
  /** A change that would remove much (a publication's rows) waits for the caller to confirm it. */
  "CONFIRMATION_REQUIRED",
  "DATA_INVALID",
  "PAYLOAD_TOO_LARGE",
  "URI_TOO_LONG",
  "HEADERS_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "REQUEST_TIMEOUT",
  "RATE_LIMITED",
  "DATABASE_LOCKED",
  "SERVICE_UNAVAILABLE",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The platform's languages: Swedish first, English second. */
export type Language = "sv" | "en";

/** A message in both languages. */
export type LocalizedText = Readonly<Record<Language, string>>;

export interface AppErrorOptions {
  readonly details?: unknown;
  readonly cause?: unknown;
}

/**
 * An expected failure with a code from the closed set and a message that says
 * what was expected, what was found and where.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly details: unknown;

  constructor(code: ErrorCode, text: LocalizedText, options: AppErrorOptions = {}) {
    super(text.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.text = text;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export function notFound(what: LocalizedText, details?: unknown): AppError {
  return new AppError("NOT_FOUND", what, { details });
}

export function serviceUnavailable(cause?: unknown): AppError {
  return new AppError(
    "SERVICE_UNAVAILABLE",
    {
      sv: "Databasen går inte att nå just nu. Försök igen om en stund.",
      en: "The database cannot be reached right now. Try again shortly.",
    },
    { cause },
  );
}
