/**
 * How many unbounded repeats a pattern can chain over the same text: `.*a.*a.*b` has three, since
 * each `.*` also matches the `a` after it, so a failing match tries every split of the value
 * between them (n³ steps). The backtracking engine's time grows with the value's length to that
 * power. Sets of characters are approximated from above (a `\p{…}` is any character) and an
 * alternation counts as its alternatives in a row, so the degree may be overstated, never under.
 */

type Range = readonly [number, number];
/** A set of code points: `ranges`, or all but them when `negated`. */
interface CharSet {
  readonly negated: boolean;
  readonly ranges: readonly Range[];
}
interface Token {
  set: CharSet;
  unbounded: boolean;
  /** It may match nothing (`x?`, `(…)?`, `x*`): it does not separate the repeats around it. */
  optional?: boolean;
}

const ANY: CharSet = { negated: true, ranges: [] };
const DIGIT: Range[] = [[48, 57]];
const WORD: Range[] = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const SPACE: Range[] = [
  [9, 13], [32, 32], [160, 160], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029],
  [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
]; // prettier-ignore
const CONTROL: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, "0": 0 };

/** Reads the escape at pattern[i] (a backslash); returns its set and where it ends, or null for \b, \B. */
function readEscape(pattern: string, i: number): { set: CharSet | null; end: number } {
  const c = pattern[i + 1] ?? "";
  const classes: Record<string, Range[]> = { d: DIGIT, w: WORD, s: SPACE };
  const lower = c.toLowerCase();
  const ranges = classes[lower];
  if (ranges !== undefined) return { set: { negated: c !== lower, ranges }, end: i + 2 };
  if (c === "b" || c === "B") return { set: null, end: i + 2 };
  if ((c === "p" || c === "P") && pattern[i + 2] === "{")
    return { set: ANY, end: pattern.indexOf("}", i) + 1 };
  let code: number;
  let end = i + 2;
  if (c === "u" && pattern[i + 2] === "{") {
    end = pattern.indexOf("}", i) + 1;
    code = parseInt(pattern.slice(i + 3, end - 1), 16);
  } else if (c === "u" || c === "x") {
    end = i + (c === "u" ? 6 : 4);
    code = parseInt(pattern.slice(i + 2, end), 16);
  } else code = CONTROL[c] ?? c.codePointAt(0) ?? 0;
  return { set: { negated: false, ranges: [[code, code]] }, end };
}

/** Reads a class `[…]` starting at pattern[i]. */
function readClass(pattern: string, i: number): { set: CharSet; end: number } {
  let j = i + 1;
  const negated = pattern[j] === "^";
  if (negated) j++;
  const ranges: Range[] = [];
  let first = true;
  while (j < pattern.length && (pattern[j] !== "]" || first)) {
    first = false;
    let low: CharSet;
    if (pattern[j] === "\\") {
      const escape = readEscape(pattern, j);
      low = escape.set ?? { negated: false, ranges: [[8, 8]] };
      j = escape.end;
    } else {
      const code = pattern.codePointAt(j) ?? 0;
      low = { negated: false, ranges: [[code, code]] };
      j += code > 0xffff ? 2 : 1;
    }
    if (low.negated) return { set: ANY, end: pattern.indexOf("]", j) + 1 }; // [\S\s] and the like
    const from = low.ranges.length === 1 ? low.ranges[0] : undefined;
    if (from !== undefined && from[0] === from[1] && pattern[j] === "-" && pattern[j + 1] !== "]") {
      const to = pattern[j + 1] === "\\" ? readEscape(pattern, j + 1) : undefined;
      const high = to?.set?.ranges[0]?.[0] ?? pattern.codePointAt(j + 1) ?? from[0];
      ranges.push([from[0], high]);
      j = to?.end ?? j + ((pattern.codePointAt(j + 1) ?? 0) > 0xffff ? 3 : 2);
    } else ranges.push(...low.ranges);
  }
  return { set: { negated, ranges }, end: j + 1 };
}

function covered(range: Range, by: readonly Range[]): boolean {
  let from = range[0];
  for (const [low, high] of [...by].sort((a, b) => a[0] - b[0])) {
    if (low > from) break;
    if (high >= from) from = high + 1;
    if (from > range[1]) return true;
  }
  return from > range[1];
}

