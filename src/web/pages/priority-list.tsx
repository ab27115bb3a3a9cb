import type { Language } from "../../core/index.ts";
import type { Level, PriorityListEntry, PriorityStatus } from "../../specs/index.ts";
import { PRIORITY_STATUSES } from "../../specs/index.ts";
import { countText, fill, locale, messages, type Messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { PriorityHistoryTable, priorityEntryPath, type HistoryRow } from "./priority-edit.tsx";

export function levelLabel(level: Level, t: Messages): string {
  switch (level) {
    case "kommun":
      return t.typeKommun;
    case "region":
      return t.typeRegion;
    case "both":
      return t.typeBoth;
  }
}

export interface PriorityFilterValues {
  /** The area's Swedish name: the value in the URL whatever the page's language. */
  readonly area: string | undefined;
  readonly level: Level | undefined;
  readonly status: PriorityStatus | undefined;
}

export interface PriorityArea {
  readonly sv: string;
  readonly en: string;
}

export interface PriorityListPageProps {
  readonly language: Language;
  /** The entries that match, by rank. */
  readonly entries: readonly PriorityListEntry[];
  /** Every area on the list, for the filter. */
  readonly areas: readonly PriorityArea[];
  readonly filter: PriorityFilterValues;
  /** The viewer may edit the list (the national coordinator): each entry links to its form. */
  readonly editable?: boolean;
  /** The latest changes to the list, newest first. */
  readonly history?: readonly HistoryRow[];
  /** How many changes there are in all. */
  readonly historyTotal?: number;
}

export function priorityFilterQuery(filter: PriorityFilterValues): string {
  const params = new URLSearchParams();
  if (filter.area !== undefined) params.set("area", filter.area);
  if (filter.level !== undefined) params.set("level", filter.level);
  if (filter.status !== undefined) params.set("status", filter.status);
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}

function EntryName({ entry, language }: { entry: PriorityListEntry; language: Language }) {
  const spec = entry.specification;
  const name = entry.name[language];
  return spec === null ? (
    <>{name}</>
  ) : (
    <a href={localizedPath(language, `/specifications/${spec.slug}/${spec.version}`)}>{name}</a>
  );
}

/** Confirmed on NDV's list (with NDV's rank where known) or the platform's candidate, and its basis. */
function Source({ entry, language }: { entry: PriorityListEntry; language: Language }) {
  const t = messages(language);
  const confirmed = entry.confirmation === "official";
  return (
    <>
      {confirmed ? <strong class="badge">{t.confirmedLabel}</strong> : t.candidateLabel}
      {confirmed && entry.officialRank !== null
        ? `, ${fill(t.confirmedRank, { rank: entry.officialRank })}`
        : ""}
      <br />
      <a href={entry.basisUrl}>
        {t.basisLink}
        <span class="visually-hidden">: {entry.name[language]}</span>
      </a>
    </>
  );
}

export function PriorityListPage(props: PriorityListPageProps) {
  const { language, entries, areas, filter } = props;
  const editable = props.editable === true;
  const history = props.history ?? [];
  const t = messages(language);
  const collator = new Intl.Collator(locale(language));
  const sortedAreas = [...areas].sort((a, b) => collator.compare(a[language], b[language]));
  const count = countText(t.priorityCount, entries.length, language);
  const levels: readonly [Level, string][] = [
    ["kommun", t.levelKommuner],
    ["region", t.levelRegioner],
    ["both", t.levelBothOnly],
  ];
  return (
    <Layout
      language={language}
      title={t.priorityTitle}
      path="/priority-list"
      query={priorityFilterQuery(filter)}
      section="datasets"
    >
      <h1>{t.priorityTitle}</h1>
      <section class="note" aria-labelledby="priority-notice-heading">
        <h2 id="priority-notice-heading">{t.priorityNoticeHeading}</h2>
        {t.priorityNotice.map((text) => (
          <p>{text}</p>
        ))}
      </section>
      <p>{t.priorityIntro}</p>
      <form class="filters" method="get" action={localizedPath(language, "/priority-list")}>
        <fieldset>
          <legend>{t.filterLegend}</legend>
          <div class="filters__fields">
            <div class="field">
              <label for="filter-area">{t.priorityFilterArea}</label>
              <select id="filter-area" name="area">
                <option value="" selected={filter.area === undefined}>
                  {t.priorityFilterAreaAll}
                </option>
                {sortedAreas.map((area) => (
                  <option value={area.sv} selected={filter.area === area.sv}>
                    {area[language]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="filter-level">{t.priorityFilterLevel}</label>
              <select id="filter-level" name="level" aria-describedby="filter-level-hint">
                <option value="" selected={filter.level === undefined}>
                  {t.priorityFilterLevelAll}
                </option>
                {levels.map(([level, label]) => (
                  <option value={level} selected={filter.level === level}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="filter-status">{t.columnStatus}</label>
              <select id="filter-status" name="status">
                <option value="" selected={filter.status === undefined}>
                  {t.priorityFilterStatusAll}
                </option>
                {PRIORITY_STATUSES.map((status) => (
                  <option value={status} selected={filter.status === status}>
                    {t.statusLabels[status]}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p id="filter-level-hint" class="hint filters__hint">
            {t.priorityFilterLevelHint}
          </p>
          <div class="filters__actions">
            <button type="submit">{t.filterSubmit}</button>
            <a href={localizedPath(language, "/priority-list")}>{t.filterReset}</a>
          </div>
        </fieldset>
      </form>
      {entries.length === 0 ? (
        <p class="result-count">{count}</p>
      ) : (
        <div class="table-scroll">
          <table class="priority-list">
            <caption>{count}</caption>
            <thead>
              <tr>
                <th scope="col" class="numeric">
                  {t.columnRank}
                </th>
                <th scope="col">{t.columnDataset}</th>
                <th scope="col">{t.columnArea}</th>
                <th scope="col">{t.columnPublisher}</th>
                <th scope="col">{t.columnStatus}</th>
                <th scope="col">{t.columnHvd}</th>
                <th scope="col">{t.columnSource}</th>
                {editable ? <th scope="col">{t.columnAction}</th> : null}
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr>
                  <td class="numeric">{entry.rank}</td>
                  <th scope="row">
                    <EntryName entry={entry} language={language} />
                  </th>
                  <td>{entry.area[language]}</td>
                  <td>{levelLabel(entry.level, t)}</td>
                  <td>{t.statusLabels[entry.status]}</td>
                  <td>{entry.hvdCategory === null ? t.hvdNone : entry.hvdCategory.label[language]}</td>
                  <td>
                    <Source entry={entry} language={language} />
                  </td>
                  {editable ? (
                    <td>
                      <a href={localizedPath(language, priorityEntryPath(entry.slug))}>
                        {t.priorityEditLink}
                        <span class="visually-hidden">: {entry.name[language]}</span>
                      </a>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t.priorityHistoryHeading}</h2>
      {history.length === 0 ? (
        <p>{t.priorityHistoryNone}</p>
      ) : (
        <>
          <PriorityHistoryTable
            language={language}
            rows={history}
            caption={t.priorityHistoryCaption}
            showEntry
          />
          {(props.historyTotal ?? history.length) > history.length ? (
            <p>
              {fill(t.priorityHistoryMore, {
                shown: history.length,
                total: props.historyTotal ?? history.length,
              })}
            </p>
          ) : null}
        </>
      )}
    </Layout>
  );
}
