import { createHash } from "node:crypto";
import type { Database } from "../db/index.ts";
import type { RegistryService } from "../registry/index.ts";
import type { SpecsService } from "../specs/index.ts";
import { notFound, type LocalizedText } from "../core/index.ts";
import {
  CatalogIris,
  dataApiService,
  nationalDataset,
  ogcApiService,
  organizationAgent,
  organizationArea,
  organizationContact,
  platformAgent,
  platformContact,
  publicationDataset,
  swedenArea,
  type OrganizationFacts,
} from "./entries.ts";
import { GraphBuilder } from "./graph.ts";
import { BASE_TOKEN } from "./harvest/normalise.ts";
import {
  parseDatasetId,
  type CatalogContext,
  type CatalogDataset,
  type CatalogHeader,
  type CatalogScope,
  type ContactPoint,
} from "./model.ts";
import { searchDocumentOf, type SearchFeeds } from "./search.ts";
import { scoreCatalog, scoreDataset, type QualityScore } from "./quality.ts";
import { rdfWriter, type RdfFormat, type RdfNode } from "./rdf.ts";
import { HVD_SHAPES, propertyName, SHAPES, toDataset, validate, type ShaclViolation } from "./shacl.ts";
import { catalogStamp, loadLookups, nationalRows, publicationBatches, type Lookups } from "./source.ts";
import { harvestedBatches, harvestedPreflight, type HarvestedPreflight } from "./harvest/store.ts";
import { rebase } from "./harvest/normalise.ts";
import type { VocabularyTerm } from "./vocabulary.ts";

const NATIONAL_FEED = "platform:national";
const ORGANIZATION_FEED = "platform:organization:";

/** Bumped when the export's shape changes, so caches holding the old shape are passed by. */
const MODEL_VERSION = "2";

/** Datasets per chunk of the graph: each chunk's query and building is one stretch of the event loop. */
const GRAPH_BATCH = 100;

/** Characters of RDF text per chunk of an export. */
const EXPORT_CHUNK_CHARS = 64 * 1024;

/** One batch of the catalog: its datasets, ready to describe. */
export interface DatasetBatch {
  readonly datasets: readonly CatalogDataset[];
}

/**
 * The DCAT-AP-SE catalog: every publication with a current release and every national dataset,
 * as entries computed on each request from what the platform already stores (the stored facts are
 * the truth; nothing can go stale). Harvested entries will come from their own table beside these.
 */
export class CatalogService {
  private readonly stampFlights = new Map<string, Promise<string>>();

  constructor(
    private readonly db: Database,
    private readonly specs: SpecsService,
    private readonly registry: RegistryService,
  ) {}

  /** A weak ETag for one export: the same stamp, scope, format and base give the same bytes. */
  async etag(scope: CatalogScope, format: string, context: CatalogContext): Promise<string> {
    const code = scope.kind === "organization" ? scope.code : null;
    if (code !== null) await this.organization(code);
    const stamp = await this.stamp(code);
    const hash = createHash("sha256")
      .update([MODEL_VERSION, stamp, code ?? "national", format, context.baseUrl].join("\n"))
      .digest("base64url");
    return `W/"${hash.slice(0, 27)}"`;
  }

  /**
   * The stamp, read from the database; requests that ask while a read is under way share it (a
   * burst of 50 exports makes one query, not 50 queued ones: on PGlite each holds the event loop).
   */
  private stamp(code: string | null): Promise<string> {
    const key = code ?? "";
    let flight = this.stampFlights.get(key);
    if (flight === undefined) {
      flight = catalogStamp(this.db, code).finally(() => this.stampFlights.delete(key));
      this.stampFlights.set(key, flight);
    }
    return flight;
  }

  private async organization(code: string): Promise<OrganizationFacts> {
    const org = await this.registry.getOrganization(code);
    return {
      code: org.code,
      name: org.name,
      types: org.types,
      lanCode: org.lanCode,
      organizationNumber: org.organizationNumber,
      website: org.website,
      contactEmail: org.contactEmail,
    };
  }

