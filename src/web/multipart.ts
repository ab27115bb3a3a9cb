// Upload forms (validate, publish) read as a stream: the fields are kept, the one file part is
// spooled to a temporary file as it arrives and read back from there, so a 200 MB upload never
// sits in memory. A file over the limit stops the reading at once.
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import type { Context, Env, MiddlewareHandler } from "hono";
import { AppError } from "../core/index.ts";

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
  /**
   * A form that is not multipart has no file: it is read whole, up to this (default 1 MiB, the
   * default MAX_BODY_BYTES; the HTTP layer's body guard applies the configured limit as well).
   */
  readonly maxFieldBytes?: number;
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

/** The form ended before its closing boundary, or is not multipart at all: a 400 that says so. */
function incompleteForm(): AppError {
  return new AppError("BAD_REQUEST", {
    sv: "Formuläret gick inte att läsa: det tog slut för tidigt eller är inte multipart/form-data. Skicka det igen.",
    en: "The form could not be read: it ended too early or is not multipart/form-data. Send it again.",
  });
}

// Spool directories carry the process id, so a new start can tell a dead process's leftovers
// from another running instance's uploads (sweepUploadLeftovers).
const SPOOL_PREFIX = "dv-upload-";

/**
 * Reads a multipart form as it arrives. A body that is not multipart (a form without a file) is
 * read whole, bounded by `maxFieldBytes`. A multipart body that cannot be read, or ends before its
 * closing boundary, throws BAD_REQUEST; the spooled file is removed on every path but "form".
 */
export async function readUploadForm(request: Request, limits: UploadLimits): Promise<UploadOutcome> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(contentType) || request.body === null) {
    const maxBytes = limits.maxFieldBytes ?? 1024 * 1024;
    const read = await readBody(request, maxBytes);
    if (read === "too-large") return { kind: "too-large", maxBytes };
    if (!/^application\/x-www-form-urlencoded\b/i.test(contentType))
      return { kind: "form", form: emptyForm() };
    const fields = new Map<string, string>();
    for (const [name, value] of new URLSearchParams(new TextDecoder().decode(read)))
      if (!fields.has(name)) fields.set(name, value);
    return { kind: "form", form: emptyForm(fields) };
  }
  const dir = await mkdtemp(join(tmpdir(), `${SPOOL_PREFIX}${process.pid}-`));
  const dispose = () => rm(dir, { recursive: true, force: true });
  let outcome: SpoolOutcome;
  try {
    outcome = await spool(
      request.body as unknown as NodeReadableStream<Uint8Array>,
      contentType,
      dir,
      limits,
    );
  } catch (error) {
    await dispose();
    throw error;
  }
  if (outcome.kind === "form") return { kind: "form", form: { ...outcome.form, dispose } };
  await dispose();
  if (outcome.kind === "too-large") return outcome;
  throw incompleteForm();
}

/** The whole body, or "too-large" once more than maxBytes arrived (the rest is not read). */
async function readBody(request: Request, maxBytes: number): Promise<Uint8Array | "too-large"> {
  if (Number(request.headers.get("content-length") ?? NaN) > maxBytes) return "too-large";
  if (request.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      received += next.value.byteLength;
      if (received > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return "too-large";
      }
      chunks.push(next.value);
    }
  } catch {
    // The client went away or the body broke off: what arrived is not a form.
    return new Uint8Array(0);
  }
  return Buffer.concat(chunks);
}

/**
 * Removes spool directories that a process which is no longer running left behind (a crash or a
 * kill mid-upload). Directories of running processes, this one and other instances sharing the
 * temporary directory, are left alone. Returns how many were removed.
 */
export async function sweepUploadLeftovers(dir: string = tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(SPOOL_PREFIX)) continue;
    const pid = Number(/^dv-upload-(\d+)-/.exec(name)?.[1] ?? NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
      await rm(join(dir, name), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

type SpoolOutcome = UploadOutcome | { readonly kind: "malformed" };

/**
 * Parses the body, writing the file part to `dir`. Every stream's error is handled (an unhandled
 * one takes the process down): the source's, busboy's, the file part's and the write stream's.
 * It settles only once the write stream is closed, so the caller may remove `dir` at once.
 */
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
    let out: WriteStream | null = null;
    let outClosed: Promise<void> = Promise.resolve();
    let outFailed = false;
    let settled = false;
    const settle = (outcome: SpoolOutcome) => {
      if (settled) return;
      settled = true;
      if (outcome.kind !== "form") {
        // Stop reading the request and keep nothing.
        source.unpipe();
        source.destroy();
        out?.destroy();
      }
      void outClosed.then(() => resolve(outcome));
    };
    source.on("error", () => settle({ kind: "malformed" }));
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": contentType },
        limits: { ...FIELD_LIMITS, fileSize: limits.maxFileBytes },
      });
    } catch {
      // No boundary, or not multipart after all.
      settle({ kind: "malformed" });
      return;
    }
    parser.on("field", (name, value) => {
      if (!fields.has(name)) fields.set(name, value);
    });
    parser.on("file", (name, stream, info) => {
      // A part that ends before its boundary errors here as well as on the parser.
      stream.on("error", () => settle({ kind: "malformed" }));
      if (name !== limits.fileField || file !== null || settled) {
        stream.resume();
        return;
      }
      const path = join(dir, "upload");
      const spooled = { name: info.filename ?? "", size: 0, path };
      file = spooled;
      const writer = createWriteStream(path);
      out = writer;
      outClosed = new Promise((done) => writer.on("close", done));
      writer.on("error", () => {
        outFailed = true;
        settle({ kind: "malformed" });
      });
      stream.on("data", (chunk: Buffer) => {
        spooled.size += chunk.length;
      });
      stream.on("limit", () => {
        stream.unpipe(writer);
        stream.resume();
        settle({ kind: "too-large", maxBytes: limits.maxFileBytes });
      });
      stream.pipe(writer);
    });
    parser.on("error", () => settle({ kind: "malformed" }));
    parser.on("close", () => {
      void outClosed.then(() => {
        if (outFailed) return settle({ kind: "malformed" });
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
      });
    });
    source.pipe(parser);
  });
}
