// The validation page through webRoutes over a seeded in-memory database, with the real
// ValidationService: the form, the report for a valid file and for one with a planted error, the
// error summary, the size limit and the link from a specification's page.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { exampleCsv, type SpecificationDefinition, type SpecificationSummary } from "../specs/index.ts";
import { createWebHarness, type WebHarness } from "../../test/support/web-harness.ts";

const MAX_UPLOAD_BYTES = 1024 * 1024;

let web: WebHarness;
let app: WebHarness["app"];
let specifications: readonly SpecificationSummary[];
/** A specification with a number field, and that field: where the planted error goes. */
let target: { definition: SpecificationDefinition; field: string; column: number };
const get = (path: string, status?: number) => web.get(path, status);

before(async () => {
  web = await createWebHarness({ maxUploadBytes: MAX_UPLOAD_BYTES });
  app = web.app;
  specifications = await web.specs.listSpecifications();
  const laddplatser = await web.specs.getSpecification("laddplatser");
  const field = "max_power_kw";
  const column = laddplatser.definition.schema.fields.findIndex((f) => f.name === field) + 1;
  assert.ok(column > 0, `laddplatser has ${field}`);
  assert.ok(laddplatser.definition.examples.length >= 2, "laddplatser has two example rows");
  target = { definition: laddplatser.definition, field, column };
});

after(async () => {
  await web.close();
});

interface Upload {
  readonly spec?: string;
  readonly file?: { readonly name: string; readonly content: string | Uint8Array<ArrayBuffer> };
}

async function post(path: string, upload: Upload, status = 200): Promise<string> {
  const form = new FormData();
  if (upload.spec !== undefined) form.set("spec", upload.spec);
  if (upload.file === undefined) {
    // What a browser sends when no file is chosen: an empty part without a file name.
    form.set("file", new File([], ""), "");
  } else {
    form.set("file", new File([upload.file.content], upload.file.name), upload.file.name);
  }
  const response = await app.request(path, { method: "POST", body: form, headers: { Accept: "text/html" } });
  const html = await response.text();
  assert.equal(response.status, status, `${path}: ${html.slice(0, 500)}`);
  return html;
}

function count(html: string, pattern: RegExp): number {
  return [...html.matchAll(pattern)].length;
}

