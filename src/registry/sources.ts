import type { LocalizedText } from "../core/index.ts";

export interface RegistrySource {
  readonly what: LocalizedText;
  readonly origin: LocalizedText;
  readonly licence: LocalizedText;
}

/** Where the registry's facts come from; shown on the web pages beside the data. reference/SOURCES.md has the detail. */
export const REGISTRY_SOURCES: readonly RegistrySource[] = [
  {
    what: { sv: "Kommun- och länskoder och namn", en: "Municipality and county codes and names" },
    origin: {
      sv: "SCB, via github.com/sjbrg/swedish-geodata",
      en: "Statistics Sweden, via github.com/sjbrg/swedish-geodata",
    },
    licence: { sv: "CC0 1.0", en: "CC0 1.0" },
  },
  {
    what: {
      sv: "Organisationernas egna namn, organisationsnummer och webbplatser",
      en: "The organizations' own names, organisation numbers and websites",
    },
    origin: {
      sv: "SKL:s adressuppgifter (2016) via github.com/datasets/publicbodies, organisationernas egna webbplatser, Wikidata (organisationsnummer kontrollerade mot Skolverkets skolenhetsregister)",
      en: "SKL's address lists (2016) via github.com/datasets/publicbodies, the organizations' own websites, Wikidata (organisation numbers checked against Skolverket's school register)",
    },
    licence: { sv: "Offentliga uppgifter; Wikidata CC0", en: "Public facts; Wikidata CC0" },
  },
  {
    what: { sv: "Regioner", en: "Regions" },
    origin: {
      sv: "Regionernas egna namn, sammanställda av Dataverkstad",
      en: "The regions' own names, compiled by Dataverkstad",
    },
    licence: { sv: "CC0 1.0", en: "CC0 1.0" },
  },
  {
    what: {
      sv: "Kommun- och länsgränser (förenklade, 2020)",
      en: "Municipality and county boundaries (simplified, 2020)",
    },
    origin: {
      sv: "Valmyndigheten, via github.com/okfse/sweden-geojson",
      en: "Election Authority, via github.com/okfse/sweden-geojson",
    },
    licence: { sv: "Fri återanvändning enligt källan", en: "Free reuse according to the source" },
  },
];
