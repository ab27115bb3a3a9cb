import type { JSX } from "hono/jsx/jsx-runtime";
import type { Language } from "../../core/index.ts";
import type { FetchJob, Publication, Release } from "../../publishing/index.ts";
import type { Organization } from "../../registry/index.ts";
import type { SpecificationVersion } from "../../specs/index.ts";
import type { ValidationReport } from "../../validation/index.ts";
import { CsrfField } from "../forms.tsx";
import { countText, fill, formatDateTime, formatNumber, messages, type Messages } from "../i18n.ts";
import { Layout, type Crumb } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { schemaOrgDataset } from "./data.tsx";
import { specificationPath } from "./specifications.tsx";
import { ReportDetails } from "./validate.tsx";

export function publicationsPath(code: string): string {
  return `/organizations/${code}/publications`;
}

export function publicationPath(code: string, slug: string): string {
  return `${publicationsPath(code)}/${slug}`;
}

export function releasePath(release: Release): string {
  return `${publicationPath(release.organizationCode, release.slug)}/releases/${release.id}`;
}

export function publishPath(code: string): string {
  return `/organizations/${code}/publish`;
}

export function releaseFileUrl(release: Release): string {
  return `/api/v1/releases/${release.id}/file`;
}

export function organizationCrumbs(organization: Organization, t: Messages): Crumb[] {
  return [
    { label: t.navStart, path: "/" },
    { label: t.navOrganizations, path: "/organizations" },
    { label: organization.name, path: `/organizations/${organization.code}` },
  ];
}

/** Date and time of a release, machine-readable too. */
function When({ moment, language }: { moment: Date; language: Language }) {
  return <time datetime={moment.toISOString()}>{formatDateTime(moment, language)}</time>;
}

function DemoBadge({ demo, t }: { demo: boolean; t: Messages }) {
  return demo ? (
    <>
      {" "}
      <strong class="badge">{t.demoLabel}</strong>
    </>
  ) : null;
}

/** One dataset the organization is expected to publish (or publishes), and its publication. */
export interface PublicationRow {
  readonly slug: string;
  readonly name: string;
  readonly publication: Publication | null;
}

export interface PublicationsPageProps {
  readonly language: Language;
  readonly organization: Organization;
  readonly rows: readonly PublicationRow[];
  /** The viewer may see unpublished material (rejected files): the column is shown. */
  readonly mayRead: boolean;
  readonly mayPublish: boolean;
}

function organizationKind(organization: Organization): "kommun" | "region" | "both" {
  const kommun = organization.types.includes("kommun");
  const region = organization.types.includes("region");
  return kommun && region ? "both" : region ? "region" : "kommun";
}

function CurrentRelease({ release, language }: { release: Release | null; language: Language }) {
  const t = messages(language);
  if (release === null) return <>{t.publicationNone}</>;
  return (
    <>
      {t.releaseStatusLabels[release.status]}, <When moment={release.createdAt} language={language} />
    </>
  );
}

