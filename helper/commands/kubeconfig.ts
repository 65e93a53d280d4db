// `spire-helper kubeconfig [CERT] [KUBECONFIG]`: write a kubeconfig for a Kubernetes component that
// authenticates with the X509-SVID files of an output (as `cert fetch` writes them). Unlike vault-helper's
// command of the same name, `server:` is the real API server and files are referenced by default (so a
// rotation needs no rewrite); --embed puts the data inline. Does not contact the agent.
import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { HelperError } from '../errors.js';
import { accessFlags, baseOf, extraCaFlags, presetFlags, presetOf, DEFAULT_DIR_MODE } from '../flags.js';
import type { WriteOutcome } from '../outputs/atomic-write.js';
import { writeKubeconfig, type KubeconfigContent } from '../outputs/kubeconfig.js';
import { resolveGroup, resolveUser } from '../outputs/ownership.js';
import { svidPaths } from '../outputs/svid-files.js';
import { checkKeyMode, formatMode, parseMode } from '../values.js';
import { readSvidFromDisk, verifySvid } from '../verify.js';
import { readIfPresent } from '../outputs/atomic-write.js';
import { combineTrust, readExtraCaFiles } from '../outputs/trust.js';
import { parseCertificates } from '../../src/core/x509/index.js';

/** The --json result of `kubeconfig`. */
export interface KubeconfigResult {
  readonly path: string;
  readonly outcome: WriteOutcome;
  readonly server: string;
  readonly cluster: string;
  readonly user: string;
  readonly context: string;
  readonly embedded: boolean;
  readonly files: { readonly cert: string; readonly key: string; readonly ca: string };
  readonly mode: string;
  /** The CA certificates --extra-ca-file added to certificate-authority-data. */
  readonly extraCas: readonly { readonly file: string; readonly subject: string }[];
}

export default class Kubeconfig extends BaseCommand {
  static override summary = 'Write a kubeconfig that authenticates with the certificate files of an output.';

  static override description = `References <CERT>.pem, <CERT>-key.pem and <CERT>-ca.pem (or embeds them with --embed) under one cluster, user and context, with --server as the API server URL. With --embed, --extra-ca-file certificates follow the bundle in certificate-authority-data. Written atomically; an unchanged kubeconfig is not rewritten. Exit codes: 0 ok, 2 configuration, 5 files to embed missing or invalid, 6 write failure.`;

  static override examples = [
    '<%= config.bin %> kubeconfig --preset kubelet --server https://api.cluster.example:6443',
    '<%= config.bin %> kubeconfig /etc/kubernetes/ssl/kube-admin /root/.kube/config --server https://localhost:6443 --embed',
  ];

  static override args = {
    cert: Args.string({
      description: "Base path of the certificate files; default: the preset's.",
      required: false,
    }),
    kubeconfig: Args.string({
      description: "Path of the kubeconfig to write; default: the preset's.",
      required: false,
    }),
  };

  static override flags = {
    ...presetFlags(
      'Tarmak component whose certificate path, kubeconfig path, user name, mode and owner to use.',
    ),
    server: Flags.string({
      required: true,
      helpValue: 'URL',
      summary: 'API server URL (https://host:port).',
    }),
    'cluster-name': Flags.string({ default: 'default', summary: 'Name of the cluster entry.' }),
    'user-name': Flags.string({
      summary: 'Name of the user entry. Default: the preset\'s component, else "default".',
    }),
    'context-name': Flags.string({ default: 'default', summary: 'Name of the context (made current).' }),
    embed: Flags.boolean({
      default: false,
      summary: 'Embed certificate, key and CA as base64 data instead of paths.',
    }),
    ...extraCaFlags(
      'With --embed: add the CA certificates in FILE (PEM) after the bundle in certificate-authority-data (dual trust while migrating; repeatable).',
    ),
    ...accessFlags,
    mode: Flags.string({
      helpValue: 'OCTAL',
      summary:
        'Mode of the kubeconfig; never grants "other" access when --embed. Default: 0640, 0600 with --embed.',
    }),
  };

