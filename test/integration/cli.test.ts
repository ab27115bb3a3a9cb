import assert from "node:assert/strict";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { loadMigrations, openPglite } from "../../src/db/index.ts";
import { exampleCsv, loadDefinitions } from "../../src/specs/index.ts";
import { callCli, runCli, startCliServer } from "../support/cli.ts";
import { createTestDatabase, TEST_DATABASE_URL } from "../support/platform.ts";

const embedded = { skip: TEST_DATABASE_URL !== undefined ? "embedded-database behaviour" : false };
const onServer = {
  skip: TEST_DATABASE_URL === undefined ? "needs TEST_DATABASE_URL (npm run test:pg)" : false,
};
const freshDataDir = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), "dv-cli-")), DATABASE_URL: "" });

describe("the dataverkstad command", () => {
  test("every command explains itself with --help and exits 0", async () => {
    for (const command of ["serve", "migrate", "seed"]) {
      const result = await callCli([command, "--help"], {});
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`^dataverkstad ${command}`));
      assert.match(result.stdout, /--json/);
    }
    const overview = await callCli(["--help"], {});
    assert.equal(overview.code, 0);
    assert.match(overview.stdout, /serve.*\n.*migrate.*\n.*seed/);
  });

  test("an unknown command or flag is a usage error (exit 2) that names it", async () => {
    const unknown = await callCli(["frobnicate"], {});
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /frobnicate/);
    const badFlag = await callCli(["migrate", "--nope", "--json"], {});
    assert.equal(badFlag.code, 2);
    const body = JSON.parse(badFlag.stdout) as { error: { message: string } };
    assert.match(body.error.message, /--nope/);
  });

  test("a bad environment value is a usage error that names the variable", async () => {
    const result = await callCli(["migrate", "--json"], { PORT: "not-a-port" });
    assert.equal(result.code, 2);
    assert.match(result.stdout, /PORT/);
  });

  test(
    "migrate and seed print machine-readable results with --json and are idempotent",
    embedded,
    async () => {
      const env = freshDataDir();
      const first = await callCli(["migrate", "--json"], env);
      assert.equal(first.code, 0, first.stderr);
      assert.deepEqual(JSON.parse(first.stdout), {
        applied: loadMigrations().map((m) => m.id),
        alreadyApplied: [],
      });
      const second = await callCli(["migrate", "--json"], env);
      assert.deepEqual((JSON.parse(second.stdout) as { applied: string[] }).applied, []);
      for (let run = 0; run < 2; run++) {
        const seeded = await callCli(["seed", "--json"], env);
        assert.equal(seeded.code, 0, seeded.stderr);
        const outcome = JSON.parse(seeded.stdout) as { registry: unknown; specs: { priorityList: number } };
        assert.deepEqual(outcome.registry, { lan: 21, organizations: 310, boundaries: 311 });
        assert.equal(outcome.specs.priorityList, 100);
      }
    },
  );

  test(
    "a second process on a running server's embedded database gets a clear message, not a corrupt database",
    embedded,
    async () => {
      const env = freshDataDir();
      const { child, url } = await startCliServer(env);
      try {
        const refused = await runCli(["seed", "--json"], env);
        assert.equal(refused.code, 3);
        const body = JSON.parse(refused.stdout) as { error: { code: string; message: string } };
        assert.equal(body.error.code, "DATABASE_LOCKED");
        assert.match(body.error.message, /används redan av processen \d+/);
        assert.match(body.error.message, /API/);
        const stillServing = await fetch(`${url}/api/v1/organizations?type=kommun`);
        assert.equal(((await stillServing.json()) as { total: number }).total, 290);
      } finally {
        child.kill("SIGTERM");
        await once(child, "exit");
      }
      assert.ok(!existsSync(join(env.DATA_DIR, "dataverkstad.lock")), "the lock is released on a clean stop");
      const afterStop = await runCli(["seed", "--json"], env);
      assert.equal(afterStop.code, 0, afterStop.stdout + afterStop.stderr);
    },
  );

  test(
    "two processes that migrate one PostgreSQL at the same time apply each migration exactly once",
    onServer,
    async () => {
      const database = await createTestDatabase();
      try {
        const env = { DATABASE_URL: database.url };
        const results = await Promise.all([
          runCli(["migrate", "--json"], env),
          runCli(["migrate", "--json"], env),
        ]);
        for (const r of results) assert.equal(r.code, 0, r.stdout + r.stderr);
        const applied = results.flatMap((r) => (JSON.parse(r.stdout) as { applied: string[] }).applied);
        assert.deepEqual(
          applied.sort(),
          loadMigrations()
            .map((m) => m.id)
            .sort(),
        );
        const rows = await database.db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM schema_migrations",
        );
        assert.equal(rows[0]?.n, loadMigrations().length);
      } finally {
        await database.drop();
      }
    },
  );

  test("validate exits 0 for a valid file, 1 for an invalid one and 2 without --spec, and --fix writes a fixed file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dv-validate-"));
    const badplatser = loadDefinitions().find((d) => d.definition.slug === "badplatser")?.definition;
    assert.ok(badplatser);
    const good = join(dir, "good.csv");
    writeFileSync(good, exampleCsv(badplatser));
    const valid = await callCli(["validate", good, "--spec", "badplatser"], {});
    assert.equal(valid.code, 0, valid.stderr);
    assert.match(valid.stdout, /^Filen är giltig/);

    const bad = join(dir, "bad.csv");
    writeFileSync(bad, exampleCsv(badplatser).replace(/\r\n1280,/, "\r\n180,"));
    const invalid = await callCli(
      ["validate", bad, "--spec", "badplatser", "--json", "--fix", join(dir, "fixed.csv")],
      {},
    );
    assert.equal(invalid.code, 1, invalid.stderr);
    const report = JSON.parse(invalid.stdout) as {
      valid: boolean;
      errors: { rowNumber: number; fieldName: string }[];
    };
    assert.equal(report.valid, false);
    assert.deepEqual(
      report.errors.map((e) => [e.rowNumber, e.fieldName]),
      [[2, "source"]],
    );
    assert.match(readFileSync(join(dir, "fixed.csv"), "utf8"), /\r\n0180,BAD-0012,/, "180 becomes 0180");

    const usage = await callCli(["validate", good], {});
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--spec/);
  });

  test(
    "user create and token create print the secret once, and refuse a token for another organization",
    embedded,
    async () => {
      const env = freshDataDir();
      const created = await callCli(
        [
          "user",
          "create",
          "--email",
          "Anna@Linkoping.se",
          "--name",
          "Anna",
          "--role",
          "publisher",
          "--org",
          "0580",
          "--json",
        ],
        { ...env, DATAVERKSTAD_PASSWORD: "ett långt lösenord" },
      );
      assert.equal(created.code, 0, created.stdout + created.stderr);
      const user = JSON.parse(created.stdout) as { email: string; password?: string };
      assert.equal(user.email, "anna@linkoping.se");
      assert.equal(user.password, undefined, "a given password is not echoed");

      const token = await callCli(
        ["token", "create", "--user", "anna@linkoping.se", "--org", "0580", "--scope", "publish", "--json"],
        env,
      );
      assert.equal(token.code, 0, token.stderr);
      const secret = (JSON.parse(token.stdout) as { token: string }).token;
      assert.match(secret, /^dvk_[A-Za-z0-9_-]{40,}$/);

      const refused = await callCli(
        ["token", "create", "--user", "anna@linkoping.se", "--org", "1280", "--scope", "publish"],
        env,
      );
      assert.equal(refused.code, 3);
      assert.match(refused.stderr, /1280/);

      const badRole = await callCli(
        ["user", "create", "--email", "b@example.se", "--name", "B", "--role", "kung"],
        env,
      );
      assert.equal(badRole.code, 2);
      assert.match(badRole.stderr, /--role/);

      const db = await openPglite(join(env.DATA_DIR));
      try {
        const rows = await db.query<{ token_hash: string }>("SELECT token_hash FROM api_tokens");
        assert.equal(rows.length, 1, "the refused token was not stored");
        assert.notEqual(rows[0]?.token_hash, secret, "only a hash is stored");
        const audit = await db.query<{ action: string }>("SELECT action FROM audit_log ORDER BY id");
        assert.ok(audit.length >= 2);
      } finally {
        await db.close();
      }
    },
  );
});
