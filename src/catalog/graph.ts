// The model as RDF nodes, following DCAT-AP 3.0.1 and DCAT-AP-SE 3.0.1. Every resource the
// shapes expect to be of a class (a licence is a dcterms:LicenseDocument, a theme a skos:Concept
// with a label…) gets its rdf:type and label here, once per document, so the export passes the
// shapes without the validator needing the EU vocabularies loaded.
import type {
  CatalogAgent,
  CatalogDataService,
  CatalogDataset,
  CatalogDistribution,
  CatalogHeader,
  CatalogLocation,
  ContactPoint,
} from "./model.ts";
import { iri, text, typed, type RdfNode, type Statement } from "./rdf.ts";
import {
  ACCESS_PUBLIC,
  CC0,
  DATA_THEME_SCHEME,
  FILE_TYPES,
  HVD_LEGISLATION,
  LANGUAGE_SWEDISH,
  mediaTypeIri,
  SHA256,
  type CompactIri,
  type VocabularyTerm,
} from "./vocabulary.ts";

const LANGUAGES = ["sv", "en"] as const;

const localized = (predicate: CompactIri, value: Readonly<Record<"sv" | "en", string>>): Statement[] =>
  LANGUAGES.map((language) => [predicate, text(value[language], language)]);

const dateTime = (date: Date) => typed(date.toISOString(), "xsd:dateTime");

/**
 * The nodes of one document. Shared resources (publishers, contact points, vocabulary terms) are
 * written the first time they are referred to and never again, so a 50,000-dataset export
 * describes each organization once.
 */
export class GraphBuilder {
  private readonly written = new Set<string>();

  /** A resource described once: its node is added to `out` the first time only. */
  private once(out: RdfNode[], id: string, describe: () => RdfNode): void {
    if (this.written.has(id)) return;
    this.written.add(id);
    out.push(describe());
  }

  /** A controlled-vocabulary term typed as the shapes expect, with its label in both languages. */
  private term(out: RdfNode[], term: VocabularyTerm, types: readonly CompactIri[], extra: Statement[] = []) {
    this.once(out, term.iri, () => ({
      id: term.iri,
      types,
      statements: [...localized("skos:prefLabel", term.label), ...extra],
    }));
    return iri(term.iri);
  }

  private document(out: RdfNode[], url: string) {
    this.once(out, url, () => ({ id: url, types: ["foaf:Document"], statements: [] }));
    return iri(url);
  }

  /**
   * A URL typed rdfs:Resource, as the HVD shapes check (without inference) for access, download
   * and endpoint URLs and a contact's e-mail and web addresses. Keyed apart from the URL's other
   * descriptions (a landing page is also a foaf:Document): readers merge the two.
   */
  private resource(out: RdfNode[], url: string) {
    this.once(out, `rdfs:Resource ${url}`, () => ({ id: url, types: ["rdfs:Resource"], statements: [] }));
    return iri(url);
  }

  private licence(out: RdfNode[]) {
    return this.term(out, CC0, ["dcterms:LicenseDocument"]);
  }

  private accessRights(out: RdfNode[]) {
    return this.term(out, ACCESS_PUBLIC, ["dcterms:RightsStatement", "skos:Concept"]);
  }

  private language(out: RdfNode[]) {
    return this.term(out, LANGUAGE_SWEDISH, ["dcterms:LinguisticSystem", "skos:Concept"]);
  }

  private standard(
    out: RdfNode[],
    standard: { readonly iri: string; readonly title: Readonly<Record<"sv" | "en", string>> },
  ) {
    this.once(out, standard.iri, () => ({
      id: standard.iri,
      types: ["dcterms:Standard"],
      statements: localized("dcterms:title", standard.title),
    }));
    return iri(standard.iri);
  }

  agent(out: RdfNode[], agent: CatalogAgent) {
    this.once(out, agent.iri, () => ({
      id: agent.iri,
      types: ["foaf:Agent", "foaf:Organization"],
      statements: [
        ...localized("foaf:name", agent.name),
        ["dcterms:type", this.term(out, agent.type, ["skos:Concept"])],
        ["foaf:homepage", this.document(out, agent.homepage)],
        // DCAT-AP-SE: a Swedish organization's identifier is its organisationsnummer, and
        // dataportal.se knows it by SE{number}: the alternative URI (owl:sameAs) ties the two.
        ...(agent.organizationNumber === null
          ? []
          : ([["dcterms:identifier", { value: agent.organizationNumber }]] as Statement[])),
        ...(agent.sameAs === null ? [] : ([["owl:sameAs", iri(agent.sameAs)]] as Statement[])),
      ],
    }));
    return iri(agent.iri);
  }

  private contactPoint(out: RdfNode[], contact: ContactPoint) {
    this.once(out, contact.iri, () => ({
      id: contact.iri,
      // vcard:Kind as well: the shapes check the class without inferring it from vcard:Organization.
      types: ["vcard:Organization", "vcard:Kind"],
      statements: [
        ...localized("vcard:fn", contact.name),
        ["vcard:hasEmail", this.resource(out, contact.email)],
        ["vcard:hasURL", this.resource(out, contact.url)],
      ],
    }));
    return iri(contact.iri);
  }

