import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runCli, startCliServer } from "../support/cli.ts";
import { TEST_DATABASE_URL } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

const embedded = { skip: TEST_DATABASE_URL !== undefined ? "embedded-database behaviour" : false };

interface ReleaseJson {
  status: string;
  rows: { total: number; published: number };
}

describe("dataverkstad publish", embedded, () => {
  const dir = mkdtempSync(join(tmpdir(), "dv-cli-publish-"));
  const env = { DATA_DIR: join(dir, "data"), DATABASE_URL: "", LOG_LEVEL: "warn" };
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const good = file("bad.csv", badplatserCsv([{ id: "B1", name: "Stångebrobadet" }]));
  const broken = file("trasig.csv", badplatserCsv([{ id: "B2", name: "Trasig", lat: "x" }]));

  test("publishes straight into the embedded database when no server runs; a broken file exits 1", async () => {
    const published = await runCli(["publish", good, "--org", "0580", "--spec", "badplatser", "--json"], env);
    assert.equal(published.code, 0, published.stderr + published.stdout);
    const release = JSON.parse(published.stdout) as ReleaseJson;
    assert.equal(release.status, "published");
    assert.equal(release.rows.published, 1);
    const rejected = await runCli(["publish", broken, "--org", "0580", "--spec", "badplatser"], env);
    assert.equal(rejected.code, 1);
    assert.match(rejected.stdout, /publicerades inte/);
  });

  test("publishes through a running server with a token; a wrong token fails with the server's message", async () => {
    const user = await runCli(
      [
        "user",
        "create",
        "--email",
        "p@linkoping.se",
        "--name",
        "P",
        "--role",
        "publisher",
        "--org",
        "0580",
        "--json",
      ],
      env,
    );
    assert.equal(user.code, 0, user.stderr);
    const token = await runCli(
      ["token", "create", "--user", "p@linkoping.se", "--org", "0580", "--scope", "publish", "--json"],
      env,
    );
    assert.equal(token.code, 0, token.stderr + token.stdout);
    const secret = (JSON.parse(token.stdout) as { token: string }).token;
    const { child, url } = await startCliServer(env);
    try {
      const locked = await runCli(["publish", good, "--org", "0580", "--spec", "badplatser"], env);
      assert.equal(locked.code, 3, "the embedded database belongs to the server");
      const through = await runCli(
        [
          "publish",
          good,
          "--org",
          "0580",
          "--spec",
          "badplatser",
          "--server",
          url,
          "--token",
          secret,
          "--json",
        ],
        env,
      );
      assert.equal(through.code, 0, through.stderr + through.stdout);
      assert.equal((JSON.parse(through.stdout) as ReleaseJson).status, "published");
      const rows = (await (await fetch(`${url}/api/v1/data/badplatser?kommun=0580`)).json()) as {
        total: number;
      };
      assert.equal(rows.total, 1);
      const wrong = await runCli(
        ["publish", good, "--org", "0581", "--spec", "badplatser", "--server", url, "--token", secret],
        env,
      );
      assert.equal(wrong.code, 3);
      assert.match(wrong.stderr, /403/);
    } finally {
      child.kill("SIGTERM");
    }
  });

  test("usage errors name what is missing", async () => {
    const missing = await runCli(["publish", good, "--spec", "badplatser"], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--org/);
    const mode = await runCli(
      ["publish", good, "--org", "0580", "--spec", "badplatser", "--mode", "some"],
      env,
    );
    assert.equal(mode.code, 2);
    assert.match(mode.stderr, /valid-rows/);
  });
});
