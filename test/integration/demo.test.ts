import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createLogger } from "../../src/core/index.ts";
import { fillDemo, removeDemo } from "../../src/demo/index.ts";
import { createServices, type Services } from "../../src/platform/index.ts";
import { pointInArea } from "../../src/registry/index.ts";
import { createSeededDatabase, type TestDatabase } from "../support/platform.ts";
import { badplatserCsv, temporaryFileStore } from "../support/publishing.ts";

describe("demo mode", () => {
  let database: TestDatabase;
  let store: Awaited<ReturnType<typeof temporaryFileStore>>;
  let services: Services;
  let filled: Awaited<ReturnType<typeof fillDemo>>;

  before(async () => {
    database = await createSeededDatabase();
    store = await temporaryFileStore();
    services = createServices(database.db, { dataDir: store.root }, store.files);
    filled = await fillDemo(services, createLogger("silent"));
  });
  after(async () => {
    await database.drop();
    await store.remove();
  });

  test("publishes plausible data for several specifications across many municipalities, every file valid", async () => {
    assert.equal(filled.skipped, false);
    assert.ok(filled.publications > 200, `publications: ${filled.publications}`);
    const [spread] = await database.db.query<{ specs: number; orgs: number; rejected: number }>(
      `SELECT count(DISTINCT spec_slug)::int AS specs, count(DISTINCT organization_code)::int AS orgs,
         (SELECT count(*)::int FROM releases WHERE status <> 'published') AS rejected
       FROM publications WHERE demo`,
    );
    assert.ok(spread);
    assert.equal(spread.specs, 8);
    assert.ok(spread.orgs > 150 && spread.orgs < 290, `organizations: ${spread.orgs}`);
    assert.equal(spread.rejected, 0);
  });

  test("every point lies inside its municipality's boundary, and every row is marked as demo", async () => {
    const boundaries = new Map((await services.registry.listBoundaries("kommun")).map((b) => [b.code, b]));
    const rows = await database.db.query<{
      kommun_code: string;
      latitude: number;
      longitude: number;
      demo: boolean;
    }>("SELECT kommun_code, latitude, longitude, demo FROM dataset_rows");
    assert.equal(rows.length, filled.rows);
    for (const row of rows) {
      assert.equal(row.demo, true);
      const boundary = boundaries.get(row.kommun_code);
      assert.ok(boundary, row.kommun_code);
      assert.ok(
        pointInArea(boundary.geometry, boundary.bbox, row.longitude, row.latitude, 0),
        JSON.stringify(row),
      );
    }
  });

  test("the demo gives a believable mix of readiness levels, short of the national goal", async () => {
    const progress = await services.progress.national();
    assert.ok(
      progress.levels[0] > 0 && progress.levels[1] > 0 && progress.levels[2] > 0,
      JSON.stringify(progress.levels),
    );
    assert.ok(
      progress.kommuner.established > 20 && progress.kommuner.share < 0.5,
      JSON.stringify(progress.kommuner),
    );
    assert.ok(progress.regioner.established > 0, JSON.stringify(progress.regioner));
    assert.equal(progress.goalMet, false);
  });

  test("a second start leaves the demo content as it is", async () => {
    const again = await fillDemo(services, createLogger("silent"));
    assert.equal(again.skipped, true);
  });

  test("demo content can be removed, and a real release over a demo publication stays", async () => {
    const [demoPublication] = await database.db.query<{ organization_code: string }>(
      "SELECT organization_code FROM publications WHERE demo AND spec_slug = 'badplatser' AND organization_code = '0580'",
    );
    const real = await services.publishing.publish({
      organizationCode: "0580",
      slug: "badplatser",
      body: [Buffer.from(badplatserCsv([{ id: "R1", name: "Riktig badplats" }]))],
      mode: "all",
      origin: "upload",
      audit: { actor: "user:test" },
    });
    assert.equal(real.status, "published");
    const removed = await removeDemo(database.db);
    assert.ok(removed.rows > 0);
    const remaining = await database.db.query<{ organization_code: string; demo: boolean }>(
      "SELECT organization_code, demo FROM dataset_rows",
    );
    assert.deepEqual(remaining, [{ organization_code: "0580", demo: false }]);
    const publication = await services.publishing.getPublication("0580", "badplatser");
    assert.equal(publication.currentRelease?.id, real.id);
    assert.ok(demoPublication === undefined || !publication.demo);
  });
});
