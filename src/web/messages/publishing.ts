// Publishing a file, an organization's publications and a release's page.
import type { ReleaseStatus } from "../../publishing/index.ts";
import type { English } from "./text.ts";

export const sv = {
  forbiddenPublish:
    "Ditt konto får inte publicera för {organization}. Bara organisationens publicerare kan göra det. Ska du publicera för {organization}, be plattformens administratör om behörighet.",
  forbiddenRead:
    "Den här filen publicerades inte. Bara {organization} och dess samordnare kan se den och dess rapport.",
  publicationsTitle: "Publiceringar för {organization}",
  publicationsIntro:
    "De prioriterade datamängder med specifikation som förväntas av en {type}, och hur långt publiceringen har kommit.",
  publicationsTypes: { kommun: "kommun", region: "region", both: "kommun eller region" },
  publicationsCaption: "Förväntade datamängder och deras publicering",
  publicationsNoneExpected:
    "Det finns ännu inga prioriterade datamängder med specifikation för den här typen av organisation.",
  publicationsPublishLink: "Publicera en fil",
  publicationsRejectedNote:
    "En avvisad fil hade fel och publicerades inte. Den gällande versionen ligger kvar tills en giltig fil publiceras.",
  columnCurrentRelease: "Gällande version",
  columnPublishedRows: "Publicerade rader",
  columnRejected: "Senaste avvisade fil",
  publicationNone: "Inte publicerad ännu",
  releaseStatusLabels: {
    published: "Publicerad",
    partial: "Delvis publicerad (bara giltiga rader)",
    rejected: "Avvisad",
    held: "Väntar på bekräftelse",
    withdrawn: "Tillbakadragen",
  } satisfies Readonly<Record<ReleaseStatus, string>>,
  releaseErrorCount: { none: "inga fel", one: "1 fel", other: "{n} fel" },
  releaseReportLink: "Rapporten",
  noneText: "Ingen",
  publicationTitle: "{dataset} från {organization}",
  publicationHistoryHeading: "Versionshistorik",
  publicationHistoryCaption: "Filerna som tagits emot, den senaste först",
  publicationHistoryHiddenNote: "Filer som avvisades visas bara för organisationen och dess samordnare.",
  publicationNoReleases: "Inga filer har publicerats ännu.",
  columnReceived: "Mottagen",
  columnChanges: "Ändringar",
  columnFile: "Fil",
  changesText: "{added} nya, {changed} ändrade, {removed} borttagna",
  releaseFileLink: "Originalfilen",
  publicationDataLink: "Hela den nationella datamängden {dataset}",
  releaseTitles: {
    published: "Filen är publicerad",
    partial: "De giltiga raderna är publicerade",
    rejected: "Filen publicerades inte",
    held: "Filen väntar på din bekräftelse",
    withdrawn: "Publiceringen är tillbakadragen",
  } satisfies Readonly<Record<ReleaseStatus, string>>,
  releaseLeads: {
    published: "Alla rader i filen finns nu i den nationella datamängden.",
    partial:
      "Raderna utan fel finns nu i den nationella datamängden. Raderna med fel publicerades inte: rätta dem och publicera filen igen.",
    rejected:
      "Filen har fel, så den publicerades inte. Den gällande versionen ligger kvar, och ingenting har ändrats i den nationella datamängden.",
    held: "Filen skulle ta bort alla, eller mer än hälften av, organisationens rader. Ingenting har ändrats ännu: den publiceras först när du bekräftar.",
    withdrawn:
      "Filen hade inga rader, och organisationens rader har tagits bort ur den nationella datamängden.",
  } satisfies Readonly<Record<ReleaseStatus, string>>,
  releaseFileName: "Filnamn",
  releaseRowsTotal: "Rader i filen",
  releaseAdded: "Nya rader",
  releaseChanged: "Ändrade rader",
  releaseRemoved: "Borttagna rader",
  releaseValidRowsHeading: "Publicera bara de giltiga raderna",
  releaseValidRowsText:
    "Du kan publicera raderna utan fel nu och rätta resten senare. Raderna med fel kommer då inte med i den nationella datamängden, och de rader som organisationen publicerat tidigare ersätts.",
  releaseValidRowsButton: "Publicera de giltiga raderna",
  releaseValidRowsImpossible:
    "Felen gäller hela filen (till exempel kolumnrubrikerna, eller att filen inte gick att läsa till slut), så inte heller de giltiga raderna kan publiceras. Rätta filen och publicera den igen.",
  releaseReportHeading: "Valideringsrapporten",
  releaseLinksHeading: "Filen och rapporten",
  releaseReportJson: "Rapporten i JSON-format",
  releaseAgain: "Publicera en ny fil",
  publishTitle: "Publicera en fil",
  publishIntro: [
    "Välj vilken datamängd filen innehåller och välj filen. Filen kontrolleras mot specifikationen, och om den är giltig ersätter den organisationens tidigare rader i den nationella datamängden.",
    "Om filen har fel publiceras den inte, och den gällande versionen ligger kvar. Du får då en rapport om vad som behöver rättas, och kan välja att publicera bara de giltiga raderna.",
  ],
  publishFor: "Du publicerar för {organization}.",
  publishSpecLabel: "Datamängd",
  publishSubmit: "Publicera filen",
  publishValidateFirst: "Vill du kontrollera filen först, utan att publicera den?",
  publishValidateLink: "Validera filen",
  publishErrorNoSpec: "Välj vilken datamängd filen innehåller.",
  publishErrorNoFile: "Välj en fil att publicera.",
  publishNoneExpected: "Det finns ingen datamängd med specifikation som organisationen kan publicera ännu.",
  // The publish form's two groups: any specification may be published, the expected ones first.
  publishGroupExpected: "Förväntas av organisationen",
  publishGroupOther: "Övriga specifikationer",
  // A URL source, and "fetch now" as a job.
  sourceHeading: "Hämtas från en webbadress",
  sourceUrlLabel: "Webbadress (hämtas var {minutes}:e minut)",
  sourceLastFetch: "Senast hämtad",
  sourceFetchNow: "Hämta nu",
  sourceFetchRunning:
    "Hämtningen pågår. Den fortsätter även om du lämnar sidan; ladda om sidan för att se hur det gick.",
  sourceFetchDone: "Hämtningen är klar.",
  sourceFetchFailed: "Hämtningen misslyckades: {error}",
  describedLink: "Datamängder som organisationen beskriver själv",
} as const;

