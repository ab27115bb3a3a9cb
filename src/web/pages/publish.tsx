import type { Language } from "../../core/index.ts";
import type { Organization } from "../../registry/index.ts";
import { CsrfField, ErrorSummary, FieldError, fieldAria, groupClass, type FieldProblem } from "../forms.tsx";
import { fill, messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { publicationsPath, publishPath } from "./publications.tsx";
import { FileField, specQuery, VALIDATE_PATH } from "./validate.tsx";

export const PUBLISH_FIELDS = { spec: "publish-spec", file: "publish-file" } as const;

export interface PublishOption {
  readonly slug: string;
  readonly name: string;
  /** On the prioritized list for this kind of organization: offered first. */
  readonly expected: boolean;
}

export interface PublishPageProps {
  readonly language: Language;
  readonly organization: Organization;
  /** The datasets the organization can publish: every specification, the expected ones first. */
  readonly options: readonly PublishOption[];
  readonly selected: string | undefined;
  readonly csrfToken: string;
  readonly maxUploadBytes: number;
  readonly errors?: readonly FieldProblem[];
}

/** The publish form: a dataset and a file, for a signed-in publisher of the organization. */
export function PublishPage(props: PublishPageProps) {
  const { language, organization, options, selected } = props;
  const t = messages(language);
  const errors = props.errors ?? [];
  const title = errors.length === 0 ? t.publishTitle : fill(t.errorPageTitle, { title: t.publishTitle });
  const known = options.some((o) => o.slug === selected);
  return (
    <Layout
      language={language}
      title={title}
      path={publishPath(organization.code)}
      query={known ? specQuery(selected) : ""}
      section="organizations"
      scripts={["validate.js"]}
      breadcrumbs={[
        { label: t.navStart, path: "/" },
        { label: t.navOrganizations, path: "/organizations" },
        { label: organization.name, path: `/organizations/${organization.code}` },
        {
          label: fill(t.publicationsTitle, { organization: organization.name }),
          path: publicationsPath(organization.code),
        },
      ]}
    >
      <ErrorSummary errors={errors} language={language} />
      <h1>{t.publishTitle}</h1>
      <p class="lead">{fill(t.publishFor, { organization: organization.name })}</p>
      {t.publishIntro.map((text) => (
        <p>{text}</p>
      ))}
      {options.length === 0 ? (
        <p>{t.publishNoneExpected}</p>
      ) : (
        <form
          class="validate-form"
          method="post"
          enctype="multipart/form-data"
          action={localizedPath(language, publishPath(organization.code))}
        >
          <CsrfField token={props.csrfToken} />
          <input type="hidden" name="mode" value="all" />
          <div class={groupClass(PUBLISH_FIELDS.spec, errors)}>
            <label for={PUBLISH_FIELDS.spec}>{t.publishSpecLabel}</label>
            <p id="publish-spec-hint" class="hint">
              {t.validateSpecHint}
            </p>
            <FieldError fieldId={PUBLISH_FIELDS.spec} errors={errors} language={language} />
            <select
              id={PUBLISH_FIELDS.spec}
              name="spec"
              {...fieldAria(PUBLISH_FIELDS.spec, errors, "publish-spec-hint")}
            >
              {[
                { label: t.publishGroupExpected, group: options.filter((o) => o.expected) },
                { label: t.publishGroupOther, group: options.filter((o) => !o.expected) },
              ]
                .filter(({ group }) => group.length > 0)
                .map(({ label, group }) => (
                  <optgroup label={label}>
                    {group.map((option) => (
                      <option value={option.slug} selected={option.slug === selected}>
                        {option.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          </div>
          <FileField
            id={PUBLISH_FIELDS.file}
            language={language}
            maxUploadBytes={props.maxUploadBytes}
            errors={errors}
          />
          <button type="submit">{t.publishSubmit}</button>
        </form>
      )}
      <p>
        {t.publishValidateFirst}{" "}
        <a href={localizedPath(language, VALIDATE_PATH) + (known ? specQuery(selected) : "")}>
          {t.publishValidateLink}
        </a>
      </p>
    </Layout>
  );
}
