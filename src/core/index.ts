export * from "./ids.ts";
export * from "./errors.ts";
export * from "./config.ts";
export * from "./log.ts";
export * from "./text.ts";
export * from "./page.ts";
export * from "./csv.ts";
