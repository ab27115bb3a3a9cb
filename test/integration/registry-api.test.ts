import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AccountsService } from "../../src/accounts/index.ts";
import type { LanKod } from "../../src/core/index.ts";
import { RegistryService } from "../../src/registry/index.ts";
import { publisherToken, TEST_PASSWORD } from "../support/accounts.ts";
import { getJson } from "../support/http.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

interface Org {
  code: string;
  name: string;
  shortName: string;
  types: string[];
  lanCode: string;
  kommunKod: string | null;
  organizationNumber: string | null;
  website: string | null;
  contactEmail: string | null;
}
interface List<T> {
  items: T[];
  total: number;
  next: string | null;
}

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(async () => {
  await platform.close();
});

const list = (query: string) => getJson<List<Org>>(platform.url, `/api/v1/organizations${query}`);

describe("the organization list", () => {
  test("holds 310 distinct organizations", async () => {
    const { status, body } = await list("");
    assert.equal(status, 200);
    assert.equal(body.total, 310);
    assert.equal(new Set(body.items.map((o) => o.code)).size, 310);
    assert.equal(body.next, null);
  });

  test("type=kommun gives the 290 municipalities", async () => {
    const { body } = await list("?type=kommun");
    assert.equal(body.total, 290);
    assert.ok(body.items.every((o) => /^\d{4}$/.test(o.code) && o.kommunKod === o.code));
  });

  test("type=region gives 21 regions, Region Gotland (0980) among them", async () => {
    const { body } = await list("?type=region");
    assert.equal(body.total, 21);
    const gotland = body.items.find((o) => o.code === "0980");
    assert.deepEqual(gotland?.types, ["kommun", "region"]);
  });

  test("lan=14&type=kommun gives Västra Götaland's 49 municipalities", async () => {
    const { body } = await list("?lan=14&type=kommun");
    assert.equal(body.total, 49);
    assert.ok(body.items.every((o) => o.lanCode === "14"));
  });

  test("name search ignores diacritics and case", async () => {
    const linkoping = await list("?q=linkoping");
    assert.deepEqual(
      linkoping.body.items.map((o) => o.code),
      ["0580"],
    );
    const malmo = await list("?q=MALMO");
    assert.deepEqual(
      malmo.body.items.map((o) => o.name),
      ["Malmö stad"],
    );
    const orebro = await list("?q=orebro");
    assert.ok(orebro.body.items.some((o) => o.code === "1880"));
    assert.ok(orebro.body.items.some((o) => o.code === "18" && o.types.includes("region")));
  });

  test("search treats LIKE wildcards literally", async () => {
    const { body } = await list("?q=%25");
    assert.equal(body.total, 0);
  });

  test("a code prefix finds the organizations whose code starts with it", async () => {
    const { body } = await list("?q=058");
    assert.deepEqual(
      body.items.map((o) => o.code),
      ["0580", "0581", "0582", "0583", "0584", "0586"],
    );
  });

  test("pages follow each other by cursor without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const query: string = cursor === "" ? "?limit=100" : `?limit=100&cursor=${cursor}`;
      const { body } = await list(query);
      assert.equal(body.total, 310);
      seen.push(...body.items.map((o) => o.code));
      cursor = body.next;
      pages++;
    }
    assert.equal(pages, 4);
    assert.equal(seen.length, 310);
    assert.deepEqual(seen, [...seen].sort());
  });
});

describe("one organization", () => {
  test("0580 is Linköpings kommun in county 05", async () => {
    const { status, body } = await getJson<Org>(platform.url, "/api/v1/organizations/0580");
    assert.equal(status, 200);
    assert.equal(body.name, "Linköpings kommun");
    assert.equal(body.lanCode, "05");
    assert.deepEqual(body.types, ["kommun"]);
  });

  test("a region is addressed by its county code", async () => {
    const { body } = await getJson<Org>(platform.url, "/api/v1/organizations/05");
    assert.equal(body.name, "Region Östergötland");
    assert.equal(body.kommunKod, null);
  });

  test("its boundary is a GeoJSON feature; a region's is its county's", async () => {
    const kommun = await fetch(`${platform.url}/api/v1/organizations/0580/boundary`);
    assert.equal(kommun.headers.get("content-type"), "application/geo+json; charset=utf-8");
    const feature = (await kommun.json()) as {
      type: string;
      id: string;
      bbox: number[];
      properties: { name: string };
    };
    assert.equal(feature.type, "Feature");
    assert.equal(feature.id, "0580");
    assert.equal(feature.properties.name, "Linköpings kommun");
    const [west, south, east, north] = feature.bbox as [number, number, number, number];
    assert.ok(
      west < 15.62 && east > 15.62 && south < 58.41 && north > 58.41,
      "Linköping's centre lies in its bbox",
    );
    const region = (await (await fetch(`${platform.url}/api/v1/organizations/05/boundary`)).json()) as {
      id: string;
    };
    assert.equal(region.id, "05");
  });
});

