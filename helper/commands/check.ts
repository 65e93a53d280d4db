// `spire-helper check [DEST]`: verify what is on disk — the chain in <DEST>.pem leads to the bundle in
// <DEST>-ca.pem, <DEST>-key.pem belongs to the leaf, the SPIFFE ID and SANs are the expected ones — and
// say how long it stays valid; exit non-zero when that is less than --min-valid. During a migration from
// another PKI it also reports what <DEST>-ca.pem trusts, requires the --extra-ca-file certificates in it and
// checks peers' certificates (--peer-cert) against it; --ca-only checks the trust file alone, on a node
// whose certificate the old PKI still issues. Does not contact the agent.
import { Args, Flags } from '@oclif/core';
import { readFile } from 'node:fs/promises';
import { BundleSet, X509Bundle } from '../../src/core/bundle/index.js';
import { parseCertificates, type x509 } from '../../src/core/x509/index.js';
import { BaseCommand } from '../base-command.js';
import { HelperError } from '../errors.js';
import { baseOf, durationOf, extraCaFlags, presetFlags, presetOf, sanFlags, spiffeIdOf } from '../flags.js';
import { readIfPresent } from '../outputs/atomic-write.js';
import { svidPaths, type KeyFormat } from '../outputs/svid-files.js';
import {
  describeTrust,
  fingerprintOf,
  readExtraCaFiles,
  verifyPeerChain,
  type ExtraCa,
  type PeerVerdict,
  type TrustAuthority,
} from '../outputs/trust.js';
import { formatDuration } from '../values.js';
import { readSvidFromDisk, verifySvid } from '../verify.js';

const DAY_MS = 86_400_000;

/** What the CA file trusts and which peers it accepts (both forms of the result have it). */
export interface TrustReport {
  /** Every certificate in <DEST>-ca.pem, in file order: the SPIRE bundle first, then extra CAs. */
  readonly authorities: readonly TrustAuthority[];
  /** One verdict per --peer-cert, all accepted (a rejected peer is an error). */
  readonly peers: readonly PeerVerdict[];
}

/** The --json result of `check`. */
export interface CheckResult extends TrustReport {
  readonly caOnly: false;
  readonly spiffeId: string;
  /** ISO 8601. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** Milliseconds until notAfter. */
  readonly remainingMs: number;
  /** Days until notAfter, two decimals. */
  readonly daysLeft: number;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  /** Subjects from the leaf to the authority in the bundle file. */
  readonly chain: readonly string[];
  readonly keyFormat: KeyFormat;
  readonly files: { readonly cert: string; readonly key: string; readonly ca: string };
}

/** The --json result of `check --ca-only`. */
export interface CaOnlyCheckResult extends TrustReport {
  readonly caOnly: true;
  readonly files: { readonly ca: string };
}

export default class Check extends BaseCommand {
  static override summary = 'Verify the certificate, key and CA files of an output and report days left.';

  static override description = `Checks that <DEST>.pem chains to <DEST>-ca.pem, that <DEST>-key.pem belongs to its leaf, that the SPIFFE ID and SANs are the expected ones and that the certificate is valid now. Reports every authority <DEST>-ca.pem holds; --extra-ca-file certificates must be among them, --peer-cert chains must lead to them. --ca-only checks <DEST>-ca.pem alone. Exit codes: 0 ok, 2 configuration, 5 validation failed (including missing files, expiry, a missing extra CA or an untrusted peer), 8 valid but expiring within --min-valid.`;

  static override examples = [
    '<%= config.bin %> check /etc/kubernetes/ssl/kubelet --spiffe-id spiffe://cluster.example/node/kubelet --min-valid 12h',
    '<%= config.bin %> check --preset kube-apiserver --dns kubernetes.default --ip 10.254.0.1 --json',
    '<%= config.bin %> check /etc/etcd/ssl/etcd-k8s --extra-ca-file /etc/spire-helper/vault-ca/etcd-k8s.pem --peer-cert /root/etcd-2.pem',
  ];

  static override args = {
    dest: Args.string({
      description: 'Base path of the files (<DEST>.pem, <DEST>-key.pem, <DEST>-ca.pem).',
      required: false,
    }),
  };

