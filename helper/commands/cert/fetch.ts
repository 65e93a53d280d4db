// `spire-helper cert fetch [DEST]`: fetch the workload's X509-SVIDs once, pick one, validate it, write
// <DEST>.pem, <DEST>-key.pem and <DEST>-ca.pem atomically, and run reload hooks only when content changed.
// The one-shot replacement for `vault-helper cert <role> <cn> <dest>` in a systemd oneshot unit.
import { Args, Flags } from '@oclif/core';
import { WorkloadApiClient, type X509Context } from '../../../src/core/workloadapi/index.js';
import type { X509Svid } from '../../../src/core/svid/index.js';
import { BaseCommand } from '../../base-command.js';
import { HelperError } from '../../errors.js';
import {
  accessFlags,
  baseOf,
  durationOf,
  endpointFlags,
  extraCaFlags,
  presetFlags,
  presetOf,
  resolveAccess,
  sanFlags,
  selectionFlags,
  spiffeIdOf,
} from '../../flags.js';
import { runHooks, splitCommand, type HookPlan, type HookResult } from '../../hooks.js';
import {
  federatedBundlePath,
  KEY_FORMATS,
  LAYOUTS,
  renderSvidFiles,
  svidPaths,
  writeSvidFiles,
  writeTrustFiles,
  type KeyFormat,
  type Layout,
  type SvidOutputOptions,
  type SvidWriteOutcome,
} from '../../outputs/svid-files.js';
import { selectSvid } from '../../select.js';
import { formatDuration } from '../../values.js';
import { freshOnDisk } from '../../renewal.js';
import { readExtraCaFiles } from '../../outputs/trust.js';
import { verifySvid, type Expectations } from '../../verify.js';

export const DEFAULT_WAIT_TIMEOUT_MS = 60_000;
export const DEFAULT_HOOK_TIMEOUT_MS = 120_000;

/** The --json result of `cert fetch`. */
export interface CertFetchResult {
  readonly spiffeId: string;
  readonly hint: string;
  /** ISO 8601: of the files written, or with outcome "skipped" of the files left on disk. */
  readonly notAfter: string;
  /**
   * written: new files published (hooks ran); unchanged: the files already held this SVID;
   * access-updated: same content, mode/owner corrected; skipped: --renew-before found the files fresh.
   */
  readonly outcome: SvidWriteOutcome | 'skipped';
  readonly layout: Layout;
  readonly files: {
    readonly cert: string;
    readonly key: string;
    readonly ca: string;
    readonly federated: readonly string[];
  };
  readonly hooks: readonly HookResult[];
  readonly warnings: readonly string[];
  /** --ca-only: only the bundle files were written; the certificate and key are another issuer's. */
  readonly caOnly: boolean;
  /** The CA certificates --extra-ca-file added after the SPIRE bundle in the CA file. */
  readonly extraCas: readonly { readonly file: string; readonly subject: string }[];
}

export default class CertFetch extends BaseCommand {
  static override summary =
    'Fetch an X509-SVID from the Workload API and write it as cert, key and CA files.';

  static override description = `Writes <DEST>.pem (leaf and intermediates), <DEST>-key.pem (private key) and <DEST>-ca.pem (trust bundle of the SVID's trust domain, then the certificates of any --extra-ca-file); with --ca-only, only <DEST>-ca.pem. The SVID is validated first (chain to the bundle, key matches certificate, SPIFFE ID, required SANs). Files are published atomically and consistently; hooks run only when content changed. Exit codes: 0 ok, 2 configuration, 3 agent unreachable, 4 no identity, 5 validation, 6 write failure, 7 timeout, 9 hook failed.`;

  static override examples = [
    '<%= config.bin %> cert fetch /etc/kubernetes/ssl/kubelet --hint kubelet --owner 837 --reload-unit kubelet.service',
    '<%= config.bin %> cert fetch --preset kube-apiserver --renew-before 12h',
    '<%= config.bin %> cert fetch /run/app/tls --spiffe-id spiffe://example.org/app --exec "/usr/local/bin/app-reload"',
  ];

  static override args = {
    dest: Args.string({
      description: "Base path of the output files (vault-helper <dest>); default: the preset's.",
      required: false,
    }),
  };