  /** Every dataset of the scope, in batches: the national ones first, then the publications. */
  async *datasets(
    scope: CatalogScope,
    context: CatalogContext,
    lookups?: Lookups,
    batchSize?: number,
  ): AsyncGenerator<DatasetBatch> {
    const iris = new CatalogIris(context.baseUrl);
    const facts = lookups ?? (await loadLookups(this.db, this.specs));
    if (scope.kind === "national") {
      const national = (await nationalRows(this.db))
        .map((row) => nationalDataset(row, iris, facts))
        .filter((d) => d !== undefined);
      if (national.length > 0) yield { datasets: national };
    }
    const code = scope.kind === "organization" ? scope.code : null;
    for await (const rows of publicationBatches(this.db, code, batchSize)) {
      yield {
        datasets: rows.map((row) => publicationDataset(row, iris, facts)).filter((d) => d !== undefined),
      };
    }
  }

  /**
   * The platform's own entries as search feeds: the national datasets, and one feed per
   * organization with publications. Their stamps change with every publish, consolidation, new
   * specification version or edit to the prioritized list (all of which change titles or themes).
   */
  searchFeeds(): SearchFeeds {
    const db = this.db;
    const specs = this.specs;
    const iris = new CatalogIris(""); // IRIs as paths: each search answers with its own base
    return {
      prefix: "platform:",
      // Every publish, consolidation, specification version and list edit changes it.
      version: () => catalogStamp(db, null),
      async stamps() {
        const [vocabulary] = await db.query<{ stamp: string }>(
          `SELECT concat_ws('|', (SELECT count(*) FROM specification_versions),
                  (SELECT max(updated_at)::text FROM priority_list)) AS stamp`,
        );
        // The organization's name is in its datasets' titles: a corrected name re-indexes them.
        const rows = await db.query<{ code: string; stamp: string }>(
          `SELECT p.organization_code AS code,
                  concat_ws('|', max(p.updated_at)::text, count(*), count(p.current_release_id), max(o.name)) AS stamp
           FROM publications p JOIN organizations o ON o.code = p.organization_code GROUP BY p.organization_code`,
        );
        const suffix = vocabulary?.stamp ?? "";
        const stamps = new Map(rows.map((r) => [`${ORGANIZATION_FEED}${r.code}`, `${r.stamp}|${suffix}`]));
        stamps.set(NATIONAL_FEED, await catalogStamp(db, null));
        return stamps;
      },
      async *documents(feeds) {
        const lookups = await loadLookups(db, specs);
        for (const feed of feeds) {
          let datasets: (CatalogDataset | undefined)[] = [];
          if (feed === NATIONAL_FEED) {
            datasets = (await nationalRows(db)).map((row) => nationalDataset(row, iris, lookups));
          } else if (feed.startsWith(ORGANIZATION_FEED)) {
            for await (const rows of publicationBatches(db, feed.slice(ORGANIZATION_FEED.length)))
              datasets.push(...rows.map((row) => publicationDataset(row, iris, lookups)));
          }
          yield {
            feed,
            documents: datasets.filter((d) => d !== undefined).map(searchDocumentOf),
          };
        }
      },
    };
  }

  /**
   * Where a harvested (or form-described) resource's skolem IRI leads a reader: the path under
   * the platform's base (`/.well-known/genid/{hash}`) of an active dataset, or of one of its own
   * nodes (a distribution). Null when no active dataset holds it.
   */
  async harvestedOwner(
    path: string,
  ): Promise<{ readonly organizationCode: string; readonly described: boolean } | null> {
    const iri = `${BASE_TOKEN}${path}`;
    const [row] = await this.db.query<{ organization_code: string; kind: string }>(
      `SELECT h.organization_code, s.kind FROM harvested_datasets h JOIN harvest_sources s ON s.id = h.source_id
       WHERE h.status = 'active' AND (h.dataset_iri = $1 OR h.graph->'own' @> jsonb_build_array(jsonb_build_object('id', $1::text)))
       ORDER BY (h.dataset_iri = $1) DESC LIMIT 1`,
      [iri],
    );
    return row === undefined
      ? null
      : { organizationCode: row.organization_code, described: row.kind === "form" };
  }

