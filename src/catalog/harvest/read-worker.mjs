// The harvest reader's entry: the TypeScript sources through tsx, as bin/dataverkstad.mjs runs them.
import { register } from "tsx/esm/api";

register();
await import("./read-worker.ts");
