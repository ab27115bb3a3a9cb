// The guided form for datasets an organization publishes elsewhere: three short steps (what it
// is, where it is, terms and contact), each field with a hint, errors beside their fields and in
// a summary at the top; and the list of what the organization has described, with whether each
// entry is in the catalog.
import {
  DATA_THEMES,
  DESCRIBED_FORMATS,
  DESCRIPTION_LIMITS,
  FREQUENCIES,
  type DescribedDataset,
  type DescriptionField,
} from "../../catalog/index.ts";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { Language } from "../../core/index.ts";
import type { Organization } from "../../registry/index.ts";
import { CsrfField, ErrorSummary, FieldError, fieldAria, groupClass, type FieldProblem } from "../forms.tsx";
import { fill, formatDateTime, messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { organizationCrumbs } from "./publications.tsx";

export const describedPath = (code: string) => `/organizations/${code}/catalog/described`;
export const describedNewPath = (code: string) => `${describedPath(code)}/new`;
export const describedItemPath = (code: string, id: string) => `${describedPath(code)}/${id}`;
export const describedDeletePath = (code: string, id: string) => `${describedItemPath(code, id)}/delete`;

/** A form field's element id. */
export const describedFieldId = (field: DescriptionField | "titleEn" | "descriptionEn") =>
  `described-${field}`;

/** The form's values as typed: what comes back when something needs fixing. */
export type DescribedFormValues = Readonly<Record<string, string>>;

export type DescribedNotice = { readonly kind: "saved" | "removed"; readonly title: string };

export interface DescribedListPageProps {
  readonly language: Language;
  readonly organization: Organization;
  readonly datasets: readonly DescribedDataset[];
  readonly mayDescribe: boolean;
  readonly notice?: DescribedNotice | undefined;
}

export function DescribedListPage(props: DescribedListPageProps) {
  const { language, organization, datasets } = props;
  const t = messages(language);
  const title = fill(t.describedTitle, { organization: organization.name });
  return (
    <Layout
      language={language}
      title={title}
      path={describedPath(organization.code)}
      section="organizations"
      breadcrumbs={organizationCrumbs(organization, t)}
    >
      {props.notice === undefined ? null : (
        <p class="notice" role="status">
          {fill(props.notice.kind === "saved" ? t.describedSaved : t.describedRemoved, {
            title: props.notice.title,
          })}
        </p>
      )}
      <h1>{title}</h1>
      <p>{t.describedIntro}</p>
      {props.mayDescribe ? (
        <p>
          <a class="button-link" href={localizedPath(language, describedNewPath(organization.code))}>
            {t.describedNew}
          </a>
        </p>
      ) : null}
      {datasets.length === 0 ? (
        <p>{t.describedNone}</p>
      ) : (
        <ul class="described-list">
          {datasets.map((d) => (
            <li>
              <h2>{d.description.title[language] || d.description.title.sv}</h2>
              <p>
                {d.valid === true
                  ? t.describedInCatalog
                  : fill(t.describedNotInCatalog, {
                      reasons: d.violations.map((v) => v[language]).join(" "),
                    })}{" "}
                {fill(t.describedUpdated, { when: formatDateTime(d.updatedAt, language) })}
              </p>
              {props.mayDescribe ? (
                <p>
                  <a href={localizedPath(language, describedItemPath(organization.code, d.id))}>
                    {t.describedEdit}
                    <span class="visually-hidden">: {d.description.title.sv}</span>
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface DescribedFormPageProps {
  readonly language: Language;
  readonly organization: Organization;
  readonly csrfToken: string;
  /** Null for a new description. */
  readonly id: string | null;
  readonly values: DescribedFormValues;
  readonly errors: readonly FieldProblem[];
}

/** The form's values from a stored description, to edit it. */
export function formValuesOf(dataset: DescribedDataset): DescribedFormValues {
  const d = dataset.description;
  return {
    titleSv: d.title.sv,
    titleEn: d.title.en,
    descriptionSv: d.description.sv,
    descriptionEn: d.description.en,
    keywords: d.keywords.join(", "),
    theme: d.theme,
    licence: d.licence,
    accessUrl: d.accessUrl,
    downloadUrl: d.downloadUrl,
    format: d.format,
    frequency: d.frequency,
    landingPage: d.landingPage,
    contactEmail: d.contactEmail,
  };
}

export function DescribedFormPage(props: DescribedFormPageProps) {
  const { language, organization, values, errors, id } = props;
  const t = messages(language);
  const title = id === null ? t.describedNew : t.describedEditTitle;
  const action = id === null ? describedNewPath(organization.code) : describedItemPath(organization.code, id);
  const value = (name: string) => values[name] ?? "";
  /** A labelled field with its hint and its error, around the control made for its id. */
  const group = (
    field: DescriptionField | "titleEn" | "descriptionEn",
    label: string,
    hint: string,
    control: (fieldId: string, aria: ReturnType<typeof fieldAria>) => JSX.Element,
  ) => {
    const fieldId = describedFieldId(field);
    const hintId = `${fieldId}-hint`;
    return (
      <div class={groupClass(fieldId, errors)}>
        <label for={fieldId}>{label}</label>
        <p id={hintId} class="hint">
          {hint}
        </p>
        <FieldError fieldId={fieldId} errors={errors} language={language} />
        {control(fieldId, fieldAria(fieldId, errors, hintId))}
      </div>
    );
  };
  const text = (
    field: DescriptionField | "titleEn" | "descriptionEn",
    name: string,
    label: string,
    hint: string,
    options: { type?: string; maxlength: number; required?: boolean; inputmode?: "url" | "email" },
  ) =>
    group(field, label, hint, (fieldId, aria) => (
      <input
        id={fieldId}
        name={name}
        type={options.type ?? "text"}
        value={value(name)}
        maxlength={options.maxlength}
        required={options.required === true}
        inputmode={options.inputmode}
        spellcheck={options.inputmode === undefined ? undefined : false}
        {...aria}
      />
    ));
  const area = (
    field: "description" | "descriptionEn",
    name: string,
    label: string,
    hint: string,
    required: boolean,
  ) =>
    group(field, label, hint, (fieldId, aria) => (
      <textarea
        id={fieldId}
        name={name}
        rows={5}
        maxlength={DESCRIPTION_LIMITS.description}
        required={required}
        {...aria}
      >
        {value(name)}
      </textarea>
    ));
  const select = (
    field: DescriptionField,
    label: string,
    options: readonly (readonly [string, string])[],
  ) => {
    const fieldId = describedFieldId(field);
    return (
      <div class={groupClass(fieldId, errors)}>
        <label for={fieldId}>{label}</label>
        <FieldError fieldId={fieldId} errors={errors} language={language} />
        <select id={fieldId} name={field} required {...fieldAria(fieldId, errors)}>
          <option value="" selected={value(field) === ""}>
            {t.describedChoose}
          </option>
          {options.map(([code, name]) => (
            <option value={code} selected={value(field) === code}>
              {name}
            </option>
          ))}
        </select>
      </div>
    );
  };
  return (
    <Layout
      language={language}
      title={title}
      path={action}
      section="organizations"
      breadcrumbs={[
        ...organizationCrumbs(organization, t),
        {
          label: fill(t.describedTitle, { organization: organization.name }),
          path: describedPath(organization.code),
        },
      ]}
      scripts={["form.js"]}
    >
      <ErrorSummary errors={errors} language={language} />
      <h1>{title}</h1>
      <p>{fill(t.describedFormIntro, { organization: organization.name })}</p>
      <form class="form" method="post" action={localizedPath(language, action)} novalidate>
        <CsrfField token={props.csrfToken} />
        <fieldset>
          <legend>{t.describedStepWhat}</legend>
          {text("title", "titleSv", t.describedTitleSv, t.describedTitleHint, {
            maxlength: DESCRIPTION_LIMITS.title,
            required: true,
          })}
          {text("titleEn", "titleEn", t.describedTitleEn, t.describedOptionalEnglish, {
            maxlength: DESCRIPTION_LIMITS.title,
          })}
          {area("description", "descriptionSv", t.describedDescriptionSv, t.describedDescriptionHint, true)}
          {area(
            "descriptionEn",
            "descriptionEn",
            t.describedDescriptionEn,
            t.describedOptionalEnglish,
            false,
          )}
          {text("keywords", "keywords", t.describedKeywords, t.describedKeywordsHint, { maxlength: 1300 })}
          {select("theme", t.describedTheme, themeOptions(language))}
        </fieldset>
        <fieldset>
          <legend>{t.describedStepWhere}</legend>
          {text("accessUrl", "accessUrl", t.describedAccessUrl, t.describedAccessUrlHint, {
            maxlength: DESCRIPTION_LIMITS.url,
            required: true,
            inputmode: "url",
          })}
          {text("downloadUrl", "downloadUrl", t.describedDownloadUrl, t.describedDownloadUrlHint, {
            maxlength: DESCRIPTION_LIMITS.url,
            inputmode: "url",
          })}
          {select(
            "format",
            t.describedFormat,
            DESCRIBED_FORMATS.map((f) => [f, f] as const),
          )}
          {select("frequency", t.describedFrequency, frequencyOptions(language))}
          {text("landingPage", "landingPage", t.describedLandingPage, t.describedLandingPageHint, {
            maxlength: DESCRIPTION_LIMITS.url,
            inputmode: "url",
          })}
        </fieldset>
        <fieldset>
          <legend>{t.describedStepTerms}</legend>
          {select("licence", t.describedLicence, [
            ["CC0", t.describedLicenceCc0],
            ["CC-BY-4.0", t.describedLicenceCcBy],
          ])}
          {text("contactEmail", "contactEmail", t.describedContactEmail, t.describedContactEmailHint, {
            type: "email",
            maxlength: DESCRIPTION_LIMITS.email,
            inputmode: "email",
          })}
        </fieldset>
        <button type="submit">{t.describedSave}</button>
      </form>
      {id === null ? null : (
        <form
          class="form"
          method="post"
          action={localizedPath(language, describedDeletePath(organization.code, id))}
        >
          <CsrfField token={props.csrfToken} />
          <button type="submit" class="button--secondary">
            {t.describedDelete}
          </button>
        </form>
      )}
    </Layout>
  );
}

function themeOptions(language: Language): (readonly [string, string])[] {
  return Object.entries(DATA_THEMES).map(([code, term]) => [code, term.label[language]] as const);
}

function frequencyOptions(language: Language): (readonly [string, string])[] {
  return Object.entries(FREQUENCIES).map(([code, term]) => [code, term.label[language]] as const);
}

/** A description problem as a form error: its message in the page's language, linked to its field. */
export function describedErrors(
  problems: readonly { field: DescriptionField; message: { sv: string; en: string } }[],
  language: Language,
): FieldProblem[] {
  return problems.map((p) => ({ fieldId: describedFieldId(p.field), message: p.message[language] }));
}
