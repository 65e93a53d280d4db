// spire_cluster: the state of an HA SPIRE Server cluster, read member by member. For each server it
// reports liveness and readiness (the HTTP health listener, `health_checks` in server.conf) and whether
// its Server API answers; it fails when members disagree on the trust bundle, so a plan stops before
// touching a split cluster.
//
// What "agree" means: SPIRE servers of one HA cluster share one SQL datastore, which holds the trust
// bundle (spiffe/spire doc/scaling_spire.md), so GetBundle (bundle.v1, spire-api-sdk bundle.proto; allowed
// for any caller, pkg/server/authpolicy/policy_data.json) returns the same X.509 authorities from every
// member. Members answering with different authorities are not one cluster: different datastores, or a
// member restored from elsewhere. The check each member is reached over its own connection (no fail-over),
// over the unix socket or TCP + mTLS with the same settings the provider block takes.
//
// The data source dials its own connections; it does not use (or need) the provider's.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { X509Bundle, parseSpiffeBundle } from '../../src/core/bundle/index.js';
import { TrustDomain } from '../../src/core/spiffeid/index.js';
import type { AdminSvid, Bundle } from '../../src/core/spireapi/index.js';
import { dialSpireServer } from '../../src/core/spireapi/index.js';
import { parseX509Svid } from '../../src/core/svid/index.js';
import { WorkloadApiClient } from '../../src/core/workloadapi/index.js';
import { attribute, defineSchema, errorDetail, frameworkFor, validators } from '../framework/index.js';
import type { AttributePath, ConfigModel, Diagnostics, ModelOf } from '../framework/index.js';
import { ENV, parseAddresses } from '../provider-config.js';
import type { ProviderData } from '../provider-data.js';
import { bundleToPem } from '../bundle-formats.js';
import { spiffeId, trustDomainName } from '../validators.js';
import { absolutePath, known } from '../render/common.js';

const { defineDataSource } = frameworkFor<ProviderData>();

export const CLUSTER_DEFAULTS = {
  timeoutSeconds: 10,
  minReady: 1,
  livePath: '/live', // doc/spire_server.md §Health check configuration
  readyPath: '/ready',
  pollMs: 1000,
} as const;

