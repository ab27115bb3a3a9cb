// The data API's revision memo and page cache (decision 38): a publish is visible on the next
// request through the same database object; on PostgreSQL a write by another instance (another
// connection pool) shows once the memo's time is up.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { API_PAGING, DatasetQueryService } from "../../src/consolidation/index.ts";
import { openPostgres } from "../../src/db/index.ts";
import { silentLogger } from "../../src/core/index.ts";
import { SpecsService } from "../../src/specs/index.ts";
import { badplats, insertDatasetRows } from "../support/dataset-rows.ts";
import { createSeededDatabase, type TestDatabase } from "../support/platform.ts";

let database: TestDatabase;
before(async () => {
  database = await createSeededDatabase();
  await insertDatasetRows(database.db, "badplatser", [
    { organization: "0580", data: badplats(1, { name: "Första" }) },
  ]);
});
after(() => database.drop());

const params = { kommun: ["0580"], limit: ["10"] };
const options = { paging: API_PAGING, passThrough: [] };

async function served(data: DatasetQueryService): Promise<{ revision: number; total: number }> {
  const prepared = await data.prepare("badplatser", params, options);
  const page = await data.renderedPage(prepared, "json", (p) => JSON.stringify({ total: p.total }));
  return { revision: prepared.revision, total: page.total };
}

test("a write through the same database shows on the next request, page cache and all", async () => {
  const data = new DatasetQueryService(database.db, new SpecsService(database.db), {
    revisionMemoMs: 60_000,
  });
  const first = await served(data);
  assert.equal(first.total, 1);
  assert.deepEqual(await served(data), first, "the same revision is served from memory");
  await insertDatasetRows(database.db, "badplatser", [
    { organization: "0580", data: badplats(2, { name: "Andra" }) },
  ]);
  const next = await served(data);
  assert.ok(next.revision > first.revision, "the new revision is read at once");
  assert.equal(next.total, 2, "and its page is not the kept one");
});

test(
  "on PostgreSQL another instance's publish shows within the memo's time",
  { skip: process.env.TEST_DATABASE_URL === undefined },
  async () => {
    const data = new DatasetQueryService(database.db, new SpecsService(database.db), { revisionMemoMs: 300 });
    const before = await served(data);
    const other = openPostgres({ connectionString: database.url ?? "", logger: silentLogger });
    try {
      await insertDatasetRows(other, "badplatser", [
        { organization: "0580", data: badplats(3, { name: "Tredje" }) },
      ]);
    } finally {
      await other.close();
    }
    assert.deepEqual(await served(data), before, "within the memo's time the kept revision is served");
    await new Promise((resolve) => setTimeout(resolve, 350));
    const later = await served(data);
    assert.ok(later.revision > before.revision);
    assert.equal(later.total, before.total + 1);
  },
);
