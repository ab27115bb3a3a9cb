// The accessibility statement.
import type { English } from "./text.ts";

export const sv = {
  accessibilityTitle: "Tillgänglighetsredogörelse",
  accessibilityIntro: [
    "Dataverkstad står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna använda den.",
    "Här beskriver vi hur webbplatsen uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service, vilka kända brister som finns och hur du kan rapportera brister till oss så att vi kan åtgärda dem.",
  ],
  accessibilityScopeHeading: "Vad redogörelsen gäller",
  accessibilityScope: [
    "Redogörelsen gäller hela webbplatsen Dataverkstad: alla sidor på svenska och engelska, kartorna och API-dokumentationen.",
    "Lagen gäller offentliga aktörer, till exempel myndigheter, kommuner och regioner, och den digitala service de erbjuder. Dataverkstad är en sådan service för Sveriges kommuner och regioner. Webbplatsen ska därför uppfylla kraven i standarden EN 301 549, som bygger på WCAG 2.1 nivå AA.",
  ],
  accessibilityStatusHeading: "Hur tillgänglig är webbplatsen?",
  accessibilityStatus: [
    "Så vitt vi vet uppfyller webbplatsen alla krav i WCAG 2.1 nivå AA.",
    "Kartorna är ett komplement. Det går inte att välja en enskild kommun på kartan med tangentbordet, och en skärmläsare kan inte läsa kartan. Därför finns samma innehåll alltid i en lista eller tabell på samma sida. Listan fungerar med tangentbord, med skärmläsare och utan JavaScript.",
  ],
  accessibilityContactHeading: "Vad kan du göra om du inte kan använda delar av webbplatsen?",
  accessibilityContact: [
    "Om du behöver innehåll från webbplatsen i ett annat format, eller inte kan använda någon del av den, kan du kontakta oss. Skriv vilken sida det gäller och vad som inte fungerar.",
  ],
  accessibilityEmail: "E-post:",
  accessibilityReportHeading: "Rapportera brister i webbplatsens tillgänglighet",
  accessibilityReport: [
    "Vi arbetar hela tiden med att göra webbplatsen mer tillgänglig. Om du hittar problem som inte beskrivs här, eller om du tycker att vi inte uppfyller lagens krav, vill vi gärna veta det. Kontakta oss på samma adress som ovan.",
  ],
  accessibilityEnforcementHeading: "Tillsyn",
  accessibilityEnforcement: [
    "Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn enligt lagen om tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta DIGG och påtala det.",
  ],
  accessibilityEnforcementLink: "Anmäl till DIGG på digg.se/tdosanmalan",
  accessibilityTechnicalHeading: "Teknisk information om webbplatsens tillgänglighet",
  accessibilityTechnical: [
    "Så vitt vi vet är webbplatsen helt förenlig med lagen om tillgänglighet till digital offentlig service.",
    "Sidorna fungerar utan JavaScript. Kartorna kräver JavaScript, men det de visar finns också som text på samma sida.",
  ],
  accessibilityTestingHeading: "Hur vi testat webbplatsen",
  accessibilityTesting: [
    "Vi har testat webbplatsen själva. Varje gång koden ändras granskas varje sida, på svenska och på engelska, automatiskt med verktyget axe-core i webbläsaren Chromium mot kraven i WCAG 2.1 nivå A och AA. Samma test kontrollerar att sidorna inte har några fel i webbläsarens konsol.",
    "Vi testar också med tangentbord: att det går att hoppa direkt till innehållet, nå menyn, söka efter en kommun och öppna dess sida. Vi testar att sökningen fungerar utan JavaScript.",
    "Automatiska test hittar inte alla brister. Därför tar vi gärna emot synpunkter.",
  ],
  accessibilityReviewed: "Senaste bedömningen gjordes den {date}.",
  accessibilityUpdated: "Redogörelsen uppdaterades senast den {date}.",
} as const;

export const en = {
  accessibilityTitle: "Accessibility statement",
  accessibilityIntro: [
    "Dataverkstad is responsible for this website. We want as many people as possible to be able to use it.",
    "This statement describes how the website meets the Swedish Act on accessibility to digital public services (SFS 2018:1937), which problems we know of, and how you can report problems to us so that we can fix them.",
  ],
  accessibilityScopeHeading: "What this statement covers",
  accessibilityScope: [
    "This statement covers the whole Dataverkstad website: every page in Swedish and English, the maps and the API documentation.",
    "The act applies to public sector bodies, such as government agencies, municipalities and regions, and to the digital services they offer. Dataverkstad is such a service for Sweden's municipalities and regions. The website must therefore meet the requirements of the standard EN 301 549, which builds on WCAG 2.1 level AA.",
  ],
  accessibilityStatusHeading: "How accessible is the website?",
  accessibilityStatus: [
    "As far as we know, the website meets every requirement of WCAG 2.1 level AA.",
    "The maps are a supplement. A single municipality cannot be chosen on the map with the keyboard, and a screen reader cannot read the map. The same content is therefore always in a list or table on the same page. The list works with a keyboard, with a screen reader and without JavaScript.",
  ],
  accessibilityContactHeading: "What can you do if you cannot use parts of the website?",
  accessibilityContact: [
    "If you need content from the website in another format, or cannot use some part of it, please contact us. Tell us which page it is about and what does not work.",
  ],
  accessibilityEmail: "Email:",
  accessibilityReportHeading: "Report accessibility problems",
  accessibilityReport: [
    "We keep working to make the website more accessible. If you find problems that are not described here, or think that we do not meet the requirements of the act, please let us know at the same address.",
  ],
  accessibilityEnforcementHeading: "Enforcement",
  accessibilityEnforcement: [
    "The Agency for Digital Government (Myndigheten för digital förvaltning, DIGG) is responsible for enforcing the act. If you are not satisfied with how we handle your comments, you can contact DIGG and tell them.",
  ],
  accessibilityEnforcementLink: "Report to DIGG at digg.se/tdosanmalan (in Swedish)",
  accessibilityTechnicalHeading: "Technical information about the website's accessibility",
  accessibilityTechnical: [
    "As far as we know, the website is fully compliant with the Swedish Act on accessibility to digital public services.",
    "The pages work without JavaScript. The maps need JavaScript, but what they show is also on the same page as text.",
  ],
  accessibilityTestingHeading: "How we tested the website",
  accessibilityTesting: [
    "We have tested the website ourselves. Every time the code changes, every page, in Swedish and in English, is checked automatically with the axe-core tool in the Chromium browser against the requirements of WCAG 2.1 levels A and AA. The same test checks that the pages cause no errors in the browser's console.",
    "We also test with the keyboard: that you can skip straight to the content, reach the menu, search for a municipality and open its page. We test that the search works without JavaScript.",
    "Automated tests do not find every problem, so we welcome your comments.",
  ],
  accessibilityReviewed: "The latest assessment was made on {date}.",
  accessibilityUpdated: "This statement was last updated on {date}.",
} as const satisfies English<typeof sv>;
