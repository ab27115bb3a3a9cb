import type { Language } from "../../core/index.ts";
import { formatDate, messages } from "../i18n.ts";
import { Layout } from "../layout.tsx";
import { ACCESSIBILITY_REVIEWED, ACCESSIBILITY_UPDATED, CONTACT_EMAIL, DIGG_REPORT_URL } from "../site.ts";

function Paragraphs({ texts }: { texts: readonly string[] }) {
  return (
    <>
      {texts.map((text) => (
        <p>{text}</p>
      ))}
    </>
  );
}

/** The accessibility statement (tillgänglighetsredogörelse) the law requires, after DIGG's model. */
export function AccessibilityPage({ language }: { language: Language }) {
  const t = messages(language);
  const date = (iso: string) => <time datetime={iso}>{formatDate(iso, language)}</time>;
  const [reviewedBefore = "", reviewedAfter = ""] = t.accessibilityReviewed.split("{date}");
  const [updatedBefore = "", updatedAfter = ""] = t.accessibilityUpdated.split("{date}");
  return (
    <Layout language={language} title={t.accessibilityTitle} path="/accessibility" section="accessibility">
      <div class="prose">
        <h1>{t.accessibilityTitle}</h1>
        <Paragraphs texts={t.accessibilityIntro} />

        <h2>{t.accessibilityScopeHeading}</h2>
        <Paragraphs texts={t.accessibilityScope} />

        <h2>{t.accessibilityStatusHeading}</h2>
        <Paragraphs texts={t.accessibilityStatus} />

        <h2>{t.accessibilityContactHeading}</h2>
        <Paragraphs texts={t.accessibilityContact} />
        <p>
          {t.accessibilityEmail} <a href={`mailto:${CONTACT_EMAIL}`}>{CONTACT_EMAIL}</a>
        </p>

        <h2>{t.accessibilityReportHeading}</h2>
        <Paragraphs texts={t.accessibilityReport} />

        <h2>{t.accessibilityEnforcementHeading}</h2>
        <Paragraphs texts={t.accessibilityEnforcement} />
        <p>
          <a href={DIGG_REPORT_URL} hreflang="sv">
            {t.accessibilityEnforcementLink}
          </a>
        </p>

        <h2>{t.accessibilityTechnicalHeading}</h2>
        <Paragraphs texts={t.accessibilityTechnical} />

        <h2>{t.accessibilityTestingHeading}</h2>
        <Paragraphs texts={t.accessibilityTesting} />
        <p>
          {reviewedBefore}
          {date(ACCESSIBILITY_REVIEWED)}
          {reviewedAfter}
        </p>
        <p>
          {updatedBefore}
          {date(ACCESSIBILITY_UPDATED)}
          {updatedAfter}
        </p>
      </div>
    </Layout>
  );
}
