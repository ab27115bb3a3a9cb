// The query engine over the national datasets (dataset_rows): filtered pages by keyset, exact
// totals, single rows by national id, and streamed exports of everything that matches.
import { SLUG, isAppError, notFound, type AppError, type Page } from "../core/index.ts";
import type { Database, Queryable } from "../db/index.ts";
import type { SpecificationVersion, SpecsService } from "../specs/index.ts";
import {
  encodeDataCursor,
  parseDataQuery,
  type KeysetPosition,
  type ParseOptions,
  type ParsedQuery,
  type RawParams,
} from "./filters.ts";
import {
  csvHeader,
  csvLine,
  splitNationalId,
  toFeature,
  toItem,
  ROW_COLUMNS,
  type DataItem,
  type StoredRow,
} from "./rows.ts";
import { SqlParams } from "../db/index.ts";
import { keysetCondition, orderBy, sortExpression, whereConditions } from "./sql.ts";
import { PageCache, type RenderedPage } from "./page-cache.ts";

export interface PrepareOptions extends Omit<ParseOptions, "organizationFixed"> {
  /** The organization named by the path (per-organization downloads); it must exist. */
  readonly organization?: string;
  /** Only specifications with a position (the OGC collections); others are not found. */
  readonly spatialOnly?: boolean;
}

/** A checked query, ready to run: everything but the rows, which are read by page or export. */
export interface PreparedQuery {
  readonly specification: SpecificationVersion;
  /** The dataset's revision when the query was prepared (0 before the first consolidation). */
  readonly revision: number;
  readonly query: ParsedQuery;
  /** Specification version, revision and the normalised parameters: what an ETag hashes. */
  readonly fingerprint: string;
}

export type ExportFormat = "csv" | "geojson" | "json";

export interface ExportOptions {
  /** Start the CSV with a byte-order mark, so that Excel reads UTF-8 (å, ä, ö) correctly. */
  readonly bom?: boolean;
}

/** Rows per query of an export: large enough to be quick, small enough to keep memory flat. */
export const EXPORT_BATCH_ROWS = 2000;
const COUNT_CACHE_ENTRIES = 1000;
const ENCODER = new TextEncoder();
/**
 * How long a revision read from PostgreSQL is trusted without asking again: another instance's
 * publish shows here within this time; this instance's own writes show on the next request.
 */
export const REVISION_MEMO_MS = 1000;

export class DatasetQueryService {
  // Totals by (slug, revision, filter). The revision is part of the key, so a consolidation makes
  // old entries unreachable: nothing to invalidate, and instances never disagree for long.
  private readonly counts = new Map<string, number>();
  // Definitions by slug@version: a stored version never changes (docs/architecture.md, Storage).
  private readonly definitions = new Map<string, SpecificationVersion>();

  // Rendered API pages by fingerprint (which holds the revision) and rendering: see page-cache.ts.
  private readonly pages: PageCache;
  // The latest version and revision by slug, as read when the database's write count was `writes`.
  private readonly currents = new Map<
    string,
    { version: string; revision: number; writes: number; at: number }
  >();
  private readonly memoMs: number;

  constructor(
    private readonly db: Queryable | Database,
    private readonly specs: SpecsService,
    options: { readonly pageCacheBytes?: number; readonly revisionMemoMs?: number } = {},
  ) {
    this.pages = new PageCache(options.pageCacheBytes);
    // Embedded PGlite belongs to this process alone (the data directory is locked), so only our own
    // writes change it; a PostgreSQL server may be written by other instances as well.
    this.memoMs =
      "kind" in db && db.kind === "pglite" ? Infinity : (options.revisionMemoMs ?? REVISION_MEMO_MS);
  }

  /** The dataset's revision, bumped by every consolidation; 0 before the first. */
  async revision(slug: string): Promise<number> {
    const [row] = await this.db.query<{ revision: string }>(
      "SELECT revision::text AS revision FROM dataset_revisions WHERE spec_slug = $1",
      [slug],
    );
    return row === undefined ? 0 : Number(row.revision);
  }

