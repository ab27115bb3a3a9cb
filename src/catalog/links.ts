// Link checks: the access and download URLs of harvested distributions, each fetched with HEAD
// through the SSRF-safe fetcher on a schedule. A link that answers is checked again in a week; a
// broken one after a day, then less often as it stays broken.
import { notFound, type LocalizedText } from "../core/index.ts";
import type { Database, Queryable } from "../db/index.ts";
import { fetchUrl, isFetchError, type FetchOptions } from "../net/index.ts";

export type LinkStatus = "unchecked" | "ok" | "broken";

export interface LinkCheck {
  readonly url: string;
  readonly status: LinkStatus;
  readonly httpStatus: number | null;
  readonly error: (LocalizedText & { readonly kind: string }) | null;
  readonly lastCheckedAt: Date | null;
  /** The organization's harvested datasets that name the link. */
  readonly datasets: readonly string[];
}

export interface LinkCheckSettings {
  readonly allowedPrivateHosts?: readonly string[];
  /** One link's whole check (15 s). */
  readonly timeoutMs?: number;
  /** Tests only: replaces DNS. */
  readonly resolve?: FetchOptions["resolve"];
}

export interface LinkCheckRun {
  readonly discovered: number;
  readonly checked: number;
  readonly ok: number;
  readonly broken: number;
}

const OK_AGAIN_DAYS = 7;
const LEASE_MINUTES = 5;

// The URLs harvested distributions name, with the dataset that names them.
const HARVESTED_LINKS = `
  SELECT DISTINCT h.organization_code, h.dataset_iri, s->1->>'iri' AS url
  FROM harvested_datasets h,
       jsonb_array_elements(h.graph->'own') n,
       jsonb_array_elements(n->'statements') s
  WHERE h.status = 'active' AND s->>0 IN ('dcat:accessURL', 'dcat:downloadURL')
    AND s->1->>'iri' ~ '^https?://'`;

export class LinkChecker {
  constructor(
    private readonly db: Database,
    private readonly settings: LinkCheckSettings = {},
  ) {}

  /** Adds links harvesting has brought in, drops those no active dataset names any more. */
  async discover(): Promise<number> {
    return this.db.transaction(async (tx) => {
      const added = await tx.query<{ url: string }>(
        `INSERT INTO link_checks (url) SELECT DISTINCT url FROM (${HARVESTED_LINKS}) l
         ON CONFLICT (url) DO NOTHING RETURNING url`,
      );
      await tx.query(`DELETE FROM link_checks WHERE url NOT IN (SELECT url FROM (${HARVESTED_LINKS}) l)`);
      return added.length;
    });
  }

  /** Finds new links, then checks up to `limit` due ones, a few at a time. */
  async run(limit = 50, concurrency = 4): Promise<LinkCheckRun> {
    const discovered = await this.discover();
    const due = await this.claim(this.db, limit);
    let ok = 0;
    let broken = 0;
    const queue = [...due];
    const worker = async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
        if (await this.check(url)) ok += 1;
        else broken += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    return { discovered, checked: due.length, ok, broken };
  }

  /** Due links, leased so two processes never check the same one at once. */
  private async claim(db: Queryable, limit: number): Promise<string[]> {
    const rows = await db.query<{ url: string }>(
      `UPDATE link_checks SET lease_until = now() + interval '${LEASE_MINUTES} minutes'
       WHERE url IN (
         SELECT url FROM link_checks
         WHERE next_check_at <= now() AND (lease_until IS NULL OR lease_until < now())
         ORDER BY next_check_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING url`,
      [limit],
    );
    return rows.map((r) => r.url);
  }

  /** One link: HEAD, and GET when the server does not take HEAD. True when it answers. */
  private async check(url: string): Promise<boolean> {
    const options: FetchOptions = {
      allowedPrivateHosts: this.settings.allowedPrivateHosts ?? [],
      timeoutMs: this.settings.timeoutMs ?? 15_000,
      idleTimeoutMs: this.settings.timeoutMs ?? 15_000,
      ...(this.settings.resolve === undefined ? {} : { resolve: this.settings.resolve }),
    };
    let httpStatus: number | null = null;
    let error: LinkCheck["error"] = null;
    try {
      httpStatus = await this.fetchStatus(url, { ...options, method: "HEAD" });
    } catch (headError) {
      const refusesHead =
        isFetchError(headError) &&
        headError.failure.kind === "http-status" &&
        [403, 405, 501].includes(headError.failure.status);
      try {
        if (!refusesHead) throw headError;
        httpStatus = await this.fetchStatus(url, { ...options, method: "GET", maxBytes: 1024 * 1024 });
      } catch (failure) {
        if (!isFetchError(failure)) throw failure;
        httpStatus = failure.failure.kind === "http-status" ? failure.failure.status : null;
        error = { kind: failure.kind, sv: failure.text.sv, en: failure.text.en };
      }
    }
    const ok = error === null;
    await this.db.query(
      `UPDATE link_checks SET status = $2, http_status = $3, error = $4::jsonb, last_checked_at = now(),
         failures = CASE WHEN $5 THEN 0 ELSE failures + 1 END,
         next_check_at = now() + CASE WHEN $5 THEN interval '${OK_AGAIN_DAYS} days'
                                      ELSE least(power(2, failures), ${OK_AGAIN_DAYS}) * interval '1 day' END,
         lease_until = NULL
       WHERE url = $1`,
      [url, ok ? "ok" : "broken", httpStatus, error === null ? null : JSON.stringify(error), ok],
    );
    return ok;
  }

  private async fetchStatus(url: string, options: FetchOptions): Promise<number> {
    const result = await fetchUrl(url, options);
    if (result.kind === "not-modified") return 304;
    // A GET's body is not wanted: only that the server answered.
    result.body.cancel();
    return result.status;
  }

  /** The organization's harvested links with their latest check, broken ones first. */
  async forOrganization(organizationCode: string): Promise<LinkCheck[]> {
    const [known] = await this.db.query("SELECT 1 FROM organizations WHERE code = $1", [organizationCode]);
    if (known === undefined)
      throw notFound(
        {
          sv: `Det finns ingen organisation ${organizationCode}.`,
          en: `There is no organization ${organizationCode}.`,
        },
        { code: organizationCode },
      );
    const rows = await this.db.query<{
      url: string;
      status: LinkStatus | null;
      http_status: number | null;
      error: LinkCheck["error"];
      last_checked_at: Date | null;
      datasets: string[];
    }>(
      `SELECT l.url, c.status, c.http_status, c.error, c.last_checked_at, array_agg(l.dataset_iri ORDER BY l.dataset_iri) AS datasets
       FROM (${HARVESTED_LINKS}) l LEFT JOIN link_checks c ON c.url = l.url
       WHERE l.organization_code = $1
       GROUP BY l.url, c.status, c.http_status, c.error, c.last_checked_at
       ORDER BY (c.status = 'broken') DESC NULLS LAST, l.url`,
      [organizationCode],
    );
    return rows.map((r) => ({
      url: r.url,
      status: r.status ?? "unchecked",
      httpStatus: r.http_status,
      error: r.error,
      lastCheckedAt: r.last_checked_at,
      datasets: r.datasets,
    }));
  }
}
