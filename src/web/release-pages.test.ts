// Nothing lost by accident, on the web: publishing the bare template over Linköping's rows leads
// to a confirm page with the counts and the rows that would go, and nothing changes until the
// publisher confirms; rollback from the history with a confirm step; the diff page.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OrganizationCode } from "../core/index.ts";
import type { Release } from "../publishing/index.ts";
import { badplatserCsv } from "../../test/support/publishing.ts";
import { CSRF_FIELD } from "./csrf.ts";
import {
  createWebHarness,
  csrfFrom,
  type WebClient,
  type WebHarness,
} from "../../test/support/web-harness.ts";

const PUBLISHER = "pia@linkoping.se";
const MALMO = "olle@malmo.se";
const THREE = badplatserCsv([
  { id: "BAD-1", name: "Stora stranden" },
  { id: "BAD-2", name: "Lilla viken" },
  { id: "BAD-3", name: "Norra udden" },
]);

let web: WebHarness;
let publisher: WebClient;
let template: string;

async function publish(csv: string, name: string): Promise<Response> {
  const token = csrfFrom(await publisher.get("/organizations/0580/publish"));
  return publisher.post("/organizations/0580/publish", {
    [CSRF_FIELD]: token,
    spec: "badplatser",
    mode: "all",
    file: new File([csv], name),
  });
}

async function rows(): Promise<string[]> {
  const found = await web.database.db.query<{ record_id: string }>(
    "SELECT record_id FROM dataset_rows WHERE organization_code = '0580' ORDER BY record_id",
  );
  return found.map((r) => r.record_id);
}

async function releases(): Promise<Release[]> {
  return web.publishing.listReleases("0580", "badplatser");
}

before(async () => {
  web = await createWebHarness();
  await web.createUser(
    PUBLISHER,
    [{ role: "publisher", organizationCode: "0580" as OrganizationCode }],
    "Pia Publicerare",
  );
  await web.createUser(MALMO, [{ role: "publisher", organizationCode: "1280" as OrganizationCode }], "Olle");
  publisher = web.client();
  await publisher.signIn(PUBLISHER);
  const spec = await web.specs.getSpecification("badplatser");
  template = spec.definition.schema.fields.map((f) => f.name).join(";") + "\r\n";
});

after(async () => {
  await web.close();
});

