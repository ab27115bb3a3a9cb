import type { Language } from "../../core/index.ts";
import type { SpecificationSummary, SpecificationVersion } from "../../specs/index.ts";
import type { Issue, IssueType, SummaryEntry, ValidationReport } from "../../validation/index.ts";
import {
  fill,
  fillParts,
  formatMegabytes,
  formatNumber,
  messages,
  type FixHint,
  type Messages,
} from "../i18n.ts";
import { ErrorSummary, FieldError, fieldAria, groupClass, type FieldProblem } from "../forms.tsx";
import { Layout } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { specificationPath } from "./specifications.tsx";

/** The site path of the validation page; the form posts back to it. */
export const VALIDATE_PATH = "/validate";

/** The formats the file input offers (the validator also sniffs the content). */
export const ACCEPTED_FILES = ".csv,.txt,.json,.geojson,.xlsx";

/** How many errors, and how many warnings, the report page lists one by one. */
export const LISTED_ISSUES = 100;

/** A form field's problem, shown in the error summary and beside the field. */
export interface FormError {
  readonly field: "spec" | "file";
  readonly message: string;
}

/** The id of a form field, which the error summary links to. */
const FIELD_IDS: Readonly<Record<FormError["field"], string>> = {
  spec: "validate-spec",
  file: "validate-file",
};

/** "?spec=badplatser" for the language link and "Validera en fil till", or "". */
export function specQuery(slug: string | undefined): string {
  return slug === undefined || slug === "" ? "" : `?spec=${encodeURIComponent(slug)}`;
}

export interface ValidateFormPageProps {
  readonly language: Language;
  readonly specifications: readonly SpecificationSummary[];
  /** The slug to preselect (from ?spec= or the form sent). */
  readonly selected?: string | undefined;
  readonly maxUploadBytes: number;
  readonly errors?: readonly FormError[] | undefined;
}

/** The form's errors as the shared components take them. */
function problems(errors: readonly FormError[]): FieldProblem[] {
  return errors.map((error) => ({ fieldId: FIELD_IDS[error.field], message: error.message }));
}

/**
 * The file input with its hint, its error and the drop zone validate.js enhances. The native
 * input stays the control: keyboard, screen readers and no JavaScript all work.
 */
export function FileField(props: {
  id: string;
  language: Language;
  maxUploadBytes: number;
  errors: readonly FieldProblem[];
  label?: string;
}) {
  const { id, language, errors } = props;
  const t = messages(language);
  const hintId = `${id}-hint`;
  return (
    <div class={groupClass(id, errors)}>
      <label for={id}>{props.label ?? t.validateFileLabel}</label>
      <p id={hintId} class="hint">
        {fill(t.validateFileHint, { size: formatMegabytes(props.maxUploadBytes, language) })}
      </p>
      <FieldError fieldId={id} errors={errors} language={language} />
      <div class="dropzone" data-dropzone="">
        <input id={id} name="file" type="file" accept={ACCEPTED_FILES} {...fieldAria(id, errors, hintId)} />
        <p class="dropzone__hint" data-drop-hint="" hidden>
          {t.validateDropHint}
        </p>
        <p
          class="dropzone__status"
          role="status"
          aria-live="polite"
          data-file-status=""
          data-template={t.validateFileChosen}
        ></p>
      </div>
    </div>
  );
}

/**
 * The form: a specification and a file. It works without JavaScript; validate.js adds a drop
 * zone around the file input (which stays the control) and announces the chosen file.
 */
export function ValidateFormPage(props: ValidateFormPageProps) {
  const { language, specifications, selected, maxUploadBytes } = props;
  const t = messages(language);
  const errors = props.errors ?? [];
  const fieldErrors = problems(errors);
  const title = errors.length === 0 ? t.validateTitle : fill(t.errorPageTitle, { title: t.validateTitle });
  const known = specifications.some((s) => s.slug === selected);
  return (
    <Layout
      language={language}
      title={title}
      path={VALIDATE_PATH}
      query={known ? specQuery(selected) : ""}
      section="validate"
      scripts={["validate.js"]}
    >
      <ErrorSummary errors={fieldErrors} language={language} />
      <h1>{t.validateTitle}</h1>
      {t.validateIntro.map((text) => (
        <p>{text}</p>
      ))}
      <form
        class="validate-form"
        method="post"
        enctype="multipart/form-data"
        action={localizedPath(language, VALIDATE_PATH)}
      >
        <div class={groupClass(FIELD_IDS.spec, fieldErrors)}>
          <label for={FIELD_IDS.spec}>{t.validateSpecLabel}</label>
          <p id="validate-spec-hint" class="hint">
            {t.validateSpecHint}
          </p>
          <FieldError fieldId={FIELD_IDS.spec} errors={fieldErrors} language={language} />
          <select
            id={FIELD_IDS.spec}
            name="spec"
            {...fieldAria(FIELD_IDS.spec, fieldErrors, "validate-spec-hint")}
          >
            {specifications.map((spec) => (
              <option value={spec.slug} selected={spec.slug === selected}>
                {spec.title[language]}
              </option>
            ))}
          </select>
        </div>
        <FileField
          id={FIELD_IDS.file}
          language={language}
          maxUploadBytes={maxUploadBytes}
          errors={fieldErrors}
        />
        <button type="submit">{t.validateSubmit}</button>
      </form>
      <p>
        {t.validateApiNote} <a href={localizedPath(language, "/docs")}>{t.validateApiLink}</a>
      </p>
    </Layout>
  );
}

