import assert from "node:assert/strict";
import { test } from "node:test";
import { localizedPath, pathLanguage, safeSitePath, stripLanguage } from "./paths.ts";

test("English pages live under /en, Swedish ones at the plain path", () => {
  assert.equal(pathLanguage("/"), "sv");
  assert.equal(pathLanguage("/lan/05"), "sv");
  assert.equal(pathLanguage("/en"), "en");
  assert.equal(pathLanguage("/en/lan/05"), "en");
  assert.equal(pathLanguage("/enkat"), "sv");
});

test("a path moves between the languages and back", () => {
  assert.equal(localizedPath("en", "/"), "/en");
  assert.equal(localizedPath("en", "/lan/05"), "/en/lan/05");
  assert.equal(localizedPath("sv", "/lan/05"), "/lan/05");
  assert.equal(stripLanguage("/en"), "/");
  assert.equal(stripLanguage("/en/"), "/");
  assert.equal(stripLanguage("/en/lan/05"), "/lan/05");
  assert.equal(stripLanguage("/lan/05"), "/lan/05");
});

test("a request path becomes a link only when it stays on this site", () => {
  assert.equal(safeSitePath("/organizations/9999"), "/organizations/9999");
  assert.equal(safeSitePath("//evil.example/x"), "/");
  assert.equal(safeSitePath("/\\evil.example"), "/");
  assert.equal(safeSitePath("/a b"), "/");
  assert.equal(safeSitePath("https://evil.example"), "/");
});
