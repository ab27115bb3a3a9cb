// Upload forms (validate, publish) read as a stream: the fields are kept, the one file part is
// spooled to a temporary file as it arrives and read back from there, so a 200 MB upload never
// sits in memory. A file over the limit stops the reading at once.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import type { Context, Env, MiddlewareHandler } from "hono";

/** The file part, on disk until the form is disposed of. */
export interface SpooledFile {
  /** As the browser sent it; "" when no file was chosen. */
  readonly name: string;
  readonly size: number;
  open(): AsyncIterable<Uint8Array>;
}

/** An upload form's fields and its file; `get` answers as FormData does (the first value). */
export interface UploadForm {
  get(name: string): string | null;
  readonly file: SpooledFile | null;
  /** Removes the spooled file; always call it when done. */
  dispose(): Promise<void>;
}

export type UploadOutcome =
  | { readonly kind: "form"; readonly form: UploadForm }
  | { readonly kind: "too-large"; readonly maxBytes: number };

export interface UploadLimits {
  /** The form field that carries the file. */
  readonly fileField: string;
  readonly maxFileBytes: number;
}

const FIELD_LIMITS = { fields: 50, fieldSize: 64 * 1024, parts: 60, files: 1 } as const;

/**
 * Refuses a body whose declared size is over the limit before anything is read. A body without
 * one (chunked) is bounded as it is read: the file by `maxFileBytes`, the rest by the field
 * limits. Hono's bodyLimit is not used here: without a Content-Length it buffers the whole body.
 */
export function declaredSizeLimit<E extends Env>(
  maxBytes: number,
  onTooLarge: (c: Context<E>) => Response | Promise<Response>,
): MiddlewareHandler<E> {
  return async (c, next) => {
    const declared = Number(c.req.header("content-length") ?? NaN);
    if (declared > maxBytes) return onTooLarge(c);
    await next();
    return undefined;
  };
}

const emptyForm = (fields: ReadonlyMap<string, string> = new Map()): UploadForm => ({
  get: (name) => fields.get(name) ?? null,
  file: null,
  dispose: () => Promise.resolve(),
});

/**
 * Reads a multipart form as it arrives. A body that is not multipart (a form without a file) is
 * read the ordinary way; an unreadable body is an empty form, as `readForm` answers.
 */
export async function readUploadForm(request: Request, limits: UploadLimits): Promise<UploadOutcome> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(contentType) || request.body === null) {
    try {
      const data = await request.formData();
      const fields = new Map<string, string>();
      for (const [name, value] of data)
        if (typeof value === "string" && !fields.has(name)) fields.set(name, value);
      return { kind: "form", form: emptyForm(fields) };
    } catch {
      return { kind: "form", form: emptyForm() };
    }
  }
  const dir = await mkdtemp(join(tmpdir(), "dv-upload-"));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const outcome = await spool(
      request.body as unknown as NodeReadableStream<Uint8Array>,
      contentType,
      dir,
      limits,
    );
    if (outcome.kind !== "form") await dispose();
    return outcome.kind === "form"
      ? { kind: "form", form: { ...outcome.form, dispose } }
      : outcome.kind === "too-large"
        ? outcome
        : { kind: "form", form: emptyForm() };
  } catch (error) {
    await dispose();
    throw error;
  }
}

type SpoolOutcome = UploadOutcome | { readonly kind: "malformed" };

function spool(
  body: NodeReadableStream<Uint8Array>,
  contentType: string,
  dir: string,
  limits: UploadLimits,
): Promise<SpoolOutcome> {
  return new Promise((resolve) => {
    const source = Readable.fromWeb(body);
    const fields = new Map<string, string>();
    let file: { name: string; size: number; path: string } | null = null;
    let written: Promise<void> = Promise.resolve();
    let settled = false;
    const settle = (outcome: SpoolOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": contentType },
        limits: { ...FIELD_LIMITS, fileSize: limits.maxFileBytes },
      });
    } catch {
      // No boundary, or not multipart after all.
      source.destroy();
      settle({ kind: "malformed" });
      return;
    }
    parser.on("field", (name, value) => {
      if (!fields.has(name)) fields.set(name, value);
    });
    parser.on("file", (name, stream, info) => {
      if (name !== limits.fileField || file !== null) {
        stream.resume();
        return;
      }
      const path = join(dir, "upload");
      const spooled = { name: info.filename ?? "", size: 0, path };
      file = spooled;
      const out = createWriteStream(path);
      stream.on("data", (chunk: Buffer) => {
        spooled.size += chunk.length;
      });
      stream.on("limit", () => {
        // Over the limit: stop reading the request, keep nothing.
        source.unpipe(parser);
        source.destroy();
        stream.resume();
        out.destroy();
        settle({ kind: "too-large", maxBytes: limits.maxFileBytes });
      });
      written = new Promise((done, fail) => {
        out.on("finish", done);
        out.on("error", fail);
        out.on("close", done);
      });
      stream.pipe(out);
    });
    parser.on("error", () => {
      source.destroy();
      settle({ kind: "malformed" });
    });
    parser.on("close", () => {
      written.then(
        () => {
          const fileField = file;
          settle({
            kind: "form",
            form: {
              get: (name) => fields.get(name) ?? null,
              file:
                fileField === null
                  ? null
                  : {
                      name: fileField.name,
                      size: fileField.size,
                      open: () => createReadStream(fileField.path),
                    },
              dispose: () => Promise.resolve(),
            },
          });
        },
        () => settle({ kind: "malformed" }),
      );
    });
    source.on("error", () => settle({ kind: "malformed" }));
    source.pipe(parser);
  });
}
