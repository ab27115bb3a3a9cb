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
 * The request body as a stream of chunks that stops with PAYLOAD_TOO_LARGE once more than
 * maxBytes have arrived. Unlike Hono's bodyLimit, nothing is buffered: an upload of any size
 * is read in constant memory, and a declared Content-Length over the limit is refused at once.
 */
export async function* limitedBody(c: Context, maxBytes: number): AsyncGenerator<Uint8Array> {
  const declared = Number(c.req.header("content-length") ?? NaN);
  if (declared > maxBytes) throw payloadTooLarge(maxBytes);
  const body = c.req.raw.body;
  if (body === null) return;
  let received = 0;
  // Node's web streams are async-iterable; the DOM typings do not say so.
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    received += chunk.byteLength;
    if (received > maxBytes) throw payloadTooLarge(maxBytes);
    yield chunk;
  }
}

/** Paths whose routes read the body themselves through limitedBody, with the upload limit. */
export const UPLOAD_PATHS: readonly string[] = ["/api/v1/validate"];
