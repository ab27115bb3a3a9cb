import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { LanKod } from "../../core/index.ts";
import {
  ORGANIZATION_TYPES,
  type Boundary,
  type Organization,
  type RegistryService,
} from "../../registry/index.ts";
import { authorize, clientAddress } from "../auth.ts";
import type { AppEnv } from "../context.ts";
import {
  BoundaryCollectionSchema,
  BoundaryFeatureSchema,
  errorResponses,
  LanCodeSchema,
  LanDetailSchema,
  LanSchema,
  listSchema,
  OrganizationCodeSchema,
  OrganizationSchema,
  jsonResponse as json,
} from "./schemas.ts";

const geojson = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/geo+json": { schema } },
});

const listOrganizations = createRoute({
  method: "get",
  path: "/organizations",
  tags: ["Registry"],
  summary: "Organisationer: kommuner och regioner / Organizations: municipalities and regions",
  request: {
    query: z.object({
      type: z
        .enum(ORGANIZATION_TYPES)
        .optional()
        .openapi({ description: "kommun or region; Region Gotland (0980) is both" }),
      lan: LanCodeSchema.optional(),
      q: z.string().max(200).optional().openapi({
        description: "Name, diacritics and case ignored (linkoping finds Linköping), or the start of a code",
      }),
      limit: z.coerce.number().int().min(1).max(1000).default(1000),
      cursor: z.string().max(100).optional(),
    }),
  },
  responses: {
    200: json(listSchema(OrganizationSchema, "OrganizationList"), "Organizations ordered by code"),
    ...errorResponses([400, 503]),
  },
});

const getOrganization = createRoute({
  method: "get",
  path: "/organizations/{code}",
  tags: ["Registry"],
  summary: "En organisation / One organization",
  request: { params: z.object({ code: OrganizationCodeSchema }) },
  responses: { 200: json(OrganizationSchema, "The organization"), ...errorResponses([400, 404, 503]) },
});

const putOrganizationContact = createRoute({
  method: "put",
  path: "/organizations/{code}/contact",
  tags: ["Registry"],
  summary: "Organisationens kontaktuppgifter / The organization's contact",
  description:
    "Sets the organization's own contact mailbox (a functional address such as opendata@…) and website; the DCAT catalog's contact point and publisher use them. Its publisher or an administrator only; audited. null clears a field.",
  security: [{ bearerAuth: [] }],
  request: {
    params: z.object({ code: OrganizationCodeSchema }),
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z
            .object({
              email: z.string().max(254).nullable().openapi({ example: "oppnadata@linkoping.se" }),
              website: z.string().max(2000).nullable().openapi({ example: "https://www.linkoping.se" }),
            })
            .openapi("OrganizationContact"),
        },
      },
    },
  },
  responses: {
    200: json(OrganizationSchema, "The organization with its new contact"),
    ...errorResponses([400, 401, 403, 404, 503]),
  },
});

const getOrganizationBoundary = createRoute({
  method: "get",
  path: "/organizations/{code}/boundary",
  tags: ["Registry"],
  summary: "Organisationens geografiska gräns / The organization's boundary (a region's is its county's)",
  request: { params: z.object({ code: OrganizationCodeSchema }) },
  responses: {
    200: geojson(BoundaryFeatureSchema, "GeoJSON Feature, WGS 84"),
    ...errorResponses([400, 404, 503]),
  },
});

const listLan = createRoute({
  method: "get",
  path: "/lan",
  tags: ["Registry"],
  summary: "Alla 21 län / All 21 counties",
  responses: {
    200: json(listSchema(LanSchema, "LanList"), "Counties ordered by code"),
    ...errorResponses([503]),
  },
});

const getLan = createRoute({
  method: "get",
  path: "/lan/{code}",
  tags: ["Registry"],
  summary: "Ett län med dess region och kommuner / One county with its region and municipalities",
  request: { params: z.object({ code: LanCodeSchema }) },
  responses: { 200: json(LanDetailSchema, "The county"), ...errorResponses([400, 404, 503]) },
});

const getLanBoundary = createRoute({
  method: "get",
  path: "/lan/{code}/boundary",
  tags: ["Registry"],
  summary: "Länets gräns / The county's boundary",
  request: { params: z.object({ code: LanCodeSchema }) },
  responses: {
    200: geojson(BoundaryFeatureSchema, "GeoJSON Feature, WGS 84"),
    ...errorResponses([400, 404, 503]),
  },
});

