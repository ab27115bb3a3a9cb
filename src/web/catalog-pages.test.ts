import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { badplatserCsv, publishCsv } from "../../test/support/publishing.ts";
import { createWebHarness, type WebHarness } from "../../test/support/web-harness.ts";

describe("the catalog search page", () => {
  let web: WebHarness;
  before(async () => {
    web = await createWebHarness();
    await publishCsv(
      web.publishing,
      "0580",
      "badplatser",
      badplatserCsv([{ id: "B1", name: "Stångebrobadet" }]),
    );
  });
  after(() => web.close());

  test("a search shows the hits with their publisher, and facets as checkboxes", async () => {
    const html = await web.get("/catalog?q=badplats");
    assert.match(html, /<h1>Sök datamängder<\/h1>/);
    assert.match(html, /2 träffar/);
    assert.match(
      html,
      /href="\/organizations\/0580\/publications\/badplatser">Badplatser – Linköpings kommun<\/a>/,
    );
    assert.match(html, /<input type="checkbox" id="facet-org-0" name="org" value="0580"/);
    assert.match(html, /Linköpings kommun <span class="facet__count">\(1\)<\/span>/);
    assert.match(html, /value="badplats"/);
  });

  test("the English page links to the English pages", async () => {
    const html = await web.get("/en/catalog?q=badplats");
    assert.match(
      html,
      /href="\/en\/organizations\/0580\/publications\/badplatser">Bathing sites – Linköpings kommun<\/a>/,
    );
    assert.match(html, /2 results/);
  });

  test("a chosen facet stays checked and narrows the hits", async () => {
    const html = await web.get("/catalog?q=badplats&org=0580");
    assert.match(html, /1 träff/);
    assert.match(html, /name="org" value="0580" checked=""/);
  });

  test("parameters the page cannot use are left out, never an error", async () => {
    for (const query of ["?cursor=nonsense", "?sort=random", `?q=${"x".repeat(500)}`, "?hvd=maybe"]) {
      const html = await web.get(`/catalog${query}`);
      assert.match(html, /<h1>Sök datamängder<\/h1>/, query);
    }
  });

  test("no match says what to try", async () => {
    const html = await web.get("/catalog?q=zzzzqqq");
    assert.match(html, /Inga träffar/);
    assert.match(html, /Pröva färre eller kortare ord/);
  });

  test("a publication's page, the landing page of its catalog entry, carries schema.org Dataset JSON-LD", async () => {
    const html = await web.get("/organizations/0580/publications/badplatser");
    const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1];
    assert.ok(json !== undefined, "no JSON-LD");
    const dataset = JSON.parse(json) as {
      "@type": string;
      name: string;
      publisher: { name: string };
      distribution: { contentUrl: string }[];
    };
    assert.equal(dataset["@type"], "Dataset");
    assert.equal(dataset.name, "Badplatser från Linköpings kommun");
    assert.equal(dataset.publisher.name, "Linköpings kommun");
    assert.equal(
      dataset.distribution[0]?.contentUrl,
      "http://localhost/api/v1/organizations/0580/data/badplatser.csv",
    );
  });
});
