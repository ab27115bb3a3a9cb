import type { TextEncoding } from "./types.ts";

/** What the reader decides when bytes are not valid UTF-8. */
export type InvalidBytesAction = "switch-to-windows-1252" | "replace";

export interface DecodeSink {
  text(text: string): void;
  /**
   * Called at an invalid sequence, after the text before it was handed over; `at` is where it
   * starts in the chunk being decoded (0 when it began in the chunk before).
   */
  invalid(at: number): InvalidBytesAction;
}

/**
 * Decodes a byte stream chunk by chunk. UTF-8 is decoded with a fatal decoder so invalid bytes
 * are found, not silently replaced: the sink learns where they are (after the valid text before
 * them), and may switch to Windows-1252 when everything so far was ASCII (lossless, since both
 * agree on ASCII).
 */
export class ChunkDecoder {
  private encoding: TextEncoding;
  private readonly fatalUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  private streamDecoder: TextDecoder | undefined;
  private pending: Uint8Array | undefined;
  /** Whether any decoded text so far was not ASCII (for UTF-8: fewer characters than bytes). */
  nonAscii = false;

  constructor(encoding: TextEncoding) {
    this.encoding = encoding;
    this.streamDecoder = streamDecoderFor(encoding);
  }

  get current(): TextEncoding {
    return this.encoding;
  }

  decode(chunk: Uint8Array, sink: DecodeSink, last = false): void {
    if (this.streamDecoder !== undefined) {
      const text = this.streamDecoder.decode(chunk, { stream: !last });
      if (text.length > 0) sink.text(text);
      return;
    }
    let bytes = chunk;
    const carried = this.pending?.length ?? 0;
    if (this.pending !== undefined) {
      bytes = new Uint8Array(this.pending.length + chunk.length);
      bytes.set(this.pending);
      bytes.set(chunk, this.pending.length);
      this.pending = undefined;
    }
    const end = last ? bytes.length : bytes.length - incompleteUtf8Tail(bytes);
    if (end < bytes.length) this.pending = bytes.slice(end);
    let start = 0;
    while (start < end) {
      try {
        const text = this.fatalUtf8.decode(bytes.subarray(start, end));
        if (text.length !== end - start) this.nonAscii = true;
        if (text.length > 0) sink.text(text);
        return;
      } catch {
        const bad = firstInvalidUtf8(bytes, start, end);
        if (bad.index > start) {
          const text = this.fatalUtf8.decode(bytes.subarray(start, bad.index));
          if (text.length !== bad.index - start) this.nonAscii = true;
          sink.text(text);
        }
        if (sink.invalid(Math.max(0, bad.index - carried)) === "switch-to-windows-1252") {
          this.encoding = "windows-1252";
          const decoder = streamDecoderFor("windows-1252");
          this.streamDecoder = decoder;
          const rest = decoder?.decode(bytes.subarray(bad.index, end), { stream: true }) ?? "";
          if (rest.length > 0) sink.text(rest);
          if (this.pending !== undefined) {
            const tail = decoder?.decode(this.pending, { stream: !last }) ?? "";
            this.pending = undefined;
            if (tail.length > 0) sink.text(tail);
          }
          return;
        }
        sink.text("\ufffd");
        start = bad.index + bad.length;
      }
    }
  }
}

function streamDecoderFor(encoding: TextEncoding): TextDecoder | undefined {
  switch (encoding) {
    case "utf-8":
    case "utf-8-bom":
      return undefined;
    case "windows-1252":
      return new TextDecoder("windows-1252");
    case "utf-16le":
      return new TextDecoder("utf-16le", { ignoreBOM: true });
    case "utf-16be":
      return new TextDecoder("utf-16be", { ignoreBOM: true });
  }
}

/** Bytes at the end that begin a UTF-8 sequence the chunk does not finish. */
export function incompleteUtf8Tail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** The first invalid sequence in bytes[from, to): its index and how many bytes to skip. */
export function firstInvalidUtf8(
  bytes: Uint8Array,
  from: number,
  to: number,
): { index: number; length: number } {
  let i = from;
  while (i < to) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return { index: i, length: 1 };
    let j = 1;
    for (; j <= need; j++) {
      const c = i + j < to ? (bytes[i + j] ?? -1) : -1;
      const min = j === 1 ? lo : 0x80;
      const max = j === 1 ? hi : 0xbf;
      if (c < min || c > max) return { index: i, length: j };
    }
    i += need + 1;
  }
  return { index: to, length: 0 };
}

/** True when the bytes decode as UTF-8 (an unfinished sequence at the very end is allowed). */
export function isValidUtf8(bytes: Uint8Array, final: boolean): boolean {
  const end = final ? bytes.length : bytes.length - incompleteUtf8Tail(bytes);
  return firstInvalidUtf8(bytes, 0, end).index === end;
}
