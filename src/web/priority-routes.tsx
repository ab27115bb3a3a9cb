// The prioritized list, its change history, and the national coordinator's form for an entry.
import type { Hono } from "hono";
import { actorOf, type AccountsService } from "../accounts/index.ts";
import { SLUG, isAppError, notFound, type Language } from "../core/index.ts";
import {
  LEVELS,
  PRIORITY_STATUSES,
  type Level,
  type PriorityEntryChange,
  type PriorityHistoryEntry,
  type PriorityListEntry,
  type PriorityStatus,
  type SpecsService,
} from "../specs/index.ts";
import type { FieldProblem } from "./forms.tsx";
import { fill, messages } from "./i18n.ts";
import {
  clientAddress,
  csrfRefused,
  csrfValid,
  formText,
  htmlPage,
  pageRoute,
  postRoute,
  readForm,
  seeOther,
  viewerOrSignIn,
  type WebContext,
} from "./kit.tsx";
import { ForbiddenPage } from "./pages/forbidden.tsx";
import {
  formValuesOf,
  historyRows,
  PRIORITY_FIELDS,
  PriorityEditPage,
  priorityEntryPath,
  type PriorityFormValues,
} from "./pages/priority-edit.tsx";
import { PriorityListPage, type PriorityArea } from "./pages/priority-list.tsx";
import { viewerCan, viewerOf, type Viewer, type WebEnv } from "./viewer.ts";

export interface PriorityRouteDependencies {
  readonly specs: SpecsService;
  readonly accounts: AccountsService;
}

/** How many of the latest changes the list's page shows. */
export const LIST_HISTORY_ROWS = 20;

const NAME_MAX = 200;
const NOTES_MAX = 2000;

function isLevel(value: string | undefined): value is Level {
  return LEVELS.some((level) => level === value);
}

function isPriorityStatus(value: string | undefined): value is PriorityStatus {
  return PRIORITY_STATUSES.some((status) => status === value);
}

/** The form's values checked: the change (only what differs from the entry), or the problems. */
export function checkPriorityForm(
  values: PriorityFormValues,
  entry: PriorityListEntry,
  size: number,
  language: Language,
): { change: PriorityEntryChange; errors: FieldProblem[] } {
  const t = messages(language);
  const F = PRIORITY_FIELDS;
  const errors: FieldProblem[] = [];
  const rank = /^\d{1,4}$/.test(values.rank) ? Number(values.rank) : NaN;
  if (!(rank >= 1 && rank <= size))
    errors.push({ fieldId: F.rank, message: fill(t.priorityErrorRank, { n: size }) });
  const texts: [keyof PriorityFormValues, string, string][] = [
    ["nameSv", F.nameSv, t.priorityNameSv],
    ["nameEn", F.nameEn, t.priorityNameEn],
    ["areaSv", F.areaSv, t.priorityAreaSv],
    ["areaEn", F.areaEn, t.priorityAreaEn],
  ];
  for (const [key, fieldId, label] of texts) {
    const value = values[key];
    if (value === "" || value.length > NAME_MAX)
      errors.push({ fieldId, message: fill(t.priorityErrorEmpty, { label, max: NAME_MAX }) });
  }
  if (!isLevel(values.level))
    errors.push({ fieldId: F.level, message: fill(t.priorityErrorChoice, { label: t.columnPublisher }) });
  if (!isPriorityStatus(values.status))
    errors.push({ fieldId: F.status, message: fill(t.priorityErrorChoice, { label: t.columnStatus }) });
  if (values.notes.length > NOTES_MAX)
    errors.push({
      fieldId: F.notes,
      message: fill(t.priorityErrorTooLong, { label: t.priorityNotes, max: "2 000" }),
    });
  if (errors.length > 0) return { change: {}, errors };
  const name = { sv: values.nameSv, en: values.nameEn };
  const area = { sv: values.areaSv, en: values.areaEn };
  const change: PriorityEntryChange = {
    ...(rank === entry.rank ? {} : { rank }),
    ...(name.sv === entry.name.sv && name.en === entry.name.en ? {} : { name }),
    ...(area.sv === entry.area.sv && area.en === entry.area.en ? {} : { area }),
    ...(values.level === entry.level || !isLevel(values.level) ? {} : { level: values.level }),
    ...(values.status === entry.status || !isPriorityStatus(values.status) ? {} : { status: values.status }),
    ...(values.notes === entry.notes ? {} : { notes: values.notes }),
  };
  return { change, errors };
}

