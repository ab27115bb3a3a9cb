import { isOrganisationsnummer, luhn } from "./values.ts";

export type OrganizationVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: "lost-zero" | "missing-hyphen" | "bad-luhn" | "unknown" | "malformed";
      /** The corrected code, when there is one. */
      readonly fix?: string;
    };

const OK: OrganizationVerdict = { ok: true };

/** Known codes: a Set, or the validator's faster StringSet. */
export interface CodeLookup {
  has(value: string): boolean;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/**
 * A kommunkod (4 digits) or a region's länskod (2 digits) that is known, or an organisationsnummer
 * `NNNNNN-NNNN` whose check digit is right. Without a list of known codes only the form is checked.
 * A code that lost its leading zero in Excel (`180`, `1`) is recognised and given back as `0180`, `01`.
 */
export function checkOrganization(value: string, known: CodeLookup | undefined): OrganizationVerdict {
  const n = value.length;
  if ((n === 4 || n === 2) && allDigits(value)) {
    return known === undefined || known.has(value) ? OK : { ok: false, reason: "unknown" };
  }
  if ((n === 3 || n === 1) && allDigits(value)) {
    const padded = `0${value}`;
    return known === undefined || known.has(padded)
      ? { ok: false, reason: "lost-zero", fix: padded }
      : { ok: false, reason: "unknown" };
  }
  if (n === 11 && value.charCodeAt(6) === 45) {
    return isOrganisationsnummer(value) ? OK : { ok: false, reason: "bad-luhn" };
  }
  if (n === 10 && allDigits(value)) {
    return luhn(value)
      ? { ok: false, reason: "missing-hyphen", fix: `${value.slice(0, 6)}-${value.slice(6)}` }
      : { ok: false, reason: "bad-luhn" };
  }
  return { ok: false, reason: "malformed" };
}

/** The code with its lost leading zero restored, for the fixer; undefined when nothing to restore. */
export function restoreLeadingZero(value: string, known: CodeLookup | undefined): string | undefined {
  const verdict = checkOrganization(value, known);
  return !verdict.ok && verdict.reason === "lost-zero" ? verdict.fix : undefined;
}