export const clusterSchema = defineSchema({
  description:
    "An HA SPIRE Server cluster, read member by member: each server's liveness and readiness, and a check " +
    'that every member serves the same trust bundle (an error otherwise, which stops the plan).',
  attributes: {
    trust_domain: attribute.string({
      required: true,
      description: "The cluster's trust domain; every member must serve a bundle of it.",
      validators: [trustDomainName],
    }),
    members: attribute.listNested(
      {
        name: attribute.string({ optional: true, description: 'A name for messages. Default: the address.' }),
        address: attribute.string({
          required: true,
          description: "The member's Server API: `unix:///path/api.sock` or `host:port` (TCP + mTLS).",
        }),
        health_url: attribute.string({
          optional: true,
          description:
            'Base URL of its health listener (`http://10.0.1.10:8080`); `live_path` and `ready_path` are ' +
            'appended. Without it, readiness is "the Server API answers".',
          validators: [validators.matches(/^https?:\/\/[^/\s]+$/, 'http(s)://host:port without a path')],
        }),
        trust_domain: attribute.string({
          optional: true,
          description:
            'The trust domain this member is configured with (`spire_server_config.trust_domain`).',
        }),
        upstream_authority_id: attribute.string({
          optional: true,
          description:
            "The member's `spire_server_config.upstream_authority_id`: all members must chain to one root.",
        }),
        datastore_type: attribute.string({
          optional: true,
          description:
            "The member's datastore type (`sqlite3`, `postgres`, `mysql`); sqlite3 cannot be shared.",
        }),
      },
      { required: true, description: 'The servers of the cluster.' },
    ),
    admin_svid_cert_file: attribute.string({
      optional: true,
      description: `TCP: PEM file with an admin X509-SVID (as the provider block). Env \`${ENV.adminSvidCertFile}\`.`,
    }),
    admin_svid_key_file: attribute.string({
      optional: true,
      description: `TCP: its PEM (PKCS#8) key. Env \`${ENV.adminSvidKeyFile}\`.`,
    }),
    workload_api_socket: attribute.string({
      optional: true,
      description: `TCP: take the X509-SVID (and bundle) from this Workload API socket. Env \`${ENV.workloadApiSocket}\`.`,
    }),
    server_bundle_file: attribute.string({
      optional: true,
      description: `TCP: the bundle the servers' SVIDs must chain to (PEM or SPIFFE JSON). Env \`${ENV.serverBundleFile}\`.`,
      validators: [absolutePath],
    }),
    server_spiffe_id: attribute.string({
      optional: true,
      description: 'TCP: the SPIFFE ID servers present. Default `spiffe://<trust_domain>/spire/server`.',
      validators: [spiffeId],
    }),
    timeout_seconds: attribute.number({
      optional: true,
      description: `Deadline of each probe in seconds. Default ${CLUSTER_DEFAULTS.timeoutSeconds}.`,
      validators: [validators.integerBetween(1, 300)],
    }),
    live_path: attribute.string({ optional: true, description: 'Liveness path. Default `/live`.' }),
    ready_path: attribute.string({ optional: true, description: 'Readiness path. Default `/ready`.' }),
    min_ready: attribute.number({
      optional: true,
      description:
        'Fewer ready members is an error. Default 1; set `length(members)` to require all, or a majority.',
      validators: [validators.integerBetween(0, 1000)],
    }),
    wait_for_ready_seconds: attribute.number({
      optional: true,
      description: 'Keep probing up to this long for `min_ready` members (new servers starting). Default 0.',
      validators: [validators.integerBetween(0, 3600)],
    }),

    status: attribute.listNested(
      {
        name: attribute.string({ computed: true, description: "The member's name (or address)." }),
        address: attribute.string({ computed: true, description: 'Its Server API address.' }),
        live: attribute.bool({
          computed: true,
          description: 'GET live_path answered 200; null without health_url.',
        }),
        ready: attribute.bool({
          computed: true,
          description: 'GET ready_path answered 200 (without health_url: the Server API answered).',
        }),
        api_reachable: attribute.bool({ computed: true, description: 'GetBundle answered.' }),
        trust_domain: attribute.string({
          computed: true,
          description: 'Trust domain of the bundle it serves.',
        }),
        bundle_sha256: attribute.string({
          computed: true,
          description: 'Fingerprint of its X.509 authorities (SHA-256 over their sorted SHA-256s).',
        }),
        error: attribute.string({ computed: true, description: 'Why a probe failed, or null.' }),
      },
      { computed: true, description: 'One entry per member, in the order of `members`.' },
    ),
    ready_count: attribute.number({ computed: true, description: 'How many members are ready.' }),
    healthy: attribute.bool({
      computed: true,
      description: 'Every member is ready and serves the same bundle.',
    }),
    bundle_sha256: attribute.string({
      computed: true,
      description: 'Fingerprint of the bundle the members agree on.',
    }),
    trust_bundle_pem: attribute.string({
      computed: true,
      description: 'The X.509 authorities the members agree on, as PEM (a bootstrap bundle for agents).',
    }),
  },
});

export type ClusterModel = ModelOf<typeof clusterSchema>;
type MemberModel = ClusterModel['members'][number];
type StatusModel = NonNullable<ClusterModel['status']>[number];

const memberPath = (i: number, attribute?: string): AttributePath => [
  { attribute: 'members' },
  { index: i },
  ...(attribute === undefined ? [] : [{ attribute }]),
];

const label = (member: MemberModel, i: number): string =>
  member.name ?? (member.address === '' ? `members[${i}]` : member.address);