function intersects(a: CharSet, b: CharSet): boolean {
  if (a.negated && b.negated) return true;
  if (a.negated) return b.ranges.some((range) => !covered(range, a.ranges));
  if (b.negated) return a.ranges.some((range) => !covered(range, b.ranges));
  return a.ranges.some(([low, high]) => b.ranges.some(([l, h]) => l <= high && low <= h));
}

function union(sets: readonly CharSet[]): CharSet {
  if (sets.length === 1 && sets[0] !== undefined) return sets[0];
  if (sets.some((set) => set.negated)) return ANY;
  return { negated: false, ranges: sets.flatMap((set) => set.ranges) };
}

/** The pattern as a row of tokens: unquantified groups opened up, a repeated group as one token. */
function tokens(pattern: string): Token[] {
  const stack: Token[][] = [[]];
  let last: Token[] = []; // what a quantifier right here would apply to
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] ?? "";
    const top = stack[stack.length - 1] ?? [];
    if (c === "(") {
      i = pattern[i + 1] !== "?" ? i + 1 : pattern[i + 2] === "<" ? pattern.indexOf(">", i) + 1 : i + 3;
      stack.push([]);
      last = [];
    } else if (c === ")") {
      const inner = stack.pop() ?? [];
      (stack[stack.length - 1] ?? []).push(...inner);
      last = inner;
      i++;
    } else if (c === "|" || c === "^" || c === "$") {
      last = [];
      i++;
    } else if (
      c === "*" ||
      c === "+" ||
      c === "?" ||
      (c === "{" && /^\{\d+(,\d*)?\}/.test(pattern.slice(i)))
    ) {
      const close = pattern.indexOf("}", i);
      const spec = c === "{" ? pattern.slice(i + 1, close) : "";
      const unbounded = c === "*" || c === "+" || spec.endsWith(",");
      if (c === "*" || c === "?" || /^0(,|$)/.test(spec)) for (const t of last) t.optional = true;
      const many = unbounded || (c === "{" && Number(spec.split(",").pop()) > 1);
      i = c === "{" ? close + 1 : i + 1;
      if (pattern[i] === "?") i++; // lazy: the same steps, in another order
      if (many && last.length > 0) {
        // A repeated group: one token over all its characters, in place of what it held.
        top.splice(top.length - last.length, last.length);
        const token: Token = {
          set: union(last.map((t) => t.set)),
          unbounded,
          optional: last[0]?.optional === true,
        };
        top.push(token);
        last = [token];
      }
    } else {
      const read =
        c === "\\"
          ? readEscape(pattern, i)
          : c === "["
            ? readClass(pattern, i)
            : { set: c === "." ? ANY : { negated: false, ranges: [[pattern.codePointAt(i) ?? 0, pattern.codePointAt(i) ?? 0] as const] }, end: i + (c.length > 0 && (pattern.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) }; // prettier-ignore
      i = read.end;
      if (read.set === null) last = [];
      else {
        const token = { set: read.set, unbounded: false };
        top.push(token);
        last = [token];
      }
    }
  }
  return stack.flat();
}

/**
 * The longest chain of unbounded repeats where each one can also match everything up to and
 * including the next: the power of the value's length that a failing match may take.
 */
export function backtrackingDegree(pattern: string): number {
  const row = tokens(pattern);
  const degree: number[] = row.map(() => 0);
  let most = 0;
  for (let j = 0; j < row.length; j++) {
    const token = row[j];
    if (token?.unbounded !== true) continue;
    let best = 1;
    for (let i = j - 1; i >= 0; i--) {
      const earlier = row[i];
      if (earlier?.unbounded !== true) continue;
      const between = row.slice(i + 1, j + 1);
      if (
        between.every((t) =>
          t === token
            ? intersects(earlier.set, t.set)
            : t.optional === true || intersects(earlier.set, t.set),
        )
      )
        best = Math.max(best, (degree[i] ?? 0) + 1);
    }
    degree[j] = best;
    most = Math.max(most, best);
  }
  return most;
}
