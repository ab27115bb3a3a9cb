// The OpenAPI 3.0 description of the OGC API Features endpoints (the "service-desc" of the landing
// page). OGC API Features Part 1 asks for OpenAPI 3.0, so it is written out here rather than
// taken from the main /openapi.json, which is 3.1 and describes /api/v1.
import { KOMMUN_KOD, LAN_KOD } from "../../core/index.ts";

const ERROR = {
  description: "Error, in the platform's shape { error: { code, message, details } }",
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
          },
        },
      },
    },
  },
};

const LINK = {
  type: "object",
  required: ["href"],
  properties: {
    href: { type: "string" },
    rel: { type: "string" },
    type: { type: "string" },
    title: { type: "string" },
  },
};

const f = {
  name: "f",
  in: "query",
  required: false,
  description: "json (the default). HTML is not offered here (400): the web site has the human pages.",
  schema: { type: "string", enum: ["json"] },
};

const json = (description: string, schema: object) => ({
  description,
  content: { "application/json": { schema } },
});

export function ogcOpenApiDocument(baseUrl: string, collectionIds: readonly string[]) {
  const collectionId = {
    name: "collectionId",
    in: "path",
    required: true,
    description: "A specification with a position (its slug)",
    schema: { type: "string", enum: [...collectionIds] },
  };
  const errors = { "400": ERROR, "404": ERROR, "503": ERROR };
  const featureCollection = {
    type: "object",
    required: ["type", "features"],
    properties: {
      type: { type: "string", enum: ["FeatureCollection"] },
      features: { type: "array", items: { $ref: "#/components/schemas/feature" } },
      links: { type: "array", items: { $ref: "#/components/schemas/link" } },
      timeStamp: { type: "string", format: "date-time" },
      numberMatched: { type: "integer", minimum: 0 },
      numberReturned: { type: "integer", minimum: 0 },
    },
  };
  const feature = {
    type: "object",
    required: ["type", "geometry", "properties"],
    properties: {
      type: { type: "string", enum: ["Feature"] },
      id: {
        type: "string",
        description: "National id: organization code, colon, the row's id (0580:BAD-0012)",
      },
      geometry: {
        nullable: true,
        type: "object",
        properties: {
          type: { type: "string", enum: ["Point"] },
          coordinates: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 },
        },
      },
      properties: { type: "object", nullable: true },
      links: { type: "array", items: { $ref: "#/components/schemas/link" } },
    },
  };
  return {
    openapi: "3.0.3",
    info: {
      title: "Dataverkstad – OGC API Features",
      version: "1.0.0",
      description:
        "Nationella datamängder med position som OGC API Features (Part 1: Core, GeoJSON, OpenAPI 3.0). " +
        "National datasets with a position, one collection per specification, WGS 84 (CRS84).",
      license: { name: "CC0 1.0 (data)" },
    },
    servers: [{ url: `${baseUrl}/ogc` }],
    paths: {
      "/": {
        get: {
          summary: "Landing page",
          operationId: "getLandingPage",
          parameters: [f],
          responses: {
            "200": json("Links to the API, conformance and the collections", { type: "object" }),
            ...errors,
          },
        },
      },
      "/conformance": {
        get: {
          summary: "Conformance classes",
          operationId: "getConformanceDeclaration",
          parameters: [f],
          responses: {
            "200": json("The conformance classes implemented", {
              type: "object",
              required: ["conformsTo"],
              properties: { conformsTo: { type: "array", items: { type: "string" } } },
            }),
            ...errors,
          },
        },
      },
      "/collections": {
        get: {
          summary: "The collections: one per specification with a position",
          operationId: "getCollections",
          parameters: [f],
          responses: { "200": json("The collections", { type: "object" }), ...errors },
        },
      },
      "/collections/{collectionId}": {
        get: {
          summary: "One collection",
          operationId: "describeCollection",
          parameters: [collectionId, f],
          responses: { "200": json("The collection", { type: "object" }), ...errors },
        },
      },
      "/collections/{collectionId}/items": {
        get: {
          summary: "Features of a collection",
          description:
            "Also accepted: the data API's filters (kommun, lan, organization, q, sort, and field=value, field.min=, field.max= per field of the specification). Unknown parameters give 400.",
          operationId: "getFeatures",
          parameters: [
            collectionId,
            {
              name: "limit",
              in: "query",
              required: false,
              description: "Features per page; larger values are lowered to 10000",
              schema: { type: "integer", minimum: 1, maximum: 10000, default: 10 },
              style: "form",
              explode: false,
            },
            {
              name: "bbox",
              in: "query",
              required: false,
              description: "minLon,minLat,maxLon,maxLat in CRS84",
              schema: { type: "array", minItems: 4, maxItems: 6, items: { type: "number" } },
              style: "form",
              explode: false,
            },
            {
              name: "datetime",
              in: "query",
              required: false,
              description:
                "An RFC 3339 instant or interval (../2025-01-01T00:00:00Z). The collections have no temporal extent, so a well-formed value selects every feature; a malformed one gives 400.",
              schema: { type: "string" },
              style: "form",
              explode: false,
            },
            {
              name: "cursor",
              in: "query",
              required: false,
              description: "Opaque position of the next page; follow the next link rather than building it",
              schema: { type: "string" },
            },
            {
              name: "kommun",
              in: "query",
              required: false,
              schema: { type: "string", pattern: KOMMUN_KOD.source },
            },
            {
              name: "lan",
              in: "query",
              required: false,
              schema: { type: "string", pattern: LAN_KOD.source },
            },
            f,
          ],
          responses: {
            "200": {
              description: "A page of features",
              content: {
                "application/geo+json": { schema: { $ref: "#/components/schemas/featureCollectionGeoJSON" } },
              },
            },
            ...errors,
          },
        },
      },
      "/collections/{collectionId}/items/{featureId}": {
        get: {
          summary: "One feature",
          operationId: "getFeature",
          parameters: [
            collectionId,
            {
              name: "featureId",
              in: "path",
              required: true,
              description: "The national id, URL-encoded (0580%3ABAD-0012)",
              schema: { type: "string" },
            },
            f,
          ],
          responses: {
            "200": {
              description: "The feature",
              content: {
                "application/geo+json": { schema: { $ref: "#/components/schemas/featureGeoJSON" } },
              },
            },
            ...errors,
          },
        },
      },
    },
    components: {
      schemas: { link: LINK, featureGeoJSON: feature, feature, featureCollectionGeoJSON: featureCollection },
    },
  };
}