/** Adds the diagnostics of the plan-time rules on the members' declared configuration. */
export function checkCluster(config: ConfigModel<ClusterModel>, diagnostics: Diagnostics): void {
  const members = known(config.members);
  if (members === undefined) return;
  if (members.length === 0) {
    diagnostics.addError('No members', 'members needs at least one server.', [{ attribute: 'members' }]);
    return;
  }
  const trustDomain = known(config.trust_domain);
  const seen = new Map<string, number>();
  members.forEach((member, i) => {
    const target = parseAddresses([member.address]);
    if (typeof target === 'string') {
      diagnostics.addError(
        'Invalid member address',
        `members[${i}].address ${target}`,
        memberPath(i, 'address'),
      );
    }
    const before = seen.get(member.address);
    if (before !== undefined) {
      diagnostics.addError(
        'Duplicate member',
        `members[${i}].address repeats members[${before}]: ${JSON.stringify(member.address)}.`,
        memberPath(i, 'address'),
      );
    }
    seen.set(member.address, i);
    if (member.trust_domain !== null && trustDomain !== undefined && member.trust_domain !== trustDomain) {
      diagnostics.addError(
        'Members in different trust domains',
        `members[${i}] (${label(member, i)}) is configured for trust domain "${member.trust_domain}", but the cluster is "${trustDomain}": ` +
          'every server of an HA cluster belongs to one trust domain (doc/scaling_spire.md).',
        memberPath(i, 'trust_domain'),
      );
    }
  });

  const declared = members
    .map((m, i) => ({ i, id: m.upstream_authority_id }))
    .filter((m): m is { i: number; id: string } => m.id !== null);
  const first = declared[0];
  for (const other of declared.slice(1)) {
    if (first !== undefined && other.id !== first.id) {
      diagnostics.addError(
        'Members chain to different roots',
        `members[${other.i}].upstream_authority_id is ${JSON.stringify(other.id)} but members[${first.i}] has ` +
          `${JSON.stringify(first.id)}: every server of the cluster must use the same UpstreamAuthority so that ` +
          'all their CAs chain to one root.',
        memberPath(other.i, 'upstream_authority_id'),
      );
    }
  }

  if (members.length > 1) {
    members.forEach((member, i) => {
      if (member.datastore_type === 'sqlite3') {
        diagnostics.addError(
          'sqlite3 cannot be shared',
          `members[${i}].datastore_type is "sqlite3", a file local to one server; the ${members.length} members of ` +
            'an HA cluster must share one postgres or mysql datastore (doc/scaling_spire.md).',
          memberPath(i, 'datastore_type'),
        );
      }
    });
  }

  const minReady = known(config.min_ready);
  if (minReady !== undefined && minReady > members.length) {
    diagnostics.addError(
      'min_ready too high',
      `min_ready is ${minReady} but there are ${members.length} members.`,
      [{ attribute: 'min_ready' }],
    );
  }
}

interface Credentials {
  readonly svid: AdminSvid;
  readonly bundle: X509Bundle;
}

/** Returns the admin SVID and server bundle for TCP members, or adds an error and returns undefined. */
async function loadCredentials(
  config: ClusterModel,
  trustDomain: TrustDomain,
  env: NodeJS.ProcessEnv,
  diagnostics: Diagnostics,
): Promise<Credentials | undefined> {
  const pick = (value: string | null, name: string): string | undefined => {
    const fromEnv = env[name]?.trim();
    return value ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
  };
  const certFile = pick(config.admin_svid_cert_file, ENV.adminSvidCertFile);
  const keyFile = pick(config.admin_svid_key_file, ENV.adminSvidKeyFile);
  const socket = pick(config.workload_api_socket, ENV.workloadApiSocket);
  const bundleFile = pick(config.server_bundle_file, ENV.serverBundleFile);
  const timeoutMs = (config.timeout_seconds ?? CLUSTER_DEFAULTS.timeoutSeconds) * 1000;
  let svid: AdminSvid;
  let bundle: X509Bundle | undefined;
  if (certFile !== undefined && keyFile !== undefined) {
    try {
      const [certs, key] = await Promise.all([readFile(certFile), readFile(keyFile)]);
      svid = await parseX509Svid(new Uint8Array(certs), new Uint8Array(key));
    } catch (err) {
      diagnostics.addError(
        'Cannot load the admin X509-SVID',
        `From ${certFile} and ${keyFile}: ${errorDetail(err)}`,
        [{ attribute: 'admin_svid_cert_file' }],
      );
      return undefined;
    }
  } else if (socket !== undefined) {
    const workload = new WorkloadApiClient({ endpoint: socket });
    try {
      const context = await workload.fetchX509Context({ timeoutMs });
      const [first] = context.svids;
      if (first === undefined) throw new Error('the Workload API returned no X509-SVID');
      svid = first;
      bundle = context.bundles.get(trustDomain);
    } catch (err) {
      diagnostics.addError(
        'Cannot fetch the admin X509-SVID',
        `From the Workload API at ${socket}: ${errorDetail(err)}`,
        [{ attribute: 'workload_api_socket' }],
      );
      return undefined;
    } finally {
      workload.close();
    }
  } else {
    diagnostics.addError(
      'Missing admin SVID',
      'TCP members need an admin X509-SVID: set admin_svid_cert_file and admin_svid_key_file, or workload_api_socket ' +
        `(or ${ENV.adminSvidCertFile}/${ENV.adminSvidKeyFile}, ${ENV.workloadApiSocket}).`,
      [{ attribute: 'admin_svid_cert_file' }],
    );
    return undefined;
  }
  if (bundleFile !== undefined) {
    try {
      bundle = bundleFromFile(trustDomain, await readFile(bundleFile, 'utf8'));
    } catch (err) {
      diagnostics.addError('Cannot load the server bundle', `${bundleFile}: ${errorDetail(err)}`, [
        { attribute: 'server_bundle_file' },
      ]);
      return undefined;
    }
  }
  if (bundle === undefined) {
    diagnostics.addError(
      'Missing server bundle',
      "server_bundle_file is required with TCP members (it pins the servers' identity).",
      [{ attribute: 'server_bundle_file' }],
    );
    return undefined;
  }
  return { svid, bundle };
}

