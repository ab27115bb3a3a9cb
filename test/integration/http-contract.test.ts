import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { validate, compileErrors } from "@readme/openapi-parser";
import { ERROR_CODES } from "../../src/core/index.ts";
import { getJson, rawGet } from "../support/http.ts";
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

function assertErrorShape(body: unknown, code: string): asserts body is ErrorBody {
  const error = (body as ErrorBody).error;
  assert.equal(error.code, code);
  assert.ok((ERROR_CODES as readonly string[]).includes(error.code));
  assert.equal(typeof error.message, "string");
  assert.ok(error.message.length > 10);
  assert.ok(!/at .*\.ts:\d+/.test(JSON.stringify(body)), "no stack trace leaves the server");
}

function loggedRefusal(status: number): boolean {
  return platform.logs.some(
    (line) => line.status === status && line.level === "warn" && typeof line.requestId === "string",
  );
}

describe("bad input gets an error in the contract's shape, and is logged", () => {
  test("an unknown organization code gives 404", async () => {
    const { status, body } = await getJson(platform.url, "/api/v1/organizations/9999");
    assert.equal(status, 404);
    assertErrorShape(body, "NOT_FOUND");
    assert.match(body.error.message, /9999/);
    assert.ok(loggedRefusal(404));
  });

  test("an unknown county gives 404", async () => {
    const { status, body } = await getJson(platform.url, "/api/v1/lan/99");
    assert.equal(status, 404);
    assertErrorShape(body, "NOT_FOUND");
  });

  test("a malformed code gives 400 naming the parameter", async () => {
    const { status, body } = await getJson(platform.url, "/api/v1/organizations/abc");
    assert.equal(status, 400);
    assertErrorShape(body, "BAD_REQUEST");
    assert.match(body.error.message, /code/);
  });

  test("?type=foo gives 400 that says what was expected and what was found", async () => {
    const { status, body } = await getJson(platform.url, "/api/v1/organizations?type=foo");
    assert.equal(status, 400);
    assertErrorShape(body, "BAD_REQUEST");
    assert.match(body.error.message, /kommun/);
    assert.match(body.error.message, /foo/);
    assert.deepEqual(body.error.details, [
      {
        in: "query",
        name: "type",
        message: 'Ogiltigt val: förväntade en av "kommun"|"region"',
        found: "foo",
      },
    ]);
    assert.ok(loggedRefusal(400));
  });

  test("errors are in English when the client asks for English", async () => {
    const { body } = await getJson<ErrorBody>(platform.url, "/api/v1/organizations?type=foo", {
      headers: { "Accept-Language": "en-GB,en;q=0.9" },
    });
    assert.match(body.error.message, /^Invalid request: query parameter type: Invalid option/);
  });

  test("a limit out of range and a forged cursor give 400", async () => {
    const tooMany = await getJson(platform.url, "/api/v1/organizations?limit=100000");
    assert.equal(tooMany.status, 400);
    const forged = await getJson(platform.url, "/api/v1/organizations?cursor=bm90LWEtY29kZQ");
    assert.equal(forged.status, 400);
    assertErrorShape(forged.body, "BAD_REQUEST");
  });

  test("a 100 KB query string is refused with 414", async () => {
    const res = await rawGet(platform.url, `/api/v1/organizations?q=${"a".repeat(100 * 1024)}`);
    assert.equal(res.status, 414);
    const body = JSON.parse(res.body) as unknown;
    assertErrorShape(body, "URI_TOO_LONG");
    assert.ok(loggedRefusal(414));
  });

  test("a URL beyond the header limit is refused with 431 in the same shape, and the server keeps serving", async () => {
    const res = await rawGet(platform.url, `/api/v1/organizations?q=${"a".repeat(400 * 1024)}`);
    assert.equal(res.status, 431);
    assertErrorShape(JSON.parse(res.body), "HEADERS_TOO_LARGE");
    assert.ok(platform.logs.some((line) => line.msg === "malformed request refused"));
    const after = await getJson(platform.url, "/api/v1/organizations/0580");
    assert.equal(after.status, 200);
  });

  test("a body over the size limit is refused with 413", async () => {
    const res = await fetch(`${platform.url}/api/v1/organizations`, {
      method: "POST",
      body: Buffer.alloc(2 * 1024 * 1024, 97),
    });
    assert.equal(res.status, 413);
    assertErrorShape(await res.json(), "PAYLOAD_TOO_LARGE");
  });

  test("an unknown path gives 404 in the contract's shape", async () => {
    const { status, body } = await getJson(platform.url, "/api/v1/nothing-here");
    assert.equal(status, 404);
    assertErrorShape(body, "NOT_FOUND");
  });
});

describe("every response", () => {
  test("carries security headers and a request id that is also logged", async () => {
    const res = await fetch(`${platform.url}/api/v1/lan`, { headers: { "X-Request-Id": "test-abc.123" } });
    const csp = res.headers.get("content-security-policy") ?? "";
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.equal(res.headers.get("x-request-id"), "test-abc.123");
    assert.ok(platform.logs.some((line) => line.requestId === "test-abc.123" && line.path === "/api/v1/lan"));
  });

  test("a malformed request id is replaced, not echoed", async () => {
    const res = await fetch(`${platform.url}/healthz`, { headers: { "X-Request-Id": "<script>" } });
    assert.match(res.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
  });
});

describe("health", () => {
  test("/healthz and /readyz answer 200 while the database is up", async () => {
    assert.equal((await getJson(platform.url, "/healthz")).status, 200);
    assert.deepEqual((await getJson(platform.url, "/readyz")).body, { status: "ok" });
  });
});

describe("the OpenAPI document", () => {
  test("is valid OpenAPI 3.1", async () => {
    const { body } = await getJson<Record<string, unknown>>(platform.url, "/openapi.json");
    assert.equal(body.openapi, "3.1.0");
    const result = await validate(structuredClone(body) as never);
    assert.ok(result.valid, result.valid ? "" : compileErrors(result));
  });

  test("lists every /api/v1 route", async () => {
    const { body } = await getJson<{ paths: Record<string, Record<string, unknown>> }>(
      platform.url,
      "/openapi.json",
    );
    const documented = Object.keys(body.paths).sort();
    for (const path of [
      "/api/v1/organizations",
      "/api/v1/organizations/{code}",
      "/api/v1/organizations/{code}/boundary",
      "/api/v1/lan",
      "/api/v1/lan/{code}",
      "/api/v1/lan/{code}/boundary",
      "/api/v1/boundaries/{areaType}",
      "/healthz",
      "/readyz",
    ]) {
      assert.ok(documented.includes(path), `${path} is documented`);
    }
  });

  test("says what the body reader answers on every route that takes a body", async () => {
    type Operation = { requestBody?: unknown; responses: Record<string, unknown> };
    const { body } = await getJson<{ paths: Record<string, Record<string, Operation>> }>(
      platform.url,
      "/openapi.json",
    );
    const withBodies = Object.values(body.paths)
      .flatMap((item) => Object.values(item))
      .filter((operation) => operation.requestBody !== undefined);
    assert.ok(withBodies.length > 5, "routes with a body are documented");
    for (const operation of withBodies) {
      for (const status of ["408", "413", "415"]) assert.ok(status in operation.responses, status);
    }
    assert.ok(!("415" in (body.paths["/api/v1/organizations"]?.get?.responses ?? {})), "a GET takes no body");
  });
});
