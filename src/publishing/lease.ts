// One writer per publication at a time: a lease in the publications row, not a lock held by a
// connection, so it works the same on PGlite and on a server shared by many app instances.
import { AppError } from "../core/index.ts";
import { deleteInChunks } from "../consolidation/index.ts";
import type { Database } from "../db/index.ts";

/**
 * How long a publish holds its publication without renewing: short, so that the lease of an
 * instance that died mid-publish runs out soon; a running publish renews it well before.
 */
const LEASE_SECONDS = 120;
const LEASE_RENEW_MS = 30_000;

/**
 * On PGlite, which executes on the thread that serves HTTP, a release is staged, swapped and
 * cleared in chunks this size, yielding between them, so no statement holds the thread for long.
 */
export const PGLITE_CHUNK_ROWS = 200;

/** One writer per publication: a second one gets CONFLICT (409) instead of interleaving. */
async function acquireLease(
  db: Database,
  organizationCode: string,
  slug: string,
  token: string,
): Promise<void> {
  await db.query(
    "INSERT INTO publications (organization_code, spec_slug) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    [organizationCode, slug],
  );
  // The previous holder's token comes back when its lease had run out: its staged rows are
  // orphans (the holder died or lost the database), removed here rather than at the next restart.
  // A release held for confirmation keeps its rows: they wait for the publisher, not for a lease.
  const taken = await db.query<{ expired: string | null }>(
    `UPDATE publications p SET lease_token = $3, lease_until = now() + make_interval(secs => $4)
     FROM (SELECT lease_token FROM publications WHERE organization_code = $1 AND spec_slug = $2 FOR UPDATE) old
     WHERE p.organization_code = $1 AND p.spec_slug = $2 AND (p.lease_token IS NULL OR p.lease_until <= now())
     RETURNING old.lease_token AS expired`,
    [organizationCode, slug, token, LEASE_SECONDS],
  );
  const expired = taken[0]?.expired;
  if (expired != null) {
    await db.query(
      `DELETE FROM staged_rows WHERE release_id = $1
         AND NOT EXISTS (SELECT 1 FROM releases WHERE id = $1 AND status = 'held')`,
      [expired],
    );
  }
  if (taken.length === 0) {
    throw new AppError(
      "CONFLICT",
      {
        sv: `En annan publicering av ${slug} för ${organizationCode} pågår redan. Vänta tills den är klar och försök igen.`,
        en: `Another publish of ${slug} for ${organizationCode} is already running. Wait until it is done and try again.`,
      },
      { details: { organization: organizationCode, specification: slug } },
    );
  }
}

/**
 * Runs `work` as the publication's one writer: a lease, renewed while it runs, released after.
 * Staged rows left by the work go too, unless they belong to a release held for confirmation.
 */
export async function underLease<T>(
  db: Database,
  organizationCode: string,
  slug: string,
  token: string,
  work: () => Promise<T>,
): Promise<T> {
  await acquireLease(db, organizationCode, slug, token);
  const renewal = setInterval(() => {
    db.query(
      `UPDATE publications SET lease_until = now() + make_interval(secs => $3)
         WHERE organization_code = $1 AND spec_slug = $2 AND lease_token = $4`,
      [organizationCode, slug, LEASE_SECONDS, token],
    ).catch(() => undefined);
  }, LEASE_RENEW_MS);
  renewal.unref();
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await afterLease(db, organizationCode, slug, token);
  }
}

/**
 * Clears the staged rows (unless the release is held for confirmation) and gives the lease back.
 * Retried a few times: after the database dropped its connections, the pool may hand out dead
 * ones first, and a lease left behind would block the publisher for LEASE_SECONDS.
 */
async function afterLease(db: Database, organizationCode: string, slug: string, token: string) {
  for (const pause of [0, 100, 400, 1500]) {
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    try {
      const held = await db.query("SELECT 1 FROM releases WHERE id = $1 AND status = 'held'", [token]);
      // On PGlite, which serves HTTP on this thread, a large release's rows go in short chunks.
      if (held.length === 0) {
        await (db.kind === "pglite"
          ? deleteInChunks(db, "staged_rows", { release_id: token }, PGLITE_CHUNK_ROWS)
          : db.query("DELETE FROM staged_rows WHERE release_id = $1", [token]));
      }
      await db.query(
        "UPDATE publications SET lease_token = NULL, lease_until = NULL WHERE organization_code = $1 AND spec_slug = $2 AND lease_token = $3",
        [organizationCode, slug, token],
      );
      return;
    } catch {
      // Tried again; after the last try the lease runs out by itself and the next publish clears it.
    }
  }
}
