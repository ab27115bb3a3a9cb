// An organization's readiness: its level, next steps, the criteria with how each is known (Mätt,
// Självdeklarerat, Saknas), and the declaration forms for those who may act for it.
import type { Language } from "../../core/index.ts";
import { CRITERION_DEFINITIONS, LEVEL_NAMES, type Scorecard } from "../../progress/index.ts";
import { ErrorSummary, type FieldProblem } from "../forms.tsx";
import { fill, messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { localizedPath } from "../paths.ts";
import { DeclarationsSection, type DeclarationsProps } from "./progress-declarations.tsx";
import { ProgressStyles } from "./progress-map.tsx";
import { EvidenceText, readinessPath } from "./progress-tables.tsx";

export interface ReadinessPageProps {
  readonly language: Language;
  readonly card: Scorecard;
  readonly badgeUrl: string;
  /** What the viewer may do, the declarations stored, and a form sent back with errors. */
  readonly declarations: Omit<DeclarationsProps, "language" | "card" | "errors">;
  /** After a save or a withdrawal (POST, then redirect, then this page). */
  readonly notice?: { readonly kind: "saved" | "withdrawn"; readonly criterion: string } | undefined;
  readonly errors?: readonly FieldProblem[];
}

export function ReadinessPage({
  language,
  card,
  badgeUrl,
  declarations,
  notice,
  errors = [],
}: ReadinessPageProps) {
  const t = messages(language);
  const name = card.organization.name;
  const heading = fill(t.readinessTitle, { organization: name });
  const title = errors.length === 0 ? heading : fill(t.errorPageTitle, { title: heading });
  const levelText = fill(t.readinessLevel, { level: card.level, name: LEVEL_NAMES[card.level][language] });
  const isKommun = card.organization.types.includes("kommun");
  const criterionTitle = (id: string) =>
    CRITERION_DEFINITIONS.find((d) => d.id === id)?.title[language] ?? id;
  return (
    <Layout
      language={language}
      title={title}
      path={readinessPath(card.organization.code)}
      section="organizations"
      head={<ProgressStyles />}
      scripts={["form.js"]}
      breadcrumbs={[
        { label: t.navStart, path: "/" },
        { label: t.navOrganizations, path: "/organizations" },
        { label: name, path: `/organizations/${card.organization.code}` },
      ]}
    >
      <ErrorSummary errors={errors} language={language} />
      {notice === undefined ? null : (
        <p class="notice" role="status">
          {fill(notice.kind === "saved" ? t.declareSaved : t.declareWithdrawn, {
            criterion: criterionTitle(notice.criterion).toLowerCase(),
          })}
        </p>
      )}
      <h1>{heading}</h1>
      <p>
        <img src={badgeUrl} alt={levelText} width="260" height="24" />
      </p>
      <p>
        <strong>{levelText}</strong> {fill(t.readinessScore, { score: card.score })}
      </p>

      <h2>{t.readinessNextHeading}</h2>
      {card.nextSteps.length === 0 ? (
        <p>{t.readinessNextNone}</p>
      ) : (
        <ol>
          {card.nextSteps.map((step) => (
            <li>
              {step.text[language]}{" "}
              {step.links.map((link, i) => (
                <>
                  {i > 0 ? " · " : ""}
                  <a href={link.href.startsWith("/api/") ? link.href : localizedPath(language, link.href)}>
                    {link.title[language]}
                  </a>
                </>
              ))}
            </li>
          ))}
        </ol>
      )}

      <h2>{t.readinessCriteriaHeading}</h2>
      <div class="table-scroll">
        <table>
          <caption>{t.readinessCriteriaCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columnCriterion}</th>
              <th scope="col">{t.columnMet}</th>
              <th scope="col">{t.columnEvidence}</th>
            </tr>
          </thead>
          <tbody>
            {card.criteria.map((criterion) => (
              <tr>
                <th scope="row">
                  <a href={`${localizedPath(language, "/progress/model")}#criterion-${criterion.id}`}>
                    {criterionTitle(criterion.id)}
                  </a>
                </th>
                <td>{criterion.met ? t.readinessMet : t.readinessNotMet}</td>
                <td>
                  <EvidenceText criterion={criterion} language={language} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <DeclarationsSection language={language} card={card} errors={errors} {...declarations} />

      <h2>{isKommun ? t.readinessPeersHeading : t.readinessPeersRegionsHeading}</h2>
      {isKommun ? <p>{t.readinessPeersNote}</p> : null}
      <ul>
        {card.peers.map((peer) => (
          <li>
            <a href={localizedPath(language, readinessPath(peer.code))}>{peer.name}</a>
            {`: ${peer.level} ${LEVEL_NAMES[peer.level][language]}`}
          </li>
        ))}
      </ul>

      <h2>{t.readinessBadgeHeading}</h2>
      <p>{t.readinessBadgeIntro}</p>
      <pre>
        <code>{`<img src="${badgeUrl}" alt="${levelText}" height="24">`}</code>
      </pre>
    </Layout>
  );
}
