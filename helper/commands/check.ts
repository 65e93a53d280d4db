// `spire-helper check [DEST]`: verify what is on disk — the chain in <DEST>.pem leads to the bundle in
// <DEST>-ca.pem, <DEST>-key.pem belongs to the leaf, the SPIFFE ID and SANs are the expected ones — and
// say how long it stays valid; exit non-zero when that is less than --min-valid. Does not contact the agent.
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { HelperError } from '../errors.js';
import { baseOf, durationOf, presetFlags, presetOf, sanFlags, spiffeIdOf } from '../flags.js';
import { svidPaths, type KeyFormat } from '../outputs/svid-files.js';
import { formatDuration } from '../values.js';
import { readSvidFromDisk, verifySvid } from '../verify.js';

const DAY_MS = 86_400_000;

/** The --json result of `check`. */
export interface CheckResult {
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

export default class Check extends BaseCommand {
  static override summary = 'Verify the certificate, key and CA files of an output and report days left.';

  static override description = `Checks that <DEST>.pem chains to <DEST>-ca.pem, that <DEST>-key.pem belongs to its leaf, that the SPIFFE ID and SANs are the expected ones and that the certificate is valid now. Exit codes: 0 ok, 2 configuration, 5 validation failed (including missing files and expiry), 8 valid but expiring within --min-valid.`;

  static override examples = [
    '<%= config.bin %> check /etc/kubernetes/ssl/kubelet --spiffe-id spiffe://cluster.example/node/kubelet --min-valid 12h',
    '<%= config.bin %> check --preset kube-apiserver --dns kubernetes.default --ip 10.254.0.1 --json',
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
  };

  async run(): Promise<CheckResult> {
    const { args, flags } = await this.parse(Check);
    const preset = presetOf(flags);
    const base = baseOf(args.dest, preset);
    const spiffeId = spiffeIdOf(flags['spiffe-id'], 'spiffe-id');
    const minValidMs = durationOf(flags['min-valid'], 'min-valid', 0);
    const paths = svidPaths(base);

    const onDisk = await readSvidFromDisk(paths);
    const verified = await verifySvid(onDisk.certificates, onDisk.key, onDisk.bundles, {
      ...(spiffeId === undefined ? {} : { spiffeId }),
      dns: flags.dns ?? [],
      ips: flags.ip ?? [],
    });
    const remainingMs = verified.notAfter.getTime() - Date.now();
    const result: CheckResult = {
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
    return result;
  }
}
