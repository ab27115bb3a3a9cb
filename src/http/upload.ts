import type { Context } from "hono";
import { AppError } from "../core/index.ts";

export function payloadTooLarge(maxBytes: number): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    {
      sv: `Filen är för stor: högst ${maxBytes} byte tas emot. Dela upp den, eller hör av dig om ni behöver publicera större filer.`,
      en: `The file is too large: at most ${maxBytes} bytes are accepted. Split it, or contact us if you need to publish larger files.`,
    },
    { details: { maxBytes } },
  );
}

/**
 * A request body read as a stream of chunks that stops once more than maxBytes have arrived.
 * Unlike Hono's bodyLimit, nothing is buffered: an upload of any size is read in constant
 * memory. Readers (the validator) may swallow the stop as "unreadable"; the route then asks
 * `tooLarge` and answers 413 instead of a report.
 */
export class LimitedBody implements AsyncIterable<Uint8Array> {
  tooLarge = false;

  constructor(
    private readonly c: Context,
    readonly maxBytes: number,
  ) {
    const declared = Number(c.req.header("content-length") ?? NaN);
    if (declared > maxBytes) throw payloadTooLarge(maxBytes);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    const body = this.c.req.raw.body;
    if (body === null) return;
    let received = 0;
    // Node's web streams are async-iterable; the DOM typings do not say so.
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      received += chunk.byteLength;
      if (received > this.maxBytes) {
        this.tooLarge = true;
        throw payloadTooLarge(this.maxBytes);
      }
      yield chunk;
    }
  }

  /** Throws PAYLOAD_TOO_LARGE if the body went over the limit while it was read. */
  assertWithinLimit(): void {
    if (this.tooLarge) throw payloadTooLarge(this.maxBytes);
  }
}

/**
 * Paths whose routes read the body themselves under the upload limit: the API through LimitedBody,
 * the web forms through their own limit (src/web/routes.tsx).
 */
const UPLOAD_PATHS: readonly RegExp[] = [
  /^\/api\/v1\/validate(\/fix)?$/,
  /^\/api\/v1\/organizations\/\d{2,4}\/publications\/[a-z0-9-]+$/,
  /^(\/en)?\/validate$/,
  /^(\/en)?\/organizations\/\d{2,4}\/publish$/,
];

export function isUploadPath(path: string): boolean {
  return UPLOAD_PATHS.some((pattern) => pattern.test(path));
}
