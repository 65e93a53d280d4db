// Exit codes of spire-helper, one per cause a systemd unit or a script may want to tell apart. oclif
// already exits 2 on flag parse errors, so configuration errors keep that number.
import type { HelperErrorCode } from './errors.js';

export const ExitCode = {
  OK: 0,
  /** A bug or an error nobody classified; the message says what happened. */
  INTERNAL: 1,
  /** Bad flags, arguments, preset or endpoint address; nothing was contacted or written. */
  CONFIG: 2,
  /** The Workload API could not be reached (or refused the call) for the whole --wait-timeout. */
  AGENT_UNREACHABLE: 3,
  /** The agent has no identity for this workload, or none matching --spiffe-id / --hint. */
  NO_IDENTITY: 4,
  /** An SVID, key or bundle failed validation (chain, key match, SPIFFE ID, SANs, expiry). */
  VALIDATION: 5,
  /** Writing an output file or directory failed. */
  WRITE: 6,
  /** The agent accepted the connection but sent nothing within --wait-timeout. */
  TIMEOUT: 7,
  /** `check`: the files are valid but expire within --min-valid. */
  EXPIRING: 8,
  /** Files were written, but a reload hook (--exec, --reload-unit) failed. */
  HOOK_FAILED: 9,
} as const;

export type ExitCodeName = keyof typeof ExitCode;
export type ExitCodeValue = (typeof ExitCode)[ExitCodeName];

/** Returns the exit code for an error code (core's or the helper's own). */
export function exitCodeFor(code: HelperErrorCode): ExitCodeValue {
  switch (code) {
    case 'CONFIG_INVALID':
      return ExitCode.CONFIG;
    case 'WORKLOAD_API_UNAVAILABLE':
    case 'WORKLOAD_API_INVALID_ARGUMENT':
    case 'WORKLOAD_API_UNIMPLEMENTED':
      return ExitCode.AGENT_UNREACHABLE;
    case 'NO_IDENTITY':
    case 'SVID_NOT_FOUND':
      return ExitCode.NO_IDENTITY;
    case 'SPIFFEID_INVALID':
    case 'PEM_INVALID':
    case 'KEY_INVALID':
    case 'KEY_MISMATCH':
    case 'BUNDLE_INVALID':
    case 'SVID_INVALID':
    case 'JWT_INVALID':
    case 'CHAIN_UNTRUSTED':
    case 'ID_MISMATCH':
    case 'SAN_MISSING':
    case 'FILE_MISSING':
      return ExitCode.VALIDATION;
    case 'WRITE_FAILED':
      return ExitCode.WRITE;
    case 'TIMEOUT':
      return ExitCode.TIMEOUT;
    case 'EXPIRING_SOON':
      return ExitCode.EXPIRING;
    case 'HOOK_FAILED':
      return ExitCode.HOOK_FAILED;
    case 'CANCELLED':
    case 'INTERNAL':
    case 'SPIRE_API_UNAVAILABLE':
    case 'SPIRE_API_DENIED':
    case 'SPIRE_API_UNAUTHENTICATED':
    case 'SPIRE_API_NOT_FOUND':
    case 'SPIRE_API_ALREADY_EXISTS':
    case 'SPIRE_API_INVALID_ARGUMENT':
    case 'SPIRE_API_FAILED_PRECONDITION':
    case 'SPIRE_API_FAILED':
      return ExitCode.INTERNAL;
  }
}
