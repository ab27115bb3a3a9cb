// Publishing through the web (the form, the receipt, a rejected file's report and publishing its
// valid rows), who may see and do what, the organization's publications, the national dataset
// pages and the coordinator's edits of the prioritized list, through webRoutes with the real services.
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

const MAX_UPLOAD_BYTES = 256 * 1024;
const PUBLISHER = "pia@linkoping.se";
const MALMO = "olle@malmo.se";
const COORDINATOR = "nora@dataverkstad.se";
const GOOD = badplatserCsv([
  { id: "BAD-1", name: "Stora stranden" },
  { id: "BAD-2", name: "Lilla viken", lat: "58,42", lon: "15,60" },
]);
// The second row's latitude is text: an error in one row, the file as a whole sound.
const BAD = badplatserCsv([
  { id: "BAD-1", name: "Stora stranden" },
  { id: "BAD-3", name: "Norra udden", lat: "norr" },
  { id: "BAD-4", name: "Södra udden", lat: "58,40" },
]);

let web: WebHarness;
let publisher: WebClient;
/** The rejected release of BAD, made in the publish tests. */
let rejected: string;

function count(html: string, pattern: RegExp): number {
  return [...html.matchAll(pattern)].length;
}

async function publish(
  client: WebClient,
  fields: Record<string, string | File>,
  path = "/organizations/0580/publish",
) {
  const token = csrfFrom(await client.get("/organizations/0580/publish"));
  return client.post(path, { [CSRF_FIELD]: token, mode: "all", ...fields });
}

async function latestRelease(): Promise<Release> {
  const releases = await web.publishing.listReleases("0580", "badplatser");
  const latest = releases[0];
  assert.ok(latest !== undefined);
  return latest;
}

before(async () => {
  web = await createWebHarness({ maxUploadBytes: MAX_UPLOAD_BYTES });
  await web.createUser(
    PUBLISHER,
    [{ role: "publisher", organizationCode: "0580" as OrganizationCode }],
    "Pia Publicerare",
  );
  await web.createUser(
    MALMO,
    [{ role: "publisher", organizationCode: "1280" as OrganizationCode }],
    "Olle Malmö",
  );
  await web.createUser(COORDINATOR, [{ role: "national-coordinator" }], "Nora Nationell");
  publisher = web.client();
  await publisher.signIn(PUBLISHER);
});

after(async () => {
  await web.close();
});

