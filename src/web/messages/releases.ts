// The removal guard's confirm page, rollback, diffs between releases and who published what.
import type { ReleaseOrigin } from "../../publishing/index.ts";
import type { English } from "./text.ts";

export const sv = {
  columnPublishedBy: "Publicerad av",
  columnHow: "Hur",
  columnActions: "Åtgärder",
  releaseOrigins: {
    upload: "Uppladdning",
    cli: "Kommandoraden",
    url: "Hämtad från webbadress",
    demo: "Demo",
    restore: "Återställd tidigare version",
  } satisfies Readonly<Record<ReleaseOrigin, string>>,
  historyDiffLink: "Jämför med föregående",
  historyRestoreLink: "Gör gällande igen",
  historyConfirmLink: "Bekräfta eller avbryt",
  confirmTitle: "Bekräfta att rader tas bort",
  confirmLead:
    "Filen {file} skulle ta bort {removed} av organisationens {current} rader i {dataset}, och lägga till {added}. Ingenting har ändrats ännu.",
  confirmLeadEmpty:
    "Filen {file} innehåller inga rader. Bekräftar du, dras publiceringen tillbaka: alla organisationens {current} rader i {dataset} tas bort.",
  confirmCurrent: "Rader nu",
  confirmWouldRemove: "Rader som tas bort",
  confirmWouldAdd: "Rader som läggs till",
  confirmRowsCaption: "Rader som tas bort, de första {shown} av {total}",
  columnRecordId: "Radens id",
  columnRowName: "Namn",
  confirmButton: "Ja, publicera filen och ta bort raderna",
  confirmWithdrawButton: "Ja, dra tillbaka publiceringen",
  confirmCancel: "Avbryt och behåll de nuvarande raderna",
  confirmStale:
    "Den här filen kan inte bekräftas längre: en annan version har blivit gällande sedan den hölls kvar. Publicera filen igen om du vill se vad den skulle ändra nu.",
  restoreTitle: "Gör en tidigare version gällande igen",
  restoreLead:
    "Versionen från {when} (filen {file}, {rows} rader) blir gällande igen och ersätter de {current} rader som finns nu. Raderna läses från den sparade filen, precis som de publicerades. Ändringen syns i versionshistoriken.",
  restoreButton: "Gör versionen gällande",
  restoreCancel: "Avbryt",
  restoredFromText: "Återställer versionen från {when}",
  diffTitle: "Ändringar mellan två versioner",
  diffLead: "Från versionen {from} till versionen {to}.",
  diffAdded: "Nya rader",
  diffChanged: "Ändrade rader",
  diffRemoved: "Borttagna rader",
  diffCapped: "Listorna visar högst de första {limit} raderna av varje slag, ordnade efter id.",
  diffNone: "Inga.",
  columnChangedFields: "Ändrade fält",
  diffEmptyValue: "(tomt)",
} as const;

export const en = {
  columnPublishedBy: "Published by",
  columnHow: "How",
  columnActions: "Actions",
  releaseOrigins: {
    upload: "Upload",
    cli: "Command line",
    url: "Fetched from a URL",
    demo: "Demo",
    restore: "Earlier version restored",
  },
  historyDiffLink: "Compare with the previous one",
  historyRestoreLink: "Make current again",
  historyConfirmLink: "Confirm or cancel",
  confirmTitle: "Confirm that rows are removed",
  confirmLead:
    "The file {file} would remove {removed} of the organization's {current} rows in {dataset}, and add {added}. Nothing has changed yet.",
  confirmLeadEmpty:
    "The file {file} holds no rows. If you confirm, the publication is withdrawn: all of the organization's {current} rows in {dataset} are removed.",
  confirmCurrent: "Rows now",
  confirmWouldRemove: "Rows removed",
  confirmWouldAdd: "Rows added",
  confirmRowsCaption: "Rows that would be removed, the first {shown} of {total}",
  columnRecordId: "Row id",
  columnRowName: "Name",
  confirmButton: "Yes, publish the file and remove the rows",
  confirmWithdrawButton: "Yes, withdraw the publication",
  confirmCancel: "Cancel and keep the current rows",
  confirmStale:
    "This file can no longer be confirmed: another version became current after it was held. Publish the file again to see what it would change now.",
  restoreTitle: "Make an earlier version current again",
  restoreLead:
    "The version of {when} (the file {file}, {rows} rows) becomes current again and replaces the {current} rows there are now. The rows are read from the stored file, exactly as they were published. The change shows in the release history.",
  restoreButton: "Make the version current",
  restoreCancel: "Cancel",
  restoredFromText: "Restores the version of {when}",
  diffTitle: "Changes between two versions",
  diffLead: "From the version of {from} to the version of {to}.",
  diffAdded: "Rows added",
  diffChanged: "Rows changed",
  diffRemoved: "Rows removed",
  diffCapped: "The lists show at most the first {limit} rows of each kind, ordered by id.",
  diffNone: "None.",
  columnChangedFields: "Changed fields",
  diffEmptyValue: "(empty)",
} as const satisfies English<typeof sv>;