  location(out: RdfNode[], location: CatalogLocation) {
    this.once(out, location.iri, () => {
      const statements: Statement[] = localized("skos:prefLabel", location.label);
      if (location.bbox !== null) {
        const [w, s, e, n] = location.bbox;
        const wkt = `POLYGON((${w} ${s},${e} ${s},${e} ${n},${w} ${n},${w} ${s}))`;
        statements.push(["dcat:bbox", typed(wkt, "gsp:wktLiteral")]);
      }
      return { id: location.iri, types: ["dcterms:Location"], statements };
    });
    return iri(location.iri);
  }

  private hvd(out: RdfNode[], category: VocabularyTerm): Statement[] {
    return [
      ["dcatap:applicableLegislation", this.term(out, HVD_LEGISLATION, ["eli:LegalResource"])],
      ["dcatap:hvdCategory", this.term(out, category, ["skos:Concept"])],
    ];
  }

  /** The dataset, its distributions and whatever they refer to that this document has not described yet. */
  dataset(dataset: CatalogDataset): RdfNode[] {
    const out: RdfNode[] = [];
    const statements: Statement[] = [
      ["dcterms:identifier", typed(dataset.iri, "xsd:anyURI")],
      ...localized("dcterms:title", dataset.title),
      ...localized("dcterms:description", dataset.description),
      ...LANGUAGES.flatMap((language) =>
        dataset.keywords[language].map((keyword): Statement => ["dcat:keyword", text(keyword, language)]),
      ),
      ...dataset.themes.map((theme): Statement => [
        "dcat:theme",
        this.term(out, theme, ["skos:Concept"], [["skos:inScheme", this.themeScheme(out)]]),
      ]),
      ["dcterms:publisher", this.agent(out, dataset.publisher)],
      ["dcat:contactPoint", this.contactPoint(out, dataset.contactPoint)],
      ["dcterms:conformsTo", this.standard(out, dataset.conformsTo)],
      ["dcterms:spatial", this.location(out, dataset.spatial)],
      [
        "dcterms:accrualPeriodicity",
        this.term(out, dataset.accrualPeriodicity, ["dcterms:Frequency", "skos:Concept"]),
      ],
      ["dcterms:accessRights", this.accessRights(out)],
      ["dcterms:language", this.language(out)],
      ["dcat:landingPage", this.document(out, dataset.landingPage)],
    ];
    if (dataset.temporalStart !== null) {
      const period = `${dataset.iri}#period`;
      out.push({
        id: period,
        types: ["dcterms:PeriodOfTime"],
        statements: [["dcat:startDate", typed(dataset.temporalStart, "xsd:date")]],
      });
      statements.push(["dcterms:temporal", iri(period)]);
    }
    if (dataset.issued !== null) statements.push(["dcterms:issued", dateTime(dataset.issued)]);
    if (dataset.modified !== null) statements.push(["dcterms:modified", dateTime(dataset.modified)]);
    if (dataset.hvdCategory !== null) statements.push(...this.hvd(out, dataset.hvdCategory));
    for (const distribution of dataset.distributions) {
      statements.push(["dcat:distribution", iri(distribution.iri)]);
      this.distribution(out, dataset, distribution);
    }
    return [{ id: dataset.iri, types: ["dcat:Dataset"], statements }, ...out];
  }

  private themeScheme(out: RdfNode[]) {
    this.once(out, DATA_THEME_SCHEME.iri, () => ({
      id: DATA_THEME_SCHEME.iri,
      types: ["skos:ConceptScheme"],
      statements: localized("dcterms:title", DATA_THEME_SCHEME.label),
    }));
    return iri(DATA_THEME_SCHEME.iri);
  }

  private distribution(out: RdfNode[], dataset: CatalogDataset, distribution: CatalogDistribution): void {
    const fileType = FILE_TYPES[distribution.format];
    // High-value datasets answer to the HVD shapes too; the others need no typed URLs.
    const url = (value: string) => (dataset.hvdCategory === null ? iri(value) : this.resource(out, value));
    const statements: Statement[] = [
      ...localized("dcterms:title", distribution.title),
      ...localized("dcterms:description", distribution.description),
      ["dcat:accessURL", url(distribution.accessUrl)],
      ["dcterms:format", this.term(out, fileType.format, ["dcterms:MediaTypeOrExtent", "skos:Concept"])],
      ["dcat:mediaType", this.mediaType(out, fileType.mediaType)],
      ["dcterms:license", this.licence(out)],
      ["dcterms:conformsTo", this.standard(out, dataset.conformsTo)],
    ];
    if (distribution.downloadUrl !== null)
      statements.push(["dcat:downloadURL", url(distribution.downloadUrl)]);
    if (distribution.accessService !== null)
      statements.push(["dcat:accessService", iri(distribution.accessService)]);
    if (distribution.byteSize !== null)
      statements.push(["dcat:byteSize", typed(String(distribution.byteSize), "xsd:nonNegativeInteger")]);
    if (distribution.sha256 !== null) {
      const checksum = `${distribution.iri}#checksum`;
      this.once(out, SHA256, () => ({ id: SHA256, types: ["spdx:ChecksumAlgorithm"], statements: [] }));
      out.push({
        id: checksum,
        types: ["spdx:Checksum"],
        statements: [
          ["spdx:algorithm", iri(SHA256)],
          ["spdx:checksumValue", typed(distribution.sha256, "xsd:hexBinary")],
        ],
      });
      statements.push(["spdx:checksum", iri(checksum)]);
    }
    if (distribution.issued !== null) statements.push(["dcterms:issued", dateTime(distribution.issued)]);
    if (distribution.modified !== null)
      statements.push(["dcterms:modified", dateTime(distribution.modified)]);
    if (dataset.hvdCategory !== null)
      statements.push([
        "dcatap:applicableLegislation",
        this.term(out, HVD_LEGISLATION, ["eli:LegalResource"]),
      ]);
    out.push({ id: distribution.iri, types: ["dcat:Distribution"], statements });
  }

