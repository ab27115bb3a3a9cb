// The prioritized list and the specification pages, rendered through webRoutes over a seeded
// in-memory database (with the specifications the platform ships), and the version page's parts
// rendered directly from a fixture definition that uses every kind of rule.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  specificationDefinition,
  type PriorityListEntry,
  type SpecificationDefinition,
  type SpecificationSummary,
} from "../specs/index.ts";
import { SpecificationPage } from "./pages/specifications.tsx";
import { createWebHarness, type WebHarness } from "../../test/support/web-harness.ts";
import { renderDocument } from "./routes.tsx";

let web: WebHarness;
let app: WebHarness["app"];
let entries: readonly PriorityListEntry[];
let first: SpecificationSummary;
const get = (path: string, status?: number) => web.get(path, status);

before(async () => {
  web = await createWebHarness();
  app = web.app;
  entries = (await web.specs.listPriorityList()).items;
  const all = await web.specs.listSpecifications();
  assert.ok(all[0] !== undefined, "a specification is seeded");
  first = all[0];
});

after(async () => {
  await web.close();
});

function count(html: string, pattern: RegExp): number {
  return [...html.matchAll(pattern)].length;
}

/** The rows of the prioritized list's table. */
function listRows(html: string): number {
  return count(html, /<tr><td class="numeric">\d+<\/td>/g);
}

const versionPath = () => `/specifications/${first.slug}/${first.latestVersion}`;

