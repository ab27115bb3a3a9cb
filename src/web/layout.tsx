import type { Child } from "hono/jsx";
import type { Language } from "../core/index.ts";
import { REGISTRY_SOURCES } from "../registry/index.ts";
import { CsrfField } from "./forms.tsx";
import { fill, messages, type Messages } from "./i18n.ts";
import { localizedPath, otherLanguage } from "./paths.ts";
import { leafletAsset, siteAsset } from "./static.ts";
import { useViewer } from "./viewer.ts";

export type NavSection =
  | "start"
  | "data"
  | "datasets"
  | "specifications"
  | "validate"
  | "organizations"
  | "lan"
  | "progress"
  | "api"
  | "accessibility"
  | "account";

/** The sign-in page's site path; its `next` parameter says where to go afterwards. */
export const SIGN_IN_PATH = "/sign-in";
export const SIGN_OUT_PATH = "/sign-out";
export const ACCOUNT_PATH = "/account";

/** The sign-in page's address that leads back to `returnTo` (a localized site path and query). */
export function signInHref(language: Language, returnTo: string): string {
  return `${localizedPath(language, SIGN_IN_PATH)}?next=${encodeURIComponent(returnTo)}`;
}

export interface Crumb {
  readonly label: string;
  /** Site path without language prefix. */
  readonly path: string;
}

export interface LayoutProps {
  readonly language: Language;
  /** The page's own title; the site name is added after it. */
  readonly title: string;
  /** This page's site path without language prefix ("/lan/05"): the language link points to its twin. */
  readonly path: string;
  /** The query string to keep on the language link, with its "?", or "". */
  readonly query?: string | undefined;
  readonly section?: NavSection | undefined;
  /** The pages above this one; the current page ends the trail. */
  readonly breadcrumbs?: readonly Crumb[] | undefined;
  /** Loads Leaflet and map.js. */
  readonly map?: boolean | undefined;
  /** More of the site's own scripts, by file name in src/web/static. */
  readonly scripts?: readonly string[] | undefined;
  /** More in the document's head (a dataset's JSON-LD). */
  readonly head?: Child;
  readonly children?: Child;
}

interface NavItem {
  readonly section: NavSection;
  readonly path: string;
  readonly label: (t: Messages) => string;
}

const NAV: readonly NavItem[] = [
  { section: "start", path: "/", label: (t) => t.navStart },
  { section: "data", path: "/data", label: (t) => t.navData },
  { section: "datasets", path: "/priority-list", label: (t) => t.navDatasets },
  { section: "specifications", path: "/specifications", label: (t) => t.navSpecifications },
  { section: "validate", path: "/validate", label: (t) => t.navValidate },
  { section: "organizations", path: "/organizations", label: (t) => t.navOrganizations },
  { section: "lan", path: "/lan", label: (t) => t.navLan },
  { section: "progress", path: "/progress", label: (t) => t.navProgress },
  { section: "api", path: "/docs", label: (t) => t.navApi },
  { section: "accessibility", path: "/accessibility", label: (t) => t.navAccessibility },
];

/**
 * "page" on the link to this very page, "true" on its section's link (e.g. Län on /lan/05), else
 * none. A page outside every section (an error page) marks nothing.
 */
function currentMarker(
  item: NavItem,
  path: string,
  section: NavSection | undefined,
): "page" | "true" | undefined {
  if (section === undefined || item.section !== section) return undefined;
  return item.path === path ? "page" : "true";
}

