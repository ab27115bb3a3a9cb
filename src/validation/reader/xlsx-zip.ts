import { createReadStream } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { PassThrough, pipeline, type Transform } from "node:stream";
import { createInflateRaw } from "node:zlib";
import type { XlsxStop } from "../messages.ts";

/** A workbook that cannot be read safely (or at all), and why; the reader reports it as such. */
export class XlsxStopError extends Error {
  constructor(readonly stop: XlsxStop) {
    super(`xlsx: ${stop.kind}`);
    this.name = "XlsxStopError";
  }
}

/** A damaged zip, or one that is no workbook: reported as "not a readable workbook". */
export class ZipFormatError extends Error {
  override name = "ZipFormatError";
}

export interface ZipEntry {
  /** The part name as stored, for messages. */
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

/** The most a zip without zip64 can hold; a workbook has tens of parts. */
const MAX_ZIP_ENTRIES = 0xffff;
const MAX_CENTRAL_DIRECTORY_BYTES = 32 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
/** Parts that unpack past 64 MiB may not grow more than 250 times (see ZipArchive.read). */
const COMPRESSION_RATIO = { floorBytes: 64 * 1024 * 1024, max: 250 } as const;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const FLAG_UTF8_NAME = 0x0800;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const METHOD_AES = 99;

/**
 * A zip file on disk, read by random access: the central directory at its end lists the entries,
 * and each entry is unpacked as a stream whose output is counted, never trusting declared sizes.
 */
export class ZipArchive {
  private constructor(
    private readonly path: string,
    private readonly handle: FileHandle,
    private readonly size: number,
    private readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static async open(path: string): Promise<ZipArchive> {
    const handle = await open(path, "r");
    try {
      const { size } = await handle.stat();
      return new ZipArchive(path, handle, size, await readCentralDirectory(handle, size));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** An entry by part name; part names in a package ignore case. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(partKey(name));
  }

  /**
   * The entry's bytes, unpacked. More than `maxBytes` of output stops with `entry-too-large`:
   * the count is of what inflate produces, so a zip bomb is stopped after `maxBytes`, not after the lie.
   * Past `ratio.floorBytes`, output more than `ratio.max` times the packed bytes read stops sooner, with
   * `compression-ratio`: a bomb of tiny cells inflates at about 15 MB/s, so the cap alone costs
   * half a minute of CPU, while real sheets pack 5 to 50 times.
   */
  async *read(
    entry: ZipEntry,
    maxBytes: number,
    ratio: { readonly floorBytes: number; readonly max: number } = COMPRESSION_RATIO,
  ): AsyncGenerator<Buffer, void, undefined> {
    if ((entry.flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0 || entry.method === METHOD_AES) {
      throw new XlsxStopError({ kind: "encrypted", part: entry.name });
    }
    if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
      throw new XlsxStopError({ kind: "unsupported-compression", part: entry.name, method: entry.method });
    }
    const header = await readAt(this.handle, entry.localHeaderOffset, 30, this.size);
    if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipFormatError(`no local header: ${entry.name}`);
    if ((header.readUInt16LE(6) & FLAG_ENCRYPTED) !== 0) {
      throw new XlsxStopError({ kind: "encrypted", part: entry.name });
    }
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const end = start + entry.compressedSize;
    if (end > this.size) throw new ZipFormatError(`entry past the end of the file: ${entry.name}`);
    if (entry.compressedSize === 0) {
      if (entry.method === METHOD_DEFLATE) throw new ZipFormatError(`empty deflate data: ${entry.name}`);
      return;
    }
    const source = createReadStream(this.path, { start, end: end - 1, highWaterMark: CHUNK_BYTES });
    const output: Transform =
      entry.method === METHOD_DEFLATE
        ? createInflateRaw({ chunkSize: CHUNK_BYTES })
        : new PassThrough({ highWaterMark: CHUNK_BYTES });
    // A failure on either side reaches the loop below as an error from `output`.
    pipeline(source, output, () => undefined);
    // Packed bytes read so far: a bomb may hide its bulk after a normal start.
    let packed = 0;
    source.on("data", (chunk: string | Buffer) => {
      packed += chunk.length;
    });
    let total = 0;
    try {
      for await (const chunk of output as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > maxBytes)
          throw new XlsxStopError({ kind: "entry-too-large", part: entry.name, maxBytes });
        if (total > ratio.floorBytes && total > packed * ratio.max) {
          throw new XlsxStopError({ kind: "compression-ratio", part: entry.name, maxRatio: ratio.max });
        }
        yield chunk;
      }
    } finally {
      output.destroy();
      source.destroy();
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** Part names compare without case, without a leading slash, with forward slashes. */
function partKey(name: string): string {
  return name.replaceAll("\\", "/").replace(/^\/+/, "").toLowerCase();
}

async function readCentralDirectory(handle: FileHandle, size: number): Promise<Map<string, ZipEntry>> {
  if (size < 22) throw new ZipFormatError("too short for a zip");
  // The end record is the last 22 bytes plus a comment of up to 64 KiB.
  const tailSize = Math.min(size, 22 + 0xffff);
  const tailStart = size - tailSize;
  const tail = await readAt(handle, tailStart, tailSize, size);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (
      tail.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY &&
      i + 22 + tail.readUInt16LE(i + 20) <= tail.length
    ) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError("no end of central directory (truncated?)");
  const endOffset = tailStart + end;
  let disk = tail.readUInt16LE(end + 4);
  let directoryDisk = tail.readUInt16LE(end + 6);
  let count = tail.readUInt16LE(end + 10);
  let directorySize = tail.readUInt32LE(end + 12);
  let directoryOffset = tail.readUInt32LE(end + 16);
  let directoryEnd = endOffset;
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    // Zip64: a locator just before the end record points at the zip64 end record.
    if (endOffset < 20) throw new ZipFormatError("zip64 locator missing");
    const locator = await readAt(handle, endOffset - 20, 20, size);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipFormatError("zip64 locator missing");
    const recordOffset = uint64(locator, 8);
    const record = await readAt(handle, recordOffset, 56, size);
    if (record.readUInt32LE(0) !== ZIP64_END_OF_CENTRAL_DIRECTORY) {
      throw new ZipFormatError("zip64 end record missing");
    }
    disk = record.readUInt32LE(16);
    directoryDisk = record.readUInt32LE(20);
    count = uint64(record, 32);
    directorySize = uint64(record, 40);
    directoryOffset = uint64(record, 48);
    directoryEnd = recordOffset;
  }
  if (disk !== 0 || directoryDisk !== 0) throw new ZipFormatError("split zip archives are not supported");
  if (count > MAX_ZIP_ENTRIES) {
    throw new XlsxStopError({ kind: "too-many-entries", entries: count, maxEntries: MAX_ZIP_ENTRIES });
  }
  if (directoryOffset + directorySize > directoryEnd || directorySize > MAX_CENTRAL_DIRECTORY_BYTES) {
    throw new ZipFormatError("central directory out of bounds");
  }
  const directory = await readAt(handle, directoryOffset, directorySize, size);
  const entries = new Map<string, ZipEntry>();
  let pos = 0;
  for (let n = 0; n < count; n++) {
    if (pos + 46 > directory.length || directory.readUInt32LE(pos) !== CENTRAL_HEADER) {
      throw new ZipFormatError("damaged central directory");
    }
    const flags = directory.readUInt16LE(pos + 8);
    const method = directory.readUInt16LE(pos + 10);
    let compressedSize = directory.readUInt32LE(pos + 20);
    const uncompressedSize = directory.readUInt32LE(pos + 24);
    const nameLength = directory.readUInt16LE(pos + 28);
    const extraLength = directory.readUInt16LE(pos + 30);
    const commentLength = directory.readUInt16LE(pos + 32);
    let localHeaderOffset = directory.readUInt32LE(pos + 42);
    const nameEnd = pos + 46 + nameLength;
    const extraEnd = nameEnd + extraLength;
    if (extraEnd + commentLength > directory.length) throw new ZipFormatError("damaged central directory");
    const name = directory.toString((flags & FLAG_UTF8_NAME) !== 0 ? "utf8" : "latin1", pos + 46, nameEnd);
    if (
      compressedSize === 0xffffffff ||
      uncompressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      // Zip64 extra field: the 64-bit values, in this order, for the fields that overflowed.
      const zip64 = extraField(directory, nameEnd, extraEnd, ZIP64_EXTRA);
      if (zip64 === undefined) throw new ZipFormatError("zip64 sizes missing");
      let at = 0;
      const next = (): number => {
        if (at + 8 > zip64.length) throw new ZipFormatError("zip64 sizes missing");
        const value = uint64(zip64, at);
        at += 8;
        return value;
      };
      if (uncompressedSize === 0xffffffff) next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
    }
    const key = partKey(name);
    // The first of two entries with one name wins, as in most readers.
    if (!entries.has(key)) entries.set(key, { name, flags, method, compressedSize, localHeaderOffset });
    pos = extraEnd + commentLength;
  }
  return entries;
}

function extraField(buffer: Buffer, start: number, end: number, id: number): Buffer | undefined {
  for (let pos = start; pos + 4 <= end;) {
    const fieldId = buffer.readUInt16LE(pos);
    const length = buffer.readUInt16LE(pos + 2);
    if (pos + 4 + length > end) return undefined;
    if (fieldId === id) return buffer.subarray(pos + 4, pos + 4 + length);
    pos += 4 + length;
  }
  return undefined;
}

function uint64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError("zip64 value out of range");
  return Number(value);
}

async function readAt(handle: FileHandle, position: number, length: number, size: number): Promise<Buffer> {
  if (position < 0 || position + length > size) throw new ZipFormatError("offset past the end of the file");
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new ZipFormatError("unexpected end of file");
    done += bytesRead;
  }
  return buffer;
}
