import { AppError } from "../core/errors.ts";
import { backtrackingDegree } from "./pattern-degree.ts";

/**
 * Patterns in a specification run against every cell of a column, so one that backtracks
 * catastrophically would hang the validator. At load a pattern is refused when it has what makes
 * backtracking blow up: a repeated group that itself repeats or alternates (`(a+)+`, `(a|aa)+`),
 * two unbounded repeats in a row (`\d*\d*`), three or more unbounded repeats that can each match
 * what follows them (`.*a.*a.*b`: n³ steps on a failing value), back-references or lookarounds.
 * What is left runs in at most quadratic time, and values longer than PATTERN_VALUE_CAP are not
 * tested (reported).
 */
export const PATTERN_VALUE_CAP = 1000;

export type PatternProblem =
  | "syntax"
  | "backreference"
  | "lookaround"
  | "nested-quantifier"
  | "quantified-alternation"
  | "adjacent-quantifiers"
  | "overlapping-quantifiers";

interface Group {
  repeats: boolean;
  alternates: boolean;
  /** Whether an unbounded repeat came right before the group opened. */
  before: boolean;
}

/** Returns why a pattern is unsafe, or undefined when it may be used. */
export function patternProblem(pattern: string): PatternProblem | undefined {
  try {
    new RegExp(pattern, "u");
  } catch {
    return "syntax";
  }
  const stack: Group[] = [{ repeats: false, alternates: false, before: false }];
  // The atom a quantifier would apply to: a group (with what it contains) or a single item.
  let lastAtom: Group | "item" | undefined;
  // Whether the sequence so far ends in an unbounded repeat, and whether it did before lastAtom.
  const run = { endsUnbounded: false, before: false };
  const atom = (a: Group | "item"): Group | "item" => {
    run.before = a === "item" ? run.endsUnbounded : a.before;
    if (a === "item") run.endsUnbounded = false;
    return a;
  };
  let i = 0;
  const n = pattern.length;
  while (i < n) {
    const c = pattern[i] ?? "";
    const top = stack[stack.length - 1];
    if (top === undefined) return "syntax";
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9]/.test(next) || next === "k") return "backreference";
      if ((next === "p" || next === "P" || next === "u") && pattern[i + 2] === "{") {
        i = pattern.indexOf("}", i) + 1;
      } else if (next === "u") i += 6;
      else if (next === "x") i += 4;
      else i += 2;
      lastAtom = atom("item");
      continue;
    }
    if (c === "[") {
      i++;
      if (pattern[i] === "^") i++;
      if (pattern[i] === "]") i++;
      while (i < n && pattern[i] !== "]") i += pattern[i] === "\\" ? 2 : 1;
      i++;
      lastAtom = atom("item");
      continue;
    }
    if (c === "(") {
      if (pattern[i + 1] === "?") {
        const kind = pattern.slice(i + 2, i + 4);
        if (kind.startsWith("=") || kind.startsWith("!") || kind === "<=" || kind === "<!")
          return "lookaround";
        if (kind.startsWith(":")) i += 3;
        else if (kind.startsWith("<")) i = pattern.indexOf(">", i) + 1;
        else return "syntax";
      } else i++;
      stack.push({ repeats: false, alternates: false, before: run.endsUnbounded });
      lastAtom = undefined;
      continue;
    }
    if (c === ")") {
      const group = stack.pop();
      const parent = stack[stack.length - 1];
      if (group === undefined || parent === undefined) return "syntax";
      parent.repeats ||= group.repeats;
      parent.alternates ||= group.alternates;
      lastAtom = atom(group); // endsUnbounded carries over from the group's last item
      i++;
      continue;
    }
    if (c === "|") {
      top.alternates = true;
      lastAtom = undefined;
      run.endsUnbounded = top.before;
      i++;
      continue;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier !== undefined) {
      i = quantifier.end;
      if (pattern[i] === "?") i++; // lazy
      if (quantifier.max > 1) {
        if (typeof lastAtom === "object") {
          if (lastAtom.repeats) return "nested-quantifier";
          if (lastAtom.alternates) return "quantified-alternation";
        }
        top.repeats = true;
      }
      if (quantifier.max === Number.POSITIVE_INFINITY) {
        if (run.before) return "adjacent-quantifiers";
        run.endsUnbounded = true;
      } else if (quantifier.min === 0) {
        run.endsUnbounded ||= run.before; // an optional atom does not separate two repeats
      }
      lastAtom = undefined;
      continue;
    }
    lastAtom = atom("item");
    i++;
  }
  return backtrackingDegree(pattern) > 2 ? "overlapping-quantifiers" : undefined;
}

function readQuantifier(pattern: string, i: number): { min: number; max: number; end: number } | undefined {
  const c = pattern[i];
  if (c === "*") return { min: 0, max: Number.POSITIVE_INFINITY, end: i + 1 };
  if (c === "+") return { min: 1, max: Number.POSITIVE_INFINITY, end: i + 1 };
  if (c === "?") return { min: 0, max: 1, end: i + 1 };
  if (c === "{") {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
    if (match === null) return undefined;
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === "" ? Number.POSITIVE_INFINITY : Number(match[3]);
    return { min, max, end: i + match[0].length };
  }
  return undefined;
}

const PROBLEM_TEXT: Record<PatternProblem, { sv: string; en: string }> = {
  syntax: { sv: "är inget giltigt reguljärt uttryck", en: "is not a valid regular expression" },
  backreference: { sv: "har en bakåtreferens (\\1, \\k<…>)", en: "has a back-reference (\\1, \\k<…>)" },
  lookaround: { sv: "har en lookahead eller lookbehind", en: "has a lookahead or lookbehind" },
  "nested-quantifier": {
    sv: "har en upprepad grupp som själv upprepar, som (a+)+",
    en: "has a repeated group that itself repeats, like (a+)+",
  },
  "quantified-alternation": {
    sv: "har en upprepad grupp med alternativ, som (a|aa)+",
    en: "has a repeated group with alternatives, like (a|aa)+",
  },
  "adjacent-quantifiers": {
    sv: "har två obegränsade upprepningar i följd, som \\d*\\d*",
    en: "has two unbounded repeats in a row, like \\d*\\d*",
  },
  "overlapping-quantifiers": {
    sv: "har tre eller fler obegränsade upprepningar som kan matcha samma tecken, som .*a.*a.*b (tiden växer med värdets längd i kubik eller mer)",
    en: "has three or more unbounded repeats that can match the same characters, like .*a.*a.*b (the time grows with the cube of the value's length or more)",
  },
};

/** Compiles a specification's pattern for whole-value matching, or refuses it with a reason. */
export function compilePattern(pattern: string, fieldName: string): RegExp {
  const problem = patternProblem(pattern);
  if (problem !== undefined) {
    const text = PROBLEM_TEXT[problem];
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: `Specifikationens mönster för fältet "${fieldName}" (${pattern}) ${text.sv}: det kan få valideringen att hänga sig och används inte. Skriv om det utan sådana konstruktioner.`,
        en: `The specification's pattern for the field "${fieldName}" (${pattern}) ${text.en}: it could hang validation and is refused. Rewrite it without such constructs.`,
      },
      { details: { field: fieldName, pattern, problem } },
    );
  }
  return new RegExp(`^(?:${pattern})$`, "u");
}
