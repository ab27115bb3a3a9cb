// Consolidation: one national dataset per specification, built from every organization's current
// release; the query engine over it (the data API), its exports and OGC API Features.
export * from "./replace.ts";
export * from "./filters.ts";
export * from "./rows.ts";
export * from "./query.ts";
export * from "./page-cache.ts";
