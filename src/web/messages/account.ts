// Signing in and out, the account page and its tokens.
import type { TokenScope } from "../../accounts/index.ts";
import type { English } from "./text.ts";

export const sv = {
  signInTitle: "Logga in",
  signInIntro: [
    "Logga in för att publicera data för din organisation, se era filer och rapporter, hantera API-nycklar och, för den nationella samordnaren, ändra den prioriterade listan.",
    "Du behöver inte logga in för att hitta, ladda ner eller validera data.",
  ],
  signInEmailLabel: "E-postadress",
  signInPasswordLabel: "Lösenord",
  signInSubmit: "Logga in",
  signInErrorEmail: "Skriv din e-postadress.",
  signInErrorPassword: "Skriv ditt lösenord.",
  signInErrorWrong: "E-postadressen eller lösenordet är fel. Kontrollera båda och försök igen.",
  signInNoAccount:
    "Har du inget konto? Konton skapas av plattformens administratör. Kontakta den som samordnar arbetet med öppna data i din kommun eller region.",
  signInCookies:
    "När du loggar in sparas en kaka (cookie) i din webbläsare så att du förblir inloggad. Den tas bort när du loggar ut, och senast efter 8 timmar.",
  signedOutNotice: "Du är utloggad.",
  accountDetailsHeading: "Ditt konto",
  accountRolesHeading: "Dina roller",
  accountNoRoles: "Ditt konto har inga roller ännu. Be plattformens administratör om de roller du behöver.",
  roleAdministrator: "Administratör: får göra allt på plattformen",
  roleNationalCoordinator:
    "Nationell samordnare: ändrar den prioriterade listan och ser alla organisationers opublicerade material",
  roleCountyCoordinator: "Länssamordnare för {lan}",
  rolePublisher: "Publicerare för {organization}",
  roleDataUser: "Dataanvändare",
  rolePublishLink: "Publicera en fil för {organization}",
  rolePublicationsLink: "Publiceringar för {organization}",
  tokensHeading: "API-nycklar",
  tokensIntro:
    "Med en API-nyckel kan ett program läsa eller publicera för en organisation utan att logga in, till exempel för att publicera en fil automatiskt varje natt. Programmet skickar nyckeln i rubriken Authorization: Bearer följt av nyckeln.",
  tokensCaption: "Dina API-nycklar, den senaste först",
  tokensNone: "Du har inga API-nycklar.",
  columnScope: "Behörighet",
  columnCreated: "Skapad",
  columnLastUsed: "Senast använd",
  scopeLabels: { read: "Läsa", publish: "Publicera" } satisfies Readonly<Record<TokenScope, string>>,
  tokenActive: "Aktiv",
  tokenRevoked: "Återkallad {date}",
  tokenNeverUsed: "Aldrig",
  tokenRevokeButton: "Återkalla",
  tokenRevokedNotice: "API-nyckeln {name} är återkallad och kan inte användas längre.",
  tokenCreateHeading: "Skapa en API-nyckel",
  tokenNameLabel: "Namn på nyckeln",
  tokenNameHint:
    "Så att du känner igen den senare, till exempel Nattlig publicering av badplatser. Högst 100 tecken.",
  tokenScopeHints: {
    read: "Läsa: se organisationens filer och rapporter, även de som inte publicerades.",
    publish: "Publicera: publicera filer för organisationen, och läsa.",
  } satisfies Readonly<Record<TokenScope, string>>,
  tokenCreateSubmit: "Skapa API-nyckeln",
  tokenCreateNone: "Ditt konto har ingen roll för någon organisation, så du kan inte skapa API-nycklar.",
  tokenErrorName: "Skriv ett namn på nyckeln, högst 100 tecken.",
  tokenErrorOrganization: "Välj en organisation.",
  tokenErrorScope: "Välj vad nyckeln får göra.",
  tokenErrorScopeNotAllowed:
    "Du får inte publicera för {organization}. Välj Läsa, eller en organisation som du publicerar för.",
  tokenCreatedHeading: "Din nya API-nyckel",
  tokenCreatedText:
    "Kopiera nyckeln nu och spara den på ett säkert ställe. Den visas bara den här gången: Dataverkstad sparar den inte. Om du tappar bort den, återkalla den och skapa en ny.",
  tokenCreatedLabel: "API-nyckeln {name}",
  tokenCreatedUsage: "Så här publicerar ett program en fil med nyckeln:",
  /** API token expiry: the form's choice, the note at creation, the status in the list. */
  tokenExpiry: {
    label: "Giltig i",
    hint: "När tiden har gått ut slutar nyckeln att fungera, så en bortglömd nyckel blir inte en risk för alltid.",
    never: "Tills den återkallas",
    days: "{n} dagar",
    createdUntil: "Nyckeln gäller till {date}.",
    createdNever: "Nyckeln gäller tills den återkallas.",
    activeUntil: "Aktiv till {date}",
    expired: "Gick ut {date}",
    error: "Välj hur länge nyckeln ska gälla.",
  },
} as const;

