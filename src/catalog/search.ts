// Swedish full-text search over the catalog, with facets. The searchable fields live in
// catalog_search_entries, filled feed by feed (see 0008_catalog_search.sql); a search first brings
// every stale feed up to date, so an answer is never older than the catalog it describes.
import { foldForSearch, type Language, type LocalizedText } from "../core/index.ts";
import { SqlParams, type Database, type Queryable } from "../db/index.ts";
import { CC0, DATA_THEMES, FILE_TYPES } from "./vocabulary.ts";
import type { CatalogDataset } from "./model.ts";

/** What one catalog entry contributes to the index. */
export interface SearchDocument {
  readonly id: string;
  readonly kind: "publication" | "national" | "harvested";
  readonly organizationCode: string | null;
  /** A platform IRI as a path ("/catalog/datasets/…"), or a harvested entry's absolute IRI. */
  readonly iri: string;
  readonly landingPage: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly keywords: readonly string[];
  /** EU data-theme codes ("ENVI"). */
  readonly themes: readonly string[];
  /** EU file-type codes ("CSV"). */
  readonly formats: readonly string[];
  readonly licence: string | null;
  readonly specification: string | null;
  readonly hvd: boolean;
  readonly modified: Date | null;
}

/**
 * A source of index entries in named feeds, each with a stamp that changes whenever anything
 * in it does: the platform's own entries, and harvested ones.
 */
export interface SearchFeeds {
  /** The start of every feed name the source owns ("platform:"). */
  readonly prefix: string;
  /** One cheap stamp of the whole source: while it holds, no feed of it has changed. */
  version(): Promise<string>;
  /** Every feed the source has now, with its current stamp. */
  stamps(): Promise<ReadonlyMap<string, string>>;
  /** The documents of the feeds asked for, one whole feed at a time. */
  documents(feeds: readonly string[]): AsyncIterable<FeedDocuments>;
}

export interface FeedDocuments {
  readonly feed: string;
  readonly documents: readonly SearchDocument[];
}

export const FACETS = ["org", "lan", "theme", "format", "license", "spec", "hvd"] as const;
export type Facet = (typeof FACETS)[number];

