/**
 * A set of strings for lookups of freshly parsed cells. `Set.has` must first hash the cell (a new
 * string each time, so its hash is never cached); this hashes only the length and three
 * characters into an open-addressing table of small integers and compares the few candidates
 * directly. Measured two to three times faster than `Set.has` for code lists and organization
 * codes.
 */
export class StringSet {
  readonly size: number;
  /** Per slot: the key, and where its candidates start in `values` (+1; 0 marks an empty slot). */
  private readonly keys: Int32Array;
  private readonly starts: Int32Array;
  private readonly mask: number;
  /** Candidates grouped by key, each group ending with undefined. */
  private readonly values: (string | undefined)[] = [];

  constructor(values: Iterable<string>) {
    const groups = new Map<number, string[]>();
    for (const value of new Set(values)) {
      const key = keyOf(value);
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [value]);
      else group.push(value);
    }
    let slots = 8;
    while (slots < groups.size * 2) slots *= 2;
    this.keys = new Int32Array(slots);
    this.starts = new Int32Array(slots);
    this.mask = slots - 1;
    let size = 0;
    for (const [key, group] of groups) {
      let slot = key & this.mask;
      while (this.starts[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.starts[slot] = this.values.length + 1;
      this.values.push(...group, undefined);
      size += group.length;
    }
    this.size = size;
  }

  has(value: string): boolean {
    const key = keyOf(value);
    let slot = key & this.mask;
    for (;;) {
      const start = this.starts[slot] ?? 0;
      if (start === 0) return false;
      if (this.keys[slot] === key) {
        for (let i = start - 1; ; i++) {
          const candidate = this.values[i];
          if (candidate === undefined) return false;
          if (candidate === value) return true;
        }
      }
      slot = (slot + 1) & this.mask;
    }
  }
}

function keyOf(value: string): number {
  const n = value.length;
  if (n === 0) return 0;
  const h =
    Math.imul(n * 31 + value.charCodeAt(0), 0x9e3779b1) ^ Math.imul(value.charCodeAt(n - 1), 0x85ebca6b);
  return h ^ Math.imul(value.charCodeAt(n >> 1), 0xc2b2ae35) ^ (h >>> 15);
}
