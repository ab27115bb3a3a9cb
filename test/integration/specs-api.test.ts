import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createLogger, isAppError } from "../../src/core/index.ts";
import { migrate } from "../../src/db/index.ts";
import { loadDefinitions, seedSpecs } from "../../src/specs/index.ts";
import { getJson } from "../support/http.ts";
import { createTestDatabase, startTestPlatform, type TestPlatform } from "../support/platform.ts";

interface List<T> {
  items: T[];
  total: number;
}
interface Entry {
  rank: number;
  slug: string;
  level: string;
  status: string;
  area: { sv: string };
  specification: { slug: string; version: string } | null;
}
interface Summary {
  slug: string;
  latestVersion: string;
  versions: string[];
}

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(async () => {
  await platform.close();
});

describe("the prioritized list", () => {
  test("has 100 entries in rank order", async () => {
    const { body } = await getJson<List<Entry>>(platform.url, "/api/v1/priority-list");
    assert.equal(body.total, 100);
    assert.deepEqual(
      body.items.map((e) => e.rank),
      Array.from({ length: 100 }, (_, i) => i + 1),
    );
  });

  test("filters by area, level and status", async () => {
    const area = await getJson<List<Entry>>(
      platform.url,
      `/api/v1/priority-list?area=${encodeURIComponent("Besöksnäring och rekreation")}`,
    );
    assert.ok(area.body.total > 10);
    assert.ok(area.body.items.every((e) => e.area.sv === "Besöksnäring och rekreation"));
    const region = await getJson<List<Entry>>(platform.url, "/api/v1/priority-list?level=region");
    assert.ok(region.body.items.every((e) => e.level === "region" || e.level === "both"));
    const specified = await getJson<List<Entry>>(platform.url, "/api/v1/priority-list?status=specified");
    assert.ok(specified.body.total > 0);
    assert.ok(specified.body.items.every((e) => e.specification !== null));
  });

  test("an unknown level is a 400 that names the allowed values", async () => {
    const { status, body } = await getJson<{ error: { message: string } }>(
      platform.url,
      "/api/v1/priority-list?level=stat",
    );
    assert.equal(status, 400);
    assert.match(body.error.message, /kommun/);
  });
});

describe("the specifications", () => {
  test("number at least 15, each with a Table Schema, a template and an example", async () => {
    const { body } = await getJson<List<Summary>>(platform.url, "/api/v1/specifications");
    assert.ok(body.total >= 15, `found ${body.total}`);
    for (const spec of body.items) {
      const schema = await getJson<{ name: string; fields: { name: string }[]; homepage: string }>(
        platform.url,
        `/api/v1/specifications/${spec.slug}/${spec.latestVersion}`,
      );
      assert.equal(schema.status, 200);
      assert.equal(schema.body.name, spec.slug);
      assert.ok(schema.body.homepage.endsWith(`/specifications/${spec.slug}/${spec.latestVersion}`));
      const header = schema.body.fields.map((f) => f.name).join(",");
      const template = await fetch(
        `${platform.url}/api/v1/specifications/${spec.slug}/${spec.latestVersion}/template.csv`,
      );
      assert.equal(template.headers.get("content-type"), "text/csv; charset=utf-8");
      assert.equal((await template.text()).replace(/^\uFEFF/, ""), `${header}\r\n`);
      const example = await fetch(
        `${platform.url}/api/v1/specifications/${spec.slug}/${spec.latestVersion}/example.csv`,
      );
      const lines = (await example.text()).trim().split("\r\n");
      assert.ok(lines.length >= 3, `${spec.slug} example has rows`);
    }
  });

  test("a version is served as immutable; the latest is not", async () => {
    const { body } = await getJson<List<Summary>>(platform.url, "/api/v1/specifications");
    const spec = body.items[0]!;
    const version = await fetch(`${platform.url}/api/v1/specifications/${spec.slug}/${spec.latestVersion}`);
    assert.match(version.headers.get("cache-control") ?? "", /immutable/);
    const latest = await fetch(`${platform.url}/api/v1/specifications/${spec.slug}`);
    assert.doesNotMatch(latest.headers.get("cache-control") ?? "", /immutable/);
  });

  test("an unknown specification or version gives 404, a malformed one 400", async () => {
    assert.equal((await getJson(platform.url, "/api/v1/specifications/finns-inte")).status, 404);
    assert.equal((await getJson(platform.url, "/api/v1/specifications/badplatser/9.9.9")).status, 404);
    assert.equal((await getJson(platform.url, "/api/v1/specifications/Bad_Slug")).status, 400);
    assert.equal((await getJson(platform.url, "/api/v1/specifications/badplatser/latest")).status, 400);
  });
});

describe("seeding specifications", () => {
  test("is idempotent, and refuses a published version whose content changed", async () => {
    const database = await createTestDatabase();
    try {
      await migrate(database.db, createLogger("silent"));
      const definitions = loadDefinitions();
      const first = await seedSpecs(database.db, definitions);
      const again = await seedSpecs(database.db, definitions);
      assert.deepEqual(again, first);
      const [changed, ...rest] = definitions;
      assert.ok(changed);
      const tampered = { ...changed, checksum: "0".repeat(64) };
      await assert.rejects(
        seedSpecs(database.db, [tampered, ...rest]),
        (error) =>
          isAppError(error) && error.code === "CONFLICT" && error.text.sv.includes("nytt versionsnummer"),
      );
      const [stored] = await database.db.query<{ checksum: string }>(
        "SELECT checksum FROM specification_versions WHERE slug = $1 AND version = $2",
        [changed.definition.slug, changed.definition.version],
      );
      assert.equal(stored?.checksum, changed.checksum, "the published version is unchanged");
    } finally {
      await database.drop();
    }
  });
});
