import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { callCli, runCli, startCliServer } from "../support/cli.ts";
import { TEST_DATABASE_URL } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

const embedded = { skip: TEST_DATABASE_URL !== undefined ? "embedded-database behaviour" : false };

interface ReleaseJson {
  status: string;
  rows: { total: number; published: number };
}

/** Every release of 0580's badplatser the token's owner may see, rejected ones included. */
async function publicationReleases(url: string, token: string): Promise<unknown[]> {
  const response = await fetch(`${url}/api/v1/organizations/0580/publications/badplatser`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.status === 404 ? [] : ((await response.json()) as { releases: unknown[] }).releases;
}

describe("dataverkstad publish", embedded, () => {
  const dir = mkdtempSync(join(tmpdir(), "dv-cli-publish-"));
  const env = { DATA_DIR: join(dir, "data"), DATABASE_URL: "", LOG_LEVEL: "warn" };
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const partialFiles = () => {
    const tmp = join(env.DATA_DIR, "files", "tmp");
    return existsSync(tmp) ? readdirSync(tmp).filter((name) => name.endsWith(".part")) : [];
  };
  const good = file("bad.csv", badplatserCsv([{ id: "B1", name: "Stångebrobadet" }]));
  const broken = file("trasig.csv", badplatserCsv([{ id: "B2", name: "Trasig", lat: "x" }]));

  test("publishes straight into the embedded database when no server runs; a broken file exits 1", async () => {
    const published = await callCli(
      ["publish", good, "--org", "0580", "--spec", "badplatser", "--json"],
      env,
    );
    assert.equal(published.code, 0, published.stderr + published.stdout);
    const release = JSON.parse(published.stdout) as ReleaseJson;
    assert.equal(release.status, "published");
    assert.equal(release.rows.published, 1);
    const rejected = await callCli(["publish", broken, "--org", "0580", "--spec", "badplatser"], env);
    assert.equal(rejected.code, 1);
    assert.match(rejected.stdout, /publicerades inte/);
  });

  test("publishes through a running server with a token; a server killed mid-upload leaves no partial release", async () => {
    const user = await callCli(
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
    const token = await callCli(
      ["token", "create", "--user", "p@linkoping.se", "--org", "0580", "--scope", "publish", "--json"],
      env,
    );
    assert.equal(token.code, 0, token.stderr + token.stdout);
    const secret = (JSON.parse(token.stdout) as { token: string }).token;
    const first = await startCliServer(env);
    const releasesBefore = await publicationReleases(first.url, secret);
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
          first.url,
          "--token",
          secret,
          "--json",
        ],
        env,
      );
      assert.equal(through.code, 0, through.stderr + through.stdout);
      assert.equal((JSON.parse(through.stdout) as ReleaseJson).status, "published");
      const rows = (await (await fetch(`${first.url}/api/v1/data/badplatser?kommun=0580`)).json()) as {
        total: number;
      };
      assert.equal(rows.total, 1);
      const wrong = await runCli(
        ["publish", good, "--org", "0581", "--spec", "badplatser", "--server", first.url, "--token", secret],
        env,
      );
      assert.equal(wrong.code, 3);
      assert.match(wrong.stderr, /403/);

      // An upload that sends its first megabyte and then stalls; the server is killed while it waits.
      const upload = request(`${first.url}/api/v1/organizations/0580/publications/badplatser`, {
        method: "POST",
        headers: { Authorization: `Bearer ${secret}`, "Content-Type": "text/csv" },
      });
      upload.on("error", () => undefined);
      upload.write(
        badplatserCsv(Array.from({ length: 8000 }, (_, i) => ({ id: `K${i}`, name: `Badplats ${i}` }))),
      );
      const deadline = Date.now() + 60_000;
      while (partialFiles().length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      assert.equal(partialFiles().length, 1, "the upload is being written");
      first.child.kill("SIGKILL");
      await new Promise((resolve) => first.child.once("exit", resolve));
      upload.destroy();
    } finally {
      first.child.kill("SIGKILL");
    }

    const second = await startCliServer(env);
    try {
      assert.deepEqual(partialFiles(), [], "the restart removed the partial file");
      const releases = await publicationReleases(second.url, secret);
      assert.equal(releases.length, releasesBefore.length + 1, "no release came of the interrupted upload");
      // A1 replaces 0580's one row: a removal of all its rows, confirmed up front.
      const published = await fetch(
        `${second.url}/api/v1/organizations/0580/publications/badplatser?confirm=removals`,
        {
          method: "POST",
          headers: { Authorization: `Bearer ${secret}` },
          body: badplatserCsv([{ id: "A1", name: "Efter omstarten" }]),
        },
      );
      assert.equal(published.status, 201, "the publication's lease did not outlive the crash");
      const release = (await published.json()) as { file: { sha256: string }; links: { file: string } };
      const stored = Buffer.from(await (await fetch(release.links.file)).arrayBuffer());
      assert.equal(createHash("sha256").update(stored).digest("hex"), release.file.sha256);
    } finally {
      second.child.kill("SIGTERM");
    }
  });

  test("usage errors name what is missing", async () => {
    const missing = await callCli(["publish", good, "--spec", "badplatser"], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--org/);
    const mode = await callCli(
      ["publish", good, "--org", "0580", "--spec", "badplatser", "--mode", "some"],
      env,
    );
    assert.equal(mode.code, 2);
    assert.match(mode.stderr, /valid-rows/);
  });
});
