// The self-declared criteria on an organization's readiness page: for each, how it is known now
// and, for a signed-in publisher of the organization, a form to declare it (a link as evidence,
// and for the data contact a name and an address) and a button to withdraw it.
import type { Language } from "../../core/index.ts";
import {
  CRITERION_DEFINITIONS,
  DECLARABLE,
  DECLARATION_LIMITS,
  declarationFields,
  type DeclarableCriterion,
  type Declaration,
  type DeclarationField,
  type DeclarationProblem,
  type DeclarationValues,
  type Scorecard,
} from "../../progress/index.ts";
import { CsrfField, FieldError, fieldAria, groupClass, type FieldProblem } from "../forms.tsx";
import { fill, formatDateTime, messages } from "../i18n.ts";
import { localizedPath } from "../paths.ts";
import { EvidenceText } from "./progress-tables.tsx";

const FIELD_SUFFIX: Readonly<Record<DeclarationField, string>> = {
  url: "url",
  contactName: "name",
  contactEmail: "email",
};

/** The id of a criterion's block (the next steps link to it). */
export const declarationAnchor = (criterion: DeclarableCriterion) => `declare-${criterion}`;

/** The id of one field of a criterion's form. */
export const declarationFieldId = (criterion: DeclarableCriterion, field: DeclarationField) =>
  `declare-${criterion}-${FIELD_SUFFIX[field]}`;

/** Where a criterion's form posts, and its withdrawal. */
export const declarationPath = (code: string, criterion: DeclarableCriterion) =>
  `/organizations/${code}/readiness/declarations/${criterion}`;
export const withdrawalPath = (code: string, criterion: DeclarableCriterion) =>
  `${declarationPath(code, criterion)}/withdraw`;

/** The problems in the viewer's words, each beside its field. */
export function declarationErrors(
  criterion: DeclarableCriterion,
  problems: readonly DeclarationProblem[],
  language: Language,
): FieldProblem[] {
  const e = messages(language).declareErrors;
  return problems.map(({ field, kind }) => {
    const message =
      kind === "too-long"
        ? fill(e.tooLong, { max: DECLARATION_LIMITS[field] })
        : field === "url"
          ? kind === "missing"
            ? e.urlMissing
            : e.urlNotHttp
          : field === "contactName"
            ? e.nameMissing
            : kind === "missing"
              ? e.emailMissing
              : e.emailInvalid;
    return { fieldId: declarationFieldId(criterion, field), message };
  });
}

export type DeclarationsAccess =
  | { readonly kind: "signed-out"; readonly signInHref: string }
  | { readonly kind: "no-right" }
  | { readonly kind: "may-declare"; readonly csrfToken: string };

export interface DeclarationsProps {
  readonly language: Language;
  readonly card: Scorecard;
  readonly access: DeclarationsAccess;
  /** The declarations as stored, to fill the forms. */
  readonly stored: readonly Declaration[];
  /** A form sent back with errors: its own values are shown again, nothing lost. */
  readonly form?: { readonly criterion: DeclarableCriterion; readonly values: DeclarationValues } | undefined;
  readonly errors?: readonly FieldProblem[];
}

function valuesOf(declaration: Declaration | undefined): DeclarationValues {
  return {
    url: declaration?.url ?? "",
    contactName: declaration?.contactName ?? "",
    contactEmail: declaration?.contactEmail ?? "",
  };
}

export function DeclarationsSection(props: DeclarationsProps) {
  const { language, card, access } = props;
  const t = messages(language);
  const name = card.organization.name;
  return (
    <section aria-labelledby="declarations-heading">
      <h2 id="declarations-heading">{t.declareHeading}</h2>
      <p>{t.declareIntro}</p>
      {access.kind === "signed-out" ? (
        <p>
          <a href={access.signInHref}>{fill(t.declareSignIn, { organization: name })}</a>
        </p>
      ) : access.kind === "no-right" ? (
        <p>{fill(t.declareNoRight, { organization: name })}</p>
      ) : null}
      {DECLARABLE.map((criterion) => (
        <CriterionBlock {...props} criterion={criterion} />
      ))}
    </section>
  );
}

function CriterionBlock(props: DeclarationsProps & { criterion: DeclarableCriterion }) {
  const { language, card, access, criterion } = props;
  const t = messages(language);
  const result = card.criteria.find((c) => c.id === criterion);
  const title = CRITERION_DEFINITIONS.find((d) => d.id === criterion)?.title[language] ?? criterion;
  const stored = props.stored.find((d) => d.criterion === criterion);
  const sentBack = props.form?.criterion === criterion ? props.form : undefined;
  const errors = sentBack === undefined ? [] : (props.errors ?? []);
  const values = sentBack?.values ?? valuesOf(stored);
  const code = card.organization.code;
  return (
    <div class="declaration">
      <h3 id={declarationAnchor(criterion)}>{title}</h3>
      {result === undefined ? null : (
        <p>
          <EvidenceText criterion={result} language={language} />
        </p>
      )}
      {stored === undefined ? null : (
        <p>{fill(t.declareDeclaredOn, { date: formatDateTime(stored.declaredAt, language) })}</p>
      )}
      {result?.evidence.kind === "measured" ? <p>{t.declareMeasuredNote}</p> : null}
      {access.kind !== "may-declare" ? null : (
        <>
          <form
            class="form"
            method="post"
            action={localizedPath(language, declarationPath(code, criterion))}
            novalidate
          >
            <CsrfField token={access.csrfToken} />
            {declarationFields(criterion).map((field) => (
              <DeclarationInput
                language={language}
                criterion={criterion}
                field={field}
                value={values[field] ?? ""}
                errors={errors}
              />
            ))}
            <button type="submit">{t.declareSubmit}</button>
          </form>
          {stored === undefined ? null : (
            <form
              class="form"
              method="post"
              action={localizedPath(language, withdrawalPath(code, criterion))}
            >
              <CsrfField token={access.csrfToken} />
              <button type="submit" class="button--secondary">
                {t.declareWithdraw}
                <span class="visually-hidden">{`: ${title}`}</span>
              </button>
            </form>
          )}
        </>
      )}
    </div>
  );
}

function DeclarationInput(props: {
  language: Language;
  criterion: DeclarableCriterion;
  field: DeclarationField;
  value: string;
  errors: readonly FieldProblem[];
}) {
  const { language, criterion, field, errors } = props;
  const t = messages(language);
  const id = declarationFieldId(criterion, field);
  const hintId = field === "url" ? `${id}-hint` : undefined;
  const label =
    field === "url"
      ? t.declareUrlLabels[criterion]
      : field === "contactName"
        ? t.declareNameLabel
        : t.declareEmailLabel;
  return (
    <div class={groupClass(id, errors)}>
      <label for={id}>{label}</label>
      {hintId === undefined ? null : (
        <p id={hintId} class="hint">
          {t.declareUrlHint}
        </p>
      )}
      <FieldError fieldId={id} errors={errors} language={language} />
      <input
        id={id}
        name={field}
        type={field === "contactEmail" ? "email" : "text"}
        inputmode={field === "url" ? "url" : undefined}
        spellcheck={field === "contactName" ? undefined : false}
        value={props.value}
        maxlength={DECLARATION_LIMITS[field]}
        required
        {...fieldAria(id, errors, hintId)}
      />
    </div>
  );
}