describe("the publish form", () => {
  test("signed out: to the sign-in page and back", async () => {
    const response = await web.client().request("/organizations/0580/publish?spec=badplatser");
    assert.equal(response.status, 303);
    assert.equal(
      response.headers.get("location"),
      "/sign-in?next=%2Forganizations%2F0580%2Fpublish%3Fspec%3Dbadplatser",
    );
  });

  test("for the organization's publisher: every specification, the expected ones first, a labelled file input, the CSRF field", async () => {
    const html = await publisher.get("/organizations/0580/publish?spec=badplatser");
    assert.match(html, /<h1>Publicera en fil<\/h1>/);
    assert.match(html, /Du publicerar för Linköpings kommun\./);
    assert.match(
      html,
      /<form class="validate-form" method="post" enctype="multipart\/form-data" action="\/organizations\/0580\/publish">/,
    );
    assert.match(html, /<label for="publish-spec">Datamängd<\/label>/);
    assert.match(html, /<option value="badplatser" selected="">/);
    const expected = (await web.specs.listPriorityList({ level: "kommun" })).items.filter(
      (e) => e.specification !== null,
    );
    const select = /<select id="publish-spec"[^]*?<\/select>/.exec(html)?.[0] ?? "";
    const first = /<optgroup label="Förväntas av organisationen">[^]*?<\/optgroup>/.exec(select)?.[0] ?? "";
    assert.equal(count(first, /<option /g), expected.length, "first the datasets expected of a kommun");
    const specifications = await web.specs.listSpecifications();
    assert.equal(count(select, /<option /g), specifications.length, "then every other specification");
    assert.match(html, /<label for="publish-file">Fil<\/label>/);
    assert.match(html, /<input id="publish-file" name="file" type="file"/);
    assert.match(html, /name="csrf" value="[A-Za-z0-9_-]{43}"/);
  });

  test("a user without the publish right for the organization gets a 403 that says why, to the form and to a POST", async () => {
    const malmo = web.client();
    await malmo.signIn(MALMO);
    const page = await malmo.request("/organizations/0580/publish");
    const html = await page.text();
    assert.equal(page.status, 403);
    assert.match(html, /<h1>Du har inte behörighet<\/h1>/);
    assert.match(html, /Ditt konto får inte publicera för Linköpings kommun\./);
    assert.match(html, /Du är inloggad som Olle Malmö \(olle@malmo\.se\)\./);
    const token = csrfFrom(await malmo.get("/account"));
    const before = (await web.publishing.listPublications({ organizationCode: "0580" })).length;
    const post = await malmo.post("/organizations/0580/publish", {
      [CSRF_FIELD]: token,
      spec: "badplatser",
      file: new File([GOOD], "bad.csv"),
    });
    assert.equal(post.status, 403);
    assert.equal(post.headers.get("connection"), "close");
    assert.equal((await web.publishing.listPublications({ organizationCode: "0580" })).length, before);
  });

  test("without the CSRF token nothing is published", async () => {
    const response = await publisher.post("/organizations/0580/publish", {
      spec: "badplatser",
      mode: "all",
      file: new File([GOOD], "bad.csv"),
    });
    assert.equal(response.status, 403);
    assert.match(await response.text(), /Formuläret kunde inte skickas/);
    assert.equal((await web.publishing.listPublications({ organizationCode: "0580" })).length, 0);
  });

  test("no file, an empty file and one too large: the form again with the errors", async () => {
    const none = await publish(publisher, { spec: "badplatser", file: new File([], "") });
    const html = await none.text();
    assert.equal(none.status, 400);
    assert.match(html, /<a href="#publish-file">Välj en fil att publicera\.<\/a>/);
    assert.match(html, /aria-describedby="publish-file-hint publish-file-error" aria-invalid="true"/);
    const empty = await publish(publisher, { spec: "badplatser", file: new File([], "tom.csv") });
    assert.equal(empty.status, 400);
    const large = await publish(publisher, {
      spec: "badplatser",
      file: new File([new Uint8Array(MAX_UPLOAD_BYTES + 200 * 1024)], "stor.csv"),
    });
    assert.equal(large.status, 413);
    assert.equal(large.headers.get("connection"), "close");
    assert.match(await large.text(), /Filen är för stor: den får vara högst/);
  });
});

