// Every word the web pages show, in Swedish and English. One key set: the `Messages` type makes
// a key missing from either language a compile error, and i18n.test.ts checks the values too.
import type { TokenScope } from "../accounts/index.ts";
import type { Language } from "../core/index.ts";
import type { ReleaseStatus } from "../publishing/index.ts";
import type { FieldType, PriorityStatus } from "../specs/index.ts";
import type {
  ConstraintName,
  Dialect,
  IssueType,
  Severity,
  TableFormat,
  TextEncoding,
} from "../validation/index.ts";

/** The mechanical problems the fixer corrects, as the report's fix hints name them. */
export type FixHint = "dialect" | "decimalComma" | "whitespace" | "leadingZeros" | "other";

/** A text with a number in it: templates hold "{n}", which the server and filter.js fill in. */
export type CountTemplates = Readonly<{ none: string; one: string; many: string }>;

export interface Messages {
  readonly siteName: string;
  readonly siteTagline: string;
  readonly skipLink: string;
  /** The name of the other language, written in that language: the label of the language link. */
  readonly otherLanguageLink: string;
  readonly mainNavLabel: string;
  readonly breadcrumbLabel: string;
  readonly navStart: string;
  readonly navDatasets: string;
  readonly navSpecifications: string;
  readonly navValidate: string;
  readonly navOrganizations: string;
  readonly navLan: string;
  readonly navApi: string;
  readonly navAccessibility: string;
  readonly footerSourcesHeading: string;
  readonly footerLicence: string;
  readonly footerAboutHeading: string;
  readonly footerAccessibility: string;
  readonly footerApiDocs: string;
  readonly footerOpenApi: string;

  readonly startHeading: string;
  readonly startIntro: string;
  readonly startGoal: string;
  readonly startListHeading: string;
  readonly searchLabel: string;
  readonly searchHint: string;
  readonly searchButton: string;
  readonly searchAll: string;
  readonly searchCount: CountTemplates;
  readonly mapHeading: string;
  readonly mapLabel: string;
  readonly mapNote: string;
  readonly mapFallback: string;
  readonly mapError: string;
  readonly mapZoomIn: string;
  readonly mapZoomOut: string;
  readonly mapAttribution: string;

  readonly organizationsTitle: string;
  readonly organizationsIntro: string;
  readonly filterLegend: string;
  readonly filterType: string;
  readonly filterTypeAll: string;
  readonly filterLan: string;
  readonly filterLanAll: string;
  readonly filterQuery: string;
  readonly filterSubmit: string;
  readonly filterReset: string;
  readonly organizationCount: CountTemplates;
  readonly columnName: string;
  readonly columnCode: string;
  readonly columnType: string;
  readonly columnLan: string;
  readonly columnKommunCount: string;
  readonly typeKommun: string;
  readonly typeRegion: string;
  readonly typeBoth: string;

  readonly organizationCode: string;
  readonly organizationType: string;
  readonly organizationLan: string;
  readonly organizationRegion: string;
  readonly organizationNumber: string;
  readonly bothTypesNote: string;
  readonly regionCoversLan: string;
  readonly boundaryMapHeading: string;
  readonly boundaryMapLabel: string;
  readonly regionMapNote: string;
  readonly boundaryMapNote: string;
  readonly apiHeading: string;
  readonly apiOrganizationJson: string;
  readonly apiLanJson: string;
  readonly apiBoundaryGeoJson: string;

  readonly lanTitle: string;
  readonly lanIntro: string;
  readonly lanCaption: string;
  readonly lanTotal: string;
  readonly lanCode: string;
  readonly lanRegion: string;
  readonly lanKommunerHeading: string;
  readonly lanKommunerCaption: string;

  readonly accessibilityTitle: string;
  readonly accessibilityIntro: readonly string[];
  readonly accessibilityScopeHeading: string;
  readonly accessibilityScope: readonly string[];
  readonly accessibilityStatusHeading: string;
  readonly accessibilityStatus: readonly string[];
  readonly accessibilityContactHeading: string;
  readonly accessibilityContact: readonly string[];
  readonly accessibilityEmail: string;
  readonly accessibilityReportHeading: string;
  readonly accessibilityReport: readonly string[];
  readonly accessibilityEnforcementHeading: string;
  readonly accessibilityEnforcement: readonly string[];
  readonly accessibilityEnforcementLink: string;
  readonly accessibilityTechnicalHeading: string;
  readonly accessibilityTechnical: readonly string[];
  readonly accessibilityTestingHeading: string;
  readonly accessibilityTesting: readonly string[];
  readonly accessibilityReviewed: string;
  readonly accessibilityUpdated: string;

  readonly docsTitle: string;
  readonly docsIntro: readonly string[];
  readonly docsOpenApiLink: string;
  readonly docsVersion: string;
  readonly docsContents: string;
  readonly docsOtherTag: string;
  readonly docsParameters: string;
  readonly docsNoParameters: string;
  readonly docsParameterName: string;
  readonly docsParameterIn: string;
  readonly docsParameterRequired: string;
  readonly docsParameterType: string;
  readonly docsParameterDescription: string;
  readonly docsInPath: string;
  readonly docsInQuery: string;
  readonly docsInHeader: string;
  readonly docsInCookie: string;
  readonly docsAllowedValues: string;
  readonly docsDefault: string;
  readonly docsResponses: string;
  readonly docsStatus: string;
  readonly docsResponseDescription: string;
  readonly docsMediaType: string;
  readonly docsTry: string;
  readonly yes: string;
  readonly no: string;

  readonly errorNotFoundTitle: string;
  readonly errorTitle: string;
  readonly errorUnavailableTitle: string;
  readonly errorRequestId: string;
  readonly errorHome: string;
  readonly errorOrganizations: string;

  readonly priorityTitle: string;
  readonly priorityIntro: string;
  readonly priorityNoticeHeading: string;
  readonly priorityNotice: readonly string[];
  readonly priorityFilterArea: string;
  readonly priorityFilterAreaAll: string;
  readonly priorityFilterLevel: string;
  readonly priorityFilterLevelAll: string;
  readonly priorityFilterLevelHint: string;
  readonly priorityFilterStatusAll: string;
  readonly levelKommuner: string;
  readonly levelRegioner: string;
  readonly levelBothOnly: string;
  readonly priorityCount: CountTemplates;
  readonly statusLabels: Readonly<Record<PriorityStatus, string>>;
  readonly columnRank: string;
  readonly columnDataset: string;
  readonly columnArea: string;
  readonly columnPublisher: string;
  readonly columnStatus: string;
  readonly columnHvd: string;
  readonly columnSource: string;
  readonly confirmedLabel: string;
  readonly confirmedRank: string;
  readonly candidateLabel: string;
  readonly basisLink: string;
  readonly hvdNone: string;

  readonly specificationsTitle: string;
  readonly specificationsIntro: readonly string[];
  readonly specificationCount: CountTemplates;
  readonly columnSpecification: string;
  readonly columnDescription: string;
  readonly columnLatestVersion: string;
  readonly specPageTitle: string;
  readonly specVersionNumber: string;
  readonly specPublished: string;
  readonly specVersions: string;
  readonly specThisVersion: string;
  readonly specNewerVersion: string;
  readonly specDownloadsHeading: string;
  readonly specDownloadSchema: string;
  readonly specDownloadTemplate: string;
  readonly specDownloadExample: string;
  readonly specPrimaryKeyHeading: string;
  readonly specPrimaryKeyOne: string;
  readonly specPrimaryKeyMany: string;
  readonly specNoPrimaryKey: string;
  readonly specPositionHeading: string;
  readonly specPositionWgs84: string;
  readonly specPositionProjected: string;
  readonly specPositionCrsField: string;
  readonly specPositionCrsFixed: string;
  readonly specPositionHeight: string;
  readonly specNoPosition: string;
  readonly specFieldsHeading: string;
  readonly specFieldsCaption: string;
  readonly columnField: string;
  readonly columnTitle: string;
  readonly columnRequired: string;
  readonly columnExample: string;
  readonly columnRules: string;
  readonly fieldTypes: Readonly<Record<FieldType, string>>;
  readonly formats: Readonly<Record<"email" | "uri" | "uuid" | "phone", string>>;
  readonly ruleFormatOther: string;
  readonly ruleMin: string;
  readonly ruleMax: string;
  readonly ruleLengthRange: string;
  readonly ruleMinLength: string;
  readonly ruleMaxLength: string;
  readonly rulePattern: string;
  readonly ruleUnique: string;
  readonly ruleOrganization: string;
  readonly ruleTrueValues: string;
  readonly ruleFalseValues: string;
  readonly ruleNone: string;
  readonly specChangelogHeading: string;
  readonly specBasisHeading: string;
  readonly specValidateLink: string;

  readonly validateTitle: string;
  readonly validateIntro: readonly string[];
  readonly validateSpecLabel: string;
  readonly validateSpecHint: string;
  readonly validateFileLabel: string;
  readonly validateFileHint: string;
  readonly validateDropHint: string;
  readonly validateFileChosen: string;
  readonly validateSubmit: string;
  readonly validateApiNote: string;
  readonly validateApiLink: string;
  readonly errorSummaryTitle: string;
  readonly errorPrefix: string;
  readonly errorPageTitle: string;
  readonly validateErrorNoSpec: string;
  readonly validateErrorNoFile: string;
  readonly validateErrorEmptyFile: string;
  readonly validateErrorTooLarge: string;

  readonly reportValid: string;
  readonly reportInvalid: string;
  readonly reportValidLead: string;
  readonly reportValidWarningsLead: string;
  readonly reportInvalidLead: string;
  readonly reportIncomplete: string;
  readonly reportCheckedAgainst: string;
  readonly reportFileName: string;
  readonly reportRows: string;
  readonly reportObjects: string;
  readonly reportErrors: string;
  readonly reportWarnings: string;
  readonly reportFormat: string;
  readonly tableFormats: Readonly<Record<TableFormat, string>>;
  readonly reportDialectHeading: string;
  readonly reportEncoding: string;
  readonly reportEncodingUnknown: string;
  readonly encodings: Readonly<Record<TextEncoding, string>>;
  readonly reportDelimiter: string;
  readonly delimiters: Readonly<Record<NonNullable<Dialect["delimiter"]>, string>>;
  readonly reportDecimalSeparator: string;
  readonly reportDecimalComma: string;
  readonly reportDecimalPoint: string;
  readonly reportFixHeading: string;
  readonly reportFixIntro: string;
  readonly fixHints: Readonly<Record<FixHint, string>>;
  readonly reportFixHow: string;
  readonly reportSummaryHeading: string;
  readonly reportSummaryCaption: string;
  readonly columnColumn: string;
  readonly columnProblem: string;
  readonly columnSeverity: string;
  readonly columnCount: string;
  readonly columnExamples: string;
  readonly severities: Readonly<Record<Severity, string>>;
  readonly issueTypes: Readonly<Record<IssueType, string>>;
  readonly constraints: Readonly<Record<ConstraintName, string>>;
  readonly reportWholeFile: string;
  readonly reportExampleRow: string;
  readonly reportExampleObject: string;
  readonly reportEmptyCell: string;
  readonly reportNoIssues: string;
  readonly reportErrorsHeading: string;
  readonly reportErrorsCaption: string;
  readonly reportWarningsHeading: string;
  readonly reportWarningsCaption: string;
  readonly columnRow: string;
  readonly columnObject: string;
  readonly columnMessage: string;
  readonly columnFix: string;
  readonly reportFixAutomatic: string;
  readonly reportTruncated: string;
  readonly reportApiHeading: string;
  readonly reportApiValidate: string;
  readonly reportApiFix: string;
  readonly reportCurlFile: string;
  readonly reportCurlFixedFile: string;
  readonly reportNextHeading: string;
  readonly reportAgain: string;
  readonly reportSpecLink: string;

