import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Parser } from "n3";
import { describedDocument, parseDescription, type DatasetDescription } from "./described.ts";

const INPUT = {
  titleSv: " Bibliotekens öppettider ",
  descriptionSv: "Öppettider.",
  keywords: "bibliotek, öppettider, bibliotek, ",
  theme: "EDUC",
  licence: "CC-BY-4.0",
  accessUrl: "https://www.kommun.se/bibliotek",
  format: "csv",
  frequency: "WEEKLY",
};

describe("a described dataset", () => {
  test("the form's values are trimmed, keywords split and deduplicated, the format upper-cased", () => {
    const parsed = parseDescription(INPUT);
    assert.ok(parsed.ok);
    assert.equal(parsed.description.title.sv, "Bibliotekens öppettider");
    assert.deepEqual(parsed.description.keywords, ["bibliotek", "öppettider"]);
    assert.equal(parsed.description.format, "CSV");
    assert.equal(parsed.description.downloadUrl, "");
  });

  test("every problem is named by its field, in Swedish and English", () => {
    const parsed = parseDescription({
      ...INPUT,
      titleSv: "x".repeat(201),
      accessUrl: "javascript:alert(1)",
      format: "DOCX",
      frequency: "HOURLY",
      licence: "GPL",
      keywords: Array.from({ length: 21 }, (_, i) => `ord${i}`).join(","),
    });
    assert.ok(!parsed.ok);
    assert.deepEqual(parsed.problems.map((p) => p.field).sort(), [
      "accessUrl",
      "format",
      "frequency",
      "keywords",
      "licence",
      "title",
    ]);
    assert.ok(parsed.problems.every((p) => p.message.sv !== "" && p.message.en !== ""));
  });

  test("the document is Turtle that says exactly what was typed, whatever the text holds", () => {
    const parsed = parseDescription(INPUT);
    assert.ok(parsed.ok);
    const tricky: DatasetDescription = {
      ...parsed.description,
      title: { sv: 'Öppet "alltid"\n"""> . <x:y> ;\\ \u0007', en: "" },
      accessUrl: "https://www.kommun.se/a b?c=<d>&e={f}",
    };
    const quads = new Parser().parse(describedDocument([{ id: "7", description: tricky }]));
    const value = (predicate: string) => quads.find((q) => q.predicate.value === predicate)?.object.value;
    assert.equal(value("http://purl.org/dc/terms/title"), tricky.title.sv);
    assert.equal(value("http://purl.org/dc/terms/identifier"), "described-7");
    assert.equal(
      value("http://www.w3.org/ns/dcat#accessURL"),
      "https://www.kommun.se/a%20b?c=%3Cd%3E&e=%7Bf%7D",
    );
    assert.equal(value("http://purl.org/dc/terms/license"), "http://creativecommons.org/licenses/by/4.0/");
  });
});
