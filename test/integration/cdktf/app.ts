// The CDKTF example (terraform/examples/cdktf) end to end: the app synthesizes cdk.tf.json, the real
// terraform CLI initializes and applies that JSON against SPIRE (the test double unless SPIRE_SERVER_BIN
// and SPIRE_AGENT_BIN are set), the server then holds Tarmak's entries (a node alias per role, an entry
// per component and role, matching spire-helper's presets), and destroy removes them.
import t from 'tap';
import type { Test } from 'tap';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRESETS } from '../../../helper/outputs/presets.js';
import { hostPlatform, providerVersion } from '../../../scripts/package-provider.js';
import { TerraformWorkspace, bundledProviderDir, providerSource } from '../../harness/terraform.js';
import type { RunResult } from '../../harness/terraform.js';
import type { Backend } from '../provider/harness/spire-provider.js';
import { TD, skipWithoutTerraform, startBackend, terraform } from '../provider/harness/spire-provider.js';

t.setTimeout(180_000);

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CLUSTER = 'prod';
const ZONE = 'prod.tarmak.local';
const ROLES = ['etcd', 'master', 'worker'] as const;
const ACCOUNT = '111111111111';

/** Returns the node-alias selectors the test gives each role (what aws_iid attestation would yield). */
function roleSelectors(role: string): string[] {
  return [`aws_iid:account:${ACCOUNT}`, `aws_iid:iamrole:arn:aws:iam::${ACCOUNT}:role/${CLUSTER}-${role}`];
}

/** Runs the example app with the repository's Node and tsx, as `cdktf synth` would run `npx tsx main.ts`. */
function synthesize(cwd: string, outdir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      join(root, 'node_modules/.bin/node'),
      [
        '--import',
        join(root, 'node_modules/tsx/dist/loader.mjs'),
        join(root, 'terraform/examples/cdktf/main.ts'),
      ],
      { cwd, env: { ...process.env, CDKTF_OUTDIR: outdir } },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`the CDKTF app failed: ${stderr || error.message}`));
        else resolve();
      },
    );
  });
}

/** Asserts that a terraform run exited 0, showing its output only when it did not. */
function expectSuccess(t: Test, result: RunResult, what: string): void {
  t.equal(result.code, 0, result.code === 0 ? what : `${what}: ${result.stdout}${result.stderr}`);
}

interface ExpectedEntry {
  id: string;
  spiffeId: string;
  parentId: string;
  selectors: string[];
  hint: string;
  dnsNames: string[];
}

/** Returns Tarmak's entries as spire-helper's presets require them, sorted by ID. */
function expectedEntries(): ExpectedEntry[] {
  const role = (r: string): string => `spiffe://${TD}/tarmak/${CLUSTER}/role/${r}`;
  const aliases = ROLES.map((r) => ({
    id: `tf-${CLUSTER}-node-${r}`,
    spiffeId: role(r),
    parentId: `spiffe://${TD}/spire/server`,
    selectors: roleSelectors(r).sort(),
    hint: '',
    dnsNames: [],
  }));
  // Tarmak's certificates (etcd-events is this project's addition, not a Tarmak unit).
  const workloads = PRESETS.filter((p) => p.tarmak.unit.endsWith('-cert')).flatMap((p) =>
    p.roles.map((r) => ({
      id: `tf-${CLUSTER}-${r}-${p.name}`,
      spiffeId: `${role(r)}/${p.name}`,
      parentId: role(r),
      selectors: ['unix:uid:0'],
      hint: p.name,
      dnsNames: p.name === 'kube-apiserver' ? [`api.${CLUSTER}.${ZONE}`] : [],
    })),
  );
  return [...aliases, ...workloads].sort((a, b) => a.id.localeCompare(b.id));
}

/** Returns the entries on the server whose IDs carry the app's prefix, in the shape of ExpectedEntry. */
async function entriesOnServer(backend: Backend): Promise<ExpectedEntry[]> {
  const all = await backend.client.entries.listAll();
  return all
    .filter((e) => e.id.startsWith(`tf-${CLUSTER}-`))
    .map((e) => ({
      id: e.id,
      spiffeId: e.spiffeId,
      parentId: e.parentId,
      selectors: e.selectors.map((s) => `${s.type}:${s.value}`).sort(),
      hint: e.hint,
      dnsNames: e.dnsNames,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Returns a filesystem mirror holding the provider bundled from the current sources: `terraform init`
 * installs from it, as `cdktf deploy` would from a registry. (CDKTF always writes a backend block, which
 * Terraform accepts only after init, and init does not install dev_overrides providers.)
 */
function providerMirror(t: Test): string {
  const mirror = mkdtempSync(join(tmpdir(), 'cdktf-mirror-'));
  t.teardown(() => {
    rmSync(mirror, { recursive: true, force: true });
  });
  const version = providerVersion();
  const platformDir = join(mirror, providerSource, version, hostPlatform());
  mkdirSync(platformDir, { recursive: true });
  copyFileSync(
    join(bundledProviderDir(), 'terraform-provider-spire'),
    join(platformDir, `terraform-provider-spire_v${version}`),
  );
  return mirror;
}

t.test('the CDKTF example applies Tarmak entries to SPIRE', { skip: skipWithoutTerraform }, async (t) => {
  const backend = await startBackend(t);
  const [server] = backend.spire.servers;
  const ws = new TerraformWorkspace(t, {
    terraform: terraform ?? 'terraform',
    filesystemMirror: providerMirror(t),
  });

  // The app runs in the workspace, so its default local backend keeps the state there.
  const outdir = join(ws.dir, 'cdktf.out');
  await synthesize(ws.dir, outdir);
  const synthesized = join(outdir, 'stacks', 'tarmak', 'cdk.tf.json');
  const config = JSON.parse(readFileSync(synthesized, 'utf8')) as {
    resource: { spire_entry: Record<string, unknown> };
    terraform: { required_providers: { spire: { source: string } } };
  };
  t.equal(
    config.terraform.required_providers.spire.source,
    providerSource,
    'the stack requires the provider by its full source address',
  );
  t.equal(
    Object.keys(config.resource.spire_entry).length,
    expectedEntries().length,
    'one spire_entry per node alias and per component and role',
  );

  copyFileSync(synthesized, join(ws.dir, 'cdk.tf.json'));
  writeFileSync(
    join(ws.dir, 'terraform.tfvars.json'),
    JSON.stringify({
      spire_address: `unix://${server?.socketPath ?? ''}`,
      trust_domain: TD,
      cluster_name: CLUSTER,
      dns_zone: ZONE,
      node_alias_selectors: Object.fromEntries(ROLES.map((r) => [r, roleSelectors(r)])),
    }),
  );

  expectSuccess(t, await ws.run(['init']), 'terraform init installs the provider from the mirror');
  expectSuccess(t, await ws.run(['apply', '-auto-approve']), 'terraform apply');
  t.strictSame(await entriesOnServer(backend), expectedEntries(), 'the server holds every Tarmak entry');

  expectSuccess(t, await ws.run(['destroy', '-auto-approve']), 'terraform destroy');
  t.strictSame(await entriesOnServer(backend), [], 'destroy removes them');
});