/** Returns the X.509 bundle in a file of PEM certificates or a SPIFFE bundle (JSON), as the provider block reads it. */
function bundleFromFile(trustDomain: TrustDomain, text: string): X509Bundle {
  return text.trimStart().startsWith('{')
    ? parseSpiffeBundle(trustDomain, text).x509
    : X509Bundle.fromPem(trustDomain, text);
}

/** Returns the fingerprint of a bundle's X.509 authorities: SHA-256 over their sorted SHA-256s. */
export function x509Fingerprint(bundle: Pick<Bundle, 'x509Authorities'>): string {
  const each = bundle.x509Authorities.map((a) => createHash('sha256').update(a.der).digest('hex')).sort();
  return createHash('sha256').update(each.join('\n')).digest('hex');
}

interface Probe {
  readonly status: StatusModel;
  readonly bundle?: Bundle;
}

async function httpOk(url: string, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Probes one member: its health endpoints and GetBundle over its own connection. */
async function probe(
  config: ClusterModel,
  member: MemberModel,
  index: number,
  credentials: () => Promise<Credentials | undefined>,
  signal: AbortSignal,
): Promise<Probe> {
  const timeoutMs = (config.timeout_seconds ?? CLUSTER_DEFAULTS.timeoutSeconds) * 1000;
  const base: StatusModel = {
    name: label(member, index),
    address: member.address,
    live: null,
    ready: null,
    api_reachable: false,
    trust_domain: null,
    bundle_sha256: null,
    error: null,
  };
  const health =
    member.health_url === null
      ? undefined
      : Promise.all([
          httpOk(`${member.health_url}${config.live_path ?? CLUSTER_DEFAULTS.livePath}`, timeoutMs, signal),
          httpOk(`${member.health_url}${config.ready_path ?? CLUSTER_DEFAULTS.readyPath}`, timeoutMs, signal),
        ]);
  let bundle: Bundle | undefined;
  let error: string | null = null;
  const target = parseAddresses([member.address]);
  if (typeof target === 'string') {
    error = `address ${target}`;
  } else if (target.kind === 'unix') {
    const client = dialSpireServer({ socketPath: target.socketPath, timeoutMs });
    try {
      bundle = await client.bundles.getBundle({ timeoutMs, signal });
    } catch (err) {
      error = errorDetail(err);
    } finally {
      client.close();
    }
  } else {
    const creds = await credentials();
    if (creds === undefined) {
      error = 'no admin credentials (see the error above)';
    } else {
      const client = dialSpireServer({
        addresses: target.addresses,
        trustDomain: config.trust_domain,
        bundle: creds.bundle,
        svid: creds.svid,
        timeoutMs,
        ...(config.server_spiffe_id === null ? {} : { serverId: config.server_spiffe_id }),
      });
      try {
        bundle = await client.bundles.getBundle({ timeoutMs, signal });
      } catch (err) {
        error = errorDetail(err);
      } finally {
        client.close();
      }
    }
  }
  const [live, ready] = health === undefined ? [null, bundle !== undefined] : await health;
  return {
    status: {
      ...base,
      live,
      ready,
      api_reachable: bundle !== undefined,
      trust_domain: bundle?.trustDomain ?? null,
      bundle_sha256: bundle === undefined ? null : x509Fingerprint(bundle),
      error,
    },
    ...(bundle === undefined ? {} : { bundle }),
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

const short = (fingerprint: string): string => fingerprint.slice(0, 16);

export const clusterDataSource = defineDataSource({
  typeName: 'spire_cluster',
  schema: clusterSchema,
  validate(config, { diagnostics }) {
    checkCluster(config, diagnostics);
  },
  async read({ config }, { diagnostics, signal }) {
    const empty = {
      ...config,
      status: null,
      ready_count: null,
      healthy: null,
      bundle_sha256: null,
      trust_bundle_pem: null,
    };
    checkCluster(config, diagnostics);
    if (diagnostics.hasError()) return empty;
    const trustDomain = TrustDomain.parse(config.trust_domain);

    // Credentials are loaded once, and only when a member is reached over TCP.
    let loaded: Promise<Credentials | undefined> | undefined;
    const credentials = (): Promise<Credentials | undefined> =>
      (loaded ??= loadCredentials(config, trustDomain, process.env, diagnostics));

    const minReady = config.min_ready ?? Math.min(CLUSTER_DEFAULTS.minReady, config.members.length);
    const deadline = Date.now() + (config.wait_for_ready_seconds ?? 0) * 1000;
    let probes: Probe[];
    for (;;) {
      probes = await Promise.all(config.members.map((m, i) => probe(config, m, i, credentials, signal)));
      const ready = probes.filter((p) => p.status.ready === true).length;
      if (ready >= minReady || Date.now() >= deadline || signal.aborted || diagnostics.hasError()) break;
      await sleep(CLUSTER_DEFAULTS.pollMs, signal);
    }
    if (diagnostics.hasError()) return empty;
    const status = probes.map((p) => p.status);
    const readyCount = status.filter((s) => s.ready === true).length;

    status.forEach((s, i) => {
      if (s.error !== null) {
        diagnostics.addWarning(
          'SPIRE server not reachable',
          `members[${i}] (${s.name}): ${s.error}`,
          memberPath(i),
        );
      } else if (s.trust_domain !== config.trust_domain) {
        diagnostics.addError(
          'Member in another trust domain',
          `members[${i}] (${s.name}) serves the bundle of trust domain "${s.trust_domain ?? ''}", not "${config.trust_domain}".`,
          memberPath(i),
        );
      }
      if (s.error === null && s.ready === false) {
        diagnostics.addWarning(
          'SPIRE server not ready',
          `members[${i}] (${s.name}) answers but is not ready.`,
          memberPath(i),
        );
      }
    });

    // Group the members that answered by the X.509 authorities they serve.
    const groups = new Map<string, number[]>();
    status.forEach((s, i) => {
      if (s.bundle_sha256 !== null) groups.set(s.bundle_sha256, [...(groups.get(s.bundle_sha256) ?? []), i]);
    });
    const ordered = [...groups.entries()].sort(
      (a, b) => b[1].length - a[1].length || (a[1][0] ?? 0) - (b[1][0] ?? 0),
    );
    const [reference] = ordered;
    if (ordered.length > 1 && reference !== undefined) {
      const describe = ordered
        .map(([fingerprint, indexes]) => {
          const names = indexes.map((i) => status[i]?.name ?? `members[${i}]`).join(', ');
          const count = probes[indexes[0] ?? 0]?.bundle?.x509Authorities.length ?? 0;
          return `${names}: ${count} X.509 authorit${count === 1 ? 'y' : 'ies'} (${short(fingerprint)}…)`;
        })
        .join('; ');
      for (const [, indexes] of ordered.slice(1)) {
        for (const i of indexes) {
          diagnostics.addError(
            'SPIRE servers disagree on the trust bundle',
            `members[${i}] (${status[i]?.name ?? ''}) serves a different trust bundle than ` +
              `${reference[1].map((r) => status[r]?.name ?? '').join(', ')}. Servers of one HA cluster share one ` +
              `datastore and so one bundle; this looks like a split cluster, and nothing was changed. Bundles: ${describe}.`,
            memberPath(i),
          );
        }
      }
    }
    if (readyCount < minReady) {
      diagnostics.addError(
        'Not enough ready SPIRE servers',
        `${readyCount} of ${status.length} members are ready; min_ready is ${minReady}.` +
          (config.wait_for_ready_seconds === null ? '' : ` Waited ${config.wait_for_ready_seconds} s.`),
        [{ attribute: 'min_ready' }],
      );
    }
    const agreed = reference === undefined ? undefined : probes[reference[1][0] ?? 0]?.bundle;
    return {
      ...config,
      status,
      ready_count: readyCount,
      healthy: ordered.length === 1 && readyCount === status.length,
      bundle_sha256: reference?.[0] ?? null,
      trust_bundle_pem: agreed === undefined ? null : bundleToPem(agreed),
    };
  },
});
