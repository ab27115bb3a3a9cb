// Nothing lost by accident, through the API: a release that would remove all or most of an
// organization's rows is held until confirmed; a header-only file is never valid data; rollback
// restores the earlier rows exactly; diffs between releases; who published what, and how.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AccountsService } from "../../src/accounts/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

interface ReleaseBody {
  id: string;
  status: string;
  origin: string;
  publishedBy: string | null;
  restoredFrom: string | null;
  file: { name: string | null };
  rows: { total: number; published: number };
  changes: { added: number; changed: number; removed: number } | null;
}
interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: {
      release?: string;
      current?: number;
      wouldRemove?: number;
      wouldAdd?: number;
      removedRows?: { recordId: string; name: string | null }[];
      confirm?: { method: string; url: string; orAgainWith: string };
    };
  };
}
interface DataItem {
  id: string;
  provenance: { release: string; sourceRow: number };
}
interface DiffBody {
  counts: { added: number; changed: number; removed: number };
  added: { id: string; name: string | null }[];
  changed: { id: string; name: string | null; fields: { field: string; from: unknown; to: unknown }[] }[];
  removed: { id: string; name: string | null }[];
}

const FIVE = badplatserCsv([
  { id: "B1", name: "Stångebrobadet" },
  { id: "B2", name: "Tinnerö", lat: "58,3601", lon: "15,5987" },
  { id: "B3", name: "Sättunabadet", lat: "58,43", lon: "15,73" },
  { id: "B4", name: "Ekängen" },
  { id: "B5", name: "Glyttinge" },
]);
// The same five, with one name changed: nothing removed.
const FIVE_RENAMED = FIVE.replace("Tinnerö", "Tinnerö friluftsbad");
// Keeps B1 and adds B6: four of five rows go.
const TWO = badplatserCsv([
  { id: "B1", name: "Stångebrobadet" },
  { id: "B6", name: "Nytt bad" },
]);

