// Issue 22, item 6: input that is the client's fault was answered 500 INTERNAL (and logged with a
// stack): malformed JSON, a missing or wrong Content-Type, "\u0000" in JSON, %00 in query strings,
// and a JSON file with "\u0000" in a cell, which validated and then failed at publish on PostgreSQL.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { exampleCsv, loadDefinitions } from "../../src/specs/index.ts";
import type { ValidationReport } from "../../src/validation/index.ts";
import { publisherToken } from "../support/accounts.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

let platform: TestPlatform;
before(async () => {
  platform = await startTestPlatform();
});
after(async () => {
  await platform.close();
});

const send = (path: string, init: RequestInit) => fetch(`${platform.url}${path}`, init);

async function refusal(response: Response, status: number, code: string): Promise<ErrorBody["error"]> {
  const text = await response.text();
  assert.equal(response.status, status, text);
  const body = JSON.parse(text) as ErrorBody;
  assert.equal(body.error.code, code);
  return body.error;
}

const noServerErrors = () =>
  assert.deepEqual(
    platform.logs.filter((line) => typeof line.status === "number" && line.status >= 500),
    [],
    "no request was answered or logged as a server error",
  );

// Every JSON route, each with a method and a body it takes; the body check comes before any route.
const JSON_ROUTES = [
  ["POST", "/api/v1/session"],
  ["PATCH", "/api/v1/priority-list/badplatser"],
  ["POST", "/api/v1/organizations/0580/harvest-sources"],
  ["POST", "/api/v1/organizations/0580/catalog/described"],
  ["PUT", "/api/v1/organizations/0580/publications/badplatser/source"],
  ["PUT", "/api/v1/organizations/0580/readiness/declarations/contact"],
] as const;

describe("client errors on the JSON routes are 4xx in the error contract", () => {
  test("malformed JSON is 400 saying the body is not valid JSON, with the position", async () => {
    for (const [method, path] of JSON_ROUTES) {
      const error = await refusal(
        await send(path, {
          method,
          headers: { "Content-Type": "application/json" },
          body: '{"email": "a@b.se",',
        }),
        400,
        "BAD_REQUEST",
      );
      assert.match(error.message, /inte giltig JSON \(fel vid tecken \d+\)/, path);
      assert.equal(typeof (error.details as { position: number }).position, "number");
    }
    const english = await refusal(
      await send("/api/v1/session", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": "en" },
        body: "{nope",
      }),
      400,
      "BAD_REQUEST",
    );
    assert.match(english.message, /^The request body is not valid JSON \(error at character 1\)/);
    // An empty body said to be JSON is the client's fault too.
    await refusal(
      await send("/api/v1/session", { method: "POST", headers: { "Content-Type": "application/json" } }),
      400,
      "BAD_REQUEST",
    );
    noServerErrors();
  });

  test("a missing or wrong Content-Type is 415 naming what was expected and found", async () => {
    const body = JSON.stringify({ email: "a@b.se", password: "x" });
    const missing = await refusal(
      await send("/api/v1/session", { method: "POST", body }),
      415,
      "UNSUPPORTED_MEDIA_TYPE",
    );
    assert.match(missing.message, /application\/json/);
    for (const [method, path] of JSON_ROUTES) {
      const wrong = await refusal(
        await send(path, { method, headers: { "Content-Type": "text/plain" }, body }),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      );
      assert.match(wrong.message, /application\/json.*"text\/plain"/, path);
    }
    noServerErrors();
  });

  test("a NUL (\\u0000) in a JSON string is 400 naming the field", async () => {
    const error = await refusal(
      await send("/api/v1/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: '{"email": "a\\u0000@b.se", "password": "x"}',
      }),
      400,
      "BAD_REQUEST",
    );
    assert.match(error.message, /fältet email innehåller ett NUL-tecken/);
    assert.deepEqual((error.details as { name: string }[])[0]?.name, "email");
    const nested = await refusal(
      await send("/api/v1/organizations/0580/harvest-sources", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": "en" },
        body: '{"url": "https://example.org/", "notes": ["ok", "b\\u0000"]}',
      }),
      400,
      "BAD_REQUEST",
    );
    assert.match(nested.message, /field notes\[1\] contains a NUL character/);
    const surrogate = await refusal(
      await send("/api/v1/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: '{"email": "a@b.se", "password": "\\udc00"}',
      }),
      400,
      "BAD_REQUEST",
    );
    assert.match(surrogate.message, /fältet password innehåller .*halvt surrogatpar/);
    noServerErrors();
  });
});

