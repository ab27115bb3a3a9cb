// Issue 22, item 3: the upload forms called request.formData() on any body that was not
// multipart, with no limit: five chunked urlencoded bodies of 450 MB took the server from 385 MB
// to 4 GB. Every body is now bounded while it streams; the server runs as a child process here so
// that its own memory is what is measured.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { postChunked, type ChunkedOutcome } from "../support/chunked.ts";
import { adminCookie, startServerProcess, type ServerProcess } from "../support/server-process.ts";

const MAX_BODY_BYTES = 1024 * 1024;
const SENT_BYTES = 96 * 1024 * 1024;

describe("a chunked body larger than MAX_BODY_BYTES", () => {
  let server: ServerProcess;
  let cookie: string;
  before(async () => {
    server = await startServerProcess({ MAX_BODY_BYTES: String(MAX_BODY_BYTES) });
    cookie = await adminCookie(server.url);
  });
  after(async () => {
    await server.stop();
  });

  /** The answer, or, when the connection closed before it could be read, the server's log of it. */
  const statusOf = (outcome: ChunkedOutcome, path: string): number | null =>
    outcome.status ??
    (server.logs.findLast((line) => line.path === path && typeof line.status === "number")?.status as
      number | undefined) ??
    null;

  test("is refused with 413 on the upload forms and a JSON route, and the server's memory stays flat", async (t) => {
    const baseline = server.rssBytes();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, server.rssBytes())), 20);
    const urlencoded = { "Content-Type": "application/x-www-form-urlencoded" };
    const cases = [
      ["/validate", urlencoded],
      ["/en/validate", urlencoded],
      ["/organizations/0580/publish", { ...urlencoded, Cookie: cookie, Origin: server.url }],
      ["/api/v1/session", { "Content-Type": "application/json" }],
    ] as const;
    try {
      for (const [path, headers] of cases) {
        const outcome = await postChunked(server.url, path, {
          headers: { ...headers },
          first: Buffer.from(path.startsWith("/api/") ? '{"email": "' : "spec=badplatser&x="),
          chunk: Buffer.alloc(64 * 1024, "a"),
          totalBytes: SENT_BYTES,
        });
        assert.equal(statusOf(outcome, path), 413, `${path}: ${outcome.body}`);
        assert.ok(outcome.sent < SENT_BYTES, `${path}: refused before the whole body was sent`);
        if (outcome.status !== null) assert.match(outcome.body, /för stor|too large/);
      }
    } finally {
      clearInterval(sampler);
    }
    const grewMb = (peak - baseline) / 1e6;
    t.diagnostic(`server RSS ${(baseline / 1e6).toFixed(0)} MB, peak growth ${grewMb.toFixed(1)} MB`);
    assert.ok(grewMb < 40, `the server grew by ${grewMb.toFixed(0)} MB for ${cases.length} × 96 MB bodies`);
    assert.ok(server.alive());
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });
});