describe("official names, organisationsnummer and websites", () => {
  const org = async (code: string) =>
    (await getJson<Org>(platform.url, `/api/v1/organizations/${code}`)).body;

  test("each organization is named as it styles itself, never by adding an s", async () => {
    const names: Record<string, string> = {
      "0880": "Kalmar kommun",
      "2080": "Falu kommun",
      "2514": "Kalix kommun",
      "0180": "Stockholms stad",
      "1480": "Göteborgs Stad",
      "1280": "Malmö stad",
      "01": "Region Stockholm",
      "14": "Västra Götalandsregionen",
    };
    for (const [code, name] of Object.entries(names)) assert.equal((await org(code)).name, name, code);
    const { body } = await list("?limit=1000");
    // The names a rule ("<name>s kommun") gave before.
    const ruleBuilt = [
      "Faluns",
      "Kalixs",
      "Överkalixs",
      "Kalmars",
      "Orusts",
      "Stockholms",
      "Göteborgs",
      "Gotlands",
    ];
    const found = body.items.filter((o) => ruleBuilt.some((r) => o.name === `${r} kommun`));
    assert.deepEqual(found, []);
  });

  test("Region Gotland is one organization in both roles, with one organisationsnummer", async () => {
    const gotland = await org("0980");
    assert.equal(gotland.name, "Region Gotland");
    assert.deepEqual(gotland.types, ["kommun", "region"]);
    assert.equal(gotland.organizationNumber, "212000-0803");
    const county = await getJson<{ region: Org; kommuner: Org[] }>(platform.url, "/api/v1/lan/09");
    assert.equal(county.body.region.name, "Region Gotland");
    assert.equal(county.body.kommuner[0]?.organizationNumber, "212000-0803");
  });

  test("the API gives the organisationsnummer and website, and null where no source gives them", async () => {
    const stockholm = await org("0180");
    assert.equal(stockholm.organizationNumber, "212000-0142");
    assert.equal(stockholm.website, "https://start.stockholm");
    assert.equal(stockholm.contactEmail, null);
    assert.equal((await org("01")).organizationNumber, "232100-0016");
    assert.equal((await org("04")).organizationNumber, null);
    const { body } = await list("?limit=1000");
    assert.equal(body.items.filter((o) => o.organizationNumber !== null).length, 308);
  });

  test("the OpenAPI document describes them", async () => {
    const { body } = await getJson<{ components: { schemas: Record<string, { properties: object }> } }>(
      platform.url,
      "/openapi.json",
    );
    const properties = Object.keys(body.components.schemas.Organization?.properties ?? {});
    for (const name of ["organizationNumber", "website", "contactEmail"])
      assert.ok(properties.includes(name), name);
  });
});

