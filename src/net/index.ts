// The platform's outbound HTTP(S): URL sources, DCAT harvesting and link checks all fetch through
// here, so that no user-supplied URL can reach an address inside our own network (SSRF).
export {
  FETCH_DEFAULTS,
  USER_AGENT,
  fetchUrl,
  fetchUrlBuffer,
  readBody,
  type FetchBody,
  type FetchBufferOk,
  type FetchBufferResult,
  type FetchNotModified,
  type FetchOk,
  type FetchOptions,
  type FetchResult,
  type ResponseFacts,
  type Resolver,
} from "./fetch.ts";
export {
  FetchError,
  fetchErrorToAppError,
  isFetchError,
  type FetchErrorKind,
  type FetchFailure,
  type FetchPlace,
} from "./errors.ts";
export {
  classifyAddress,
  isPublicAddress,
  type AddressClass,
  type AddressRange,
  type Embedding,
} from "./address.ts";
export { parseAllowedHost, parseAllowedHosts, type AllowedHost } from "./allow-list.ts";
