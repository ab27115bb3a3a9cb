// The start page: the municipality search and the map.
import type { English } from "./text.ts";

export const sv = {
  siteTagline: "Öppna data från Sveriges kommuner och regioner",

  startHeading: "Öppna data från Sveriges kommuner och regioner",
  startIntro:
    "Dataverkstad är en gemensam plats där Sveriges 290 kommuner och 21 regioner delar sina data. " +
    "Här publicerar de sina viktigaste datamängder, och alla kan hämta dem som en samlad bild av hela landet.",
  startGoal:
    "Målet är att minst hälften av de 21 regionerna och hälften av de 290 kommunerna ska ha det som behövs på plats för att dela och använda data.",
  startListHeading: "Hitta en kommun",
  searchLabel: "Sök kommun",
  searchHint: "Skriv hela eller en del av namnet, eller kommunkoden. Till exempel linkoping eller 0580.",
  searchButton: "Sök",
  searchAll: "Alla {n} kommuner visas.",
  searchCount: {
    none: "Ingen kommun matchar sökningen.",
    one: "1 kommun matchar sökningen.",
    other: "{n} kommuner matchar sökningen.",
  },
  mapHeading: "Kommunerna på kartan",
  mapLabel: "Karta över Sveriges 290 kommuner",
  mapNote:
    "Välj en kommun på kartan för att öppna dess sida. Listan innehåller samma kommuner och går att använda utan karta.",
} as const;

export const en = {
  siteTagline: "Open data from Sweden's municipalities and regions",

  startHeading: "Open data from Sweden's municipalities and regions",
  startIntro:
    "Dataverkstad is one shared place where Sweden's 290 municipalities and 21 regions share their data. " +
    "They publish their most important datasets here, and anyone can download them as one picture of the whole country.",
  startGoal:
    "The goal: at least half of the 21 regions and half of the 290 municipalities have what they need in place to share and use data.",
  startListHeading: "Find a municipality",
  searchLabel: "Search municipalities",
  searchHint: "Type all or part of the name, or the municipality code. For example linkoping or 0580.",
  searchButton: "Search",
  searchAll: "All {n} municipalities are shown.",
  searchCount: {
    none: "No municipality matches the search.",
    one: "1 municipality matches the search.",
    other: "{n} municipalities match the search.",
  },
  mapHeading: "The municipalities on a map",
  mapLabel: "Map of Sweden's 290 municipalities",
  mapNote:
    "Choose a municipality on the map to open its page. The list holds the same municipalities and works without the map.",
} as const satisfies English<typeof sv>;
