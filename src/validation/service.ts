import type { RegistryService } from "../registry/index.ts";
import type { SpecsService } from "../specs/index.ts";
import { fix, type FixedCsv } from "./fix.ts";
import type { RowSet } from "./row-set.ts";
import type { ByteSource, TableFormat, ValidationReport } from "./types.ts";
import { validate } from "./validator.ts";

export interface ValidationRequest {
  readonly slug: string;
  /** The latest version when undefined. */
  readonly version?: string | undefined;
  /** Sniffed from the first bytes when undefined. */
  readonly format?: TableFormat | undefined;
  /** The publisher, when known: points outside its area become warnings. */
  readonly organizationCode?: string | undefined;
  /** Filled with the row numbers that have errors. */
  readonly errorRows?: RowSet | undefined;
}

/**
 * Validation against a published specification, with the registry's codes and boundaries.
 * The API, the web page and the CLI all validate through this.
 */
export class ValidationService {
  constructor(
    private readonly specs: SpecsService,
    private readonly registry: RegistryService,
  ) {}

  async validate(source: ByteSource, request: ValidationRequest): Promise<ValidationReport> {
    const [spec, knownOrganizationCodes, organizationAreas] = await Promise.all([
      this.specs.getSpecification(request.slug, request.version),
      this.registry.organizationCodes(),
      this.registry.organizationAreas(),
    ]);
    return validate(source, spec.definition, {
      knownOrganizationCodes,
      organizationAreas,
      ...(request.format === undefined ? {} : { format: request.format }),
      ...(request.organizationCode === undefined ? {} : { organizationCode: request.organizationCode }),
      ...(request.errorRows === undefined ? {} : { errorRows: request.errorRows }),
    });
  }

  /** The file with its mechanical problems fixed, as UTF-8 CSV. */
  async fix(source: ByteSource, request: ValidationRequest): Promise<FixedCsv> {
    const [spec, knownOrganizationCodes] = await Promise.all([
      this.specs.getSpecification(request.slug, request.version),
      this.registry.organizationCodes(),
    ]);
    return fix(source, spec.definition, {
      knownOrganizationCodes,
      ...(request.format === undefined ? {} : { format: request.format }),
    });
  }
}
