// What a declaration must hold, checked the same way for the API and the web form: a link (http or
// https, to a named host) as evidence, and for the data contact a name and an e-mail address.
import { DECLARABLE, type DeclarableCriterion } from "./model.ts";

/** The longest values taken (the API's schema says the same). */
export const DECLARATION_LIMITS = { url: 2000, contactName: 200, contactEmail: 320 } as const;

export type DeclarationField = keyof typeof DECLARATION_LIMITS;
export type DeclarationProblemKind = "missing" | "too-long" | "not-http" | "not-email";

export interface DeclarationProblem {
  readonly field: DeclarationField;
  readonly kind: DeclarationProblemKind;
}

export interface DeclarationValues {
  readonly url: string;
  readonly contactName?: string | undefined;
  readonly contactEmail?: string | undefined;
}

export function isDeclarable(criterion: string): criterion is DeclarableCriterion {
  return (DECLARABLE as readonly string[]).includes(criterion);
}

/** The fields a criterion's declaration has, in the order a form shows them. */
export function declarationFields(criterion: DeclarableCriterion): readonly DeclarationField[] {
  return criterion === "data-contact" ? ["contactName", "contactEmail", "url"] : ["url"];
}

/** An absolute http(s) address with a host: what a person can open to see the evidence. */
export function isEvidenceUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Every problem with a declaration's values (trimmed by the caller); none means it can be stored. */
export function declarationProblems(
  criterion: DeclarableCriterion,
  values: DeclarationValues,
): DeclarationProblem[] {
  const problems: DeclarationProblem[] = [];
  const check = (
    field: DeclarationField,
    value: string,
    valid: (v: string) => boolean,
    kind: DeclarationProblemKind,
  ) => {
    if (value === "") problems.push({ field, kind: "missing" });
    else if (value.length > DECLARATION_LIMITS[field]) problems.push({ field, kind: "too-long" });
    else if (!valid(value)) problems.push({ field, kind });
  };
  if (criterion === "data-contact") {
    check("contactName", values.contactName ?? "", () => true, "missing");
    check("contactEmail", values.contactEmail ?? "", (v) => EMAIL.test(v), "not-email");
  }
  check("url", values.url, isEvidenceUrl, "not-http");
  return problems;
}
