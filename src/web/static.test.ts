import assert from "node:assert/strict";
import { test } from "node:test";
import { LEAFLET_DIST_DIR, readStaticFile, SITE_STATIC_DIR, siteAsset } from "./static.ts";

test("the site's files are served with their content types", async () => {
  assert.equal((await readStaticFile(SITE_STATIC_DIR, "site.css"))?.contentType, "text/css; charset=utf-8");
  assert.equal(
    (await readStaticFile(SITE_STATIC_DIR, "map.js"))?.contentType,
    "text/javascript; charset=utf-8",
  );
  assert.equal((await readStaticFile(SITE_STATIC_DIR, "favicon.svg"))?.contentType, "image/svg+xml");
  assert.equal(
    (await readStaticFile(LEAFLET_DIST_DIR, "leaflet.js"))?.contentType,
    "text/javascript; charset=utf-8",
  );
  assert.equal((await readStaticFile(LEAFLET_DIST_DIR, "images/layers.png"))?.contentType, "image/png");
});

test("nothing outside the folders, hidden or of an unknown type is served", async () => {
  for (const path of [
    "../index.ts",
    "../../../package.json",
    "..",
    "./site.css",
    ".hidden.css",
    "a//b.css",
    "",
    "site.css/",
    "index.ts",
    "..%2fsite.css",
    "images/../../package.json",
    "nope.css",
  ]) {
    assert.equal(await readStaticFile(SITE_STATIC_DIR, path), null, path);
  }
  assert.equal(await readStaticFile(LEAFLET_DIST_DIR, "../package.json"), null);
  assert.equal(
    await readStaticFile(LEAFLET_DIST_DIR, "leaflet-src.js.map"),
    null,
    "source maps are not served",
  );
});

test("asset URLs carry a version from the file's content", () => {
  assert.match(siteAsset("site.css"), /^\/static\/site\.css\?v=[0-9a-f]{12}$/);
});