describe("publishing", () => {
  test("a valid file: published, and the receipt says rows and what changed", async () => {
    const response = await publish(publisher, {
      spec: "badplatser",
      file: new File([GOOD], "badplatser.csv"),
    });
    assert.equal(response.status, 303);
    const release = await latestRelease();
    assert.equal(release.status, "published");
    assert.equal(
      response.headers.get("location"),
      `/organizations/0580/publications/badplatser/releases/${release.id}`,
    );
    const html = await publisher.get(response.headers.get("location") ?? "");
    assert.match(html, /<h1>Filen är publicerad<\/h1>/);
    assert.match(html, /<dt>Rader i filen<\/dt>\s*<dd>2<\/dd>/);
    assert.match(html, /<dt>Nya rader<\/dt>\s*<dd>2<\/dd>/);
    assert.match(html, /<dt>Borttagna rader<\/dt>\s*<dd>0<\/dd>/);
    assert.match(html, /<code>badplatser\.csv<\/code>/);
    assert.match(html, new RegExp(`href="/api/v1/releases/${release.id}/file"`));
    assert.doesNotMatch(html, /Publicera de giltiga raderna/);
  });

  test("a file with errors: not published, its report, the current version kept, and the valid rows on offer", async () => {
    const response = await publish(publisher, {
      spec: "badplatser",
      file: new File([BAD], "badplatser-ny.csv"),
    });
    assert.equal(response.status, 303);
    const release = await latestRelease();
    assert.equal(release.status, "rejected");
    rejected = release.id;
    const html = await publisher.get(response.headers.get("location") ?? "");
    assert.match(html, /<h1>Filen publicerades inte<\/h1>/);
    assert.match(html, /Den gällande versionen ligger kvar/);
    assert.match(html, /<h2>Valideringsrapporten<\/h2>/);
    assert.match(html, /<table class="issues">/, "the report's errors, as the validate page lists them");
    assert.match(html, /<code>latitude<\/code>/);
    assert.match(html, /<input type="hidden" name="release" value="[0-9a-f-]{36}"\/>/);
    assert.match(html, /<button type="submit">Publicera de giltiga raderna<\/button>/);
    const publication = await web.publishing.getPublication("0580", "badplatser");
    assert.equal(
      publication.currentRelease?.rows.published,
      2,
      "the national dataset still has the old rows",
    );
  });

  test("publishing the valid rows of the rejected file, from the stored original", async () => {
    const page = await publisher.get(`/organizations/0580/publications/badplatser/releases/${rejected}`);
    const response = await publisher.post("/organizations/0580/publish", {
      [CSRF_FIELD]: csrfFrom(page),
      release: rejected,
      mode: "valid-rows",
    });
    assert.equal(response.status, 303);
    const release = await latestRelease();
    assert.equal(release.status, "partial");
    assert.equal(release.rows.published, 2);
    const html = await publisher.get(response.headers.get("location") ?? "");
    assert.match(html, /<h1>De giltiga raderna är publicerade<\/h1>/);
    assert.match(html, /<dt>Borttagna rader<\/dt>\s*<dd>1<\/dd>/);
  });
});