describe("the new pages' layout", () => {
  const paths = () => ["/priority-list", "/priority-list?status=specified", "/specifications", versionPath()];
  for (const language of ["sv", "en"] as const) {
    test(`in ${language}: one h1, the menu, the language link, no inline script or style`, async () => {
      for (const svPath of paths()) {
        const path = language === "sv" ? svPath : `/en${svPath}`;
        const html = await get(path);
        assert.ok(html.startsWith(`<!DOCTYPE html><html lang="${language}">`), path);
        assert.equal(count(html, /<h1[ >]/g), 1, `${path}: one h1`);
        assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, path);
        assert.doesNotMatch(html, /<style[\s>]|\sstyle=|\son[a-z]+=/, path);
        assert.equal(count(html, /aria-current="page"/g), 1, `${path}: the current page is marked once`);
      }
    });
  }

  test("the menu runs Start, Data, Datamängder, Specifikationer, Validera, Organisationer, Län, Framsteg, API, Tillgänglighet", async () => {
    const html = await get("/specifications");
    const nav = /<nav class="main-nav"[^]*?<\/nav>/.exec(html)?.[0] ?? "";
    const labels = [...nav.matchAll(/<a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(labels, [
      "Start",
      "Data",
      "Datamängder",
      "Specifikationer",
      "Validera",
      "Organisationer",
      "Län",
      "Framsteg",
      "API",
      "Tillgänglighet",
    ]);
    assert.match(nav, /<a href="\/specifications" aria-current="page">Specifikationer<\/a>/);
    const version = await get(versionPath());
    assert.match(version, /<a href="\/specifications" aria-current="true">Specifikationer<\/a>/);
    assert.match(
      await get("/en/priority-list"),
      /<a href="\/en\/priority-list" aria-current="page">Datasets<\/a>/,
    );
  });
});

describe("prioritized list", () => {
  test("shows all 100 entries by rank and says how the list was compiled", async () => {
    const html = await get("/priority-list");
    assert.equal(listRows(html), 100);
    assert.match(html, /<caption>100 datamängder<\/caption>/);
    assert.match(html, /<h1>Prioriterade datamängder<\/h1>/);
    assert.match(html, /Dataverkstads egen sammanställning/);
    assert.match(html, /märkta Bekräftad finns på Nationell dataverkstads \(NDV\) lista/);
    assert.match(html, /välgrundade kandidater/);
    const confirmed = entries.filter((e) => e.confirmation === "official").length;
    assert.equal(count(html, /<strong class="badge">Bekräftad<\/strong>/g), confirmed);
    assert.equal(count(html, />Kandidat<br/g), 100 - confirmed);
    const ranks = [...html.matchAll(/<tr><td class="numeric">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    assert.deepEqual(
      ranks,
      entries.map((e) => e.rank),
    );
  });

  test("a confirmed entry shows NDV's rank; each entry links to its basis", async () => {
    const html = await get("/priority-list");
    const ranked = entries.find((e) => e.officialRank !== null);
    assert.ok(ranked !== undefined);
    assert.match(html, new RegExp(`Bekräftad</strong>, NDV:s plats ${ranked.officialRank}<br`));
    assert.match(
      await get("/en/priority-list"),
      new RegExp(`Confirmed</strong>, NDV rank ${ranked.officialRank}<br`),
    );
    for (const entry of entries.slice(0, 5)) {
      assert.ok(html.includes(`<a href="${entry.basisUrl}">Underlag`), entry.slug);
    }
  });

  test("entries with a specification link to its version page; status, level and category in words", async () => {
    const html = await get("/priority-list");
    const specified = entries.filter((e) => e.specification !== null);
    assert.ok(specified.length > 0);
    for (const entry of specified) {
      const spec = entry.specification!;
      assert.ok(
        html.includes(`<a href="/specifications/${spec.slug}/${spec.version}">${entry.name.sv}</a>`),
        entry.slug,
      );
    }
    assert.equal(count(html, /<th scope="row"><a href="\/specifications\//g), specified.length);
    assert.equal(count(html, /<td>Specificerad<\/td>/g), specified.length);
    assert.equal(
      count(html, /<td>Identifierad<\/td>/g),
      entries.filter((e) => e.status === "identified").length,
    );
    assert.equal(
      count(html, /<td>Under arbete<\/td>/g),
      entries.filter((e) => e.status === "in-progress").length,
    );
    const hvd = entries.find((e) => e.hvdCategory !== null)?.hvdCategory;
    if (hvd !== undefined && hvd !== null) assert.ok(html.includes(`<td>${hvd.label.sv}</td>`));
    const en = await get("/en/priority-list");
    assert.match(en, /<td>Specified<\/td>/);
    assert.match(en, /<td>Municipality<\/td>/);
    const spec = specified[0]!.specification!;
    assert.ok(
      en.includes(`href="/en/specifications/${spec.slug}/${spec.version}">${specified[0]!.name.en}</a>`),
    );
  });

  test("filters by status, area and level without JavaScript, and ignores nonsense", async () => {
    const specified = entries.filter((e) => e.status === "specified").length;
    assert.equal(listRows(await get("/priority-list?status=specified")), specified);
    const area = entries[0]!.area;
    const inArea = entries.filter((e) => e.area.sv === area.sv).length;
    const byArea = await get(`/priority-list?area=${encodeURIComponent(area.sv)}`);
    assert.equal(listRows(byArea), inArea);
    assert.ok(byArea.includes(`<option value="${area.sv}" selected="">${area.sv}</option>`));
    const enArea = await get(`/en/priority-list?area=${encodeURIComponent(area.sv)}`);
    assert.ok(enArea.includes(`<option value="${area.sv}" selected="">${area.en}</option>`));
    const regionOnes = entries.filter((e) => e.level !== "kommun").length;
    assert.equal(listRows(await get("/priority-list?level=region")), regionOnes);
    const both = entries.filter((e) => e.level === "both").length;
    assert.equal(listRows(await get("/priority-list?level=both")), both);
    assert.equal(listRows(await get("/priority-list?area=Finns%20inte&level=x&status=y")), 100);
  });

  test("the form keeps what was chosen, and the language link keeps the filter", async () => {
    const html = await get("/priority-list?status=identified&level=kommun");
    assert.match(html, /<form class="filters" method="get" action="\/priority-list">/);
    assert.match(html, /<option value="identified" selected="">Identifierad<\/option>/);
    assert.match(html, /<option value="kommun" selected="">Kommuner<\/option>/);
    assert.match(html, /<label for="filter-area">Område<\/label>/);
    assert.match(html, /<label for="filter-level">Vem publicerar<\/label>/);
    assert.match(html, /<label for="filter-status">Status<\/label>/);
    assert.match(html, /href="\/en\/priority-list\?level=kommun&amp;status=identified"/);
  });

  test("a filter with no match says so and shows no table", async () => {
    const areas = [...new Set(entries.map((e) => e.area.sv))];
    const statuses = ["specified", "in-progress", "identified"] as const;
    const empty = areas
      .flatMap((area) => statuses.map((status) => ({ area, status })))
      .find(({ area, status }) => !entries.some((e) => e.area.sv === area && e.status === status));
    assert.ok(empty !== undefined, "some area has no entry of some status");
    const html = await get(`/en/priority-list?area=${encodeURIComponent(empty.area)}&status=${empty.status}`);
    assert.match(html, /No dataset matches the filter\./);
    assert.doesNotMatch(html, /<table/);
  });
});

describe("specifications", () => {
  test("the list shows each specification with its latest version, linked to its page", async () => {
    const html = await get("/specifications");
    assert.ok(
      html.includes(`<a href="/specifications/${first.slug}/${first.latestVersion}">${first.title.sv}</a>`),
    );
    assert.ok(html.includes(`<td>${first.latestVersion}</td>`));
    assert.ok(html.includes(first.description.sv));
    const en = await get("/en/specifications");
    assert.ok(
      en.includes(`<a href="/en/specifications/${first.slug}/${first.latestVersion}">${first.title.en}</a>`),
    );
  });

  test("a specification's address redirects to its latest version, in the same language", async () => {
    const sv = await app.request(`/specifications/${first.slug}`);
    assert.equal(sv.status, 302);
    assert.equal(sv.headers.get("location"), versionPath());
    const en = await app.request(`/en/specifications/${first.slug}`);
    assert.equal(en.status, 302);
    assert.equal(en.headers.get("location"), `/en${versionPath()}`);
  });

  test("unknown and malformed specifications and versions are the 404 page", async () => {
    for (const path of [
      "/specifications/finns-inte",
      "/specifications/Bad_Slug",
      `/specifications/${first.slug}/9.9.9`,
      `/specifications/${first.slug}/1.0`,
      `/specifications/${first.slug}/latest`,
      "/specifications/Bad_Slug/1.0.0",
      "/specifications/finns-inte/1.0.0",
    ]) {
      const html = await get(path, 404);
      assert.match(html, /<h1>Sidan finns inte<\/h1>/, path);
    }
    const en = await get("/en/specifications/finns-inte/1.0.0", 404);
    assert.match(en, /<h1>Page not found<\/h1>/);
  });

  test("the version page: title, version, date, downloads, fields and basis", async () => {
    const html = await get(versionPath());
    assert.match(html, new RegExp(`<h1>${first.title.sv}, version ${first.latestVersion}</h1>`));
    assert.match(html, /<time datetime="\d{4}-\d{2}-\d{2}">/);
    const api = `/api/v1/specifications/${first.slug}/${first.latestVersion}`;
    assert.ok(html.includes(`<a href="${api}" type="application/json">`));
    assert.ok(html.includes(`<a href="${api}/template.csv" type="text/csv">`));
    assert.ok(html.includes(`<a href="${api}/example.csv" type="text/csv">`));
    assert.match(html, /<h2>Primärnyckel<\/h2>/);
    assert.match(html, /<h2>Geografiskt läge<\/h2>/);
    assert.match(html, /<h2>Ändringar i den här versionen<\/h2>/);
    assert.match(html, /<h2>Underlag<\/h2>/);
    assert.ok(count(html, /<tr id="field-[a-z0-9_]+"><th scope="row"><code>/g) > 0);
    assert.match(html, /<nav class="breadcrumbs"[^]*href="\/specifications">Specifikationer<\/a>/);
    const en = await get(`/en${versionPath()}`);
    assert.match(en, new RegExp(`<h1>${first.title.en}, version ${first.latestVersion}</h1>`));
    assert.match(en, /<h2>Changes in this version<\/h2>/);
  });
});

/** A specification that uses every rule the page puts in words. */
const FIXTURE_SPECIFICATION: SpecificationDefinition = specificationDefinition.parse({
  slug: "lekplatser",
  version: "1.0.0",
  published: "2026-03-02",
  title: { sv: "Lekplatser", en: "Playgrounds" },
  description: {
    sv: "Kommunens lekplatser med läge och utrustning.",
    en: "The municipality's playgrounds with location and equipment.",
  },
  changelog: [{ sv: "Första versionen.", en: "The first version." }],
  level: "kommun",
  basis: [
    {
      title: "NDV: Lekplatser",
      url: "https://www.vgregion.se/ov/dataverkstad/datamangder/lekplats/",
    },
  ],
  schema: {
    fields: [
      {
        name: "id",
        type: "string",
        title: "Id",
        description: "Lekplatsens id hos kommunen.",
        titles: { sv: "Id", en: "Id" },
        descriptions: { sv: "Lekplatsens id hos kommunen.", en: "The playground's id at the municipality." },
        example: "LP-001",
        constraints: { required: true, unique: true, maxLength: 50, pattern: "[A-Z]{2}-\\d+" },
      },
      {
        name: "organisation",
        type: "string",
        title: "Organisation",
        description: "Kommunkoden.",
        titles: { sv: "Organisation", en: "Organization" },
        descriptions: { sv: "Kommunkoden.", en: "The municipality code." },
        example: "0580",
        constraints: { required: true },
        reference: "organization",
      },
      {
        name: "namn",
        type: "string",
        title: "Namn",
        description: "Lekplatsens namn.",
        titles: { sv: "Namn", en: "Name" },
        descriptions: { sv: "Lekplatsens namn.", en: "The playground's name." },
        example: "Trädgårdsföreningens lekplats",
        constraints: { required: true, minLength: 1, maxLength: 200 },
      },
      {
        name: "typ",
        type: "string",
        title: "Typ",
        description: "Vilken sorts lekplats.",
        titles: { sv: "Typ", en: "Type" },
        descriptions: { sv: "Vilken sorts lekplats.", en: "What kind of playground." },
        example: "temalekplats",
        codeList: [
          { value: "narlekplats", label: { sv: "Närlekplats", en: "Local playground" } },
          { value: "temalekplats", label: { sv: "Temalekplats", en: "Theme playground" } },
        ],
      },
      {
        name: "andel_tillganglig",
        type: "integer",
        title: "Andel tillgänglig",
        description: "Hur stor del av utrustningen som är tillgänglig, i procent.",
        titles: { sv: "Andel tillgänglig", en: "Share accessible" },
        descriptions: {
          sv: "Hur stor del av utrustningen som är tillgänglig, i procent.",
          en: "How much of the equipment is accessible, in per cent.",
        },
        example: "80",
        constraints: { minimum: 0, maximum: 100 },
      },
      {
        name: "inhagnad",
        type: "boolean",
        title: "Inhägnad",
        description: "Om lekplatsen har staket.",
        titles: { sv: "Inhägnad", en: "Fenced" },
        descriptions: { sv: "Om lekplatsen har staket.", en: "Whether the playground is fenced." },
        example: "ja",
        trueValues: ["ja", "true"],
        falseValues: ["nej", "false"],
      },
      {
        name: "webbplats",
        type: "string",
        format: "uri",
        title: "Webbplats",
        description: "Sidan om lekplatsen.",
        titles: { sv: "Webbplats", en: "Website" },
        descriptions: { sv: "Sidan om lekplatsen.", en: "The page about the playground." },
        example: "https://www.linkoping.se/lekplatser",
      },
      {
        name: "northing",
        type: "number",
        title: "Nordlig koordinat",
        description: "Nordlig koordinat i SWEREF 99.",
        titles: { sv: "Nordlig koordinat", en: "Northing" },
        descriptions: { sv: "Nordlig koordinat i SWEREF 99.", en: "Northing in SWEREF 99." },
        example: "6471500",
        constraints: { required: true },
        geoRole: "northing",
      },
      {
        name: "easting",
        type: "number",
        title: "Östlig koordinat",
        description: "Östlig koordinat i SWEREF 99.",
        titles: { sv: "Östlig koordinat", en: "Easting" },
        descriptions: { sv: "Östlig koordinat i SWEREF 99.", en: "Easting in SWEREF 99." },
        example: "536000",
        constraints: { required: true },
        geoRole: "easting",
      },
      {
        name: "crs",
        type: "string",
        title: "Koordinatsystem",
        description: "Radens koordinatsystem.",
        titles: { sv: "Koordinatsystem", en: "Coordinate system" },
        descriptions: { sv: "Radens koordinatsystem.", en: "The row's coordinate system." },
        example: "EPSG:3006",
        constraints: { required: true, enum: ["EPSG:3006", "EPSG:3010"] },
        geoRole: "crs",
      },
    ],
    primaryKey: ["organisation", "id"],
    geo: { kind: "projected", northing: "northing", easting: "easting", crsField: "crs" },
  },
  examples: [
    {
      id: "LP-001",
      organisation: "0580",
      namn: "Trädgårdsföreningens lekplats",
      typ: "temalekplats",
      andel_tillganglig: "80",
      inhagnad: "ja",
      webbplats: "",
      northing: "6471500",
      easting: "536000",
      crs: "EPSG:3006",
    },
    {
      id: "LP-002",
      organisation: "0580",
      namn: "Lekplatsen vid ån",
      typ: "narlekplats",
      andel_tillganglig: "20",
      inhagnad: "nej",
      webbplats: "https://www.linkoping.se/",
      northing: "6472000",
      easting: "537000",
      crs: "EPSG:3006",
    },
  ],
});

describe("the version page's parts, from a fixture", () => {
  const spec = {
    slug: "lekplatser",
    version: "1.0.0",
    published: "2026-03-02",
    definition: FIXTURE_SPECIFICATION,
  };
  const render = (language: "sv" | "en", versions: readonly string[] = ["1.0.0"]) =>
    renderDocument(SpecificationPage({ language, spec, versions }));

  test("constraints in plain words, code lists as nested lists", () => {
    const html = render("sv");
    assert.match(html, /<li>0–100<\/li>/);
    assert.match(html, /<li>högst 50 tecken<\/li>/);
    assert.match(html, /<li>1–200 tecken<\/li>/);
    assert.match(html, /<li>ska följa mönstret <code>\[A-Z\]\{2\}-\\d\+<\/code><\/li>/);
    assert.match(html, /<li>samma värde får inte finnas på två rader<\/li>/);
    assert.match(html, /<li>en webbadress \(URL\)<\/li>/);
    assert.match(html, /<li>en kommunkod, en regions kod eller ett organisationsnummer<\/li>/);
    assert.match(html, /<li>sant skrivs <code>ja<\/code>, <code>true<\/code><\/li>/);
    assert.match(html, /<ul class="code-list"><li><code>narlekplats<\/code> – Närlekplats<\/li>/);
    assert.match(
      html,
      /<ul class="code-list"><li><code>EPSG:3006<\/code><\/li><li><code>EPSG:3010<\/code><\/li>/,
    );
    const en = render("en");
    assert.match(en, /<li>at most 50 characters<\/li>/);
    assert.match(en, /<li><code>narlekplats<\/code> – Local playground<\/li>/);
  });

  test("each field: name in code, title and description in the page's language, type, required, example", () => {
    const html = render("sv");
    assert.match(
      html,
      /<tr id="field-namn"><th scope="row"><code>namn<\/code><\/th><td>Namn<\/td><td>Text<\/td><td>Ja<\/td><td>Lekplatsens namn\.<\/td>/,
    );
    assert.match(html, /<tr id="field-typ">[^]*?<td>Nej<\/td>/);
    assert.match(html, /<tr id="field-webbplats">[^]*?<code>https:\/\/www.linkoping.se\/lekplatser<\/code>/);
    assert.match(html, /<tr id="field-andel_tillganglig">[^]*?<td>Heltal<\/td>[^]*?<code>80<\/code>/);
    assert.equal(count(html, /<tr id="field-/g), FIXTURE_SPECIFICATION.schema.fields.length);
    const en = render("en");
    assert.match(
      en,
      /<tr id="field-namn"><th scope="row"><code>namn<\/code><\/th><td>Name<\/td><td>Text<\/td><td>Yes<\/td>/,
    );
    assert.match(en, /<td>True or false<\/td>/);
  });

  test("primary key and position in words", () => {
    const html = render("sv");
    assert.match(
      html,
      /Fälten <code>organisation<\/code>, <code>id<\/code> identifierar tillsammans varje rad/,
    );
    assert.match(html, /SWEREF 99 i meter: nordlig koordinat \(northing\) i fältet <code>northing<\/code>/);
    assert.match(html, /Fältet <code>crs<\/code> anger koordinatsystemet på varje rad/);
    const wgs = renderDocument(
      SpecificationPage({
        language: "en",
        spec: {
          ...spec,
          definition: {
            ...FIXTURE_SPECIFICATION,
            schema: {
              ...FIXTURE_SPECIFICATION.schema,
              primaryKey: "id",
              geo: { kind: "wgs84", latitude: "lat", longitude: "lon" },
            },
          },
        },
        versions: ["1.0.0"],
      }),
    );
    assert.match(wgs, /WGS 84 \(EPSG:4326\), in decimal degrees: latitude in the field <code>lat<\/code>/);
    assert.match(wgs, /The field <code>id<\/code> identifies each row/);
  });

  test("other versions are linked, and a newer one is pointed out", () => {
    const html = render("sv", ["1.0.0", "1.1.0"]);
    assert.match(html, /<li>1\.0\.0 \(den här sidan\)<\/li>/);
    assert.match(html, /<li><a href="\/specifications\/lekplatser\/1\.1\.0">1\.1\.0<\/a><\/li>/);
    assert.match(
      html,
      /<p class="note">Det finns en nyare version av specifikationen: <a href="\/specifications\/lekplatser\/1\.1\.0">1\.1\.0<\/a>\.<\/p>/,
    );
    assert.doesNotMatch(render("sv"), /nyare version/);
  });

  test("the fields table scrolls by keyboard too, labelled by its caption", () => {
    assert.match(
      render("sv"),
      /<div class="table-scroll" role="region" aria-labelledby="fields-caption" tabindex="0"><table class="fields"><caption id="fields-caption">Fälten i Lekplatser/,
    );
  });
});
