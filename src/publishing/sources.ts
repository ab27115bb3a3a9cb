import type { AuditContext } from "../accounts/index.ts";
import { recordAudit } from "../accounts/index.ts";
import { AppError, type LocalizedText } from "../core/index.ts";
import type { Database } from "../db/index.ts";
import { fetchUrl, isFetchError, type FetchOptions } from "../net/index.ts";
import type { Release } from "./types.ts";

/** How a URL source is fetched: the operator's allow-list, and the caps of an upload. */
export interface SourceFetchSettings {
  readonly allowedPrivateHosts?: readonly string[];
  readonly maxBytes?: number;
  /** For the whole fetch, body included: a big file on a slow link needs minutes. */
  readonly timeoutMs?: number;
  /** Tests only: replaces DNS. */
  readonly resolve?: FetchOptions["resolve"];
  /** How many sources this process fetches at once (SOURCE_FETCH_CONCURRENCY); more wait for a slot. */
  readonly concurrency?: number;
  /** Told of an error that is no fetch or publish failure (a bug, the database gone): the job is failed. */
  readonly onUnexpectedError?: (error: unknown, context: Record<string, unknown>) => void;
}

export const DEFAULT_FETCH_INTERVAL_MINUTES = 24 * 60;
export const MIN_FETCH_INTERVAL_MINUTES = 5;

/** What one fetch of a URL source came to. */
export type FetchOutcome =
  | { readonly kind: "released"; readonly release: Release }
  | { readonly kind: "not-modified" }
  | { readonly kind: "failed"; readonly error: LocalizedText; readonly refused: boolean };

interface SourceRow {
  source_url: string | null;
  fetch_interval_minutes: number | null;
  fetch_etag: string | null;
  fetch_last_modified: string | null;
}

/** A source URL as publishers type it: http(s) only, and no credentials in it. */
export function parseSourceUrl(text: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text.trim());
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new AppError(
      "BAD_REQUEST",
      {
        sv: `Väntade en webbadress som börjar med https:// eller http://, fick "${text.slice(0, 200)}".`,
        en: `Expected a web address starting with https:// or http://, found "${text.slice(0, 200)}".`,
      },
      { details: { field: "url" } },
    );
  }
  return url;
}

/**
 * Fetches a publication's URL source and publishes what it finds, through the same path as an
 * upload. Conditional (ETag / If-Modified-Since), SSRF-safe, capped; the outcome is recorded on
 * the publication so the publisher sees it.
 */
export async function fetchAndPublish(
  db: Database,
  target: { readonly organizationCode: string; readonly slug: string },
  settings: SourceFetchSettings,
  publish: (body: AsyncIterable<Uint8Array>, fileName: string) => Promise<Release>,
  /** Called once the source has answered (or the fetch has failed): the body may trickle on. */
  onAnswer: () => void = () => undefined,
): Promise<FetchOutcome> {
  const { organizationCode, slug } = target;
  const [source] = await db.query<SourceRow>(
    `SELECT source_url, fetch_interval_minutes, fetch_etag, fetch_last_modified FROM publications
     WHERE organization_code = $1 AND spec_slug = $2 AND source_kind = 'url'`,
    [organizationCode, slug],
  );
  if (source?.source_url == null) {
    throw new AppError("NOT_FOUND", {
      sv: `${organizationCode} har ingen webbadress som källa för ${slug}.`,
      en: `${organizationCode} has no URL source for ${slug}.`,
    });
  }
  const interval = source.fetch_interval_minutes ?? DEFAULT_FETCH_INTERVAL_MINUTES;
  const record = (etag: string | null, lastModified: string | null, error: LocalizedText | null) =>
    db.query(
      `UPDATE publications SET last_fetch_at = now(), next_fetch_at = now() + make_interval(mins => $3),
         fetch_etag = $4, fetch_last_modified = $5, last_fetch_error = $6::jsonb
       WHERE organization_code = $1 AND spec_slug = $2`,
      [organizationCode, slug, interval, etag, lastModified, error === null ? null : JSON.stringify(error)],
    );
  try {
    const result = await fetchUrl(source.source_url, {
      ...(settings.allowedPrivateHosts === undefined
        ? {}
        : { allowedPrivateHosts: settings.allowedPrivateHosts }),
      ...(settings.maxBytes === undefined ? {} : { maxBytes: settings.maxBytes }),
      ...(settings.resolve === undefined ? {} : { resolve: settings.resolve }),
      timeoutMs: settings.timeoutMs ?? 10 * 60_000,
      ...(source.fetch_etag === null ? {} : { etag: source.fetch_etag }),
      ...(source.fetch_last_modified === null ? {} : { lastModified: source.fetch_last_modified }),
    });
    onAnswer();
    if (result.kind === "not-modified") {
      await record(source.fetch_etag, source.fetch_last_modified, null);
      return { kind: "not-modified" };
    }
    const fileName =
      decodeURIComponent(new URL(result.finalUrl).pathname.split("/").pop() ?? "") || `${slug}.csv`;
    let release: Release;
    try {
      release = await publish(result.body, fileName);
    } finally {
      result.body.cancel();
    }
    // A rejected file is fetched again next time even if unchanged: the publisher may fix it in place.
    const keepValidators = release.status !== "rejected";
    await record(
      keepValidators ? (result.etag ?? null) : null,
      keepValidators ? (result.lastModified ?? null) : null,
      null,
    );
    return { kind: "released", release };
  } catch (error) {
    const text: LocalizedText | undefined = isFetchError(error)
      ? error.text
      : error instanceof AppError
        ? error.text
        : undefined;
    if (text === undefined) throw error;
    await record(source.fetch_etag, source.fetch_last_modified, text);
    const refused = isFetchError(error) && (error.kind === "forbidden-address" || error.kind === "bad-url");
    return { kind: "failed", error: text, refused };
  }
}

/** Sets (or replaces) a publication's URL source, to be fetched now and then every interval. */
export async function saveUrlSource(
  db: Database,
  target: { readonly organizationCode: string; readonly slug: string },
  source: { readonly url: URL; readonly intervalMinutes: number },
  audit: AuditContext,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO publications (organization_code, spec_slug, source_kind, source_url, fetch_interval_minutes, next_fetch_at)
       VALUES ($1, $2, 'url', $3, $4, now())
       ON CONFLICT (organization_code, spec_slug) DO UPDATE SET source_kind = 'url', source_url = $3,
         fetch_interval_minutes = $4, next_fetch_at = now(), fetch_etag = NULL, fetch_last_modified = NULL,
         last_fetch_error = NULL, updated_at = now()`,
      [target.organizationCode, target.slug, source.url.href, source.intervalMinutes],
    );
    await recordAudit(tx, {
      ...audit,
      action: "publication.source.set",
      object: `${target.organizationCode}/${target.slug}`,
      details: { url: source.url.href, intervalMinutes: source.intervalMinutes },
    });
  });
}

/** Back to uploads: the URL is no longer fetched; releases and data stay. */
export async function removeUrlSource(
  db: Database,
  target: { readonly organizationCode: string; readonly slug: string },
  audit: AuditContext,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `UPDATE publications SET source_kind = 'upload', source_url = NULL, next_fetch_at = NULL, fetch_etag = NULL,
         fetch_last_modified = NULL, last_fetch_error = NULL, updated_at = now()
       WHERE organization_code = $1 AND spec_slug = $2`,
      [target.organizationCode, target.slug],
    );
    await recordAudit(tx, {
      ...audit,
      action: "publication.source.remove",
      object: `${target.organizationCode}/${target.slug}`,
    });
  });
}