  /**
   * The specification's latest version and the dataset's revision in one round trip. A stored
   * version never changes, so its definition is read once and kept; only the version number is
   * asked for each time (a new version shows at once).
   */
  async current(
    slug: string,
    spatialOnly = false,
  ): Promise<{ specification: SpecificationVersion; revision: number }> {
    if (!SLUG.test(slug)) return { specification: await this.specification(slug, spatialOnly), revision: 0 };
    // Read before the query: a write that finishes while it runs makes the memo stale at once.
    const writes = "writes" in this.db ? this.db.writes() : undefined;
    const at = performance.now();
    const memo = this.currents.get(slug);
    if (memo !== undefined && memo.writes === writes && at - memo.at < this.memoMs) {
      const specification = await this.version(slug, memo.version);
      if (spatialOnly && specification.definition.schema.geo === undefined) throw collectionNotFound(slug);
      return { specification, revision: memo.revision };
    }
    const [row] = await this.db.query<{ version: string | null; revision: string | null }>(
      `SELECT (SELECT v.version FROM specification_versions v WHERE v.slug = $1
               ORDER BY v.major DESC, v.minor DESC, v.patch DESC LIMIT 1) AS version,
              (SELECT r.revision::text FROM dataset_revisions r WHERE r.spec_slug = $1) AS revision`,
      [slug],
    );
    const version = row?.version ?? null;
    // An unknown slug: let the specifications module say so, in its words.
    if (version === null) return { specification: await this.specification(slug, spatialOnly), revision: 0 };
    const specification = await this.version(slug, version);
    const revision = Number(row?.revision ?? 0);
    if (writes !== undefined && this.memoMs > 0) this.currents.set(slug, { version, revision, writes, at });
    if (spatialOnly && specification.definition.schema.geo === undefined) throw collectionNotFound(slug);
    return { specification, revision };
  }

  /** The specification, refusing one without a position when only those count (OGC collections). */
  async specification(slug: string, spatialOnly = false): Promise<SpecificationVersion> {
    // Anything that is not a slug names no specification (and may not even be storable text).
    if (!SLUG.test(slug)) throw spatialOnly ? collectionNotFound(slug) : specificationNotFound(slug);
    let spec: SpecificationVersion;
    try {
      spec = await this.specs.getSpecification(slug);
    } catch (error) {
      if (spatialOnly && isAppError(error) && error.code === "NOT_FOUND") throw collectionNotFound(slug);
      throw error;
    }
    if (spatialOnly && spec.definition.schema.geo === undefined) throw collectionNotFound(slug);
    return spec;
  }

  /** The latest version of every specification whose rows have a position. */
  async spatialSpecifications(): Promise<SpecificationVersion[]> {
    const summaries = await this.specs.listSpecifications();
    const versions = await Promise.all(summaries.map((s) => this.version(s.slug, s.latestVersion)));
    return versions.filter((v) => v.definition.schema.geo !== undefined);
  }

  private async version(slug: string, version: string): Promise<SpecificationVersion> {
    const key = `${slug}@${version}`;
    const cached = this.definitions.get(key);
    if (cached !== undefined) return cached;
    const specification = await this.specs.getSpecification(slug, version);
    this.definitions.set(key, specification);
    return specification;
  }

