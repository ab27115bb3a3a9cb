// The pages rendered through webRoutes over a seeded in-memory database, without the HTTP layer:
// the language middleware and error handling are stood in for here as src/http does them.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { AppError, notFound, type Language } from "../core/index.ts";
import { createWebHarness, type WebHarness } from "../../test/support/web-harness.ts";
import { webErrorPage } from "./index.ts";

const OPENAPI = {
  openapi: "3.1.0",
  info: { title: "Dataverkstad API", version: "1.0.0" },
  paths: {
    "/api/v1/lan/{code}": {
      get: {
        tags: ["Registry"],
        summary: "Ett län / One county",
        parameters: [{ name: "code", in: "path", required: true, schema: { type: "string", example: "05" } }],
        responses: { "200": { description: "The county", content: { "application/json": {} } } },
      },
    },
  },
};

let web: WebHarness;
let app: WebHarness["app"];
const get = (path: string, status?: number) => web.get(path, status);

before(async () => {
  web = await createWebHarness({ openApiDocument: () => OPENAPI });
  app = web.app;
});

after(async () => {
  await web.close();
});

function count(html: string, pattern: RegExp): number {
  return [...html.matchAll(pattern)].length;
}

/** The municipality links in the start page's list that are not hidden. */
function shownKommuner(html: string): string[] {
  return [...html.matchAll(/<li data-search="[^"]*" data-code="\d{4}">\s*<a [^>]*>([^<]+)<\/a>/g)].map(
    (m) => m[1] ?? "",
  );
}

const ALL_PAGES = [
  "/",
  "/?q=malmo",
  "/organizations",
  "/organizations/0580",
  "/organizations/0980",
  "/organizations/05",
  "/lan",
  "/lan/05",
  "/accessibility",
  "/docs",
  "/priority-list",
  "/priority-list?status=identified",
  "/specifications",
  "/validate",
  "/validate?spec=badplatser",
  "/sign-in",
  "/data",
  "/data/badplatser",
  "/data/badplatser?kommun=0580&q=strand",
  "/organizations/0580/publications",
  "/organizations/0580/publications/badplatser",
];

describe("every page", () => {
  for (const language of ["sv", "en"] as const) {
    for (const svPath of ALL_PAGES) {
      const path =
        language === "sv" ? svPath : svPath.replace(/^\/(\?|$)/, "/en$1").replace(/^\/(?!en)/, "/en/");
      test(`${path} has the layout, the language and no inline script or style`, async () => {
        const html = await get(path);
        assert.ok(html.startsWith('<!DOCTYPE html><html lang="' + language + '">'), "doctype and lang");
        assert.match(html, /<a class="skip-link" href="#main">/);
        assert.match(html, /<main id="main" tabindex="-1"/);
        assert.equal(count(html, /<h1[ >]/g), 1, "one h1");
        assert.match(
          html,
          language === "sv" ? /lang="en" hreflang="en">In English</ : /lang="sv" hreflang="sv">På svenska</,
        );
        // A dataset's JSON-LD is data, not script (the CSP does not run it).
        assert.doesNotMatch(
          html,
          /<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>/,
          "no inline script",
        );
        assert.doesNotMatch(html, /<style[\s>]/, "no style element");
        assert.doesNotMatch(html, /\sstyle=/, "no style attribute");
        assert.doesNotMatch(html, /\son[a-z]+=/, "no inline event handler");
        assert.equal(count(html, /aria-current="page"/g), 1, "the current page is marked once in the menu");
        if (language === "sv") assert.doesNotMatch(html, /Skip to content|Organizations<|Counties/);
      });
    }
  }
});