  readonly navData: string;
  readonly signInLink: string;
  readonly signOutButton: string;
  readonly accountSignedInAs: string;
  readonly accountTitle: string;
  readonly errorForbiddenTitle: string;
  readonly errorUnauthorizedTitle: string;
  readonly errorTooLargeTitle: string;
  readonly errorConflictTitle: string;
  readonly signInTitle: string;
  readonly signInIntro: readonly string[];
  readonly signInEmailLabel: string;
  readonly signInPasswordLabel: string;
  readonly signInSubmit: string;
  readonly signInErrorEmail: string;
  readonly signInErrorPassword: string;
  readonly signInErrorWrong: string;
  readonly signInNoAccount: string;
  readonly signInCookies: string;
  readonly signedOutNotice: string;
  readonly csrfTitle: string;
  readonly csrfText: readonly string[];
  readonly csrfWhatNow: string;
  readonly csrfBackLink: string;
  readonly forbiddenPublish: string;
  readonly forbiddenRead: string;
  readonly forbiddenEditList: string;
  readonly forbiddenSignedInAs: string;
  readonly accountDetailsHeading: string;
  readonly accountRolesHeading: string;
  readonly accountNoRoles: string;
  readonly roleAdministrator: string;
  readonly roleNationalCoordinator: string;
  readonly roleCountyCoordinator: string;
  readonly rolePublisher: string;
  readonly roleDataUser: string;
  readonly rolePublishLink: string;
  readonly rolePublicationsLink: string;
  readonly tokensHeading: string;
  readonly tokensIntro: string;
  readonly tokensCaption: string;
  readonly tokensNone: string;
  readonly columnOrganization: string;
  readonly columnScope: string;
  readonly columnCreated: string;
  readonly columnLastUsed: string;
  readonly columnAction: string;
  readonly scopeLabels: Readonly<Record<TokenScope, string>>;
  readonly tokenActive: string;
  readonly tokenRevoked: string;
  readonly tokenNeverUsed: string;
  readonly tokenRevokeButton: string;
  readonly tokenRevokedNotice: string;
  readonly tokenCreateHeading: string;
  readonly tokenNameLabel: string;
  readonly tokenNameHint: string;
  readonly tokenScopeHints: Readonly<Record<TokenScope, string>>;
  readonly tokenCreateSubmit: string;
  readonly tokenCreateNone: string;
  readonly tokenErrorName: string;
  readonly tokenErrorOrganization: string;
  readonly tokenErrorScope: string;
  readonly tokenErrorScopeNotAllowed: string;
  readonly tokenCreatedHeading: string;
  readonly tokenCreatedText: string;
  readonly tokenCreatedLabel: string;
  readonly tokenCreatedUsage: string;
  readonly publicationsLink: string;
  readonly publicationsTitle: string;
  readonly publicationsIntro: string;
  readonly publicationsTypes: Readonly<Record<"kommun" | "region" | "both", string>>;
  readonly publicationsCaption: string;
  readonly publicationsNoneExpected: string;
  readonly publicationsPublishLink: string;
  readonly publicationsRejectedNote: string;
  readonly columnCurrentRelease: string;
  readonly columnPublishedRows: string;
  readonly columnRejected: string;
  readonly publicationNone: string;
  readonly releaseStatusLabels: Readonly<Record<ReleaseStatus, string>>;
  readonly releaseErrorCount: CountTemplates;
  readonly releaseReportLink: string;
  readonly noneText: string;
  readonly demoLabel: string;
  readonly demoNote: string;
  readonly publicationTitle: string;
  readonly publicationHistoryHeading: string;
  readonly publicationHistoryCaption: string;
  readonly publicationHistoryHiddenNote: string;
  readonly publicationNoReleases: string;
  // A URL source, and "fetch now" as a job (issue 22).
  readonly sourceHeading: string;
  readonly sourceUrlLabel: string;
  readonly sourceLastFetch: string;
  readonly sourceFetchNow: string;
  readonly sourceFetchRunning: string;
  readonly sourceFetchDone: string;
  readonly sourceFetchFailed: string;
  readonly columnReceived: string;
  readonly columnChanges: string;
  readonly columnFile: string;
  readonly changesText: string;
  readonly releaseFileLink: string;
  readonly releaseDetailsLink: string;
  readonly publicationDataLink: string;
  readonly releaseTitles: Readonly<Record<ReleaseStatus, string>>;
  readonly releaseLeads: Readonly<Record<ReleaseStatus, string>>;
  readonly releaseFileName: string;
  readonly releaseRowsTotal: string;
  readonly releaseAdded: string;
  readonly releaseChanged: string;
  readonly releaseRemoved: string;
  readonly releaseSpecVersion: string;
  readonly releaseValidRowsHeading: string;
  readonly releaseValidRowsText: string;
  readonly releaseValidRowsButton: string;
  readonly releaseValidRowsImpossible: string;
  readonly releaseReportHeading: string;
  readonly releaseLinksHeading: string;
  readonly releaseReportJson: string;
  readonly releaseAgain: string;
  readonly publishTitle: string;
  readonly publishIntro: readonly string[];
  readonly publishFor: string;
  readonly publishSpecLabel: string;
  readonly publishSubmit: string;
  readonly publishValidateFirst: string;
  readonly publishValidateLink: string;
  readonly publishErrorNoSpec: string;
  readonly publishErrorNoFile: string;
  readonly publishNoneExpected: string;
  readonly dataTitle: string;
  readonly dataIntro: readonly string[];
  readonly dataCaption: string;
  readonly columnPublishers: string;
  readonly dataFilterKommunAll: string;
  readonly dataFilterQ: string;
  readonly dataFilterQHint: string;
  readonly dataCount: CountTemplates;
  readonly dataTableHeading: string;
  readonly dataTableCaption: string;
  readonly dataNextPage: string;
  readonly dataFirstPage: string;
  readonly dataPagingLabel: string;
  readonly columnRowId: string;
  readonly columnPosition: string;
  readonly dataNoPosition: string;
  readonly dataMapHeading: string;
  readonly dataMapNote: string;
  readonly dataMapAttribution: string;
  readonly dataDownloadNote: string;
  readonly dataDownloadCsv: string;
  readonly dataDownloadCsvExcel: string;
  readonly dataDownloadGeoJson: string;
  readonly dataDownloadJson: string;
  readonly dataApiHeading: string;
  readonly dataApiQuery: string;
  readonly dataApiOgc: string;
  readonly dataApiDocs: string;
  readonly dataNoRows: string;
  readonly priorityEditLink: string;
  readonly priorityEditTitle: string;
  readonly priorityEditIntro: string;
  readonly priorityRankHint: string;
  readonly priorityNameSv: string;
  readonly priorityNameEn: string;
  readonly priorityAreaSv: string;
  readonly priorityAreaEn: string;
  readonly priorityNotes: string;
  readonly priorityNotesHint: string;
  readonly priorityEditSubmit: string;
  readonly prioritySaved: string;
  readonly priorityErrorRank: string;
  readonly priorityErrorEmpty: string;
  readonly priorityErrorTooLong: string;
  readonly priorityErrorChoice: string;
  readonly priorityHistoryHeading: string;
  readonly priorityHistoryCaption: string;
  readonly priorityEntryHistoryCaption: string;
  readonly priorityHistoryNone: string;
  readonly priorityEntryHistoryNone: string;
  readonly columnChangedAt: string;
  readonly columnChangedBy: string;
  readonly columnChange: string;
  readonly priorityChangedByCoordinator: string;
  readonly priorityNoChange: string;
  readonly priorityHistoryMore: string;
  readonly priorityChangedBySystem: string;
  readonly progressTitle: string;
  readonly progressIntro: string;
  readonly progressKommuner: string;
  readonly progressRegioner: string;
  readonly progressGoalMet: string;
  readonly progressGoalNotMet: string;
  readonly progressLevelsHeading: string;
  readonly progressLevelsCaption: string;
  readonly columnLevel: string;
  readonly progressTrendHeading: string;
  readonly progressTrendDescription: string;
  readonly progressTrendNone: string;
  readonly progressTrendCaption: string;
  readonly columnDay: string;
  readonly columnKommunerShare: string;
  readonly columnRegionerShare: string;
  readonly progressLeaderboardHeading: string;
  readonly progressLeaderboardCaption: string;
  readonly progressImprovedHeading: string;
  readonly progressImprovedNone: string;
  readonly columnScore: string;
  readonly columnGained: string;
  readonly progressMoreHeading: string;
  readonly progressModelLink: string;
  readonly progressCoverageLink: string;
  readonly readinessTitle: string;
  readonly readinessLevel: string;
  readonly readinessScore: string;
  readonly readinessCriteriaHeading: string;
  readonly readinessCriteriaCaption: string;
  readonly columnCriterion: string;
  readonly columnMet: string;
  readonly columnEvidence: string;
  readonly readinessMet: string;
  readonly readinessNotMet: string;
  readonly readinessMeasured: string;
  readonly readinessDeclared: string;
  readonly readinessMissing: string;
  readonly readinessEvidenceLink: string;
  readonly readinessNextHeading: string;
  readonly readinessNextNone: string;
  readonly readinessPeersHeading: string;
  readonly readinessPeersRegionsHeading: string;
  readonly readinessPeersNote: string;
  readonly readinessBadgeHeading: string;
  readonly readinessBadgeIntro: string;
  readonly readinessLink: string;
  readonly navProgress: string;
  readonly progressMapHeading: string;
  readonly progressMapTitle: string;
  readonly progressMapNote: string;
  readonly progressMapLevelCount: CountTemplates;
  readonly progressLegendHeading: string;
  readonly progressLanTableHeading: string;
  readonly progressLanTableCaption: string;
  readonly columnKommunerEstablished: string;
  readonly columnRegionLevel: string;
  readonly progressAllKommuner: string;
  readonly progressAllKommunerCaption: string;
  readonly progressNoRegion: string;
  readonly progressLanTitle: string;
  readonly progressLanIntro: string;
  readonly progressLanKommuner: string;
  readonly progressLanOrganizationsHeading: string;
  readonly progressLanOrganizationsCaption: string;
  readonly columnCriteriaMet: string;
  readonly progressCriteriaMet: string;
  readonly progressLanMapHeading: string;
  readonly progressLanMapTitle: string;
  readonly progressLanMapNote: string;
  readonly progressLanComparisonHeading: string;
  readonly progressLanComparisonCaption: string;
  readonly progressLanThis: string;
  readonly progressLanLink: string;
  readonly progressModelPageLink: string;
  readonly modelTitle: string;
  readonly modelIntro: string;
  readonly modelVersion: string;
  readonly modelGoalHeading: string;
  readonly modelGoal: string;
  readonly modelLevelsHeading: string;
  readonly modelCriteriaHeading: string;
  readonly modelGroupLabel: string;
  readonly modelGroups: Readonly<Record<"structures" | "data", string>>;
  readonly modelPointsLabel: string;
  readonly modelPoints: string;
  readonly modelHowKnownLabel: string;
  readonly modelKnownMeasured: string;
  readonly modelKnownDeclared: string;
  readonly modelKnownBoth: string;
  readonly declareHeading: string;
  readonly declareIntro: string;
  readonly declareSignIn: string;
  readonly declareNoRight: string;
  readonly declareDeclaredOn: string;
  readonly declareMeasuredNote: string;
  readonly declareUrlLabels: Readonly<
    Record<"data-contact" | "open-data-policy" | "open-licence" | "api", string>
  >;
  readonly declareUrlHint: string;
  readonly declareNameLabel: string;
  readonly declareEmailLabel: string;
  readonly declareSubmit: string;
  readonly declareWithdraw: string;
  readonly declareSaved: string;
  readonly declareWithdrawn: string;
  readonly declareErrors: Readonly<
    Record<"urlMissing" | "urlNotHttp" | "nameMissing" | "emailMissing" | "emailInvalid" | "tooLong", string>
  >;
  readonly forbiddenDeclare: string;
  readonly progressInsetTitle: string;
  readonly progressInsetCaption: string;
  readonly catalogSearchTitle: string;
  readonly catalogSearchTitleFor: string;
  readonly catalogSearchIntro: string;
  readonly catalogSearchLabel: string;
  readonly catalogSearchHint: string;
  readonly catalogSearchButton: string;
  readonly catalogSortLabel: string;
  readonly catalogSortRelevance: string;
  readonly catalogSortTitle: string;
  readonly catalogSortModified: string;
  readonly catalogFiltersHeading: string;
  readonly catalogFacetOrg: string;
  readonly catalogFacetLan: string;
  readonly catalogFacetTheme: string;
  readonly catalogFacetFormat: string;
  readonly catalogFacetLicense: string;
  readonly catalogFacetSpec: string;
  readonly catalogFacetHvd: string;
  readonly catalogFilterButton: string;
  readonly catalogNoHits: string;
  readonly catalogPagingLabel: string;
  readonly catalogPreviousPage: string;
  readonly catalogMachineHeading: string;
  readonly catalogMachineText: string;
  readonly catalogMachineApi: string;
  readonly catalogNational: string;
  readonly catalogUnknownPublisher: string;
  readonly catalogModified: string;
  readonly catalogHarvested: string;
  readonly catalogYes: string;
  readonly catalogHits: CountTemplates;
  readonly dataCatalogText: string;
  readonly dataCatalogLink: string;
  readonly describedTitle: string;
  readonly describedIntro: string;
  readonly describedNew: string;
  readonly describedEditTitle: string;
  readonly describedNone: string;
  readonly describedSaved: string;
  readonly describedRemoved: string;
  readonly describedInCatalog: string;
  readonly describedNotInCatalog: string;
  readonly describedUpdated: string;
  readonly describedEdit: string;
  readonly describedChoose: string;
  readonly describedFormIntro: string;
  readonly describedStepWhat: string;
  readonly describedStepWhere: string;
  readonly describedStepTerms: string;
  readonly describedTitleSv: string;
  readonly describedTitleHint: string;
  readonly describedTitleEn: string;
  readonly describedOptionalEnglish: string;
  readonly describedDescriptionSv: string;
  readonly describedDescriptionHint: string;
  readonly describedDescriptionEn: string;
  readonly describedKeywords: string;
  readonly describedKeywordsHint: string;
  readonly describedTheme: string;
  readonly describedAccessUrl: string;
  readonly describedAccessUrlHint: string;
  readonly describedDownloadUrl: string;
  readonly describedDownloadUrlHint: string;
  readonly describedFormat: string;
  readonly describedFrequency: string;
  readonly describedLandingPage: string;
  readonly describedLandingPageHint: string;
  readonly describedLicence: string;
  readonly describedLicenceCc0: string;
  readonly describedLicenceCcBy: string;
  readonly describedContactEmail: string;
  readonly describedContactEmailHint: string;
  readonly describedSave: string;
  readonly describedDelete: string;
  readonly describedForbidden: string;
  readonly describedLink: string;
}