describe("the removal guard, rollback and diffs", () => {
  let platform: TestPlatform;
  let template: string;
  const tokens: Record<string, string> = {};
  const base = () => `${platform.url}/api/v1`;
  const publicationUrl = (org = "0580") => `${base()}/organizations/${org}/publications/badplatser`;

  before(async () => {
    platform = await startTestPlatform();
    const accounts = new AccountsService(platform.db);
    for (const org of ["0580", "1280"]) {
      const user = await accounts.createUser({
        email: `publicerare-${org}@kommun.se`,
        displayName: `Publicerare ${org}`,
        password: "korrekt häst batteri",
        roles: [{ role: "publisher", organizationCode: org as never }],
      });
      const created = await accounts.createApiToken({
        userId: user.id,
        organizationCode: org,
        scope: "publish",
        name: "publicering",
      });
      tokens[org] = created.token;
    }
    const spec = (await (await fetch(`${base()}/specifications/badplatser`)).json()) as { version: string };
    template = await (await fetch(`${base()}/specifications/badplatser/${spec.version}/template.csv`)).text();
  });
  after(() => platform.close());

  const publish = (csv: string, query = "", org = "0580") =>
    fetch(`${publicationUrl(org)}${query}`, {
      method: "POST",
      headers: { "Content-Type": "text/csv", Authorization: `Bearer ${tokens[org]}` },
      body: csv,
    });
  const post = (url: string, org = "0580") =>
    fetch(url, { method: "POST", headers: { Authorization: `Bearer ${tokens[org]}` } });
  const data = async () => {
    const body = (await (await fetch(`${base()}/data/badplatser?kommun=0580`)).json()) as {
      items: DataItem[];
    };
    return body.items;
  };
  const withoutRelease = (items: DataItem[]) =>
    items.map((item) => ({ ...item, provenance: { ...item.provenance, release: "" } }));
  const current = async () =>
    ((await (await fetch(publicationUrl())).json()) as { currentRelease: ReleaseBody | null }).currentRelease;

  let first: ReleaseBody;
  let renamed: ReleaseBody;
  let rowsOfFirst: DataItem[];
  let heldTemplate: string;
  let heldTwo: string;

  test("the template itself has no rows: published over 0580's five rows it is held, and nothing changes", async () => {
    assert.doesNotMatch(template.trim(), /\n/, "the template is a header line only");
    const published = await publish(FIVE, "?filename=badplatser.csv");
    assert.equal(published.status, 201);
    first = (await published.json()) as ReleaseBody;
    rowsOfFirst = await data();
    assert.equal(rowsOfFirst.length, 5);

    const response = await publish(template, "?filename=mall.csv");
    assert.equal(response.status, 409);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error.code, "CONFIRMATION_REQUIRED");
    assert.match(body.error.message, /inga rader/);
    const details = body.error.details;
    assert.deepEqual([details?.current, details?.wouldRemove, details?.wouldAdd], [5, 5, 0]);
    assert.deepEqual(
      details?.removedRows?.map((r) => [r.recordId, r.name]),
      [
        ["B1", "Stångebrobadet"],
        ["B2", "Tinnerö"],
        ["B3", "Sättunabadet"],
        ["B4", "Ekängen"],
        ["B5", "Glyttinge"],
      ],
    );
    const { confirm, release } = details;
    assert.ok(confirm !== undefined && release !== undefined);
    assert.equal(confirm.url, `${publicationUrl()}/releases/${release}/confirm`);
    assert.equal(confirm.orAgainWith, `${publicationUrl()}?confirm=removals`);
    heldTemplate = release;
    assert.deepEqual(await data(), rowsOfFirst, "the national dataset is unchanged");
    assert.equal((await current())?.id, first.id);
  });

  test("a file that removes more than half is held too; one that removes nothing goes through", async () => {
    const response = await publish(TWO);
    assert.equal(response.status, 409);
    const body = (await response.json()) as ErrorBody;
    assert.deepEqual([body.error.details?.wouldRemove, body.error.details?.wouldAdd], [4, 1]);
    heldTwo = body.error.details?.release ?? "";
    assert.equal((await data()).length, 5);

    const ok = await publish(FIVE_RENAMED);
    assert.equal(ok.status, 201);
    renamed = (await ok.json()) as ReleaseBody;
    assert.deepEqual(renamed.changes, { added: 0, changed: 1, removed: 0 });
  });

  test("confirming a held release after another became current is refused with 409, and nothing changes", async () => {
    const before = await data();
    const response = await post(`${publicationUrl()}/releases/${heldTemplate}/confirm`);
    assert.equal(response.status, 409);
    const body = (await response.json()) as ErrorBody;
    assert.equal(body.error.code, "CONFLICT");
    assert.match(body.error.message, /annan version har blivit gällande/);
    assert.deepEqual(await data(), before);
    assert.equal((await current())?.id, renamed.id);
  });

  test("confirming publishes the held file without a new upload: the header-only file withdraws", async () => {
    const held = (await (await publish(template, "?filename=mall.csv")).json()) as ErrorBody;
    const id = held.error.details?.release ?? "";
    const confirmed = await post(`${publicationUrl()}/releases/${id}/confirm`);
    assert.equal(confirmed.status, 201);
    const release = (await confirmed.json()) as ReleaseBody;
    assert.deepEqual([release.id, release.status], [id, "withdrawn"]);
    assert.deepEqual(release.changes, { added: 0, changed: 0, removed: 5 });
    assert.deepEqual(await data(), []);
    assert.equal((await current())?.id, id);
    const again = await post(`${publicationUrl()}/releases/${id}/confirm`);
    assert.equal(again.status, 409, "a release is confirmed once");
  });

  test("with nothing to withdraw, a header-only file is refused with the finding that it has no rows", async () => {
    const response = await publish(template);
    assert.equal(response.status, 422);
    const body = (await response.json()) as { error: { code: string; details: { release: { id: string } } } };
    assert.equal(body.error.code, "DATA_INVALID");
    const report = (await (
      await fetch(`${base()}/releases/${body.error.details.release.id}/report`, {
        headers: { Authorization: `Bearer ${tokens["0580"]}` },
      })
    ).json()) as { valid: boolean; errors: { message: { sv: string } }[] };
    assert.equal(report.valid, false);
    assert.match(report.errors[0]?.message.sv ?? "", /^Filen innehåller inga rader/);
  });

  test("rollback makes the first release current again and restores its rows exactly", async () => {
    const response = await post(`${publicationUrl()}/releases/${first.id}/restore`);
    assert.equal(response.status, 201);
    const restored = (await response.json()) as ReleaseBody;
    assert.deepEqual(
      [restored.status, restored.origin, restored.restoredFrom, restored.file.name],
      ["published", "restore", first.id, "badplatser.csv"],
    );
    const rows = await data();
    assert.deepEqual(withoutRelease(rows), withoutRelease(rowsOfFirst));
    assert.ok(rows.every((row) => row.provenance.release === restored.id));
    assert.equal((await current())?.id, restored.id);
    const [audit] = await platform.db.query<{ actor: string; details: { restoredFrom: string } }>(
      "SELECT actor, details FROM audit_log WHERE action = 'publication.restore' ORDER BY id DESC LIMIT 1",
    );
    assert.equal(audit?.details.restoredFrom, first.id);
    assert.match(audit.actor, /^token:/);
  });

  test("a rollback to another organization's release is 403", async () => {
    // Malmö's publisher, on its own publication, naming Linköping's release.
    await publish(
      badplatserCsv([{ id: "M1", name: "Ribersborg", source: "1280", lat: "55,6", lon: "12,97" }]),
      "",
      "1280",
    );
    const across = await post(`${publicationUrl("1280")}/releases/${first.id}/restore`, "1280");
    assert.equal(across.status, 403);
    assert.equal(((await across.json()) as ErrorBody).error.code, "FORBIDDEN");
    // And on Linköping's publication, with Malmö's token.
    const foreign = await post(`${publicationUrl()}/releases/${first.id}/restore`, "1280");
    assert.equal(foreign.status, 403);
    assert.equal((await data()).length, 5);
  });

  test("diff: rows added, changed with the changed fields, and removed", async () => {
    const rename = (await (
      await fetch(`${base()}/releases/${renamed.id}/diff?against=${first.id}`)
    ).json()) as DiffBody;
    assert.deepEqual(rename.counts, { added: 0, changed: 1, removed: 0 });
    assert.deepEqual(rename.changed, [
      {
        id: "0580:B2",
        name: "Tinnerö friluftsbad",
        fields: [{ field: "name", from: "Tinnerö", to: "Tinnerö friluftsbad" }],
      },
    ]);
    // A held release is the organization's own: the public may not compare with it.
    const hidden = await fetch(`${base()}/releases/${heldTwo}/diff?against=${renamed.id}`);
    assert.equal(hidden.status, 401);
    const two = (await (
      await fetch(`${base()}/releases/${heldTwo}/diff?against=${renamed.id}&limit=2`, {
        headers: { Authorization: `Bearer ${tokens["0580"]}` },
      })
    ).json()) as DiffBody;
    assert.deepEqual(two.counts, { added: 1, changed: 0, removed: 4 });
    assert.deepEqual(two.added, [{ id: "0580:B6", name: "Nytt bad" }]);
    assert.deepEqual(
      two.removed.map((r) => [r.id, r.name]),
      [
        ["0580:B2", "Tinnerö friluftsbad"],
        ["0580:B3", "Sättunabadet"],
      ],
      "the first two by id",
    );
    // A release from before release_rows existed is indexed from its stored file, to the same answer.
    await platform.db.query("DELETE FROM release_rows WHERE release_id = $1", [first.id]);
    await platform.db.query("UPDATE releases SET rows_indexed = false WHERE id = $1", [first.id]);
    const reindexed = (await (
      await fetch(`${base()}/releases/${renamed.id}/diff?against=${first.id}`)
    ).json()) as DiffBody;
    assert.deepEqual(reindexed, rename);
    const elsewhere = await fetch(
      `${base()}/releases/${renamed.id}/diff?against=00000000-0000-4000-8000-000000000000`,
    );
    assert.equal(elsewhere.status, 404);
  });

  test("confirm=removals publishes up front; the history names the file, who published and how", async () => {
    const response = await publish(TWO, "?confirm=removals&filename=tva.csv");
    assert.equal(response.status, 201);
    const release = (await response.json()) as ReleaseBody;
    assert.deepEqual(release.changes, { added: 1, changed: 0, removed: 4 });
    const history = (await (
      await fetch(publicationUrl(), { headers: { Authorization: `Bearer ${tokens["0580"]}` } })
    ).json()) as { releases: ReleaseBody[] };
    const newest = history.releases[0];
    assert.deepEqual(
      [newest?.file.name, newest?.publishedBy, newest?.origin],
      ["tva.csv", "Publicerare 0580", "upload"],
    );
    assert.ok(history.releases.some((r) => r.origin === "restore" && r.restoredFrom === first.id));
    assert.ok(history.releases.some((r) => r.status === "withdrawn"));
    const publicView = (await (await fetch(publicationUrl())).json()) as { releases: ReleaseBody[] };
    assert.ok(publicView.releases.every((r) => r.publishedBy === null && r.status !== "held"));
  });
});