  private mediaType(out: RdfNode[], mediaType: string) {
    const id = mediaTypeIri(mediaType);
    this.once(out, id, () => ({
      id,
      types: ["dcterms:MediaType"],
      statements: [["rdfs:label", { value: mediaType }]],
    }));
    return iri(id);
  }

  /** The catalog's own description, without its datasets (see `catalogMembers`). */
  catalog(header: CatalogHeader, contact: ContactPoint): RdfNode[] {
    const out: RdfNode[] = [];
    const statements: Statement[] = [
      ...localized("dcterms:title", header.title),
      ...localized("dcterms:description", header.description),
      ["dcterms:publisher", this.agent(out, header.publisher)],
      ["dcat:contactPoint", this.contactPoint(out, contact)],
      ["dcterms:license", this.licence(out)],
      ["dcterms:language", this.language(out)],
      ["dcterms:spatial", this.location(out, header.spatial)],
      ["foaf:homepage", this.document(out, header.homepage)],
      ["dcat:themeTaxonomy", this.themeScheme(out)],
    ];
    if (header.issued !== null) statements.push(["dcterms:issued", dateTime(header.issued)]);
    if (header.modified !== null) statements.push(["dcterms:modified", dateTime(header.modified)]);
    return [{ id: header.iri, types: ["dcat:Catalog"], statements }, ...out];
  }

  /**
   * A harvested dataset's stored description (already rebased): its own nodes, and the shared
   * resources it refers to (publisher, contact point, vocabulary terms) once per document. A
   * dataset already written (the same IRI harvested by two organizations) is written once.
   */
  harvested(own: readonly RdfNode[], shared: readonly RdfNode[]): RdfNode[] {
    const [first] = own;
    if (first === undefined || this.written.has(first.id)) return [];
    this.written.add(first.id);
    const out = [...own];
    for (const node of shared) this.once(out, node.id, () => node);
    return out;
  }

  /** The catalog's dcat:dataset links for one batch: written beside the batch, merged by readers. */
  catalogMembers(catalogIri: string, datasets: readonly CatalogDataset[]): RdfNode {
    return {
      id: catalogIri,
      types: [],
      statements: datasets.map((d): Statement => ["dcat:dataset", iri(d.iri)]),
    };
  }

  /** A data service, its publisher and contact; `servesDataset` links come in batches too. */
  service(
    service: CatalogDataService,
    publisher: CatalogAgent,
    contact: ContactPoint,
    hvdCategories: readonly VocabularyTerm[],
  ): RdfNode[] {
    const out: RdfNode[] = [];
    const statements: Statement[] = [
      ...localized("dcterms:title", service.title),
      ...localized("dcterms:description", service.description),
      ["dcat:endpointURL", this.resource(out, service.endpointUrl)],
      ["dcat:endpointDescription", this.resource(out, service.endpointDescription)],
      ["foaf:page", this.document(out, service.documentation)],
      ["dcterms:publisher", this.agent(out, publisher)],
      ["dcat:contactPoint", this.contactPoint(out, contact)],
      ["dcterms:license", this.licence(out)],
      ["dcterms:accessRights", this.accessRights(out)],
      ...service.servesDataset.map((d): Statement => ["dcat:servesDataset", iri(d)]),
    ];
    if (service.conformsTo !== null)
      statements.push([
        "dcterms:conformsTo",
        this.standard(out, { iri: service.conformsTo.iri, title: service.conformsTo.label }),
      ]);
    for (const category of hvdCategories) statements.push(...this.hvd(out, category));
    return [{ id: service.iri, types: ["dcat:DataService"], statements }, ...out];
  }

  serviceMembers(serviceIri: string, datasetIris: readonly string[]): RdfNode {
    return {
      id: serviceIri,
      types: [],
      statements: datasetIris.map((d): Statement => ["dcat:servesDataset", iri(d)]),
    };
  }
}