  /** Checks the parameters against the specification and reads the revision; no row is read. */
  async prepare(slug: string, params: RawParams, options: PrepareOptions): Promise<PreparedQuery> {
    const [{ specification, revision }] = await Promise.all([
      this.current(slug, options.spatialOnly),
      options.organization === undefined ? undefined : this.requireOrganization(options.organization),
    ]);
    const parsed = parseDataQuery(specification.definition, params, {
      paging: options.paging,
      passThrough: options.passThrough ?? [],
      organizationFixed: options.organization !== undefined,
    });
    const query: ParsedQuery =
      options.organization === undefined
        ? parsed
        : {
            ...parsed,
            filter: { ...parsed.filter, organization: options.organization },
            filterKey: `${parsed.filterKey}&@organization=${options.organization}`,
            canonical: `${parsed.canonical}&@organization=${options.organization}`,
          };
    return {
      specification,
      revision,
      query,
      fingerprint: `${slug}@${specification.version}#${revision}?${query.canonical}`,
    };
  }

  /** One page of rows, the total matching the filter, and the cursor of the next page. */
  async page(prepared: PreparedQuery): Promise<Page<StoredRow>> {
    const limit = prepared.query.limit ?? EXPORT_BATCH_ROWS;
    const [rows, total] = await Promise.all([
      this.rows(prepared, prepared.query.after, limit + 1),
      this.total(prepared),
    ]);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const next =
      rows.length > limit && last !== undefined
        ? encodeDataCursor(prepared.query.sort, positionOf(last))
        : null;
    return { items, total, next };
  }

  /**
   * The page rendered by `render` (variant names the rendering: format, BOM), read and rendered once
   * per revision: later requests for the same query of the same revision get the kept bytes.
   */
  async renderedPage(
    prepared: PreparedQuery,
    variant: string,
    render: (page: Page<StoredRow>) => string,
  ): Promise<RenderedPage> {
    const key = `${prepared.fingerprint}|${variant}`;
    const kept = this.pages.get(key);
    if (kept !== undefined) return kept;
    const page = await this.page(prepared);
    const rendered = { body: ENCODER.encode(render(page)), total: page.total, next: page.next };
    this.pages.set(key, rendered);
    return rendered;
  }

  /** A page of API items: `query(slug, params)` of the data API. */
  async query(slug: string, params: RawParams, options: PrepareOptions): Promise<Page<DataItem>> {
    const prepared = await this.prepare(slug, params, options);
    const page = await this.page(prepared);
    return { ...page, items: page.items.map((row) => toItem(prepared.specification.definition, row)) };
  }

  /** One row by its national id ("0580:BAD-0012"). */
  async row(
    slug: string,
    id: string,
    spatialOnly = false,
  ): Promise<{ specification: SpecificationVersion; revision: number; row: StoredRow }> {
    const { specification, revision } = await this.current(slug, spatialOnly);
    const key = splitNationalId(id);
    const [row] =
      key === undefined || id.includes("\u0000")
        ? []
        : await this.db.query<StoredRow>(
            `SELECT ${ROW_COLUMNS} FROM dataset_rows WHERE spec_slug = $1 AND organization_code = $2 AND record_id = $3`,
            [slug, key.organization, key.record],
          );
    if (row === undefined) {
      throw notFound(
        {
          sv: `Datamängden ${slug} har ingen rad med id ${id}. Ett id är organisationskoden, ett kolon och radens id, till exempel 0580:BAD-0012.`,
          en: `The dataset ${slug} has no row with id ${id}. An id is the organization code, a colon and the row's id, e.g. 0580:BAD-0012.`,
        },
        { slug, id },
      );
    }
    return { specification, revision, row };
  }

