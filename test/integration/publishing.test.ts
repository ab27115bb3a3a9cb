import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { isAppError } from "../../src/core/index.ts";
import type { PublishingService, PublishRequest } from "../../src/publishing/index.ts";
import { createSeededDatabase, type TestDatabase } from "../support/platform.ts";
import { badplatserCsv, publishingService, temporaryFileStore } from "../support/publishing.ts";

const AUDIT = { actor: "user:test", fromAddress: "127.0.0.1" };

function request(org: string, csv: string, extra: Partial<PublishRequest> = {}): PublishRequest {
  return {
    organizationCode: org,
    slug: "badplatser",
    body: [Buffer.from(csv, "utf8")],
    fileName: "badplatser.csv",
    mode: "all",
    origin: "upload",
    audit: AUDIT,
    ...extra,
  };
}

interface Row {
  organization_code: string;
  record_id: string;
  kommun_code: string | null;
  lan_code: string | null;
  latitude: number;
  data: Record<string, unknown>;
  release_id: string;
  source_row: number;
}

describe("publishing a file", () => {
  let database: TestDatabase;
  let store: Awaited<ReturnType<typeof temporaryFileStore>>;
  let publishing: PublishingService;
  const rowsOf = (org: string) =>
    database.db.query<Row>(
      "SELECT * FROM dataset_rows WHERE spec_slug = 'badplatser' AND organization_code = $1 ORDER BY record_id",
      [org],
    );

  before(async () => {
    database = await createSeededDatabase();
    store = await temporaryFileStore();
    publishing = publishingService(database.db, store.files);
  });
  after(async () => {
    await database.drop();
    await store.remove();
  });

  test("a valid file becomes the current release and its rows the organization's part of the national dataset", async () => {
    const csv = badplatserCsv([
      { id: "B1", name: "Stångebrobadet" },
      { id: "B2", name: "Tinnerö", lat: "58,3601", lon: "15,5987" },
    ]);
    const release = await publishing.publish(request("0580", csv));
    assert.equal(release.status, "published");
    assert.deepEqual(release.rows, { total: 2, published: 2 });
    assert.deepEqual(release.changes, { added: 2, changed: 0, removed: 0 });
    assert.equal(release.file.bytes, Buffer.byteLength(csv));
    const rows = await rowsOf("0580");
    assert.deepEqual(
      rows.map((r) => [r.record_id, r.kommun_code, r.lan_code, r.source_row, r.release_id]),
      [
        ["B1", "0580", "05", 2, release.id],
        ["B2", "0580", "05", 3, release.id],
      ],
    );
    // Typed values, decimal comma read as the publisher meant it.
    assert.equal(rows[1]?.latitude, 58.3601);
    assert.deepEqual(
      { toilet: rows[0]?.data.toilet, eu_bath: rows[0]?.data.eu_bath, name: rows[0]?.data.name },
      { toilet: true, eu_bath: false, name: "Stångebrobadet" },
    );
    const publication = await publishing.getPublication("0580", "badplatser");
    assert.equal(publication.currentRelease?.id, release.id);
    const original = await publishing.releaseFile(release.id, undefined);
    const chunks: Uint8Array[] = [];
    for await (const chunk of original.body) chunks.push(chunk);
    assert.equal(Buffer.concat(chunks).toString("utf8"), csv);
  });

  test("a new release replaces only that organization's rows and records what changed", async () => {
    await publishing.publish(
      request(
        "0581",
        badplatserCsv([{ id: "N1", name: "Norrköpingsbadet", source: "0581", lat: "58,59", lon: "16,18" }]),
      ),
    );
    const release = await publishing.publish(
      request(
        "0580",
        badplatserCsv([
          { id: "B1", name: "Stångebrobadet", description: "Ny beskrivning" },
          { id: "B3", name: "Sättunabadet", lat: "58,43", lon: "15,73" },
        ]),
      ),
    );
    assert.deepEqual(release.changes, { added: 1, changed: 1, removed: 1 });
    assert.deepEqual(
      (await rowsOf("0580")).map((r) => r.record_id),
      ["B1", "B3"],
    );
    assert.deepEqual(
      (await rowsOf("0581")).map((r) => r.record_id),
      ["N1"],
    );
  });

  test("a broken file is kept with its report but never replaces the current release", async () => {
    const before = await publishing.getPublication("0580", "badplatser");
    const rowsBefore = await rowsOf("0580");
    const broken = badplatserCsv([{ id: "B9", name: "Trasig", lat: "inte ett tal" }]);
    const release = await publishing.publish(request("0580", broken));
    assert.equal(release.status, "rejected");
    assert.equal(release.changes, null);
    assert.ok(release.errors > 0);
    const report = await publishing.getReleaseReport(release.id);
    assert.equal(report.valid, false);
    assert.ok(report.errors.some((issue) => issue.fieldName === "latitude" && issue.rowNumber === 2));
    const after = await publishing.getPublication("0580", "badplatser");
    assert.equal(after.currentRelease?.id, before.currentRelease?.id);
    assert.equal(after.latestRelease?.id, release.id);
    assert.deepEqual(await rowsOf("0580"), rowsBefore);
  });

  test("the publisher may choose to publish only the valid rows", async () => {
    const csv = badplatserCsv([
      { id: "P1", name: "Giltig" },
      { id: "P2", name: "Ogiltig", lat: "inte ett tal" },
      { id: "P1", name: "Dubblett" },
      { id: "P4", name: "Annan kommuns rad", source: "0581" },
    ]);
    const refused = await publishing.publish(request("0580", csv));
    assert.equal(refused.status, "rejected");
    // P1 replaces both of 0580's rows: a removal the publisher confirms.
    const release = await publishing.publish(
      request("0580", csv, { mode: "valid-rows", confirmRemovals: true }),
    );
    assert.equal(release.status, "partial");
    assert.deepEqual(release.rows, { total: 4, published: 1 });
    assert.deepEqual(
      (await rowsOf("0580")).map((r) => [r.record_id, r.data.name]),
      [["P1", "Giltig"]],
    );
  });

  test("a file with a missing required column cannot be published even partially", async () => {
    const csv = "source;id;name\r\n0580;X1;Utan läge\r\n";
    const release = await publishing.publish(request("0580", csv, { mode: "valid-rows" }));
    assert.equal(release.status, "rejected");
  });

  test("two concurrent publishes of one publication: one succeeds, the other gets CONFLICT", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* slow(): AsyncGenerator<Uint8Array> {
      yield Buffer.from(badplatserCsv([{ id: "C1", name: "Först" }]));
      await gate;
    }
    const first = publishing.publish(request("0580", "", { body: slow(), confirmRemovals: true }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = publishing.publish(request("0580", badplatserCsv([{ id: "C2", name: "Andra" }])));
    await assert.rejects(second, (error) => isAppError(error) && error.code === "CONFLICT");
    release();
    assert.equal((await first).status, "published");
    assert.deepEqual(
      (await rowsOf("0580")).map((r) => r.record_id),
      ["C1"],
    );
  });

  test("an upload that breaks off midway leaves no release, no file and no lease behind", async () => {
    const releasesBefore = await publishing.listReleases("0580", "badplatser");
    async function* broken(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("source;id;name\r\n0580;");
      await Promise.resolve();
      throw new Error("connection reset");
    }
    await assert.rejects(publishing.publish(request("0580", "", { body: broken() })), /connection reset/);
    assert.equal((await publishing.listReleases("0580", "badplatser")).length, releasesBefore.length);
    const next = await publishing.publish(
      request("0580", badplatserCsv([{ id: "D1", name: "Efteråt" }]), { confirmRemovals: true }),
    );
    assert.equal(next.status, "published");
  });

  test("a region's rows are placed in the municipality their point lies in", async () => {
    const csv = badplatserCsv([
      { id: "R1", name: "Regionens bad", source: "05", lat: "58,5906", lon: "16,1826" },
    ]);
    const release = await publishing.publish(request("05", csv));
    assert.equal(release.status, "published");
    const [row] = await rowsOf("05");
    assert.deepEqual([row?.kommun_code, row?.lan_code], ["0581", "05"]);
  });

  test("publishing every change leaves an audit row with who and from where", async () => {
    const [audit] = await database.db.query<{
      actor: string;
      action: string;
      object: string;
      from_address: string;
    }>(
      "SELECT actor, action, object, from_address FROM audit_log WHERE action = 'publication.release' ORDER BY id DESC LIMIT 1",
    );
    assert.deepEqual(audit, {
      actor: "user:test",
      action: "publication.release",
      object: "05/badplatser",
      from_address: "127.0.0.1",
    });
  });
});