  /** One dataset by its id (`0580.badplatser`, `national.badplatser`). */
  async dataset(id: string, context: CatalogContext): Promise<CatalogDataset> {
    const parsed = parseDatasetId(id);
    const missing = () =>
      notFound(
        {
          sv: `Katalogen har ingen datamängd ${id}. Id:t är {kod}.{slug} (till exempel 0580.badplatser) eller national.{slug}, för en publicering med en gällande release eller en nationell datamängd med rader.`,
          en: `The catalog has no dataset ${id}. The id is {code}.{slug} (e.g. 0580.badplatser) or national.{slug}, for a publication with a current release or a national dataset with rows.`,
        },
        { id },
      );
    if (parsed === undefined) throw missing();
    const iris = new CatalogIris(context.baseUrl);
    const lookups = await loadLookups(this.db, this.specs);
    if (parsed.organizationCode === null) {
      const [row] = await nationalRows(this.db, parsed.slug);
      const dataset = row === undefined ? undefined : nationalDataset(row, iris, lookups);
      if (dataset === undefined) throw missing();
      return dataset;
    }
    for await (const batch of this.datasets(
      { kind: "organization", code: parsed.organizationCode },
      context,
      lookups,
    )) {
      const found = batch.datasets.find((d) => d.slug === parsed.slug);
      if (found !== undefined) return found;
    }
    throw missing();
  }

  private async header(scope: CatalogScope, iris: CatalogIris, lookups: Lookups) {
    if (scope.kind === "national") {
      const [dates] = await this.db.query<{ issued: Date | null; modified: Date | null }>(
        `SELECT min(r.created_at) AS issued, max(p.updated_at) AS modified
         FROM publications p JOIN releases r ON r.id = p.current_release_id`,
      );
      const header: CatalogHeader = {
        iri: iris.nationalCatalog(),
        title: {
          sv: "Dataverkstaden – Sveriges kommuners och regioners öppna data",
          en: "Dataverkstad – open data from Sweden's municipalities and regions",
        },
        description: {
          sv: "Nationell dataverkstads katalog: varje kommuns och regions publiceringar enligt gemensamma specifikationer, och de nationella sammanställningarna av dem.",
          en: "The national data workshop's catalog: every municipality's and region's publications following shared specifications, and their national compilations.",
        },
        publisher: platformAgent(iris),
        homepage: iris.home(),
        spatial: swedenArea(lookups),
        issued: dates?.issued ?? null,
        modified: dates?.modified ?? null,
      };
      return { header, contact: platformContact(iris) };
    }
    const org = await this.organization(scope.code);
    const [dates] = await this.db.query<{ issued: Date | null; modified: Date | null }>(
      `SELECT min(r.created_at) AS issued, max(p.updated_at) AS modified
       FROM publications p JOIN releases r ON r.id = p.current_release_id WHERE p.organization_code = $1`,
      [scope.code],
    );
    const header: CatalogHeader = {
      iri: iris.organizationCatalog(org.code),
      title: { sv: `Öppna data från ${org.name}`, en: `Open data from ${org.name}` },
      description: {
        sv: `${org.name}s datamängder på Nationell dataverkstad, publicerade enligt gemensamma specifikationer.`,
        en: `${org.name}'s datasets on the national data workshop, published following shared specifications.`,
      },
      publisher: organizationAgent(iris, org),
      homepage: iris.organizationPage(org.code),
      spatial: organizationArea(iris, org, lookups),
      issued: dates?.issued ?? null,
      modified: dates?.modified ?? null,
    };
    return { header, contact: organizationContact(iris, org) };
  }

