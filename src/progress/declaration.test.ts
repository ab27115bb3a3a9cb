import assert from "node:assert/strict";
import { test } from "node:test";
import { declarationFields, declarationProblems, isDeclarable, isEvidenceUrl } from "./declaration.ts";

test("evidence is an absolute http(s) address with a host, without spaces", () => {
  for (const good of ["https://www.linkoping.se/oppna-data", "http://example.se", "https://x.se/a?b=c#d"])
    assert.equal(isEvidenceUrl(good), true, good);
  for (const bad of [
    "",
    "www.linkoping.se",
    "ftp://example.se/policy.pdf",
    "javascript:alert(1)",
    "mailto:a@b.se",
    "https://",
    "https://exa mple.se",
    "/oppna-data",
  ])
    assert.equal(isEvidenceUrl(bad), false, bad);
});

test("a declaration needs its link; the data contact also a name and an e-mail address", () => {
  assert.deepEqual(declarationProblems("open-data-policy", { url: "https://x.se/beslut" }), []);
  assert.deepEqual(declarationProblems("open-data-policy", { url: "" }), [{ field: "url", kind: "missing" }]);
  assert.deepEqual(declarationProblems("api", { url: "ftp://x.se" }), [{ field: "url", kind: "not-http" }]);
  assert.deepEqual(
    declarationProblems("data-contact", { url: "https://x.se", contactName: "", contactEmail: "nej" }),
    [
      { field: "contactName", kind: "missing" },
      { field: "contactEmail", kind: "not-email" },
    ],
  );
  assert.deepEqual(
    declarationProblems("data-contact", {
      url: "https://x.se/kontakt",
      contactName: "Anna Andersson",
      contactEmail: "anna@x.se",
    }),
    [],
  );
});

test("values over the limits are refused as too long, before any other check", () => {
  const long = `https://x.se/${"a".repeat(5000)}`;
  assert.deepEqual(declarationProblems("open-licence", { url: long }), [{ field: "url", kind: "too-long" }]);
  assert.deepEqual(
    declarationProblems("data-contact", {
      url: "https://x.se",
      contactName: "n".repeat(201),
      contactEmail: `${"e".repeat(320)}@x.se`,
    }),
    [
      { field: "contactName", kind: "too-long" },
      { field: "contactEmail", kind: "too-long" },
    ],
  );
});

test("only the four self-declared criteria can be declared, each with its fields", () => {
  assert.equal(isDeclarable("data-contact"), true);
  assert.equal(isDeclarable("published"), false);
  assert.equal(isDeclarable("__proto__"), false);
  assert.deepEqual(declarationFields("data-contact"), ["contactName", "contactEmail", "url"]);
  assert.deepEqual(declarationFields("api"), ["url"]);
});