const sv: Messages = {
  siteName: "Dataverkstad",
  siteTagline: "Öppna data från Sveriges kommuner och regioner",
  skipLink: "Hoppa till innehållet",
  otherLanguageLink: "In English",
  mainNavLabel: "Huvudmeny",
  breadcrumbLabel: "Du är här",
  navStart: "Start",
  navDatasets: "Datamängder",
  navSpecifications: "Specifikationer",
  navValidate: "Validera",
  navOrganizations: "Organisationer",
  navLan: "Län",
  navApi: "API",
  navAccessibility: "Tillgänglighet",
  footerSourcesHeading: "Källor till uppgifterna",
  footerLicence: "Licens: {licence}",
  footerAboutHeading: "Om webbplatsen",
  footerAccessibility: "Tillgänglighetsredogörelse",
  footerApiDocs: "API-dokumentation",
  footerOpenApi: "API-beskrivning i OpenAPI-format (JSON)",

  startHeading: "Öppna data från Sveriges kommuner och regioner",
  startIntro:
    "Dataverkstad är en gemensam plats där Sveriges 290 kommuner och 21 regioner delar sina data. " +
    "Här publicerar de sina viktigaste datamängder, och alla kan hämta dem som en samlad bild av hela landet.",
  startGoal:
    "Målet är att minst hälften av de 21 regionerna och hälften av de 290 kommunerna ska ha det som behövs på plats för att dela och använda data.",
  startListHeading: "Hitta en kommun",
  searchLabel: "Sök kommun",
  searchHint: "Skriv hela eller en del av namnet, eller kommunkoden. Till exempel linkoping eller 0580.",
  searchButton: "Sök",
  searchAll: "Alla {n} kommuner visas.",
  searchCount: {
    none: "Ingen kommun matchar sökningen.",
    one: "1 kommun matchar sökningen.",
    many: "{n} kommuner matchar sökningen.",
  },
  mapHeading: "Kommunerna på kartan",
  mapLabel: "Karta över Sveriges 290 kommuner",
  mapNote:
    "Välj en kommun på kartan för att öppna dess sida. Listan innehåller samma kommuner och går att använda utan karta.",
  mapFallback: "Kartan visas när JavaScript är påslaget. Samma uppgifter finns som text på sidan.",
  mapError: "Kartan gick inte att visa just nu. Samma uppgifter finns som text på sidan.",
  mapZoomIn: "Zooma in",
  mapZoomOut: "Zooma ut",
  mapAttribution: "Gränser: Valmyndigheten (förenklade)",

  organizationsTitle: "Organisationer",
  organizationsIntro:
    "Alla kommuner och regioner i Dataverkstad. Region Gotland är både kommun och region och räknas i båda grupperna.",
  filterLegend: "Filtrera listan",
  filterType: "Typ",
  filterTypeAll: "Alla typer",
  filterLan: "Län",
  filterLanAll: "Alla län",
  filterQuery: "Namn eller kod",
  filterSubmit: "Visa",
  filterReset: "Visa alla",
  organizationCount: {
    none: "Ingen organisation matchar filtret.",
    one: "1 organisation",
    many: "{n} organisationer",
  },
  columnName: "Namn",
  columnCode: "Kod",
  columnType: "Typ",
  columnLan: "Län",
  columnKommunCount: "Antal kommuner",
  typeKommun: "Kommun",
  typeRegion: "Region",
  typeBoth: "Kommun och region",

  organizationCode: "Kod",
  organizationType: "Typ",
  organizationLan: "Län",
  organizationRegion: "Region",
  organizationNumber: "Organisationsnummer",
  bothTypesNote:
    "{name} är en kommun som också har ansvar som region. Därför räknas den både som kommun och som region.",
  regionCoversLan: "Regionen omfattar hela {lan}.",
  boundaryMapHeading: "Karta",
  boundaryMapLabel: "Karta över {name}",
  regionMapNote: "Kartan visar gränsen för {lan}, som regionen omfattar.",
  boundaryMapNote: "Kartan visar gränsen för {name}.",
  apiHeading: "Uppgifterna i API:t",
  apiOrganizationJson: "Organisationen i JSON-format",
  apiLanJson: "Länet i JSON-format",
  apiBoundaryGeoJson: "Gränsen i GeoJSON-format",

  lanTitle: "Län",
  lanIntro: "Sverige är indelat i 21 län. I varje län finns en region och ett antal kommuner.",
  lanCaption: "Sveriges 21 län och antalet kommuner i varje län",
  lanTotal: "Totalt",
  lanCode: "Länskod",
  lanRegion: "Region",
  lanKommunerHeading: "Kommuner i {lan}",
  lanKommunerCaption: "Kommunerna i {lan} ({n} stycken)",

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

  docsTitle: "API-dokumentation",
  docsIntro: [
    "Allt som visas på webbplatsen finns också i ett öppet API. Du behöver inte logga in. Svaren är i JSON-format, och gränser i GeoJSON-format.",
    "Felmeddelanden kommer på svenska, eller på engelska om du skickar Accept-Language: en.",
  ],
  docsOpenApiLink: "Hela beskrivningen i maskinläsbart format: OpenAPI 3.1 (openapi.json)",
  docsVersion: "Version {version}",
  docsContents: "Innehåll",
  docsOtherTag: "Övrigt",
  docsParameters: "Parametrar",
  docsNoParameters: "Inga parametrar.",
  docsParameterName: "Namn",
  docsParameterIn: "Var",
  docsParameterRequired: "Obligatorisk",
  docsParameterType: "Typ",
  docsParameterDescription: "Beskrivning",
  docsInPath: "i sökvägen",
  docsInQuery: "i frågedelen",
  docsInHeader: "i huvudet",
  docsInCookie: "i en kaka",
  docsAllowedValues: "Tillåtna värden:",
  docsDefault: "Standardvärde:",
  docsResponses: "Svar",
  docsStatus: "Statuskod",
  docsResponseDescription: "Betydelse",
  docsMediaType: "Format",
  docsTry: "Prova",
  yes: "Ja",
  no: "Nej",

  errorNotFoundTitle: "Sidan finns inte",
  errorTitle: "Något gick fel",
  errorUnavailableTitle: "Tjänsten går inte att använda just nu",
  errorRequestId: "Ange referensen {id} om du kontaktar oss.",
  errorHome: "Gå till startsidan",
  errorOrganizations: "Se alla organisationer",

  priorityTitle: "Prioriterade datamängder",
  priorityIntro:
    "De 100 datamängder som kommuner och regioner i första hand bör publicera, i prioritetsordning. En datamängd som har en specifikation länkar till den.",
  priorityNoticeHeading: "Så har listan tagits fram",
  priorityNotice: [
    "Listan är Dataverkstads egen sammanställning.",
    "Datamängder märkta Bekräftad finns på Nationell dataverkstads (NDV) lista över särskilt viktiga datamängder inom kommun och region. Där NDV:s plats på listan är känd visas den.",
    "Övriga datamängder är välgrundade kandidater som plattformen har sammanställt. Varje rad länkar till underlaget den bygger på.",
  ],
  priorityFilterArea: "Område",
  priorityFilterAreaAll: "Alla områden",
  priorityFilterLevel: "Vem publicerar",
  priorityFilterLevelAll: "Alla",
  priorityFilterLevelHint: "Kommuner och Regioner visar också datamängder som båda publicerar.",
  priorityFilterStatusAll: "Alla",
  levelKommuner: "Kommuner",
  levelRegioner: "Regioner",
  levelBothOnly: "Både kommuner och regioner",
  priorityCount: {
    none: "Ingen datamängd matchar filtret.",
    one: "1 datamängd",
    many: "{n} datamängder",
  },
  statusLabels: { specified: "Specificerad", "in-progress": "Under arbete", identified: "Identifierad" },
  columnRank: "Plats",
  columnDataset: "Datamängd",
  columnArea: "Område",
  columnPublisher: "Publiceras av",
  columnStatus: "Status",
  columnHvd: "EU-kategori för värdefulla datamängder",
  columnSource: "Grund",
  confirmedLabel: "Bekräftad",
  confirmedRank: "NDV:s plats {rank}",
  candidateLabel: "Kandidat",
  basisLink: "Underlag",
  hvdNone: "Ingen",

  specificationsTitle: "Specifikationer",
  specificationsIntro: [
    "En specifikation beskriver hur en datamängd ska se ut: vilka fält den har, vad de betyder och vilka värden som är tillåtna.",
    "När kommuner och regioner publicerar enligt samma specifikation kan deras data kontrolleras på samma sätt och läggas samman för hela landet.",
  ],
  specificationCount: {
    none: "Det finns inga specifikationer ännu.",
    one: "1 specifikation",
    many: "{n} specifikationer",
  },
  columnSpecification: "Specifikation",
  columnDescription: "Beskrivning",
  columnLatestVersion: "Senaste version",
  specPageTitle: "{title}, version {version}",
  specVersionNumber: "Versionsnummer",
  specPublished: "Publicerad",
  specVersions: "Alla versioner",
  specThisVersion: "den här sidan",
  specNewerVersion: "Det finns en nyare version av specifikationen: {version}.",
  specDownloadsHeading: "Ladda ner",
  specDownloadSchema: "Specifikationen som Table Schema (JSON)",
  specDownloadTemplate: "Mall att fylla i (CSV)",
  specDownloadExample: "Exempelfil (CSV)",
  specPrimaryKeyHeading: "Primärnyckel",
  specPrimaryKeyOne: "Fältet {fields} identifierar varje rad: samma värde får inte finnas på två rader.",
  specPrimaryKeyMany:
    "Fälten {fields} identifierar tillsammans varje rad: samma kombination får inte finnas på två rader.",
  specNoPrimaryKey: "Specifikationen anger ingen primärnyckel.",
  specPositionHeading: "Geografiskt läge",
  specPositionWgs84:
    "Läget anges i WGS 84 (EPSG:4326) i decimalgrader: latitud i fältet {latitude} och longitud i fältet {longitude}.",
  specPositionProjected:
    "Läget anges i SWEREF 99 i meter: nordlig koordinat (northing) i fältet {northing} och östlig koordinat (easting) i fältet {easting}.",
  specPositionCrsField:
    "Fältet {field} anger koordinatsystemet på varje rad, till exempel EPSG:3006 (SWEREF 99 TM) eller en lokal zon (EPSG:3007–EPSG:3018).",
  specPositionCrsFixed: "Koordinatsystemet är {crs} i hela filen.",
  specPositionHeight: "Höjden anges i fältet {field}.",
  specNoPosition: "Specifikationen anger inget geografiskt läge.",
  specFieldsHeading: "Fält",
  specFieldsCaption: "Fälten i {title}, i den ordning de står i filen",
  columnField: "Fält",
  columnTitle: "Rubrik",
  columnRequired: "Obligatoriskt",
  columnExample: "Exempel",
  columnRules: "Regler",
  fieldTypes: {
    string: "Text",
    integer: "Heltal",
    number: "Tal",
    boolean: "Sant eller falskt",
    date: "Datum",
    datetime: "Datum och klockslag",
    time: "Klockslag",
    year: "År",
    yearmonth: "År och månad",
  },
  formats: {
    email: "en e-postadress",
    uri: "en webbadress (URL)",
    uuid: "ett UUID",
    phone: "ett telefonnummer",
  },
  ruleFormatOther: "i formatet {format}",
  ruleMin: "minst {min}",
  ruleMax: "högst {max}",
  ruleLengthRange: "{min}–{max} tecken",
  ruleMinLength: "minst {n} tecken",
  ruleMaxLength: "högst {n} tecken",
  rulePattern: "ska följa mönstret {pattern}",
  ruleUnique: "samma värde får inte finnas på två rader",
  ruleOrganization: "en kommunkod, en regions kod eller ett organisationsnummer",
  ruleTrueValues: "sant skrivs {values}",
  ruleFalseValues: "falskt skrivs {values}",
  ruleNone: "Inga",
  specChangelogHeading: "Ändringar i den här versionen",
  specBasisHeading: "Underlag",
  specValidateLink: "Validera en fil mot den här specifikationen",

  validateTitle: "Validera en fil",
  validateIntro: [
    "Kontrollera en fil mot en specifikation innan du publicerar den. Du får veta exakt vilka rader och kolumner som behöver rättas, och hur.",
    "Filen kontrolleras och glöms sedan; den sparas inte.",
  ],
  validateSpecLabel: "Specifikation",
  validateSpecHint: "Filen kontrolleras mot specifikationens senaste version.",
  validateFileLabel: "Fil",
  validateFileHint:
    "CSV, JSON, GeoJSON eller Excel (.xlsx), högst {size}. En CSV-fil sparad från Excel går bra: semikolon som avgränsare, decimalkomma och teckenkodningen Windows-1252 förstås.",
  validateDropHint: "Du kan också dra och släppa filen här.",
  validateFileChosen: "Vald fil: {name}",
  validateSubmit: "Validera filen",
  validateApiNote: "Samma kontroll finns i API:t, för den som vill validera filer automatiskt.",
  validateApiLink: "Läs om validering i API-dokumentationen",
  errorSummaryTitle: "Det finns ett problem",
  errorPrefix: "Fel:",
  errorPageTitle: "Fel: {title}",
  validateErrorNoSpec: "Välj en specifikation att validera mot.",
  validateErrorNoFile: "Välj en fil att validera.",
  validateErrorEmptyFile: "Den valda filen är tom. Välj en fil med innehåll.",
  validateErrorTooLarge: "Filen är för stor: den får vara högst {size}. Dela upp den i flera filer.",

  reportValid: "Filen är giltig",
  reportInvalid: "Filen har fel som behöver rättas",
  reportValidLead: "Filen följer specifikationen.",
  reportValidWarningsLead:
    "Filen följer specifikationen. Varningarna nedan gör den inte ogiltig, men är bra att rätta.",
  reportInvalidLead: "Rätta felen nedan i din fil och validera den igen.",
  reportIncomplete:
    "Läsningen avbröts innan filen var slut. Rätta felet nedan och validera igen; det kan finnas fler fel längre ned i filen.",
  reportCheckedAgainst: "Kontrollerad mot {spec}.",
  reportFileName: "Fil: {name}",
  reportRows: "Rader",
  reportObjects: "Objekt",
  reportErrors: "Fel",
  reportWarnings: "Varningar",
  reportFormat: "Filformat",
  tableFormats: {
    csv: "CSV (text med avgränsare)",
    json: "JSON",
    geojson: "GeoJSON",
    xlsx: "Excel-arbetsbok (.xlsx)",
  },
  reportDialectHeading: "Så lästes filen",
  reportEncoding: "Teckenkodning",
  reportEncodingUnknown: "Okänd",
  encodings: {
    "utf-8": "UTF-8",
    "utf-8-bom": "UTF-8 med BOM",
    "windows-1252": "Windows-1252 (vanligt när Excel sparar CSV)",
    "utf-16le": "UTF-16 (little-endian)",
    "utf-16be": "UTF-16 (big-endian)",
  },
  reportDelimiter: "Avgränsare",
  delimiters: { ",": "kommatecken (,)", ";": "semikolon (;)", "\t": "tabb", "|": "lodstreck (|)" },
  reportDecimalSeparator: "Decimaltecken",
  reportDecimalComma: "komma (1,5)",
  reportDecimalPoint: "punkt (1.5)",
  reportFixHeading: "Det här kan rättas automatiskt",
  reportFixIntro:
    "En del av problemen handlar om hur filen är sparad, inte om vad den innehåller. Plattformens rättning gör om filen till UTF-8 med kommatecken som avgränsare och decimalpunkt, och rättar det här:",
  fixHints: {
    dialect:
      "Teckenkodning och avgränsare. Spara helst filen som ”CSV UTF-8 (kommaavgränsad)” i Excel nästa gång.",
    decimalComma: "Tal med decimalkomma får decimalpunkt.",
    whitespace: "Mellanslag före och efter värden tas bort.",
    leadingZeros:
      "Koder som har tappat sin inledande nolla (Excel tar bort den i talceller) får tillbaka den. Formatera kolumnen som text i Excel så händer det inte igen.",
    other: "Andra problem som är märkta ”rättas automatiskt” i listorna nedan.",
  },
  reportFixHow:
    "Hämta den rättade filen med kommandot under ”Samma kontroll i API:t”, eller rätta i originalet och validera igen.",
  reportSummaryHeading: "Sammanfattning per kolumn",
  reportSummaryCaption: "Fel och varningar per kolumn och typ av problem, med exakta antal",
  columnColumn: "Kolumn",
  columnProblem: "Typ av problem",
  columnSeverity: "Allvarlighet",
  columnCount: "Antal",
  columnExamples: "Första exemplen",
  severities: { error: "Fel", warning: "Varning" },
  issueTypes: {
    "source-error": "Filen kunde inte läsas",
    "encoding-error": "Tecken som inte är giltig UTF-8",
    "oversize-cell": "För stora celler",
    dialect: "Filformat (teckenkodning, avgränsare)",
    "blank-header": "Kolumner utan rubrik",
    "duplicate-header": "Dubbla rubriker",
    "missing-header": "Saknade kolumner",
    "extra-header": "Kolumner som inte finns i specifikationen",
    "incorrect-header": "Rubriker med fel namn",
    "blank-row": "Tomma rader",
    "missing-cell": "Rader med för få celler",
    "extra-cell": "Rader med för många celler",
    "type-error": "Värden av fel typ",
    "constraint-error": "Värden som bryter mot en regel",
    "unique-error": "Dubbletter",
    "primary-key-error": "Dubbla nycklar",
    "reference-error": "Okända eller felaktiga organisationskoder",
    "geo-error": "Koordinater utanför Sverige eller felaktiga",
    "decimal-comma": "Tal med decimalkomma",
    whitespace: "Mellanslag före eller efter värden",
    "outside-organization": "Punkter utanför organisationens område",
  },
  constraints: {
    required: "Tomma celler i ett obligatoriskt fält",
    enum: "Värden utanför kodlistan",
    minimum: "För låga värden",
    maximum: "För höga värden",
    minLength: "För korta värden",
    maxLength: "För långa värden",
    pattern: "Värden som inte följer mönstret",
  },
  reportWholeFile: "Hela filen",
  reportExampleRow: "rad {row}",
  reportExampleObject: "objekt {row}",
  reportEmptyCell: "(tom)",
  reportNoIssues: "Inga fel eller varningar hittades.",
  reportErrorsHeading: "Felen",
  reportErrorsCaption: "Felen i den ordning de hittades",
  reportWarningsHeading: "Varningarna",
  reportWarningsCaption: "Varningarna i den ordning de hittades",
  columnRow: "Rad",
  columnObject: "Objekt",
  columnMessage: "Vad som är fel",
  columnFix: "Förslag",
  reportFixAutomatic: "(rättas automatiskt)",
  reportTruncated: "Listan visar de första {shown} av {total}. Antalen i sammanfattningen är exakta.",
  reportApiHeading: "Samma kontroll i API:t",
  reportApiValidate: "Validera filen och få rapporten i JSON-format:",
  reportApiFix: "Få tillbaka filen med de mekaniska felen rättade, som CSV i UTF-8:",
  reportCurlFile: "fil.csv",
  reportCurlFixedFile: "rattad.csv",
  reportNextHeading: "Gå vidare",
  reportAgain: "Validera en fil till",
  reportSpecLink: "Specifikationen {title}, version {version}",

  navData: "Data",
  signInLink: "Logga in",
  signOutButton: "Logga ut",
  accountSignedInAs: "Inloggad som {name}.",
  accountTitle: "Mina sidor",
  errorForbiddenTitle: "Du har inte behörighet",
  errorUnauthorizedTitle: "Du behöver logga in",
  errorTooLargeTitle: "Filen är för stor",
  errorConflictTitle: "Det går inte just nu",
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
  csrfTitle: "Formuläret kunde inte skickas",
  csrfText: [
    "Av säkerhetsskäl tar Dataverkstad bara emot formulär som skickas från en sida som webbplatsen just har visat för dig. Formuläret saknade sin kontrollkod, eller så hörde koden till en äldre inloggning, till exempel om du har loggat ut eller in igen i en annan flik efter att sidan öppnades.",
    "Ingenting har ändrats.",
  ],
  csrfWhatNow:
    "Gå tillbaka till formuläret, ladda om sidan och skicka det igen. Om det inte hjälper: logga in på nytt, och kontrollera att webbläsaren tillåter kakor (cookies) från den här webbplatsen.",
  csrfBackLink: "Tillbaka till formuläret",
  forbiddenPublish:
    "Ditt konto får inte publicera för {organization}. Bara organisationens publicerare kan göra det. Ska du publicera för {organization}, be plattformens administratör om behörighet.",
  forbiddenRead:
    "Den här filen publicerades inte. Bara {organization} och dess samordnare kan se den och dess rapport.",
  forbiddenEditList: "Bara den nationella samordnaren kan ändra den prioriterade listan.",
  forbiddenSignedInAs: "Du är inloggad som {name} ({email}).",
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
  columnOrganization: "Organisation",
  columnScope: "Behörighet",
  columnCreated: "Skapad",
  columnLastUsed: "Senast använd",
  columnAction: "Åtgärd",
  scopeLabels: { read: "Läsa", publish: "Publicera" },
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
  },
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
  publicationsLink: "Publiceringar och datamängder för {organization}",
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
  },
  releaseErrorCount: { none: "inga fel", one: "1 fel", many: "{n} fel" },
  releaseReportLink: "Rapporten",
  noneText: "Ingen",
  demoLabel: "Demodata",
  demoNote: "Det som är märkt Demodata är påhittade exempel, inte verkliga uppgifter.",
  publicationTitle: "{dataset} från {organization}",
  publicationHistoryHeading: "Versionshistorik",
  publicationHistoryCaption: "Filerna som tagits emot, den senaste först",
  publicationHistoryHiddenNote: "Filer som avvisades visas bara för organisationen och dess samordnare.",
  publicationNoReleases: "Inga filer har publicerats ännu.",
  sourceHeading: "Hämtas från en webbadress",
  sourceUrlLabel: "Webbadress (hämtas var {minutes}:e minut)",
  sourceLastFetch: "Senast hämtad",
  sourceFetchNow: "Hämta nu",
  sourceFetchRunning:
    "Hämtningen pågår. Den fortsätter även om du lämnar sidan; ladda om sidan för att se hur det gick.",
  sourceFetchDone: "Hämtningen är klar.",
  sourceFetchFailed: "Hämtningen misslyckades: {error}",
  columnReceived: "Mottagen",
  columnChanges: "Ändringar",
  columnFile: "Fil",
  changesText: "{added} nya, {changed} ändrade, {removed} borttagna",
  releaseFileLink: "Originalfilen",
  releaseDetailsLink: "Detaljer och rapport",
  publicationDataLink: "Hela den nationella datamängden {dataset}",
  releaseTitles: {
    published: "Filen är publicerad",
    partial: "De giltiga raderna är publicerade",
    rejected: "Filen publicerades inte",
  },
  releaseLeads: {
    published: "Alla rader i filen finns nu i den nationella datamängden.",
    partial:
      "Raderna utan fel finns nu i den nationella datamängden. Raderna med fel publicerades inte: rätta dem och publicera filen igen.",
    rejected:
      "Filen har fel, så den publicerades inte. Den gällande versionen ligger kvar, och ingenting har ändrats i den nationella datamängden.",
  },
  releaseFileName: "Filnamn",
  releaseRowsTotal: "Rader i filen",
  releaseAdded: "Nya rader",
  releaseChanged: "Ändrade rader",
  releaseRemoved: "Borttagna rader",
  releaseSpecVersion: "Specifikation",
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
  dataTitle: "Nationella datamängder",
  dataIntro: [
    "Här finns data från kommuner och regioner, sammanställd per datamängd för hela landet. Varje datamängd följer en specifikation, så rader från olika organisationer går att jämföra och använda tillsammans.",
    "Allt är öppna data: du kan filtrera, ladda ner och hämta dem via API:t utan att logga in.",
  ],
  dataCaption: "Datamängderna, med antal rader och antal organisationer som publicerar",
  columnPublishers: "Organisationer som publicerar",
  dataFilterKommunAll: "Alla kommuner",
  dataFilterQ: "Fritext",
  dataFilterQHint:
    "Söker i textfälten, till exempel sandstrand. Stora och små bokstäver och å, ä, ö spelar ingen roll.",
  dataCount: { none: "Ingen rad matchar.", one: "1 rad matchar.", many: "{n} rader matchar." },
  dataTableHeading: "Raderna",
  dataTableCaption: "{shown} av {total} rader som matchar",
  dataNextPage: "Nästa sida",
  dataFirstPage: "Till första sidan",
  dataPagingLabel: "Bläddra bland raderna",
  columnRowId: "Rad-id",
  columnPosition: "Läge (latitud, longitud)",
  dataNoPosition: "Saknas",
  dataMapHeading: "Raderna på kartan",
  dataMapNote:
    "Kartan visar raderna i tabellen nedan som har ett läge. Tabellen har samma rader som text, med läget i kolumnen Läge.",
  dataMapAttribution: "Länsgränser: Valmyndigheten (förenklade)",
  dataDownloadNote: "Filerna innehåller alla rader som matchar filtret, inte bara dem som visas här.",
  dataDownloadCsv: "CSV (kommaseparerad)",
  dataDownloadCsvExcel: "CSV för Excel (med BOM, så att å, ä och ö visas rätt)",
  dataDownloadGeoJson: "GeoJSON, för kartprogram",
  dataDownloadJson: "JSON, i samma form som API:t",
  dataApiHeading: "Hämta via API:t",
  dataApiQuery:
    "Samma rader i API:t, 100 åt gången. Nästa sida får du genom att skicka svarets next som cursor:",
  dataApiOgc: "Som OGC API Features, för GIS-program som QGIS:",
  dataApiDocs: "Läs mer i API-dokumentationen",
  dataNoRows: "Ingen organisation har publicerat den här datamängden ännu.",
  priorityEditLink: "Ändra",
  priorityEditTitle: "Ändra {name}",
  priorityEditIntro: "Ändringen sparas i listans historik, med ditt namn och tidpunkten.",
  priorityRankHint: "Ett heltal från 1 till {n}. Om en annan post har platsen byter de två plats.",
  priorityNameSv: "Namn på svenska",
  priorityNameEn: "Namn på engelska",
  priorityAreaSv: "Område på svenska",
  priorityAreaEn: "Område på engelska",
  priorityNotes: "Anteckningar",
  priorityNotesHint: "Högst 2 000 tecken.",
  priorityEditSubmit: "Spara ändringarna",
  prioritySaved: "Ändringarna av {name} är sparade.",
  priorityErrorRank: "Skriv en plats från 1 till {n}.",
  priorityErrorEmpty: "{label}: skriv något, högst {max} tecken.",
  priorityErrorTooLong: "{label}: högst {max} tecken.",
  priorityErrorChoice: "{label}: välj ett av alternativen.",
  priorityHistoryHeading: "Ändringshistorik",
  priorityHistoryCaption: "De senaste ändringarna i listan, den senaste först",
  priorityEntryHistoryCaption: "Ändringar av {name}, den senaste först",
  priorityHistoryNone: "Listan har inte ändrats sedan den lades in.",
  priorityEntryHistoryNone: "Posten har inte ändrats sedan listan lades in.",
  columnChangedAt: "När",
  columnChangedBy: "Av",
  columnChange: "Ändring",
  priorityChangedByCoordinator: "Nationell samordnare",
  priorityNoChange: "Inget ändrades: värdena var desamma som förut.",
  priorityHistoryMore:
    "Visar de {shown} senaste av {total} ändringar. Varje posts egen sida visar alla dess ändringar.",
  priorityChangedBySystem: "Dataverkstad",
  progressTitle: "Framsteg mot det nationella målet",
  progressIntro:
    "Målet: minst hälften av Sveriges 290 kommuner och 21 regioner har strukturer och grundläggande förutsättningar för att dela och använda data, det vill säga nivå 2 Etablerad eller mer. Siffrorna räknas fram ur publiceringarna och organisationernas egna uppgifter varje gång sidan visas.",
  progressKommuner: "{established} av {total} kommuner ({percent}) är etablerade eller mer.",
  progressRegioner: "{established} av {total} regioner ({percent}) är etablerade eller mer.",
  progressGoalMet: "Målet är nått.",
  progressGoalNotMet: "Målet är inte nått ännu: båda andelarna ska vara minst 50 %.",
  progressLevelsHeading: "Organisationer per nivå",
  progressLevelsCaption: "Antal organisationer (kommuner och regioner) på varje nivå",
  columnLevel: "Nivå",
  progressTrendHeading: "Utvecklingen över tid",
  progressTrendDescription:
    "Andelen etablerade kommuner och regioner per dag sedan mätningarna började. Tabellen under diagrammet har samma siffror.",
  progressTrendNone: "Ingen historik ännu: en ögonblicksbild sparas varje timme.",
  progressTrendCaption: "Etablerade kommuner och regioner per dag",
  columnDay: "Dag",
  columnKommunerShare: "Kommuner",
  columnRegionerShare: "Regioner",
  progressLeaderboardHeading: "Längst fram",
  progressLeaderboardCaption: "De tio organisationer som har kommit längst, efter poäng",
  progressImprovedHeading: "Mest förbättrade sedan {since}",
  progressImprovedNone: "Ingen har förbättrat sig ännu det här kvartalet.",
  columnScore: "Poäng",
  columnGained: "Ökning",
  progressMoreHeading: "Mer",
  progressModelLink: "Mognadsmodellen: kriterier och nivåer (JSON)",
  progressCoverageLink: "Täckning per organisation och datamängd (CSV)",
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
  readinessMeasured: "Mätt",
  readinessDeclared: "Självdeklarerat",
  readinessMissing: "Saknas",
  readinessEvidenceLink: "underlaget",
  readinessNextHeading: "Nästa steg",
  readinessNextNone: "Inga fler steg just nu: alla kriterier är uppfyllda.",
  readinessPeersHeading: "Kommuner med liknande yta",
  readinessPeersRegionsHeading: "De andra regionerna",
  readinessPeersNote:
    "Jämförelsen görs på yta, eftersom befolkningsuppgifter saknas i plattformens referensdata.",
  readinessBadgeHeading: "Märke för er webbplats",
  readinessBadgeIntro: "Märket visar er nivå och uppdateras av sig självt. Klistra in koden på er webbplats:",
  readinessLink: "Mognad och nästa steg för {organization}",
  navProgress: "Framsteg",
  progressMapHeading: "Kommunerna på kartan",
  progressMapTitle: "Karta över Sveriges 290 kommuner efter mognadsnivå",
  progressMapNote:
    "Kartan är en bild och går inte att använda med tangentbord. Samma uppgifter finns i tabellerna: länen bredvid kartan och alla kommuner under den, med länkar till varje kommuns mognad.",
  progressMapLevelCount: {
    none: "Nivå {level} {name}: inga kommuner",
    one: "Nivå {level} {name}: 1 kommun",
    many: "Nivå {level} {name}: {n} kommuner",
  },
  progressLegendHeading: "Teckenförklaring",
  progressLanTableHeading: "Länen",
  progressLanTableCaption: "Etablerade kommuner och regionens nivå, län för län",
  columnKommunerEstablished: "Etablerade kommuner",
  columnRegionLevel: "Regionens nivå",
  progressAllKommuner: "Alla 290 kommuner och deras nivå, län för län (tabell)",
  progressAllKommunerCaption: "Kommunerna och deras mognadsnivå, län för län",
  progressNoRegion: "Ingen egen region",
  progressLanTitle: "Framsteg i {lan}",
  progressLanIntro:
    "Länets kommuner och region sida vid sida, och hur länet står sig mot de andra länen. Nivåerna räknas fram varje gång sidan visas.",
  progressLanKommuner: "{established} av {total} kommuner i länet ({percent}) är etablerade eller mer.",
  progressLanOrganizationsHeading: "Organisationerna i länet",
  progressLanOrganizationsCaption: "Kommunerna och regionen i {lan}: nivå, uppfyllda kriterier och poäng",
  columnCriteriaMet: "Uppfyllda kriterier",
  progressCriteriaMet: "{met} av {total}",
  progressLanMapHeading: "Länet på kartan",
  progressLanMapTitle: "Karta över kommunerna i {lan} efter mognadsnivå",
  progressLanMapNote:
    "Kartan är en bild och går inte att använda med tangentbord; tabellen ovan har samma uppgifter med länkar.",
  progressLanComparisonHeading: "Jämfört med de andra länen",
  progressLanComparisonCaption: "Andel etablerade kommuner per län, störst andel först",
  progressLanThis: "(detta län)",
  progressLanLink: "Framsteg och mognad i {lan}",
  progressModelPageLink: "Mognadsmodellen: kriterier och nivåer",
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
  forbiddenDeclare:
    "Bara en publicerare för {organization} eller en administratör kan ange organisationens egna uppgifter. Inget har sparats.",
  progressInsetTitle: "Stockholmsområdet förstorat: kommunerna efter mognadsnivå",
  progressInsetCaption: "Stockholmsområdet, förstorat",
  catalogSearchTitle: "Sök datamängder",
  catalogSearchTitleFor: "Sök datamängder: {q}",
  catalogSearchIntro:
    "Sök bland alla datamängder i katalogen: kommunernas och regionernas publiceringar, de nationella sammanställningarna och det som skördats från organisationernas egna kataloger.",
  catalogSearchLabel: "Sökord",
  catalogSearchHint:
    "Till exempel badplats, laddplatser eller Linköping. Böjningar, delar av sammansatta ord, ord utan å, ä och ö och vanliga andra ord (badstrand, lekpark) hittas också.",
  catalogSearchButton: "Sök",
  catalogSortLabel: "Sortera efter",
  catalogSortRelevance: "Relevans",
  catalogSortTitle: "Titel",
  catalogSortModified: "Senast ändrad",
  catalogFiltersHeading: "Avgränsa",
  catalogFacetOrg: "Organisation",
  catalogFacetLan: "Län",
  catalogFacetTheme: "Tema",
  catalogFacetFormat: "Format",
  catalogFacetLicense: "Licens",
  catalogFacetSpec: "Specifikation",
  catalogFacetHvd: "Värdefull datamängd (HVD)",
  catalogFilterButton: "Använd filtren",
  catalogNoHits: "Inga datamängder matchar. Pröva färre eller kortare ord, eller ta bort ett filter.",
  catalogPagingLabel: "Sidor med träffar",
  catalogPreviousPage: "Föregående sida",
  catalogMachineHeading: "För maskiner",
  catalogMachineText: "Samma sökning finns i",
  catalogMachineApi: "katalogens API (JSON)",
  catalogNational: "Nationell sammanställning, Nationell dataverkstad",
  catalogUnknownPublisher: "Okänd utgivare",
  catalogModified: "senast ändrad",
  catalogHarvested: "skördad från organisationens egen katalog",
  catalogYes: "Ja",
  catalogHits: { none: "Inga träffar", one: "1 träff", many: "{n} träffar" },
  dataCatalogText:
    "Varje organisations egen publicering, och det som skördats från organisationernas egna kataloger, finns i katalogen.",
  dataCatalogLink: "Sök i katalogen",
  describedTitle: "Datamängder som {organization} beskriver själv",
  describedIntro:
    "Här finns datamängder som organisationen publicerar på annat håll, till exempel på sin egen webbplats eller i ett API, och har beskrivit här så att de kommer med i katalogen, i sökningen och i det som dataportal.se skördar.",
  describedNew: "Beskriv en datamängd",
  describedEditTitle: "Ändra beskrivningen",
  describedNone: "Organisationen har inte beskrivit någon datamängd här ännu.",
  describedSaved: "Beskrivningen av {title} är sparad, och katalogen är uppdaterad.",
  describedRemoved: "Beskrivningen är borttagen och datamängden finns inte längre i katalogen.",
  describedInCatalog: "Finns i katalogen.",
  describedNotInCatalog: "Inte i katalogen ännu: {reasons}",
  describedUpdated: "Senast ändrad {when}.",
  describedEdit: "Ändra",
  describedChoose: "Välj …",
  describedFormIntro:
    "Beskriv en datamängd som {organization} publicerar på annat håll. Den kommer med i katalogen med organisationen som utgivare så fort du sparar.",
  describedStepWhat: "1. Vad är det för data?",
  describedStepWhere: "2. Var finns den, och hur ofta ändras den?",
  describedStepTerms: "3. Villkor och kontakt",
  describedTitleSv: "Titel på svenska",
  describedTitleHint: "Kort och beskrivande, som den står i en lista: till exempel Bibliotekens öppettider.",
  describedTitleEn: "Titel på engelska (frivilligt)",
  describedOptionalEnglish: "Hjälper den som söker på engelska, till exempel på data.europa.eu.",
  describedDescriptionSv: "Beskrivning på svenska",
  describedDescriptionHint:
    "Vad datamängden innehåller, vilket område och vilken tid den täcker, och vad den kan användas till.",
  describedDescriptionEn: "Beskrivning på engelska (frivilligt)",
  describedKeywords: "Nyckelord (frivilligt)",
  describedKeywordsHint: "Ord som den som söker kan tänkas använda, åtskilda med kommatecken.",
  describedTheme: "Tema",
  describedAccessUrl: "Adress till datamängden",
  describedAccessUrlHint: "Sidan eller API:et där datamängden finns, som börjar med https://.",
  describedDownloadUrl: "Adress för direkt nedladdning (frivilligt)",
  describedDownloadUrlHint: "Om filen kan hämtas direkt: adressen till själva filen.",
  describedFormat: "Filformat",
  describedFrequency: "Hur ofta den uppdateras",
  describedLandingPage: "Webbsida om datamängden (frivilligt)",
  describedLandingPageHint: "En sida som beskriver datamängden för människor, om det finns en.",
  describedLicence: "Licens",
  describedLicenceCc0: "CC0 1.0 – fri att använda utan villkor",
  describedLicenceCcBy: "CC BY 4.0 – fri att använda med angivande av källa",
  describedContactEmail: "E-post för frågor om datamängden (frivilligt)",
  describedContactEmailHint: "Helst en funktionsadress, till exempel oppnadata@kommun.se.",
  describedSave: "Spara och publicera i katalogen",
  describedDelete: "Ta bort beskrivningen",
  describedForbidden: "Bara den som publicerar för {organization} kan beskriva organisationens datamängder.",
  describedLink: "Datamängder som organisationen beskriver själv",
};