export const SEARCH_SORTS = ["relevance", "title", "modified"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface CatalogSearchQuery {
  /** Free text; "" lists everything. */
  readonly q: string;
  /** Per facet, the values asked for: any of them matches (and every facet must match). */
  readonly filters: Readonly<Partial<Record<Facet, readonly string[]>>>;
  readonly sort: SearchSort;
  readonly limit: number;
  readonly offset: number;
  readonly language: Language;
}

export interface FacetValue {
  readonly value: string;
  readonly label: string;
  readonly count: number;
  readonly selected: boolean;
}

export interface SearchHit {
  readonly id: string;
  readonly kind: SearchDocument["kind"];
  readonly iri: string;
  readonly landingPage: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  readonly keywords: readonly string[];
  readonly organization: { readonly code: string; readonly name: string } | null;
  readonly lan: { readonly code: string; readonly name: string } | null;
  readonly themes: readonly { readonly code: string; readonly label: string }[];
  readonly formats: readonly string[];
  readonly licence: { readonly iri: string; readonly label: string } | null;
  readonly specification: { readonly slug: string; readonly title: string } | null;
  readonly hvd: boolean;
  readonly modified: Date | null;
}

export interface CatalogSearchResult {
  readonly total: number;
  readonly items: readonly SearchHit[];
  readonly facets: Readonly<Record<Facet, readonly FacetValue[]>>;
}

export interface RefreshSummary {
  /** Feeds of the sources that had changed (unchanged sources are not listed). */
  readonly feeds: number;
  readonly refreshed: number;
  readonly removed: number;
  readonly documents: number;
}

/** How many values a facet lists at most (the selected ones always come along). */
const FACET_VALUES = 50;
const INSERT_BATCH = 500;
/** Searches whose counts are kept (each a few kilobytes). */
const COUNT_CACHE_SIZE = 500;

const LICENCES: Readonly<Record<string, string>> = {
  "http://creativecommons.org/publicdomain/zero/1.0/": "CC0 1.0",
  "https://creativecommons.org/publicdomain/zero/1.0/": "CC0 1.0",
  "http://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
  "https://creativecommons.org/licenses/by/4.0/": "CC BY 4.0",
  "http://creativecommons.org/licenses/by-sa/4.0/": "CC BY-SA 4.0",
  "https://creativecommons.org/licenses/by-sa/4.0/": "CC BY-SA 4.0",
};

/** The last segment of an authority IRI: `…/data-theme/ENVI` → `ENVI`. */
export function authorityCode(iri: string): string {
  return iri.slice(iri.lastIndexOf("/") + 1);
}

/** A catalog entry as the index sees it; IRIs minted with base "" come out as paths. */
export function searchDocumentOf(dataset: CatalogDataset): SearchDocument {
  return {
    id: dataset.id,
    kind: dataset.kind,
    organizationCode: dataset.organizationCode,
    iri: dataset.iri,
    landingPage: dataset.landingPage,
    title: dataset.title,
    description: dataset.description,
    keywords: [...new Set([...dataset.keywords.sv, ...dataset.keywords.en])],
    themes: dataset.themes.map((t) => authorityCode(t.iri)),
    formats: [...new Set(dataset.distributions.map((d) => authorityCode(FILE_TYPES[d.format].format.iri)))],
    // Every platform distribution carries CC0 (see graph.ts).
    licence: CC0.iri,
    specification: dataset.slug,
    hvd: dataset.hvdCategory !== null,
    modified: dataset.modified,
  };
}

/**
 * The query's words as a prefix-matching tsquery on the folded text: "badplats" → `badplats:*`,
 * which the Swedish stem of "badplatser" ("badplats") meets. A word may also be found as one of
 * its alternatives (see `alternativesOf`): "badstrand" → `(badstrand:* | badplats:*)`. Only
 * letters and digits pass, so no user text can break the tsquery syntax.
 */
export function prefixQuery(q: string): string | null {
  const words = foldForSearch(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 16);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const terms = [w, ...alternativesOf(w)].map((t) => `${t}:*`);
      return terms.length === 1 ? terms[0] : `(${terms.join(" | ")})`;
    })
    .join(" & ");
}

/**
 * Words searchers use for what the prioritized list's datasets are called, folded, each with
 * the words to look for as well: the platform's own short list, not a thesaurus. A query word
 * that begins with a key, inflected by at most four letters, also finds the alternatives.
 */
const ALTERNATIVES: readonly (readonly [string, readonly string[]])[] = [
  ["laddstolp", ["laddplats", "laddpunkt"]],
  ["laddstation", ["laddplats", "laddpunkt"]],
  ["laddbox", ["laddplats", "laddpunkt"]],
  ["wc", ["toalett"]],
  ["lekpark", ["lekplats"]],
  ["badstrand", ["badplats"]],
  ["strandbad", ["badplats"]],
  ["utomhusgym", ["utegym"]],
  ["dagis", ["forskol"]],
  ["sporthall", ["idrott"]],
  ["simhall", ["idrott"]],
  ["ishall", ["idrott"]],
  ["grillstalle", ["grillplats"]],
  ["eldstad", ["grillplats"]],
  ["turistattraktion", ["sevardhet"]],
  ["besoksmal", ["sevardhet"]],
  ["event", ["evenemang"]],
  ["leverantorsfaktur", ["leverantorsreskontra"]],
  ["luftfororening", ["luftkvalitet"]],
  ["matavfall", ["matsvinn"]],
  ["plogning", ["snorojning"]],
  ["fixpunkt", ["stompunkt"]],
  ["energiforbrukning", ["energianvandning"]],
  ["elforbrukning", ["energianvandning"]],
  ["trafikrakning", ["mobilitetsmatning"]],
  ["cykelrakning", ["mobilitetsmatning"]],
];

/**
 * What else a folded query word is looked for as: a definite form in -et without it (the
 * Swedish stemmer keeps "biblioteket" whole, so it would not find "bibliotek"), and the words
 * the list above gives for it.
 */
