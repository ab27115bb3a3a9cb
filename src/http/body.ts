// The one path every request body takes (docs/decisions.md, "One body reader"). It bounds the body
// while it streams, whatever the content type or transfer encoding (chunked included), gives it a
// deadline, and checks JSON before any route sees it. Routes read `c.req` as usual.
import type { Context, MiddlewareHandler } from "hono";
import { AppError, hasUnstorable, storable } from "../core/index.ts";
import type { AppEnv } from "./context.ts";
import { isUploadPath } from "./upload.ts";

export interface BodyLimits {
  /** Forms and JSON (MAX_BODY_BYTES). */
  readonly maxBodyBytes: number;
  /** Files on the upload routes (MAX_UPLOAD_BYTES), plus room for a form's other parts. */
  readonly maxUploadBytes: number;
  /** How long an ordinary body may take to arrive (REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
  /** How long an upload may take to arrive (UPLOAD_TIMEOUT_MS). */
  readonly uploadTimeoutMs: number;
}

/** Room in an upload for multipart framing and a form's other fields. */
const FORM_ROOM_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

export function bodyTooLarge(maxBytes: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    {
      sv: `Begärans innehåll är för stort: högst ${maxBytes} byte tillåts.`,
      en: `The request body is too large: at most ${maxBytes} bytes are allowed.`,
    },
    { details: { maxBytes } },
  );
}

export function bodyTimedOut(timeoutMs: number): AppError {
  const seconds = Math.round(timeoutMs / 1000);
  return new AppError(
    "REQUEST_TIMEOUT",
    {
      sv: `Begärans innehåll kom inte fram inom ${seconds} sekunder och avbröts. Försök igen över en snabbare förbindelse, eller dela upp filen.`,
      en: `The request body did not arrive within ${seconds} seconds and was cut off. Try again over a faster connection, or split the file.`,
    },
    { details: { timeoutMs } },
  );
}

function bodyBrokeOff(): AppError {
  return new AppError("BAD_REQUEST", {
    sv: "Begärans innehåll kom inte fram helt: anslutningen bröts.",
    en: "The request body did not arrive whole: the connection broke off.",
  });
}

/**
 * Bounds and times every request body. Ordinary bodies (forms, JSON) are read here, up to
 * MAX_BODY_BYTES; on the API they must be valid JSON without NUL characters. Upload bodies stream
 * on to their routes through a counting, timed stream; if it trips, the route's answer is replaced
 * by the 413 or 408, whatever the route made of the broken-off body.
 */
export function boundedBodies(
  limits: BodyLimits,
  isApiPath: (path: string) => boolean,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const raw = c.req.raw;
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (isUploadPath(c.req.path)) {
      // Touching raw.body starts the adapter reading; a route that refuses before it reads must
      // leave the body to the adapter, which drains it and keeps the connection alive.
      const guard = new StreamGuard(
        () => raw.body,
        limits.maxUploadBytes + FORM_ROOM_BYTES,
        limits.uploadTimeoutMs,
      );
      c.req.raw = new Request(raw.url, {
        method: raw.method,
        headers: raw.headers,
        signal: raw.signal,
        body: guard.stream,
        duplex: "half",
      } as RequestInit);
      await next();
      if (guard.failure !== undefined) throw guard.failure;
      return;
    }
    const declared = Number(c.req.header("content-length") ?? NaN);
    if (declared > limits.maxBodyBytes) throw bodyTooLarge(limits.maxBodyBytes);
    const bytes = await readWithin(() => raw.body, limits.maxBodyBytes, limits.requestTimeoutMs);
    if (bytes.byteLength > 0 && isApiPath(c.req.path)) checkJson(c, bytes);
    c.req.raw = new Request(raw, { body: bytes });
    return next();
  };
}

/** The whole body, refused once over maxBytes or past the deadline; nothing more is read. */
async function readWithin(
  body: () => ReadableStream<Uint8Array> | null,
  maxBytes: number,
  timeoutMs: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const guard = new StreamGuard(body, maxBytes, timeoutMs);
  const chunks: Uint8Array[] = [];
  const reader = guard.stream.getReader();
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      chunks.push(next.value);
    }
  } catch {
    // Over the limit, past the deadline, or the client went away mid-body: its fault, not ours.
    throw guard.failure ?? bodyBrokeOff();
  }
  const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/**
 * A body stream that counts and has a deadline: past either it errors and records why in
 * `failure`. The source is left alone rather than cancelled: cancelling destroys the socket
 * before the 413 or 408 is written; once the answer is sent, the Node adapter drains a little of
 * the rest and closes the connection (Connection: close).
 */
class StreamGuard {
  readonly stream: ReadableStream<Uint8Array>;
  failure: AppError | undefined;

