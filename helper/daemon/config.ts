// The `spire-helper run` configuration file: YAML (or JSON, which is YAML too, chosen by a .json name)
// listing the outputs one daemon keeps up to date. Keys are snake_case; every value is checked here, before
// the agent is contacted, and every error names the file and the key path (`outputs[2].key_mode`), so a
// systemd unit fails at start with one line that says what to fix. Unknown keys are errors: a typo must not
// silently drop a setting (spiffe-helper-rust ignores unknown keys; spiffe-helper Go refuses them).
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { isIP } from 'node:net';
import { parseDocument } from 'yaml';
import { SpiffeId, TrustDomain } from '../../src/core/spiffeid/index.js';
import { HelperError } from '../errors.js';
import { DEFAULT_DIR_MODE, resolveAccess, type ResolvedAccess } from '../flags.js';
import { splitCommand, type ExecHook, type HookPlan } from '../hooks.js';
import type { FileAccess } from '../outputs/atomic-write.js';
import { findPreset, PRESET_NAMES, type Preset } from '../outputs/presets.js';
import { resolveGroup, resolveUser, type AccountDatabases } from '../outputs/ownership.js';
import { KEY_FORMATS, LAYOUTS, type SvidOutputOptions } from '../outputs/svid-files.js';
import { readExtraCaFile, type ExtraCa } from '../outputs/trust.js';
import type { SvidSelector } from '../select.js';
import { checkKeyMode, parseDuration, parseMode } from '../values.js';
import type { Expectations } from '../verify.js';

const MODULE = 'config';

export const DEFAULT_DEBOUNCE_MS = 2000;
export const DEFAULT_HOOK_TIMEOUT_MS = 120_000;
export const DEFAULT_TOKEN_MODE = 0o600;

/** What happens to an output's files when the agent stops returning its identity. */
export type WithdrawPolicy = 'keep' | 'remove';

/** Hooks of one output and how bursts of changes are coalesced. */
export interface OutputHooks {
  readonly plan: HookPlan;
  /** Quiet time after the last change before the hooks run. */
  readonly debounceMs: number;
}

interface OutputBase {
  /** Unique name: logs, metrics labels, STATUS=, the health report. */
  readonly name: string;
  /** Where it was configured, e.g. "outputs[2]". */
  readonly key: string;
  readonly hooks: OutputHooks;
}

export interface KubeconfigOutput {
  readonly path: string;
  readonly server: string;
  readonly clusterName: string;
  readonly userName: string;
  readonly contextName: string;
  readonly embed: boolean;
  readonly access: FileAccess;
  readonly dirAccess: FileAccess;
}

/** An X509-SVID written as <base>.pem, <base>-key.pem, <base>-ca.pem (cert fetch's files). */
export interface X509Output extends OutputBase {
  readonly type: 'x509';
  readonly selector: SvidSelector;
  readonly expect: Expectations;
  readonly files: SvidOutputOptions;
  readonly onWithdraw: WithdrawPolicy;
  readonly kubeconfig?: KubeconfigOutput;
}

/** The X.509 bundles of the workload: one PEM file per trust domain, <dir>/<trust-domain>.pem. */
export interface BundlesOutput extends OutputBase {
  readonly type: 'bundles';
  readonly dir: string;
  /** Only these trust domains (names); undefined: every trust domain the agent sends. */
  readonly trustDomains?: readonly string[];
  readonly access: FileAccess;
  readonly dirAccess: FileAccess;
}

/** A JWT-SVID for an audience, written to one file and fetched again before it expires. */
export interface JwtOutput extends OutputBase {
  readonly type: 'jwt';
  readonly path: string;
  readonly audience: readonly string[];
  readonly spiffeId?: string;
  readonly hint?: string;
  /** Fetch a new token when less than this is left; undefined: at half of the token's lifetime. */
  readonly refreshBeforeMs?: number;
  readonly access: FileAccess;
  readonly dirAccess: FileAccess;
  readonly onWithdraw: WithdrawPolicy;
}

export type OutputConfig = X509Output | BundlesOutput | JwtOutput;