export function alternativesOf(word: string): string[] {
  const out: string[] = [];
  if (word.length >= 7 && word.endsWith("et")) out.push(word.slice(0, -2));
  for (const [key, alternatives] of ALTERNATIVES) {
    if (word.startsWith(key) && word.length - key.length <= 4) out.push(...alternatives);
  }
  return out;
}

/**
 * The tails of a folded text's longer words ("badplatser" → "adplatser", "dplatser", "platser", …,
 * "ser"), indexed beside the words so that a prefix query for the part of a compound ("plats:*")
 * meets it through the same GIN index: Swedish compounds are found by their parts.
 */
export function compoundTails(folded: string): string {
  const tails = new Set<string>();
  for (const word of folded.split(/[^\p{L}\p{N}]+/u)) {
    for (let start = 1; word.length - start >= 3; start += 1) tails.add(word.slice(start));
  }
  return [...tails].join(" ");
}

export class CatalogSearch {
  /** One refresh at a time in this process; concurrent searches wait for it. */
  private refreshing: Promise<RefreshSummary> | null = null;
  /** Per source, the version this process last brought the index up to. */
  private readonly upToDate = new Map<SearchFeeds, string>();
  /** The versions of all sources together: what the index holds now. */
  private version = "";
  private readonly countCache = new Map<
    string,
    { version: string; total: number; facets: readonly FacetRow[] }
  >();

  private readonly countCacheSize: number;

  constructor(
    private readonly db: Database,
    private readonly sources: readonly SearchFeeds[],
    options: { readonly countCacheSize?: number } = {},
  ) {
    this.countCacheSize = options.countCacheSize ?? COUNT_CACHE_SIZE;
  }

