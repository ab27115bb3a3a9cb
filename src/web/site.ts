// Facts about the site itself that pages state. Change them here when they change.

/** Where people report accessibility problems and ask for content in another format. */
export const CONTACT_EMAIL = "tillganglighet@dataverkstad.se";

/** When the accessibility statement was last assessed and last updated (ISO dates). */
export const ACCESSIBILITY_REVIEWED = "2026-11-27";
export const ACCESSIBILITY_UPDATED = "2026-11-27";

/** The law's reporting form at the supervising agency (DIGG). */
export const DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan";
