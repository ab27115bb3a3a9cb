// Cell parsers on the hot path: character loops, no regular expressions, no allocation when the
// value is well formed.

const ZERO = 48;
const NINE = 57;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** `-12`, `+7`, `0180`. */
export function isInteger(s: string): boolean {
  const n = s.length;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 43) i = 1;
  if (i >= n) return false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < ZERO || c > NINE) return false;
  }
  return true;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * `-12.5`, `3e-4`, and `12,5` when `decimalComma`: the value, or NaN when the text is not such a
 * number. Up to 15 digits the value is built in the loop (digits as an exact integer divided by
 * an exact power of ten: one correctly rounded division, the same double `Number()` gives).
 */
export function parseNumber(s: string, decimalComma: boolean): number {
  const n = s.length;
  let i = 0;
  let negative = false;
  const c0 = s.charCodeAt(0);
  if (c0 === 45) {
    negative = true;
    i = 1;
  } else if (c0 === 43) i = 1;
  const intStart = i;
  let m = 0;
  for (; i < n; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) break;
    m = m * 10 + d;
  }
  let digitCount = i - intStart;
  if (digitCount === 0) return NaN;
  let fraction = 0;
  let comma = false;
  if (i < n) {
    const c = s.charCodeAt(i);
    if (c === 46 || (c === 44 && decimalComma)) {
      comma = c === 44;
      const start = ++i;
      for (; i < n; i++) {
        const d = s.charCodeAt(i) - ZERO;
        if (d < 0 || d > 9) break;
        m = m * 10 + d;
      }
      fraction = i - start;
      if (fraction === 0) return NaN;
      digitCount += fraction;
    }
  }
  if (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 101 && c !== 69) return NaN;
    i++;
    const sign = s.charCodeAt(i);
    if (sign === 45 || sign === 43) i++;
    const expStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === expStart || i < n) return NaN;
    return Number(comma ? s.replace(",", ".") : s);
  }
  if (digitCount > 15) return Number(comma ? s.replace(",", ".") : s);
  const value = fraction === 0 ? m : m / (POW10[fraction] ?? 1);
  return negative ? -value : value;
}

/** The value of an integer (`-12`, `+7`, `0180`), or NaN when the text is not one. */
export function parseInteger(s: string): number {
  const n = s.length;
  let i = 0;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 || c0 === 43) i = 1;
  if (i >= n) return NaN;
  let m = 0;
  for (let j = i; j < n; j++) {
    const d = s.charCodeAt(j) - ZERO;
    if (d < 0 || d > 9) return NaN;
    m = m * 10 + d;
  }
  if (n - i > 15) m = Number(s.slice(i));
  return c0 === 45 ? -m : m;
}

/** A number as the platform writes it: `12.5`, never `12,5`. */
export function isPlainNumber(s: string): boolean {
  return s.length > 0 && !Number.isNaN(parseNumber(s, false));
}

/** Number text with a decimal comma and/or digit-group spaces, written with a point: `1 234,5` → `1234.5`. */
export function normalizeNumber(s: string): string | undefined {
  const compact = s.replace(/[\s\u00a0\u202f]/g, "").replace("\u2212", "-");
  const dotted = /^[-+]?\d+,\d+$/.test(compact) ? compact.replace(",", ".") : compact;
  return dotted !== s && !Number.isNaN(parseNumber(dotted, false)) ? dotted : undefined;
}

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i);
    if (c < ZERO || c > NINE) return -1;
    v = v * 10 + (c - ZERO);
  }
  return v;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` with a real calendar date. */
export function isDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  return validYmd(s);
}

function validYmd(s: string): boolean {
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff` from `from`; returns the index after it, or -1. */
function timeEnd(s: string, from: number): number {
  if (s.length < from + 5 || s.charCodeAt(from + 2) !== 58) return -1;
  const h = digits(s, from, 2);
  const m = digits(s, from + 3, 2);
  if (h < 0 || h > 23 || m < 0 || m > 59) return -1;
  let i = from + 5;
  if (i < s.length && s.charCodeAt(i) === 58) {
    const sec = digits(s, i + 1, 2);
    if (sec < 0 || sec > 59 || i + 3 > s.length) return -1;
    i += 3;
    if (i < s.length && s.charCodeAt(i) === 46) {
      const start = ++i;
      while (i < s.length && isDigit(s.charCodeAt(i))) i++;
      if (i === start) return -1;
    }
  }
  return i;
}

