// Link checks of harvested distributions: a link that answers, one that is gone, one whose server
// refuses HEAD but answers GET, and one that redirects into the cloud metadata address, which is
// refused even though the test server's own host is allowed.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createServices, type Services } from "../../src/platform/index.ts";
import { startOrigin, stopOrigin, type TestOrigin } from "../support/origin.ts";
import { startTestPlatform, type TestPlatform } from "../support/platform.ts";

const catalog = (base: string) => `
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<https://example.com/catalog> a dcat:Catalog ;
  dcterms:title "Kommunens katalog"@sv ;
  dcterms:description "Länkprov."@sv ;
  dcterms:publisher <https://example.com/publisher> ;
  dcterms:license <http://creativecommons.org/publicdomain/zero/1.0/> ;
  dcat:dataset <https://example.com/bibliotek> .
<https://example.com/publisher> a foaf:Agent ; foaf:name "Exempelkommunen" .
<https://example.com/bibliotek> a dcat:Dataset ;
  dcterms:title "Bibliotek"@sv ;
  dcterms:description "Kommunens bibliotek."@sv ;
  dcterms:publisher <https://example.com/publisher> ;
  dcat:distribution <https://example.com/d/ok>, <https://example.com/d/gone>, <https://example.com/d/get>,
    <https://example.com/d/metadata> .
<https://example.com/d/ok> a dcat:Distribution ; dcat:accessURL <${base}/ok.csv> .
<https://example.com/d/gone> a dcat:Distribution ; dcat:accessURL <${base}/gone.csv> .
<https://example.com/d/get> a dcat:Distribution ; dcat:accessURL <${base}/no-head.csv> ;
  dcat:downloadURL <${base}/ok.csv> .
<https://example.com/d/metadata> a dcat:Distribution ; dcat:accessURL <${base}/metadata> .
`;

interface LinkBody {
  url: string;
  status: string;
  httpStatus: number | null;
  error: { kind: string; message: string } | null;
  datasets: string[];
}

describe("link checks of harvested distributions", () => {
  let platform: TestPlatform;
  let origin: TestOrigin;
  let services: Services;
  const requests: string[] = [];

  before(async () => {
    origin = await startOrigin((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      if (req.url === "/catalog.ttl")
        res.writeHead(200, { "Content-Type": "text/turtle" }).end(catalog(origin.base));
      else if (req.url === "/ok.csv") res.writeHead(200, { "Content-Type": "text/csv" }).end("id\n1\n");
      else if (req.url === "/no-head.csv") res.writeHead(req.method === "HEAD" ? 405 : 200).end("id\n1\n");
      else if (req.url === "/metadata")
        res.writeHead(302, { Location: "http://169.254.169.254/latest/meta-data/" }).end();
      else res.writeHead(404).end("saknas");
    });
    const host = new URL(origin.base).host;
    platform = await startTestPlatform({ env: { ALLOWED_PRIVATE_HOSTS: host } });
    services = createServices(platform.db, { dataDir: platform.dataDir, allowedPrivateHosts: [host] });
    const { run } = await services.harvest.registerAndRun(
      "0580",
      { url: `${origin.base}/catalog.ttl` },
      { actor: "system:test" },
    );
    assert.equal(run.error, null, JSON.stringify(run.error));
  });
  after(async () => {
    await platform.close();
    stopOrigin(origin);
  });

  const links = async (code = "0580", language = "sv") => {
    const response = await fetch(`${platform.url}/api/v1/organizations/${code}/catalog/links`, {
      headers: { "Accept-Language": language },
    });
    return { status: response.status, body: (await response.json()) as { links: LinkBody[] } };
  };

  test("harvested links are listed as unchecked until the job has run", async () => {
    const { status, body } = await links();
    assert.equal(status, 200);
    assert.equal(body.links.length, 4);
    assert.ok(body.links.every((l) => l.status === "unchecked"));
    assert.deepEqual(body.links[0]?.datasets, ["https://example.com/bibliotek"]);
  });

  test("a run checks each link once: answering, gone, HEAD refused, and a redirect into the network", async () => {
    const run = await services.linkChecks.run();
    assert.deepEqual(run, { discovered: 4, checked: 4, ok: 2, broken: 2 });
    const { body } = await links();
    const link = (path: string) => {
      const found = body.links.find((l) => new URL(l.url).pathname === path);
      assert.ok(found, path);
      return found;
    };
    assert.equal(link("/ok.csv").status, "ok");
    assert.equal(link("/no-head.csv").status, "ok", "answered GET after refusing HEAD");
    assert.equal(link("/gone.csv").status, "broken");
    assert.equal(link("/gone.csv").httpStatus, 404);
    assert.match(link("/gone.csv").error?.message ?? "", /404/);
    assert.equal(link("/metadata").status, "broken");
    assert.equal(link("/metadata").error?.kind, "forbidden-address");
    // Broken links come first.
    assert.deepEqual(
      body.links.slice(0, 2).map((l) => l.status),
      ["broken", "broken"],
    );
    assert.ok(requests.includes("HEAD /ok.csv"));
    assert.ok(requests.includes("GET /no-head.csv"));
    assert.ok(!requests.some((r) => r.startsWith("GET /ok.csv")), "a link that takes HEAD is not downloaded");
  });

  test("nothing is checked again before it is due", async () => {
    const before = requests.length;
    assert.deepEqual(await services.linkChecks.run(), { discovered: 0, checked: 0, ok: 0, broken: 0 });
    assert.equal(requests.length, before);
  });

  test("messages come in English on request, and an unknown organization is a 404", async () => {
    const { body } = await links("0580", "en");
    const gone = body.links.find((l) => l.url.endsWith("/gone.csv"));
    assert.ok(gone?.error !== null && gone?.error !== undefined);
    assert.doesNotMatch(gone.error.message, /[åäö]/);
    assert.equal((await links("9999")).status, 404);
  });
});