  /** Brings every stale feed up to date and drops feeds that are gone. */
  refresh(): Promise<RefreshSummary> {
    this.refreshing ??= this.refreshNow().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async refreshNow(): Promise<RefreshSummary> {
    let feeds = 0;
    let refreshed = 0;
    let removed = 0;
    let documents = 0;
    for (const source of this.sources) {
      const version = await source.version();
      if (this.upToDate.get(source) === version) continue;
      const stamps = await source.stamps();
      const stored = new Map(
        (
          await this.db.query<{ feed: string; stamp: string }>(
            "SELECT feed, stamp FROM catalog_search_feeds WHERE starts_with(feed, $1)",
            [source.prefix],
          )
        ).map((r) => [r.feed, r.stamp]),
      );
      feeds += stamps.size;
      const stale = [...stamps].filter(([feed, stamp]) => stored.get(feed) !== stamp).map(([feed]) => feed);
      // Each feed is read whole before its transaction, so a slow catalog read holds no locks.
      for await (const { feed, documents: batch } of source.documents(stale)) {
        await this.db.transaction(async (tx) => {
          await tx.query("DELETE FROM catalog_search_entries WHERE feed = $1", [feed]);
          for (let i = 0; i < batch.length; i += INSERT_BATCH) {
            await insertDocuments(tx, feed, batch.slice(i, i + INSERT_BATCH));
          }
          await tx.query(
            `INSERT INTO catalog_search_feeds (feed, stamp) VALUES ($1, $2)
             ON CONFLICT (feed) DO UPDATE SET stamp = EXCLUDED.stamp, indexed_at = now()`,
            [feed, stamps.get(feed)],
          );
        });
        refreshed += 1;
        documents += batch.length;
      }
      const gone = [...stored.keys()].filter((feed) => !stamps.has(feed));
      if (gone.length > 0) {
        await this.db.transaction(async (tx) => {
          await tx.query("DELETE FROM catalog_search_entries WHERE feed = ANY($1::text[])", [gone]);
          await tx.query("DELETE FROM catalog_search_feeds WHERE feed = ANY($1::text[])", [gone]);
        });
        removed += gone.length;
      }
      this.upToDate.set(source, version);
    }
    this.version = JSON.stringify([...this.upToDate.values()]);
    return { feeds, refreshed, removed, documents };
  }

  /** One page of matching entries, with the exact total and the facet counts of all matches. */
  async search(query: CatalogSearchQuery, baseUrl: string): Promise<CatalogSearchResult> {
    await this.refresh();
    const params = new SqlParams();
    const where: string[] = [];
    const prefixes = prefixQuery(query.q);
    let rank = "0";
    if (prefixes !== null) {
      // Whole words and compound tails by prefix, or Swedish stems: one GIN-indexed match.
      const tsquery = `(to_tsquery('simple', ${params.add(prefixes)}) || websearch_to_tsquery('swedish', ${params.add(foldForSearch(query.q))}))`;
      where.push(`e.document @@ ${tsquery}`);
      rank = `ts_rank(e.document, ${tsquery})`;
    }
    for (const [facet, { column, array }] of Object.entries(FACET_COLUMNS)) {
      const values = query.filters[facet as Facet];
      if (values === undefined || values.length === 0) continue;
      where.push(
        array
          ? `${column} && ${params.add(values)}::text[]`
          : `${column} = ANY(${params.add(values)}::text[])`,
      );
    }
    const hvd = query.filters.hvd?.[0];
    if (hvd === "true" || hvd === "false") where.push(`e.hvd = ${hvd}`);
    const title = query.language === "en" ? "title_en" : "title_sv";
    const order = {
      relevance: `rank DESC, e.${title}, e.id`,
      title: `e.${title}, e.id`,
      modified: "e.modified DESC NULLS LAST, e.id",
    }[query.sort];
    const matches = `FROM catalog_search_entries e ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}`;
    const filterValues = [...params.values];
    const [rows, counts, labels] = await Promise.all([
      this.db.query<HitRow>(
        `SELECT e.id, e.kind, e.organization_code, e.lan_code, e.iri, e.landing_page, e.title_sv, e.title_en,
                e.description_sv, e.description_en, e.keywords, e.themes, e.formats, e.licence, e.spec_slug,
                e.hvd, e.modified, ${rank} AS rank
         ${matches} ORDER BY ${order} LIMIT ${params.add(query.limit)} OFFSET ${params.add(query.offset)}`,
        params.values,
      ),
      this.counts(query, matches, filterValues),
      this.labels(query.language),
    ]);
    const absolute = (iri: string) => (iri.startsWith("/") ? `${baseUrl}${iri}` : iri);
    const language = query.language;
    return {
      total: counts.total,
      items: rows.map((hit) => ({
        id: hit.id,
        kind: hit.kind,
        iri: absolute(hit.iri),
        landingPage: absolute(hit.landing_page),
        title: { sv: hit.title_sv, en: hit.title_en },
        description: { sv: hit.description_sv, en: hit.description_en },
        keywords: hit.keywords,
        organization:
          hit.organization_code === null
            ? null
            : {
                code: hit.organization_code,
                name: labels.org.get(hit.organization_code) ?? hit.organization_code,
              },
        lan:
          hit.lan_code === null
            ? null
            : { code: hit.lan_code, name: labels.lan.get(hit.lan_code) ?? hit.lan_code },
        themes: hit.themes.map((code) => ({ code, label: themeLabel(code, language) })),
        formats: hit.formats,
        licence:
          hit.licence === null ? null : { iri: hit.licence, label: LICENCES[hit.licence] ?? hit.licence },
        specification:
          hit.spec_slug === null
            ? null
            : { slug: hit.spec_slug, title: labels.specifications.get(hit.spec_slug) ?? hit.spec_slug },
        hvd: hit.hvd,
        modified: hit.modified,
      })),
      facets: facetsOf(counts.facets, query.filters, labels, language),
    };
  }

  /**
   * The total and the facet counts of every match. The matches are read once, only the columns
   * the facets need. The same search (any page, either sort) counts the same while the index
   * holds the same catalog, so the counts are kept per catalog version.
   */
  private async counts(
    query: CatalogSearchQuery,
    matches: string,
    values: readonly unknown[],
  ): Promise<{ total: number; facets: readonly FacetRow[] }> {
    const key = JSON.stringify([query.q, query.filters]);
    const cached = this.countCache.get(key);
    if (cached !== undefined && cached.version === this.version) return cached;
    const version = this.version;
    const [row] = await this.db.query<{ total: number; facets: FacetRow[] }>(
      `WITH m AS MATERIALIZED (
         SELECT e.organization_code, e.lan_code, e.themes, e.formats, e.licence, e.spec_slug, e.hvd ${matches}),
       facets AS (
         SELECT 'org' AS facet, organization_code AS value, count(*)::int AS count FROM m
           WHERE organization_code IS NOT NULL GROUP BY 2
         UNION ALL SELECT 'lan', lan_code, count(*)::int FROM m WHERE lan_code IS NOT NULL GROUP BY 2
         UNION ALL SELECT 'theme', t, count(*)::int FROM m, unnest(m.themes) t GROUP BY 2
         UNION ALL SELECT 'format', f, count(*)::int FROM m, unnest(m.formats) f GROUP BY 2
         UNION ALL SELECT 'license', licence, count(*)::int FROM m WHERE licence IS NOT NULL GROUP BY 2
         UNION ALL SELECT 'spec', spec_slug, count(*)::int FROM m WHERE spec_slug IS NOT NULL GROUP BY 2
         UNION ALL SELECT 'hvd', hvd::text, count(*)::int FROM m GROUP BY 2)
       SELECT (SELECT count(*) FROM m)::int AS total,
              (SELECT coalesce(json_agg(facets), '[]') FROM facets) AS facets`,
      values,
    );
    const counts = { version, total: row?.total ?? 0, facets: row?.facets ?? [] };
    this.countCache.delete(key);
    this.countCache.set(key, counts);
    // Least recently used out first: a Map keeps insertion order.
    for (const old of this.countCache.keys()) {
      if (this.countCache.size <= this.countCacheSize) break;
      this.countCache.delete(old);
    }
    return counts;
  }

  private async labels(language: Language): Promise<FacetLabels> {
    const [orgs, lan, specs] = await Promise.all([
      this.db.query<{ code: string; name: string }>("SELECT code, name FROM organizations"),
      this.db.query<{ code: string; name: string }>("SELECT code, name FROM lan"),
      this.db.query<{ slug: string; title: LocalizedText }>(
        `SELECT DISTINCT ON (slug) slug, document->'title' AS title FROM specification_versions
         ORDER BY slug, major DESC, minor DESC, patch DESC`,
      ),
    ]);
    return {
      org: new Map(orgs.map((o) => [o.code, o.name])),
      lan: new Map(lan.map((l) => [l.code, l.name])),
      specifications: new Map(specs.map((s) => [s.slug, s.title[language]])),
    };
  }
}

/** The facets stored as columns: plain values, or arrays (a dataset has several themes). */
const FACET_COLUMNS: Readonly<Record<Exclude<Facet, "hvd">, { column: string; array: boolean }>> = {
  org: { column: "e.organization_code", array: false },
  lan: { column: "e.lan_code", array: false },
  theme: { column: "e.themes", array: true },
  format: { column: "e.formats", array: true },
  license: { column: "e.licence", array: false },
  spec: { column: "e.spec_slug", array: false },
};

interface FacetRow {
  readonly facet: Facet;
  readonly value: string;
  readonly count: number;
}

interface HitRow {
  id: string;
  kind: SearchDocument["kind"];
  organization_code: string | null;
  lan_code: string | null;
  iri: string;
  landing_page: string;
  title_sv: string;
  title_en: string;
  description_sv: string;
  description_en: string;
  keywords: string[];
  themes: string[];
  formats: string[];
  licence: string | null;
  spec_slug: string | null;
  hvd: boolean;
  modified: Date | null;
}

interface FacetLabels {
  readonly org: ReadonlyMap<string, string>;
  readonly lan: ReadonlyMap<string, string>;
  readonly specifications: ReadonlyMap<string, string>;
}

function themeLabel(code: string, language: Language): string {
  const theme = (DATA_THEMES as Readonly<Record<string, { label: LocalizedText }>>)[code];
  return theme?.label[language] ?? code;
}

function facetsOf(
  rows: readonly FacetRow[],
  filters: CatalogSearchQuery["filters"],
  labels: FacetLabels,
  language: Language,
): Record<Facet, FacetValue[]> {
  const yes = language === "sv" ? "Ja" : "Yes";
  const no = language === "sv" ? "Nej" : "No";
  const label: Record<Facet, (value: string) => string> = {
    org: (v) => labels.org.get(v) ?? v,
    lan: (v) => labels.lan.get(v) ?? v,
    theme: (v) => themeLabel(v, language),
    format: (v) => v,
    license: (v) => LICENCES[v] ?? v,
    spec: (v) => labels.specifications.get(v) ?? v,
    hvd: (v) => (v === "true" ? yes : no),
  };
  const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetValue[]])) as Record<
    Facet,
    FacetValue[]
  >;
  for (const row of rows) {
    const selected = filters[row.facet]?.includes(row.value) ?? false;
    facets[row.facet].push({
      value: row.value,
      label: label[row.facet](row.value),
      count: row.count,
      selected,
    });
  }
  for (const facet of FACETS) {
    const sorted = facets[facet].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "sv"));
    facets[facet] = sorted.filter((v, i) => i < FACET_VALUES || v.selected);
  }
  return facets;
}

