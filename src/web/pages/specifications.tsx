import type { Child } from "hono/jsx";
import type { Language } from "../../core/index.ts";
import type {
  FieldDefinition,
  GeoDefinition,
  SpecificationSummary,
  SpecificationVersion,
} from "../../specs/index.ts";
import { countText, fill, fillParts, formatDate, messages, type Messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { levelLabel } from "./priority-list.tsx";

/** The human page of a version: the URI datasets name in dcterms:conformsTo. */
export function specificationPath(slug: string, version: string): string {
  return `/specifications/${slug}/${version}`;
}

export interface SpecificationListPageProps {
  readonly language: Language;
  readonly specifications: readonly SpecificationSummary[];
}

export function SpecificationListPage({ language, specifications }: SpecificationListPageProps) {
  const t = messages(language);
  const count = countText(t.specificationCount, specifications.length, language);
  return (
    <Layout language={language} title={t.specificationsTitle} path="/specifications" section="specifications">
      <h1>{t.specificationsTitle}</h1>
      {t.specificationsIntro.map((text) => (
        <p>{text}</p>
      ))}
      {specifications.length === 0 ? (
        <p class="result-count">{count}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{count}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnSpecification}</th>
                <th scope="col">{t.columnDescription}</th>
                <th scope="col">{t.columnPublisher}</th>
                <th scope="col">{t.columnLatestVersion}</th>
              </tr>
            </thead>
            <tbody>
              {specifications.map((spec) => (
                <tr>
                  <th scope="row">
                    <a href={localizedPath(language, specificationPath(spec.slug, spec.latestVersion))}>
                      {spec.title[language]}
                    </a>
                  </th>
                  <td>{spec.description[language]}</td>
                  <td>{levelLabel(spec.level, t)}</td>
                  <td>{spec.latestVersion}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

/** Values separated by commas, each in <code>. */
function CodeValues({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((value, index) => (
        <>
          {index > 0 ? ", " : ""}
          <code>{value}</code>
        </>
      ))}
    </>
  );
}

function isKnownFormat(format: string): format is keyof Messages["formats"] {
  return format === "email" || format === "uri" || format === "uuid" || format === "phone";
}

/** A field's rules in plain words: "0–100", "högst 200 tecken", a format, a pattern. */
export function fieldRules(field: FieldDefinition, t: Messages): Child[] {
  const rules: Child[] = [];
  const c = field.constraints ?? {};
  if (field.format !== undefined && field.format !== "default") {
    rules.push(
      isKnownFormat(field.format)
        ? t.formats[field.format]
        : fillParts(t.ruleFormatOther, { format: <code>{field.format}</code> }),
    );
  }
  if (field.reference === "organization") rules.push(t.ruleOrganization);
  if (c.minimum !== undefined && c.maximum !== undefined) rules.push(`${c.minimum}–${c.maximum}`);
  else if (c.minimum !== undefined) rules.push(fill(t.ruleMin, { min: c.minimum }));
  else if (c.maximum !== undefined) rules.push(fill(t.ruleMax, { max: c.maximum }));
  if (c.minLength !== undefined && c.minLength > 0 && c.maxLength !== undefined) {
    rules.push(fill(t.ruleLengthRange, { min: c.minLength, max: c.maxLength }));
  } else if (c.maxLength !== undefined) {
    rules.push(fill(t.ruleMaxLength, { n: c.maxLength }));
  } else if (c.minLength !== undefined && c.minLength > 0) {
    rules.push(fill(t.ruleMinLength, { n: c.minLength }));
  }
  if (c.pattern !== undefined) rules.push(fillParts(t.rulePattern, { pattern: <code>{c.pattern}</code> }));
  if (c.unique === true) rules.push(t.ruleUnique);
  if (field.trueValues !== undefined) {
    rules.push(fillParts(t.ruleTrueValues, { values: <CodeValues values={field.trueValues} /> }));
  }
  if (field.falseValues !== undefined) {
    rules.push(fillParts(t.ruleFalseValues, { values: <CodeValues values={field.falseValues} /> }));
  }
  return rules;
}

function FieldRules({ field, language }: { field: FieldDefinition; language: Language }) {
  const t = messages(language);
  const rules = fieldRules(field, t);
  const codeList = field.codeList;
  const enumValues = codeList === undefined ? field.constraints?.enum : undefined;
  if (rules.length === 0 && codeList === undefined && enumValues === undefined) return <>{t.ruleNone}</>;
  return (
    <>
      {rules.length === 0 ? null : (
        <ul class="rules">
          {rules.map((rule) => (
            <li>{rule}</li>
          ))}
        </ul>
      )}
      {codeList === undefined ? null : (
        <>
          <p class="rules__heading">{t.docsAllowedValues}</p>
          <ul class="code-list">
            {codeList.map((entry) => (
              <li>
                <code>{entry.value}</code> – {entry.label[language]}
              </li>
            ))}
          </ul>
        </>
      )}
      {enumValues === undefined ? null : (
        <>
          <p class="rules__heading">{t.docsAllowedValues}</p>
          <ul class="code-list">
            {enumValues.map((value) => (
              <li>
                <code>{value}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function Position({ geo, t }: { geo: GeoDefinition | undefined; t: Messages }) {
  if (geo === undefined) return <p>{t.specNoPosition}</p>;
  const code = (name: string) => <code>{name}</code>;
  if (geo.kind === "wgs84") {
    return (
      <p>
        {fillParts(t.specPositionWgs84, { latitude: code(geo.latitude), longitude: code(geo.longitude) })}
      </p>
    );
  }
  return (
    <>
      <p>
        {fillParts(t.specPositionProjected, { northing: code(geo.northing), easting: code(geo.easting) })}
      </p>
      {geo.crsField === undefined ? null : (
        <p>{fillParts(t.specPositionCrsField, { field: code(geo.crsField) })}</p>
      )}
      {geo.crs === undefined ? null : <p>{fillParts(t.specPositionCrsFixed, { crs: code(geo.crs) })}</p>}
      {geo.height === undefined ? null : (
        <p>{fillParts(t.specPositionHeight, { field: code(geo.height) })}</p>
      )}
    </>
  );
}

function PrimaryKey({ primaryKey, t }: { primaryKey: string | readonly string[] | undefined; t: Messages }) {
  if (primaryKey === undefined) return <p>{t.specNoPrimaryKey}</p>;
  const fields = typeof primaryKey === "string" ? [primaryKey] : primaryKey;
  const template = fields.length === 1 ? t.specPrimaryKeyOne : t.specPrimaryKeyMany;
  return <p>{fillParts(template, { fields: <CodeValues values={fields} /> })}</p>;
}

export interface SpecificationPageProps {
  readonly language: Language;
  readonly spec: SpecificationVersion;
  /** Every version of the specification, oldest first. */
  readonly versions: readonly string[];
}

export function SpecificationPage({ language, spec, versions }: SpecificationPageProps) {
  const t = messages(language);
  const d = spec.definition;
  const title = d.title[language];
  const pageTitle = fill(t.specPageTitle, { title, version: spec.version });
  const api = `/api/v1/specifications/${spec.slug}/${spec.version}`;
  const latest = versions.at(-1);
  const fieldsCaption = fill(t.specFieldsCaption, { title });
  return (
    <Layout
      language={language}
      title={pageTitle}
      path={specificationPath(spec.slug, spec.version)}
      section="specifications"
      breadcrumbs={[
        { label: t.navStart, path: "/" },
        { label: t.navSpecifications, path: "/specifications" },
      ]}
    >
      <h1>{pageTitle}</h1>
      <p class="lead">{d.description[language]}</p>
      {latest === undefined || latest === spec.version ? null : (
        <p class="note">
          {fillParts(t.specNewerVersion, {
            version: <a href={localizedPath(language, specificationPath(spec.slug, latest))}>{latest}</a>,
          })}
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{t.specVersionNumber}</dt>
          <dd>{spec.version}</dd>
        </div>
        <div>
          <dt>{t.specPublished}</dt>
          <dd>
            <time datetime={spec.published}>{formatDate(spec.published, language)}</time>
          </dd>
        </div>
        <div>
          <dt>{t.columnPublisher}</dt>
          <dd>{levelLabel(d.level, t)}</dd>
        </div>
        <div>
          <dt>{t.specVersions}</dt>
          <dd>
            <ul class="inline-list">
              {versions.map((version) =>
                version === spec.version ? (
                  <li>
                    {version} ({t.specThisVersion})
                  </li>
                ) : (
                  <li>
                    <a href={localizedPath(language, specificationPath(spec.slug, version))}>{version}</a>
                  </li>
                ),
              )}
            </ul>
          </dd>
        </div>
      </dl>

      <h2>{t.specDownloadsHeading}</h2>
      <ul>
        <li>
          <a href={api} type="application/json">
            {t.specDownloadSchema}
          </a>{" "}
          <code>{api}</code>
        </li>
        <li>
          <a href={`${api}/template.csv`} type="text/csv">
            {t.specDownloadTemplate}
          </a>{" "}
          <code>{`${api}/template.csv`}</code>
        </li>
        <li>
          <a href={`${api}/example.csv`} type="text/csv">
            {t.specDownloadExample}
          </a>{" "}
          <code>{`${api}/example.csv`}</code>
        </li>
      </ul>
      <p>
        <a href={`${localizedPath(language, "/validate")}?spec=${encodeURIComponent(spec.slug)}`}>
          {t.specValidateLink}
        </a>
      </p>

      <h2>{t.specPrimaryKeyHeading}</h2>
      <PrimaryKey primaryKey={d.schema.primaryKey} t={t} />

      <h2>{t.specPositionHeading}</h2>
      <Position geo={d.schema.geo} t={t} />

      <h2 id="fields-heading">{t.specFieldsHeading}</h2>
      <div class="table-scroll" role="region" aria-labelledby="fields-caption" tabindex={0}>
        <table class="fields">
          <caption id="fields-caption">{fieldsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnField}</th>
              <th scope="col">{t.columnTitle}</th>
              <th scope="col">{t.columnType}</th>
              <th scope="col">{t.columnRequired}</th>
              <th scope="col">{t.columnDescription}</th>
              <th scope="col">{t.columnExample}</th>
              <th scope="col">{t.columnRules}</th>
            </tr>
          </thead>
          <tbody>
            {d.schema.fields.map((field) => (
              <tr id={`field-${field.name}`}>
                <th scope="row">
                  <code>{field.name}</code>
                </th>
                <td>{field.titles[language]}</td>
                <td>{t.fieldTypes[field.type]}</td>
                <td>{field.constraints?.required === true ? t.yes : t.no}</td>
                <td>{field.descriptions[language]}</td>
                <td>
                  <code>{field.example}</code>
                </td>
                <td>
                  <FieldRules field={field} language={language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t.specChangelogHeading}</h2>
      <ul>
        {d.changelog.map((change) => (
          <li>{change[language]}</li>
        ))}
      </ul>

      <h2>{t.specBasisHeading}</h2>
      <ul>
        {d.basis.map((basis) => (
          <li>
            <a href={basis.url}>{basis.title}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
