// Flags several commands share, and the step that turns their raw strings (plus a preset) into typed
// options. Values are parsed after oclif's own parsing, so every error names the flag in one line and a
// preset can fill whatever the command line left out.
import { Flags } from '@oclif/core';
import { SpiffeId } from '../src/core/spiffeid/index.js';
import { HelperError } from './errors.js';
import type { FileAccess } from './outputs/atomic-write.js';
import { findPreset, PRESET_NAMES, type Preset } from './outputs/presets.js';
import { resolveGroup, resolveUser, type AccountDatabases } from './outputs/ownership.js';
import { checkKeyMode, parseDuration, parseMode } from './values.js';

export const DEFAULT_CERT_MODE = 0o644;
export const DEFAULT_KEY_MODE = 0o600;
export const DEFAULT_DIR_MODE = 0o750;

export const endpointFlags = {
  socket: Flags.string({
    aliases: ['endpoint'],
    helpValue: 'ADDRESS',
    summary:
      'Workload API endpoint: unix:///path, unix:/path, /path or tcp://IP:port. Default: $SPIFFE_ENDPOINT_SOCKET.',
  }),
};

/** Returns the --extra-ca-file flag; `summary` says where the certificates go. */
export function extraCaFlags(summary: string) {
  return {
    'extra-ca-file': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      helpValue: 'FILE',
      summary,
    }),
  };
}

/** Returns the --preset flag; `summary` says what the command takes from the preset. */
export function presetFlags(summary: string) {
  return { preset: Flags.string({ options: [...PRESET_NAMES], summary }) };
}

export const selectionFlags = {
  'spiffe-id': Flags.string({
    helpValue: 'SPIFFE_ID',
    summary: 'Use the X509-SVID with this SPIFFE ID (default: the first one the agent returns).',
  }),
  hint: Flags.string({
    summary: 'Use the X509-SVID whose registration entry has this hint (a preset sets its own name).',
  }),
};

export const sanFlags = {
  dns: Flags.string({
    char: 's',
    aliases: ['san-hosts'],
    multiple: true,
    multipleNonGreedy: true,
    delimiter: ',',
    helpValue: 'NAME',
    summary: 'DNS SAN the certificate must carry (repeat or comma-separate); fail validation otherwise.',
  }),
  ip: Flags.string({
    char: 'i',
    aliases: ['ip-sans'],
    multiple: true,
    multipleNonGreedy: true,
    delimiter: ',',
    helpValue: 'ADDRESS',
    summary: 'IP SAN the certificate must carry (repeat or comma-separate); fail validation otherwise.',
  }),
};

export const accessFlags = {
  owner: Flags.string({
    char: 'o',
    helpValue: 'USER',
    summary: 'Owner of the files and of directories created (name or uid).',
  }),
  group: Flags.string({
    char: 'g',
    helpValue: 'GROUP',
    summary: 'Group of the files and of directories created (name or gid).',
  }),
};

/** Returns the preset named by --preset, or undefined. */
export function presetOf(flags: { preset?: string | undefined }): Preset | undefined {
  if (flags.preset === undefined) return undefined;
  const preset = findPreset(flags.preset);
  if (preset === undefined) {
    throw new HelperError(
      'CONFIG_INVALID',
      'flags',
      `--preset ${JSON.stringify(flags.preset)} is not a known preset`,
    );
  }
  return preset;
}

/** Returns a SPIFFE ID flag value after checking its syntax (SPIFFE-ID.md §2). */
export function spiffeIdOf(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    return SpiffeId.parse(value).toString();
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new HelperError(
      'CONFIG_INVALID',
      'flags',
      `--${flag} ${JSON.stringify(value)} is not a SPIFFE ID: ${reason}`,
      {
        cause,
        details: { flag, value },
      },
    );
  }
}

/** Returns a duration flag in milliseconds, or `fallback` when the flag is unset. */
export function durationOf<T extends number | undefined>(
  value: string | undefined,
  flag: string,
  fallback: T,
): number | T {
  return value === undefined ? fallback : parseDuration(value, flag);
}

export interface AccessValues {
  readonly owner?: string | undefined;
  readonly group?: string | undefined;
  readonly mode?: string | undefined;
  readonly keyMode?: string | undefined;
}

export interface ResolvedAccess {
  readonly certAccess: FileAccess;
  readonly keyAccess: FileAccess;
  readonly dirAccess: FileAccess;
}

/**
 * Returns file and directory access from --owner/--group/--mode/--key-mode, falling back to the preset,
 * then to 0644 / 0600 / 0750 and the writer's own user and group.
 */
export async function resolveAccess(
  values: AccessValues,
  preset: Preset | undefined,
  db: AccountDatabases = {},
): Promise<ResolvedAccess> {
  const uid = values.owner !== undefined ? await resolveUser(values.owner, 'owner', db) : preset?.uid;
  const gid = values.group !== undefined ? await resolveGroup(values.group, 'group', db) : preset?.gid;
  const certMode =
    values.mode !== undefined ? parseMode(values.mode, 'mode') : (preset?.certMode ?? DEFAULT_CERT_MODE);
  const keyMode =
    values.keyMode !== undefined
      ? parseMode(values.keyMode, 'key-mode')
      : (preset?.keyMode ?? DEFAULT_KEY_MODE);
  checkKeyMode(keyMode, 'key-mode');
  const owner = { ...(uid === undefined ? {} : { uid }), ...(gid === undefined ? {} : { gid }) };
  return {
    certAccess: { mode: certMode, ...owner },
    keyAccess: { mode: keyMode, ...owner },
    dirAccess: { mode: DEFAULT_DIR_MODE, ...owner },
  };
}

/** Returns the output base path: the DEST argument, else the preset's, else a CONFIG_INVALID error. */
export function baseOf(dest: string | undefined, preset: Preset | undefined, what = 'DEST'): string {
  const base = dest ?? preset?.base;
  if (base === undefined || base === '') {
    throw new HelperError(
      'CONFIG_INVALID',
      'flags',
      `${what} is required: pass a base path (e.g. /etc/kubernetes/ssl/kubelet) or --preset`,
    );
  }
  if (base.endsWith('/')) {
    throw new HelperError(
      'CONFIG_INVALID',
      'flags',
      `${what} ${JSON.stringify(base)} names a directory; give a base path such as ${base}kubelet`,
    );
  }
  return base;
}
