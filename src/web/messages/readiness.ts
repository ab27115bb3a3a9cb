// An organization's readiness, the maturity model and declarations.
import type { English } from "./text.ts";

export const sv = {
  progressModelLink: "Mognadsmodellen: kriterier och nivåer (JSON)",
  readinessTitle: "{organization}: mognad",
  readinessLevel: "Nivå {level}: {name}",
  readinessScore: "{score} av 100 poäng.",
  readinessCriteriaHeading: "Kriterier",
  readinessCriteriaCaption: "Varje kriterium, om det är uppfyllt och vad som visar det",
  columnCriterion: "Kriterium",
  columnMet: "Uppfyllt",
  columnEvidence: "Underlag",
  readinessMet: "Ja",
  readinessNotMet: "Nej",
  readinessNextHeading: "Nästa steg",
  readinessNextNone: "Inga fler steg just nu: alla kriterier är uppfyllda.",
  readinessPeersHeading: "Kommuner med liknande yta",
  readinessPeersRegionsHeading: "De andra regionerna",
  readinessPeersNote:
    "Jämförelsen görs på yta, eftersom befolkningsuppgifter saknas i plattformens referensdata.",
  readinessBadgeHeading: "Märke för er webbplats",
  readinessBadgeIntro: "Märket visar er nivå och uppdateras av sig självt. Klistra in koden på er webbplats:",
  modelTitle: "Mognadsmodellen",
  modelIntro:
    "Modellen avgör varje kommuns och regions nivå ur det organisationen har publicerat här och det den själv har angett. Nivån räknas fram på nytt varje gång en sida visas, så en ny publicering eller uppgift syns direkt.",
  modelVersion: "Modellens version: {version}.",
  modelGoalHeading: "Det nationella målet",
  modelGoal:
    "Minst {share} av kommunerna och minst {share} av regionerna ska vara på nivå {level} {name} eller högre.",
  modelLevelsHeading: "Nivåerna",
  modelCriteriaHeading: "Kriterierna",
  modelGroupLabel: "Del",
  modelGroups: { structures: "Strukturer", data: "Data" },
  modelPointsLabel: "Poäng",
  modelPoints: "{points} av 100",
  modelHowKnownLabel: "Hur det visas",
  modelKnownMeasured: "Mätt av plattformen.",
  modelKnownDeclared: "Självdeklarerat av organisationen, med en länk som underlag.",
  modelKnownBoth:
    "Mätt av plattformen när organisationen publicerar här, annars självdeklarerat med en länk.",
  declareHeading: "Egna uppgifter",
  declareIntro:
    "Fyra kriterier kan organisationen ange själv, med en länk som visar att det stämmer. En egen uppgift märks Självdeklarerat och räknas direkt; det plattformen mäter märks Mätt.",
  declareSignIn: "Är du publicerare för {organization}? Logga in för att ange uppgifterna.",
  declareNoRight:
    "Du är inloggad men kan inte ange uppgifter för {organization}. Det kan en publicerare för organisationen.",
  declareDeclaredOn: "Självdeklarerat {date}.",
  declareMeasuredNote:
    "Plattformen mäter redan kriteriet eftersom organisationen publicerar här. En egen uppgift behövs inte, men sparas om ni anger den.",
  declareUrlLabels: {
    "data-contact": "Länk till sidan där kontakten anges",
    "open-data-policy": "Länk till beslutet eller policyn",
    "open-licence": "Länk till licensvillkoren",
    api: "Länk till API:et eller dess dokumentation",
  },
  declareUrlHint:
    "En fullständig webbadress som börjar med https://, till exempel https://www.kommun.se/oppna-data.",
  declareNameLabel: "Kontaktens namn eller funktion",
  declareEmailLabel: "Kontaktens e-postadress",
  declareSubmit: "Spara uppgiften",
  declareWithdraw: "Ta tillbaka uppgiften",
  declareSaved: "Uppgiften om {criterion} är sparad och räknas redan.",
  declareWithdrawn: "Uppgiften om {criterion} är borttagen.",
  declareErrors: {
    urlMissing: "Ange en länk som visar att uppgiften stämmer.",
    urlNotHttp:
      "Länken måste vara en fullständig webbadress som börjar med https:// eller http://, till exempel https://www.kommun.se/oppna-data.",
    nameMissing: "Ange kontaktens namn eller funktion.",
    emailMissing: "Ange kontaktens e-postadress.",
    emailInvalid: "Ange en e-postadress i rätt form, till exempel oppnadata@kommun.se.",
    tooLong: "Texten är för lång: högst {max} tecken.",
  },
} as const;