export interface ValidationReportPageProps {
  readonly language: Language;
  readonly report: ValidationReport;
  readonly spec: SpecificationVersion;
  /** The uploaded file's name as the browser sent it. */
  readonly fileName: string;
  /** Where the API is, for the curl commands: the request's own origin. */
  readonly origin: string;
}

/** A file name that can stand in a shell command as it is, or the placeholder. */
function curlFileName(name: string, placeholder: string): string {
  return /^[A-Za-z0-9._-]{1,100}$/.test(name) && !name.startsWith("-") ? name : placeholder;
}

function isJson(report: ValidationReport): boolean {
  return report.format === "json" || report.format === "geojson";
}

function problemLabel(entry: { type: IssueType; constraint?: SummaryEntry["constraint"] }, t: Messages) {
  return entry.constraint === undefined ? t.issueTypes[entry.type] : t.constraints[entry.constraint];
}

const MECHANICAL_TYPES: ReadonlySet<IssueType> = new Set(["dialect", "decimal-comma", "whitespace"]);

/** Which mechanical problems the file has: those the fixer corrects, for the fix hints. */
export function fixHints(report: ValidationReport): FixHint[] {
  const types = new Set(report.summary.map((entry) => entry.type));
  const listed = [...report.errors, ...report.warnings];
  const { dialect } = report;
  const hints: FixHint[] = [];
  const oddDialect =
    report.format === "csv" &&
    (dialect.encoding === "windows-1252" ||
      dialect.encoding?.startsWith("utf-16") === true ||
      (dialect.delimiter !== null && dialect.delimiter !== ","));
  if (types.has("dialect") || oddDialect) hints.push("dialect");
  if (types.has("decimal-comma") || dialect.decimalComma) hints.push("decimalComma");
  if (types.has("whitespace")) hints.push("whitespace");
  if (listed.some((issue) => issue.type === "reference-error" && issue.fix?.automatic === true)) {
    hints.push("leadingZeros");
  }
  if (
    listed.some(
      (issue) =>
        issue.fix?.automatic === true &&
        !MECHANICAL_TYPES.has(issue.type) &&
        issue.type !== "reference-error",
    )
  ) {
    hints.push("other");
  }
  return hints;
}

function Cell({ cell, t }: { cell: string | null; t: Messages }) {
  return cell === null || cell === "" ? <>{t.reportEmptyCell}</> : <code>{cell}</code>;
}

function Examples({ entry, json, t }: { entry: SummaryEntry; json: boolean; t: Messages }) {
  const examples = entry.examples.filter((e) => e.rowNumber !== null);
  if (examples.length === 0) return null;
  const where = json ? t.reportExampleObject : t.reportExampleRow;
  return (
    <ul class="examples">
      {examples.map((example) => (
        <li>
          {fill(where, { row: example.rowNumber ?? "" })}: <Cell cell={example.cell} t={t} />
        </li>
      ))}
    </ul>
  );
}

