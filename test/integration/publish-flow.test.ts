import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AccountsService } from "../../src/accounts/index.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";
import { badplatserCsv } from "../support/publishing.ts";

interface DataPage {
  items: { id: string; organization: string; kommun: string; properties: Record<string, unknown> }[];
  total: number;
}

describe("publishing the badplatser example for 0580 makes it national data", () => {
  let platform: TestPlatform;
  let token: string;
  let exampleRows: number;

  before(async () => {
    platform = await startTestPlatform();
    const accounts = new AccountsService(platform.db);
    const user = await accounts.createUser({
      email: "publicerare@linkoping.se",
      displayName: "Publicerare Linköping",
      password: "korrekt häst batteri",
      roles: [{ role: "publisher", organizationCode: "0580" as never }],
    });
    token = (
      await accounts.createApiToken({
        userId: user.id,
        organizationCode: "0580",
        scope: "publish",
        name: "ci",
      })
    ).token;
    const example = await fetch(
      `${platform.url}/api/v1/specifications/badplatser/1.0.0/example.csv?org=0580`,
    );
    assert.equal(example.status, 200);
    const csv = await example.text();
    exampleRows = csv.trim().split("\r\n").length - 1;
    const published = await fetch(`${platform.url}/api/v1/organizations/0580/publications/badplatser`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
      body: csv,
    });
    assert.equal(published.status, 201, await published.clone().text());
  });
  after(() => platform.close());

  test("its rows are in /api/v1/data/badplatser?kommun=0580 as JSON, CSV and GeoJSON", async () => {
    const page = (await (
      await fetch(`${platform.url}/api/v1/data/badplatser?kommun=0580`)
    ).json()) as DataPage;
    assert.equal(page.total, exampleRows);
    assert.ok(page.items.every((item) => item.organization === "0580" && item.id.startsWith("0580:")));
    const csv = await (await fetch(`${platform.url}/api/v1/data/badplatser?kommun=0580&format=csv`)).text();
    assert.equal(csv.trim().split("\n").length, exampleRows + 1);
    const geojson = (await (
      await fetch(`${platform.url}/api/v1/data/badplatser?kommun=0580`, {
        headers: { Accept: "application/geo+json" },
      })
    ).json()) as { type: string; features: { geometry: { coordinates: number[] } }[] };
    assert.equal(geojson.type, "FeatureCollection");
    assert.equal(geojson.features.length, exampleRows);
  });

  test("they are in ?lan=05 and in the OGC items", async () => {
    const lan = (await (await fetch(`${platform.url}/api/v1/data/badplatser?lan=05`)).json()) as DataPage;
    assert.equal(lan.total, exampleRows);
    const ogc = (await (await fetch(`${platform.url}/ogc/collections/badplatser/items`)).json()) as {
      numberMatched: number;
      features: unknown[];
    };
    assert.equal(ogc.numberMatched, exampleRows);
  });

  test("a broken file leaves the national dataset unchanged and is visible with its report to the publisher", async () => {
    const before = await fetch(`${platform.url}/api/v1/data/badplatser?kommun=0580`);
    const etag = before.headers.get("etag");
    const broken = await fetch(`${platform.url}/api/v1/organizations/0580/publications/badplatser`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
      body: badplatserCsv([{ id: "X1", name: "Trasig", lat: "norr om kyrkan" }]),
    });
    assert.equal(broken.status, 422);
    const after = await fetch(`${platform.url}/api/v1/data/badplatser?kommun=0580`);
    assert.equal(((await after.json()) as DataPage).total, exampleRows);
    assert.equal(after.headers.get("etag"), etag);
    const publication = (await (
      await fetch(`${platform.url}/api/v1/organizations/0580/publications/badplatser`, {
        headers: { Authorization: `Bearer ${token}` },
      })
    ).json()) as { latestRelease: { status: string; links: { report: string } } };
    assert.equal(publication.latestRelease.status, "rejected");
    const report = (await (
      await fetch(publication.latestRelease.links.report, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { errors: { message: { sv: string } }[] };
    assert.match(report.errors[0]?.message.sv ?? "", /latitude/);
  });

  test("a formula cell is stored as given and comes back neutralised in CSV", async () => {
    const formula = '=HYPERLINK("http://evil.example","Klicka")';
    const csv = `source,id,name,latitude,longitude\r\n0581,F1,"${formula.replace(/"/g, '""')}",58.59,16.18\r\n`;
    const accounts = new AccountsService(platform.db);
    const user = await accounts.createUser({
      email: "publicerare@norrkoping.se",
      displayName: "Publicerare Norrköping",
      password: "korrekt häst batteri",
      roles: [{ role: "publisher", organizationCode: "0581" as never }],
    });
    const own = await accounts.createApiToken({
      userId: user.id,
      organizationCode: "0581",
      scope: "publish",
      name: "t",
    });
    const published = await fetch(`${platform.url}/api/v1/organizations/0581/publications/badplatser`, {
      method: "POST",
      headers: { Authorization: `Bearer ${own.token}` },
      body: csv,
    });
    assert.equal(published.status, 201, await published.clone().text());
    const json = (await (
      await fetch(`${platform.url}/api/v1/data/badplatser?kommun=0581`)
    ).json()) as DataPage;
    assert.equal(json.items[0]?.properties.name, formula);
    const out = await (await fetch(`${platform.url}/api/v1/data/badplatser?kommun=0581&format=csv`)).text();
    assert.ok(out.includes(`"'=HYPERLINK(""http://evil.example"",""Klicka"")"`), out);
  });
});
