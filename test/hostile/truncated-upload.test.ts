// Issue 22, item 1: a multipart body that ends before its closing boundary made busboy's file
// stream emit an unhandled `error`, and the process exited. The server runs as a child process
// here, so a crash shows as a dead process instead of taking the test runner with it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { adminCookie, startServerProcess, type ServerProcess } from "../support/server-process.ts";

// The reproduction from the issue, byte for byte: no closing boundary after the file's content.
const TRUNCATED =
  '--XYZ\r\nContent-Disposition: form-data; name="spec"\r\n\r\nbadplatser\r\n' +
  '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nid,name\n1';

interface ErrorBody {
  error: { code: string; message: string };
}

describe("a truncated multipart upload", () => {
  let server: ServerProcess;
  let cookie: string;
  // A spool directory a crashed process left behind: the next start removes it.
  const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
  const leftover = join(tmpdir(), `dv-upload-${deadPid}-leftover`);

  before(async () => {
    mkdirSync(join(leftover, "upload"), { recursive: true });
    server = await startServerProcess();
    cookie = await adminCookie(server.url);
  });
  after(async () => {
    await server.stop();
    rmSync(leftover, { recursive: true, force: true });
  });

  const send = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=XYZ", ...headers },
      body: TRUNCATED,
    });

  for (const [path, language, expected] of [
    ["/validate", "sv", /tog slut för tidigt/],
    ["/en/validate", "en", /ended too early/],
  ] as const) {
    test(`to ${path} gets a 400 that says so (${language}), and the server stays up`, async () => {
      const response = await send(path);
      assert.equal(response.status, 400);
      const body = (await response.json()) as ErrorBody;
      assert.equal(body.error.code, "BAD_REQUEST");
      assert.match(body.error.message, expected);
      assert.ok(server.alive(), "the server process is still running");
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
      assert.deepEqual(await server.spoolDirectories(), [], "no dv-upload-* directory is left");
    });
  }

  test("to the publish form, signed in, gets a 400 too, and the server stays up", async () => {
    const response = await send("/organizations/0580/publish", { Cookie: cookie, Origin: server.url });
    assert.equal(response.status, 400);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error.code, "BAD_REQUEST");
    assert.match(body.error.message, /tog slut för tidigt/);
    assert.ok(server.alive());
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.deepEqual(await server.spoolDirectories(), []);
  });

  test("a browser gets the same refusal as a page, and ten in a row do no harm", async () => {
    for (let i = 0; i < 10; i++) {
      const response = await send("/validate", { Accept: "text/html" });
      assert.equal(response.status, 400);
      assert.match(await response.text(), /tog slut för tidigt/);
    }
    assert.ok(server.alive());
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.deepEqual(await server.spoolDirectories(), []);
  });

  test("a dead process's spool directory was removed at start", () => {
    assert.ok(!existsSync(leftover));
  });
});