/** The text of an element's content, tags removed and whitespace collapsed. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function assertPage(html: string, language: "sv" | "en"): void {
  assert.ok(html.startsWith(`<!DOCTYPE html><html lang="${language}">`));
  assert.equal(count(html, /<h1[ >]/g), 1, "one h1");
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, "no inline script");
  assert.doesNotMatch(html, /<style[\s>]|\sstyle=|\son[a-z]+=/, "no inline style or handler");
}

describe("the form", () => {
  test("offers every specification, a labelled file input with its hint, and a submit button", async () => {
    const html = await get("/validate");
    assertPage(html, "sv");
    assert.match(html, /<h1>Validera en fil<\/h1>/);
    assert.match(
      html,
      /<form class="validate-form" method="post" enctype="multipart\/form-data" action="\/validate">/,
    );
    const options = [...html.matchAll(/<option value="([a-z0-9-]+)"/g)].map((m) => m[1]);
    assert.deepEqual(
      options,
      specifications.map((s) => s.slug),
    );
    for (const spec of specifications) assert.ok(html.includes(`>${spec.title.sv}</option>`), spec.slug);
    assert.match(html, /<label for="validate-spec">Specifikation<\/label>/);
    assert.match(html, /<label for="validate-file">Fil<\/label>/);
    assert.match(
      html,
      /<input id="validate-file" name="file" type="file" accept="\.csv,\.txt,\.json,\.geojson,\.xlsx" aria-describedby="validate-file-hint"\/>/,
    );
    assert.match(html, /semikolon som avgränsare, decimalkomma och teckenkodningen Windows-1252/);
    assert.match(html, /högst 1 MB/);
    assert.match(html, /<button type="submit">Validera filen<\/button>/);
    assert.match(html, /role="status" aria-live="polite" data-file-status=""/);
    assert.match(html, /<script src="\/static\/validate\.js\?v=[0-9a-f]{12}" defer="">/);
    assert.doesNotMatch(html, /selected=""/, "nothing preselected without ?spec=");
    assert.doesNotMatch(html, /role="alert"/, "no error summary");
    assert.match(html, /<a href="\/validate" aria-current="page">Validera<\/a>/);
  });

  test("?spec= preselects the specification, and the language link keeps it", async () => {
    const html = await get("/validate?spec=laddplatser");
    assert.match(html, /<option value="laddplatser" selected="">/);
    assert.equal(count(html, /selected=""/g), 1);
    assert.match(html, /href="\/en\/validate\?spec=laddplatser"/);
    assert.doesNotMatch(await get("/validate?spec=finns-inte"), /selected=""/);
  });

  test("in English under /en", async () => {
    const html = await get("/en/validate");
    assertPage(html, "en");
    assert.match(html, /<h1>Validate a file<\/h1>/);
    assert.match(html, /action="\/en\/validate"/);
    assert.match(html, /semicolons as delimiter, decimal commas and the Windows-1252 character encoding/);
    assert.match(html, /<a href="\/en\/validate" aria-current="page">Validate<\/a>/);
  });

  test("a specification's page links to the form with the specification chosen", async () => {
    const first = specifications[0];
    assert.ok(first !== undefined);
    const html = await get(`/specifications/${first.slug}/${first.latestVersion}`);
    assert.ok(
      html.includes(`<a href="/validate?spec=${first.slug}">Validera en fil mot den här specifikationen</a>`),
    );
    const en = await get(`/en/specifications/${first.slug}/${first.latestVersion}`);
    assert.ok(
      en.includes(`<a href="/en/validate?spec=${first.slug}">Validate a file against this specification</a>`),
    );
  });
});

describe("the report", () => {
  test("a valid example file: the valid verdict, exact counts, the dialect in words, the links", async () => {
    const csv = exampleCsv(target.definition);
    const html = await post("/validate", {
      spec: "laddplatser",
      file: { name: "laddplatser.csv", content: csv },
    });
    assertPage(html, "sv");
    assert.match(html, /<h1>Filen är giltig<\/h1>/);
    assert.match(html, /class="verdict verdict--valid"/);
    const rows = target.definition.examples.length;
    assert.match(html, new RegExp(`<dt>Rader</dt><dd>${rows}</dd>`));
    assert.match(html, /<dt>Fel<\/dt><dd>0<\/dd>/);
    assert.match(html, /<dt>Teckenkodning<\/dt><dd>UTF-8<\/dd>/);
    assert.match(html, /<dt>Avgränsare<\/dt><dd>kommatecken \(,\)<\/dd>/);
    assert.match(html, /<dt>Decimaltecken<\/dt><dd>punkt \(1\.5\)<\/dd>/);
    assert.match(html, /Inga fel eller varningar hittades\./);
    assert.doesNotMatch(html, /Det här kan rättas automatiskt/);
    const version = target.definition.version;
    assert.ok(html.includes(`<a href="/specifications/laddplatser/${version}">`), "the specification's page");
    assert.ok(html.includes(`<a href="/validate?spec=laddplatser">Validera en fil till</a>`));
    assert.match(
      html,
      new RegExp(
        `<code>curl --data-binary @laddplatser\\.csv &quot;http://localhost/api/v1/validate\\?spec=laddplatser&amp;version=${version}&quot;</code>`,
      ),
    );
    assert.match(html, /\/api\/v1\/validate\/fix\?spec=laddplatser&amp;version=/);
    assert.match(html, /<nav class="breadcrumbs"[^]*href="\/validate">Validera en fil<\/a>/);
  });

  test("a planted error is reported at its row and column, in the summary and in the list", async () => {
    const definition = {
      ...target.definition,
      examples: target.definition.examples.map((row, i) =>
        i === 1 ? { ...row, [target.field]: "tolv" } : row,
      ),
    };
    const html = await post("/validate", {
      spec: "laddplatser",
      file: { name: "min fil.csv", content: exampleCsv(definition) },
    });
    assert.match(html, /<h1>Filen har fel som behöver rättas<\/h1>/);
    assert.match(html, /<dt>Fel<\/dt><dd>1<\/dd>/);
    // The summary: the column, the kind of problem, the exact count, the first example (row 3).
    const summary = /<table class="report-summary">[^]*?<\/table>/.exec(html)?.[0] ?? "";
    assert.match(summary, /<th scope="col">Kolumn<\/th>/);
    assert.match(
      text(summary),
      new RegExp(`${target.field} Värden av fel typ Fel 1 rad 3: tolv`),
      "the summary row",
    );
    // The list: row 3 (the header is row 1), the column, the message in Swedish.
    const errors = /<table class="issues">[^]*?<\/table>/.exec(html)?.[0] ?? "";
    assert.match(errors, new RegExp(`<th scope="row">3</th><td><code>${target.field}</code></td>`));
    assert.match(errors, new RegExp(`Rad 3, kolumnen &quot;${target.field}&quot;: väntade ett tal`));
    // A file name that is no safe shell word gives way to the placeholder in the commands.
    assert.match(html, /curl --data-binary @fil\.csv /);
    assert.match(html, /<code>min fil\.csv<\/code>/);

    const en = await post("/en/validate", {
      spec: "laddplatser",
      file: { name: "file.csv", content: exampleCsv(definition) },
    });
    assert.match(en, /<h1>The file has errors that need fixing<\/h1>/);
    assert.match(en, new RegExp(`Row 3, column &quot;${target.field}&quot;: expected a number`));
    assert.match(text(en), new RegExp(`${target.field} Values of the wrong type Error 1 row 3: tolv`));
  });

  test("a CSV from Swedish Excel: the dialect in words, and the fix hints", async () => {
    const csv = exampleCsv(target.definition);
    assert.match(csv, /[åäö]/, "the example has letters that Windows-1252 writes differently");
    // Semicolons, decimal commas and Windows-1252, as Excel writes CSV with Swedish settings.
    const lines = csv.trimEnd().split(/\r?\n/);
    const excel = lines
      .map((line, i) => {
        const cells = line.split(",");
        return (
          i === 0 ? cells : cells.map((cell) => (/^\d+\.\d+$/.test(cell) ? cell.replace(".", ",") : cell))
        ).join(";");
      })
      .join("\r\n");
    const html = await post("/validate", {
      spec: "laddplatser",
      file: { name: "excel.csv", content: new Uint8Array(Buffer.from(excel, "latin1")) },
    });
    assert.match(html, /<dt>Teckenkodning<\/dt><dd>Windows-1252 \(vanligt när Excel sparar CSV\)<\/dd>/);
    assert.match(html, /<dt>Avgränsare<\/dt><dd>semikolon \(;\)<\/dd>/);
    assert.match(html, /<dt>Decimaltecken<\/dt><dd>komma \(1,5\)<\/dd>/);
    assert.match(html, /<h2 id="fix-heading">Det här kan rättas automatiskt<\/h2>/);
    assert.match(html, /Teckenkodning och avgränsare\./);
    assert.match(html, /Tal med decimalkomma får decimalpunkt\./);
    assert.match(html, /<dt>Fel<\/dt><dd>0<\/dd>/, "read right: no errors");
    assert.match(html, /<h2>Varningarna<\/h2>/);
    assert.doesNotMatch(
      html,
      /Listan visar/,
      "one warning per column stands for all its cells: nothing is cut",
    );
  });

  test("the list is cut with a note, and the counts stay exact", async () => {
    const definition = {
      ...target.definition,
      examples: Array.from({ length: 150 }, (_, i) => ({
        ...target.definition.examples[0],
        id: `R-${i}`,
        [target.field]: "tolv",
      })),
    };
    const html = await post("/validate", {
      spec: "laddplatser",
      file: { name: "many.csv", content: exampleCsv(definition) },
    });
    const errors = /<table class="issues">[^]*?<\/table>/.exec(html)?.[0] ?? "";
    assert.equal(count(errors, /<tr><th scope="row">/g), 100);
    assert.match(html, /Listan visar de första 100 av 150\. Antalen i sammanfattningen är exakta\./);
    assert.match(text(html), new RegExp(`${target.field} Värden av fel typ Fel 150 `));
  });
});

describe("mistakes in the form", () => {
  test("no file: the form again, with an error summary that links to the field", async () => {
    const html = await post("/validate", { spec: "laddplatser" }, 400);
    assertPage(html, "sv");
    assert.match(html, /<title>Fel: Validera en fil – Dataverkstad<\/title>/);
    assert.match(
      html,
      /<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" data-error-summary="">/,
    );
    assert.match(html, /<h2 id="error-summary-title">Det finns ett problem<\/h2>/);
    assert.match(html, /<a href="#validate-file">Välj en fil att validera\.<\/a>/);
    assert.ok(html.indexOf("error-summary") < html.indexOf("<h1>"), "the summary comes first");
    assert.match(
      html,
      /<p id="validate-file-error" class="field-error"><span class="visually-hidden">Fel: <\/span>Välj en fil att validera\.<\/p>/,
    );
    assert.match(html, /aria-describedby="validate-file-hint validate-file-error" aria-invalid="true"/);
    assert.match(html, /<option value="laddplatser" selected="">/, "the choice is kept");

    const en = await post("/en/validate", { spec: "laddplatser" }, 400);
    assert.match(en, /<h2 id="error-summary-title">There is a problem<\/h2>/);
    assert.match(en, /<a href="#validate-file">Choose a file to validate\.<\/a>/);
  });

  test("an empty file, and no specification, are each named", async () => {
    const html = await post("/validate", { file: { name: "tom.csv", content: "" } }, 400);
    assert.match(html, /<a href="#validate-spec">Välj en specifikation att validera mot\.<\/a>/);
    assert.match(html, /<a href="#validate-file">Den valda filen är tom\. Välj en fil med innehåll\.<\/a>/);
  });

  test("a body that is not a form counts as no file", async () => {
    const response = await app.request("/validate", {
      method: "POST",
      body: "spec=laddplatser",
      headers: { "Content-Type": "text/plain", Accept: "text/html" },
    });
    assert.equal(response.status, 400);
    assert.match(await response.text(), /Välj en fil att validera\./);
  });

  test("an unknown specification is the 404 page", async () => {
    const html = await post(
      "/validate",
      { spec: "finns-inte", file: { name: "a.csv", content: "a\n1\n" } },
      404,
    );
    assert.match(html, /<h1>Sidan finns inte<\/h1>/);
    await post("/validate", { spec: "../etc", file: { name: "a.csv", content: "a\n1\n" } }, 404);
  });

  test("a Content-Length over the limit is refused with 413 before the body is read", async () => {
    const response = await app.request("/validate", {
      method: "POST",
      body: "x",
      headers: {
        "Content-Type": "multipart/form-data; boundary=x",
        "Content-Length": String(MAX_UPLOAD_BYTES * 2),
        Accept: "text/html",
      },
    });
    assert.equal(response.status, 413);
    assert.equal(response.headers.get("connection"), "close");
    const html = await response.text();
    assert.match(
      html,
      /<a href="#validate-file">Filen är för stor: den får vara högst 1 MB\. Dela upp den i flera filer\.<\/a>/,
    );
    const en = await app.request("/en/validate", {
      method: "POST",
      body: "x",
      headers: { "Content-Length": String(MAX_UPLOAD_BYTES * 2) },
    });
    assert.equal(en.status, 413);
    assert.match(await en.text(), /The file is too large: it may be at most 1 MB\./);
  });

  test("a file over the limit in a body without Content-Length is refused with 413 too", async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61);
    const form = new FormData();
    form.set("spec", "laddplatser");
    form.set("file", new File([big], "big.csv"), "big.csv");
    const encoded = new Response(form);
    const response = await app.request("/validate", {
      method: "POST",
      body: encoded.body,
      headers: { "Content-Type": encoded.headers.get("content-type") ?? "", Accept: "text/html" },
      // @ts-expect-error Node's fetch needs duplex for a stream body; the DOM typings lack it.
      duplex: "half",
    });
    assert.equal(response.status, 413);
  });
});
