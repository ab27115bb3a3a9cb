import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { OrganizationCode } from "../core/index.ts";
import { CSRF_FIELD } from "./csrf.ts";
import {
  createWebHarness,
  csrfFrom,
  type WebClient,
  type WebHarness,
} from "../../test/support/web-harness.ts";

const PUBLISHER = "pia@linkoping.se";
const MALMO = "olle@malmo.se";

describe("the progress pages", () => {
  let web: WebHarness;
  before(async () => {
    web = await createWebHarness();
    await web.createUser(PUBLISHER, [{ role: "publisher", organizationCode: "0580" as OrganizationCode }]);
    await web.createUser(MALMO, [{ role: "publisher", organizationCode: "1280" as OrganizationCode }]);
  });
  after(() => web.close());

  const stored = async () =>
    web.database.db.query<{ organization_code: string; criterion: string; evidence_url: string }>(
      "SELECT organization_code, criterion, evidence_url FROM readiness_declarations ORDER BY criterion",
    );

  test("the national page states both shares against the goal in words, in Swedish and English", async () => {
    const sv = await web.get("/progress");
    assert.match(sv, /0 av 290 kommuner \(0 %\) är etablerade eller mer/);
    assert.match(sv, /0 av 21 regioner/);
    assert.match(sv, /Målet är inte nått ännu/);
    const en = await web.get("/en/progress");
    assert.match(en, /0 of 290 municipalities/);
  });

  test("the national page draws all 290 municipalities as one titled picture, with a key in words", async () => {
    const html = await web.get("/progress");
    assert.ok(html.length < 300_000, `the page is ${html.length} bytes`);
    const svg = /<svg id="kommun-map" class="choropleth"[^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    assert.match(svg, /role="img" aria-labelledby="kommun-map-title kommun-map-desc"/);
    assert.match(
      svg,
      /<title id="kommun-map-title">Karta över Sveriges 290 kommuner efter mognadsnivå<\/title>/,
    );
    assert.match(svg, /<desc id="kommun-map-desc">Nivå 0 Inte påbörjad: 290 kommuner\./);
    assert.equal(svg.match(/<path /g)?.length, 290);
    assert.match(svg, /data-code="0580"><title>Linköpings kommun: nivå 0 Inte påbörjad<\/title>/);
    assert.match(html, /Kartan är en bild och går inte att använda med tangentbord/);
    // Stockholm's inner municipalities again, enlarged, with the rest of the county cut at the edge.
    const inset =
      /<svg id="stockholm-map" class="choropleth choropleth--inset"[^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0] ??
      "";
    assert.match(inset, /<title id="stockholm-map-title">Stockholmsområdet förstorat/);
    assert.equal(inset.match(/<path /g)?.length, 26);
    assert.match(inset, /data-code="0183"><title>Sundbybergs stad: nivå 0/);
    for (const text of ["Nivå 0 Inte påbörjad: 290 kommuner", "Nivå 3 Avancerad: inga kommuner"])
      assert.ok(html.includes(text), text);
    // The counties beside it, each to its page; every municipality below, each to its readiness.
    assert.equal(html.match(/href="\/progress\/lan\/\d\d"/g)?.length, 42, "21 counties in each table");
    assert.match(html, /<a href="\/progress\/lan\/05">Östergötlands län<\/a>/);
    const table = /<details class="all-kommuner">[\s\S]*?<\/details>/.exec(html)?.[0] ?? "";
    assert.equal(table.match(/href="\/organizations\/\d{4}\/readiness"/g)?.length, 290);
    assert.match(
      table,
      /<th scope="rowgroup" colspan="2"><a href="\/progress\/lan\/01">Stockholms län<\/a><\/th>/,
    );
    assert.match(html, /<a href="\/progress\/model">Mognadsmodellen: kriterier och nivåer<\/a>/);
    const en = await web.get("/en/progress");
    assert.match(
      en,
      /<title id="kommun-map-title">Map of Sweden&#39;s 290 municipalities by readiness level/,
    );
    assert.match(en, /href="\/en\/organizations\/0580\/readiness"/);
  });

  test("the main navigation leads to Framsteg, marked on its pages", async () => {
    const html = await web.get("/progress");
    assert.match(html, /<a href="\/progress" aria-current="page">Framsteg<\/a>/);
    assert.match(await web.get("/progress/lan/05"), /<a href="\/progress" aria-current="true">Framsteg<\/a>/);
    assert.match(await web.get("/en/lan"), /<a href="\/en\/progress">Progress<\/a>/);
  });

  test("a county's page shows every organization in it, its share, its map and the other counties", async () => {
    const html = await web.get("/progress/lan/05");
    assert.match(html, /<h1>Framsteg i Östergötlands län<\/h1>/);
    assert.match(html, /0 av 13 kommuner i länet \(0 %\) är etablerade eller mer/);
    const organizations =
      /<caption>Kommunerna och regionen i Östergötlands län[\s\S]*?<\/table>/.exec(html)?.[0] ?? "";
    assert.equal(organizations.match(/<tr>/g)?.length, 15, "a header row, the region and 13 kommuner");
    assert.match(organizations, /<a href="\/organizations\/05\/readiness">Region Östergötland<\/a>/);
    assert.match(
      organizations,
      /<a href="\/organizations\/0580\/readiness">Linköpings kommun<\/a><\/th><td>Kommun<\/td><td>0 Inte påbörjad<\/td><td class="numeric">0 av 8<\/td>/,
    );
    const svg =
      /<svg id="lan-map" class="choropleth choropleth--fit"[^>]*>[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    assert.equal(svg.match(/<path /g)?.length, 13);
    assert.match(
      html,
      /<tr class="this-row"><th scope="row"><a href="\/progress\/lan\/05" aria-current="page">Östergötlands län<\/a> \(detta län\)/,
    );
    assert.equal(html.match(/href="\/progress\/lan\/\d\d"/g)?.length, 21);
    assert.match(html, /Län: <a href="\/lan\/05">Östergötlands län<\/a>/);
    const en = await web.get("/en/progress/lan/05");
    assert.match(en, /<h1>Progress in Östergötlands län<\/h1>/);
    assert.match(en, /\(this county\)/);
    // The county's own page links here.
    assert.match(
      await web.get("/lan/05"),
      /<a href="\/progress\/lan\/05">Framsteg och mognad i Östergötlands län<\/a>/,
    );
  });

  test("an unknown county is a 404 page that says how county codes look", async () => {
    for (const path of ["/progress/lan/99", "/progress/lan/abc", "/progress/lan/5"]) {
      const html = await web.get(path, 404);
      assert.match(html, /Länskoder har två siffror/, path);
    }
    assert.match(await web.get("/en/progress/lan/99", 404), /County codes have two digits/);
  });

  test("the model page documents the version, the levels and every criterion from the model itself", async () => {
    const html = await web.get("/progress/model");
    assert.match(html, /<h1>Mognadsmodellen<\/h1>/);
    assert.match(html, /Modellens version: 1\.0\./);
    assert.match(
      html,
      /Minst 50 % av kommunerna och minst 50 % av regionerna ska vara på nivå 2 Etablerad eller högre/,
    );
    for (const id of [
      "data-contact",
      "open-data-policy",
      "catalog",
      "open-licence",
      "published",
      "conformant",
      "fresh",
      "api",
    ])
      assert.match(html, new RegExp(`<h3 id="criterion-${id}">`), id);
    assert.match(html, /<dt id="level-3">3 Avancerad<\/dt>/);
    assert.match(html, /Självdeklarerat av organisationen, med en länk som underlag/);
    assert.match(await web.get("/en/progress/model"), /<h1>The readiness model<\/h1>/);
  });

  test("an organization's readiness page shows its level, criteria with evidence and next steps", async () => {
    const html = await web.get("/organizations/0580/readiness");
    assert.match(html, /Linköpings kommun: mognad/);
    assert.match(html, /Nivå 0: Inte påbörjad/);
    assert.match(html, /Namngiven datakontakt/);
    assert.match(html, /Publicera [^:<]+: 0 organisationer har redan gjort det/);
    assert.match(html, /badge\.svg/);
    // The next steps lead to pages for people: the form, the model, validation, the publish form.
    assert.match(html, /<a href="\/organizations\/0580\/readiness#declare-data-contact">Ange uppgiften<\/a>/);
    assert.match(html, /<a href="\/progress\/model#criterion-open-data-policy">Om kriteriet<\/a>/);
    assert.match(html, /<a href="\/organizations\/0580\/publish\?spec=[a-z-]+">Publicera<\/a>/);
    assert.doesNotMatch(html, /api\/v1\/progress\/model/);
    assert.match(html, /<span class="evidence-kind evidence-kind--missing">Saknas<\/span>/);
    // Signed out: no form, a way to sign in that leads back.
    assert.doesNotMatch(html, /<form class="form"/);
    assert.match(
      html,
      /href="\/sign-in\?next=%2Forganizations%2F0580%2Freadiness">Är du publicerare för Linköpings kommun\?/,
    );
    await web.get("/organizations/9999/readiness", 404);
  });

  describe("declarations", () => {
    let pia: WebClient;
    const page = "/organizations/0580/readiness";
    const action = (criterion: string) => `/organizations/0580/readiness/declarations/${criterion}`;
    before(async () => {
      pia = web.client();
      await pia.signIn(PUBLISHER);
    });

    test("a publisher of the organization gets a form per self-declared criterion", async () => {
      const html = await pia.get(page);
      assert.equal(
        html.match(
          /<form class="form" method="post" action="\/organizations\/0580\/readiness\/declarations\/[a-z-]+" novalidate="">/g,
        )?.length,
        4,
      );
      assert.match(
        html,
        /<label for="declare-data-contact-url">Länk till sidan där kontakten anges<\/label>/,
      );
      assert.match(html, /<input id="declare-data-contact-email" name="contactEmail" type="email"/);
      assert.match(html, /aria-describedby="declare-open-data-policy-url-hint"/);
    });

    test("a link that is not http(s), an empty one or a 5 000-character one comes back with the error beside it; nothing is stored", async () => {
      const token = csrfFrom(await pia.get(page));
      const cases: [string, string][] = [
        [
          "ftp://linkoping.se/beslut.pdf",
          "Länken måste vara en fullständig webbadress som börjar med https:// eller http://",
        ],
        ["   ", "Ange en länk som visar att uppgiften stämmer."],
        [`https://linkoping.se/${"a".repeat(5000)}`, "Texten är för lång: högst 2000 tecken."],
      ];
      for (const [url, message] of cases) {
        const response = await pia.post(action("open-data-policy"), { url, [CSRF_FIELD]: token });
        const html = await response.text();
        assert.equal(response.status, 400, url.slice(0, 40));
        assert.match(html, /<title>Fel: Linköpings kommun: mognad/);
        assert.match(html, /<div class="error-summary" role="alert"/);
        assert.ok(html.includes(`<a href="#declare-open-data-policy-url">${message}`), message);
        assert.match(html, /<p id="declare-open-data-policy-url-error" class="field-error">/);
        assert.match(
          html,
          /id="declare-open-data-policy-url"[^>]*aria-describedby="declare-open-data-policy-url-hint declare-open-data-policy-url-error" aria-invalid="true"/,
        );
        if (url.trim() !== "") assert.ok(html.includes(`value="${url}"`), "the value is shown again");
      }
      assert.deepEqual(await stored(), []);
    });

    test("the data contact keeps every field on error and names each problem", async () => {
      const token = csrfFrom(await pia.get(page));
      const response = await pia.post(action("data-contact"), {
        contactName: "Anna Andersson",
        contactEmail: "anna-at-linkoping",
        url: "https://www.linkoping.se/kontakt",
        [CSRF_FIELD]: token,
      });
      assert.equal(response.status, 400);
      const html = await response.text();
      assert.match(html, /Ange en e-postadress i rätt form/);
      assert.match(html, /value="Anna Andersson"/);
      assert.match(html, /value="anna-at-linkoping"/);
      assert.match(html, /value="https:\/\/www\.linkoping\.se\/kontakt"/);
      assert.deepEqual(await stored(), []);
    });

    test("a form without its CSRF token, or with a wrong one, is refused and nothing is stored", async () => {
      const forms: Record<string, string>[] = [
        { url: "https://x.se" },
        { url: "https://x.se", [CSRF_FIELD]: "fel" },
      ];
      for (const fields of forms) {
        const response = await pia.post(action("open-data-policy"), fields);
        assert.equal(response.status, 403);
        assert.match(await response.text(), /Ingenting har ändrats/);
      }
      assert.deepEqual(await stored(), []);
    });

    test("a valid declaration is stored, redirects to the page and moves the level; withdrawing takes it back", async () => {
      const token = csrfFrom(await pia.get(page));
      const response = await pia.post(action("open-data-policy"), {
        url: "  https://www.linkoping.se/beslut/oppna-data  ",
        [CSRF_FIELD]: token,
      });
      assert.equal(response.status, 303);
      assert.equal(
        response.headers.get("location"),
        `${page}?saved=open-data-policy#declare-open-data-policy`,
      );
      assert.deepEqual(await stored(), [
        {
          organization_code: "0580",
          criterion: "open-data-policy",
          evidence_url: "https://www.linkoping.se/beslut/oppna-data",
        },
      ]);
      const html = await pia.get(`${page}?saved=open-data-policy`);
      assert.match(
        html,
        /<p class="notice" role="status">Uppgiften om beslut eller policy om öppna data är sparad och räknas redan\.<\/p>/,
      );
      assert.match(html, /Nivå 1: Påbörjad/);
      assert.match(
        html,
        /<span class="evidence-kind evidence-kind--declared">Självdeklarerat<\/span> Egen uppgift med länk\. <a href="https:\/\/www\.linkoping\.se\/beslut\/oppna-data" rel="nofollow">underlaget<\/a>/,
      );
      assert.match(html, /value="https:\/\/www\.linkoping\.se\/beslut\/oppna-data"/);

      const withdrawn = await pia.post(`${action("open-data-policy")}/withdraw`, { [CSRF_FIELD]: token });
      assert.equal(withdrawn.status, 303);
      assert.equal(
        withdrawn.headers.get("location"),
        `${page}?withdrawn=open-data-policy#declare-open-data-policy`,
      );
      assert.deepEqual(await stored(), []);
      const after = await pia.get(`${page}?withdrawn=open-data-policy`);
      assert.match(after, /Uppgiften om beslut eller policy om öppna data är borttagen/);
      assert.match(after, /Nivå 0: Inte påbörjad/);
    });

    test("in English the form posts to the English page and answers in English", async () => {
      const token = csrfFrom(await pia.get(`/en${page}`));
      const bad = await pia.post(`/en${action("api")}`, { url: "linkoping.se", [CSRF_FIELD]: token });
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /The link must be a full web address/);
      const good = await pia.post(`/en${action("api")}`, {
        url: "https://api.linkoping.se",
        [CSRF_FIELD]: token,
      });
      assert.equal(good.headers.get("location"), `/en${page}?saved=api#declare-api`);
      await pia.post(`/en${action("api")}/withdraw`, { [CSRF_FIELD]: token });
      assert.deepEqual(await stored(), []);
    });

    test("a publisher of another organization gets a 403 page, and nothing is stored", async () => {
      const olle = web.client();
      await olle.signIn(MALMO);
      const html = await olle.get(page);
      assert.doesNotMatch(html, /<form class="form"/);
      assert.match(html, /Du är inloggad men kan inte ange uppgifter för Linköpings kommun/);
      const token = csrfFrom(html);
      const response = await olle.post(action("open-data-policy"), {
        url: "https://x.se",
        [CSRF_FIELD]: token,
      });
      assert.equal(response.status, 403);
      assert.match(await response.text(), /Bara en publicerare för Linköpings kommun eller en administratör/);
      const withdraw = await olle.post(`${action("open-data-policy")}/withdraw`, { [CSRF_FIELD]: token });
      assert.equal(withdraw.status, 403);
      assert.deepEqual(await stored(), []);
    });

    test("signed out, a POST is refused; a criterion that cannot be declared is no page", async () => {
      const anonymous = await web.client().post(action("open-data-policy"), { url: "https://x.se" });
      assert.equal(anonymous.status, 403);
      const token = csrfFrom(await pia.get(page));
      const published = await pia.post(action("published"), { url: "https://x.se", [CSRF_FIELD]: token });
      assert.equal(published.status, 404);
      assert.deepEqual(await stored(), []);
    });
  });
});
