// Every area's messages merged into one object per language. Each area file sits beside its pages
// and holds its Swedish and English; the `Messages` type is derived from the Swedish.
import * as account from "./account.ts";
import * as accessibility from "./accessibility.ts";
import * as catalog from "./catalog.ts";
import * as data from "./data.ts";
import * as described from "./described.ts";
import * as docs from "./docs.ts";
import * as errors from "./errors.ts";
import * as layout from "./layout.ts";
import * as organizations from "./organizations.ts";
import * as priority from "./priority.ts";
import * as progress from "./progress.ts";
import * as publishing from "./publishing.ts";
import * as readiness from "./readiness.ts";
import * as releases from "./releases.ts";
import * as shared from "./shared.ts";
import * as specs from "./specs.ts";
import * as start from "./start.ts";
import { asMessages, type Text } from "./text.ts";
import * as validate from "./validate.ts";

/** The areas by name, for the tests that check each area on its own. */
export const AREAS = {
  layout,
  shared,
  start,
  organizations,
  accessibility,
  docs,
  errors,
  priority,
  specs,
  validate,
  account,
  publishing,
  releases,
  data,
  progress,
  readiness,
  catalog,
  described,
} as const;

const sv = {
  ...layout.sv,
  ...shared.sv,
  ...start.sv,
  ...organizations.sv,
  ...accessibility.sv,
  ...docs.sv,
  ...errors.sv,
  ...priority.sv,
  ...specs.sv,
  ...validate.sv,
  ...account.sv,
  ...publishing.sv,
  ...releases.sv,
  ...data.sv,
  ...progress.sv,
  ...readiness.sv,
  ...catalog.sv,
  ...described.sv,
};

const en = {
  ...layout.en,
  ...shared.en,
  ...start.en,
  ...organizations.en,
  ...accessibility.en,
  ...docs.en,
  ...errors.en,
  ...priority.en,
  ...specs.en,
  ...validate.en,
  ...account.en,
  ...publishing.en,
  ...releases.en,
  ...data.en,
  ...progress.en,
  ...readiness.en,
  ...catalog.en,
  ...described.en,
};

/** Every word the web pages show, in one language. */
export type Messages = Text<typeof sv>;

export const SWEDISH: Messages = asMessages<typeof sv>(sv);
export const ENGLISH: Messages = asMessages<typeof sv>(en);

export type { Names, Template } from "./text.ts";
export type { FixHint } from "./validate.ts";