  /**
   * The catalog as RDF nodes, one chunk per batch of datasets: the catalog and its services
   * first, then the datasets with their distributions, each batch followed by the links that tie
   * it to the catalog and the services. `onBatch` sees each batch's datasets (pre-flight, quality).
   */
  async *graph(
    scope: CatalogScope,
    context: CatalogContext,
    onBatch?: (datasets: readonly CatalogDataset[]) => void,
  ): AsyncGenerator<readonly RdfNode[], void, undefined> {
    const iris = new CatalogIris(context.baseUrl);
    const lookups = await loadLookups(this.db, this.specs);
    const { header, contact } = await this.header(scope, iris, lookups);
    const graph = new GraphBuilder();
    const hvd = await this.hvdCategories(scope, lookups);
    const platform = platformAgent(iris);
    const support = platformContact(iris);
    const dataApi = dataApiService(iris);
    const ogcApi = ogcApiService(iris);
    const services = scope.kind === "national" ? [dataApi, ogcApi] : [dataApi];
    const head: RdfNode[] = [...graph.catalog(header, contact)];
    for (const service of services) {
      head.push(...graph.service(service, platform, support, hvd));
      head.push({ id: header.iri, types: [], statements: [["dcat:service", { iri: service.iri }]] });
    }
    yield head;

    for await (const batch of this.datasets(scope, context, lookups, GRAPH_BATCH)) {
      onBatch?.(batch.datasets);
      const nodes: RdfNode[] = [];
      for (const dataset of batch.datasets) nodes.push(...graph.dataset(dataset));
      nodes.push(graph.catalogMembers(header.iri, batch.datasets));
      nodes.push(
        graph.serviceMembers(
          dataApi.iri,
          batch.datasets.map((d) => d.iri),
        ),
      );
      if (scope.kind === "national") {
        const collections = batch.datasets.filter((d) =>
          d.distributions.some((x) => x.accessService === ogcApi.iri),
        );
        if (collections.length > 0)
          nodes.push(
            graph.serviceMembers(
              ogcApi.iri,
              collections.map((d) => d.iri),
            ),
          );
      }
      yield nodes;
    }

    // Harvested datasets after the platform's own: active and valid ones only (see harvest/).
    const code = scope.kind === "organization" ? scope.code : null;
    for await (const rows of harvestedBatches(this.db, code)) {
      const nodes: RdfNode[] = [];
      const members: string[] = [];
      for (const row of rows) {
        const written = graph.harvested(
          rebase(row.graph.own, context.baseUrl),
          rebase(row.graph.shared, context.baseUrl),
        );
        const [dataset] = written;
        if (dataset !== undefined) members.push(dataset.id);
        nodes.push(...written);
      }
      nodes.push({
        id: header.iri,
        types: [],
        statements: members.map((iri) => ["dcat:dataset", { iri }] as const),
      });
      yield nodes;
    }
  }

  /** The catalog as text in one of the three formats, one chunk per batch: flat memory at any size. */
  async *export(
    scope: CatalogScope,
    format: RdfFormat,
    context: CatalogContext,
  ): AsyncGenerator<string, void, undefined> {
    const writer = rdfWriter(format);
    yield writer.start();
    for await (const nodes of this.graph(scope, context)) {
      let chunk = "";
      for (const node of nodes) {
        chunk += writer.node(node);
        // Small chunks: a caller can let other work in between (the export cache does).
        if (chunk.length >= EXPORT_CHUNK_CHARS) {
          yield chunk;
          chunk = "";
        }
      }
      yield chunk;
    }
    yield writer.end();
  }

  /**
   * The organization's catalog checked against the DCAT-AP 3.0.1 shapes and DIGG's DCAT-AP-SE
   * additions, before any harvester sees it: each violation with its dataset, property, what was
   * expected and what was found.
   */
  async preflight(code: string, context: CatalogContext): Promise<PreflightReport> {
    const { datasets, violations, hvd } = await this.checked({ kind: "organization", code }, context);
    const iris = new CatalogIris(context.baseUrl);
    const contact = organizationContact(iris, await this.organization(code));
    const harvested = await harvestedPreflight(this.db, code);
    const found: PreflightViolation[] = violations.map((v) => ({
      ...v,
      dataset: owningDataset(v.focusNode, iris),
      propertyName: v.path === null ? null : propertyName(v.path),
    }));
    // The shapes accept any address; a harvester's users would write to a made-up one.
    if (contact.placeholder) found.push(placeholderContact(contact, code));
    return {
      organization: code,
      checkedAt: new Date(),
      shapes: [...SHAPES, ...(hvd ? HVD_SHAPES : [])].map((s) => s.name),
      datasets: datasets.length,
      conforms: found.length === 0,
      violations: found,
      contact: { email: contact.email.replace(/^mailto:/, ""), placeholder: contact.placeholder },
      notices: [
        ...(contact.placeholder
          ? [
              {
                sv: `Katalogen är inte klar för dataportal.se: kontaktadressen ${contact.email.replace("mailto:", "")} är plattformens platshållare, inte organisationens egen. En publicerare för organisationen anger dess funktionsbrevlåda (till exempel oppnadata@…) med PUT /api/v1/organizations/${code}/contact.`,
                en: `The catalog is not ready for dataportal.se: the contact address ${contact.email.replace("mailto:", "")} is the platform's placeholder, not the organization's own. A publisher for the organization gives its functional mailbox (e.g. opendata@…) with PUT /api/v1/organizations/${code}/contact.`,
              },
            ]
          : []),
        ...(harvested.notice === null ? [] : [harvested.notice]),
        ...harvested.shared,
      ],
      harvested,
    };
  }

