// The readiness model for people: the goal, the levels and what each takes, and every criterion
// with its points and how it is known. Rendered from the same definitions the API's
// /api/v1/progress/model serves and the model computes with, so the three cannot disagree.
import type { Language } from "../../core/index.ts";
import {
  CRITERION_DEFINITIONS,
  GOAL_LEVEL,
  GOAL_SHARE,
  HOW_KNOWN,
  LEVEL_NAMES,
  LEVEL_REQUIREMENTS,
  LEVELS,
  MODEL_VERSION,
  type CriterionDefinition,
} from "../../progress/index.ts";
import { fill, messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { ProgressStyles } from "./progress-map.tsx";
import { levelLabel, percent } from "./progress-tables.tsx";

function howKnown(definition: CriterionDefinition, language: Language): string {
  const t = messages(language);
  const texts = {
    measured: t.modelKnownMeasured,
    declared: t.modelKnownDeclared,
    "measured-or-declared": t.modelKnownBoth,
  };
  return texts[HOW_KNOWN[definition.id]];
}

export function ModelPage({ language }: { language: Language }) {
  const t = messages(language);
  return (
    <Layout
      language={language}
      title={t.modelTitle}
      path="/progress/model"
      section="progress"
      head={<ProgressStyles />}
      breadcrumbs={[
        { label: t.navStart, path: "/" },
        { label: t.navProgress, path: "/progress" },
      ]}
    >
      <h1>{t.modelTitle}</h1>
      <p class="lead">{t.modelIntro}</p>
      <p>{fill(t.modelVersion, { version: MODEL_VERSION })}</p>

      <h2>{t.modelGoalHeading}</h2>
      <p>
        {fill(t.modelGoal, {
          share: percent(GOAL_SHARE, language),
          level: GOAL_LEVEL,
          name: LEVEL_NAMES[GOAL_LEVEL][language],
        })}
      </p>

      <h2>{t.modelLevelsHeading}</h2>
      <dl class="model-levels">
        {LEVELS.map((level) => (
          <>
            <dt id={`level-${level}`}>{levelLabel(level, language)}</dt>
            <dd>{LEVEL_REQUIREMENTS[level][language]}</dd>
          </>
        ))}
      </dl>

      <h2>{t.modelCriteriaHeading}</h2>
      {CRITERION_DEFINITIONS.map((definition) => (
        <section aria-labelledby={`criterion-${definition.id}`}>
          <h3 id={`criterion-${definition.id}`}>{definition.title[language]}</h3>
          <p>{definition.description[language]}</p>
          <dl class="facts">
            <div>
              <dt>{t.modelGroupLabel}</dt>
              <dd>{t.modelGroups[definition.group]}</dd>
            </div>
            <div>
              <dt>{t.modelPointsLabel}</dt>
              <dd>{fill(t.modelPoints, { points: definition.points })}</dd>
            </div>
            <div>
              <dt>{t.modelHowKnownLabel}</dt>
              <dd>{howKnown(definition, language)}</dd>
            </div>
          </dl>
        </section>
      ))}

      <p>
        <a href="/api/v1/progress/model" type="application/json">
          {t.progressModelLink}
        </a>
      </p>
    </Layout>
  );
}