describe("the organization's publications", () => {
  test("the organization page links to them", async () => {
    assert.match(
      await web.get("/organizations/0580"),
      /href="\/organizations\/0580\/publications">Publiceringar och datamängder för Linköpings kommun</,
    );
  });

  test("the expected datasets with their status; the publisher also sees the rejected file", async () => {
    const html = await publisher.get("/organizations/0580/publications");
    assert.match(html, /<h1>Publiceringar för Linköpings kommun<\/h1>/);
    assert.match(html, /href="\/organizations\/0580\/publications\/badplatser">Badplatser</);
    assert.match(html, /Delvis publicerad \(bara giltiga rader\)/);
    assert.match(html, /Inte publicerad ännu/);
    assert.match(html, /<th scope="col">Senaste avvisade fil<\/th>/);
    assert.match(html, /href="\/organizations\/0580\/publish">Publicera en fil</);
    // Expected of a kommun: no region-only datasets.
    const entries = (await web.specs.listPriorityList({ level: "kommun" })).items.filter(
      (e) => e.specification !== null,
    );
    assert.equal(
      count(html, /<tr>\s*<th scope="row"><a href="\/organizations\/0580\/publications\//g),
      entries.length,
    );
  });

  test("a rejected file's report is not shown to the public, nor to another organization", async () => {
    const anonymous = web.client();
    const list = await anonymous.get("/organizations/0580/publications");
    assert.doesNotMatch(list, /Senaste avvisade fil/);
    assert.ok(!list.includes(rejected));
    assert.doesNotMatch(list, /Publicera en fil/);
    const history = await anonymous.get("/organizations/0580/publications/badplatser");
    assert.ok(!history.includes(rejected), "the history leaves it out");
    assert.match(history, /Filer som avvisades visas bara för organisationen och dess samordnare\./);
    assert.equal(
      count(
        history,
        /<tr>\s*<th scope="row"><a href="\/organizations\/0580\/publications\/badplatser\/releases\//g,
      ),
      2,
    );
    const path = `/organizations/0580/publications/badplatser/releases/${rejected}`;
    const page = await anonymous.request(path);
    assert.equal(page.status, 303, "signed out: sign in first");
    assert.match(page.headers.get("location") ?? "", /^\/sign-in\?next=/);
    const malmo = web.client();
    await malmo.signIn(MALMO);
    const refused = await malmo.request(path);
    const html = await refused.text();
    assert.equal(refused.status, 403);
    assert.doesNotMatch(html, /Valideringsrapporten|<table class="issues">/);
    assert.match(html, /Bara Linköpings kommun och dess samordnare kan se den/);
    // A coordinator may read it.
    const coordinator = web.client();
    await coordinator.signIn(COORDINATOR);
    assert.match(await coordinator.get(path), /<h1>Filen publicerades inte<\/h1>/);
  });

  test("a published release's report is public, and releases of another organization are not found here", async () => {
    const published = (await web.publishing.listReleases("0580", "badplatser")).find(
      (r) => r.status === "published",
    );
    assert.ok(published !== undefined);
    const html = await web.get(`/en/organizations/0580/publications/badplatser/releases/${published.id}`);
    assert.match(html, /<h1>The file is published<\/h1>/);
    await web.get(`/organizations/1280/publications/badplatser/releases/${published.id}`, 404);
    await web.get("/organizations/0580/publications/badplatser/releases/nope", 404);
  });
});

describe("a URL source on the publication page", () => {
  // An address inside the network: the fetch is refused at once, which is enough to follow the job.
  before(() =>
    web.database.db.query(
      `INSERT INTO publications (organization_code, spec_slug, source_kind, source_url, fetch_interval_minutes, next_fetch_at)
       VALUES ('0580', 'grillplatser', 'url', 'http://127.0.0.1:9/grillplatser.csv', 60, now() + interval '1 day')`,
    ),
  );
  const page = "/organizations/0580/publications/grillplatser";

  test("shows the URL and a Fetch now button to the publisher only", async () => {
    const html = await publisher.get(page);
    assert.match(html, /Hämtas från en webbadress/);
    assert.match(html, /http:\/\/127\.0\.0\.1:9\/grillplatser\.csv/);
    assert.match(html, /<button type="submit">Hämta nu<\/button>/);
    assert.doesNotMatch(await web.get(page), /Hämta nu/);
  });

  test("Fetch now starts a job and goes straight back to the page, which tells how it went", async () => {
    const refused = await publisher.post(`${page}/fetch`, {});
    assert.equal(refused.status, 403, "no CSRF token, no fetch");
    const answer = await publisher.post(`${page}/fetch`, {
      [CSRF_FIELD]: csrfFrom(await publisher.get(page)),
    });
    assert.equal(answer.status, 303);
    const location = answer.headers.get("location") ?? "";
    assert.match(location, /\?fetch=[0-9a-f-]{36}#source-heading$/);
    await web.publishing.drainFetches();
    assert.match(await publisher.get(location.replace(/#.*/, "")), /Hämtningen misslyckades: .*127\.0\.0\.1/);
    assert.match(await publisher.get(`/en${location.replace(/#.*/, "")}`), /The fetch failed: /);
  });
});

describe("the national datasets", () => {
  test("the list: every specification with its rows and publishers; Data in the menu", async () => {
    const html = await web.get("/data");
    assert.match(html, /<h1>Nationella datamängder<\/h1>/);
    assert.equal(
      count(html, /<th scope="row"><a href="\/data\//g),
      (await web.specs.listSpecifications()).length,
    );
    assert.match(
      html,
      /href="\/data\/badplatser">Badplatser<\/a><\/th>\s*<td>[^<]*<\/td>\s*<td class="numeric">2<\/td>\s*<td class="numeric">1<\/td>/,
    );
    assert.match(html, /<a href="\/data" aria-current="page">Data<\/a>/);
  });

  test("a dataset: JSON-LD, filters, the rows, the map, downloads and API examples", async () => {
    const html = await web.get("/data/badplatser");
    const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1];
    assert.ok(jsonLd !== undefined, "JSON-LD in the head");
    assert.ok(html.indexOf("application/ld+json") < html.indexOf("</head>"));
    const dataset = JSON.parse(jsonLd) as {
      "@type": string;
      name: string;
      distribution: { contentUrl: string }[];
    };
    assert.equal(dataset["@type"], "Dataset");
    assert.equal(dataset.name, "Badplatser");
    assert.ok(
      dataset.distribution.some(
        (d) => d.contentUrl === "http://localhost/api/v1/data/badplatser/download.csv",
      ),
    );
    assert.match(html, /<label for="filter-kommun">Kommun<\/label>/);
    assert.match(html, /<label for="filter-lan">Län<\/label>/);
    assert.match(html, /<label for="filter-q">Fritext<\/label>/);
    assert.match(html, /2 rader matchar\./);
    assert.equal(count(html, /<th scope="row"><code>0580:BAD-/g), 2);
    assert.match(html, /data-geojson-url="\/api\/v1\/data\/badplatser\?format=geojson&amp;limit=50"/);
    assert.match(
      html,
      /<th scope="col">Läge \(latitud, longitud\)<\/th>/,
      "the table alternative has the locations",
    );
    assert.match(html, /href="\/api\/v1\/data\/badplatser\/download\.csv"/);
    assert.match(html, /href="\/api\/v1\/data\/badplatser\/download\.geojson"/);
    assert.match(html, /href="\/api\/v1\/data\/badplatser\/download\.json"/);
    assert.match(
      html,
      /curl &quot;http:\/\/localhost\/api\/v1\/data\/badplatser\?limit=100&quot;|curl "http:\/\/localhost\/api\/v1\/data\/badplatser\?limit=100"/,
    );
    assert.match(html, /\/ogc\/collections\/badplatser\/items\?f=json/);
  });

  test("the filter works without JavaScript and is kept; nonsense is ignored", async () => {
    const html = await web.get("/data/badplatser?kommun=1280&lan=xx&q=");
    assert.match(html, /<option value="1280" selected="">Malmö<\/option>/);
    assert.match(html, /Ingen rad matchar\./);
    assert.doesNotMatch(html, /data-map=""/, "no map without rows");
    assert.match(await web.get("/data/badplatser?kommun=0580"), /2 rader matchar\./);
    assert.match(await web.get("/data/badplatser?q=udden"), /1 rad matchar\./);
    await web.get("/data/finns-inte", 404);
  });

  test("pages by the API's cursor, and demo rows are marked", async () => {
    const rows = Array.from({ length: 55 }, (_, i) => ({
      id: `DEMO-${String(i).padStart(3, "0")}`,
      name: `Demostrand ${i}`,
    }));
    await web.publishing.publish({
      organizationCode: "0580",
      slug: "badplatser",
      body: [new TextEncoder().encode(badplatserCsv(rows))],
      mode: "all",
      origin: "demo",
      demo: true,
      // The demo rows replace both of 0580's rows: a removal confirmed up front.
      confirmRemovals: true,
      audit: { actor: "system" },
    });
    const first = await web.get("/data/badplatser");
    assert.equal(count(first, /<th scope="row"><code>0580:/g), 50);
    assert.match(first, /<strong class="badge">Demodata<\/strong>/);
    assert.match(first, /är påhittade exempel/);
    const next = /<a href="(\/data\/badplatser\?cursor=[^"]+)" rel="next">Nästa sida<\/a>/.exec(first)?.[1];
    assert.ok(next !== undefined, "a next-page link");
    const second = await web.get(next.replaceAll("&amp;", "&"));
    assert.equal(count(second, /<th scope="row"><code>0580:/g), 5);
    assert.match(second, /<a href="\/data\/badplatser">Till första sidan<\/a>/);
    assert.doesNotMatch(second, /rel="next"/);
  });
});

describe("editing the prioritized list", () => {
  test("the coordinator sees an edit link per entry; others do not", async () => {
    const coordinator = web.client();
    await coordinator.signIn(COORDINATOR);
    const html = await coordinator.get("/priority-list");
    assert.equal(
      count(html, /<a href="\/priority-list\/[a-z0-9-]+">Ändra<span class="visually-hidden">/g),
      100,
    );
    assert.doesNotMatch(await publisher.get("/priority-list"), /Ändra<span/);
    assert.doesNotMatch(await web.get("/priority-list"), /Ändra<span/);
  });

  test("the form: every field labelled, filled with the entry; for others 403 or sign-in", async () => {
    const coordinator = web.client();
    await coordinator.signIn(COORDINATOR);
    const html = await coordinator.get("/priority-list/lekplatser");
    for (const [id, label] of [
      ["entry-rank", "Plats"],
      ["entry-name-sv", "Namn på svenska"],
      ["entry-name-en", "Namn på engelska"],
      ["entry-area-sv", "Område på svenska"],
      ["entry-area-en", "Område på engelska"],
      ["entry-level", "Publiceras av"],
      ["entry-status", "Status"],
      ["entry-notes", "Anteckningar"],
    ]) {
      assert.match(html, new RegExp(`<label for="${id}">${label}</label>`), id);
    }
    assert.match(html, /name="nameSv" type="text" value="Lekplatser"/);
    assert.equal((await publisher.request("/priority-list/lekplatser")).status, 403);
    assert.equal((await web.client().request("/priority-list/lekplatser")).status, 303);
    await coordinator.get("/priority-list/finns-inte", 404);
  });

  test("a change is saved with the token, and shows in the history on both pages", async () => {
    const coordinator = web.client();
    await coordinator.signIn(COORDINATOR);
    const entry = await web.specs.getPriorityEntry("lekplatser");
    const form = await coordinator.get("/priority-list/lekplatser");
    const fields = {
      rank: String(entry.rank),
      nameSv: entry.name.sv,
      nameEn: entry.name.en,
      areaSv: entry.area.sv,
      areaEn: entry.area.en,
      level: entry.level,
      status: "in-progress",
      notes: "Ändrad i test.",
    };
    const refused = await coordinator.post("/priority-list/lekplatser", fields);
    assert.equal(refused.status, 403);
    const response = await coordinator.post("/priority-list/lekplatser", {
      ...fields,
      [CSRF_FIELD]: csrfFrom(form),
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get("location"), "/priority-list/lekplatser?saved=1");
    assert.equal((await web.specs.getPriorityEntry("lekplatser")).status, "in-progress");
    const page = await coordinator.get("/priority-list/lekplatser?saved=1");
    assert.match(page, /Ändringarna av Lekplatser är sparade\./);
    assert.match(page, /Status: Specificerad → Under arbete|Status: [^<]+ → Under arbete/);
    assert.match(page, /<td>Nora Nationell<\/td>/);
    const list = await web.get("/priority-list");
    assert.match(list, /<h2>Ändringshistorik<\/h2>/);
    assert.match(list, /→ Under arbete/);
    assert.match(list, /<td>Nationell samordnare<\/td>/, "the public sees the role, not the name");
  });

  test("a bad rank and an empty name: the form again, errors linked to the fields", async () => {
    const coordinator = web.client();
    await coordinator.signIn(COORDINATOR);
    const form = await coordinator.get("/en/priority-list/lekplatser");
    const response = await coordinator.post("/en/priority-list/lekplatser", {
      [CSRF_FIELD]: csrfFrom(form),
      rank: "500",
      nameSv: "",
      nameEn: "Playgrounds",
      areaSv: "x",
      areaEn: "x",
      level: "kommun",
      status: "specified",
      notes: "",
    });
    const html = await response.text();
    assert.equal(response.status, 400);
    assert.match(html, /<a href="#entry-rank">Enter a rank from 1 to 100\.<\/a>/);
    assert.match(html, /<a href="#entry-name-sv">Name in Swedish: enter something/);
    assert.match(
      html,
      /id="entry-rank"[^>]*aria-describedby="entry-rank-hint entry-rank-error" aria-invalid="true"/,
    );
    assert.match(html, /value="500"/, "what was typed is kept");
  });
});
