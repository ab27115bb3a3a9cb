import type { Language } from "../../core/index.ts";
import {
  LEVELS,
  PRIORITY_STATUSES,
  type Level,
  type PriorityHistoryEntry,
  type PriorityListEntry,
  type PriorityStatus,
} from "../../specs/index.ts";
import { CsrfField, ErrorSummary, FieldError, fieldAria, groupClass, type FieldProblem } from "../forms.tsx";
import { fill, formatDateTime, formatNumber, messages, type Messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { levelLabel } from "./priority-list.tsx";

export function priorityEntryPath(slug: string): string {
  return `/priority-list/${slug}`;
}

export const PRIORITY_FIELDS = {
  rank: "entry-rank",
  nameSv: "entry-name-sv",
  nameEn: "entry-name-en",
  areaSv: "entry-area-sv",
  areaEn: "entry-area-en",
  level: "entry-level",
  status: "entry-status",
  notes: "entry-notes",
} as const;

/** What the form holds: as typed, so a failed submit shows it again. */
export interface PriorityFormValues {
  readonly rank: string;
  readonly nameSv: string;
  readonly nameEn: string;
  readonly areaSv: string;
  readonly areaEn: string;
  readonly level: string;
  readonly status: string;
  readonly notes: string;
}

export function formValuesOf(entry: PriorityListEntry): PriorityFormValues {
  return {
    rank: String(entry.rank),
    nameSv: entry.name.sv,
    nameEn: entry.name.en,
    areaSv: entry.area.sv,
    areaEn: entry.area.en,
    level: entry.level,
    status: entry.status,
    notes: entry.notes,
  };
}

/** One change in the history as the page shows it: who, when, and each field before and after. */
export interface HistoryRow {
  readonly slug: string;
  readonly name: string;
  readonly changedAt: Date;
  readonly changedBy: string;
  readonly changes: readonly string[];
}

function shortText(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The fields that differ between two versions of an entry, as "Field: before → after". */
export function describeChange(
  before: PriorityListEntry | null,
  after: PriorityListEntry | null,
  language: Language,
): string[] {
  if (before === null || after === null) return [];
  const t = messages(language);
  const lines: string[] = [];
  const compare = (label: string, a: string, b: string) => {
    if (a !== b) lines.push(`${label}: ${shortText(a === "" ? "–" : a)} → ${shortText(b === "" ? "–" : b)}`);
  };
  compare(t.columnRank, String(before.rank), String(after.rank));
  compare(t.priorityNameSv, before.name.sv, after.name.sv);
  compare(t.priorityNameEn, before.name.en, after.name.en);
  compare(t.priorityAreaSv, before.area.sv, after.area.sv);
  compare(t.priorityAreaEn, before.area.en, after.area.en);
  compare(t.columnPublisher, levelLabel(before.level, t), levelLabel(after.level, t));
  compare(t.columnStatus, t.statusLabels[before.status], t.statusLabels[after.status]);
  compare(t.priorityNotes, before.notes, after.notes);
  return lines;
}

/** Who made a change, as the page may show it: a name for editors, the role for everyone else. */
export function changedByText(
  actor: string,
  names: ReadonlyMap<string, string> | undefined,
  t: Messages,
): string {
  if (actor === "system") return t.priorityChangedBySystem;
  return names?.get(actor) ?? t.priorityChangedByCoordinator;
}

export function historyRows(
  history: readonly PriorityHistoryEntry[],
  language: Language,
  names: ReadonlyMap<string, string> | undefined,
): HistoryRow[] {
  const t = messages(language);
  return history.map((entry) => ({
    slug: entry.slug,
    name: (entry.after ?? entry.before)?.name[language] ?? entry.slug,
    changedAt: new Date(entry.changedAt),
    changedBy: changedByText(entry.changedBy, names, t),
    changes: describeChange(entry.before, entry.after, language),
  }));
}

export function PriorityHistoryTable(props: {
  language: Language;
  rows: readonly HistoryRow[];
  caption: string;
  showEntry: boolean;
}) {
  const { language, rows } = props;
  const t = messages(language);
  return (
    <div class="table-scroll" role="region" aria-labelledby="history-caption" tabindex={0}>
      <table class="history">
        <caption id="history-caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.columnChangedAt}</th>
            {props.showEntry ? <th scope="col">{t.columnDataset}</th> : null}
            <th scope="col">{t.columnChangedBy}</th>
            <th scope="col">{t.columnChange}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <time datetime={row.changedAt.toISOString()}>{formatDateTime(row.changedAt, language)}</time>
              </th>
              {props.showEntry ? <td>{row.name}</td> : null}
              <td>{row.changedBy}</td>
              <td>
                {row.changes.length === 0 ? (
                  "–"
                ) : (
                  <ul class="changes">
                    {row.changes.map((line) => (
                      <li>{line}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface PriorityEditPageProps {
  readonly language: Language;
  readonly entry: PriorityListEntry;
  /** How many entries the list has: the highest rank. */
  readonly size: number;
  readonly values: PriorityFormValues;
  readonly csrfToken: string;
  readonly history: readonly HistoryRow[];
  readonly errors?: readonly FieldProblem[];
  readonly notice?: "saved" | "unchanged" | undefined;
}

function TextField(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  max: number;
  errors: readonly FieldProblem[];
  language: Language;
  lang?: Language;
}) {
  return (
    <div class={groupClass(props.id, props.errors)}>
      <label for={props.id}>{props.label}</label>
      <FieldError fieldId={props.id} errors={props.errors} language={props.language} />
      <input
        id={props.id}
        name={props.name}
        type="text"
        value={props.value}
        maxlength={props.max}
        lang={props.lang}
        required
        {...fieldAria(props.id, props.errors)}
      />
    </div>
  );
}

/** The national coordinator's form for one entry of the list, with the entry's history below. */
export function PriorityEditPage(props: PriorityEditPageProps) {
  const { language, entry, values } = props;
  const t = messages(language);
  const errors = props.errors ?? [];
  const name = entry.name[language];
  const heading = fill(t.priorityEditTitle, { name });
  const title = errors.length === 0 ? heading : fill(t.errorPageTitle, { title: heading });
  const F = PRIORITY_FIELDS;
  return (
    <Layout
      language={language}
      title={title}
      path={priorityEntryPath(entry.slug)}
      section="datasets"
      scripts={["form.js"]}
      breadcrumbs={[
        { label: t.navStart, path: "/" },
        { label: t.priorityTitle, path: "/priority-list" },
      ]}
    >
      <ErrorSummary errors={errors} language={language} />
      {props.notice === undefined ? null : (
        <p class="notice" role="status">
          {props.notice === "saved" ? fill(t.prioritySaved, { name }) : t.priorityNoChange}
        </p>
      )}
      <h1>{heading}</h1>
      <p>{t.priorityEditIntro}</p>
      <form
        class="form"
        method="post"
        action={localizedPath(language, priorityEntryPath(entry.slug))}
        novalidate
      >
        <CsrfField token={props.csrfToken} />
        <div class={groupClass(F.rank, errors)}>
          <label for={F.rank}>{t.columnRank}</label>
          <p id="entry-rank-hint" class="hint">
            {fill(t.priorityRankHint, { n: formatNumber(props.size, language) })}
          </p>
          <FieldError fieldId={F.rank} errors={errors} language={language} />
          <input
            id={F.rank}
            name="rank"
            type="text"
            inputmode="numeric"
            class="input--short"
            value={values.rank}
            maxlength={4}
            required
            {...fieldAria(F.rank, errors, "entry-rank-hint")}
          />
        </div>
        <TextField
          id={F.nameSv}
          name="nameSv"
          label={t.priorityNameSv}
          value={values.nameSv}
          max={200}
          errors={errors}
          language={language}
          lang="sv"
        />
        <TextField
          id={F.nameEn}
          name="nameEn"
          label={t.priorityNameEn}
          value={values.nameEn}
          max={200}
          errors={errors}
          language={language}
          lang="en"
        />
        <TextField
          id={F.areaSv}
          name="areaSv"
          label={t.priorityAreaSv}
          value={values.areaSv}
          max={200}
          errors={errors}
          language={language}
          lang="sv"
        />
        <TextField
          id={F.areaEn}
          name="areaEn"
          label={t.priorityAreaEn}
          value={values.areaEn}
          max={200}
          errors={errors}
          language={language}
          lang="en"
        />
        <div class={groupClass(F.level, errors)}>
          <label for={F.level}>{t.columnPublisher}</label>
          <FieldError fieldId={F.level} errors={errors} language={language} />
          <select id={F.level} name="level" {...fieldAria(F.level, errors)}>
            {LEVELS.map((level: Level) => (
              <option value={level} selected={values.level === level}>
                {levelLabel(level, t)}
              </option>
            ))}
          </select>
        </div>
        <div class={groupClass(F.status, errors)}>
          <label for={F.status}>{t.columnStatus}</label>
          <FieldError fieldId={F.status} errors={errors} language={language} />
          <select id={F.status} name="status" {...fieldAria(F.status, errors)}>
            {PRIORITY_STATUSES.map((status: PriorityStatus) => (
              <option value={status} selected={values.status === status}>
                {t.statusLabels[status]}
              </option>
            ))}
          </select>
        </div>
        <div class={groupClass(F.notes, errors)}>
          <label for={F.notes}>{t.priorityNotes}</label>
          <p id="entry-notes-hint" class="hint">
            {t.priorityNotesHint}
          </p>
          <FieldError fieldId={F.notes} errors={errors} language={language} />
          <textarea
            id={F.notes}
            name="notes"
            rows={5}
            maxlength={2000}
            {...fieldAria(F.notes, errors, "entry-notes-hint")}
          >
            {values.notes}
          </textarea>
        </div>
        <button type="submit">{t.priorityEditSubmit}</button>
      </form>
      <h2>{t.priorityHistoryHeading}</h2>
      {props.history.length === 0 ? (
        <p>{t.priorityEntryHistoryNone}</p>
      ) : (
        <PriorityHistoryTable
          language={language}
          rows={props.history}
          caption={fill(t.priorityEntryHistoryCaption, { name })}
          showEntry={false}
        />
      )}
    </Layout>
  );
}