const en: Messages = {
  siteName: "Dataverkstad",
  siteTagline: "Open data from Sweden's municipalities and regions",
  skipLink: "Skip to content",
  otherLanguageLink: "På svenska",
  mainNavLabel: "Main menu",
  breadcrumbLabel: "You are here",
  navStart: "Home",
  navDatasets: "Datasets",
  navSpecifications: "Specifications",
  navValidate: "Validate",
  navOrganizations: "Organizations",
  navLan: "Counties",
  navApi: "API",
  navAccessibility: "Accessibility",
  footerSourcesHeading: "Where the data comes from",
  footerLicence: "Licence: {licence}",
  footerAboutHeading: "About this site",
  footerAccessibility: "Accessibility statement",
  footerApiDocs: "API documentation",
  footerOpenApi: "API description in OpenAPI format (JSON)",

  startHeading: "Open data from Sweden's municipalities and regions",
  startIntro:
    "Dataverkstad is one shared place where Sweden's 290 municipalities and 21 regions share their data. " +
    "They publish their most important datasets here, and anyone can download them as one picture of the whole country.",
  startGoal:
    "The goal: at least half of the 21 regions and half of the 290 municipalities have what they need in place to share and use data.",
  startListHeading: "Find a municipality",
  searchLabel: "Search municipalities",
  searchHint: "Type all or part of the name, or the municipality code. For example linkoping or 0580.",
  searchButton: "Search",
  searchAll: "All {n} municipalities are shown.",
  searchCount: {
    none: "No municipality matches the search.",
    one: "1 municipality matches the search.",
    many: "{n} municipalities match the search.",
  },
  mapHeading: "The municipalities on a map",
  mapLabel: "Map of Sweden's 290 municipalities",
  mapNote:
    "Choose a municipality on the map to open its page. The list holds the same municipalities and works without the map.",
  mapFallback: "The map is shown when JavaScript is on. The same information is on the page as text.",
  mapError: "The map could not be shown just now. The same information is on the page as text.",
  mapZoomIn: "Zoom in",
  mapZoomOut: "Zoom out",
  mapAttribution: "Boundaries: Swedish Election Authority (simplified)",

  organizationsTitle: "Organizations",
  organizationsIntro:
    "All municipalities and regions in Dataverkstad. Region Gotland is both a municipality and a region and is counted in both groups.",
  filterLegend: "Filter the list",
  filterType: "Type",
  filterTypeAll: "All types",
  filterLan: "County",
  filterLanAll: "All counties",
  filterQuery: "Name or code",
  filterSubmit: "Show",
  filterReset: "Show all",
  organizationCount: {
    none: "No organization matches the filter.",
    one: "1 organization",
    many: "{n} organizations",
  },
  columnName: "Name",
  columnCode: "Code",
  columnType: "Type",
  columnLan: "County",
  columnKommunCount: "Municipalities",
  typeKommun: "Municipality",
  typeRegion: "Region",
  typeBoth: "Municipality and region",

  organizationCode: "Code",
  organizationType: "Type",
  organizationLan: "County",
  organizationRegion: "Region",
  organizationNumber: "Organization number",
  bothTypesNote:
    "{name} is a municipality that also has the responsibilities of a region. It is therefore counted both as a municipality and as a region.",
  regionCoversLan: "The region covers all of {lan}.",
  boundaryMapHeading: "Map",
  boundaryMapLabel: "Map of {name}",
  regionMapNote: "The map shows the boundary of {lan}, which the region covers.",
  boundaryMapNote: "The map shows the boundary of {name}.",
  apiHeading: "This data in the API",
  apiOrganizationJson: "The organization in JSON format",
  apiLanJson: "The county in JSON format",
  apiBoundaryGeoJson: "The boundary in GeoJSON format",

  lanTitle: "Counties",
  lanIntro:
    "Sweden is divided into 21 counties (län). Each county has one region and a number of municipalities.",
  lanCaption: "Sweden's 21 counties and the number of municipalities in each",
  lanTotal: "Total",
  lanCode: "County code",
  lanRegion: "Region",
  lanKommunerHeading: "Municipalities in {lan}",
  lanKommunerCaption: "The municipalities in {lan} ({n} in all)",

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

  docsTitle: "API documentation",
  docsIntro: [
    "Everything on the website is also in an open API. You do not need to log in. Answers are JSON, and boundaries GeoJSON.",
    "Error messages are in Swedish, or in English when you send Accept-Language: en.",
  ],
  docsOpenApiLink: "The whole description in machine-readable form: OpenAPI 3.1 (openapi.json)",
  docsVersion: "Version {version}",
  docsContents: "Contents",
  docsOtherTag: "Other",
  docsParameters: "Parameters",
  docsNoParameters: "No parameters.",
  docsParameterName: "Name",
  docsParameterIn: "In",
  docsParameterRequired: "Required",
  docsParameterType: "Type",
  docsParameterDescription: "Description",
  docsInPath: "path",
  docsInQuery: "query",
  docsInHeader: "header",
  docsInCookie: "cookie",
  docsAllowedValues: "Allowed values:",
  docsDefault: "Default:",
  docsResponses: "Responses",
  docsStatus: "Status",
  docsResponseDescription: "Meaning",
  docsMediaType: "Format",
  docsTry: "Try it",
  yes: "Yes",
  no: "No",

  errorNotFoundTitle: "Page not found",
  errorTitle: "Something went wrong",
  errorUnavailableTitle: "The service cannot be used right now",
  errorRequestId: "Quote the reference {id} if you contact us.",
  errorHome: "Go to the home page",
  errorOrganizations: "See all organizations",

  priorityTitle: "Prioritized datasets",
  priorityIntro:
    "The 100 datasets that municipalities and regions should publish first, in order of priority. A dataset that has a specification links to it.",
  priorityNoticeHeading: "How the list was compiled",
  priorityNotice: [
    "The list is Dataverkstad's own compilation.",
    "Datasets marked Confirmed are on Nationell dataverkstad's (NDV) list of especially important datasets for municipalities and regions. Where NDV's rank on the list is known, it is shown.",
    "The other datasets are well-founded candidates compiled by the platform. Each row links to the basis it rests on.",
  ],
  priorityFilterArea: "Area",
  priorityFilterAreaAll: "All areas",
  priorityFilterLevel: "Who publishes",
  priorityFilterLevelAll: "All",
  priorityFilterLevelHint: "Municipalities and Regions also show datasets that both publish.",
  priorityFilterStatusAll: "All",
  levelKommuner: "Municipalities",
  levelRegioner: "Regions",
  levelBothOnly: "Both municipalities and regions",
  priorityCount: {
    none: "No dataset matches the filter.",
    one: "1 dataset",
    many: "{n} datasets",
  },
  statusLabels: { specified: "Specified", "in-progress": "In progress", identified: "Identified" },
  columnRank: "Rank",
  columnDataset: "Dataset",
  columnArea: "Area",
  columnPublisher: "Published by",
  columnStatus: "Status",
  columnHvd: "EU high-value dataset category",
  columnSource: "Basis",
  confirmedLabel: "Confirmed",
  confirmedRank: "NDV rank {rank}",
  candidateLabel: "Candidate",
  basisLink: "Source",
  hvdNone: "None",

  specificationsTitle: "Specifications",
  specificationsIntro: [
    "A specification describes what a dataset looks like: which fields it has, what they mean and which values are allowed.",
    "When municipalities and regions publish to the same specification, their data can be checked the same way and put together for the whole country.",
  ],
  specificationCount: {
    none: "There are no specifications yet.",
    one: "1 specification",
    many: "{n} specifications",
  },
  columnSpecification: "Specification",
  columnDescription: "Description",
  columnLatestVersion: "Latest version",
  specPageTitle: "{title}, version {version}",
  specVersionNumber: "Version number",
  specPublished: "Published",
  specVersions: "All versions",
  specThisVersion: "this page",
  specNewerVersion: "There is a newer version of the specification: {version}.",
  specDownloadsHeading: "Download",
  specDownloadSchema: "The specification as a Table Schema (JSON)",
  specDownloadTemplate: "Template to fill in (CSV)",
  specDownloadExample: "Example file (CSV)",
  specPrimaryKeyHeading: "Primary key",
  specPrimaryKeyOne: "The field {fields} identifies each row: no two rows may have the same value.",
  specPrimaryKeyMany:
    "The fields {fields} together identify each row: no two rows may have the same combination.",
  specNoPrimaryKey: "The specification has no primary key.",
  specPositionHeading: "Location",
  specPositionWgs84:
    "The location is given in WGS 84 (EPSG:4326), in decimal degrees: latitude in the field {latitude} and longitude in the field {longitude}.",
  specPositionProjected:
    "The location is given in SWEREF 99, in metres: northing in the field {northing} and easting in the field {easting}.",
  specPositionCrsField:
    "The field {field} names each row's coordinate system, for example EPSG:3006 (SWEREF 99 TM) or a local zone (EPSG:3007–EPSG:3018).",
  specPositionCrsFixed: "The coordinate system is {crs} for the whole file.",
  specPositionHeight: "The height is given in the field {field}.",
  specNoPosition: "The specification gives no location.",
  specFieldsHeading: "Fields",
  specFieldsCaption: "The fields of {title}, in the order they have in the file",
  columnField: "Field",
  columnTitle: "Title",
  columnRequired: "Required",
  columnExample: "Example",
  columnRules: "Rules",
  fieldTypes: {
    string: "Text",
    integer: "Integer",
    number: "Number",
    boolean: "True or false",
    date: "Date",
    datetime: "Date and time",
    time: "Time of day",
    year: "Year",
    yearmonth: "Year and month",
  },
  formats: {
    email: "an email address",
    uri: "a web address (URL)",
    uuid: "a UUID",
    phone: "a telephone number",
  },
  ruleFormatOther: "in the format {format}",
  ruleMin: "at least {min}",
  ruleMax: "at most {max}",
  ruleLengthRange: "{min}–{max} characters",
  ruleMinLength: "at least {n} characters",
  ruleMaxLength: "at most {n} characters",
  rulePattern: "must match the pattern {pattern}",
  ruleUnique: "no two rows may have the same value",
  ruleOrganization: "a municipality code, a region's code or an organization number",
  ruleTrueValues: "true is written {values}",
  ruleFalseValues: "false is written {values}",
  ruleNone: "None",
  specChangelogHeading: "Changes in this version",
  specBasisHeading: "Basis",
  specValidateLink: "Validate a file against this specification",

  validateTitle: "Validate a file",
  validateIntro: [
    "Check a file against a specification before you publish it. You are told exactly which rows and columns need fixing, and how.",
    "The file is checked and then forgotten; it is not stored.",
  ],
  validateSpecLabel: "Specification",
  validateSpecHint: "The file is checked against the latest version of the specification.",
  validateFileLabel: "File",
  validateFileHint:
    "CSV, JSON, GeoJSON or Excel (.xlsx), at most {size}. A CSV file saved from Excel is fine: semicolons as delimiter, decimal commas and the Windows-1252 character encoding are understood.",
  validateDropHint: "You can also drag and drop the file here.",
  validateFileChosen: "Chosen file: {name}",
  validateSubmit: "Validate the file",
  validateApiNote: "The same check is in the API, for validating files automatically.",
  validateApiLink: "Read about validation in the API documentation",
  errorSummaryTitle: "There is a problem",
  errorPrefix: "Error:",
  errorPageTitle: "Error: {title}",
  validateErrorNoSpec: "Choose a specification to validate against.",
  validateErrorNoFile: "Choose a file to validate.",
  validateErrorEmptyFile: "The chosen file is empty. Choose a file with content.",
  validateErrorTooLarge: "The file is too large: it may be at most {size}. Split it into several files.",

  reportValid: "The file is valid",
  reportInvalid: "The file has errors that need fixing",
  reportValidLead: "The file follows the specification.",
  reportValidWarningsLead:
    "The file follows the specification. The warnings below do not make it invalid, but are worth fixing.",
  reportInvalidLead: "Fix the errors below in your file and validate it again.",
  reportIncomplete:
    "Reading stopped before the end of the file. Fix the error below and validate again; there may be more errors further down.",
  reportCheckedAgainst: "Checked against {spec}.",
  reportFileName: "File: {name}",
  reportRows: "Rows",
  reportObjects: "Objects",
  reportErrors: "Errors",
  reportWarnings: "Warnings",
  reportFormat: "File format",
  tableFormats: {
    csv: "CSV (delimited text)",
    json: "JSON",
    geojson: "GeoJSON",
    xlsx: "Excel workbook (.xlsx)",
  },
  reportDialectHeading: "How the file was read",
  reportEncoding: "Character encoding",
  reportEncodingUnknown: "Unknown",
  encodings: {
    "utf-8": "UTF-8",
    "utf-8-bom": "UTF-8 with BOM",
    "windows-1252": "Windows-1252 (common when Excel saves CSV)",
    "utf-16le": "UTF-16 (little-endian)",
    "utf-16be": "UTF-16 (big-endian)",
  },
  reportDelimiter: "Delimiter",
  delimiters: { ",": "comma (,)", ";": "semicolon (;)", "\t": "tab", "|": "vertical bar (|)" },
  reportDecimalSeparator: "Decimal separator",
  reportDecimalComma: "comma (1,5)",
  reportDecimalPoint: "point (1.5)",
  reportFixHeading: "This can be fixed automatically",
  reportFixIntro:
    "Some of the problems are about how the file was saved, not about what it holds. The platform's fixer converts the file to UTF-8 with commas as delimiter and decimal points, and fixes this:",
  fixHints: {
    dialect:
      "Character encoding and delimiter. Next time, preferably save the file as “CSV UTF-8 (Comma delimited)” in Excel.",
    decimalComma: "Numbers with a decimal comma get a decimal point.",
    whitespace: "Spaces before and after values are removed.",
    leadingZeros:
      "Codes that lost their leading zero (Excel drops it in number cells) get it back. Format the column as text in Excel and it will not happen again.",
    other: "Other problems marked “fixed automatically” in the lists below.",
  },
  reportFixHow:
    "Get the fixed file with the command under “The same check in the API”, or fix the original and validate again.",
  reportSummaryHeading: "Summary by column",
  reportSummaryCaption: "Errors and warnings by column and kind of problem, with exact counts",
  columnColumn: "Column",
  columnProblem: "Kind of problem",
  columnSeverity: "Severity",
  columnCount: "Count",
  columnExamples: "First examples",
  severities: { error: "Error", warning: "Warning" },
  issueTypes: {
    "source-error": "The file could not be read",
    "encoding-error": "Bytes that are not valid UTF-8",
    "oversize-cell": "Oversized cells",
    dialect: "File format (character encoding, delimiter)",
    "blank-header": "Columns without a header",
    "duplicate-header": "Duplicate headers",
    "missing-header": "Missing columns",
    "extra-header": "Columns not in the specification",
    "incorrect-header": "Misnamed headers",
    "blank-row": "Empty rows",
    "missing-cell": "Rows with too few cells",
    "extra-cell": "Rows with too many cells",
    "type-error": "Values of the wrong type",
    "constraint-error": "Values breaking a rule",
    "unique-error": "Duplicates",
    "primary-key-error": "Duplicate keys",
    "reference-error": "Unknown or malformed organization codes",
    "geo-error": "Coordinates outside Sweden or wrong",
    "decimal-comma": "Numbers with a decimal comma",
    whitespace: "Spaces before or after values",
    "outside-organization": "Points outside the organization's area",
  },
  constraints: {
    required: "Empty cells in a required field",
    enum: "Values outside the code list",
    minimum: "Values below the minimum",
    maximum: "Values above the maximum",
    minLength: "Values too short",
    maxLength: "Values too long",
    pattern: "Values not matching the pattern",
  },
  reportWholeFile: "The whole file",
  reportExampleRow: "row {row}",
  reportExampleObject: "object {row}",
  reportEmptyCell: "(empty)",
  reportNoIssues: "No errors or warnings were found.",
  reportErrorsHeading: "The errors",
  reportErrorsCaption: "The errors in the order they were found",
  reportWarningsHeading: "The warnings",
  reportWarningsCaption: "The warnings in the order they were found",
  columnRow: "Row",
  columnObject: "Object",
  columnMessage: "What is wrong",
  columnFix: "Suggestion",
  reportFixAutomatic: "(fixed automatically)",
  reportTruncated: "The list shows the first {shown} of {total}. The counts in the summary are exact.",
  reportApiHeading: "The same check in the API",
  reportApiValidate: "Validate the file and get the report as JSON:",
  reportApiFix: "Get the file back with its mechanical problems fixed, as UTF-8 CSV:",
  reportCurlFile: "file.csv",
  reportCurlFixedFile: "fixed.csv",
  reportNextHeading: "What next",
  reportAgain: "Validate another file",
  reportSpecLink: "The specification {title}, version {version}",

  navData: "Data",
  signInLink: "Sign in",
  signOutButton: "Sign out",
  accountSignedInAs: "Signed in as {name}.",
  accountTitle: "My account",
  errorForbiddenTitle: "You are not allowed to do this",
  errorUnauthorizedTitle: "You need to sign in",
  errorTooLargeTitle: "The file is too large",
  errorConflictTitle: "This cannot be done just now",
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
  csrfTitle: "The form could not be sent",
  csrfText: [
    "For security, Dataverkstad only accepts forms sent from a page the site has just shown you. The form lacked its check code, or the code belonged to an earlier sign-in, for example if you signed out or in again in another tab after the page was opened.",
    "Nothing has been changed.",
  ],
  csrfWhatNow:
    "Go back to the form, reload the page and send it again. If that does not help, sign in again, and check that your browser allows cookies from this site.",
  csrfBackLink: "Back to the form",
  forbiddenPublish:
    "Your account may not publish for {organization}. Only the organization's publishers can. If you are to publish for {organization}, ask the platform's administrator for access.",
  forbiddenRead:
    "This file was not published. Only {organization} and its coordinators can see it and its report.",
  forbiddenEditList: "Only the national coordinator can edit the prioritized list.",
  forbiddenSignedInAs: "You are signed in as {name} ({email}).",
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
  columnOrganization: "Organization",
  columnScope: "Permission",
  columnCreated: "Created",
  columnLastUsed: "Last used",
  columnAction: "Action",
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
  publicationsLink: "Publications and datasets of {organization}",
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
  },
  releaseErrorCount: { none: "no errors", one: "1 error", many: "{n} errors" },
  releaseReportLink: "The report",
  noneText: "None",
  demoLabel: "Demo data",
  demoNote: "What is marked Demo data is made-up examples, not real data.",
  publicationTitle: "{dataset} from {organization}",
  publicationHistoryHeading: "Release history",
  publicationHistoryCaption: "The files received, newest first",
  publicationHistoryHiddenNote: "Rejected files are shown only to the organization and its coordinators.",
  publicationNoReleases: "No files have been published yet.",
  sourceHeading: "Fetched from a URL",
  sourceUrlLabel: "URL (fetched every {minutes} minutes)",
  sourceLastFetch: "Last fetched",
  sourceFetchNow: "Fetch now",
  sourceFetchRunning:
    "The fetch is running. It goes on even if you leave the page; reload the page to see how it went.",
  sourceFetchDone: "The fetch is done.",
  sourceFetchFailed: "The fetch failed: {error}",
  columnReceived: "Received",
  columnChanges: "Changes",
  columnFile: "File",
  changesText: "{added} added, {changed} changed, {removed} removed",
  releaseFileLink: "The original file",
  releaseDetailsLink: "Details and report",
  publicationDataLink: "The whole national dataset {dataset}",
  releaseTitles: {
    published: "The file is published",
    partial: "The valid rows are published",
    rejected: "The file was not published",
  },
  releaseLeads: {
    published: "Every row of the file is now in the national dataset.",
    partial:
      "The rows without errors are now in the national dataset. The rows with errors were not published: fix them and publish the file again.",
    rejected:
      "The file has errors, so it was not published. The current version stays, and nothing has changed in the national dataset.",
  },
  releaseFileName: "File name",
  releaseRowsTotal: "Rows in the file",
  releaseAdded: "Rows added",
  releaseChanged: "Rows changed",
  releaseRemoved: "Rows removed",
  releaseSpecVersion: "Specification",
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
  dataTitle: "National datasets",
  dataIntro: [
    "Here is data from municipalities and regions, put together per dataset for the whole country. Each dataset follows a specification, so rows from different organizations can be compared and used together.",
    "It is all open data: you can filter it, download it and get it through the API without signing in.",
  ],
  dataCaption: "The datasets, with the number of rows and of publishing organizations",
  columnPublishers: "Publishing organizations",
  dataFilterKommunAll: "All municipalities",
  dataFilterQ: "Free text",
  dataFilterQHint: "Searches the text fields, for example sandstrand. Case and å, ä, ö do not matter.",
  dataCount: { none: "No row matches.", one: "1 row matches.", many: "{n} rows match." },
  dataTableHeading: "The rows",
  dataTableCaption: "{shown} of {total} matching rows",
  dataNextPage: "Next page",
  dataFirstPage: "Back to the first page",
  dataPagingLabel: "Page through the rows",
  columnRowId: "Row id",
  columnPosition: "Location (latitude, longitude)",
  dataNoPosition: "Missing",
  dataMapHeading: "The rows on a map",
  dataMapNote:
    "The map shows the rows in the table below that have a location. The table holds the same rows as text, with the location in the Location column.",
  dataMapAttribution: "County boundaries: Swedish Election Authority (simplified)",
  dataDownloadNote: "The files hold every row that matches the filter, not only those shown here.",
  dataDownloadCsv: "CSV (comma-separated)",
  dataDownloadCsvExcel: "CSV for Excel (with a BOM, so that å, ä and ö show correctly)",
  dataDownloadGeoJson: "GeoJSON, for map software",
  dataDownloadJson: "JSON, in the API's shape",
  dataApiHeading: "Get it through the API",
  dataApiQuery:
    "The same rows from the API, 100 at a time. For the next page, send the answer's next as cursor:",
  dataApiOgc: "As OGC API Features, for GIS software such as QGIS:",
  dataApiDocs: "Read more in the API documentation",
  dataNoRows: "No organization has published this dataset yet.",
  priorityEditLink: "Edit",
  priorityEditTitle: "Edit {name}",
  priorityEditIntro: "The change is kept in the list's history, with your name and the time.",
  priorityRankHint: "A whole number from 1 to {n}. If another entry holds the rank, the two swap.",
  priorityNameSv: "Name in Swedish",
  priorityNameEn: "Name in English",
  priorityAreaSv: "Area in Swedish",
  priorityAreaEn: "Area in English",
  priorityNotes: "Notes",
  priorityNotesHint: "At most 2,000 characters.",
  priorityEditSubmit: "Save the changes",
  prioritySaved: "The changes to {name} are saved.",
  priorityErrorRank: "Enter a rank from 1 to {n}.",
  priorityErrorEmpty: "{label}: enter something, at most {max} characters.",
  priorityErrorTooLong: "{label}: at most {max} characters.",
  priorityErrorChoice: "{label}: choose one of the options.",
  priorityHistoryHeading: "Change history",
  priorityHistoryCaption: "The latest changes to the list, newest first",
  priorityEntryHistoryCaption: "Changes to {name}, newest first",
  priorityHistoryNone: "The list has not changed since it was put in.",
  priorityEntryHistoryNone: "The entry has not changed since the list was put in.",
  columnChangedAt: "When",
  columnChangedBy: "By",
  columnChange: "Change",
  priorityChangedByCoordinator: "National coordinator",
  priorityNoChange: "Nothing changed: the values were the same as before.",
  priorityHistoryMore:
    "Showing the latest {shown} of {total} changes. Each entry's own page shows all its changes.",
  priorityChangedBySystem: "Dataverkstad (system)",
  progressTitle: "Progress toward the national goal",
  progressIntro:
    "The goal: at least half of Sweden's 290 municipalities and 21 regions have the structures and basic prerequisites to share and use data, that is level 2 Established or above. The figures are computed from the publications and the organizations' own declarations every time the page is shown.",
  progressKommuner: "{established} of {total} municipalities ({percent}) are established or above.",
  progressRegioner: "{established} of {total} regions ({percent}) are established or above.",
  progressGoalMet: "The goal is met.",
  progressGoalNotMet: "The goal is not met yet: both shares must be at least 50 %.",
  progressLevelsHeading: "Organizations by level",
  progressLevelsCaption: "Number of organizations (municipalities and regions) at each level",
  columnLevel: "Level",
  progressTrendHeading: "The trend over time",
  progressTrendDescription:
    "The share of established municipalities and regions per day since measuring began. The table below the chart has the same figures.",
  progressTrendNone: "No history yet: a snapshot is kept every hour.",
  progressTrendCaption: "Established municipalities and regions per day",
  columnDay: "Day",
  columnKommunerShare: "Municipalities",
  columnRegionerShare: "Regions",
  progressLeaderboardHeading: "Furthest ahead",
  progressLeaderboardCaption: "The ten organizations that have come furthest, by score",
  progressImprovedHeading: "Most improved since {since}",
  progressImprovedNone: "Nobody has improved yet this quarter.",
  columnScore: "Score",
  columnGained: "Gained",
  progressMoreHeading: "More",
  progressModelLink: "The readiness model: criteria and levels (JSON)",
  progressCoverageLink: "Coverage per organization and dataset (CSV)",
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
  readinessMeasured: "Measured",
  readinessDeclared: "Self-declared",
  readinessMissing: "Missing",
  readinessEvidenceLink: "the evidence",
  readinessNextHeading: "Next steps",
  readinessNextNone: "No more steps right now: every criterion is met.",
  readinessPeersHeading: "Municipalities of similar area",
  readinessPeersRegionsHeading: "The other regions",
  readinessPeersNote:
    "The comparison is by area, as population figures are not in the platform's reference data.",
  readinessBadgeHeading: "A badge for your website",
  readinessBadgeIntro: "The badge shows your level and updates itself. Paste the code into your website:",
  readinessLink: "Readiness and next steps for {organization}",
  navProgress: "Progress",
  progressMapHeading: "The municipalities on the map",
  progressMapTitle: "Map of Sweden's 290 municipalities by readiness level",
  progressMapNote:
    "The map is a picture and cannot be used with a keyboard. The tables hold the same information: the counties beside the map and every municipality below it, with links to each municipality's readiness.",
  progressMapLevelCount: {
    none: "Level {level} {name}: no municipalities",
    one: "Level {level} {name}: 1 municipality",
    many: "Level {level} {name}: {n} municipalities",
  },
  progressLegendHeading: "Key",
  progressLanTableHeading: "The counties",
  progressLanTableCaption: "Established municipalities and the region's level, county by county",
  columnKommunerEstablished: "Established municipalities",
  columnRegionLevel: "The region's level",
  progressAllKommuner: "All 290 municipalities and their levels, county by county (table)",
  progressAllKommunerCaption: "The municipalities and their readiness levels, county by county",
  progressNoRegion: "No region of its own",
  progressLanTitle: "Progress in {lan}",
  progressLanIntro:
    "The county's municipalities and region side by side, and how the county compares with the others. The levels are computed each time the page is shown.",
  progressLanKommuner:
    "{established} of {total} municipalities in the county ({percent}) are established or above.",
  progressLanOrganizationsHeading: "The organizations in the county",
  progressLanOrganizationsCaption:
    "The municipalities and the region in {lan}: level, criteria met and score",
  columnCriteriaMet: "Criteria met",
  progressCriteriaMet: "{met} of {total}",
  progressLanMapHeading: "The county on the map",
  progressLanMapTitle: "Map of the municipalities in {lan} by readiness level",
  progressLanMapNote:
    "The map is a picture and cannot be used with a keyboard; the table above holds the same information with links.",
  progressLanComparisonHeading: "Compared with the other counties",
  progressLanComparisonCaption: "Share of established municipalities per county, largest share first",
  progressLanThis: "(this county)",
  progressLanLink: "Progress and readiness in {lan}",
  progressModelPageLink: "The readiness model: criteria and levels",
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
  forbiddenDeclare:
    "Only a publisher for {organization} or an administrator can declare the organization's criteria. Nothing was saved.",
  progressInsetTitle: "The Stockholm area enlarged: the municipalities by readiness level",
  progressInsetCaption: "The Stockholm area, enlarged",
  catalogSearchTitle: "Search datasets",
  catalogSearchTitleFor: "Search datasets: {q}",
  catalogSearchIntro:
    "Search every dataset in the catalog: the municipalities' and regions' publications, the national compilations, and what is harvested from the organizations' own catalogs.",
  catalogSearchLabel: "Search terms",
  catalogSearchHint:
    "For example badplats, laddplatser or Linköping. Inflected forms, parts of compound words, words typed without å, ä and ö and common other words (badstrand, lekpark) are found too.",
  catalogSearchButton: "Search",
  catalogSortLabel: "Sort by",
  catalogSortRelevance: "Relevance",
  catalogSortTitle: "Title",
  catalogSortModified: "Last modified",
  catalogFiltersHeading: "Narrow down",
  catalogFacetOrg: "Organization",
  catalogFacetLan: "County",
  catalogFacetTheme: "Theme",
  catalogFacetFormat: "Format",
  catalogFacetLicense: "Licence",
  catalogFacetSpec: "Specification",
  catalogFacetHvd: "High-value dataset (HVD)",
  catalogFilterButton: "Apply the filters",
  catalogNoHits: "No dataset matches. Try fewer or shorter words, or remove a filter.",
  catalogPagingLabel: "Pages of results",
  catalogPreviousPage: "Previous page",
  catalogMachineHeading: "For machines",
  catalogMachineText: "The same search is in",
  catalogMachineApi: "the catalog API (JSON)",
  catalogNational: "National compilation, Nationell dataverkstad",
  catalogUnknownPublisher: "Unknown publisher",
  catalogModified: "last modified",
  catalogHarvested: "harvested from the organization's own catalog",
  catalogYes: "Yes",
  catalogHits: { none: "No results", one: "1 result", many: "{n} results" },
  dataCatalogText:
    "Each organization's own publication, and what is harvested from the organizations' own catalogs, is in the catalog.",
  dataCatalogLink: "Search the catalog",
  describedTitle: "Datasets {organization} describes itself",
  describedIntro:
    "These are datasets the organization publishes elsewhere, on its own web site or in an API for example, and has described here so that they are in the catalog, the search and what dataportal.se harvests.",
  describedNew: "Describe a dataset",
  describedEditTitle: "Change the description",
  describedNone: "The organization has not described any dataset here yet.",
  describedSaved: "The description of {title} is saved, and the catalog is updated.",
  describedRemoved: "The description is removed and the dataset is no longer in the catalog.",
  describedInCatalog: "In the catalog.",
  describedNotInCatalog: "Not in the catalog yet: {reasons}",
  describedUpdated: "Last changed {when}.",
  describedEdit: "Change",
  describedChoose: "Choose …",
  describedFormIntro:
    "Describe a dataset {organization} publishes elsewhere. It is in the catalog, published by the organization, as soon as you save.",
  describedStepWhat: "1. What data is it?",
  describedStepWhere: "2. Where is it, and how often does it change?",
  describedStepTerms: "3. Terms and contact",
  describedTitleSv: "Title in Swedish",
  describedTitleHint: "Short and descriptive, as in a list: Bibliotekens öppettider, for example.",
  describedTitleEn: "Title in English (optional)",
  describedOptionalEnglish: "Helps those who search in English, on data.europa.eu for example.",
  describedDescriptionSv: "Description in Swedish",
  describedDescriptionHint:
    "What the dataset holds, which area and time it covers, and what it can be used for.",
  describedDescriptionEn: "Description in English (optional)",
  describedKeywords: "Keywords (optional)",
  describedKeywordsHint: "Words a searcher might use, separated by commas.",
  describedTheme: "Theme",
  describedAccessUrl: "Address of the dataset",
  describedAccessUrlHint: "The page or API where the dataset is, starting with https://.",
  describedDownloadUrl: "Direct download address (optional)",
  describedDownloadUrlHint: "If the file can be fetched directly: the address of the file itself.",
  describedFormat: "File format",
  describedFrequency: "How often it is updated",
  describedLandingPage: "Web page about the dataset (optional)",
  describedLandingPageHint: "A page describing the dataset for people, if there is one.",
  describedLicence: "Licence",
  describedLicenceCc0: "CC0 1.0 – free to use without conditions",
  describedLicenceCcBy: "CC BY 4.0 – free to use with attribution",
  describedContactEmail: "E-mail for questions about the dataset (optional)",
  describedContactEmailHint: "Preferably a shared address, oppnadata@kommun.se for example.",
  describedSave: "Save and publish in the catalog",
  describedDelete: "Remove the description",
  describedForbidden:
    "Only someone who publishes for {organization} can describe the organization's datasets.",
  describedLink: "Datasets the organization describes itself",
};

