import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OrganizationCode } from "../core/index.ts";
import {
  createWebHarness,
  csrfFrom,
  type WebClient,
  type WebHarness,
} from "../../test/support/web-harness.ts";

const GOOD = {
  titleSv: "Bibliotekens öppettider",
  titleEn: "",
  descriptionSv: "Öppettider för kommunens bibliotek.",
  descriptionEn: "",
  keywords: "bibliotek, öppettider",
  theme: "EDUC",
  licence: "CC0",
  accessUrl: "https://www.linkoping.se/bibliotek",
  downloadUrl: "",
  format: "HTML",
  frequency: "WEEKLY",
  landingPage: "",
  contactEmail: "",
};

describe("the guided form for datasets an organization describes itself", () => {
  let web: WebHarness;
  let publisher: WebClient;
  let other: WebClient;
  before(async () => {
    web = await createWebHarness();
    await web.createUser("pia@linkoping.se", [
      { role: "publisher", organizationCode: "0580" as OrganizationCode },
    ]);
    await web.createUser("olle@malmo.se", [
      { role: "publisher", organizationCode: "1280" as OrganizationCode },
    ]);
    publisher = web.client();
    await publisher.signIn("pia@linkoping.se");
    other = web.client();
    await other.signIn("olle@malmo.se");
  });
  after(() => web.close());

  const post = async (client: WebClient, path: string, values: Record<string, string>) => {
    const form = await client.get("/organizations/0580/catalog/described/new");
    return client.post(path, { ...values, csrf: csrfFrom(form) });
  };

  test("the list is public; signed out, the form leads to sign-in", async () => {
    const html = await web.get("/organizations/0580/catalog/described");
    assert.match(html, /Datamängder som Linköpings kommun beskriver själv/);
    assert.match(html, /inte beskrivit någon datamängd/);
    assert.doesNotMatch(html, /Beskriv en datamängd<\/a>/);
    const response = await web.app.request("/organizations/0580/catalog/described/new");
    assert.equal(response.status, 303);
    assert.match(response.headers.get("location") ?? "", /^\/sign-in\?next=/);
  });

  test("a publisher of another organization is refused", async () => {
    const response = await other.request("/organizations/0580/catalog/described/new");
    assert.equal(response.status, 403);
  });

  test("a form that needs fixing comes back with each problem beside its field and nothing lost", async () => {
    const response = await post(publisher, "/organizations/0580/catalog/described/new", {
      ...GOOD,
      titleSv: "",
      accessUrl: "www.linkoping.se",
    });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /<a href="#described-title">Ange en titel på svenska.<\/a>/);
    assert.match(html, /<a href="#described-accessUrl">Adressen ska börja med https:\/\//);
    assert.match(html, /value="www.linkoping.se"/);
    assert.match(html, /Öppettider för kommunens bibliotek.<\/textarea>/);
    assert.equal((await web.described.list("0580")).length, 0);
  });

  test("a good form is saved, the list says it is in the catalog, and it can be changed and removed", async () => {
    const response = await post(publisher, "/organizations/0580/catalog/described/new", GOOD);
    assert.equal(response.status, 303);
    const location = response.headers.get("location") ?? "";
    assert.match(location, /^\/organizations\/0580\/catalog\/described\?saved=\d+$/);
    const list = await publisher.get(location);
    assert.match(list, /Beskrivningen av Bibliotekens öppettider är sparad/);
    assert.match(list, /Finns i katalogen\./);
    const [saved] = await web.described.list("0580");
    assert.ok(saved);
    const edit = await publisher.get(`/organizations/0580/catalog/described/${saved.id}`);
    assert.match(edit, /value="Bibliotekens öppettider"/);
    const changed = await publisher.post(`/organizations/0580/catalog/described/${saved.id}`, {
      ...GOOD,
      titleSv: "Bibliotekens öppettider och adresser",
      csrf: csrfFrom(edit),
    });
    assert.equal(changed.status, 303);
    assert.equal(
      (await web.described.get("0580", saved.id)).description.title.sv,
      "Bibliotekens öppettider och adresser",
    );
    const removed = await publisher.post(`/organizations/0580/catalog/described/${saved.id}/delete`, {
      csrf: csrfFrom(edit),
    });
    assert.equal(removed.status, 303);
    assert.match(await publisher.get(removed.headers.get("location") ?? ""), /Beskrivningen är borttagen/);
    assert.equal((await web.described.list("0580")).length, 0);
  });

  test("a post without the form's CSRF token is refused and nothing is stored", async () => {
    const response = await publisher.post("/organizations/0580/catalog/described/new", {
      ...GOOD,
      csrf: "fel",
    });
    assert.equal(response.status, 403);
    assert.equal((await web.described.list("0580")).length, 0);
  });
});
