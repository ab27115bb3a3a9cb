/**
 * Duplicate detection for unique columns and primary keys in flat memory and without random
 * memory access per row. Each key's two 32-bit hashes are kept with its row in 8 bytes, appended
 * to one of 256 partitions chosen by the first hash's top byte; at the end each partition (1/256
 * of the keys) is checked with a hash table that stays in cache. 5 million keys take 40 MB.
 *
 * The 8 bytes: the first hash's other 24 bits (its top byte is the partition), the second hash's
 * top 30 bits, and the row as its distance from the partition's previous entry in 10 bits (about
 * 256 on average); a longer distance is written as an escape and the row in the next entry.
 *
 * Why not a hash table or a Bloom filter consulted per row: on this machine every random access
 * into a structure of many megabytes is a cache and TLB miss (~100 ns, more than parsing the
 * row), while appending to 256 streams stays in cache. The price: the key's text is not kept, so
 * a repeat is reported by its row and the row it repeats, not by its value.
 *
 * Collisions: two different keys count as equal only when their 62-bit fingerprints agree. The
 * chance that any two of n keys collide is about n² / 2⁶³: 1 in 370,000 for 5 million keys. Such
 * a false repeat would be reported naming the earlier row, so a publisher sees both rows; a real
 * repeat is never missed (equal keys always hash equal).
 */

const PARTITIONS = 256;
const CHUNK = 4096; // entries per chunk: 32 KB, so a partition's unused tail stays small
const EMPTY = new Uint32Array(0);
const ESCAPE = 0x3ff; // the distance field's largest value: the row follows in the next entry

export interface Duplicate {
  readonly rowNumber: number;
  /** The row the same key was first seen on. */
  readonly firstRow: number;
}

export class DuplicateFinder {
  /** Per partition: chunks of two-word entries. */
  private readonly chunks: Uint32Array[][] = Array.from({ length: PARTITIONS }, () => []);
  /** Per partition: entries, escapes included. */
  private readonly counts = new Int32Array(PARTITIONS);
  /** Per partition: the chunk being filled, and how far (a full empty tail to start with). */
  private readonly tails: Uint32Array[] = Array.from({ length: PARTITIONS }, () => EMPTY);
  private readonly fill = new Int32Array(PARTITIONS);
  /** Per partition: the row of its last key (rows come in ascending order). */
  private readonly lastRows = new Float64Array(PARTITIONS).fill(-1);
  private total = 0;

  get size(): number {
    return this.total;
  }

  /** Records the key with hashes (a, b), seen on `row`; rows must not decrease. */
  add(a: number, b: number, row: number): void {
    const p = a >>> 24;
    const distance = row - (this.lastRows[p] ?? -1);
    this.lastRows[p] = row;
    const w0 = ((a & 0xffffff) << 8) | (b >>> 24);
    const w1 = ((b >>> 2) & 0x3fffff) << 10;
    if (distance >= 0 && distance < ESCAPE) this.append(p, w0, w1 | distance);
    else {
      this.append(p, w0, w1 | ESCAPE);
      this.append(p, row, 0);
    }
    this.total++;
  }

  private append(p: number, w0: number, w1: number): void {
    let at = this.fill[p] ?? 0;
    let tail = this.tails[p] as Uint32Array;
    if (at === tail.length) {
      tail = new Uint32Array(CHUNK * 2);
      (this.chunks[p] as Uint32Array[]).push(tail);
      this.tails[p] = tail;
      at = 0;
    }
    tail[at] = w0;
    tail[at + 1] = w1 >>> 0;
    this.fill[p] = at + 2;
    this.counts[p] = (this.counts[p] ?? 0) + 1;
  }

  /** Records the keys logged by a HashLog, in its order. */
  absorb(log: Uint32Array): void {
    for (let i = 0; i + 2 < log.length; i += 3) this.add(log[i] ?? 0, log[i + 1] ?? 0, log[i + 2] ?? 0);
  }

