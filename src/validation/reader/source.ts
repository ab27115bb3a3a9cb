import type { ByteSource } from "../types.ts";

/** Chunks handed to decoders and parsers: large buffers are cut so no string grows past this. */
export const CHUNK_BYTES = 64 * 1024;

/**
 * Pulls bytes from any source with a byte count and an optional cap. The first bytes can be
 * sampled (for sniffing) and are replayed to the reader that follows, so nothing is read twice.
 */
export class ByteReader {
  bytes = 0;
  /** Set when the cap was reached; reading stops there. */
  exceeded = false;
  /** Set when the source itself failed part way. */
  failure: Error | undefined;
  private readonly iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  private readonly replay: Uint8Array[] = [];
  private done = false;
  private closed = false;

  constructor(
    source: ByteSource,
    private readonly maxBytes = Number.POSITIVE_INFINITY,
  ) {
    this.iterator = iteratorOf(source);
  }

  /** Reads until at least `size` bytes are buffered or the source ends. */
  async sample(size: number): Promise<{ sample: Uint8Array; final: boolean }> {
    let total = this.replay.reduce((n, c) => n + c.length, 0);
    while (total < size && !this.done) {
      const chunk = await this.next();
      if (chunk === undefined) break;
      this.replay.push(chunk);
      total += chunk.length;
    }
    const sample = concat(this.replay, Math.min(total, Math.max(size, 0)));
    return { sample, final: this.done };
  }

  /** Every chunk from the start, the sampled ones first. */
  async *chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    while (this.replay.length > 0) {
      const chunk = this.replay.shift();
      if (chunk !== undefined) yield chunk;
    }
    for (;;) {
      const chunk = await this.next();
      if (chunk === undefined) return;
      yield chunk;
    }
  }

  /** Stops the underlying stream (a Node Readable is destroyed by its iterator's return()). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.done = true;
    await this.iterator.return?.();
  }

  private pendingPieces: Uint8Array[] = [];
  private ahead: Promise<IteratorResult<Uint8Array>> | undefined;

  private async next(): Promise<Uint8Array | undefined> {
    let piece = this.pendingPieces.shift();
    while (piece === undefined) {
      if (this.done) return undefined;
      // One read ahead: the next chunk is on its way while this one is parsed.
      let result: IteratorResult<Uint8Array>;
      try {
        result = await (this.ahead ?? this.iterator.next());
      } catch (error) {
        // A source that fails (a dropped connection) ends the bytes; the reader reports it.
        this.failure = error instanceof Error ? error : new Error(String(error));
        this.done = true;
        return undefined;
      }
      this.ahead = undefined;
      if (result.done === true) {
        this.done = true;
        return undefined;
      }
      if (!this.closed) {
        const ahead = Promise.resolve(this.iterator.next());
        ahead.catch(() => undefined); // surfaced when awaited
        this.ahead = ahead;
      }
      const value = toBytes(result.value);
      for (let i = 0; i < value.length; i += CHUNK_BYTES) {
        this.pendingPieces.push(value.subarray(i, i + CHUNK_BYTES));
      }
      piece = this.pendingPieces.shift();
    }
    if (this.bytes + piece.length > this.maxBytes) {
      // Up to the cap, then no more: the caller reports the file as too large.
      piece = piece.subarray(0, this.maxBytes - this.bytes);
      this.exceeded = true;
      this.pendingPieces.length = 0;
      await this.close();
    }
    this.bytes += piece.length;
    return piece;
  }
}

function iteratorOf(source: ByteSource): AsyncIterator<Uint8Array> | Iterator<Uint8Array> {
  if (typeof source === "string") return [new TextEncoder().encode(source)][Symbol.iterator]();
  if (source instanceof Uint8Array) return [source][Symbol.iterator]();
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  return source[Symbol.iterator]();
}

function toBytes(value: Uint8Array | string): Uint8Array {
  return typeof value === "string" ? new TextEncoder().encode(value) : value;
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= size) break;
    const part = chunk.subarray(0, size - offset);
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