describe("the organization's own contact", () => {
  let token: string;
  let stranger: string;
  before(async () => {
    token = await publisherToken(platform.db, "2080");
    stranger = await publisherToken(platform.db, "0880");
  });
  const put = (code: string, body: unknown, bearer?: string) =>
    fetch(`${platform.url}/api/v1/organizations/${code}/contact`, {
      method: "PUT",
      headers: {
        "Content-Type": "application/json",
        ...(bearer === undefined ? {} : { Authorization: `Bearer ${bearer}` }),
      },
      body: JSON.stringify(body),
    });

  test("its publisher sets the contact mailbox and website; the change is audited", async () => {
    const response = await put(
      "2080",
      { email: " oppnadata@falun.se ", website: "https://www.falun.se/oppna-data" },
      token,
    );
    assert.equal(response.status, 200);
    const body = (await response.json()) as Org;
    assert.equal(body.contactEmail, "oppnadata@falun.se");
    assert.equal(body.website, "https://www.falun.se/oppna-data");
    assert.equal(body.name, "Falu kommun");
    const [audit] = await platform.db.query<{ action: string; object: string }>(
      "SELECT action, object FROM audit_log WHERE action = 'organization.contact'",
    );
    assert.deepEqual(audit, { action: "organization.contact", object: "2080" });
  });

  test("nobody else may, and nothing changes", async () => {
    assert.equal((await put("2080", { email: "x@y.se", website: null })).status, 401);
    const forbidden = await put("2080", { email: "x@y.se", website: null }, stranger);
    assert.equal(forbidden.status, 403);
    assert.equal(((await forbidden.json()) as { error: { code: string } }).error.code, "FORBIDDEN");
    const { body } = await getJson<Org>(platform.url, "/api/v1/organizations/2080");
    assert.equal(body.contactEmail, "oppnadata@falun.se");
  });

  test("a wrong address is a 400 that names the field, and nothing changes", async () => {
    const response = await put("2080", { email: "oppnadata-at-falun", website: "ftp://falun.se" }, token);
    assert.equal(response.status, 400);
    const body = (await response.json()) as { error: { code: string; message: string; details: unknown } };
    assert.equal(body.error.code, "BAD_REQUEST");
    assert.match(body.error.message, /email, website/);
    const missing = await put("2080", { website: null }, token);
    assert.equal(missing.status, 400);
    assert.equal(
      (await getJson<Org>(platform.url, "/api/v1/organizations/2080")).body.contactEmail,
      "oppnadata@falun.se",
    );
  });
});

describe("RegistryService.updateContact", () => {
  test("an administrator may change any organization's contact; a county coordinator may not", async () => {
    const accounts = new AccountsService(platform.db);
    const registry = new RegistryService(platform.db);
    const admin = await accounts.createUser({
      email: "admin-registry@example.se",
      displayName: "Admin",
      password: TEST_PASSWORD,
      roles: [{ role: "administrator" }],
    });
    const coordinator = await accounts.createUser({
      email: "lan-registry@example.se",
      displayName: "Samordnare",
      password: TEST_PASSWORD,
      roles: [{ role: "county-coordinator", lanCode: "08" as LanKod }],
    });
    await assert.rejects(
      registry.updateContact("0880", { email: "oppnadata@kalmar.se", website: null }, coordinator),
      (error: { code?: string }) => error.code === "FORBIDDEN",
    );
    assert.equal((await registry.getOrganization("0880")).contactEmail, null);
    const kalmar = await registry.updateContact(
      "0880",
      { email: "oppnadata@kalmar.se", website: "https://kalmar.se" },
      admin,
    );
    assert.equal(kalmar.contactEmail, "oppnadata@kalmar.se");
    assert.equal(kalmar.name, "Kalmar kommun");
    await assert.rejects(
      registry.updateContact("9999", { email: null, website: null }, admin),
      (error: { code?: string }) => error.code === "NOT_FOUND",
    );
  });
});

describe("counties", () => {
  test("there are 21", async () => {
    const { body } = await getJson<List<{ code: string; kommunCount: number }>>(platform.url, "/api/v1/lan");
    assert.equal(body.total, 21);
    assert.equal(body.items.length, 21);
    assert.equal(
      body.items.reduce((sum, l) => sum + l.kommunCount, 0),
      290,
    );
  });

  test("a county lists its region and municipalities", async () => {
    const { body } = await getJson<{ name: string; region: Org; kommuner: Org[] }>(
      platform.url,
      "/api/v1/lan/09",
    );
    assert.equal(body.name, "Gotlands län");
    assert.equal(body.region.code, "0980");
    assert.deepEqual(
      body.kommuner.map((k) => k.code),
      ["0980"],
    );
  });

  test("every boundary comes as one FeatureCollection", async () => {
    const kommuner = await getJson<{ features: { id: string }[] }>(platform.url, "/api/v1/boundaries/kommun");
    assert.equal(kommuner.body.features.length, 290);
    const lan = await getJson<{ features: { id: string }[] }>(platform.url, "/api/v1/boundaries/lan");
    assert.equal(lan.body.features.length, 21);
  });
});