export function priorityRoutes(web: Hono<WebEnv>, deps: PriorityRouteDependencies): void {
  const { specs, accounts } = deps;

  /** Who made the changes, by name, for those who may edit; the public sees the role only. */
  const actorNames = async (
    viewer: Viewer | null,
    history: readonly PriorityHistoryEntry[],
  ): Promise<Map<string, string> | undefined> => {
    if (!viewerCan(viewer, "edit-priority-list")) return undefined;
    const names = new Map<string, string>();
    for (const actor of new Set(history.map((h) => h.changedBy))) {
      const id = /^user:(.+)$/.exec(actor)?.[1];
      if (id === undefined) continue;
      try {
        names.set(actor, (await accounts.getUser(id)).displayName);
      } catch (error) {
        if (!isAppError(error)) throw error;
      }
    }
    return names;
  };

  pageRoute(web, "/priority-list", async (c, language) => {
    const viewer = viewerOf(c);
    const all = (await specs.listPriorityList()).items;
    const areas = new Map<string, PriorityArea>();
    for (const entry of all) areas.set(entry.area.sv, entry.area);
    const areaParam = c.req.query("area");
    const levelParam = c.req.query("level");
    const statusParam = c.req.query("status");
    const filter = {
      area: areaParam !== undefined && areas.has(areaParam) ? areaParam : undefined,
      level: isLevel(levelParam) ? levelParam : undefined,
      status: isPriorityStatus(statusParam) ? statusParam : undefined,
    };
    const filtered =
      filter.area === undefined && filter.level === undefined && filter.status === undefined
        ? all
        : (await specs.listPriorityList(filter)).items;
    const history = await specs.priorityHistory();
    const latest = history.slice(0, LIST_HISTORY_ROWS);
    return (
      <PriorityListPage
        language={language}
        entries={filtered}
        areas={[...areas.values()]}
        filter={filter}
        editable={viewerCan(viewer, "edit-priority-list")}
        history={historyRows(latest, language, await actorNames(viewer, latest))}
        historyTotal={history.length}
      />
    );
  });

  const editPage = async (
    c: WebContext,
    language: Language,
    viewer: Viewer,
    entry: PriorityListEntry,
    options: {
      values?: PriorityFormValues;
      errors?: FieldProblem[];
      notice?: "saved" | "unchanged";
      status?: 200 | 400;
    } = {},
  ) => {
    const [list, history] = await Promise.all([specs.listPriorityList(), specs.priorityHistory(entry.slug)]);
    return htmlPage(
      c,
      language,
      <PriorityEditPage
        language={language}
        entry={entry}
        size={list.total}
        values={options.values ?? formValuesOf(entry)}
        csrfToken={viewer.csrfToken}
        history={historyRows(history, language, await actorNames(viewer, history))}
        errors={options.errors}
        notice={options.notice}
      />,
      options.status ?? 200,
      { "Cache-Control": "no-store" },
    );
  };

  /** The entry named by the path; anything else is a 404. */
  const entryOf = (c: WebContext): Promise<PriorityListEntry> => {
    const slug = c.req.param("slug") ?? "";
    if (!SLUG.test(slug)) {
      throw notFound({
        sv: `Den prioriterade listan har ingen post ${slug}.`,
        en: `The prioritized list has no entry ${slug}.`,
      });
    }
    return specs.getPriorityEntry(slug);
  };

  const forbidden = (c: WebContext, language: Language, slug: string) =>
    htmlPage(
      c,
      language,
      <ForbiddenPage
        language={language}
        path={priorityEntryPath(slug)}
        message={messages(language).forbiddenEditList}
      />,
      403,
      { "Cache-Control": "no-store" },
    );

  pageRoute(web, "/priority-list/:slug", async (c, language) => {
    const entry = await entryOf(c);
    const viewer = viewerOrSignIn(c, language);
    if (viewer instanceof Response) return viewer;
    if (!viewerCan(viewer, "edit-priority-list")) return forbidden(c, language, entry.slug);
    const saved = c.req.query("saved");
    const notice = saved === "1" ? "saved" : saved === "0" ? "unchanged" : undefined;
    return editPage(c, language, viewer, entry, { notice });
  });

  postRoute(web, "/priority-list/:slug", async (c, language) => {
    const entry = await entryOf(c);
    const path = priorityEntryPath(entry.slug);
    const form = await readForm(c);
    const viewer = viewerOf(c);
    if (viewer === null || !csrfValid(c, form, "session")) return csrfRefused(c, language, path);
    if (!viewerCan(viewer, "edit-priority-list")) return forbidden(c, language, entry.slug);
    const values: PriorityFormValues = {
      rank: formText(form, "rank"),
      nameSv: formText(form, "nameSv"),
      nameEn: formText(form, "nameEn"),
      areaSv: formText(form, "areaSv"),
      areaEn: formText(form, "areaEn"),
      level: formText(form, "level"),
      status: formText(form, "status"),
      // Notes keep their line breaks; only the ends are trimmed.
      notes: formText(form, "notes").replace(/\r\n/g, "\n"),
    };
    const size = (await specs.listPriorityList()).total;
    const { change, errors } = checkPriorityForm(values, entry, size, language);
    if (errors.length > 0) return editPage(c, language, viewer, entry, { values, errors, status: 400 });
    if (Object.keys(change).length === 0) return seeOther(c, language, `${path}?saved=0`);
    await specs.updatePriorityEntry(entry.slug, change, actorOf(viewer.user), clientAddress(c));
    return seeOther(c, language, `${path}?saved=1`);
  });
}