export const en = {
  signInTitle: "Sign in",
  signInIntro: [
    "Sign in to publish data for your organization, see its files and reports, manage API tokens and, as the national coordinator, edit the prioritized list.",
    "You do not need to sign in to find, download or validate data.",
  ],
  signInEmailLabel: "Email address",
  signInPasswordLabel: "Password",
  signInSubmit: "Sign in",
  signInErrorEmail: "Enter your email address.",
  signInErrorPassword: "Enter your password.",
  signInErrorWrong: "The email address or the password is wrong. Check both and try again.",
  signInNoAccount:
    "No account? Accounts are made by the platform's administrator. Contact whoever coordinates open data in your municipality or region.",
  signInCookies:
    "Signing in stores a cookie in your browser so that you stay signed in. It is removed when you sign out, and after 8 hours at the latest.",
  signedOutNotice: "You are signed out.",
  accountDetailsHeading: "Your account",
  accountRolesHeading: "Your roles",
  accountNoRoles: "Your account has no roles yet. Ask the platform's administrator for the roles you need.",
  roleAdministrator: "Administrator: may do everything on the platform",
  roleNationalCoordinator:
    "National coordinator: edits the prioritized list and sees every organization's unpublished material",
  roleCountyCoordinator: "County coordinator for {lan}",
  rolePublisher: "Publisher for {organization}",
  roleDataUser: "Data user",
  rolePublishLink: "Publish a file for {organization}",
  rolePublicationsLink: "Publications of {organization}",
  tokensHeading: "API tokens",
  tokensIntro:
    "With an API token a program can read or publish for an organization without signing in, for example to publish a file automatically every night. The program sends the token in the header Authorization: Bearer followed by the token.",
  tokensCaption: "Your API tokens, newest first",
  tokensNone: "You have no API tokens.",
  columnScope: "Permission",
  columnCreated: "Created",
  columnLastUsed: "Last used",
  scopeLabels: { read: "Read", publish: "Publish" },
  tokenActive: "Active",
  tokenRevoked: "Revoked {date}",
  tokenNeverUsed: "Never",
  tokenRevokeButton: "Revoke",
  tokenRevokedNotice: "The API token {name} is revoked and can no longer be used.",
  tokenCreateHeading: "Create an API token",
  tokenNameLabel: "Name of the token",
  tokenNameHint:
    "So that you recognise it later, for example Nightly publishing of bathing sites. At most 100 characters.",
  tokenScopeHints: {
    read: "Read: see the organization's files and reports, also those that were not published.",
    publish: "Publish: publish files for the organization, and read.",
  },
  tokenCreateSubmit: "Create the API token",
  tokenCreateNone: "Your account has no role for any organization, so you cannot create API tokens.",
  tokenErrorName: "Enter a name for the token, at most 100 characters.",
  tokenErrorOrganization: "Choose an organization.",
  tokenErrorScope: "Choose what the token may do.",
  tokenErrorScopeNotAllowed:
    "You may not publish for {organization}. Choose Read, or an organization you publish for.",
  tokenCreatedHeading: "Your new API token",
  tokenCreatedText:
    "Copy the token now and keep it somewhere safe. It is shown this once only: Dataverkstad does not keep it. If you lose it, revoke it and create a new one.",
  tokenCreatedLabel: "The API token {name}",
  tokenCreatedUsage: "This is how a program publishes a file with the token:",
  tokenExpiry: {
    label: "Valid for",
    hint: "When the time is up the token stops working, so a forgotten token is not a risk forever.",
    never: "Until it is revoked",
    days: "{n} days",
    createdUntil: "The token is valid until {date}.",
    createdNever: "The token is valid until it is revoked.",
    activeUntil: "Active until {date}",
    expired: "Expired {date}",
    error: "Choose how long the token is valid.",
  },
} as const satisfies English<typeof sv>;