export function isTime(s: string): boolean {
  return timeEnd(s, 0) === s.length;
}

/** `YYYY-MM-DDTHH:MM[:SS[.f]]` with `T` or a space, and optionally `Z` or `±HH:MM`. */
export function isDatetime(s: string): boolean {
  if (s.length < 16 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || !validYmd(s)) return false;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 32) return false;
  const end = timeEnd(s, 11);
  if (end < 0) return false;
  if (end === s.length) return true;
  const z = s.charCodeAt(end);
  if (z === 90) return end + 1 === s.length;
  if (z !== 43 && z !== 45) return false;
  if (s.length !== end + 6 || s.charCodeAt(end + 3) !== 58) return false;
  const oh = digits(s, end + 1, 2);
  const om = digits(s, end + 4, 2);
  return oh >= 0 && oh <= 14 && om >= 0 && om <= 59;
}

export function isYear(s: string): boolean {
  return s.length === 4 && digits(s, 0, 4) >= 0;
}

export function isYearMonth(s: string): boolean {
  if (s.length !== 7 || s.charCodeAt(4) !== 45) return false;
  const m = digits(s, 5, 2);
  return digits(s, 0, 4) >= 0 && m >= 1 && m <= 12;
}

/** Common ways of writing a date that are not ISO, rewritten: `2024-3-5`, `5.3.2024`, `20240305`, with a midnight time. */
export function suggestDate(s: string): string | undefined {
  const t = s.trim().replace(/[T ]00:00(:00(\.0+)?)?Z?$/, "");
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m !== null) return ymd(m[1], m[2], m[3]);
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m !== null) return ymd(m[3], m[2], m[1]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m !== null) return ymd(m[1], m[2], m[3]);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (m !== null) return ymd(m[1], m[2], m[3]);
  return undefined;
}

function ymd(y = "", m = "", d = ""): string | undefined {
  const text = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return isDate(text) ? text : undefined;
}

export function isUuid(s: string): boolean {
  if (s.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = s.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false;
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) return false;
  }
  return true;
}

/** local@domain.tld: one `@`, no spaces, a dot in the domain, no empty labels. */
export function isEmail(s: string): boolean {
  const at = s.indexOf("@");
  if (at < 1 || at !== s.lastIndexOf("@") || at === s.length - 1) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 44 || c === 59 || c === 60 || c === 62) return false;
  }
  const domain = s.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  return dot > 0 && dot < domain.length - 2 && !domain.includes("..") && !domain.startsWith("-");
}

/** An absolute URI with a scheme (`https://…`, `mailto:…`, `urn:…`). */
export function isUri(s: string): boolean {
  const colon = s.indexOf(":");
  if (colon < 2) return false;
  for (let i = 0; i < colon; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (!(
      (c >= 97 && c <= 122) ||
      (i > 0 && (isDigit(s.charCodeAt(i)) || c === 0x2b || c === 0x2e || c === 0x2d))
    )) {
      return false;
    }
  }
  return URL.canParse(s);
}

/** A phone number as Swedes write it: digits with spaces, `-`, `()`, an optional leading `+`; 7–15 digits. */
export function isPhone(s: string): boolean {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) count++;
    else if (!(c === 32 || c === 45 || c === 40 || c === 41 || (c === 43 && i === 0))) return false;
  }
  return count >= 7 && count <= 15;
}

/** Organisationsnummer `NNNNNN-NNNN` with a valid Luhn check digit. */
export function isOrganisationsnummer(s: string): boolean {
  if (s.length !== 11 || s.charCodeAt(6) !== 45) return false;
  return luhn(s.slice(0, 6) + s.slice(7));
}

export function luhn(digitsText: string): boolean {
  let sum = 0;
  for (let i = 0; i < digitsText.length; i++) {
    const d = digitsText.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return false;
    let v = (digitsText.length - i) % 2 === 0 ? d * 2 : d;
    if (v > 9) v -= 9;
    sum += v;
  }
  return sum % 10 === 0;
}

const WS_MAX = 32;
/** Leading or trailing whitespace (including no-break space), which Excel users cannot see. */
export function hasOuterSpace(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return a <= WS_MAX || b <= WS_MAX || a === 0xa0 || b === 0xa0;
}
