/**
 * A set of row numbers as a growable bitset: one bit per row, so marking every row of a
 * million-row file costs 125 kB, not a million-entry Set.
 */
export class RowSet {
  private bits = new Uint8Array(1024);
  size = 0;

  add(row: number): void {
    if (row < 0 || !Number.isInteger(row)) return;
    const byte = row >>> 3;
    if (byte >= this.bits.length) {
      let length = this.bits.length;
      while (length <= byte) length *= 2;
      const grown = new Uint8Array(length);
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (row & 7);
    if ((this.bits[byte] ?? 0) & mask) return;
    this.bits[byte] = (this.bits[byte] ?? 0) | mask;
    this.size++;
  }

  has(row: number): boolean {
    if (row < 0 || !Number.isInteger(row)) return false;
    const byte = row >>> 3;
    return byte < this.bits.length && ((this.bits[byte] ?? 0) & (1 << (row & 7))) !== 0;
  }
}
