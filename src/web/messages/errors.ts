// Error pages: not found, server error, forbidden, sign-in needed.
import type { English } from "./text.ts";

export const sv = {
  errorNotFoundTitle: "Sidan finns inte",
  errorTitle: "Något gick fel",
  errorUnavailableTitle: "Tjänsten går inte att använda just nu",
  errorRequestId: "Ange referensen {id} om du kontaktar oss.",
  errorHome: "Gå till startsidan",
  errorOrganizations: "Se alla organisationer",
  errorForbiddenTitle: "Du har inte behörighet",
  errorUnauthorizedTitle: "Du behöver logga in",
  errorTooLargeTitle: "Filen är för stor",
  errorConflictTitle: "Det går inte just nu",
  csrfTitle: "Formuläret kunde inte skickas",
  csrfText: [
    "Av säkerhetsskäl tar Dataverkstad bara emot formulär som skickas från en sida som webbplatsen just har visat för dig. Formuläret saknade sin kontrollkod, eller så hörde koden till en äldre inloggning, till exempel om du har loggat ut eller in igen i en annan flik efter att sidan öppnades.",
    "Ingenting har ändrats.",
  ],
  csrfWhatNow:
    "Gå tillbaka till formuläret, ladda om sidan och skicka det igen. Om det inte hjälper: logga in på nytt, och kontrollera att webbläsaren tillåter kakor (cookies) från den här webbplatsen.",
  csrfBackLink: "Tillbaka till formuläret",
  forbiddenSignedInAs: "Du är inloggad som {name} ({email}).",
} as const;

export const en = {
  errorNotFoundTitle: "Page not found",
  errorTitle: "Something went wrong",
  errorUnavailableTitle: "The service cannot be used right now",
  errorRequestId: "Quote the reference {id} if you contact us.",
  errorHome: "Go to the home page",
  errorOrganizations: "See all organizations",
  errorForbiddenTitle: "You are not allowed to do this",
  errorUnauthorizedTitle: "You need to sign in",
  errorTooLargeTitle: "The file is too large",
  errorConflictTitle: "This cannot be done just now",
  csrfTitle: "The form could not be sent",
  csrfText: [
    "For security, Dataverkstad only accepts forms sent from a page the site has just shown you. The form lacked its check code, or the code belonged to an earlier sign-in, for example if you signed out or in again in another tab after the page was opened.",
    "Nothing has been changed.",
  ],
  csrfWhatNow:
    "Go back to the form, reload the page and send it again. If that does not help, sign in again, and check that your browser allows cookies from this site.",
  csrfBackLink: "Back to the form",
  forbiddenSignedInAs: "You are signed in as {name} ({email}).",
} as const satisfies English<typeof sv>;