export const MESSAGES: Readonly<Record<Language, Messages>> = { sv, en };

export function messages(language: Language): Messages {
  return MESSAGES[language];
}

/** Fills "{name}" placeholders: fill("Karta över {name}", { name: "Malmö" }). Unknown names stay as they are. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A template split at its "{name}" placeholders, each replaced by its value, for putting markup
 * into a text: fillParts("Fältet {field} ...", { field: <code>lat</code> }). Unknown names stay text.
 */
export function fillParts<T>(template: string, values: Readonly<Record<string, T>>): (string | T)[] {
  return template
    .split(/(\{\w+\})/)
    .filter((part) => part !== "")
    .map((part) => {
      const key = /^\{(\w+)\}$/.exec(part)?.[1];
      const value = key === undefined ? undefined : values[key];
      return value === undefined ? part : value;
    });
}

/** The count text for n things: none, one or many. */
export function countText(templates: CountTemplates, n: number): string {
  const template = n === 0 ? templates.none : n === 1 ? templates.one : templates.many;
  return fill(template, { n });
}

const LOCALES: Readonly<Record<Language, string>> = { sv: "sv-SE", en: "en-GB" };

/** The BCP 47 locale for formatting in a language. */
export function locale(language: Language): string {
  return LOCALES[language];
}

/** A count as the language writes it: "3 000" / "3,000". */
export function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(locale(language)).format(n);
}

/** A file size limit in megabytes: "200 MB", "0,5 MB". */
export function formatMegabytes(bytes: number, language: Language): string {
  return new Intl.NumberFormat(locale(language), {
    style: "unit",
    unit: "megabyte",
    maximumFractionDigits: 1,
  }).format(bytes / (1024 * 1024));
}

/** "27 november 2026" / "27 November 2026" for an ISO date (YYYY-MM-DD). */
export function formatDate(isoDate: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** A moment in Swedish time: "27 november 2026 14:05" / "27 November 2026, 14:05". */
export function formatDateTime(moment: Date, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(moment);
}

/** The ISO form of a moment, for <time datetime>. */
export function isoDateTime(moment: Date): string {
  return moment.toISOString();
}

/** Names sorted the Swedish way (å, ä, ö last) on both languages' pages: they are Swedish names. */
export const nameCollator = new Intl.Collator("sv", { sensitivity: "base", numeric: true });
