import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { CatalogDataset } from "./model.ts";
import { ratingOf, scoreCatalog, scoreDataset, TOTAL_POINTS } from "./quality.ts";
import { CC0, FREQUENCIES, PUBLISHER_TYPES, SWEDEN, themesFor } from "./vocabulary.ts";

const base = "https://example.se";
const dataset = (overrides: Partial<CatalogDataset> = {}): CatalogDataset => ({
  id: "0580.badplatser",
  iri: `${base}/catalog/datasets/0580.badplatser`,
  kind: "publication",
  organizationCode: "0580",
  slug: "badplatser",
  specVersion: "1.0.0",
  title: { sv: "Badplatser", en: "Bathing sites" },
  description: { sv: "B", en: "B" },
  keywords: { sv: ["Badplatser"], en: ["Bathing sites"] },
  themes: themesFor("badplatser", null),
  publisher: {
    iri: `${base}/organizations/0580#organization`,
    name: { sv: "Linköpings kommun", en: "Linköpings kommun" },
    type: PUBLISHER_TYPES.LocalAuthority,
    organizationCode: "0580",
    organizationNumber: "212000-0449",
    sameAs: "http://dataportal.se/organisation/SE2120000449",
    homepage: `${base}/organizations/0580`,
  },
  contactPoint: {
    iri: `${base}/#c`,
    name: { sv: "K", en: "C" },
    email: "mailto:a@example.se",
    url: base,
    placeholder: false,
  },
  conformsTo: { iri: `${base}/specifications/badplatser/1.0.0`, title: { sv: "B", en: "B" } },
  spatial: { iri: SWEDEN.iri, label: SWEDEN.label, bbox: null },
  temporalStart: "2026-01-01",
  accrualPeriodicity: FREQUENCIES.IRREG,
  issued: new Date("2026-01-01"),
  modified: new Date("2026-02-01"),
  landingPage: base,
  hvdCategory: null,
  distributions: [
    {
      iri: `${base}/d/csv`,
      title: { sv: "CSV", en: "CSV" },
      description: { sv: "", en: "" },
      accessUrl: `${base}/a.csv`,
      downloadUrl: `${base}/a.csv`,
      format: "csv",
      accessService: null,
      byteSize: 10,
      sha256: null,
      issued: null,
      modified: null,
    },
    {
      iri: `${base}/d/xlsx`,
      title: { sv: "X", en: "X" },
      description: { sv: "", en: "" },
      accessUrl: "https://elsewhere.example.com/a.xlsx",
      downloadUrl: null,
      format: "xlsx",
      accessService: null,
      byteSize: null,
      sha256: null,
      issued: null,
      modified: null,
    },
  ],
  rows: 1,
  demo: false,
  ...overrides,
});

const own = (url: string) => url.startsWith(`${base}/`);

describe("the MQA-style quality score", () => {
  test("weights add up to 405 and points to the dimensions' sums", () => {
    const score = scoreDataset({ dataset: dataset(), violations: 0, ownUrl: own });
    assert.equal(
      score.indicators.reduce((sum, i) => sum + i.weight, 0),
      TOTAL_POINTS,
    );
    const byDimension = Object.values(score.dimensions).reduce((sum, d) => sum + d.points, 0);
    assert.ok(Math.abs(byDimension - score.points) < 0.01);
  });

  test("distribution indicators score the share that passes; interoperability the best one", () => {
    const score = scoreDataset({ dataset: dataset(), violations: 0, ownUrl: own });
    const points = (name: string) => score.indicators.find((i) => i.indicator === name)?.points;
    assert.equal(points("access-url-accessible"), 25); // one of two answers on this platform
    assert.equal(points("download-url"), 10);
    assert.equal(points("file-size"), 2.5);
    assert.equal(points("non-proprietary"), 20); // the CSV one
    assert.equal(points("rights"), 0);
    assert.equal(points("dcat-ap-compliance"), 30);
    const broken = scoreDataset({ dataset: dataset(), violations: 2, ownUrl: own });
    assert.equal(broken.indicators.find((i) => i.indicator === "dcat-ap-compliance")?.points, 0);
    assert.match(
      broken.indicators.find((i) => i.indicator === "dcat-ap-compliance")?.reason.sv ?? "",
      /2 SHACL-fel/,
    );
  });

  test("no keywords, themes or dates cost their points, with the reason", () => {
    const score = scoreDataset({
      dataset: dataset({ keywords: { sv: [], en: [] }, themes: [], temporalStart: null, issued: null }),
      violations: 0,
      ownUrl: own,
    });
    assert.equal(score.dimensions.findability.points, 20);
    assert.equal(score.indicators.find((i) => i.indicator === "keywords")?.reason.en, "No keywords.");
  });

  test("a placeholder contact address earns no points, and says why", () => {
    const real = scoreDataset({ dataset: dataset(), violations: 0, ownUrl: own });
    const contactPoint = { ...dataset().contactPoint, placeholder: true };
    const placeholder = scoreDataset({ dataset: dataset({ contactPoint }), violations: 0, ownUrl: own });
    const contact = (score: typeof real) => score.indicators.find((i) => i.indicator === "contact-point");
    assert.equal(contact(real)?.points, 20);
    assert.equal(contact(placeholder)?.points, 0);
    assert.match(contact(placeholder)?.reason.sv ?? "", /platshållaradress/);
    assert.equal(real.points - placeholder.points, 20);
  });

  test("ratings follow the MQA's bands, and an organization's score is the average", () => {
    assert.deepEqual([405, 351, 350, 221, 220, 121, 120, 0].map(ratingOf), [
      "excellent",
      "excellent",
      "good",
      "good",
      "sufficient",
      "sufficient",
      "bad",
      "bad",
    ]);
    const a = scoreDataset({ dataset: dataset(), violations: 0, ownUrl: own });
    const b = scoreDataset({ dataset: dataset(), violations: 1, ownUrl: own });
    const catalog = scoreCatalog([a, b]);
    assert.equal(catalog?.points, (a.points + b.points) / 2);
    assert.equal(scoreCatalog([]), null);
    assert.ok(CC0.iri.startsWith("http://creativecommons.org/"));
  });
});