  /** The repeats, in row order, each with the row its key was first seen on. */
  finish(): Duplicate[] {
    const out: Duplicate[] = [];
    let largest = 0;
    for (const n of this.counts) largest = Math.max(largest, n);
    let slots = 1024;
    while (slots < largest * 2) slots *= 2;
    const table = new Uint32Array(slots * 3);
    let pendingW0 = 0;
    let pendingF1 = 0;
    for (let p = 0; p < PARTITIONS; p++) {
      const n = this.counts[p] ?? 0;
      if (n === 0) continue;
      let size = 1024;
      while (size < n * 2) size *= 2;
      const mask = size - 1;
      table.fill(0, 0, size * 3);
      let row = -1;
      let escaped = false;
      // Entries are in row order, so the first one stored is the first occurrence.
      let left = n;
      for (const chunk of this.chunks[p] as Uint32Array[]) {
        const end = Math.min(left, CHUNK) * 2;
        left -= CHUNK;
        for (let at = 0; at < end; at += 2) {
          const w0 = chunk[at] as number;
          const w1 = chunk[at + 1] as number;
          if (escaped) {
            // The entry after an escape holds the row; its key was the entry before.
            escaped = false;
            row = w0;
            insert(table, mask, pendingW0, pendingF1, row, out);
            continue;
          }
          const distance = w1 & ESCAPE;
          if (distance === ESCAPE) {
            escaped = true;
            pendingW0 = w0;
            pendingF1 = w1 >>> 10;
            continue;
          }
          row += distance;
          insert(table, mask, w0, w1 >>> 10, row, out);
        }
      }
    }
    return out.sort((x, y) => x.rowNumber - y.rowNumber);
  }
}

/**
 * Adds a key's fingerprint (two words: w0 whole, and w1 without its distance) to a partition's
 * table, or reports it as a repeat of the row stored.
 */
function insert(
  table: Uint32Array,
  mask: number,
  w0: number,
  f1: number,
  row: number,
  out: Duplicate[],
): void {
  let slot = (w0 ^ Math.imul(f1, 0x9e3779b1)) & mask;
  for (;;) {
    const stored = table[slot * 3 + 2] as number;
    if (stored === 0) {
      table[slot * 3] = w0;
      table[slot * 3 + 1] = f1;
      table[slot * 3 + 2] = row + 1; // +1: 0 marks an empty slot, and row 0 exists (JSON)
      return;
    }
    if (table[slot * 3] === w0 && table[slot * 3 + 1] === f1) {
      out.push({ rowNumber: row, firstRow: stored - 1 });
      return;
    }
    slot = (slot + 1) & mask;
  }
}

/**
 * Keys seen in one part of a file, kept in order to be sent to the thread that holds the
 * DuplicateFinder for the whole file.
 */
export class HashLog {
  private data = new Uint32Array(3 * 1024);
  private length = 0;

  add(a: number, b: number, row: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = a;
    this.data[this.length + 1] = b;
    this.data[this.length + 2] = row;
    this.length += 3;
  }

  /** The keys logged since the last call, for DuplicateFinder.absorb. */
  drain(): Uint32Array {
    const out = this.data.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

/** The key of each row in some columns: a primary key, or one unique column. */
export class KeyColumns<Finder extends DuplicateFinder | HashLog = DuplicateFinder> {
  private readonly hasher = new KeyHasher();

  constructor(
    readonly columns: Int32Array,
    private readonly isMissing: (value: string) => boolean,
    readonly finder: Finder,
  ) {}

  /** Records the row's key; a row with part of its key missing is skipped (reported as required). */
  push(cells: readonly string[], row: number): void {
    const h = this.hasher;
    h.reset();
    const columns = this.columns;
    for (let k = 0; k < columns.length; k++) {
      let value = cells[columns[k] ?? 0];
      if (value === undefined) return;
      const last = value.length - 1;
      if (last >= 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(last) <= 32)) value = value.trim();
      if (this.isMissing(value)) return;
      h.add(value);
    }
    h.finish();
    this.finder.add(h.a, h.b, row);
  }
}

/**
 * Two independent 32-bit string hashes computed in one pass (FNV-1a and a murmur-style
 * multiply-rotate), finished with murmur3's avalanche. Parts of a composite key are separated
 * so ("ab","c") and ("a","bc") differ.
 */
export class KeyHasher {
  a = 0;
  b = 0;

  reset(): void {
    this.a = 0x811c9dc5;
    this.b = 0x9747b28c;
  }

  add(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0xcc9e2d51);
      b = (b << 15) | (b >>> 17);
    }
    // Separator and length: the key's parts cannot run into each other.
    a = Math.imul(a ^ 0x1f ^ (s.length << 8), 0x01000193);
    b = Math.imul(b ^ 0x1f ^ s.length, 0x1b873593);
    this.a = a;
    this.b = b;
  }

  finish(): void {
    this.a = fmix(this.a);
    this.b = fmix(this.b ^ 0x5bd1e995);
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