const listBoundaries = createRoute({
  method: "get",
  path: "/boundaries/{areaType}",
  tags: ["Registry"],
  summary: "Alla gränser för kommuner eller län / Every municipality or county boundary",
  request: { params: z.object({ areaType: z.enum(["kommun", "lan"]) }) },
  responses: {
    200: geojson(BoundaryCollectionSchema, "GeoJSON FeatureCollection, WGS 84"),
    ...errorResponses([400, 503]),
  },
});

function organizationJson(org: Organization) {
  return { ...org, types: [...org.types] };
}

function toFeature(boundary: Boundary, name: string, lanCode: string) {
  return {
    type: "Feature" as const,
    id: boundary.code,
    bbox: [...boundary.bbox],
    // Same shape; the domain type is readonly, the schema's output type is not.
    geometry: boundary.geometry as unknown as z.infer<typeof BoundaryFeatureSchema>["geometry"],
    properties: { code: boundary.code, name, lanCode },
  };
}

const GEOJSON_HEADERS = { "Content-Type": "application/geo+json; charset=utf-8" };
// Boundaries change when the reference data does, which is at most a deploy.
const BOUNDARY_CACHE = { "Cache-Control": "public, max-age=3600" };

export function registryApi(registry: RegistryService) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(listOrganizations, async (c) => {
    const { type, lan, q, limit, cursor } = c.req.valid("query");
    const page = await registry.listOrganizations({ type, lan: lan as LanKod | undefined, q, limit, cursor });
    return c.json({ ...page, items: page.items.map(organizationJson) }, 200);
  });

  app.openapi(getOrganization, async (c) =>
    c.json(organizationJson(await registry.getOrganization(c.req.valid("param").code)), 200),
  );

  app.openapi(putOrganizationContact, async (c) => {
    const { code } = c.req.valid("param");
    const principal = authorize(c, "publish", code);
    const org = await registry.updateContact(code, c.req.valid("json"), principal, clientAddress(c));
    return c.json(organizationJson(org), 200);
  });

  app.openapi(getOrganizationBoundary, async (c) => {
    const org = await registry.getOrganization(c.req.valid("param").code);
    const boundary =
      org.kommunKod !== null
        ? await registry.getBoundary("kommun", org.code)
        : await registry.getBoundary("lan", org.lanCode);
    return c.json(toFeature(boundary, org.name, org.lanCode), 200, { ...GEOJSON_HEADERS, ...BOUNDARY_CACHE });
  });

  app.openapi(listLan, async (c) => {
    const items = await registry.listLan();
    return c.json({ items, total: items.length, next: null }, 200);
  });

  app.openapi(getLan, async (c) => {
    const lan = await registry.getLan(c.req.valid("param").code);
    return c.json(
      {
        ...lan,
        region: lan.region === null ? null : organizationJson(lan.region),
        kommuner: lan.kommuner.map(organizationJson),
      },
      200,
    );
  });

  app.openapi(getLanBoundary, async (c) => {
    const lan = await registry.getLan(c.req.valid("param").code);
    const boundary = await registry.getBoundary("lan", lan.code);
    return c.json(toFeature(boundary, lan.name, lan.code), 200, { ...GEOJSON_HEADERS, ...BOUNDARY_CACHE });
  });

  app.openapi(listBoundaries, async (c) => {
    const { areaType } = c.req.valid("param");
    const boundaries = await registry.listBoundaries(areaType);
    const names = new Map<string, { name: string; lanCode: string }>();
    if (areaType === "kommun") {
      const page = await registry.listOrganizations({ type: "kommun", limit: 1000 });
      for (const org of page.items) names.set(org.code, { name: org.name, lanCode: org.lanCode });
    } else {
      for (const lan of await registry.listLan()) names.set(lan.code, { name: lan.name, lanCode: lan.code });
    }
    const features = boundaries.map((b) => {
      const named = names.get(b.code);
      return toFeature(b, named?.name ?? b.code, named?.lanCode ?? b.code.slice(0, 2));
    });
    return c.json({ type: "FeatureCollection" as const, features }, 200, {
      ...GEOJSON_HEADERS,
      ...BOUNDARY_CACHE,
    });
  });

  return app;
}