describe("the removal guard on the web", () => {
  let first: Release;

  test("the bare template over 0580's rows leads to the confirm page; nothing changes before confirming", async () => {
    assert.equal((await publish(THREE, "badplatser.csv")).status, 303);
    first = (await releases())[0] as Release;
    const response = await publish(template, "mall.csv");
    assert.equal(response.status, 303);
    const held = (await releases())[0] as Release;
    assert.equal(held.status, "held");
    assert.equal(
      response.headers.get("location"),
      `/organizations/0580/publications/badplatser/releases/${held.id}/confirm`,
    );
    assert.deepEqual(await rows(), ["BAD-1", "BAD-2", "BAD-3"]);

    const page = await publisher.get(
      `/organizations/0580/publications/badplatser/releases/${held.id}/confirm`,
    );
    assert.match(page, /<h1>Bekräfta att rader tas bort<\/h1>/);
    assert.match(
      page,
      /Filen mall\.csv innehåller inga rader\. Bekräftar du, dras publiceringen tillbaka: alla organisationens 3 rader/,
    );
    assert.match(page, /<dt>Rader som tas bort<\/dt>\s*<dd>3<\/dd>/);
    assert.match(page, /<caption id="removed-caption">Rader som tas bort, de första 3 av 3<\/caption>/);
    assert.match(page, /<th scope="row"><code>BAD-2<\/code><\/th><td>Lilla viken<\/td>/);
    assert.match(page, /<button type="submit">Ja, dra tillbaka publiceringen<\/button>/);
    assert.match(
      page,
      /<a href="\/organizations\/0580\/publications\/badplatser">Avbryt och behåll de nuvarande raderna<\/a>/,
    );
    // The public sees neither the held file nor its confirm page.
    assert.equal(
      (await web.client().request(`/organizations/0580/publications/badplatser/releases/${held.id}`)).status,
      303,
    );
    const malmo = web.client();
    await malmo.signIn(MALMO);
    await malmo.get(`/organizations/0580/publications/badplatser/releases/${held.id}/confirm`, 403);
    assert.deepEqual(await rows(), ["BAD-1", "BAD-2", "BAD-3"]);
  });

  test("confirming withdraws; without the CSRF token nothing happens", async () => {
    const held = (await releases())[0] as Release;
    const path = `/organizations/0580/publications/badplatser/releases/${held.id}/confirm`;
    assert.equal((await publisher.post(path, {})).status, 403);
    assert.deepEqual(await rows(), ["BAD-1", "BAD-2", "BAD-3"]);
    const response = await publisher.post(path, { [CSRF_FIELD]: csrfFrom(await publisher.get(path)) });
    assert.equal(response.status, 303);
    assert.equal(
      response.headers.get("location"),
      `/organizations/0580/publications/badplatser/releases/${held.id}`,
    );
    assert.deepEqual(await rows(), []);
    const receipt = await publisher.get(`/organizations/0580/publications/badplatser/releases/${held.id}`);
    assert.match(receipt, /<h1>Publiceringen är tillbakadragen<\/h1>/);
  });

  test("a held file whose base changed shows why it cannot be confirmed, answered 409", async () => {
    assert.equal((await publish(THREE, "igen.csv")).status, 303);
    await publish(template, "mall.csv");
    const stale = (await releases())[0] as Release;
    await publish(THREE.replace("Norra udden", "Norra udden (ny)"), "namn.csv");
    const page = await publisher.get(
      `/organizations/0580/publications/badplatser/releases/${stale.id}/confirm`,
      409,
    );
    assert.match(page, /kan inte bekräftas längre/);
    assert.doesNotMatch(page, /<button type="submit">/);
    const post = await publisher.post(
      `/organizations/0580/publications/badplatser/releases/${stale.id}/confirm`,
      {
        [CSRF_FIELD]: csrfFrom(await publisher.get("/organizations/0580/publish")),
      },
    );
    assert.equal(post.status, 409);
  });

  test("the history names the file, who and how, and offers diff and rollback; rollback asks first", async () => {
    const history = await publisher.get("/organizations/0580/publications/badplatser");
    assert.match(history, /<th scope="col">Publicerad av<\/th>/);
    assert.match(history, /<code>namn\.csv<\/code>/);
    assert.match(history, /<td>Uppladdning<\/td>\s*<td>Pia Publicerare<\/td>/);
    assert.match(history, /Väntar på bekräftelse/);
    assert.match(history, /Tillbakadragen/);
    const restorePath = `/organizations/0580/publications/badplatser/releases/${first.id}/restore`;
    assert.match(history, new RegExp(`<a href="${restorePath}">Gör gällande igen`));
    // The public sees no names and no held files.
    const publicHistory = await web.get("/organizations/0580/publications/badplatser");
    assert.doesNotMatch(publicHistory, /Pia Publicerare|Väntar på bekräftelse|Gör gällande igen/);

    const ask = await publisher.get(restorePath);
    assert.match(ask, /<h1>Gör en tidigare version gällande igen<\/h1>/);
    assert.match(ask, /filen badplatser\.csv, 3 rader/);
    assert.equal(
      (await web.publishing.getPublication("0580", "badplatser")).currentRelease?.file.name,
      "namn.csv",
    );
    const done = await publisher.post(restorePath, { [CSRF_FIELD]: csrfFrom(ask) });
    assert.equal(done.status, 303);
    const restored = (await releases())[0] as Release;
    assert.deepEqual([restored.origin, restored.restoredFrom], ["restore", first.id]);
    const data = await web.database.db.query<{ record_id: string; data: { name: string } }>(
      "SELECT record_id, data FROM dataset_rows WHERE organization_code = '0580' ORDER BY record_id",
    );
    assert.deepEqual(
      data.map((r) => [r.record_id, r.data.name]),
      [
        ["BAD-1", "Stora stranden"],
        ["BAD-2", "Lilla viken"],
        ["BAD-3", "Norra udden"],
      ],
    );
    const after = await publisher.get("/organizations/0580/publications/badplatser");
    assert.match(after, /Återställd tidigare version: <a href="[^"]+">Återställer versionen från/);
  });

  test("the diff page lists the changed row with its changed field", async () => {
    const list = await releases();
    const renamed = list.find((r) => r.file.name === "namn.csv") as Release;
    const again = list.find((r) => r.file.name === "igen.csv") as Release;
    const page = await web.get(
      `/organizations/0580/publications/badplatser/releases/${renamed.id}/diff?against=${again.id}`,
    );
    assert.match(page, /<h1>Ändringar mellan två versioner<\/h1>/);
    assert.match(page, /Nya rader \(0\)/);
    assert.match(page, /Ändrade rader \(1\)/);
    assert.match(page, /Borttagna rader \(0\)/);
    assert.match(
      page,
      /<code>BAD-3<\/code><\/th><td>Norra udden \(ny\)<\/td><td><ul><li><code>name<\/code>: <del>Norra udden<\/del> → <ins>Norra udden \(ny\)<\/ins>/,
    );
  });
});
