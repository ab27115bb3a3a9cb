import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AccountsService } from "../../src/accounts/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

interface ReleaseBody {
  id: string;
  status: string;
  rows: { total: number; published: number };
  links: { report: string; file: string; self: string };
}
interface ErrorBody {
  error: { code: string; message: string; details?: { release?: ReleaseBody } };
}

describe("the publishing API", () => {
  let platform: TestPlatform;
  const tokens: Record<string, string> = {};

  before(async () => {
    platform = await startTestPlatform();
    const accounts = new AccountsService(platform.db);
    for (const org of ["0580", "0581"]) {
      const user = await accounts.createUser({
        email: `publicerare-${org}@kommun.se`,
        displayName: `Publicerare ${org}`,
        password: "korrekt häst batteri",
        roles: [{ role: "publisher", organizationCode: org as never }],
      });
      for (const scope of ["publish", "read"] as const) {
        const created = await accounts.createApiToken({
          userId: user.id,
          organizationCode: org,
          scope,
          name: scope,
        });
        tokens[`${org}:${scope}`] = created.token;
      }
    }
  });
  after(() => platform.close());

  const publish = (org: string, body: string, token: string | undefined, query = "") =>
    fetch(`${platform.url}/api/v1/organizations/${org}/publications/badplatser${query}`, {
      method: "POST",
      headers: {
        "Content-Type": "text/csv",
        ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
      },
      body,
    });

  test("a publish token of the organization publishes; the release links to its report and original", async () => {
    const csv = badplatserCsv([{ id: "B1", name: "Stångebrobadet" }]);
    const response = await publish("0580", csv, tokens["0580:publish"], "?filename=bad.csv");
    assert.equal(response.status, 201);
    const release = (await response.json()) as ReleaseBody;
    assert.equal(release.status, "published");
    assert.equal(response.headers.get("location"), release.links.self);
    const original = await fetch(release.links.file);
    assert.equal(original.status, 200);
    assert.equal(await original.text(), csv);
    assert.match(original.headers.get("content-disposition") ?? "", /bad\.csv/);
    const report = (await (await fetch(release.links.report)).json()) as { valid: boolean };
    assert.equal(report.valid, true);
  });

  test("no token is 401, another organization's token is 403, a read token cannot write", async () => {
    const csv = badplatserCsv([{ id: "X", name: "X", source: "0581" }]);
    assert.equal((await publish("0581", csv, undefined)).status, 401);
    const other = await publish("0581", csv, tokens["0580:publish"]);
    assert.equal(other.status, 403);
    assert.equal(((await other.json()) as ErrorBody).error.code, "FORBIDDEN");
    assert.equal((await publish("0581", csv, tokens["0581:read"])).status, 403);
  });

  test("a broken file is answered 422 with its release, kept, and its report shown only to the organization", async () => {
    const response = await publish(
      "0580",
      badplatserCsv([{ id: "B2", name: "Trasig", lat: "x" }]),
      tokens["0580:publish"],
    );
    assert.equal(response.status, 422);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error.code, "DATA_INVALID");
    assert.match(body.error.message, /publicerades inte/);
    const release = body.error.details?.release;
    assert.ok(release);
    assert.equal(release.status, "rejected");
    assert.equal((await fetch(release.links.report)).status, 401);
    const own = await fetch(release.links.report, {
      headers: { Authorization: `Bearer ${tokens["0580:read"]}` },
    });
    assert.equal(own.status, 200);
    const other = await fetch(release.links.report, {
      headers: { Authorization: `Bearer ${tokens["0581:read"]}` },
    });
    assert.equal(other.status, 403);
    const publication = (await (
      await fetch(`${platform.url}/api/v1/organizations/0580/publications/badplatser`)
    ).json()) as { currentRelease: ReleaseBody; latestRelease: ReleaseBody | null; releases: ReleaseBody[] };
    assert.equal(publication.currentRelease.status, "published");
    assert.equal(publication.latestRelease, null, "the public does not see the rejected file");
    assert.ok(publication.releases.every((r) => r.status !== "rejected"));
  });

  test("mode=valid-rows publishes the valid rows of a file with errors", async () => {
    const csv = badplatserCsv([
      { id: "V1", name: "Giltig" },
      { id: "V2", name: "Ogiltig", lat: "x" },
    ]);
    // V1 replaces B1, the one row 0580 has: a removal of all its rows, confirmed up front.
    const response = await publish("0580", csv, tokens["0580:publish"], "?mode=valid-rows&confirm=removals");
    assert.equal(response.status, 201);
    const release = (await response.json()) as ReleaseBody;
    assert.equal(release.status, "partial");
    assert.deepEqual(release.rows, { total: 2, published: 1 });
  });

  test("a body over the upload limit is refused with 413 and leaves no release", async () => {
    const small = await startTestPlatform({ env: { MAX_UPLOAD_BYTES: "1000" } });
    try {
      const accounts = new AccountsService(small.db);
      const user = await accounts.createUser({
        email: "p@kommun.se",
        displayName: "P",
        password: "korrekt häst batteri",
        roles: [{ role: "publisher", organizationCode: "0580" as never }],
      });
      const { token } = await accounts.createApiToken({
        userId: user.id,
        organizationCode: "0580",
        scope: "publish",
        name: "t",
      });
      const rows = Array.from({ length: 40 }, (_, i) => ({ id: `L${i}`, name: `Badplats ${i}` }));
      const response = await fetch(`${small.url}/api/v1/organizations/0580/publications/badplatser`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}` },
        body: new Blob([badplatserCsv(rows)]).stream(),
        duplex: "half",
      } as RequestInit);
      assert.equal(response.status, 413);
      const [count] = await small.db.query<{ n: number }>("SELECT count(*)::int AS n FROM releases");
      assert.equal(count?.n, 0);
    } finally {
      await small.close();
    }
  });

  test("the organization's publications are listed with their current release", async () => {
    const list = (await (await fetch(`${platform.url}/api/v1/organizations/0580/publications`)).json()) as {
      items: { specification: string; currentRelease: ReleaseBody }[];
    };
    assert.deepEqual(
      list.items.map((p) => [p.specification, p.currentRelease.status]),
      [["badplatser", "partial"]],
    );
  });
});