  static override flags = {
    ...presetFlags('Tarmak component whose path to check (when DEST is not given).'),
    'spiffe-id': Flags.string({ helpValue: 'SPIFFE_ID', summary: 'SPIFFE ID the certificate must carry.' }),
    ...sanFlags,
    'min-valid': Flags.string({
      helpValue: 'DURATION',
      summary: 'Exit 8 when the certificate expires within this duration (e.g. 12h, 7d). Default: 0s.',
    }),
    ...extraCaFlags(
      'Require the CA certificates in FILE in <DEST>-ca.pem (dual trust is on); the SVID must still chain to another authority (repeatable).',
    ),
    'peer-cert': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      helpValue: 'FILE',
      summary:
        "Require that the certificate chain in FILE (PEM, leaf first; any PKI's) leads to an authority in <DEST>-ca.pem, as a TLS peer checks it (repeatable).",
    }),
    'ca-only': Flags.boolean({
      default: false,
      summary:
        'Check only <DEST>-ca.pem: for a node whose certificate another issuer still writes (cert fetch --ca-only).',
    }),
  };

  async run(): Promise<CheckResult | CaOnlyCheckResult> {
    const { args, flags } = await this.parse(Check);
    const preset = presetOf(flags);
    const base = baseOf(args.dest, preset);
    const spiffeId = spiffeIdOf(flags['spiffe-id'], 'spiffe-id');
    const minValidMs = durationOf(flags['min-valid'], 'min-valid', 0);
    const paths = svidPaths(base);
    const extraCas = await readExtraCaFiles(flags['extra-ca-file'] ?? []);
    const peerFiles = flags['peer-cert'] ?? [];
    if (flags['ca-only']) {
      for (const flag of ['spiffe-id', 'dns', 'ip', 'min-valid'] as const) {
        if (flags[flag] !== undefined) {
          throw new HelperError(
            'CONFIG_INVALID',
            'flags',
            `--${flag} checks the certificate, which --ca-only leaves out; drop one of them`,
          );
        }
      }
      const authorities = await readTrustFile(paths.ca);
      const report = await trustReport(paths.ca, authorities, extraCas, peerFiles);
      for (const line of trustLines(paths.ca, report)) this.log(line);
      return { caOnly: true, files: { ca: paths.ca }, ...report };
    }

    const onDisk = await readSvidFromDisk(paths);
    const [bundle] = onDisk.bundles.values();
    const authorities = bundle?.authorities ?? [];
    // The SVID must chain to the SPIRE bundle, not through one of the extra CAs.
    const extraPrints = new Set(extraCas.map((ca) => ca.fingerprint));
    const spireOnly =
      bundle === undefined || extraPrints.size === 0
        ? onDisk.bundles
        : new BundleSet([
            X509Bundle.fromCertificates(
              bundle.trustDomain,
              authorities.filter((cert) => !extraPrints.has(fingerprintOf(new Uint8Array(cert.rawData)))),
            ),
          ]);
    const verified = await verifySvid(onDisk.certificates, onDisk.key, spireOnly, {
      ...(spiffeId === undefined ? {} : { spiffeId }),
      dns: flags.dns ?? [],
      ips: flags.ip ?? [],
    });
    const report = await trustReport(paths.ca, authorities, extraCas, peerFiles);
    const remainingMs = verified.notAfter.getTime() - Date.now();
    const result: CheckResult = {
      caOnly: false,
      spiffeId: verified.id.toString(),
      notBefore: verified.notBefore.toISOString(),
      notAfter: verified.notAfter.toISOString(),
      remainingMs,
      daysLeft: Math.floor((remainingMs / DAY_MS) * 100) / 100,
      dnsNames: verified.dnsNames,
      ipAddresses: verified.ipAddresses,
      chain: verified.chain,
      keyFormat: onDisk.keyFormat,
      files: paths,
      ...report,
    };
    if (remainingMs < minValidMs) {
      throw new HelperError(
        'EXPIRING_SOON',
        'check',
        `${paths.cert} (${result.spiffeId}) expires at ${result.notAfter}, in ${formatDuration(remainingMs)}: less than --min-valid ${formatDuration(minValidMs)}`,
        { details: { ...result } },
      );
    }
    this.log(
      `${paths.cert}: OK ${result.spiffeId}, valid until ${result.notAfter} (${formatDuration(remainingMs)}, ${result.daysLeft} days left)`,
    );
    for (const line of trustLines(paths.ca, report)) this.log(line);
    return result;
  }
}

/** Returns the certificates of the trust file at `path`; FILE_MISSING or PEM_INVALID naming it. */
async function readTrustFile(path: string): Promise<x509.X509Certificate[]> {
  const data = await readIfPresent(path);
  if (data === undefined) {
    throw new HelperError('FILE_MISSING', 'check', `bundle file ${path} does not exist`, {
      details: { path },
    });
  }
  try {
    return parseCertificates(data.toString('utf8'));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new HelperError('PEM_INVALID', 'check', `${path}: ${reason}`, { cause, details: { path } });
  }
}

/**
 * Returns what `authorities` (the trust file at `caPath`) hold and the verdict on every peer file; throws
 * BUNDLE_INVALID when an extra CA is missing from them and CHAIN_UNTRUSTED when a peer is not trusted.
 */
async function trustReport(
  caPath: string,
  authorities: readonly x509.X509Certificate[],
  extraCas: readonly ExtraCa[],
  peerFiles: readonly string[],
): Promise<TrustReport> {
  const described = describeTrust(authorities, extraCas);
  const held = new Set(described.map((authority) => authority.fingerprint));
  const missing = extraCas.filter((ca) => !held.has(ca.fingerprint));
  if (missing.length > 0) {
    throw new HelperError(
      'BUNDLE_INVALID',
      'check',
      `${caPath} lacks ${missing.map((ca) => `"${ca.subject}" of --extra-ca-file ${ca.file}`).join(', ')}: dual trust is not in place`,
      { details: { path: caPath, missing: missing.map((ca) => ({ file: ca.file, subject: ca.subject })) } },
    );
  }
  const peers: PeerVerdict[] = [];
  for (const file of peerFiles) {
    let pem: string;
    try {
      pem = await readFile(file, 'utf8');
    } catch (cause) {
      const errno = (cause as NodeJS.ErrnoException).code;
      throw new HelperError(
        'FILE_MISSING',
        'check',
        `--peer-cert ${file} cannot be read (${errno ?? String(cause)})`,
        {
          cause,
          details: { file },
        },
      );
    }
    peers.push(verifyPeerChain(file, pem, authorities));
  }
  return { authorities: described, peers };
}

/** Returns the lines that report a trust file and the peers checked against it. */
function trustLines(caPath: string, report: TrustReport): string[] {
  const listed = report.authorities.map(
    (authority) =>
      `"${authority.subject}"${authority.extraCaFile === undefined ? '' : ` (--extra-ca-file ${authority.extraCaFile})`}`,
  );
  const count = report.authorities.length;
  return [
    `${caPath}: trusts ${count} certificate${count === 1 ? '' : 's'}: ${listed.join(', ')}`,
    ...report.peers.map((peer) => `${peer.file}: peer "${peer.subject}" trusted through "${peer.trustedBy}"`),
  ];
}
