// The removal guard's confirm page, the rollback's confirm page and the diff between two releases.
import type { Language } from "../../core/index.ts";
import type { DiffRow, Release, ReleaseDiff, RemovalPreview } from "../../publishing/index.ts";
import type { Organization } from "../../registry/index.ts";
import type { SpecificationVersion } from "../../specs/index.ts";
import { CsrfField } from "../forms.tsx";
import { fill, formatDateTime, formatNumber, messages, type Messages } from "../i18n.ts";
import { Layout, type Crumb } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { organizationCrumbs, publicationPath, publicationsPath, releasePath } from "./publications.tsx";

export function confirmPath(release: Release): string {
  return `${releasePath(release)}/confirm`;
}

export function restorePath(release: Release): string {
  return `${releasePath(release)}/restore`;
}

export function diffPath(release: Release, against: Release): string {
  return `${releasePath(release)}/diff?against=${against.id}`;
}

function crumbs(organization: Organization, spec: SpecificationVersion, language: Language): Crumb[] {
  const t = messages(language);
  const dataset = spec.definition.title[language];
  return [
    ...organizationCrumbs(organization, t),
    {
      label: fill(t.publicationsTitle, { organization: organization.name }),
      path: publicationsPath(organization.code),
    },
    {
      label: fill(t.publicationTitle, { dataset, organization: organization.name }),
      path: publicationPath(organization.code, spec.slug),
    },
  ];
}

function fileName(release: Release): string {
  return release.file.name ?? release.file.sha256.slice(0, 12);
}

interface Common {
  readonly language: Language;
  readonly organization: Organization;
  readonly spec: SpecificationVersion;
  readonly csrfToken: string;
}

/** A held release: the counts and the first rows that would go, then confirm or cancel. */
export function ConfirmRemovalsPage(props: Common & { readonly preview: RemovalPreview }) {
  const { language, organization, spec, preview } = props;
  const t = messages(language);
  const { release } = preview;
  const dataset = spec.definition.title[language];
  const empty = release.rows.total === 0;
  const n = (value: number) => formatNumber(value, language);
  return (
    <Layout
      language={language}
      title={t.confirmTitle}
      path={confirmPath(release)}
      section="organizations"
      breadcrumbs={crumbs(organization, spec, language)}
    >
      <h1>{t.confirmTitle}</h1>
      <p class="lead">
        {empty
          ? fill(t.confirmLeadEmpty, { file: fileName(release), current: n(preview.current), dataset })
          : fill(t.confirmLead, {
              file: fileName(release),
              removed: n(preview.wouldRemove),
              current: n(preview.current),
              added: n(preview.wouldAdd),
              dataset,
            })}
      </p>
      <dl class="facts">
        <div>
          <dt>{t.confirmCurrent}</dt>
          <dd>{n(preview.current)}</dd>
        </div>
        <div>
          <dt>{t.confirmWouldRemove}</dt>
          <dd>{n(preview.wouldRemove)}</dd>
        </div>
        <div>
          <dt>{t.confirmWouldAdd}</dt>
          <dd>{n(preview.wouldAdd)}</dd>
        </div>
      </dl>
      {!preview.confirmable ? (
        <p class="note">{t.confirmStale}</p>
      ) : (
        <>
          {preview.removedRows.length === 0 ? null : (
            <div class="table-scroll" role="region" aria-labelledby="removed-caption" tabindex={0}>
              <table>
                <caption id="removed-caption">
                  {fill(t.confirmRowsCaption, {
                    shown: n(preview.removedRows.length),
                    total: n(preview.wouldRemove),
                  })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.columnRecordId}</th>
                    <th scope="col">{t.columnRowName}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.removedRows.map((row) => (
                    <tr>
                      <th scope="row">
                        <code>{row.recordId}</code>
                      </th>
                      <td>{row.name ?? "–"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <form method="post" action={localizedPath(language, confirmPath(release))}>
            <CsrfField token={props.csrfToken} />
            <button type="submit">{empty ? t.confirmWithdrawButton : t.confirmButton}</button>
          </form>
        </>
      )}
      <p>
        <a href={localizedPath(language, publicationPath(organization.code, spec.slug))}>{t.confirmCancel}</a>
      </p>
    </Layout>
  );
}

/** A rollback, asked before it is done. */
export function RestorePage(props: Common & { readonly release: Release; readonly current: number }) {
  const { language, organization, spec, release } = props;
  const t = messages(language);
  return (
    <Layout
      language={language}
      title={t.restoreTitle}
      path={restorePath(release)}
      section="organizations"
      breadcrumbs={crumbs(organization, spec, language)}
    >
      <h1>{t.restoreTitle}</h1>
      <p class="lead">
        {fill(t.restoreLead, {
          when: formatDateTime(release.createdAt, language),
          file: fileName(release),
          rows: formatNumber(release.rows.published, language),
          current: formatNumber(props.current, language),
        })}
      </p>
      <form method="post" action={localizedPath(language, restorePath(release))}>
        <CsrfField token={props.csrfToken} />
        <button type="submit">{t.restoreButton}</button>
      </form>
      <p>
        <a href={localizedPath(language, publicationPath(organization.code, spec.slug))}>{t.restoreCancel}</a>
      </p>
    </Layout>
  );
}

function shown(value: unknown, t: Messages): string {
  if (value === null || value === undefined || value === "") return t.diffEmptyValue;
  return typeof value === "string" ? value : JSON.stringify(value);
}

function DiffTable(props: {
  id: string;
  caption: string;
  total: number;
  rows: readonly DiffRow[];
  changed: boolean;
  language: Language;
}) {
  const t = messages(props.language);
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>
        {props.caption} ({formatNumber(props.total, props.language)})
      </h2>
      {props.rows.length === 0 ? (
        <p>{t.diffNone}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby={`${props.id}-heading`} tabindex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.columnRecordId}</th>
                <th scope="col">{t.columnRowName}</th>
                {props.changed ? <th scope="col">{t.columnChangedFields}</th> : null}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <th scope="row">
                    <code>{row.recordId}</code>
                  </th>
                  <td>{row.name ?? "–"}</td>
                  {props.changed ? (
                    <td>
                      <ul>
                        {(row.fields ?? []).map((f) => (
                          <li>
                            <code>{f.field}</code>: <del>{shown(f.from, t)}</del> →{" "}
                            <ins>{shown(f.to, t)}</ins>
                          </li>
                        ))}
                      </ul>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** What changed from one release to another: rows added, changed (with the fields) and removed. */
export function DiffPage(props: Omit<Common, "csrfToken"> & { readonly diff: ReleaseDiff }) {
  const { language, organization, spec, diff } = props;
  const t = messages(language);
  const when = (r: Release) => formatDateTime(r.createdAt, language);
  return (
    <Layout
      language={language}
      title={t.diffTitle}
      path={diffPath(diff.release, diff.against)}
      section="organizations"
      breadcrumbs={crumbs(organization, spec, language)}
    >
      <h1>{t.diffTitle}</h1>
      <p class="lead">{fill(t.diffLead, { from: when(diff.against), to: when(diff.release) })}</p>
      <p>{fill(t.diffCapped, { limit: formatNumber(diff.limit, language) })}</p>
      {(["added", "changed", "removed"] as const).map((kind) => (
        <DiffTable
          id={`diff-${kind}`}
          caption={{ added: t.diffAdded, changed: t.diffChanged, removed: t.diffRemoved }[kind]}
          total={diff.counts[kind]}
          rows={diff[kind]}
          changed={kind === "changed"}
          language={language}
        />
      ))}
    </Layout>
  );
}
