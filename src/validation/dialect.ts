import { firstInvalidUtf8, incompleteUtf8Tail, isValidUtf8 } from "./decode.ts";
import type { Confidence, Dialect, TextEncoding } from "./types.ts";

/** How much of the start of a file the sniffers look at. */
export const SNIFF_BYTES = 64 * 1024;
const SNIFF_LINES = 100;

export type Delimiter = NonNullable<Dialect["delimiter"]>;
const DELIMITERS: readonly Delimiter[] = [";", ",", "\t", "|"];

export interface EncodingGuess {
  readonly encoding: TextEncoding;
  readonly confidence: Confidence;
  /** Bytes of byte-order mark to skip. */
  readonly bom: number;
  /** Only ASCII seen: UTF-8 is a guess that may be revised to Windows-1252 later. */
  readonly asciiOnly: boolean;
}

// Å Ä Ö å ä ö é in Windows-1252: their presence makes a Windows-1252 guess for Swedish text sure.
const SWEDISH_1252 = new Set([0xc5, 0xc4, 0xd6, 0xe5, 0xe4, 0xf6, 0xe9]);

export function sniffEncoding(sample: Uint8Array, final: boolean): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: "utf-8-bom", confidence: "high", bom: 3, asciiOnly: false };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) {
    return { encoding: "utf-16le", confidence: "high", bom: 2, asciiOnly: false };
  }
  if (sample[0] === 0xfe && sample[1] === 0xff) {
    return { encoding: "utf-16be", confidence: "high", bom: 2, asciiOnly: false };
  }
  let ascii = true;
  for (const b of sample) {
    if (b >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return { encoding: "utf-8", confidence: "medium", bom: 0, asciiOnly: true };
  if (isValidUtf8(sample, final)) return { encoding: "utf-8", confidence: "high", bom: 0, asciiOnly: false };
  // Mostly valid UTF-8 with a few bad bytes is a UTF-8 file with pasted-in text (reported per
  // row), not Windows-1252: Windows-1252 text seldom forms valid UTF-8 sequences.
  const { valid, invalid } = utf8Sequences(sample, final);
  if (valid > 0 && valid >= invalid)
    return { encoding: "utf-8", confidence: "medium", bom: 0, asciiOnly: false };
  let swedish = 0;
  let high = 0;
  for (const b of sample) {
    if (b >= 0x80) {
      high++;
      if (SWEDISH_1252.has(b)) swedish++;
    }
  }
  return {
    encoding: "windows-1252",
    confidence: swedish * 2 >= high ? "high" : "low",
    bom: 0,
    asciiOnly: false,
  };
}

/** Counts valid multi-byte UTF-8 sequences and invalid ones. */
function utf8Sequences(bytes: Uint8Array, final: boolean): { valid: number; invalid: number } {
  const end = final ? bytes.length : bytes.length - incompleteUtf8Tail(bytes);
  let valid = 0;
  let invalid = 0;
  let start = 0;
  while (start < end) {
    const bad = firstInvalidUtf8(bytes, start, end);
    for (let i = start; i < bad.index; i++) if ((bytes[i] ?? 0) >= 0xc0) valid++;
    if (bad.index >= end) break;
    invalid++;
    start = bad.index + Math.max(1, bad.length);
  }
  return { valid, invalid };
}

export interface DelimiterGuess {
  readonly delimiter: Delimiter;
  readonly confidence: Confidence;
  /** "\r" for files that end lines with CR only (old Mac exports); otherwise "\n" (CRLF included). */
  readonly newline: "\n" | "\r";
}

/**
 * Picks the delimiter whose count outside quotes is the same on the header and the lines after it.
 * The header decides ties: a `;` file with decimal commas has commas on every data line but none
 * in its header.
 */
export function sniffDelimiter(text: string, final: boolean): DelimiterGuess {
  const newline = text.includes("\n") || !text.includes("\r") ? "\n" : "\r";
  const lines = countPerLine(text, newline, final);
  if (lines.length === 0) return { delimiter: ",", confidence: "low", newline };
  let best: { delimiter: Delimiter; score: number; header: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => line.get(delimiter) ?? 0);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const rest = counts.slice(1);
    const same = rest.filter((c) => c === header).length;
    // Only the header in the sample (a long first row): its delimiter is all there is to go on.
    const score = rest.length === 0 ? 0.75 : same / rest.length;
    if (best === undefined || score > best.score) best = { delimiter, score, header };
  }
  if (best === undefined) {
    // One column, or no delimiter in the header: nothing to go on.
    return { delimiter: ",", confidence: lines.length > 1 ? "medium" : "low", newline };
  }
  const confidence: Confidence =
    best.score >= 0.9 && lines.length > 1 ? "high" : best.score >= 0.6 ? "medium" : "low";
  return { delimiter: best.delimiter, confidence, newline };
}

/** Per line of the sample, how often each candidate occurs outside quotes. */
function countPerLine(text: string, newline: string, final: boolean): Map<string, number>[] {
  const nl = newline.charCodeAt(0);
  const lines: Map<string, number>[] = [];
  let current = new Map<string, number>();
  let inQuotes = false;
  let lineHasContent = false;
  for (let i = 0; i < text.length && lines.length < SNIFF_LINES; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      inQuotes = !inQuotes;
      lineHasContent = true;
    } else if (inQuotes) continue;
    else if (c === nl) {
      if (lineHasContent) lines.push(current);
      current = new Map();
      lineHasContent = false;
    } else if (c === 0x3b || c === 0x2c || c === 0x09 || c === 0x7c) {
      const ch = text[i] ?? "";
      current.set(ch, (current.get(ch) ?? 0) + 1);
      lineHasContent = true;
    } else if (c !== 0x0d) lineHasContent = true;
  }
  // The last line of a partial sample may be cut short; count it only at the end of the file.
  if (final && lineHasContent && !inQuotes) lines.push(current);
  return lines;
}

const COMMA_DECIMAL = /^[-+]?\d+,\d+$/;
const POINT_DECIMAL = /^[-+]?\d+\.\d+$/;

/**
 * Decimal comma: numbers like `12,5` in a file whose delimiter is not a comma (or quoted in one
 * that is). A `;` file with no decimals in the sample follows the Swedish convention (comma).
 */
export function sniffDecimalComma(
  text: string,
  delimiter: Delimiter,
): { decimalComma: boolean; confidence: Confidence } {
  let comma = 0;
  let point = 0;
  const lines = text.split(/\r?\n|\r/).slice(1, SNIFF_LINES);
  for (const line of lines) {
    for (const raw of line.split(delimiter)) {
      const cell = raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
      if (COMMA_DECIMAL.test(cell)) comma++;
      else if (POINT_DECIMAL.test(cell)) point++;
    }
  }
  if (comma === 0 && point === 0) {
    return { decimalComma: delimiter === ";", confidence: delimiter === ";" ? "medium" : "high" };
  }
  const decimalComma = comma > point;
  const share = Math.max(comma, point) / (comma + point);
  return { decimalComma, confidence: share >= 0.9 ? "high" : share >= 0.6 ? "medium" : "low" };
}

export function lowest(...confidences: readonly Confidence[]): Confidence {
  if (confidences.includes("low")) return "low";
  if (confidences.includes("medium")) return "medium";
  return "high";
}