  /** The scope's datasets and the SHACL results for its whole graph. */
  private async checked(scope: CatalogScope, context: CatalogContext) {
    const datasets: CatalogDataset[] = [];
    const nodes: RdfNode[] = [];
    for await (const chunk of this.graph(scope, context, (batch) => datasets.push(...batch)))
      nodes.push(...chunk);
    const violations = await validate(toDataset(nodes));
    // High-value datasets answer to the HVD shapes as well, each as the document of its own IRI.
    const hvd = datasets.filter((d) => d.hvdCategory !== null);
    const seen = new Set(violations.map(violationKey));
    for (const dataset of hvd) {
      for (const violation of await validate(toDataset(this.datasetGraph(dataset, context)), "hvd")) {
        const key = violationKey(violation);
        if (seen.has(key)) continue;
        seen.add(key);
        violations.push(violation);
      }
    }
    return { datasets, violations, hvd: hvd.length > 0 };
  }

  /** One dataset with the services its distributions name: a document that stands on its own. */
  datasetGraph(dataset: CatalogDataset, context: CatalogContext): RdfNode[] {
    const iris = new CatalogIris(context.baseUrl);
    const graph = new GraphBuilder();
    const hvd = dataset.hvdCategory === null ? [] : [dataset.hvdCategory];
    const services = [dataApiService(iris), ogcApiService(iris)].filter((service) =>
      dataset.distributions.some((d) => d.accessService === service.iri),
    );
    return [
      ...graph.dataset(dataset),
      ...services.flatMap((service) =>
        graph.service(
          { ...service, servesDataset: [dataset.iri] },
          platformAgent(iris),
          platformContact(iris),
          hvd,
        ),
      ),
    ];
  }

  /** The MQA-style score of one dataset, every point with its reason. */
  async datasetQuality(id: string, context: CatalogContext): Promise<DatasetQuality> {
    const dataset = await this.dataset(id, context);
    const violations = await validate(toDataset(this.datasetGraph(dataset, context)));
    return { dataset: datasetSummary(dataset), score: this.score(dataset, violations, context) };
  }

  /** Every dataset of the organization scored, and the organization's score: their average. */
  async organizationQuality(code: string, context: CatalogContext): Promise<OrganizationQuality> {
    const { datasets, violations } = await this.checked({ kind: "organization", code }, context);
    const scored = datasets.map((dataset) => ({
      dataset: datasetSummary(dataset),
      score: this.score(dataset, violations, context),
    }));
    return { organization: code, score: scoreCatalog(scored.map((s) => s.score)), datasets: scored };
  }

  private score(dataset: CatalogDataset, violations: readonly ShaclViolation[], context: CatalogContext) {
    const iris = new CatalogIris(context.baseUrl);
    // A dataset answers for its own nodes and for the agent and contact it names.
    const concerns = new Set([dataset.publisher.iri, dataset.contactPoint.iri, dataset.spatial.iri]);
    const own = violations.filter(
      (v) => owningDataset(v.focusNode, iris) === dataset.id || concerns.has(v.focusNode),
    ).length;
    return scoreDataset({
      dataset,
      violations: own,
      ownUrl: (url) => url.startsWith(`${context.baseUrl}/`),
    });
  }