export type HealthListen =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'unix'; readonly path: string };

export interface DaemonConfig {
  /** The file it was read from. */
  readonly file: string;
  /** Workload API endpoint; undefined: SPIFFE_ENDPOINT_SOCKET. */
  readonly endpoint?: string;
  readonly health?: HealthListen;
  /** Prometheus textfile-collector file. */
  readonly metricsFile?: string;
  readonly outputs: readonly OutputConfig[];
}

export interface LoadOptions {
  /** passwd/group files for owner and group names (tests). */
  readonly accounts?: AccountDatabases;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Returns the configuration in `file` after validating all of it; CONFIG_INVALID names the key. */
export async function loadConfig(file: string, options: LoadOptions = {}): Promise<DaemonConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new HelperError('CONFIG_INVALID', MODULE, `cannot read ${file}: ${reason}`, {
      cause,
      details: { file },
    });
  }
  return parseConfig(text, file, options);
}

/** Returns the configuration written in `text` (YAML, or JSON when `file` ends in .json). */
export async function parseConfig(
  text: string,
  file: string,
  options: LoadOptions = {},
): Promise<DaemonConfig> {
  const raw = file.endsWith('.json') ? parseJson(text, file) : parseYaml(text, file);
  return new Reader(file, options.accounts ?? {}).config(raw);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new HelperError('CONFIG_INVALID', MODULE, `${file}: not valid JSON: ${reason}`, {
      cause,
      details: { file },
    });
  }
}

