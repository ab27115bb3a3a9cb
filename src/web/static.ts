// Static files from our own origin (the CSP allows nothing else): the site's stylesheet and scripts
// from src/web/static/, and Leaflet from node_modules/leaflet/dist. URLs carry a version (?v=), so a
// matching request may be cached for a year; anything else is cached briefly and revalidated (ETag).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The site's own files: plain browser JavaScript and CSS, no build step. */
export const SITE_STATIC_DIR = fileURLToPath(new URL("./static/", import.meta.url));

const leafletPackageJson = createRequire(import.meta.url).resolve("leaflet/package.json");
/** Leaflet's distribution, served as it is from the installed package. */
export const LEAFLET_DIST_DIR = join(dirname(leafletPackageJson), "dist");
const LEAFLET_VERSION = (JSON.parse(readFileSync(leafletPackageJson, "utf8")) as { version: string }).version;

export const STATIC_PREFIX = "/static/";
export const LEAFLET_PREFIX = "/static/vendor/leaflet/";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export const LONG_CACHE = "public, max-age=31536000, immutable";
export const SHORT_CACHE = "public, max-age=300";

/** One path segment: letters, digits, dot, dash, underscore, not starting with a dot (no "..", no hidden files). */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;
const MAX_SEGMENTS = 3;

export interface StaticFile {
  readonly body: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

/**
 * Reads a file below root, or null when the path is not one we serve: a segment outside the
 * allowed characters (so no "..", no encoded slashes, no hidden files), an unknown extension,
 * something that resolves outside root, or not a regular file.
 */
export async function readStaticFile(root: string, relativePath: string): Promise<StaticFile | null> {
  const segments = relativePath.split("/");
  if (segments.length > MAX_SEGMENTS || !segments.every((s) => SEGMENT.test(s) && !s.includes("..")))
    return null;
  const contentType = CONTENT_TYPES[extname(relativePath).toLowerCase()];
  if (contentType === undefined) return null;
  const base = resolve(root);
  const file = resolve(base, ...segments);
  if (!file.startsWith(base + sep)) return null;
  try {
    const info = await stat(file);
    if (!info.isFile()) return null;
    return { body: await readFile(file), contentType };
  } catch {
    return null;
  }
}

const siteVersions = new Map<string, string>();

/** The version of one of the site's own files: a short hash of its content, computed once. */
export function siteAssetVersion(name: string): string {
  let version = siteVersions.get(name);
  if (version === undefined) {
    version = createHash("sha256")
      .update(readFileSync(join(SITE_STATIC_DIR, name)))
      .digest("hex")
      .slice(0, 12);
    siteVersions.set(name, version);
  }
  return version;
}

/** URL of one of the site's files, e.g. siteAsset("site.css") → "/static/site.css?v=3fa1…". */
export function siteAsset(name: string): string {
  return `${STATIC_PREFIX}${name}?v=${siteAssetVersion(name)}`;
}

/** URL of a Leaflet file, e.g. leafletAsset("leaflet.js") → "/static/vendor/leaflet/leaflet.js?v=1.9.4". */
export function leafletAsset(name: string): string {
  return `${LEAFLET_PREFIX}${name}?v=${LEAFLET_VERSION}`;
}

export function leafletVersion(): string {
  return LEAFLET_VERSION;
}
