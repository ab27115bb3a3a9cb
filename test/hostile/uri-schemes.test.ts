// Issue 22, item 12: `javascript:` was accepted as a `format: uri` value and exported. Through the
// API it must be a validation error, in Swedish and English, and never reach the national dataset.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { publisherToken } from "../support/accounts.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

let platform: TestPlatform;
let token: string;
let file: string;
before(async () => {
  platform = await startTestPlatform();
  token = await publisherToken(platform.db, "1280");
  // The specification's own example, Malmö's row with a script for a web page.
  const example = await (
    await fetch(`${platform.url}/api/v1/specifications/lekplatser/1.0.0/example.csv`)
  ).text();
  const lines = example.trim().split(/\r?\n/);
  const malmo = lines.find((line) => line.includes("https://malmo.se/lekplatser"));
  assert.ok(malmo !== undefined, "the example has Malmö's row");
  file = [lines[0], malmo.replace("https://malmo.se/lekplatser", "javascript:alert(document.cookie)")].join(
    "\r\n",
  );
});
after(() => platform.close());

const publish = (mode: string) =>
  fetch(`${platform.url}/api/v1/organizations/1280/publications/lekplatser?mode=${mode}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/octet-stream" },
    body: file,
  });

test("validating a javascript: link reports an error on its row and field, in Swedish and English", async () => {
  for (const [language, expected] of [
    ["sv", /väntade en fullständig adress .*http:, https:, mailto: eller urn:.*javascript:alert/],
    ["en", /expected a full address .*http:, https:, mailto: or urn:.*javascript:alert/],
  ] as const) {
    const response = await fetch(`${platform.url}/api/v1/validate?spec=lekplatser`, {
      method: "POST",
      headers: { "Content-Type": "text/csv", "Accept-Language": language },
      body: file,
    });
    assert.equal(response.status, 200);
    const report = (await response.json()) as {
      valid: boolean;
      errors: { rowNumber: number; fieldName: string; message: string | { sv: string; en: string } }[];
    };
    assert.equal(report.valid, false);
    const error = report.errors.find((e) => e.fieldName === "visit_url");
    assert.ok(error !== undefined, "an error on visit_url");
    assert.equal(error.rowNumber, 2);
    const message = typeof error.message === "string" ? error.message : error.message[language];
    assert.match(message, expected);
  }
});

test("the file is not published, and with valid rows only the link never reaches the data", async () => {
  assert.equal((await publish("all")).status, 422);
  await publish("valid-rows");
  const data = await (await fetch(`${platform.url}/api/v1/data/lekplatser?organization=1280`)).text();
  assert.doesNotMatch(data, /javascript:/i);
});