export const en = {
  forbiddenPublish:
    "Your account may not publish for {organization}. Only the organization's publishers can. If you are to publish for {organization}, ask the platform's administrator for access.",
  forbiddenRead:
    "This file was not published. Only {organization} and its coordinators can see it and its report.",
  publicationsTitle: "Publications of {organization}",
  publicationsIntro:
    "The prioritized datasets with a specification that are expected of a {type}, and how far publishing has come.",
  publicationsTypes: { kommun: "municipality", region: "region", both: "municipality or region" },
  publicationsCaption: "Expected datasets and their publication",
  publicationsNoneExpected:
    "There are no prioritized datasets with a specification for this kind of organization yet.",
  publicationsPublishLink: "Publish a file",
  publicationsRejectedNote:
    "A rejected file had errors and was not published. The current version stays until a valid file is published.",
  columnCurrentRelease: "Current version",
  columnPublishedRows: "Rows published",
  columnRejected: "Latest rejected file",
  publicationNone: "Not published yet",
  releaseStatusLabels: {
    published: "Published",
    partial: "Partly published (valid rows only)",
    rejected: "Rejected",
    held: "Awaiting confirmation",
    withdrawn: "Withdrawn",
  },
  releaseErrorCount: { none: "no errors", one: "1 error", other: "{n} errors" },
  releaseReportLink: "The report",
  noneText: "None",
  publicationTitle: "{dataset} from {organization}",
  publicationHistoryHeading: "Release history",
  publicationHistoryCaption: "The files received, newest first",
  publicationHistoryHiddenNote: "Rejected files are shown only to the organization and its coordinators.",
  publicationNoReleases: "No files have been published yet.",
  columnReceived: "Received",
  columnChanges: "Changes",
  columnFile: "File",
  changesText: "{added} added, {changed} changed, {removed} removed",
  releaseFileLink: "The original file",
  publicationDataLink: "The whole national dataset {dataset}",
  releaseTitles: {
    published: "The file is published",
    partial: "The valid rows are published",
    rejected: "The file was not published",
    held: "The file awaits your confirmation",
    withdrawn: "The publication is withdrawn",
  },
  releaseLeads: {
    published: "Every row of the file is now in the national dataset.",
    partial:
      "The rows without errors are now in the national dataset. The rows with errors were not published: fix them and publish the file again.",
    rejected:
      "The file has errors, so it was not published. The current version stays, and nothing has changed in the national dataset.",
    held: "The file would remove all, or more than half, of the organization's rows. Nothing has changed yet: it is published only when you confirm.",
    withdrawn:
      "The file had no rows, and the organization's rows have been removed from the national dataset.",
  },
  releaseFileName: "File name",
  releaseRowsTotal: "Rows in the file",
  releaseAdded: "Rows added",
  releaseChanged: "Rows changed",
  releaseRemoved: "Rows removed",
  releaseValidRowsHeading: "Publish only the valid rows",
  releaseValidRowsText:
    "You can publish the rows without errors now and fix the rest later. The rows with errors are then left out of the national dataset, and the rows the organization published before are replaced.",
  releaseValidRowsButton: "Publish the valid rows",
  releaseValidRowsImpossible:
    "The errors concern the whole file (such as the column headers, or that the file could not be read to the end), so not even the valid rows can be published. Fix the file and publish it again.",
  releaseReportHeading: "The validation report",
  releaseLinksHeading: "The file and the report",
  releaseReportJson: "The report in JSON format",
  releaseAgain: "Publish a new file",
  publishTitle: "Publish a file",
  publishIntro: [
    "Choose which dataset the file holds, and choose the file. The file is checked against the specification and, if it is valid, replaces the organization's earlier rows in the national dataset.",
    "If the file has errors it is not published, and the current version stays. You then get a report on what to fix, and can choose to publish only the valid rows.",
  ],
  publishFor: "You are publishing for {organization}.",
  publishSpecLabel: "Dataset",
  publishSubmit: "Publish the file",
  publishValidateFirst: "Want to check the file first, without publishing it?",
  publishValidateLink: "Validate the file",
  publishErrorNoSpec: "Choose which dataset the file holds.",
  publishErrorNoFile: "Choose a file to publish.",
  publishNoneExpected: "There is no dataset with a specification the organization can publish yet.",
  publishGroupExpected: "Expected of the organization",
  publishGroupOther: "Other specifications",
  sourceHeading: "Fetched from a URL",
  sourceUrlLabel: "URL (fetched every {minutes} minutes)",
  sourceLastFetch: "Last fetched",
  sourceFetchNow: "Fetch now",
  sourceFetchRunning:
    "The fetch is running. It goes on even if you leave the page; reload the page to see how it went.",
  sourceFetchDone: "The fetch is done.",
  sourceFetchFailed: "The fetch failed: {error}",
  describedLink: "Datasets the organization describes itself",
} as const satisfies English<typeof sv>;
