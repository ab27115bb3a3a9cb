// The consolidated data pages: a dataset's table, map and downloads.
import type { English } from "./text.ts";

export const sv = {
  dataIntro: [
    "Här finns data från kommuner och regioner, sammanställd per datamängd för hela landet. Varje datamängd följer en specifikation, så rader från olika organisationer går att jämföra och använda tillsammans.",
    "Allt är öppna data: du kan filtrera, ladda ner och hämta dem via API:t utan att logga in.",
  ],
  dataCaption: "Datamängderna, med antal rader och antal organisationer som publicerar",
  columnPublishers: "Organisationer som publicerar",
  dataFilterKommunAll: "Alla kommuner",
  dataFilterQ: "Fritext",
  dataFilterQHint:
    "Söker i textfälten, till exempel sandstrand. Stora och små bokstäver och å, ä, ö spelar ingen roll.",
  dataCount: { none: "Ingen rad matchar.", one: "1 rad matchar.", other: "{n} rader matchar." },
  dataTableHeading: "Raderna",
  dataTableCaption: "{shown} av {total} rader som matchar",
  dataFirstPage: "Till första sidan",
  dataPagingLabel: "Bläddra bland raderna",
  columnRowId: "Rad-id",
  columnPosition: "Läge (latitud, longitud)",
  dataNoPosition: "Saknas",
  dataMapHeading: "Raderna på kartan",
  dataMapNote:
    "Kartan visar raderna i tabellen nedan som har ett läge. Tabellen har samma rader som text, med läget i kolumnen Läge.",
  dataMapAttribution: "Länsgränser: Valmyndigheten (förenklade)",
  dataDownloadNote: "Filerna innehåller alla rader som matchar filtret, inte bara dem som visas här.",
  dataDownloadCsv: "CSV (kommaseparerad)",
  dataDownloadCsvExcel: "CSV för Excel (med BOM, så att å, ä och ö visas rätt)",
  dataDownloadGeoJson: "GeoJSON, för kartprogram",
  dataDownloadJson: "JSON, i samma form som API:t",
  dataApiHeading: "Hämta via API:t",
  dataApiQuery:
    "Samma rader i API:t, 100 åt gången. Nästa sida får du genom att skicka svarets next som cursor:",
  dataApiOgc: "Som OGC API Features, för GIS-program som QGIS:",
  dataApiDocs: "Läs mer i API-dokumentationen",
  dataNoRows: "Ingen organisation har publicerat den här datamängden ännu.",
  dataCatalogText:
    "Varje organisations egen publicering, och det som skördats från organisationernas egna kataloger, finns i katalogen.",
  dataCatalogLink: "Sök i katalogen",
} as const;

export const en = {
  dataIntro: [
    "Here is data from municipalities and regions, put together per dataset for the whole country. Each dataset follows a specification, so rows from different organizations can be compared and used together.",
    "It is all open data: you can filter it, download it and get it through the API without signing in.",
  ],
  dataCaption: "The datasets, with the number of rows and of publishing organizations",
  columnPublishers: "Publishing organizations",
  dataFilterKommunAll: "All municipalities",
  dataFilterQ: "Free text",
  dataFilterQHint: "Searches the text fields, for example sandstrand. Case and å, ä, ö do not matter.",
  dataCount: { none: "No row matches.", one: "1 row matches.", other: "{n} rows match." },
  dataTableHeading: "The rows",
  dataTableCaption: "{shown} of {total} matching rows",
  dataFirstPage: "Back to the first page",
  dataPagingLabel: "Page through the rows",
  columnRowId: "Row id",
  columnPosition: "Location (latitude, longitude)",
  dataNoPosition: "Missing",
  dataMapHeading: "The rows on a map",
  dataMapNote:
    "The map shows the rows in the table below that have a location. The table holds the same rows as text, with the location in the Location column.",
  dataMapAttribution: "County boundaries: Swedish Election Authority (simplified)",
  dataDownloadNote: "The files hold every row that matches the filter, not only those shown here.",
  dataDownloadCsv: "CSV (comma-separated)",
  dataDownloadCsvExcel: "CSV for Excel (with a BOM, so that å, ä and ö show correctly)",
  dataDownloadGeoJson: "GeoJSON, for map software",
  dataDownloadJson: "JSON, in the API's shape",
  dataApiHeading: "Get it through the API",
  dataApiQuery:
    "The same rows from the API, 100 at a time. For the next page, send the answer's next as cursor:",
  dataApiOgc: "As OGC API Features, for GIS software such as QGIS:",
  dataApiDocs: "Read more in the API documentation",
  dataNoRows: "No organization has published this dataset yet.",
  dataCatalogText:
    "Each organization's own publication, and what is harvested from the organizations' own catalogs, is in the catalog.",
  dataCatalogLink: "Search the catalog",
} as const satisfies English<typeof sv>;