  /** The HVD categories of the specifications the scope publishes: what its services are tagged with. */
  private async hvdCategories(scope: CatalogScope, lookups: Lookups): Promise<VocabularyTerm[]> {
    const rows = await this.db.query<{ spec_slug: string }>(
      `SELECT DISTINCT spec_slug FROM publications
       WHERE current_release_id IS NOT NULL AND ($1::text IS NULL OR organization_code = $1)`,
      [scope.kind === "organization" ? scope.code : null],
    );
    const categories = new Map<string, VocabularyTerm>();
    for (const { spec_slug } of rows) {
      const category = lookups.priority.get(spec_slug)?.hvdCategory;
      if (category) categories.set(category.uri, { iri: category.uri, label: category.label });
    }
    return [...categories.values()];
  }
}

export interface PreflightViolation extends ShaclViolation {
  /** The dataset the resource belongs to (`0580.badplatser`); null for the catalog or a shared resource. */
  readonly dataset: string | null;
  /** The property in words. */
  readonly propertyName: LocalizedText | null;
}

export interface PreflightReport {
  readonly organization: string;
  readonly checkedAt: Date;
  /** The shapes checked against. */
  readonly shapes: readonly string[];
  readonly datasets: number;
  readonly conforms: boolean;
  readonly violations: readonly PreflightViolation[];
  /** The catalog's contact address, and whether it is the platform's placeholder. */
  readonly contact: { readonly email: string; readonly placeholder: boolean };
  /** What a harvester will see that the shapes do not flag. */
  readonly notices: readonly LocalizedText[];
  /** Datasets harvested from the organization's own catalog: what was left out or changed, and why. */
  readonly harvested: HarvestedPreflight;
}

export interface DatasetSummary {
  readonly id: string;
  readonly iri: string;
  readonly title: LocalizedText;
  readonly organization: string | null;
  readonly specification: { readonly slug: string; readonly version: string };
}

export interface DatasetQuality {
  readonly dataset: DatasetSummary;
  readonly score: QualityScore;
}

export interface OrganizationQuality {
  readonly organization: string;
  /** Null when the organization has no dataset in the catalog yet. */
  readonly score: QualityScore | null;
  readonly datasets: readonly DatasetQuality[];
}

function datasetSummary(dataset: CatalogDataset): DatasetSummary {
  return {
    id: dataset.id,
    iri: dataset.iri,
    title: dataset.title,
    organization: dataset.organizationCode,
    specification: { slug: dataset.slug, version: dataset.specVersion },
  };
}

/** The finding that keeps a catalog with a placeholder contact from conforming. */
function placeholderContact(contact: ContactPoint, code: string): PreflightViolation {
  const address = contact.email.replace(/^mailto:/, "");
  return {
    focusNode: contact.iri,
    path: "http://www.w3.org/2006/vcard/ns#hasEmail",
    constraint: "PlaceholderContact",
    severity: "violation",
    value: contact.email,
    expected: { sv: "organisationens egen e-postadress", en: "the organization's own e-mail address" },
    found: { sv: `platshållaren ${address}`, en: `the placeholder ${address}` },
    message: {
      sv: `Kontaktuppgiften har bara plattformens platshållare ${address}; organisationen ${code} har inte angett någon egen e-postadress. Katalogen är inte klar för dataportal.se.`,
      en: `The contact point has only the platform's placeholder ${address}; the organization ${code} has given no address of its own. The catalog is not ready for dataportal.se.`,
    },
    dataset: null,
    propertyName: { sv: "kontaktens e-postadress", en: "contact e-mail address" },
  };
}

/** One result per resource, property and constraint: a shared node's result is not repeated. */
const violationKey = (v: ShaclViolation) => `${v.focusNode} ${v.path ?? ""} ${v.constraint}`;

/** `{base}/catalog/datasets/0580.badplatser/distributions/csv` → `0580.badplatser`. */
function owningDataset(iri: string, iris: CatalogIris): string | null {
  const prefix = iris.dataset("");
  if (!iri.startsWith(prefix)) return null;
  const rest = iri.slice(prefix.length);
  const end = rest.search(/[/#]/);
  return end === -1 ? rest : rest.slice(0, end);
}
