import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createLogger, isAppError } from "../../src/core/index.ts";
import { loadMigrations, migrate, type Migration } from "../../src/db/index.ts";
import { loadRegistryReference, seedRegistry } from "../../src/registry/index.ts";
import { createTestDatabase, type TestDatabase } from "../support/platform.ts";

const logger = createLogger("silent");

const migration = (id: string, sql: string): Migration => ({ id, sql, checksum: `sum-${sql}` });

async function tableExists(test: TestDatabase, name: string): Promise<boolean> {
  const rows = await test.db.query<{ found: boolean }>("SELECT to_regclass($1) IS NOT NULL AS found", [name]);
  return rows[0]?.found === true;
}

describe("migrations", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database.drop());

  test("apply once, and a second run applies nothing", async () => {
    const first = await migrate(database.db, logger);
    assert.deepEqual(
      first.applied,
      loadMigrations().map((m) => m.id),
    );
    const second = await migrate(database.db, logger);
    assert.deepEqual(second.applied, []);
    assert.equal(second.alreadyApplied.length, first.applied.length);
  });

  test("a migration that fails leaves nothing of itself behind", async () => {
    const steps = [
      migration("9001_ok", "CREATE TABLE ok_table (id int)"),
      migration("9002_fails", "CREATE TABLE half_table (id int); SELECT 1 / 0;"),
    ];
    await assert.rejects(migrate(database.db, logger, steps));
    assert.ok(await tableExists(database, "ok_table"));
    assert.ok(!(await tableExists(database, "half_table")));
    const recorded = await database.db.query<{ id: string }>(
      "SELECT id FROM schema_migrations WHERE id LIKE '900%'",
    );
    assert.deepEqual(
      recorded.map((r) => r.id),
      ["9001_ok"],
    );
  });

  test("an applied migration whose file changed is refused", async () => {
    await assert.rejects(
      migrate(database.db, logger, [migration("9001_ok", "CREATE TABLE ok_table (id bigint)")]),
      (error) => isAppError(error) && error.code === "CONFLICT" && error.text.sv.includes("9001_ok"),
    );
  });
});

describe("transactions", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
    await database.db.execute("CREATE TABLE t (id int PRIMARY KEY)");
  });
  after(() => database.drop());

  test("a transaction that throws changes nothing", async () => {
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await tx.query("INSERT INTO t VALUES (1)");
        throw new Error("stop");
      }),
    );
    assert.deepEqual(await database.db.query("SELECT * FROM t"), []);
  });

  test("a transaction that completes commits all of it", async () => {
    await database.db.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES (1)");
      await tx.query("INSERT INTO t VALUES (2)");
    });
    assert.equal((await database.db.query("SELECT * FROM t")).length, 2);
  });
});

describe("seeding the registry", () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
    await migrate(database.db, logger);
  });
  after(() => database.drop());

  test("is idempotent and keeps what was added by hand", async () => {
    const reference = loadRegistryReference();
    await seedRegistry(database.db, reference);
    // Region Sörmland has no organisationsnummer in the reference: one set by hand stays.
    await database.db.query("UPDATE organizations SET organization_number = '232100-0032' WHERE code = '04'");
    const again = await seedRegistry(database.db, reference);
    assert.deepEqual(again, { lan: 21, organizations: 310, boundaries: 311 });
    const [counts] = await database.db.query<{ orgs: number; boundaries: number }>(
      "SELECT (SELECT count(*)::int FROM organizations) AS orgs, (SELECT count(*)::int FROM boundaries) AS boundaries",
    );
    assert.deepEqual(counts, { orgs: 310, boundaries: 311 });
    const [sormland] = await database.db.query<{ organization_number: string }>(
      "SELECT organization_number FROM organizations WHERE code = '04'",
    );
    assert.equal(sormland?.organization_number, "232100-0032");
  });

  test("corrects a database seeded with rule-built names on its next run, and keeps a website the organization set", async () => {
    const reference = loadRegistryReference();
    // As an older release seeded it: "<genitive> kommun", no numbers, no websites.
    await database.db.query(
      "UPDATE organizations SET name = 'Kalmars kommun', organization_number = NULL, website = NULL WHERE code = '0880'",
    );
    await database.db.query(
      "UPDATE organizations SET name = 'Faluns kommun', organization_number = NULL WHERE code = '2080'",
    );
    await database.db.query(
      "UPDATE organizations SET website = 'https://www.falun.se/oppnadata', contact_updated_at = now() WHERE code = '2080'",
    );
    await seedRegistry(database.db, reference);
    const rows = await database.db.query<{
      code: string;
      name: string;
      organization_number: string;
      website: string;
    }>(
      "SELECT code, name, organization_number, website FROM organizations WHERE code IN ('0880', '2080') ORDER BY code",
    );
    assert.deepEqual(rows, [
      {
        code: "0880",
        name: "Kalmar kommun",
        organization_number: "212000-0746",
        website: "https://kalmar.se",
      },
      {
        code: "2080",
        name: "Falu kommun",
        organization_number: "212000-2221",
        website: "https://www.falun.se/oppnadata",
      },
    ]);
  });
});
