/**
 * Finds the elements of one array in a JSON text fed chunk by chunk, and hands each element's
 * text to `element` for `JSON.parse`. So a JSON file of any size is read in bounded memory: only
 * one element (capped) is held at a time, and nesting is counted before anything is parsed, so a
 * deeply nested element is refused instead of parsed.
 *
 * The array is the root (`[...]`) or, for GeoJSON, the root object's `features` member; the
 * root object's other members (`type`, `crs`) are kept as text when small.
 */

const MEMBER_CAP = 64 * 1024;

export interface JsonScannerOptions {
  readonly root: "array" | "features";
  readonly maxDepth: number;
  readonly maxElementChars: number;
}

export type JsonStop =
  | { readonly kind: "not-array" | "not-object"; readonly found: string }
  | { readonly kind: "element-not-object"; readonly index: number; readonly found: string }
  | { readonly kind: "too-deep"; readonly index: number | null }
  | { readonly kind: "too-large"; readonly index: number }
  | { readonly kind: "unfinished"; readonly index: number | null }
  | { readonly kind: "trailing"; readonly found: string }
  | { readonly kind: "no-features" };

export interface JsonScannerEvents {
  element(text: string, index: number): void;
  member(name: string, text: string): void;
  stop(reason: JsonStop): void;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export class JsonScanner {
  stopped = false;
  /** Elements handed over so far. */
  count = 0;
  private depth = 0;
  private inString = false;
  private escape = false;
  private rootSeen = false;
  private rootClosed = false;
  /** Depth of the array whose elements are wanted (0: not found yet). */
  private targetDepth = 0;
  private targetDone = false;
  private pieces: string[] = [];
  private pieceChars = 0;
  private capturing = false;
  // Root object members (features mode).
  private key: string | undefined;
  private keyPieces: string[] | undefined;
  private expectKey = false;
  private member: { name: string; pieces: string[]; chars: number } | undefined;

  constructor(
    private readonly options: JsonScannerOptions,
    private readonly events: JsonScannerEvents,
  ) {}

  push(text: string): void {
    if (this.stopped) return;
    let captureStart = this.capturing ? 0 : -1;
    let memberStart = this.member === undefined ? -1 : 0;
    let keyStart = this.keyPieces === undefined ? -1 : 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === 0x5c) this.escape = true;
        else if (c === 0x22) {
          this.inString = false;
          if (this.keyPieces !== undefined) {
            this.keyPieces.push(text.slice(keyStart, i + 1));
            this.key = parseString(this.keyPieces.join(""));
            this.keyPieces = undefined;
            keyStart = -1;
          }
        }
        continue;
      }
      if (WS.has(c)) continue;
      if (!this.rootSeen) {
        this.rootSeen = true;
        const want = this.options.root === "array" ? 0x5b : 0x7b;
        if (c !== want) {
          this.stopWith({
            kind: this.options.root === "array" ? "not-array" : "not-object",
            found: text.slice(i, i + 20),
          });
          return;
        }
        this.depth = 1;
        if (this.options.root === "array") this.targetDepth = 1;
        else this.expectKey = true;
        continue;
      }
      if (this.rootClosed) {
        this.stopWith({ kind: "trailing", found: text.slice(i, i + 20) });
        return;
      }
      // An element of the wanted array begins.
      if (!this.capturing && this.depth === this.targetDepth && !this.targetDone) {
        if (c === 0x2c) continue;
        if (c === 0x5d) {
          this.depth--;
          this.targetDone = true;
          if (this.depth === 0) this.rootClosed = true;
          continue;
        }
        if (c !== 0x7b) {
          this.stopWith({ kind: "element-not-object", index: this.count + 1, found: text.slice(i, i + 20) });
          return;
        }
        this.capturing = true;
        captureStart = i;
        this.pieces = [];
        this.pieceChars = 0;
      }
      // Root object members (GeoJSON): key, then value up to the next top-level `,` or `}`.
      if (this.options.root === "features" && this.depth === 1 && !this.capturing) {
        if (this.expectKey && c === 0x22) {
          this.inString = true;
          this.keyPieces = [];
          keyStart = i;
          continue;
        }
        if (c === 0x3a && this.key !== undefined) {
          this.expectKey = false;
          if (this.key !== "features") {
            this.member = { name: this.key, pieces: [], chars: 0 };
            memberStart = i + 1;
          }
          continue;
        }
        if (c === 0x2c || c === 0x7d) {
          this.closeMember(text, memberStart, i);
          memberStart = -1;
          this.key = undefined;
          this.expectKey = true;
          if (c === 0x7d) {
            this.depth = 0;
            this.rootClosed = true;
          }
          continue;
        }
        if (c === 0x5b && this.key === "features" && this.targetDepth === 0) {
          this.depth = 2;
          this.targetDepth = 2;
          continue;
        }
      }
      if (c === 0x22) this.inString = true;
      else if (c === 0x7b || c === 0x5b) {
        this.depth++;
        if (this.depth > this.options.maxDepth) {
          this.stopWith({ kind: "too-deep", index: this.capturing ? this.count + 1 : null });
          return;
        }
      } else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.capturing && this.depth === this.targetDepth) {
          const last = text.slice(captureStart, i + 1);
          const whole = this.pieces.length === 0 ? last : this.pieces.join("") + last;
          this.capturing = false;
          captureStart = -1;
          this.pieces = [];
          this.count++;
          this.events.element(whole, this.count);
          if (this.halted()) return;
        } else if (this.depth === 0) this.rootClosed = true;
      }
    }
    if (this.capturing) {
      const rest = text.slice(captureStart);
      this.pieces.push(rest);
      this.pieceChars += rest.length;
      if (this.pieceChars > this.options.maxElementChars) {
        this.stopWith({ kind: "too-large", index: this.count + 1 });
      }
    }
    if (this.member !== undefined && memberStart >= 0) {
      const rest = text.slice(memberStart);
      this.member.chars += rest.length;
      if (this.member.chars <= MEMBER_CAP) this.member.pieces.push(rest);
    }
    if (this.keyPieces !== undefined && keyStart >= 0) this.keyPieces.push(text.slice(keyStart));
  }

  /** Read through a method: the element callback may have stopped the scanner. */
  private halted(): boolean {
    return this.stopped;
  }

  end(): void {
    if (this.stopped) return;
    if (!this.rootSeen) return; // empty: the caller reports it
    if (!this.rootClosed) {
      this.stopWith({ kind: "unfinished", index: this.capturing ? this.count + 1 : null });
      return;
    }
    if (this.options.root === "features" && this.targetDepth === 0) this.stopWith({ kind: "no-features" });
  }

  private closeMember(text: string, start: number, end: number): void {
    const member = this.member;
    this.member = undefined;
    if (member === undefined || start < 0) return;
    const rest = text.slice(start, end);
    member.chars += rest.length;
    if (member.chars > MEMBER_CAP) return;
    member.pieces.push(rest);
    this.events.member(member.name, member.pieces.join(""));
  }

  private stopWith(reason: JsonStop): void {
    this.stopped = true;
    this.pieces = [];
    this.events.stop(reason);
  }
}

function parseString(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
