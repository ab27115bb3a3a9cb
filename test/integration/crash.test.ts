import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { runCli, startCliServer } from "../support/cli.ts";
import { TEST_DATABASE_URL } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

const embedded = { skip: TEST_DATABASE_URL !== undefined ? "embedded-database behaviour" : false };

/** Partial files in the store's temporary directory. */
function partialFiles(dataDir: string): string[] {
  const dir = join(dataDir, "files", "tmp");
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".part")) : [];
}

describe("a server killed mid-upload", embedded, () => {
  test("leaves no release pointing at a partial file, and publishing works after a restart", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "dv-crash-")), "data");
    const env = { DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "warn" };
    const user = await runCli(
      ["user", "create", "--email", "p@linkoping.se", "--name", "P", "--role", "publisher", "--org", "0580"],
      env,
    );
    assert.equal(user.code, 0, user.stderr);
    const created = await runCli(
      ["token", "create", "--user", "p@linkoping.se", "--org", "0580", "--scope", "publish", "--json"],
      env,
    );
    const token = (JSON.parse(created.stdout) as { token: string }).token;

    const first = await startCliServer(env);
    const url = new URL(`${first.url}/api/v1/organizations/0580/publications/badplatser`);
    // An upload that sends its first megabyte and then stalls, as a slow client would.
    const upload = request(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "text/csv" },
    });
    upload.on("error", () => undefined);
    const rows = Array.from({ length: 8000 }, (_, i) => ({ id: `K${i}`, name: `Badplats nummer ${i}` }));
    upload.write(badplatserCsv(rows));
    const deadline = Date.now() + 30_000;
    while (partialFiles(dataDir).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    assert.equal(partialFiles(dataDir).length, 1, "the upload is being written");
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    upload.destroy();

    const second = await startCliServer(env);
    try {
      assert.deepEqual(partialFiles(dataDir), [], "the restart removed the partial file");
      const list = (await (await fetch(`${second.url}/api/v1/organizations/0580/publications`)).json()) as {
        items: unknown[];
      };
      assert.deepEqual(list.items, [], "no release came of the interrupted upload");
      const csv = badplatserCsv([{ id: "A1", name: "Efter omstarten" }]);
      const published = await fetch(url.href.replace(first.url, second.url), {
        method: "POST",
        headers: { Authorization: `Bearer ${token}` },
        body: csv,
      });
      assert.equal(published.status, 201, "the publication's lease did not outlive the crash");
      const release = (await published.json()) as { file: { sha256: string }; links: { file: string } };
      const stored = Buffer.from(await (await fetch(release.links.file)).arrayBuffer());
      assert.equal(createHash("sha256").update(stored).digest("hex"), release.file.sha256);
    } finally {
      second.child.kill("SIGTERM");
    }
  });
});