export function Layout(props: LayoutProps) {
  const { language, title, path, section } = props;
  const t = messages(language);
  const other = otherLanguage(language);
  const otherHref = localizedPath(other, path) + (props.query ?? "");
  const scripts = [
    ...(props.map === true ? [leafletAsset("leaflet.js"), siteAsset("map.js")] : []),
    ...(props.scripts ?? []).map(siteAsset),
  ];
  const pageTitle = title === t.siteName ? title : `${title} – ${t.siteName}`;
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{pageTitle}</title>
        <link rel="icon" href={siteAsset("favicon.svg")} type="image/svg+xml" />
        {props.map === true ? <link rel="stylesheet" href={leafletAsset("leaflet.css")} /> : null}
        <link rel="stylesheet" href={siteAsset("site.css")} />
        <link rel="alternate" hreflang={other} href={otherHref} />
        {scripts.map((src) => (
          <script src={src} defer></script>
        ))}
        {props.head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skipLink}
        </a>
        <header class="site-header">
          <div class="wrap site-header__top">
            <a class="site-name" href={localizedPath(language, "/")}>
              {t.siteName}
            </a>
            <div class="site-header__tools">
              <AccountBar
                language={language}
                returnTo={localizedPath(language, path) + (props.query ?? "")}
                current={section === "account"}
                signInPage={path === SIGN_IN_PATH}
              />
              <a class="language-link" href={otherHref} lang={other} hreflang={other}>
                {t.otherLanguageLink}
              </a>
            </div>
          </div>
          <nav class="main-nav" aria-label={t.mainNavLabel}>
            <ul class="wrap">
              {NAV.map((item) => (
                <li>
                  <a
                    href={localizedPath(language, item.path)}
                    aria-current={currentMarker(item, path, section)}
                  >
                    {item.label(t)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1} class="wrap">
          {props.breadcrumbs !== undefined && props.breadcrumbs.length > 0 ? (
            <nav class="breadcrumbs" aria-label={t.breadcrumbLabel}>
              <ol>
                {props.breadcrumbs.map((crumb) => (
                  <li>
                    <a href={localizedPath(language, crumb.path)}>{crumb.label}</a>
                  </li>
                ))}
                <li aria-current="page">{title}</li>
              </ol>
            </nav>
          ) : null}
          {props.children}
        </main>
        <Footer language={language} />
      </body>
    </html>
  );
}

/**
 * Who is signed in, with a link to their page and a sign-out button (a form with the CSRF token),
 * or a sign-in link back to this page. Nothing on pages that do not know (the HTTP error page).
 */
function AccountBar(props: { language: Language; returnTo: string; current: boolean; signInPage: boolean }) {
  const { language } = props;
  const t = messages(language);
  const viewer = useViewer();
  if (viewer === undefined) return null;
  if (viewer === null) {
    if (props.signInPage) return null;
    return (
      <a class="account-bar__link" href={signInHref(language, props.returnTo)}>
        {t.signInLink}
      </a>
    );
  }
  return (
    <div class="account-bar">
      <p class="account-bar__who">
        {fill(t.accountSignedInAs, { name: viewer.user.displayName })}{" "}
        <a
          class="account-bar__link"
          href={localizedPath(language, ACCOUNT_PATH)}
          aria-current={props.current ? "page" : undefined}
        >
          {t.accountTitle}
        </a>
      </p>
      <form method="post" action={localizedPath(language, SIGN_OUT_PATH)} class="account-bar__sign-out">
        <CsrfField token={viewer.csrfToken} />
        <button type="submit" class="button--header">
          {t.signOutButton}
        </button>
      </form>
    </div>
  );
}

function Footer({ language }: { language: Language }) {
  const t = messages(language);
  return (
    <footer class="site-footer">
      <div class="wrap site-footer__columns">
        <section aria-labelledby="footer-sources">
          <h2 id="footer-sources">{t.footerSourcesHeading}</h2>
          <ul>
            {REGISTRY_SOURCES.map((source) => (
              <li>
                {source.what[language]}: {source.origin[language]}.{" "}
                {fill(t.footerLicence, { licence: source.licence[language] })}.
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="footer-about">
          <h2 id="footer-about">{t.footerAboutHeading}</h2>
          <ul>
            <li>
              <a href={localizedPath(language, "/accessibility")}>{t.footerAccessibility}</a>
            </li>
            <li>
              <a href={localizedPath(language, "/docs")}>{t.footerApiDocs}</a>
            </li>
            <li>
              <a href="/openapi.json">{t.footerOpenApi}</a>
            </li>
          </ul>
        </section>
      </div>
    </footer>
  );
}

export interface MapProps {
  readonly language: Language;
  readonly id: string;
  /** The accessible name of the map region. */
  readonly label: string;
  /** The id of the text that tells what the map shows and where the same content is as text. */
  readonly describedBy: string;
  /** GeoJSON (Feature or FeatureCollection) from our API. */
  readonly geojsonUrl: string;
  /** When set, each feature links to this path + its properties.code (localized). */
  readonly linkBase?: string | undefined;
  /** Boundaries drawn first, under the features, for orientation (the data maps' counties). */
  readonly backgroundUrl?: string | undefined;
  /** The property whose value names a point in its tooltip (the data maps). */
  readonly labelField?: string | undefined;
  /** Where the map's boundaries come from; the registry's boundaries when not given. */
  readonly attribution?: string | undefined;
  readonly size: "large" | "small";
}

/**
 * The map container map.js draws into. Without JavaScript it shows a note; the page always carries
 * the same content as text beside it.
 */
export function MapRegion(props: MapProps) {
  const t = messages(props.language);
  return (
    <div
      id={props.id}
      class={`map map--${props.size}`}
      role="region"
      aria-label={props.label}
      aria-describedby={props.describedBy}
      data-map=""
      data-geojson-url={props.geojsonUrl}
      data-link-base={
        props.linkBase === undefined ? undefined : localizedPath(props.language, props.linkBase)
      }
      data-background-url={props.backgroundUrl}
      data-label-field={props.labelField}
      data-zoom-in={t.mapZoomIn}
      data-zoom-out={t.mapZoomOut}
      data-attribution={props.attribution ?? t.mapAttribution}
      data-error={t.mapError}
    >
      <p class="map__message">{t.mapFallback}</p>
    </div>
  );
}