  static override flags = {
    ...endpointFlags,
    ...presetFlags(
      'Tarmak component whose path, owner, modes, hint and hooks to use; other flags override it.',
    ),
    ...selectionFlags,
    ...sanFlags,
    ...accessFlags,
    mode: Flags.string({
      helpValue: 'OCTAL',
      summary: 'Mode of the certificate and CA files. Default: 0644.',
    }),
    'key-mode': Flags.string({
      helpValue: 'OCTAL',
      summary: 'Mode of the key file; never grants "other" access. Default: 0600.',
    }),
    'key-format': Flags.string({
      options: [...KEY_FORMATS],
      default: 'pkcs8',
      summary:
        'pkcs8 ("PRIVATE KEY", any key), pkcs1 ("RSA PRIVATE KEY", RSA only) or sec1 ("EC PRIVATE KEY", EC only).',
    }),
    federated: Flags.boolean({
      default: false,
      summary: 'Also write <DEST>-ca.<trust-domain>.pem for every federated trust domain.',
    }),
    ...extraCaFlags(
      'Add the CA certificates in FILE (PEM) after the SPIRE bundle in <DEST>-ca.pem: dual trust while migrating from another PKI (repeatable).',
    ),
    'ca-only': Flags.boolean({
      default: false,
      summary:
        'Write only <DEST>-ca.pem (and federated bundles), as regular files; <DEST>.pem and <DEST>-key.pem stay with their current issuer (vault-helper during a migration).',
    }),
    layout: Flags.string({
      options: [...LAYOUTS],
      default: 'versioned',
      summary:
        'versioned: public paths are symlinks switched in one rename (key and cert always match); plain: regular files.',
    }),
    'renew-before': Flags.string({
      helpValue: 'DURATION',
      summary:
        'Skip the write (and hooks) while the files on disk are valid for longer than this, match the SVID asked for and chain to the current bundle.',
    }),
    'wait-timeout': Flags.string({
      helpValue: 'DURATION',
      summary:
        'How long to wait for the agent (retrying while it is down or has no identity yet). Default: 60s.',
    }),
    'reload-unit': Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      helpValue: 'UNIT',
      summary: 'After a change, run systemctl --no-block try-reload-or-restart UNIT (repeatable).',
    }),
    exec: Flags.string({
      multiple: true,
      multipleNonGreedy: true,
      helpValue: 'COMMAND',
      summary: 'After a change, run COMMAND (split into words, no shell unless --exec-shell; repeatable).',
    }),
    'exec-shell': Flags.boolean({ default: false, summary: 'Run --exec commands with /bin/sh -c.' }),
    'hook-errors': Flags.string({
      options: ['fail', 'warn'],
      summary:
        'fail: a failing hook exits 9; warn: it is reported and the exit code stays 0. Default: fail (presets: warn).',
    }),
    'hook-timeout': Flags.string({
      helpValue: 'DURATION',
      summary: 'Upper bound for each hook. Default: 2m.',
    }),
    'systemctl-path': Flags.string({
      env: 'SPIRE_HELPER_SYSTEMCTL',
      helpValue: 'PATH',
      summary: 'systemctl to run for --reload-unit. Default: systemctl on PATH.',
    }),
  };

  async run(): Promise<CertFetchResult> {
    const { args, flags } = await this.parse(CertFetch);
    const preset = presetOf(flags);
    const base = baseOf(args.dest, preset);
    const access = await resolveAccess(
      { owner: flags.owner, group: flags.group, mode: flags.mode, keyMode: flags['key-mode'] },
      preset,
    );
    const spiffeId = spiffeIdOf(flags['spiffe-id'], 'spiffe-id');
    // A preset selects by hint only when the caller did not name the SVID another way.
    const hint = flags.hint ?? (spiffeId === undefined ? preset?.hint : undefined);
    const expect: Expectations = {
      ...(spiffeId === undefined ? {} : { spiffeId }),
      dns: flags.dns ?? [],
      ips: flags.ip ?? [],
    };
    const renewBeforeMs = durationOf(flags['renew-before'], 'renew-before', undefined);
    const waitTimeoutMs = durationOf(flags['wait-timeout'], 'wait-timeout', DEFAULT_WAIT_TIMEOUT_MS);
    if (waitTimeoutMs <= 0) {
      throw new HelperError('CONFIG_INVALID', 'flags', '--wait-timeout must be longer than 0s');
    }
    const hooks: HookPlan = {
      reloadUnits: flags['reload-unit'] ?? preset?.reloadUnits ?? [],
      exec:
        flags.exec === undefined
          ? (preset?.exec ?? [])
          : flags.exec.map((command) => ({ command, shell: flags['exec-shell'] })),
      ...(flags['systemctl-path'] === undefined ? {} : { systemctl: flags['systemctl-path'] }),
      timeoutMs: durationOf(flags['hook-timeout'], 'hook-timeout', DEFAULT_HOOK_TIMEOUT_MS),
    };
    // Bad --exec quoting is a configuration error, found before anything is fetched or written.
    for (const hook of hooks.exec) if (!hook.shell) splitCommand(hook.command);
    const hookErrors = flags['hook-errors'] ?? preset?.hookErrors ?? 'fail';
    const layout = flags.layout as Layout;
    const caOnly = flags['ca-only'];
    if (caOnly && renewBeforeMs !== undefined) {
      throw new HelperError(
        'CONFIG_INVALID',
        'flags',
        '--renew-before looks at the certificate on disk, which --ca-only does not write; drop one of them',
      );
    }
    // Read before the agent is contacted: a bad file is a configuration error (exit 2).
    const extraCas = await readExtraCaFiles(flags['extra-ca-file'] ?? []);
    const output: SvidOutputOptions = {
      base,
      layout,
      ...access,
      keyFormat: flags['key-format'] as KeyFormat,
      federated: flags.federated,
      extraCas,
    };

    const client = new WorkloadApiClient(flags.socket === undefined ? {} : { endpoint: flags.socket });
    let context: X509Context;
    try {
      context = await client.fetchX509Context({ timeoutMs: waitTimeoutMs });
    } finally {
      client.close();
    }
    const svid = selectSvid(context.svids, {
      ...(spiffeId === undefined ? {} : { spiffeId }),
      ...(hint === undefined ? {} : { hint }),
    });
    const verified = await verifySvid(svid.certificates, svid.privateKey, context.bundles, expect);
    const rendered = renderSvidFiles(svid, context.bundles, {
      // The key is not written with --ca-only, so its format cannot be wrong there.
      keyFormat: caOnly ? 'pkcs8' : (output.keyFormat ?? 'pkcs8'),
      federated: flags.federated,
      extraCas,
    });
    const paths = svidPaths(base);
    const result = (
      outcome: CertFetchResult['outcome'],
      federated: readonly string[],
      hookResults: HookResult[],
      warnings: string[],
      notAfter: Date = verified.notAfter,
    ): CertFetchResult => ({
      spiffeId: svid.id.toString(),
      hint: svid.hint,
      notAfter: notAfter.toISOString(),
      outcome,
      // --ca-only writes regular files whatever --layout says.
      layout: caOnly ? 'plain' : layout,
      files: { ...paths, federated },
      hooks: hookResults,
      warnings,
      caOnly,
      extraCas: extraCas.map((ca) => ({ file: ca.file, subject: ca.subject })),
    });

    if (renewBeforeMs !== undefined) {
      const fresh = await freshOnDisk({
        base,
        spiffeId: svid.id.toString(),
        expect,
        bundles: context.bundles,
        rendered,
        renewBeforeMs,
      });
      if (fresh !== undefined) {
        this.log(
          `${paths.cert}: ${fresh.id} still valid for ${formatDuration(fresh.remainingMs)} (more than --renew-before ${formatDuration(renewBeforeMs)}); not rewritten`,
        );
        const federated = [...rendered.federated.keys()].map((td) => federatedBundlePath(base, td));
        return result('skipped', federated, [], [], fresh.notAfter);
      }
    }

    const written = caOnly ? await writeTrustFiles(rendered, output) : await writeSvidFiles(rendered, output);
    const warnings: string[] = [];
    let hookResults: HookResult[] = [];
    if (written.outcome === 'written') {
      hookResults = await runHooks(
        hooks,
        {
          SPIRE_HELPER_SPIFFE_ID: svid.id.toString(),
          SPIRE_HELPER_CERT_FILE: paths.cert,
          SPIRE_HELPER_KEY_FILE: paths.key,
          SPIRE_HELPER_CA_FILE: paths.ca,
          SPIRE_HELPER_NOT_AFTER: verified.notAfter.toISOString(),
        },
        (chunk) => {
          if (!this.jsonEnabled()) process.stderr.write(chunk);
        },
      );
      const failed = hookResults.filter((hook) => !hook.ok);
      if (failed.length > 0) {
        const summary = failed.map((hook) => `${hook.command}: ${hook.error ?? 'failed'}`).join('; ');
        if (hookErrors === 'fail') {
          throw new HelperError(
            'HOOK_FAILED',
            'hooks',
            `files were written, but ${failed.length === 1 ? 'a hook' : `${failed.length} hooks`} failed: ${summary}`,
            {
              details: { hooks: hookResults, files: { ...paths, federated: written.federatedPaths } },
            },
          );
        }
        warnings.push(`hook failed (ignored, --hook-errors warn): ${summary}`);
        this.note(`warning: hook failed (ignored, --hook-errors warn): ${summary}`);
      }
    }
    this.log(
      caOnly
        ? describeTrustWrite(written.outcome, paths.ca, svid, extraCas.length)
        : describe(written.outcome, paths.cert, svid, verified.notAfter),
    );
    return result(written.outcome, written.federatedPaths, hookResults, warnings);
  }
}

function describeTrustWrite(
  outcome: SvidWriteOutcome,
  caPath: string,
  svid: X509Svid,
  extraCount: number,
): string {
  const what = `the bundle of ${svid.id.trustDomain.name}${extraCount === 0 ? '' : ` and ${extraCount} extra CA certificate${extraCount === 1 ? '' : 's'}`}`;
  switch (outcome) {
    case 'written':
      return `${caPath}: wrote ${what}`;
    case 'unchanged':
      return `${caPath}: unchanged, ${what}`;
    case 'access-updated':
      return `${caPath}: unchanged, mode/owner corrected, ${what}`;
  }
}

function describe(outcome: SvidWriteOutcome, certPath: string, svid: X509Svid, notAfter: Date): string {
  const what = `${svid.id.toString()} (expires ${notAfter.toISOString()})`;
  switch (outcome) {
    case 'written':
      return `${certPath}: wrote ${what}`;
    case 'unchanged':
      return `${certPath}: unchanged, ${what}`;
    case 'access-updated':
      return `${certPath}: unchanged, mode/owner corrected, ${what}`;
  }
}