  /**
   * Every row the query matches, as text chunks of the format, read by keyset in batches of
   * EXPORT_BATCH_ROWS: memory stays flat however large the dataset is.
   */
  async *export(
    prepared: PreparedQuery,
    format: ExportFormat,
    options: ExportOptions = {},
  ): AsyncGenerator<string, void, undefined> {
    const definition = prepared.specification.definition;
    if (format === "csv") yield (options.bom === true ? "\uFEFF" : "") + csvHeader(definition);
    else if (format === "geojson") yield '{"type":"FeatureCollection","features":[';
    else yield '{"items":[';
    let count = 0;
    let after: KeysetPosition | undefined;
    for (;;) {
      const rows = await this.rows(prepared, after, EXPORT_BATCH_ROWS);
      if (rows.length === 0) break;
      const parts: string[] = [];
      for (const row of rows) {
        if (format === "csv") parts.push(csvLine(definition, row));
        else {
          const value = format === "geojson" ? toFeature(definition, row) : toItem(definition, row);
          parts.push((count === 0 ? "" : ",") + JSON.stringify(value));
        }
        count++;
      }
      yield parts.join("");
      if (rows.length < EXPORT_BATCH_ROWS) break;
      const last = rows.at(-1);
      if (last !== undefined) after = positionOf(last);
    }
    if (format === "geojson") yield `],"numberReturned":${count}}`;
    else if (format === "json") yield `],"total":${count},"next":null}`;
  }

  private async rows(
    prepared: PreparedQuery,
    after: KeysetPosition | undefined,
    limit: number,
  ): Promise<StoredRow[]> {
    const { query, specification } = prepared;
    const params = new SqlParams();
    const where = whereConditions(specification.slug, query.filter, params);
    if (after !== undefined) where.push(keysetCondition(query.sort, after, params));
    const sortKey = sortExpression(query.sort);
    return this.db.query<StoredRow>(
      `SELECT ${ROW_COLUMNS}${sortKey === undefined ? "" : `, ${sortKey}::text AS sort_key`}
       FROM dataset_rows WHERE ${where.join(" AND ")}
       ORDER BY ${orderBy(query.sort)} LIMIT ${params.add(limit)}`,
      params.values,
    );
  }

  private async total(prepared: PreparedQuery): Promise<number> {
    const key = `${prepared.specification.slug}\u0000${prepared.revision}\u0000${prepared.query.filterKey}`;
    const cached = this.counts.get(key);
    if (cached !== undefined) {
      // Least recently used goes first: re-insert on a hit.
      this.counts.delete(key);
      this.counts.set(key, cached);
      return cached;
    }
    const params = new SqlParams();
    const where = whereConditions(prepared.specification.slug, prepared.query.filter, params);
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM dataset_rows WHERE ${where.join(" AND ")}`,
      params.values,
    );
    const total = row?.n ?? 0;
    this.counts.set(key, total);
    if (this.counts.size > COUNT_CACHE_ENTRIES) {
      const oldest = this.counts.keys().next().value;
      if (oldest !== undefined) this.counts.delete(oldest);
    }
    return total;
  }

  private async requireOrganization(code: string): Promise<void> {
    const rows = await this.db.query<{ code: string }>("SELECT code FROM organizations WHERE code = $1", [
      code,
    ]);
    if (rows.length === 0) {
      throw notFound(
        {
          sv: `Det finns ingen organisation med koden ${code}. Organisationerna finns på /api/v1/organizations.`,
          en: `There is no organization with the code ${code}. The organizations are listed at /api/v1/organizations.`,
        },
        { code },
      );
    }
  }
}

function positionOf(row: StoredRow): KeysetPosition {
  return { sortValue: row.sort_key ?? null, organization: row.organization_code, record: row.record_id };
}

function specificationNotFound(slug: string): AppError {
  const shown = slug.replaceAll("\u0000", "\\0").slice(0, 100);
  return notFound(
    {
      sv: `Det finns ingen specifikation ${shown}. Listan över specifikationer finns på /api/v1/specifications.`,
      en: `There is no specification ${shown}. The specifications are listed at /api/v1/specifications.`,
    },
    { slug: shown },
  );
}

function collectionNotFound(slug: string): AppError {
  const shown = slug.replaceAll("\u0000", "\\0").slice(0, 100);
  return notFound(
    {
      sv: `Det finns ingen samling ${shown}. Samlingarna (specifikationer med position) finns på /ogc/collections.`,
      en: `There is no collection ${shown}. The collections (specifications with a position) are listed at /ogc/collections.`,
    },
    { collection: shown },
  );
}
