// Public API of workloadapi: a client of the SPIFFE Workload API (SPIFFE_Workload_API.md) that locates
// the endpoint, sends the security header, retries per SPIFFE_Workload_Endpoint.md Appendix A and maps
// every response into core svid/bundle types. Proto types never leave this module.
export { resolveEndpoint, ENDPOINT_SOCKET_ENV, type WorkloadEndpoint, type EndpointKind } from './address.js';
export {
  LinearBackoff,
  systemClock,
  DEFAULT_INITIAL_BACKOFF_MS,
  DEFAULT_MAX_BACKOFF_MS,
  type BackoffOptions,
  type Clock,
} from './backoff.js';
export {
  WorkloadApiClient,
  type WorkloadApiClientOptions,
  type FetchOptions,
  type WatchOptions,
  type Watcher,
  type JwtSvidRequest,
  type JwtSvidValidation,
} from './client.js';
export type { X509Context, ValidatedJwtSvid, JsonValue } from './mapping.js';
