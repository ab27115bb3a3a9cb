import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createWebHarness, type WebHarness } from "./test-harness.ts";

describe("the progress pages", () => {
  let web: WebHarness;
  before(async () => {
    web = await createWebHarness();
  });
  after(() => web.close());

  test("the national page states both shares against the goal in words, in Swedish and English", async () => {
    const sv = await web.get("/progress");
    assert.match(sv, /0 av 290 kommuner \(0 %\) är etablerade eller mer/);
    assert.match(sv, /0 av 21 regioner/);
    assert.match(sv, /Målet är inte nått ännu/);
    const en = await web.get("/en/progress");
    assert.match(en, /0 of 290 municipalities/);
  });

  test("an organization's readiness page shows its level, criteria with evidence and next steps", async () => {
    const html = await web.get("/organizations/0580/readiness");
    assert.match(html, /Linköpings kommun: mognad/);
    assert.match(html, /Nivå 0: Inte påbörjad/);
    assert.match(html, /Namngiven datakontakt/);
    assert.match(html, /Publicera [^:<]+: 0 organisationer har redan gjort det/);
    assert.match(html, /badge\.svg/);
    await web.get("/organizations/9999/readiness", 404);
  });
});
