import assert from "node:assert/strict";
import { test } from "node:test";
import type { ProjectedMap } from "../../progress/index.ts";
import { declarationErrors } from "./progress-declarations.tsx";
import { Choropleth, fittedBox, levelFill, MapKey, smallAreas, type MapEntry } from "./progress-map.tsx";

const MAP: ProjectedMap = {
  metresPerUnit: 1000,
  width: 100,
  height: 200,
  areas: [
    { code: "0114", d: "M10 10l5 0 0 5-5 0z", box: [10, 10, 15, 15] },
    { code: "0115", d: "M15 10l5 0 0 5-5 0z", box: [15, 10, 20, 15] },
    { code: "2584", d: "M50 150l10 0 0 10-10 0z", box: [50, 150, 60, 160] },
  ],
};
const ENTRIES: MapEntry[] = [
  { code: "0114", name: "Upplands Väsby", level: 0 },
  { code: "0115", name: "Vallentuna", level: 1 },
  { code: "2584", name: "Kiruna", level: 3 },
];

// The components are called as functions: this file is plain TypeScript, and they render synchronously.
const render = (element: unknown) => String(element);

test("the map is one picture named by its title and description, each municipality titled with its level", () => {
  const svg = render(
    Choropleth({ language: "sv", id: "m", map: MAP, entries: ENTRIES, title: "Karta över kommunerna" }),
  );
  assert.match(
    svg,
    /^<svg id="m" class="choropleth" viewBox="0 0 100 200" role="img" aria-labelledby="m-title m-desc"/,
  );
  assert.match(svg, /<title id="m-title">Karta över kommunerna<\/title>/);
  assert.match(
    svg,
    /<desc id="m-desc">Nivå 0 Inte påbörjad: 1 kommun\. Nivå 1 Påbörjad: 1 kommun\. Nivå 2 Etablerad: inga kommuner\. Nivå 3 Avancerad: 1 kommun\.<\/desc>/,
  );
  assert.equal(svg.match(/<path /g)?.length, 3);
  assert.match(
    svg,
    /<path d="M10 10l5 0 0 5-5 0z" fill="#f3f2f1"[^>]*data-code="0114"><title>Upplands Väsby: nivå 0 Inte påbörjad<\/title>/,
  );
  assert.match(svg, /fill="url\(#m-fill-level-1\)"[^>]*data-code="0115"><title>Vallentuna: nivå 1 Påbörjad</);
  assert.match(svg, /<pattern id="m-fill-level-3"/);
  const en = render(Choropleth({ language: "en", id: "m", map: MAP, entries: ENTRIES, title: "Map" }));
  assert.match(en, /<title>Kiruna: level 3 Advanced<\/title>/);
});

test("a county's map draws only its municipalities, fitted to them", () => {
  const svg = render(
    Choropleth({
      language: "sv",
      id: "c",
      map: MAP,
      entries: ENTRIES.slice(0, 2),
      title: "Länet",
      fit: true,
    }),
  );
  assert.equal(svg.match(/<path /g)?.length, 2);
  assert.match(svg, /viewBox="8 8 14 9"/);
  assert.deepEqual(fittedBox([[10, 10, 15, 15]]), [8, 8, 9, 9]);
});

test("an enlarged inset frames the small municipalities and draws the county around them, cut at the edge", () => {
  assert.deepEqual(smallAreas(MAP, "01", 6), ["0114", "0115"]);
  assert.deepEqual(smallAreas(MAP, "01", 4), []);
  const svg = render(
    Choropleth({ language: "sv", id: "s", map: MAP, entries: ENTRIES, title: "Förstorat", crop: ["0115"] }),
  );
  assert.match(svg, /class="choropleth choropleth--inset" viewBox="13 8 9 9"/);
  assert.equal(svg.match(/<path /g)?.length, 3);
});

test("the key names every level in words and numbers, beside a swatch of its colour and pattern", () => {
  const key = render(MapKey({ language: "sv", id: "m", entries: ENTRIES }));
  assert.equal(key.match(/<li>/g)?.length, 4);
  assert.match(key, /Nivå 2 Etablerad: inga kommuner/);
  assert.match(key, /<svg class="map-key__swatch"[^>]*aria-hidden="true"/);
  assert.equal(levelFill("k", 2), "#2171b5");
  assert.equal(levelFill("k", 3), "url(#k-level-3)");
});

test("declaration problems become Swedish messages linked to their fields", () => {
  const errors = declarationErrors(
    "data-contact",
    [
      { field: "contactEmail", kind: "not-email" },
      { field: "url", kind: "not-http" },
      { field: "contactName", kind: "too-long" },
    ],
    "sv",
  );
  assert.deepEqual(errors, [
    {
      fieldId: "declare-data-contact-email",
      message: "Ange en e-postadress i rätt form, till exempel oppnadata@kommun.se.",
    },
    {
      fieldId: "declare-data-contact-url",
      message:
        "Länken måste vara en fullständig webbadress som börjar med https:// eller http://, till exempel https://www.kommun.se/oppna-data.",
    },
    { fieldId: "declare-data-contact-name", message: "Texten är för lång: högst 200 tecken." },
  ]);
  const [missing] = declarationErrors("api", [{ field: "url", kind: "missing" }], "en");
  assert.equal(missing?.message, "Give a link that shows the declaration is true.");
});