export const en = {
  progressModelLink: "The readiness model: criteria and levels (JSON)",
  readinessTitle: "{organization}: readiness",
  readinessLevel: "Level {level}: {name}",
  readinessScore: "{score} of 100 points.",
  readinessCriteriaHeading: "Criteria",
  readinessCriteriaCaption: "Each criterion, whether it is met and what shows it",
  columnCriterion: "Criterion",
  columnMet: "Met",
  columnEvidence: "Evidence",
  readinessMet: "Yes",
  readinessNotMet: "No",
  readinessNextHeading: "Next steps",
  readinessNextNone: "No more steps right now: every criterion is met.",
  readinessPeersHeading: "Municipalities of similar area",
  readinessPeersRegionsHeading: "The other regions",
  readinessPeersNote:
    "The comparison is by area, as population figures are not in the platform's reference data.",
  readinessBadgeHeading: "A badge for your website",
  readinessBadgeIntro: "The badge shows your level and updates itself. Paste the code into your website:",
  modelTitle: "The readiness model",
  modelIntro:
    "The model sets each municipality's and region's level from what the organization has published here and what it has declared itself. The level is computed anew each time a page is shown, so a new publication or declaration shows at once.",
  modelVersion: "Model version: {version}.",
  modelGoalHeading: "The national goal",
  modelGoal:
    "At least {share} of the municipalities and at least {share} of the regions are to be at level {level} {name} or above.",
  modelLevelsHeading: "The levels",
  modelCriteriaHeading: "The criteria",
  modelGroupLabel: "Part",
  modelGroups: { structures: "Structures", data: "Data" },
  modelPointsLabel: "Points",
  modelPoints: "{points} of 100",
  modelHowKnownLabel: "How it is shown",
  modelKnownMeasured: "Measured by the platform.",
  modelKnownDeclared: "Self-declared by the organization, with a link as evidence.",
  modelKnownBoth:
    "Measured by the platform when the organization publishes here, otherwise self-declared with a link.",
  declareHeading: "Self-declared criteria",
  declareIntro:
    "Four criteria can be declared by the organization itself, with a link that shows it is so. A declaration is marked Self-declared and counts at once; what the platform measures is marked Measured.",
  declareSignIn: "Do you publish for {organization}? Sign in to declare the criteria.",
  declareNoRight:
    "You are signed in but cannot declare criteria for {organization}. A publisher for the organization can.",
  declareDeclaredOn: "Self-declared {date}.",
  declareMeasuredNote:
    "The platform already measures this criterion, since the organization publishes here. A declaration is not needed, but is kept if you make one.",
  declareUrlLabels: {
    "data-contact": "Link to the page that names the contact",
    "open-data-policy": "Link to the decision or policy",
    "open-licence": "Link to the licence terms",
    api: "Link to the API or its documentation",
  },
  declareUrlHint: "A full web address starting with https://, for example https://www.kommun.se/oppna-data.",
  declareNameLabel: "The contact's name or function",
  declareEmailLabel: "The contact's e-mail address",
  declareSubmit: "Save the declaration",
  declareWithdraw: "Withdraw the declaration",
  declareSaved: "The declaration of {criterion} is saved and counts already.",
  declareWithdrawn: "The declaration of {criterion} is withdrawn.",
  declareErrors: {
    urlMissing: "Give a link that shows the declaration is true.",
    urlNotHttp:
      "The link must be a full web address starting with https:// or http://, for example https://www.kommun.se/oppna-data.",
    nameMissing: "Give the contact's name or function.",
    emailMissing: "Give the contact's e-mail address.",
    emailInvalid: "Give an e-mail address in the right form, for example oppnadata@kommun.se.",
    tooLong: "The text is too long: at most {max} characters.",
  },
} as const satisfies English<typeof sv>;