/** The organization's expected datasets: status, current version, rows, and a rejected file for those who may see it. */
export function PublicationsPage({
  language,
  organization,
  rows,
  mayRead,
  mayPublish,
}: PublicationsPageProps) {
  const t = messages(language);
  const title = fill(t.publicationsTitle, { organization: organization.name });
  const anyDemo = rows.some((r) => r.publication?.demo === true);
  return (
    <Layout
      language={language}
      title={title}
      path={publicationsPath(organization.code)}
      section="organizations"
      breadcrumbs={organizationCrumbs(organization, t)}
    >
      <h1>{title}</h1>
      <p>{fill(t.publicationsIntro, { type: t.publicationsTypes[organizationKind(organization)] })}</p>
      {mayPublish ? (
        <p>
          <a class="button-link" href={localizedPath(language, publishPath(organization.code))}>
            {t.publicationsPublishLink}
          </a>
        </p>
      ) : null}
      <p>
        <a href={localizedPath(language, `/organizations/${organization.code}/catalog/described`)}>
          {t.describedLink}
        </a>
      </p>
      {mayRead ? <p class="note">{t.publicationsRejectedNote}</p> : null}
      {anyDemo ? <p class="note">{t.demoNote}</p> : null}
      {rows.length === 0 ? (
        <p>{t.publicationsNoneExpected}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="publications-caption" tabindex={0}>
          <table>
            <caption id="publications-caption">{t.publicationsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnDataset}</th>
                <th scope="col">{t.columnCurrentRelease}</th>
                <th scope="col" class="numeric">
                  {t.columnPublishedRows}
                </th>
                {mayRead ? <th scope="col">{t.columnRejected}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const current = row.publication?.currentRelease ?? null;
                const latest = row.publication?.latestRelease ?? null;
                const rejected = latest !== null && latest.status === "rejected" ? latest : null;
                return (
                  <tr>
                    <th scope="row">
                      <a href={localizedPath(language, publicationPath(organization.code, row.slug))}>
                        {row.name}
                      </a>
                      <DemoBadge demo={row.publication?.demo === true} t={t} />
                    </th>
                    <td>
                      <CurrentRelease release={current} language={language} />
                    </td>
                    <td class="numeric">
                      {current === null ? "–" : formatNumber(current.rows.published, language)}
                    </td>
                    {mayRead ? (
                      <td>
                        {rejected === null ? (
                          t.noneText
                        ) : (
                          <>
                            <When moment={rejected.createdAt} language={language} />,{" "}
                            {countText(t.releaseErrorCount, rejected.errors, language)}.{" "}
                            <a href={localizedPath(language, releasePath(rejected))}>
                              {t.releaseReportLink}
                              <span class="visually-hidden">: {row.name}</span>
                            </a>
                          </>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface PublicationPageProps {
  readonly language: Language;
  readonly organization: Organization;
  readonly spec: SpecificationVersion;
  readonly publication: Publication | null;
  /** Newest first; rejected ones only for those who may see them. */
  readonly releases: readonly Release[];
  readonly mayRead: boolean;
  readonly mayPublish: boolean;
  /** The site's origin, for the schema.org JSON-LD. */
  readonly origin: string;
  /** The fetch the publisher just started (fetch now), to say how it goes. */
  readonly fetch?: FetchJob | undefined;
  /** The viewer's form token, when they may publish. */
  readonly csrfToken?: string | undefined;
}

export function fetchSourcePath(code: string, slug: string): string {
  return `${publicationPath(code, slug)}/fetch`;
}

/** A URL source: where it is fetched from, how the last fetch went, and "fetch now". */
function SourceSection(props: PublicationPageProps & { t: Messages }) {
  const { publication, language, t, organization, spec } = props;
  if (publication?.source.kind !== "url") return null;
  const source = publication.source;
  const job = props.fetch;
  return (
    <section aria-labelledby="source-heading">
      <h2 id="source-heading">{t.sourceHeading}</h2>
      {job === undefined ? null : (
        <p role="status" class={job.state === "failed" ? "error" : undefined}>
          {job.state === "running"
            ? t.sourceFetchRunning
            : job.state === "done"
              ? t.sourceFetchDone
              : fill(t.sourceFetchFailed, { error: job.error?.[language] ?? "" })}
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>{fill(t.sourceUrlLabel, { minutes: String(source.intervalMinutes) })}</dt>
          <dd>
            <code>{source.url}</code>
          </dd>
        </div>
        <div>
          <dt>{t.sourceLastFetch}</dt>
          <dd>
            {source.lastFetchAt === null ? "–" : <When moment={source.lastFetchAt} language={language} />}
            {source.lastFetchError === null ? null : <> – {source.lastFetchError[language]}</>}
          </dd>
        </div>
      </dl>
      {props.mayPublish && props.csrfToken !== undefined ? (
        <form method="post" action={localizedPath(language, fetchSourcePath(organization.code, spec.slug))}>
          <CsrfField token={props.csrfToken} />
          <button type="submit">{t.sourceFetchNow}</button>
        </form>
      ) : null}
    </section>
  );
}

function changesText(release: Release, language: Language, t: Messages): string {
  if (release.changes === null) return "–";
  return fill(t.changesText, {
    added: formatNumber(release.changes.added, language),
    changed: formatNumber(release.changes.changed, language),
    removed: formatNumber(release.changes.removed, language),
  });
}

function hasRows(release: Release): boolean {
  return release.status !== "rejected";
}

/** Upload, CLI, URL source, demo or rollback; a rollback says which version it restored. */
function HowPublished(props: { release: Release; releases: readonly Release[]; language: Language }) {
  const t = messages(props.language);
  const { release } = props;
  const restored = props.releases.find((r) => r.id === release.restoredFrom);
  return (
    <>
      {t.releaseOrigins[release.origin]}
      {restored === undefined ? null : (
        <>
          {": "}
          <a href={localizedPath(props.language, releasePath(restored))}>
            {fill(t.restoredFromText, { when: formatDateTime(restored.createdAt, props.language) })}
          </a>
        </>
      )}
    </>
  );
}

/** Compare with the previous version; make an earlier one current again; confirm a held one. */
function ReleaseActions(props: {
  release: Release;
  previous: Release | undefined;
  currentId: string | undefined;
  mayPublish: boolean;
  language: Language;
}) {
  const { release, language } = props;
  const t = messages(language);
  const when = formatDateTime(release.createdAt, language);
  const links: JSX.Element[] = [];
  if (hasRows(release) && props.previous !== undefined) {
    links.push(
      <a href={localizedPath(language, `${releasePath(release)}/diff?against=${props.previous.id}`)}>
        {t.historyDiffLink}
        <span class="visually-hidden"> ({when})</span>
      </a>,
    );
  }
  const published = release.status === "published" || release.status === "partial";
  if (props.mayPublish && published && release.id !== props.currentId) {
    links.push(
      <a href={localizedPath(language, `${releasePath(release)}/restore`)}>
        {t.historyRestoreLink}
        <span class="visually-hidden"> ({when})</span>
      </a>,
    );
  }
  if (props.mayPublish && release.status === "held") {
    links.push(
      <a href={localizedPath(language, `${releasePath(release)}/confirm`)}>
        {t.historyConfirmLink}
        <span class="visually-hidden"> ({when})</span>
      </a>,
    );
  }
  if (links.length === 0) return <>–</>;
  return (
    <ul>
      {links.map((link) => (
        <li>{link}</li>
      ))}
    </ul>
  );
}

/** One publication: its current version and the history of every file it received. */
export function PublicationPage(props: PublicationPageProps) {
  const { language, organization, spec, publication, releases } = props;
  const t = messages(language);
  const dataset = spec.definition.title[language];
  const title = fill(t.publicationTitle, { dataset, organization: organization.name });
  const current = publication?.currentRelease ?? null;
  return (
    <Layout
      language={language}
      title={title}
      path={publicationPath(organization.code, spec.slug)}
      section="organizations"
      breadcrumbs={[
        ...organizationCrumbs(organization, t),
        {
          label: fill(t.publicationsTitle, { organization: organization.name }),
          path: publicationsPath(organization.code),
        },
      ]}
      head={
        current === null ? undefined : (
          <script
            type="application/ld+json"
            dangerouslySetInnerHTML={{
              __html: schemaOrgDataset({
                language,
                spec,
                origin: props.origin,
                path: publicationPath(organization.code, spec.slug),
                name: title,
                place: organization.name,
                publisher: { name: organization.name, path: `/organizations/${organization.code}` },
                downloads: `/api/v1/organizations/${organization.code}/data/${spec.slug}`,
              }),
            }}
          />
        )
      }
    >
      <h1>
        {title}
        <DemoBadge demo={publication?.demo === true} t={t} />
      </h1>
      <dl class="facts">
        <div>
          <dt>{t.columnCurrentRelease}</dt>
          <dd>
            <CurrentRelease release={current} language={language} />
          </dd>
        </div>
        <div>
          <dt>{t.columnPublishedRows}</dt>
          <dd>{current === null ? "–" : formatNumber(current.rows.published, language)}</dd>
        </div>
      </dl>
      <ul>
        <li>
          <a href={localizedPath(language, `/data/${spec.slug}`)}>
            {fill(t.publicationDataLink, { dataset })}
          </a>
        </li>
        <li>
          <a href={localizedPath(language, specificationPath(spec.slug, spec.version))}>
            {fill(t.reportSpecLink, { title: dataset, version: spec.version })}
          </a>
        </li>
        {props.mayPublish ? (
          <li>
            <a href={`${localizedPath(language, publishPath(organization.code))}?spec=${spec.slug}`}>
              {t.publicationsPublishLink}
            </a>
          </li>
        ) : null}
      </ul>
      <SourceSection {...props} t={t} />
      <h2>{t.publicationHistoryHeading}</h2>
      {props.mayRead ? null : <p>{t.publicationHistoryHiddenNote}</p>}
      {releases.length === 0 ? (
        <p>{t.publicationNoReleases}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="releases-caption" tabindex={0}>
          <table class="releases">
            <caption id="releases-caption">{t.publicationHistoryCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columnReceived}</th>
                <th scope="col">{t.columnStatus}</th>
                <th scope="col" class="numeric">
                  {t.columnPublishedRows}
                </th>
                <th scope="col">{t.columnChanges}</th>
                <th scope="col" class="numeric">
                  {t.reportErrors}
                </th>
                <th scope="col">{t.columnFile}</th>
                <th scope="col">{t.columnHow}</th>
                {props.mayRead ? <th scope="col">{t.columnPublishedBy}</th> : null}
                <th scope="col">{t.columnActions}</th>
              </tr>
            </thead>
            <tbody>
              {releases.map((release, index) => (
                <tr>
                  <th scope="row">
                    <a href={localizedPath(language, releasePath(release))}>
                      <When moment={release.createdAt} language={language} />
                    </a>
                    <DemoBadge demo={release.demo} t={t} />
                  </th>
                  <td>{t.releaseStatusLabels[release.status]}</td>
                  <td class="numeric">
                    {formatNumber(release.rows.published, language)} /{" "}
                    {formatNumber(release.rows.total, language)}
                  </td>
                  <td>{changesText(release, language, t)}</td>
                  <td class="numeric">{formatNumber(release.errors, language)}</td>
                  <td>
                    {release.file.name === null ? null : (
                      <>
                        <code>{release.file.name}</code>{" "}
                      </>
                    )}
                    <a href={releaseFileUrl(release)} download="">
                      {t.releaseFileLink}
                      <span class="visually-hidden"> {formatDateTime(release.createdAt, language)}</span>
                    </a>
                  </td>
                  <td>
                    <HowPublished release={release} releases={releases} language={language} />
                  </td>
                  {props.mayRead ? <td>{release.createdByName}</td> : null}
                  <td>
                    <ReleaseActions
                      release={release}
                      previous={releases.slice(index + 1).find(hasRows)}
                      currentId={current?.id}
                      mayPublish={props.mayPublish}
                      language={language}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export interface ReleasePageProps {
  readonly language: Language;
  readonly organization: Organization;
  readonly spec: SpecificationVersion;
  readonly release: Release;
  readonly report: ValidationReport;
  /**
   * Set when the viewer may publish the valid rows of this rejected file (it is the latest, and
   * they may publish): the CSRF token, and whether the file as a whole allows it.
   */
  readonly validRows?: { readonly csrfToken: string; readonly possible: boolean } | undefined;
  readonly mayPublish: boolean;
}

/** A release: the receipt after publishing, or the report of a rejected file with the way on. */
export function ReleasePage(props: ReleasePageProps) {
  const { language, organization, spec, release, report } = props;
  const t = messages(language);
  const dataset = spec.definition.title[language];
  const title = t.releaseTitles[release.status];
  const ok = release.status !== "rejected" && release.status !== "held";
  return (
    <Layout
      language={language}
      title={`${title}: ${dataset}`}
      path={releasePath(release)}
      section="organizations"
      breadcrumbs={[
        ...organizationCrumbs(organization, t),
        {
          label: fill(t.publicationsTitle, { organization: organization.name }),
          path: publicationsPath(organization.code),
        },
        {
          label: fill(t.publicationTitle, { dataset, organization: organization.name }),
          path: publicationPath(organization.code, spec.slug),
        },
      ]}
    >
      <div class={ok ? "verdict verdict--valid" : "verdict verdict--invalid"}>
        <h1>{title}</h1>
        <p class="lead">{t.releaseLeads[release.status]}</p>
      </div>
      <dl class="facts">
        <div>
          <dt>{t.publishSpecLabel}</dt>
          <dd>
            {dataset}
            <DemoBadge demo={release.demo} t={t} />
          </dd>
        </div>
        <div>
          <dt>{t.columnReceived}</dt>
          <dd>
            <When moment={release.createdAt} language={language} />
          </dd>
        </div>
        <div>
          <dt>{t.releaseFileName}</dt>
          <dd>{release.file.name === null ? "–" : <code>{release.file.name}</code>}</dd>
        </div>
        <div>
          <dt>{t.releaseRowsTotal}</dt>
          <dd>{formatNumber(release.rows.total, language)}</dd>
        </div>
        <div>
          <dt>{t.columnPublishedRows}</dt>
          <dd>{formatNumber(release.rows.published, language)}</dd>
        </div>
        {release.changes === null ? null : (
          <>
            <div>
              <dt>{t.releaseAdded}</dt>
              <dd>{formatNumber(release.changes.added, language)}</dd>
            </div>
            <div>
              <dt>{t.releaseChanged}</dt>
              <dd>{formatNumber(release.changes.changed, language)}</dd>
            </div>
            <div>
              <dt>{t.releaseRemoved}</dt>
              <dd>{formatNumber(release.changes.removed, language)}</dd>
            </div>
          </>
        )}
      </dl>

      {props.mayPublish && release.status === "held" ? (
        <p>
          <a class="button-link" href={localizedPath(language, `${releasePath(release)}/confirm`)}>
            {t.historyConfirmLink}
          </a>
        </p>
      ) : null}

      {props.validRows === undefined ? null : props.validRows.possible ? (
        <section class="note" aria-labelledby="valid-rows-heading">
          <h2 id="valid-rows-heading">{t.releaseValidRowsHeading}</h2>
          <p>{t.releaseValidRowsText}</p>
          <form method="post" action={localizedPath(language, publishPath(organization.code))}>
            <CsrfField token={props.validRows.csrfToken} />
            <input type="hidden" name="release" value={release.id} />
            <input type="hidden" name="mode" value="valid-rows" />
            <button type="submit">{t.releaseValidRowsButton}</button>
          </form>
        </section>
      ) : (
        <p class="note">{t.releaseValidRowsImpossible}</p>
      )}

      <h2>{t.releaseReportHeading}</h2>
      <ReportDetails report={report} language={language} headingLevel={3} />

      <h2>{t.releaseLinksHeading}</h2>
      <ul>
        <li>
          <a href={releaseFileUrl(release)} download="">
            {t.releaseFileLink}
          </a>
        </li>
        <li>
          <a href={`/api/v1/releases/${release.id}/report`} type="application/json">
            {t.releaseReportJson}
          </a>
        </li>
        <li>
          <a href={localizedPath(language, `/data/${spec.slug}`)}>
            {fill(t.publicationDataLink, { dataset })}
          </a>
        </li>
        {props.mayPublish ? (
          <li>
            <a href={`${localizedPath(language, publishPath(organization.code))}?spec=${spec.slug}`}>
              {t.releaseAgain}
            </a>
          </li>
        ) : null}
      </ul>
    </Layout>
  );
}