describe("start page", () => {
  test("lists all 290 municipalities, none hidden, Swedish order", async () => {
    const html = await get("/");
    const shown = shownKommuner(html);
    assert.equal(shown.length, 290);
    assert.equal(shown[0], "Ale");
    assert.equal(shown.at(-1), "Övertorneå");
    assert.match(html, /Alla 290 kommuner visas\./);
    assert.match(html, /data-geojson-url="\/api\/v1\/boundaries\/kommun"/);
    assert.match(html, /data-link-base="\/organizations\/"/);
    assert.match(html, /minst hälften av de 21 regionerna och hälften av de 290 kommunerna/);
  });

  test("the search filters on the server, diacritics ignored, the rest kept but hidden", async () => {
    const html = await get("/?q=linkoping");
    assert.deepEqual(shownKommuner(html), ["Linköping"]);
    assert.equal(count(html, /<li data-search=/g), 290);
    assert.match(html, /1 kommun matchar sökningen\./);
    assert.match(html, /value="linkoping"/);
    assert.match(html, /href="\/en\?q=linkoping"/, "the language link keeps the search");
  });

  test("a search by code prefix and a search with no match", async () => {
    assert.equal(shownKommuner(await get("/?q=05")).length, 13);
    const none = await get("/en?q=zzzz");
    assert.deepEqual(shownKommuner(none), []);
    assert.match(none, /No municipality matches the search\./);
  });

  test("search text is escaped", async () => {
    const html = await get(`/?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    assert.doesNotMatch(html, /<script>alert/);
    assert.match(html, /&lt;script&gt;/);
  });

  test("English links stay in English", async () => {
    const html = await get("/en");
    assert.match(html, /href="\/en\/organizations\/0580">Linköping</);
    assert.match(html, /data-link-base="\/en\/organizations\/"/);
  });
});

describe("organizations", () => {
  test("the list has all 310, filters by type, county and text, and ignores nonsense", async () => {
    const rows = (html: string) => count(html, /<tr><th scope="row"><a href="\/(en\/)?organizations\//g);
    assert.equal(rows(await get("/organizations")), 310);
    assert.equal(rows(await get("/organizations?type=region")), 21);
    assert.equal(rows(await get("/organizations?type=kommun")), 290);
    assert.equal(rows(await get("/organizations?lan=05")), 14);
    assert.equal(rows(await get("/organizations?type=kommun&lan=05&q=link")), 1);
    assert.equal(rows(await get("/organizations?type=nonsense&lan=x")), 310);
    const none = await get("/en/organizations?q=zzzz");
    assert.match(none, /No organization matches the filter\./);
    assert.doesNotMatch(none, /<table/);
  });

  test("the filter form keeps what was chosen", async () => {
    const html = await get("/organizations?type=region&lan=05");
    assert.match(html, /<option value="region" selected="">/);
    assert.match(html, /<option value="05" selected="">/);
  });

  test("a municipality's page: code, type, county, region, map and API links", async () => {
    const html = await get("/organizations/0580");
    assert.match(html, /<h1>Linköpings kommun<\/h1>/);
    assert.match(html, /<dd>0580<\/dd>/);
    assert.match(html, /<dd>Kommun<\/dd>/);
    assert.match(html, /href="\/lan\/05">Östergötlands län</);
    assert.match(html, /href="\/organizations\/05">Region Östergötland</);
    assert.match(html, /data-geojson-url="\/api\/v1\/organizations\/0580\/boundary"/);
    assert.match(html, /role="region" aria-label="Karta över Linköpings kommun"/);
    assert.match(html, /href="\/api\/v1\/organizations\/0580"/);
  });

  test("Region Gotland is said to be both a municipality and a region", async () => {
    assert.match(await get("/organizations/0980"), /<dd>Kommun och region<\/dd>/);
    const en = await get("/en/organizations/0980");
    assert.match(en, /<dd>Municipality and region<\/dd>/);
    assert.match(en, /counted both as a municipality and as a region/);
  });

  test("a region's page says it covers its county", async () => {
    assert.match(await get("/organizations/05"), /Regionen omfattar hela Östergötlands län\./);
  });

  test("an unknown code is a 404 page in the page's language", async () => {
    const sv = await get("/organizations/9999", 404);
    assert.match(sv, /<html lang="sv">/);
    assert.match(sv, /<h1>Sidan finns inte<\/h1>/);
    assert.match(sv, /ingen organisation med koden 9999/);
    const en = await get("/en/organizations/9999", 404);
    assert.match(en, /<h1>Page not found<\/h1>/);
    assert.match(en, /href="\/organizations\/9999" lang="sv"/);
  });
});

describe("län", () => {
  test("the list has the 21 counties and 290 municipalities in all", async () => {
    const html = await get("/lan");
    assert.equal(count(html, /<th scope="row"><a href="\/lan\/\d{2}">/g), 21);
    assert.match(html, /<caption>Sveriges 21 län och antalet kommuner i varje län<\/caption>/);
    assert.match(html, /<td class="numeric">290<\/td>/);
  });

  test("a county's page: its region, its municipalities and its map", async () => {
    const html = await get("/lan/05");
    assert.match(html, /<h1>Östergötlands län<\/h1>/);
    assert.match(html, /href="\/organizations\/05">Region Östergötland</);
    assert.equal(count(html, /<th scope="row"><a href="\/organizations\/05\d\d">/g), 13);
    assert.match(html, /data-geojson-url="\/api\/v1\/lan\/05\/boundary"/);
    await get("/lan/99", 404);
  });
});

describe("accessibility statement and API documentation", () => {
  test("the statement names the law, the status, the contact, DIGG and the testing", async () => {
    const html = await get("/accessibility");
    assert.match(html, /<title>Tillgänglighetsredogörelse – Dataverkstad<\/title>/);
    for (const text of [
      /2018:1937/,
      /WCAG 2\.1 nivå AA/,
      /mailto:/,
      /https:\/\/www\.digg\.se\/tdosanmalan/,
      /axe-core/,
      /tangentbord/,
    ]) {
      assert.match(html, text);
    }
    assert.match(html, /<time datetime="\d{4}-\d{2}-\d{2}">/);
    assert.match(await get("/en/accessibility"), /<title>Accessibility statement – Dataverkstad<\/title>/);
  });

  test("the documentation shows each operation from the OpenAPI document", async () => {
    const html = await get("/docs");
    assert.match(html, /<span class="method">GET<\/span> \/api\/v1\/lan\/\{code\}/);
    assert.match(html, /<p>Ett län<\/p>/);
    assert.match(html, /<code>code<\/code>/);
    assert.match(html, /href="\/api\/v1\/lan\/05"/, "a try-it link built from the example");
    assert.match(html, /href="\/openapi.json"/);
    assert.match(
      html,
      /<span lang="en">The county<\/span>/,
      "English-only texts are marked on Swedish pages",
    );
    assert.match(await get("/en/docs"), /<p>One county<\/p>/);
  });
});

describe("static files", () => {
  test("served with content type and cache headers; versioned URLs are cached long", async () => {
    const plain = await app.request("/static/site.css");
    assert.equal(plain.status, 200);
    assert.equal(plain.headers.get("content-type"), "text/css; charset=utf-8");
    assert.equal(plain.headers.get("cache-control"), "public, max-age=300");
    assert.ok(plain.headers.get("etag"));
    const home = await get("/");
    const cssUrl = /href="(\/static\/site\.css\?v=[0-9a-f]+)"/.exec(home)?.[1];
    assert.ok(cssUrl !== undefined);
    const versioned = await app.request(cssUrl);
    assert.equal(versioned.headers.get("cache-control"), "public, max-age=31536000, immutable");
    const leaflet = await app.request("/static/vendor/leaflet/leaflet.js?v=1.9.4");
    assert.equal(leaflet.status, 200);
    assert.equal(leaflet.headers.get("content-type"), "text/javascript; charset=utf-8");
  });

  test("path traversal and unknown files are refused", async () => {
    for (const path of [
      "/static/%2e%2e/index.ts",
      "/static/..%2f..%2fpackage.json",
      "/static/vendor/leaflet/..%2f..%2fpackage.json",
      "/static/vendor/leaflet/%2e%2e/package.json",
      "/static/index.ts",
      "/static/nope.js",
    ]) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
    }
  });
});

describe("error page", () => {
  const error = new AppError("INTERNAL", { sv: "Oväntat fel.", en: "Unexpected error." });

  test("speaks the path's language and links to the same path in the other", () => {
    const html = webErrorPage(error, "en" satisfies Language, { path: "/lan/99", requestId: "abc-123" });
    assert.match(html, /<html lang="sv">/);
    assert.match(html, /<h1>Något gick fel<\/h1>/);
    assert.match(html, /Ange referensen abc-123/);
    assert.match(html, /href="\/en\/lan\/99" lang="en"/);
    assert.doesNotMatch(html, /aria-current/, "an error page is no menu item");
  });

  test("without a path it uses the negotiated language", () => {
    assert.match(webErrorPage(error, "en"), /<html lang="en">/);
  });

  test("never links off the site from a crafted path", () => {
    const html = webErrorPage(notFound({ sv: "x", en: "x" }), "sv", { path: "//evil.example/a" });
    assert.doesNotMatch(html, /evil\.example/);
  });
});