function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const [first] = doc.errors;
  if (first !== undefined) {
    const at = first.linePos?.[0];
    const where = at === undefined ? '' : ` at line ${at.line}, column ${at.col}`;
    throw new HelperError(
      'CONFIG_INVALID',
      MODULE,
      `${file}: not valid YAML${where}: ${(first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      { details: { file, ...(at === undefined ? {} : { line: at.line, column: at.col }) } },
    );
  }
  return doc.toJS() as unknown;
}

const TOP_KEYS = [
  'endpoint',
  'on_withdraw',
  'debounce',
  'hook_timeout',
  'systemctl',
  'health',
  'metrics',
  'kubeconfig',
  'extra_ca_files',
  'outputs',
] as const;
const COMMON_OUTPUT_KEYS = [
  'name',
  'type',
  'owner',
  'group',
  'mode',
  'reload_units',
  'exec',
  'exec_shell',
  'debounce',
  'hook_timeout',
] as const;
const X509_KEYS = [
  ...COMMON_OUTPUT_KEYS,
  'preset',
  'base',
  'spiffe_id',
  'hint',
  'dns',
  'ips',
  'key_mode',
  'key_format',
  'layout',
  'federated',
  'on_withdraw',
  'kubeconfig',
  'extra_ca_files',
] as const;
const BUNDLES_KEYS = [...COMMON_OUTPUT_KEYS, 'dir', 'trust_domains'] as const;
const JWT_KEYS = [
  ...COMMON_OUTPUT_KEYS,
  'path',
  'audience',
  'spiffe_id',
  'hint',
  'refresh_before',
  'on_withdraw',
] as const;
const KUBECONFIG_KEYS = [
  'path',
  'server',
  'embed',
  'mode',
  'owner',
  'group',
  'cluster_name',
  'user_name',
  'context_name',
] as const;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

interface Defaults {
  readonly onWithdraw: WithdrawPolicy;
  readonly debounceMs: number;
  readonly hookTimeoutMs: number;
  readonly systemctl?: string;
  readonly kubeServer?: string;
  /** CA certificates added to every x509 output's CA file (dual trust) unless it lists its own. */
  readonly extraCas: readonly ExtraCa[];
}

/** Walks the parsed document; each method receives a value and the key path it sits at. */
class Reader {
  readonly #file: string;
  readonly #accounts: AccountDatabases;
  /** Extra CA files read so far: outputs often name the same file. */
  readonly #extraCaFiles = new Map<string, ExtraCa[]>();

  constructor(file: string, accounts: AccountDatabases) {
    this.#file = file;
    this.#accounts = accounts;
  }

  fail(key: string, message: string, extra: Record<string, unknown> = {}): HelperError {
    return new HelperError('CONFIG_INVALID', MODULE, `${this.#file}: ${key}: ${message}`, {
      details: { file: this.#file, key, ...extra },
    });
  }

  async config(raw: unknown): Promise<DaemonConfig> {
    const top = this.object(raw, '(top level)', TOP_KEYS);
    const endpoint = this.optionalString(top, 'endpoint', 'endpoint');
    const kube =
      top['kubeconfig'] === undefined ? undefined : this.object(top['kubeconfig'], 'kubeconfig', ['server']);
    const systemctl = this.optionalString(top, 'systemctl', 'systemctl');
    const kubeServer = kube === undefined ? undefined : this.optionalUrl(kube, 'server', 'kubeconfig.server');
    const defaults: Defaults = {
      onWithdraw: this.withdrawPolicy(top['on_withdraw'], 'on_withdraw') ?? 'keep',
      debounceMs: this.optionalDuration(top, 'debounce', 'debounce') ?? DEFAULT_DEBOUNCE_MS,
      hookTimeoutMs: this.optionalDuration(top, 'hook_timeout', 'hook_timeout') ?? DEFAULT_HOOK_TIMEOUT_MS,
      ...(systemctl === undefined ? {} : { systemctl }),
      ...(kubeServer === undefined ? {} : { kubeServer }),
      extraCas: (await this.extraCas(top['extra_ca_files'], 'extra_ca_files')) ?? [],
    };
    const health = top['health'] === undefined ? undefined : this.health(top['health']);
    let metricsFile: string | undefined;
    if (top['metrics'] !== undefined) {
      const metrics = this.object(top['metrics'], 'metrics', ['textfile']);
      metricsFile = this.absolutePath(metrics['textfile'], 'metrics.textfile');
      if (!metricsFile.endsWith('.prom')) {
        // node_exporter's textfile collector reads only *.prom files.
        throw this.fail('metrics.textfile', `${JSON.stringify(metricsFile)} must end in .prom`);
      }
    }
    const list = top['outputs'];
    if (!Array.isArray(list) || list.length === 0) {
      throw this.fail('outputs', 'is required: a list with at least one output');
    }
    const outputs: OutputConfig[] = [];
    for (const [index, item] of list.entries()) {
      outputs.push(await this.output(item, `outputs[${index}]`, defaults));
    }
    this.checkUnique(outputs);
    return {
      file: this.#file,
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(health === undefined ? {} : { health }),
      ...(metricsFile === undefined ? {} : { metricsFile }),
      outputs,
    };
  }

  /** Returns the HTTP health listener: loopback TCP only (never every interface) or a unix socket. */
  health(raw: unknown): HealthListen {
    const health = this.object(raw, 'health', ['listen']);
    const listen = this.requiredString(health, 'listen', 'health.listen');
    if (listen.startsWith('unix://') || listen.startsWith('/')) {
      const path = listen.startsWith('unix://') ? listen.slice('unix://'.length) : listen;
      if (!isAbsolute(path)) {
        throw this.fail('health.listen', `${JSON.stringify(listen)}: a unix socket needs an absolute path`);
      }
      return { kind: 'unix', path };
    }
    const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):([0-9]{1,5})$/.exec(listen);
    const host = match?.[1] ?? match?.[2];
    const port = Number(match?.[3]);
    if (host === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
      throw this.fail(
        'health.listen',
        `${JSON.stringify(listen)} is not an address; expected 127.0.0.1:PORT, [::1]:PORT, localhost:PORT or unix:///path`,
      );
    }
    const loopback =
      host === 'localhost' ||
      (isIP(host) === 4 && host.startsWith('127.')) ||
      (isIP(host) === 6 && host === '::1');
    if (!loopback) {
      throw this.fail(
        'health.listen',
        `${JSON.stringify(listen)} is not a loopback address; the health endpoint listens on 127.0.0.0/8, ::1, localhost or a unix socket only`,
      );
    }
    return { kind: 'tcp', host, port };
  }

  async output(raw: unknown, key: string, defaults: Defaults): Promise<OutputConfig> {
    const loose = this.object(raw, key, undefined);
    const type = loose['type'] ?? 'x509';
    if (type === 'x509') return this.x509(this.object(raw, key, X509_KEYS), key, defaults);
    if (type === 'bundles') return this.bundles(this.object(raw, key, BUNDLES_KEYS), key, defaults);
    if (type === 'jwt') return this.jwt(this.object(raw, key, JWT_KEYS), key, defaults);
    throw this.fail(`${key}.type`, `${JSON.stringify(type)} is not x509, bundles or jwt`);
  }

  async x509(obj: JsonObject, key: string, defaults: Defaults): Promise<X509Output> {
    const presetName = this.optionalString(obj, 'preset', `${key}.preset`);
    let preset: Preset | undefined;
    if (presetName !== undefined) {
      preset = findPreset(presetName);
      if (preset === undefined) {
        throw this.fail(
          `${key}.preset`,
          `${JSON.stringify(presetName)} is not a preset; known: ${PRESET_NAMES.join(', ')}`,
        );
      }
    }
    const baseValue = obj['base'] ?? preset?.base;
    if (baseValue === undefined) throw this.fail(`${key}.base`, 'is required (or give a preset)');
    const base = this.absolutePath(baseValue, `${key}.base`);
    if (base.endsWith('/')) {
      throw this.fail(
        `${key}.base`,
        `${JSON.stringify(base)} names a directory; give a base path such as ${base}kubelet`,
      );
    }
    const spiffeId = this.optionalSpiffeId(obj, 'spiffe_id', `${key}.spiffe_id`);
    const hint =
      this.optionalString(obj, 'hint', `${key}.hint`) ?? (spiffeId === undefined ? preset?.hint : undefined);
    const name = this.name(obj, key, preset?.name ?? basename(base));
    const access = await this.access(obj, key, preset);
    const keyFormat = this.oneOf(obj['key_format'], `${key}.key_format`, KEY_FORMATS) ?? 'pkcs8';
    const layout = this.oneOf(obj['layout'], `${key}.layout`, LAYOUTS) ?? 'versioned';
    const federated = this.optionalBoolean(obj, 'federated', `${key}.federated`) ?? false;
    const dns = this.stringList(obj['dns'], `${key}.dns`) ?? [];
    const ips = this.stringList(obj['ips'], `${key}.ips`) ?? [];
    for (const [i, ip] of ips.entries()) {
      if (isIP(ip) === 0) throw this.fail(`${key}.ips[${i}]`, `${JSON.stringify(ip)} is not an IP address`);
    }
    const hooks = this.hooks(obj, key, defaults, {
      reloadUnits: preset?.reloadUnits ?? [],
      exec: preset?.exec ?? [],
    });
    // An output's own list replaces the top-level one ([] opts out of dual trust).
    const extraCas =
      (await this.extraCas(obj['extra_ca_files'], `${key}.extra_ca_files`)) ?? defaults.extraCas;
    const kubeconfig =
      obj['kubeconfig'] === undefined || obj['kubeconfig'] === false
        ? undefined
        : await this.kubeconfig(obj['kubeconfig'], `${key}.kubeconfig`, preset, name, defaults);
    return {
      type: 'x509',
      name,
      key,
      selector: {
        ...(spiffeId === undefined ? {} : { spiffeId }),
        ...(hint === undefined ? {} : { hint }),
      },
      expect: { ...(spiffeId === undefined ? {} : { spiffeId }), dns, ips },
      files: { base, layout, keyFormat, federated, extraCas, ...access },
      onWithdraw: this.withdrawPolicy(obj['on_withdraw'], `${key}.on_withdraw`) ?? defaults.onWithdraw,
      hooks,
      ...(kubeconfig === undefined ? {} : { kubeconfig }),
    };
  }

  /**
   * Returns the CA certificates of a list of extra CA files (absolute paths, each a PEM file of CA
   * certificates), each certificate once, or undefined when the key is absent.
   */
  async extraCas(raw: Json | undefined, key: string): Promise<ExtraCa[] | undefined> {
    const files = this.stringList(raw, key);
    if (files === undefined) return undefined;
    const all: ExtraCa[] = [];
    for (const [i, item] of files.entries()) {
      const file = this.absolutePath(item, `${key}[${i}]`);
      let cas = this.#extraCaFiles.get(file);
      if (cas === undefined) {
        try {
          cas = await readExtraCaFile(file);
        } catch (err) {
          throw this.fromFlagError(err, `${key}[${i}]`, {});
        }
        this.#extraCaFiles.set(file, cas);
      }
      for (const ca of cas) if (!all.some((known) => known.fingerprint === ca.fingerprint)) all.push(ca);
    }
    return all;
  }

  async kubeconfig(
    raw: Json,
    key: string,
    preset: Preset | undefined,
    outputName: string,
    defaults: Defaults,
  ): Promise<KubeconfigOutput> {
    const obj = raw === true ? {} : this.object(raw, key, KUBECONFIG_KEYS);
    const pathValue = obj['path'] ?? preset?.kubeconfig?.path;
    if (pathValue === undefined) {
      throw this.fail(
        `${key}.path`,
        `is required (${preset === undefined ? 'no preset' : `preset ${preset.name} has no kubeconfig`})`,
      );
    }
    const path = this.absolutePath(pathValue, `${key}.path`);
    const server = this.optionalUrl(obj, 'server', `${key}.server`) ?? defaults.kubeServer;
    if (server === undefined) {
      throw this.fail(
        `${key}.server`,
        'is required: the API server URL (here or as kubeconfig.server at the top level)',
      );
    }
    const embed = this.optionalBoolean(obj, 'embed', `${key}.embed`) ?? false;
    const mode =
      obj['mode'] === undefined
        ? embed
          ? 0o600
          : (preset?.kubeconfig?.mode ?? 0o640)
        : this.mode(obj['mode'], `${key}.mode`);
    if (embed) this.keyMode(mode, `${key}.mode`);
    const uid =
      obj['owner'] === undefined ? preset?.kubeconfig?.uid : await this.user(obj['owner'], `${key}.owner`);
    const gid =
      obj['group'] === undefined ? preset?.kubeconfig?.gid : await this.group(obj['group'], `${key}.group`);
    const owner = { ...(uid === undefined ? {} : { uid }), ...(gid === undefined ? {} : { gid }) };
    return {
      path,
      server,
      clusterName: this.optionalString(obj, 'cluster_name', `${key}.cluster_name`) ?? 'default',
      userName:
        this.optionalString(obj, 'user_name', `${key}.user_name`) ??
        preset?.kubeconfig?.userName ??
        outputName,
      contextName: this.optionalString(obj, 'context_name', `${key}.context_name`) ?? 'default',
      embed,
      access: { mode, ...owner },
      dirAccess: { mode: DEFAULT_DIR_MODE, ...owner },
    };
  }

  async bundles(obj: JsonObject, key: string, defaults: Defaults): Promise<BundlesOutput> {
    const name = this.name(obj, key, undefined);
    if (obj['dir'] === undefined)
      throw this.fail(`${key}.dir`, 'is required: the directory for <trust-domain>.pem files');
    const dir = this.absolutePath(obj['dir'], `${key}.dir`);
    const trustDomains = this.stringList(obj['trust_domains'], `${key}.trust_domains`);
    for (const [i, td] of (trustDomains ?? []).entries()) {
      try {
        TrustDomain.parse(td);
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        throw this.fail(
          `${key}.trust_domains[${i}]`,
          `${JSON.stringify(td)} is not a trust domain name: ${reason}`,
        );
      }
    }
    const access = await this.plainAccess(obj, key, 0o644);
    return {
      type: 'bundles',
      name,
      key,
      dir,
      ...(trustDomains === undefined
        ? {}
        : { trustDomains: trustDomains.map((td) => TrustDomain.parse(td).name) }),
      ...access,
      hooks: this.hooks(obj, key, defaults, { reloadUnits: [], exec: [] }),
    };
  }

  async jwt(obj: JsonObject, key: string, defaults: Defaults): Promise<JwtOutput> {
    const name = this.name(obj, key, undefined);
    if (obj['path'] === undefined)
      throw this.fail(`${key}.path`, 'is required: the file to write the token to');
    const path = this.absolutePath(obj['path'], `${key}.path`);
    const audienceRaw = obj['audience'];
    const audience =
      typeof audienceRaw === 'string' ? [audienceRaw] : this.stringList(audienceRaw, `${key}.audience`);
    if (audience === undefined || audience.length === 0 || audience.some((a) => a === '')) {
      throw this.fail(`${key}.audience`, 'is required: one audience or a list of them, none empty');
    }
    const spiffeId = this.optionalSpiffeId(obj, 'spiffe_id', `${key}.spiffe_id`);
    const hint = this.optionalString(obj, 'hint', `${key}.hint`);
    const refreshBeforeMs = this.optionalDuration(obj, 'refresh_before', `${key}.refresh_before`);
    const access = await this.plainAccess(obj, key, DEFAULT_TOKEN_MODE);
    // A bearer token is a secret like a private key.
    this.keyMode(access.access.mode, `${key}.mode`);
    return {
      type: 'jwt',
      name,
      key,
      path,
      audience,
      ...(spiffeId === undefined ? {} : { spiffeId }),
      ...(hint === undefined ? {} : { hint }),
      ...(refreshBeforeMs === undefined ? {} : { refreshBeforeMs }),
      ...access,
      onWithdraw: this.withdrawPolicy(obj['on_withdraw'], `${key}.on_withdraw`) ?? defaults.onWithdraw,
      hooks: this.hooks(obj, key, defaults, { reloadUnits: [], exec: [] }),
    };
  }

  hooks(
    obj: JsonObject,
    key: string,
    defaults: Defaults,
    fallback: { reloadUnits: readonly string[]; exec: readonly ExecHook[] },
  ): OutputHooks {
    const units = this.stringList(obj['reload_units'], `${key}.reload_units`);
    const shell = this.optionalBoolean(obj, 'exec_shell', `${key}.exec_shell`) ?? false;
    const commands = this.stringList(obj['exec'], `${key}.exec`);
    const exec = commands === undefined ? fallback.exec : commands.map((command) => ({ command, shell }));
    for (const [i, hook] of exec.entries()) {
      if (hook.shell) continue;
      try {
        splitCommand(hook.command);
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message.replace(/^hooks: --exec /, '') : String(cause);
        throw this.fail(`${key}.exec[${i}]`, reason);
      }
    }
    return {
      plan: {
        reloadUnits: units ?? fallback.reloadUnits,
        exec,
        ...(defaults.systemctl === undefined ? {} : { systemctl: defaults.systemctl }),
        timeoutMs:
          this.optionalDuration(obj, 'hook_timeout', `${key}.hook_timeout`) ?? defaults.hookTimeoutMs,
      },
      debounceMs: this.optionalDuration(obj, 'debounce', `${key}.debounce`) ?? defaults.debounceMs,
    };
  }

  async access(obj: JsonObject, key: string, preset: Preset | undefined): Promise<ResolvedAccess> {
    const values = {
      owner: this.idText(obj['owner'], `${key}.owner`),
      group: this.idText(obj['group'], `${key}.group`),
      mode: this.modeText(obj['mode'], `${key}.mode`),
      keyMode: this.modeText(obj['key_mode'], `${key}.key_mode`),
    };
    try {
      return await resolveAccess(values, preset, this.#accounts);
    } catch (err) {
      throw this.fromFlagError(err, key, {
        owner: 'owner',
        group: 'group',
        mode: 'mode',
        'key-mode': 'key_mode',
      });
    }
  }

  async plainAccess(
    obj: JsonObject,
    key: string,
    defaultMode: number,
  ): Promise<{ access: FileAccess; dirAccess: FileAccess }> {
    const mode = obj['mode'] === undefined ? defaultMode : this.mode(obj['mode'], `${key}.mode`);
    const uid = obj['owner'] === undefined ? undefined : await this.user(obj['owner'], `${key}.owner`);
    const gid = obj['group'] === undefined ? undefined : await this.group(obj['group'], `${key}.group`);
    const owner = { ...(uid === undefined ? {} : { uid }), ...(gid === undefined ? {} : { gid }) };
    return { access: { mode, ...owner }, dirAccess: { mode: DEFAULT_DIR_MODE, ...owner } };
  }

  async user(raw: Json, key: string): Promise<number> {
    try {
      return await resolveUser(this.idText(raw, key) ?? '', 'owner', this.#accounts);
    } catch (err) {
      throw this.fromFlagError(err, key, {});
    }
  }

  async group(raw: Json, key: string): Promise<number> {
    try {
      return await resolveGroup(this.idText(raw, key) ?? '', 'group', this.#accounts);
    } catch (err) {
      throw this.fromFlagError(err, key, {});
    }
  }

  /** Re-states a flag parser's error (`flags: --mode "rw" is not valid; ...`) for a config key. */
  fromFlagError(err: unknown, key: string, keys: Readonly<Record<string, string>>): HelperError {
    if (!(err instanceof HelperError) || err.code !== 'CONFIG_INVALID') {
      return err instanceof HelperError ? err : this.fail(key, String(err));
    }
    const flag = typeof err.details['flag'] === 'string' ? err.details['flag'] : undefined;
    const sub = flag === undefined ? undefined : keys[flag];
    const at = sub === undefined ? key : `${key}.${sub}`;
    const text = err.message.replace(/^flags: --[a-z-]+ /, '');
    return this.fail(at, text);
  }

  mode(raw: Json, key: string): number {
    const text = this.modeText(raw, key) ?? '';
    try {
      return parseMode(text, 'mode');
    } catch (err) {
      throw this.fromFlagError(err, key, {});
    }
  }

  keyMode(mode: number, key: string): void {
    try {
      checkKeyMode(mode, 'mode');
    } catch (err) {
      throw this.fromFlagError(err, key, {});
    }
  }

  /** Returns a mode as octal text; YAML reads 0644 as the number 420 and 644 as 644, JSON has no octal. */
  modeText(raw: Json | undefined, key: string): string | undefined {
    if (raw === undefined) return undefined;
    if (typeof raw === 'string') return raw;
    if (typeof raw === 'number' && Number.isInteger(raw)) {
      throw this.fail(key, `${raw} is a number; write the mode as a quoted octal string such as "0644"`);
    }
    throw this.fail(key, `expected an octal mode string such as "0644", got ${describe(raw)}`);
  }

  idText(raw: Json | undefined, key: string): string | undefined {
    if (raw === undefined) return undefined;
    if (typeof raw === 'string') return raw;
    if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return String(raw);
    throw this.fail(key, `expected a user or group name or number, got ${describe(raw)}`);
  }

  name(obj: JsonObject, key: string, fallback: string | undefined): string {
    const name = this.optionalString(obj, 'name', `${key}.name`) ?? fallback;
    if (name === undefined) throw this.fail(`${key}.name`, 'is required for this output type');
    if (!NAME.test(name)) {
      throw this.fail(`${key}.name`, `${JSON.stringify(name)} must be letters, digits, ".", "_" or "-"`);
    }
    return name;
  }

  checkUnique(outputs: readonly OutputConfig[]): void {
    const names = new Map<string, string>();
    const paths = new Map<string, string>();
    const claim = (path: string, key: string): void => {
      const other = paths.get(path);
      if (other !== undefined) throw this.fail(key, `writes ${path}, which ${other} writes too`);
      paths.set(path, key);
    };
    for (const output of outputs) {
      const other = names.get(output.name);
      if (other !== undefined) {
        throw this.fail(
          `${output.key}.name`,
          `${JSON.stringify(output.name)} is also the name of ${other}; give each output its own name`,
        );
      }
      names.set(output.name, output.key);
      switch (output.type) {
        case 'x509':
          claim(output.files.base, `${output.key}.base`);
          if (output.kubeconfig !== undefined) claim(output.kubeconfig.path, `${output.key}.kubeconfig.path`);
          break;
        case 'bundles':
          claim(output.dir, `${output.key}.dir`);
          break;
        case 'jwt':
          claim(output.path, `${output.key}.path`);
          break;
      }
    }
  }

  object(raw: unknown, key: string, known: readonly string[] | undefined): JsonObject {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw this.fail(key, `expected a mapping, got ${describe(raw as Json)}`);
    }
    const obj = raw as JsonObject;
    if (known !== undefined) {
      for (const name of Object.keys(obj)) {
        if (!known.includes(name)) {
          const at = key === '(top level)' ? name : `${key}.${name}`;
          throw this.fail(at, `unknown key; expected one of ${known.join(', ')}`);
        }
      }
    }
    return obj;
  }

  optionalString(obj: JsonObject, name: string, key: string): string | undefined {
    const raw = obj[name];
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string' || raw === '')
      throw this.fail(key, `expected a non-empty string, got ${describe(raw)}`);
    return raw;
  }

  requiredString(obj: JsonObject, name: string, key: string): string {
    const value = this.optionalString(obj, name, key);
    if (value === undefined) throw this.fail(key, 'is required');
    return value;
  }

  optionalBoolean(obj: JsonObject, name: string, key: string): boolean | undefined {
    const raw = obj[name];
    if (raw === undefined) return undefined;
    if (typeof raw !== 'boolean') throw this.fail(key, `expected true or false, got ${describe(raw)}`);
    return raw;
  }

  optionalDuration(obj: JsonObject, name: string, key: string): number | undefined {
    const raw = obj[name];
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string') {
      throw this.fail(key, `expected a duration string such as "2s" or "5m", got ${describe(raw)}`);
    }
    try {
      return parseDuration(raw, name);
    } catch (err) {
      throw this.fromFlagError(err, key, {});
    }
  }

  optionalSpiffeId(obj: JsonObject, name: string, key: string): string | undefined {
    const raw = this.optionalString(obj, name, key);
    if (raw === undefined) return undefined;
    try {
      return SpiffeId.parse(raw).toString();
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw this.fail(key, `${JSON.stringify(raw)} is not a SPIFFE ID: ${reason}`);
    }
  }

  optionalUrl(obj: JsonObject, name: string, key: string): string | undefined {
    const raw = this.optionalString(obj, name, key);
    if (raw === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw this.fail(key, `${JSON.stringify(raw)} is not a URL; expected https://host:port`);
    }
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') {
      throw this.fail(key, `${JSON.stringify(raw)} must be an https:// URL without user or password`);
    }
    return raw;
  }

  absolutePath(raw: Json | undefined, key: string): string {
    if (typeof raw !== 'string' || raw === '')
      throw this.fail(key, `expected an absolute path, got ${describe(raw ?? null)}`);
    if (!isAbsolute(raw)) throw this.fail(key, `${JSON.stringify(raw)} is not an absolute path`);
    return raw;
  }

  stringList(raw: Json | undefined, key: string): string[] | undefined {
    if (raw === undefined) return undefined;
    if (!Array.isArray(raw)) throw this.fail(key, `expected a list of strings, got ${describe(raw)}`);
    return raw.map((item, i) => {
      if (typeof item !== 'string' || item === '') {
        throw this.fail(`${key}[${i}]`, `expected a non-empty string, got ${describe(item)}`);
      }
      return item;
    });
  }

  oneOf<T extends string>(raw: Json | undefined, key: string, allowed: readonly T[]): T | undefined {
    if (raw === undefined) return undefined;
    if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) {
      throw this.fail(key, `${JSON.stringify(raw)} is not one of ${allowed.join(', ')}`);
    }
    return raw as T;
  }

  withdrawPolicy(raw: Json | undefined, key: string): WithdrawPolicy | undefined {
    return this.oneOf(raw, key, ['keep', 'remove'] as const);
  }
}

function describe(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