  constructor(source: () => ReadableStream<Uint8Array> | null, maxBytes: number, timeoutMs: number) {
    let reader: ReadableStreamDefaultReader<Uint8Array> | null | undefined;
    let received = 0;
    let timer: NodeJS.Timeout | undefined;
    const stop = (controller: ReadableStreamDefaultController<Uint8Array>, failure: AppError) => {
      clearTimeout(timer);
      this.failure ??= failure;
      controller.error(failure);
    };
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          timer = setTimeout(() => stop(controller, bodyTimedOut(timeoutMs)), timeoutMs);
          // A body nobody reads must not keep the process alive.
          timer.unref();
        },
        pull: async (controller) => {
          let next: ReadableStreamReadResult<Uint8Array>;
          try {
            // Opened on the first read only (see boundedBodies).
            if (reader === undefined) reader = source()?.getReader() ?? null;
            next = reader === null ? { done: true, value: undefined } : await reader.read();
          } catch (error) {
            clearTimeout(timer);
            if (this.failure === undefined) controller.error(error);
            return;
          }
          if (this.failure !== undefined) return;
          if (next.done) {
            clearTimeout(timer);
            controller.close();
            return;
          }
          received += next.value.byteLength;
          if (received > maxBytes) stop(controller, bodyTooLarge(maxBytes));
          else controller.enqueue(next.value);
        },
        cancel: () => {
          // The reader gave up (a file over its limit, a broken form): as above, the source stays.
          clearTimeout(timer);
        },
      },
      // Nothing is read before a route asks: a body no route reads is left whole to the adapter,
      // which drains it and keeps the connection for the client's next request.
      { highWaterMark: 0 },
    );
  }
}

/**
 * An API body must be JSON: another Content-Type is 415, a syntax error 400 with its position, and
 * a character PostgreSQL cannot store (NUL, half a surrogate pair) 400 naming the field.
 */
function checkJson(c: Context<AppEnv>, bytes: Uint8Array): void {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim() ?? "";
  if (!JSON_TYPE.test(type)) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      {
        sv: `Väntade Content-Type: application/json, fick ${type === "" ? "ingen" : `"${type.slice(0, 100)}"`}.`,
        en: `Expected Content-Type: application/json, found ${type === "" ? "none" : `"${type.slice(0, 100)}"`}.`,
      },
      { details: { expected: "application/json", found: type.slice(0, 100) || null } },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    const at =
      position === undefined
        ? { sv: "", en: "" }
        : { sv: ` (fel vid tecken ${position})`, en: ` (error at character ${position})` };
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: `Begärans innehåll är inte giltig JSON${at.sv}.`,
        en: `The request body is not valid JSON${at.en}.`,
      },
      { details: position === undefined ? undefined : { position: Number(position) } },
    );
  }
  const field = unstorableField(value, "");
  if (field !== undefined) {
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: `Ogiltig begäran: fältet ${field === "" ? "(roten)" : field} innehåller ett NUL-tecken (\\u0000) eller ett halvt surrogatpar (\\ud800–\\udfff), som inte kan lagras. Ta bort det.`,
        en: `Invalid request: field ${field === "" ? "(root)" : field} contains a NUL character (\\u0000) or half a surrogate pair (\\ud800–\\udfff), which cannot be stored. Remove it.`,
      },
      { details: [{ in: "json", name: field, message: "NUL-tecken eller halvt surrogatpar" }] },
    );
  }
}

/** The path of the first string (value or key) PostgreSQL cannot store, as `a.b[2].c`. */
function unstorableField(value: unknown, path: string): string | undefined {
  if (typeof value === "string") return hasUnstorable(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableField(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const name = path === "" ? key : `${path}.${key}`;
      if (hasUnstorable(key)) return storable(name);
      const found = unstorableField(item, name);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/**
 * A NUL in the URL (`%00`), which no parameter needs and PostgreSQL text cannot store, is 400
 * naming the parameter, before any route passes it on.
 */
export function refuseNulInUrl(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (url.search.includes("%00") || url.search.includes("\u0000")) {
      for (const [name, value] of url.searchParams) {
        if (!name.includes("\u0000") && !value.includes("\u0000")) continue;
        const shown = name.replaceAll("\u0000", "%00");
        throw new AppError(
          "BAD_REQUEST",
          {
            sv: `Ogiltig begäran: frågeparametern ${shown} innehåller ett NUL-tecken (%00).`,
            en: `Invalid request: query parameter ${shown} contains a NUL character (%00).`,
          },
          { details: [{ in: "query", name: shown, message: "NUL-tecken (%00)" }] },
        );
      }
    }
    if (/%00/.test(url.pathname)) {
      throw new AppError("BAD_REQUEST", {
        sv: "Ogiltig begäran: adressen innehåller ett NUL-tecken (%00).",
        en: "Invalid request: the path contains a NUL character (%00).",
      });
    }
    await next();
  };
}