function SummaryTable({ report, language }: { report: ValidationReport; language: Language }) {
  const t = messages(language);
  const json = isJson(report);
  // Errors first, then warnings; the most frequent first within each (stable otherwise).
  const entries = [...report.summary].sort(
    (a, b) => Number(a.severity === "warning") - Number(b.severity === "warning") || b.count - a.count,
  );
  return (
    <div class="table-scroll" role="region" aria-labelledby="summary-caption" tabindex={0}>
      <table class="report-summary">
        <caption id="summary-caption">{t.reportSummaryCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columnColumn}</th>
            <th scope="col">{t.columnProblem}</th>
            <th scope="col">{t.columnSeverity}</th>
            <th scope="col" class="numeric">
              {t.columnCount}
            </th>
            <th scope="col">{t.columnExamples}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr>
              <th scope="row">
                {entry.fieldName === null ? t.reportWholeFile : <code>{entry.fieldName}</code>}
              </th>
              <td>{problemLabel(entry, t)}</td>
              <td>{t.severities[entry.severity]}</td>
              <td class="numeric">{formatNumber(entry.count, language)}</td>
              <td>
                <Examples entry={entry} json={json} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Problems the validator lists once per column, for all of that column's occurrences. */
const AGGREGATED_TYPES: ReadonlySet<IssueType> = new Set(["whitespace", "decimal-comma"]);

/**
 * Whether a list leaves occurrences out: more than the page lists, or fewer listed than counted.
 * An aggregated issue stands for every occurrence its summary entry counts.
 */
export function listIsCut(report: ValidationReport, issues: readonly Issue[], total: number): boolean {
  if (issues.length > LISTED_ISSUES) return true;
  let covered = 0;
  for (const issue of issues) {
    const entry = AGGREGATED_TYPES.has(issue.type)
      ? report.summary.find(
          (e) => e.severity === issue.severity && e.type === issue.type && e.fieldName === issue.fieldName,
        )
      : undefined;
    covered += entry?.count ?? 1;
  }
  return covered < total;
}

interface IssueTableProps {
  readonly id: string;
  readonly caption: string;
  readonly issues: readonly Issue[];
  /** The exact number of such issues in the file. */
  readonly total: number;
  readonly cut: boolean;
  readonly json: boolean;
  readonly language: Language;
}

function IssueTable({ id, caption, issues, total, cut, json, language }: IssueTableProps) {
  const t = messages(language);
  const shown = issues.slice(0, LISTED_ISSUES);
  return (
    <>
      <div class="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
        <table class="issues">
          <caption id={`${id}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{json ? t.columnObject : t.columnRow}</th>
              <th scope="col">{t.columnColumn}</th>
              <th scope="col">{t.columnMessage}</th>
              <th scope="col">{t.columnFix}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((issue) => (
              <tr>
                <th scope="row">
                  {issue.rowNumber === null ? "–" : formatNumber(issue.rowNumber, language)}
                </th>
                <td>{issue.fieldName === null ? t.reportWholeFile : <code>{issue.fieldName}</code>}</td>
                <td>{issue.message[language]}</td>
                <td>
                  {issue.fix === undefined ? null : (
                    <>
                      {issue.fix.message[language]}
                      {issue.fix.automatic ? ` ${t.reportFixAutomatic}` : null}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cut ? (
        <p class="note">
          {fill(t.reportTruncated, {
            shown: formatNumber(shown.length, language),
            total: formatNumber(total, language),
          })}
        </p>
      ) : null}
    </>
  );
}

export interface ReportDetailsProps {
  readonly report: ValidationReport;
  readonly language: Language;
  /** The level of the report's own headings: 2 on the report page, 3 under a heading of its own. */
  readonly headingLevel: 2 | 3;
  /** Prefixes the ids in the report, when a page holds more than one thing with such ids. */
  readonly idPrefix?: string;
}

/**
 * The report itself: counts, how the file was read, what can be fixed automatically, the summary
 * by column and the errors and warnings one by one. The validation page and a release's page
 * (publishing) show it the same way.
 */
export function ReportDetails({ report, language, headingLevel, idPrefix = "" }: ReportDetailsProps) {
  const t = messages(language);
  const { stats, dialect } = report;
  const json = isJson(report);
  const hints = fixHints(report);
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <dl class="facts">
        <div>
          <dt>{json ? t.reportObjects : t.reportRows}</dt>
          <dd>{formatNumber(stats.rows, language)}</dd>
        </div>
        <div>
          <dt>{t.reportErrors}</dt>
          <dd>{formatNumber(stats.errors, language)}</dd>
        </div>
        <div>
          <dt>{t.reportWarnings}</dt>
          <dd>{formatNumber(stats.warnings, language)}</dd>
        </div>
        <div>
          <dt>{t.reportFormat}</dt>
          <dd>{t.tableFormats[report.format]}</dd>
        </div>
      </dl>

      {report.format === "csv" ? (
        <>
          <H>{t.reportDialectHeading}</H>
          <dl class="facts">
            <div>
              <dt>{t.reportEncoding}</dt>
              <dd>{dialect.encoding === null ? t.reportEncodingUnknown : t.encodings[dialect.encoding]}</dd>
            </div>
            {dialect.delimiter === null ? null : (
              <div>
                <dt>{t.reportDelimiter}</dt>
                <dd>{t.delimiters[dialect.delimiter]}</dd>
              </div>
            )}
            <div>
              <dt>{t.reportDecimalSeparator}</dt>
              <dd>{dialect.decimalComma ? t.reportDecimalComma : t.reportDecimalPoint}</dd>
            </div>
          </dl>
        </>
      ) : null}

      {hints.length === 0 ? null : (
        <section class="note fix-hints" aria-labelledby={`${idPrefix}fix-heading`}>
          <H id={`${idPrefix}fix-heading`}>{t.reportFixHeading}</H>
          <p>{t.reportFixIntro}</p>
          <ul>
            {hints.map((hint) => (
              <li>{t.fixHints[hint]}</li>
            ))}
          </ul>
          <p>{t.reportFixHow}</p>
        </section>
      )}

      {report.summary.length === 0 ? (
        <p>{t.reportNoIssues}</p>
      ) : (
        <>
          <H>{t.reportSummaryHeading}</H>
          <SummaryTable report={report} language={language} />
        </>
      )}

      {report.errors.length === 0 ? null : (
        <>
          <H>{t.reportErrorsHeading}</H>
          <IssueTable
            id={`${idPrefix}errors`}
            caption={t.reportErrorsCaption}
            issues={report.errors}
            total={stats.errors}
            cut={listIsCut(report, report.errors, stats.errors)}
            json={json}
            language={language}
          />
        </>
      )}
      {report.warnings.length === 0 ? null : (
        <>
          <H>{t.reportWarningsHeading}</H>
          <IssueTable
            id={`${idPrefix}warnings`}
            caption={t.reportWarningsCaption}
            issues={report.warnings}
            total={stats.warnings}
            cut={listIsCut(report, report.warnings, stats.warnings)}
            json={json}
            language={language}
          />
        </>
      )}
    </>
  );
}

/** The report, as the answer to the form: the verdict, counts, how the file was read, what to fix. */
export function ValidationReportPage({
  language,
  report,
  spec,
  fileName,
  origin,
}: ValidationReportPageProps) {
  const t = messages(language);
  const { stats } = report;
  const verdict = report.valid ? t.reportValid : t.reportInvalid;
  const lead = !report.valid
    ? t.reportInvalidLead
    : stats.warnings > 0
      ? t.reportValidWarningsLead
      : t.reportValidLead;
  const specTitle = spec.definition.title[language];
  const specHref = localizedPath(language, specificationPath(spec.slug, spec.version));
  const query = `spec=${encodeURIComponent(spec.slug)}&version=${encodeURIComponent(spec.version)}`;
  const file = curlFileName(fileName, t.reportCurlFile);
  const validateCommand = `curl --data-binary @${file} "${origin}/api/v1/validate?${query}"`;
  const fixCommand = `curl --data-binary @${file} -o ${t.reportCurlFixedFile} "${origin}/api/v1/validate/fix?${query}"`;
  return (
    <Layout
      language={language}
      title={verdict}
      path={VALIDATE_PATH}
      query={specQuery(spec.slug)}
      section="validate"
      breadcrumbs={[
        { label: t.navStart, path: "/" },
        { label: t.validateTitle, path: VALIDATE_PATH },
      ]}
    >
      <div class={report.valid ? "verdict verdict--valid" : "verdict verdict--invalid"}>
        <h1>{verdict}</h1>
        <p class="lead">{lead}</p>
      </div>
      <p>
        {fillParts(t.reportCheckedAgainst, {
          spec: <a href={specHref}>{fill(t.specPageTitle, { title: specTitle, version: spec.version })}</a>,
        })}{" "}
        {fillParts(t.reportFileName, { name: <code>{fileName}</code> })}
      </p>
      {report.complete ? null : <p class="note">{t.reportIncomplete}</p>}
      <ReportDetails report={report} language={language} headingLevel={2} />

      <h2>{t.reportApiHeading}</h2>
      <p>{t.reportApiValidate}</p>
      <pre class="command">
        <code>{validateCommand}</code>
      </pre>
      <p>{t.reportApiFix}</p>
      <pre class="command">
        <code>{fixCommand}</code>
      </pre>
      <p>
        <a href={localizedPath(language, "/docs")}>{t.validateApiLink}</a>
      </p>

      <h2>{t.reportNextHeading}</h2>
      <ul>
        <li>
          <a href={localizedPath(language, VALIDATE_PATH) + specQuery(spec.slug)}>{t.reportAgain}</a>
        </li>
        <li>
          <a href={specHref}>{fill(t.reportSpecLink, { title: specTitle, version: spec.version })}</a>
        </li>
      </ul>
    </Layout>
  );
}
