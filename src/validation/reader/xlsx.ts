import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as msg from "../messages.ts";
import type { Dialect, Issue } from "../types.ts";
import type { ByteReader } from "./source.ts";
import type { OpenedTable, ReaderContext, ReaderLimits, RowBatch } from "./types.ts";
import { readWorkbookParts } from "./xlsx-parts.ts";
import { readSheet } from "./xlsx-sheet.ts";
import { XlsxStopError, ZipArchive } from "./xlsx-zip.ts";

const XLSX_DIALECT: Dialect = { encoding: null, delimiter: null, decimalComma: false, confidence: "high" };

export interface XlsxOptions {
  /** Where the upload is spooled while it is read; the system's temporary directory by default. */
  readonly tempDirectory?: string;
}

/**
 * The first worksheet of an .xlsx workbook. A zip's directory is at its end, so the upload (already
 * capped by the byte reader) is spooled to a temporary file and read by random access; every part
 * is unpacked with its output counted and capped, so neither memory nor disk grows with what a
 * zip bomb claims to hold. The temporary file is removed however reading ends.
 */
export function openXlsx(reader: ByteReader, context: ReaderContext, options: XlsxOptions = {}): OpenedTable {
  const batches = readWorkbook(reader, context, options.tempDirectory ?? tmpdir());
  return {
    format: "xlsx",
    dialect: () => XLSX_DIALECT,
    batches,
    bytesRead: () => reader.bytes,
    close: async () => {
      await batches.return(undefined); // removes the temporary file if reading stopped part way
      await reader.close();
    },
  };
}

async function* readWorkbook(
  reader: ByteReader,
  context: ReaderContext,
  tempRoot: string,
): AsyncGenerator<RowBatch, void, undefined> {
  let directory: string | undefined;
  let zip: ZipArchive | undefined;
  try {
    directory = await mkdtemp(join(tempRoot, "dataverkstad-xlsx-"));
    const path = join(directory, "upload.xlsx");
    await spool(reader, path);
    // A file cut at the byte cap, or a failed upload, is reported as such by the caller.
    if (reader.exceeded || reader.failure !== undefined) return;
    zip = await ZipArchive.open(path);
    const book = await readWorkbookParts(zip, context.limits);
    yield* readSheet(zip, book, context);
  } catch (error) {
    context.issue(issueOf(error, context.limits), true);
  } finally {
    await zip?.close();
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
    await reader.close();
  }
}

async function spool(reader: ByteReader, path: string): Promise<void> {
  const file = await open(path, "wx", 0o600);
  try {
    for await (const chunk of reader.chunks()) await file.write(chunk);
  } finally {
    await file.close();
  }
}

function issueOf(error: unknown, limits: ReaderLimits): Issue {
  if (error instanceof XlsxStopError) return msg.xlsxStop(error.stop, limits);
  // The server's own disk failing (full, say) is no fault of the file.
  if (error instanceof Error && "syscall" in error && "code" in error && typeof error.code === "string") {
    return msg.unreadable(error.code);
  }
  // Anything else, a damaged zip or XML, is a zip that is no readable workbook.
  return msg.binaryFile("zip");
}