async function insertDocuments(
  tx: Queryable,
  feed: string,
  documents: readonly SearchDocument[],
): Promise<void> {
  const records = documents.map((d) => ({
    id: d.id,
    kind: d.kind,
    organization_code: d.organizationCode,
    iri: d.iri,
    landing_page: d.landingPage,
    title_sv: d.title.sv,
    title_en: d.title.en,
    description_sv: d.description.sv,
    description_en: d.description.en,
    keywords: d.keywords,
    themes: d.themes,
    formats: d.formats,
    licence: d.licence,
    spec_slug: d.specification,
    hvd: d.hvd,
    modified: d.modified?.toISOString() ?? null,
    title_folded: foldForSearch(`${d.title.sv} ${d.title.en}`),
    body_folded: foldForSearch(`${d.keywords.join(" ")} ${d.description.sv}`),
    tails: compoundTails(foldForSearch(`${d.title.sv} ${d.keywords.join(" ")}`)),
  }));
  // Title words weigh most, then keywords and description. The 'simple' vector keeps whole folded
  // words for prefix matching; the 'swedish' one their stems ("badplatser" → "badplats").
  await tx.query(
    `INSERT INTO catalog_search_entries (id, feed, kind, organization_code, lan_code, iri, landing_page,
       title_sv, title_en, description_sv, description_en, keywords, themes, formats, licence, spec_slug,
       hvd, modified, document)
     SELECT r.id, $1, r.kind, r.organization_code, o.lan_code, r.iri, r.landing_page, r.title_sv, r.title_en,
            r.description_sv, r.description_en, r.keywords, r.themes, r.formats, r.licence, r.spec_slug,
            r.hvd, r.modified,
            setweight(to_tsvector('swedish', r.title_folded), 'A') ||
            setweight(to_tsvector('simple', r.title_folded), 'A') ||
            setweight(to_tsvector('swedish', r.body_folded), 'C') ||
            setweight(to_tsvector('simple', r.body_folded), 'D') ||
            setweight(to_tsvector('simple', r.tails), 'D')
     FROM jsonb_to_recordset($2::jsonb) AS r(id text, kind text, organization_code text, iri text,
       landing_page text, title_sv text, title_en text, description_sv text, description_en text,
       keywords text[], themes text[], formats text[], licence text, spec_slug text, hvd boolean,
       modified timestamptz, title_folded text, body_folded text, tails text)
     LEFT JOIN organizations o ON o.code = r.organization_code
     ON CONFLICT (id) DO UPDATE SET feed = EXCLUDED.feed, kind = EXCLUDED.kind,
       organization_code = EXCLUDED.organization_code, lan_code = EXCLUDED.lan_code, iri = EXCLUDED.iri,
       landing_page = EXCLUDED.landing_page, title_sv = EXCLUDED.title_sv, title_en = EXCLUDED.title_en,
       description_sv = EXCLUDED.description_sv, description_en = EXCLUDED.description_en,
       keywords = EXCLUDED.keywords, themes = EXCLUDED.themes, formats = EXCLUDED.formats,
       licence = EXCLUDED.licence, spec_slug = EXCLUDED.spec_slug, hvd = EXCLUDED.hvd,
       modified = EXCLUDED.modified, document = EXCLUDED.document`,
    [feed, JSON.stringify(records)],
  );
}
