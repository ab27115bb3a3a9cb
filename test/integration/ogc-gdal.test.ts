// A real GIS client against /ogc: GDAL's OAPIF driver (ogrinfo, Debian's gdal-bin), the same
// library QGIS uses. Skipped, saying why, where ogrinfo is not installed.
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import { badplats, insertDatasetRows, type TestRow } from "../support/dataset-rows.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

const run = promisify(execFile);
const hasOgrinfo = spawnSync("ogrinfo", ["--version"]).status === 0;
const skip = hasOgrinfo
  ? false
  : "ogrinfo is not installed: apt-get install gdal-bin (bash .ci/run installs it) to run the GDAL client test";

let platform: TestPlatform;
const ROWS = 23; // more than GDAL's page of 10: it must follow next links

async function ogrinfo(...args: string[]): Promise<string> {
  const { stdout } = await run("ogrinfo", args, {
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
    // No proxy for loopback, and no GDAL configuration from the machine.
    env: { ...process.env, NO_PROXY: "127.0.0.1", no_proxy: "127.0.0.1", GDAL_HTTP_PROXY: "" },
  });
  return stdout;
}

describe("GDAL's OAPIF driver reads /ogc", { skip }, () => {
  before(async () => {
    platform = await startTestPlatform();
    const rows: TestRow[] = [];
    for (let n = 1; n <= 20; n++) rows.push({ organization: "0580", data: badplats(n) });
    for (let n = 1; n <= 3; n++) {
      rows.push({ organization: "1280", data: badplats(n, n === 2 ? { name: "Ribersborgsstranden" } : {}) });
    }
    await insertDatasetRows(platform.db, "badplatser", rows);
  });
  after(async () => {
    await platform.close();
  });

  test("ogrinfo -so lists the collections as layers, badplatser among them", async () => {
    const out = await ogrinfo("-ro", "-so", `OAPIF:${platform.url}/ogc`);
    assert.match(out, /using driver `OAPIF' successful/);
    assert.match(out, /\d+: badplatser \(title: Badplatser\)/);
    assert.doesNotMatch(out, /leverantorsreskontra/);
  });

  test("ogrinfo -so on the layer gives its geometry and the feature count", async () => {
    const out = await ogrinfo("-ro", "-so", `OAPIF:${platform.url}/ogc`, "badplatser");
    assert.match(out, /Geometry: Point/);
    assert.match(out, new RegExp(`Feature Count: ${ROWS}\\b`));
  });

  test("ogrinfo -al reads every feature, following next links, with typed fields", async () => {
    const out = await ogrinfo("-ro", "-al", "-q", `OAPIF:${platform.url}/ogc`, "badplatser");
    const features = out.match(/^OGRFeature\(badplatser\):\d+$/gm) ?? [];
    assert.equal(features.length, ROWS);
    assert.match(out, /name \(String\) = Ribersborgsstranden/);
    assert.match(out, /_organization \(String\) = 1280/);
    assert.match(out, /eu_bath \(Integer\(Boolean\)\) = [01]/);
    assert.match(out, /POINT \(11\.7 55\.7\)/);
  });
});