describe("a NUL (%00) in a query string is 400 naming the parameter", () => {
  for (const [path, name] of [
    ["/api/v1/catalog/datasets?q=a%00", "q"],
    ["/api/v1/catalog/datasets?theme=a%00", "theme"],
    ["/api/v1/catalog/datasets?format=a%00", "format"],
    ["/api/v1/priority-list?area=a%00", "area"],
  ] as const) {
    test(`on the API: ${path}`, async () => {
      const error = await refusal(await send(path, {}), 400, "BAD_REQUEST");
      assert.match(error.message, new RegExp(`frågeparametern ${name} innehåller ett NUL-tecken`));
      assert.deepEqual((error.details as { in: string; name: string }[])[0], {
        in: "query",
        name,
        message: "NUL-tecken (%00)",
      });
      noServerErrors();
    });
  }

  for (const path of ["/catalog?q=a%00", "/organizations?q=a%00", "/en/catalog?q=a%00"]) {
    test(`on a web page: ${path} is a 400 page`, async () => {
      const response = await send(path, { headers: { Accept: "text/html" } });
      assert.equal(response.status, 400);
      assert.match(response.headers.get("content-type") ?? "", /text\/html/);
      assert.match(await response.text(), path.startsWith("/en/") ? /NUL character/ : /NUL-tecken/);
      noServerErrors();
    });
  }
});

describe("a character PostgreSQL cannot store, in a file's cell, is a validation error with its row, never a failure at publish", () => {
  const badplatser = loadDefinitions()
    .map((d) => d.definition)
    .find((d) => d.slug === "badplatser");
  assert.ok(badplatser);
  // The publisher's own rows: without the NUL they would publish, so the NUL is what must stop them.
  const rows: Record<string, string>[] = badplatser.examples.map((row, i) => ({
    ...row,
    source: "0580",
    id: `H${i}`,
  }));
  const second = rows[1];
  assert.ok(second);
  second.name = "Bad\u0000platsen";
  const json = JSON.stringify(rows);
  const clean = badplatser.examples.map((row, i) => ({ ...row, source: "0580", id: `H${i}` }));
  const withSurrogate = JSON.stringify(clean).replace('"name":"', '"name":"\\ud800');

  test('a JSON file with "\\u0000" (or a CSV file with a NUL byte) in a cell: an error at that row, in Swedish and English', async () => {
    assert.ok(json.includes("\\u0000"));
    const response = await send("/api/v1/validate?spec=badplatser&format=json", {
      method: "POST",
      body: json,
    });
    assert.equal(response.status, 200);
    const text = await response.text();
    // The character itself would show as \u0000 in the JSON; the message's own "\\u0000" is text.
    assert.ok(!/(?<!\\)\\u0000/.test(text), "no message or cell quotes the NUL itself");
    const report = JSON.parse(text) as ValidationReport;
    assert.equal(report.valid, false);
    assert.equal(report.errors.length, 1, JSON.stringify(report.errors));
    const found = report.errors.filter((e) => e.rowNumber === 2 && e.fieldName === "name");
    assert.equal(found.length, 1, JSON.stringify(report.errors));
    assert.match(found[0]?.message.sv ?? "", /NUL-tecken/);
    assert.match(found[0]?.message.en ?? "", /NUL character/);
    // A raw NUL byte in a CSV cell was refused already; it stays so.
    const csv = exampleCsv({ ...badplatser, examples: rows });
    assert.ok(csv.includes("\u0000"));
    const csvReport = (await (
      await send("/api/v1/validate?spec=badplatser", { method: "POST", body: csv })
    ).json()) as ValidationReport;
    assert.equal(csvReport.valid, false);
    assert.ok(csvReport.errors.some((e) => e.rowNumber === 3 && /NUL/.test(e.message.sv)));
  });

  test('a JSON file with half a surrogate pair ("\\ud800") in a cell: an error at that row', async () => {
    const report = (await (
      await send("/api/v1/validate?spec=badplatser&format=json", { method: "POST", body: withSurrogate })
    ).json()) as ValidationReport;
    assert.equal(report.valid, false);
    assert.deepEqual(
      report.errors.map((e) => [e.rowNumber, e.fieldName]),
      [[1, "name"]],
    );
    assert.match(report.errors[0]?.message.en ?? "", /half a surrogate pair/);
  });

  for (const [what, body] of [
    ["NUL", json],
    ["half a surrogate pair", withSurrogate],
  ] as const) {
    test(`publishing the file with ${what} is refused as invalid, not a 500, and stores nothing`, async () => {
      const token = await publisherToken(platform.db, "0580", `nul-${what.length}@kommun.se`);
      const response = await send("/api/v1/organizations/0580/publications/badplatser?format=json", {
        method: "POST",
        headers: { Authorization: `Bearer ${token}` },
        body,
      });
      const refused = await refusal(response, 422, "DATA_INVALID");
      // The release is kept as rejected, its report (jsonb on PostgreSQL) naming the character.
      const { links } = (refused.details as { release: { links: { report: string } } }).release;
      const report = (await (
        await fetch(links.report, { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as ValidationReport;
      assert.equal(report.errors.length, 1, JSON.stringify(report.errors));
      assert.match(report.errors[0]?.message.sv ?? "", /kan inte lagras|inte kan lagras/);
      const data = await send("/api/v1/data/badplatser", {});
      const total = ((await data.json()) as { total?: number }).total ?? 0;
      assert.equal(total, 0);
      noServerErrors();
    });
  }
});