  async run(): Promise<KubeconfigResult> {
    const { args, flags } = await this.parse(Kubeconfig);
    const preset = presetOf(flags);
    const base = baseOf(args.cert, preset, 'CERT');
    const path = args.kubeconfig ?? preset?.kubeconfig?.path;
    if (path === undefined) {
      throw new HelperError(
        'CONFIG_INVALID',
        'flags',
        `KUBECONFIG is required: pass the kubeconfig path or a --preset that has one (${preset === undefined ? 'none given' : `${preset.name} has none`})`,
      );
    }
    const server = serverUrl(flags.server);
    const mode =
      flags.mode === undefined
        ? flags.embed
          ? 0o600
          : (preset?.kubeconfig?.mode ?? 0o640)
        : parseMode(flags.mode, 'mode');
    if (flags.embed) checkKeyMode(mode, 'mode');
    const uid = flags.owner !== undefined ? await resolveUser(flags.owner, 'owner') : preset?.kubeconfig?.uid;
    const gid =
      flags.group !== undefined ? await resolveGroup(flags.group, 'group') : preset?.kubeconfig?.gid;
    const owner = { ...(uid === undefined ? {} : { uid }), ...(gid === undefined ? {} : { gid }) };
    const files = svidPaths(base);
    const user = flags['user-name'] ?? preset?.kubeconfig?.userName ?? 'default';
    const extraCaFiles = flags['extra-ca-file'] ?? [];
    if (extraCaFiles.length > 0 && !flags.embed) {
      throw new HelperError(
        'CONFIG_INVALID',
        'flags',
        `--extra-ca-file needs --embed: without it the kubeconfig trusts what ${files.ca} holds, so give --extra-ca-file to the cert fetch (or run) that writes that file`,
        { details: { flag: 'extra-ca-file' } },
      );
    }
    const extraCas = await readExtraCaFiles(extraCaFiles);

    let content: KubeconfigContent = {
      server,
      clusterName: flags['cluster-name'],
      userName: user,
      contextName: flags['context-name'],
      files,
    };
    if (flags.embed) {
      // Embedding freezes the files into the kubeconfig: they must be a valid set now.
      const onDisk = await readSvidFromDisk(files);
      await verifySvid(onDisk.certificates, onDisk.key, onDisk.bundles);
      const [cert, key, ca] = await Promise.all([
        readIfPresent(files.cert),
        readIfPresent(files.key),
        readIfPresent(files.ca),
      ]);
      if (cert === undefined || key === undefined || ca === undefined) {
        throw new HelperError(
          'FILE_MISSING',
          'kubeconfig',
          `the files of ${base} disappeared while reading them`,
        );
      }
      const trust =
        extraCas.length === 0
          ? ca
          : Buffer.from(
              combineTrust(
                parseCertificates(ca).map((cert) => new Uint8Array(cert.rawData)),
                extraCas,
              ),
            );
      content = { ...content, embed: { cert, key, ca: trust } };
    }
    const outcome = await writeKubeconfig(
      path,
      content,
      { mode, ...owner },
      { mode: DEFAULT_DIR_MODE, ...owner },
    );
    this.log(
      `${path}: ${outcome === 'written' ? 'wrote' : outcome === 'unchanged' ? 'unchanged' : 'unchanged, mode/owner corrected'} kubeconfig for ${server}`,
    );
    return {
      path,
      outcome,
      server,
      cluster: flags['cluster-name'],
      user,
      context: flags['context-name'],
      embedded: flags.embed,
      files,
      mode: formatMode(mode),
      extraCas: extraCas.map((extra) => ({ file: extra.file, subject: extra.subject })),
    };
  }
}

/** Returns the API server URL after checking it is an absolute https URL without credentials. */
function serverUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new HelperError(
      'CONFIG_INVALID',
      'flags',
      `--server ${JSON.stringify(value)} is not a URL; expected https://host:port`,
      {
        details: { flag: 'server', value },
      },
    );
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') {
    throw new HelperError(
      'CONFIG_INVALID',
      'flags',
      `--server ${JSON.stringify(value)} must be an https:// URL without user or password (client certificates need TLS)`,
      { details: { flag: 'server', value } },
    );
  }
  return value;
}
