// The parts every form shares: the error summary (GOV.UK's pattern: at the top, focused by form.js
// after a failed submit, each message a link to its field), the message beside a field, and the
// hidden CSRF field.
import type { Language } from "../core/index.ts";
import { CSRF_FIELD } from "./csrf.ts";
import { messages } from "./i18n.ts";

/** A problem with one field: its message, linked from the summary to the field's id. */
export interface FieldProblem {
  readonly fieldId: string;
  readonly message: string;
}

export function ErrorSummary({ errors, language }: { errors: readonly FieldProblem[]; language: Language }) {
  const t = messages(language);
  if (errors.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex={-1}
      data-error-summary=""
    >
      <h2 id="error-summary-title">{t.errorSummaryTitle}</h2>
      <ul>
        {errors.map((error) => (
          <li>
            <a href={`#${error.fieldId}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The id of a field's error message, for aria-describedby. */
export function errorId(fieldId: string): string {
  return `${fieldId}-error`;
}

/** The message beside a field, or nothing. */
export function FieldError({
  fieldId,
  errors,
  language,
}: {
  fieldId: string;
  errors: readonly FieldProblem[];
  language: Language;
}) {
  const error = errors.find((e) => e.fieldId === fieldId);
  if (error === undefined) return null;
  return (
    <p id={errorId(fieldId)} class="field-error">
      <span class="visually-hidden">{messages(language).errorPrefix} </span>
      {error.message}
    </p>
  );
}

/** Ids joined for aria-describedby, the missing ones left out; undefined when none is left. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const kept = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return kept.length === 0 ? undefined : kept.join(" ");
}

/** aria-describedby and aria-invalid of a field, from its hint and its error. */
export function fieldAria(
  fieldId: string,
  errors: readonly FieldProblem[],
  hintId?: string,
): { "aria-describedby": string | undefined; "aria-invalid": "true" | undefined } {
  const invalid = errors.some((e) => e.fieldId === fieldId);
  return {
    "aria-describedby": describedBy(hintId, invalid && errorId(fieldId)),
    "aria-invalid": invalid ? "true" : undefined,
  };
}

/** The form group's class: marked when its field has an error (a border, and the message in words). */
export function groupClass(fieldId: string, errors: readonly FieldProblem[]): string {
  return errors.some((e) => e.fieldId === fieldId) ? "form-group form-group--error" : "form-group";
}

/** The hidden CSRF field. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
