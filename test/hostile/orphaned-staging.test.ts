// Issue 22, case 7: staged rows of a publish whose process died or lost its database stay behind
// under a lease that runs out. They are cleared by the next publish that takes the lease, and by
// the periodic job, not only at the next restart.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../src/db/index.ts";
import type { PublishingService } from "../../src/publishing/index.ts";
import { createSeededDatabase, type TestDatabase } from "../support/platform.ts";
import { badplatserCsv, publishCsv, publishingService, temporaryFileStore } from "../support/publishing.ts";

async function leaveStagedRows(
  db: Database,
  target: { org: string; slug: string; token: string; leaseSeconds: number },
  rows: number,
): Promise<void> {
  await db.query(
    `INSERT INTO publications (organization_code, spec_slug, lease_token, lease_until)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4))
     ON CONFLICT (organization_code, spec_slug) DO UPDATE SET lease_token = $3, lease_until = now() + make_interval(secs => $4)`,
    [target.org, target.slug, target.token, target.leaseSeconds],
  );
  for (let i = 0; i < rows; i++) {
    await db.query(
      `INSERT INTO staged_rows (release_id, record_id, source_row, data, row_hash, search_text, search_folded)
       VALUES ($1, $2, $3, '{}'::jsonb, 'h', '', '')`,
      [target.token, `r${i}`, i + 2],
    );
  }
}

async function stagedOf(db: Database, token: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM staged_rows WHERE release_id = $1",
    [token],
  );
  return row?.n ?? 0;
}

describe("orphaned staged rows", () => {
  let database: TestDatabase;
  let store: Awaited<ReturnType<typeof temporaryFileStore>>;
  let publishing: PublishingService;

  before(async () => {
    database = await createSeededDatabase();
    store = await temporaryFileStore();
    publishing = publishingService(database.db, store.files);
  });
  after(async () => {
    await database.drop();
    await store.remove();
  });

  test("the publish that takes over an expired lease removes the dead publish's staged rows", async () => {
    const dead = "00000000-0000-4000-8000-00000000dead";
    await leaveStagedRows(
      database.db,
      { org: "0580", slug: "badplatser", token: dead, leaseSeconds: -60 },
      5,
    );
    assert.equal(await stagedOf(database.db, dead), 5);
    await publishCsv(publishing, "0580", "badplatser", badplatserCsv([{ id: "b1", name: "Stranden" }]));
    assert.equal(await stagedOf(database.db, dead), 0);
  });

  test("the periodic job removes rows under expired leases and leaves a running publish's alone", async () => {
    const expired = "00000000-0000-4000-8000-0000000e0001";
    const running = "00000000-0000-4000-8000-0000000e0002";
    await leaveStagedRows(
      database.db,
      { org: "0114", slug: "badplatser", token: expired, leaseSeconds: -1 },
      4,
    );
    await leaveStagedRows(
      database.db,
      { org: "0115", slug: "badplatser", token: running, leaseSeconds: 120 },
      3,
    );
    assert.equal(await publishing.clearExpiredLeases(), 4);
    assert.equal(await stagedOf(database.db, expired), 0);
    assert.equal(await stagedOf(database.db, running), 3);
    const [lease] = await database.db.query<{ lease_token: string | null }>(
      "SELECT lease_token FROM publications WHERE organization_code = '0114' AND spec_slug = 'badplatser'",
    );
    assert.equal(lease?.lease_token, null, "the expired lease is ended");
  });
});
