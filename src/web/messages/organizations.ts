// The organization list, an organization's page, and the county pages.
import type { English } from "./text.ts";

export const sv = {
  organizationsTitle: "Organisationer",
  organizationsIntro:
    "Alla kommuner och regioner i Dataverkstad. Region Gotland är både kommun och region och räknas i båda grupperna.",
  filterType: "Typ",
  filterTypeAll: "Alla typer",
  filterQuery: "Namn eller kod",
  organizationCount: {
    none: "Ingen organisation matchar filtret.",
    one: "1 organisation",
    other: "{n} organisationer",
  },
  columnCode: "Kod",
  columnKommunCount: "Antal kommuner",

  organizationCode: "Kod",
  organizationType: "Typ",
  organizationLan: "Län",
  organizationRegion: "Region",
  organizationNumber: "Organisationsnummer",
  bothTypesNote:
    "{name} är en kommun som också har ansvar som region. Därför räknas den både som kommun och som region.",
  regionCoversLan: "Regionen omfattar hela {lan}.",
  boundaryMapHeading: "Karta",
  regionMapNote: "Kartan visar gränsen för {lan}, som regionen omfattar.",
  boundaryMapNote: "Kartan visar gränsen för {name}.",
  apiHeading: "Uppgifterna i API:t",
  apiOrganizationJson: "Organisationen i JSON-format",
  apiLanJson: "Länet i JSON-format",
  apiBoundaryGeoJson: "Gränsen i GeoJSON-format",

  lanTitle: "Län",
  lanIntro: "Sverige är indelat i 21 län. I varje län finns en region och ett antal kommuner.",
  lanCaption: "Sveriges 21 län och antalet kommuner i varje län",
  lanTotal: "Totalt",
  lanCode: "Länskod",
  lanRegion: "Region",
  lanKommunerHeading: "Kommuner i {lan}",
  lanKommunerCaption: "Kommunerna i {lan} ({n} stycken)",
  publicationsLink: "Publiceringar och datamängder för {organization}",
  readinessLink: "Mognad och nästa steg för {organization}",
  progressLanLink: "Framsteg och mognad i {lan}",
} as const;

export const en = {
  organizationsTitle: "Organizations",
  organizationsIntro:
    "All municipalities and regions in Dataverkstad. Region Gotland is both a municipality and a region and is counted in both groups.",
  filterType: "Type",
  filterTypeAll: "All types",
  filterQuery: "Name or code",
  organizationCount: {
    none: "No organization matches the filter.",
    one: "1 organization",
    other: "{n} organizations",
  },
  columnCode: "Code",
  columnKommunCount: "Municipalities",

  organizationCode: "Code",
  organizationType: "Type",
  organizationLan: "County",
  organizationRegion: "Region",
  organizationNumber: "Organization number",
  bothTypesNote:
    "{name} is a municipality that also has the responsibilities of a region. It is therefore counted both as a municipality and as a region.",
  regionCoversLan: "The region covers all of {lan}.",
  boundaryMapHeading: "Map",
  regionMapNote: "The map shows the boundary of {lan}, which the region covers.",
  boundaryMapNote: "The map shows the boundary of {name}.",
  apiHeading: "This data in the API",
  apiOrganizationJson: "The organization in JSON format",
  apiLanJson: "The county in JSON format",
  apiBoundaryGeoJson: "The boundary in GeoJSON format",

  lanTitle: "Counties",
  lanIntro:
    "Sweden is divided into 21 counties (län). Each county has one region and a number of municipalities.",
  lanCaption: "Sweden's 21 counties and the number of municipalities in each",
  lanTotal: "Total",
  lanCode: "County code",
  lanRegion: "Region",
  lanKommunerHeading: "Municipalities in {lan}",
  lanKommunerCaption: "The municipalities in {lan} ({n} in all)",
  publicationsLink: "Publications and datasets of {organization}",
  readinessLink: "Readiness and next steps for {organization}",
  progressLanLink: "Progress and readiness in {lan}",
} as const satisfies English<typeof sv>;
