// The CDKTF example (terraform/examples/cdktf) end to end: the app synthesizes cdk.tf.json, the real
// terraform CLI initializes and applies that JSON against SPIRE (the test double unless SPIRE_SERVER_BIN
// and SPIRE_AGENT_BIN are set). The server then holds a node alias per role and one spire_node_role rule
// per role, which spire-node-registrar reads as valid; with attested nodes (test double only: real SPIRE
// here attests one join-token agent, which has no selectors) each node gets its own entries, named the
// way the CredentialComposer rules turn into Kubernetes names. Destroy removes all of it.
import t from 'tap';
import type { Test } from 'tap';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  composeX509Svid,
  defaultWorkloadX509SvidAttributes,
  loadTarmakRules,
} from '../../../composer/index.js';
import { PRESETS } from '../../../helper/outputs/presets.js';
import type { Ec2Lookup } from '../../../registrar/index.js';
import { DEFAULT_ENTRY_ID_PREFIX, roleFromRecord } from '../../../registrar/index.js';
import { hostPlatform, providerVersion } from '../../../scripts/package-provider.js';
import { TrustDomain } from '../../../src/core/spiffeid/index.js';
import type { Entry } from '../../../src/core/spireapi/index.js';
import { TerraformWorkspace, bundledProviderDir, providerSource } from '../../harness/terraform.js';
import type { RunResult } from '../../harness/terraform.js';
import { attestationOf, instance, nodeEntries, registrarOn } from '../../unit/registrar/fixtures/world.js';
import type { Backend } from '../provider/harness/spire-provider.js';
import { TD, skipWithoutTerraform, startBackend, terraform } from '../provider/harness/spire-provider.js';

t.setTimeout(180_000);

const root = fileURLToPath(new URL('../../../', import.meta.url));
const CLUSTER = 'prod';
const ZONE = 'prod.tarmak.local';
const ROLES = ['etcd', 'master', 'worker'] as const;
const ACCOUNT = '111111111111';

/** Returns the IAM role ARN of a role's instance profile. */
function roleArn(role: string): string {
  return `arn:aws:iam::${ACCOUNT}:role/${CLUSTER}-${role}`;
}

/**
 * Returns the selectors the test gives each role, as tarmak-aws does: what aws_iid attestation establishes
 * and a node cannot change (its instance profile, and its cluster tag when it may not retag itself).
 */
function roleSelectors(role: string): string[] {
  return [`aws_iid:iamrole:${roleArn(role)}`, `aws_iid:tag:tarmak.io/cluster:${CLUSTER}`];
}

// What EC2 DescribeInstances would answer for the roles' {ec2:…} placeholders.
const ec2: Ec2Lookup = {
  describeInstance(region, instanceId) {
    const n = Number.parseInt(instanceId.slice(-2), 16);
    return Promise.resolve({
      instanceId,
      privateDnsName: `ip-10-0-0-${n}.${region}.compute.internal`,
      privateIp: `10.0.0.${n}`,
    });
  },
};

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

interface AliasEntry {
  id: string;
  spiffeId: string;
  parentId: string;
  selectors: string[];
}

/** Returns the node aliases the app must create, sorted by ID. */
function expectedAliases(): AliasEntry[] {
  return ROLES.map((r) => ({
    id: `tf-${CLUSTER}-node-${r}`,
    spiffeId: `spiffe://${TD}/tarmak/${CLUSTER}/role/${r}`,
    parentId: `spiffe://${TD}/spire/server`,
    selectors: roleSelectors(r).sort(),
  }));
}

/** Returns the entries on the server whose IDs carry the app's prefix, in the shape of AliasEntry. */
async function appEntries(backend: Backend): Promise<AliasEntry[]> {
  const all = await backend.client.entries.listAll();
  return all
    .filter((e) => e.id.startsWith(`tf-${CLUSTER}-`))
    .map((e) => ({
      id: e.id,
      spiffeId: e.spiffeId,
      parentId: e.parentId,
      selectors: e.selectors.map((s) => `${s.type}:${s.value}`).sort(),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

interface ComponentShape {
  selectors: string[];
  dnsNames: string[];
  withIp: boolean;
  hint: string;
}

interface RoleShape {
  name: string;
  cluster: string;
  agentSelectors: string[];
  fqdn: string;
  ip: string | undefined;
  components: Record<string, ComponentShape>;
}

const hostInZone = `{hostname}.${CLUSTER}.${ZONE}`;

/** DNS names and IP of each component, as terraform/examples/tarmak-aws/node-roles.tf gives them. */
const COMPONENT_NAMES: Record<string, { dnsNames: string[]; withIp: boolean }> = {
  'etcd-k8s': { dnsNames: [hostInZone, '{fqdn}'], withIp: true },
  'etcd-overlay': { dnsNames: [hostInZone, '{fqdn}'], withIp: true },
  kubelet: { dnsNames: ['{fqdn}'], withIp: false },
  'kube-proxy': { dnsNames: [], withIp: false },
  'kube-scheduler': { dnsNames: [], withIp: false },
  'kube-controller-manager': { dnsNames: [], withIp: false },
  'kube-apiserver-proxy': { dnsNames: [], withIp: false },
  admin: { dnsNames: [], withIp: false },
  'kube-apiserver': { dnsNames: [`api.${CLUSTER}.${ZONE}`], withIp: true },
  'etcd-apiserver': { dnsNames: [hostInZone], withIp: true },
  'etcd-overlay-client': { dnsNames: [hostInZone], withIp: true },
};

/**
 * Returns the roles the registrar must read, sorted by name: per role, one component for each of Tarmak's
 * certificates on that role (spire-helper's presets; etcd-events is this project's addition, not a Tarmak
 * unit), with the preset's name as its hint.
 */
function expectedRoles(): RoleShape[] {
  const certificates = PRESETS.filter((p) => p.tarmak.unit.endsWith('-cert'));
  return ROLES.map((role) => ({
    name: `${CLUSTER}-${role}`,
    cluster: CLUSTER,
    agentSelectors: roleSelectors(role).sort(),
    fqdn: '{ec2:private_dns_name}',
    ip: '{ec2:private_ip}',
    components: Object.fromEntries(
      certificates
        .filter((p) => p.roles.includes(role))
        .map((p): [string, ComponentShape] => {
          const names = COMPONENT_NAMES[p.name];
          if (names === undefined) throw new Error(`no DNS names for component ${p.name}`);
          return [p.name, { selectors: ['unix:uid:0'], ...names, hint: p.hint }];
        }),
    ),
  }));
}

/** Returns the role records on the server as the registrar reads them; a record it rejects throws. */
async function rolesOnServer(backend: Backend): Promise<RoleShape[]> {
  const trustDomain = TrustDomain.parse(TD);
  const roles: RoleShape[] = [];
  for (const entry of await backend.client.entries.listAll()) {
    const record = roleFromRecord(entry, { prefix: DEFAULT_ENTRY_ID_PREFIX, trustDomain });
    if (record === undefined) continue;
    if (!record.ok) throw new Error(`role ${record.name} is invalid: ${record.problems.join('; ')}`);
    const { role } = record;
    roles.push({
      name: role.name,
      cluster: role.cluster,
      agentSelectors: role.agentSelectors.map((s) => `${s.type}:${s.value}`).sort(),
      fqdn: role.fqdn.text,
      ip: role.ip?.text,
      components: Object.fromEntries(
        role.components.map((c) => [
          c.name,
          {
            selectors: c.selectors.map((s) => `${s.type}:${s.value}`).sort(),
            dnsNames: c.dnsNames.map((d) => d.text),
            withIp: c.withIp,
            hint: c.hint,
          },
        ]),
      ),
    });
  }
  return roles.sort((a, b) => a.name.localeCompare(b.name));
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

t.test(
  'the CDKTF example applies Tarmak’s node roles, and each node gets its own entries',
  { skip: skipWithoutTerraform },
  async (t) => {
    const backend = await startBackend(t);
    const { sim, client } = backend;
    const socket = backend.spire.servers[0]!.socketPath;
    const ws = new TerraformWorkspace(t, {
      terraform: terraform ?? 'terraform',
      filesystemMirror: providerMirror(t),
    });

    // The app runs in the workspace, so its default local backend keeps the state there.
    const outdir = join(ws.dir, 'cdktf.out');
    await synthesize(ws.dir, outdir);
    const synthesized = join(outdir, 'stacks', 'tarmak', 'cdk.tf.json');
    const config = JSON.parse(readFileSync(synthesized, 'utf8')) as {
      resource: Record<string, Record<string, unknown>>;
      terraform: { required_providers: { spire: { source: string } } };
    };
    t.equal(
      config.terraform.required_providers.spire.source,
      providerSource,
      'the stack requires the provider by its full source address',
    );
    t.strictSame(
      Object.fromEntries(Object.entries(config.resource).map(([type, r]) => [type, Object.keys(r).sort()])),
      {
        spire_entry: ROLES.map((r) => `node_alias_${r}`),
        spire_node_role: ROLES.map((r) => `node_role_${r}`),
      },
      'per role a node alias and a node role, and no role-wide workload entry',
    );

    copyFileSync(synthesized, join(ws.dir, 'cdk.tf.json'));
    writeFileSync(
      join(ws.dir, 'terraform.tfvars.json'),
      JSON.stringify({
        spire_address: `unix://${socket}`,
        trust_domain: TD,
        cluster_name: CLUSTER,
        dns_zone: ZONE,
        node_alias_selectors: Object.fromEntries(ROLES.map((r) => [r, roleSelectors(r)])),
      }),
    );

    expectSuccess(t, await ws.run(['init']), 'terraform init installs the provider from the mirror');
    expectSuccess(t, await ws.run(['apply', '-auto-approve']), 'terraform apply');
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(
      plan.code,
      0,
      plan.code === 0 ? 'a second plan is empty' : `a second plan is empty: ${plan.stdout}${plan.stderr}`,
    );

    t.strictSame(
      await appEntries(backend),
      expectedAliases(),
      'the server holds the node alias of each role',
    );
    t.strictSame(
      await rolesOnServer(backend),
      expectedRoles(),
      'the registrar reads each role with Tarmak’s certificates of that role (tarmak-aws node-roles.tf)',
    );

    const registrar = registrarOn(t, socket, { ec2 });
    t.match(
      await registrar.cycle(),
      { roles: ['prod-etcd', 'prod-master', 'prod-worker'], invalidRoles: [], failed: 0 },
      'the registrar finds every role valid',
    );

    if (sim === undefined) {
      t.comment(
        'real SPIRE: no aws_iid-attested nodes to register; that part runs against the test double only',
      );
    } else {
      const inRole = (id: string, role: string) =>
        attestationOf({
          ...instance(id, role, { 'tarmak.io/cluster': CLUSTER }),
          iamRoles: [roleArn(role)],
        });
      const worker = await sim.controls.attestAgent(inRole('i-0000000000000000a', 'worker'));
      const master = await sim.controls.attestAgent(inRole('i-0000000000000000b', 'master'));
      const etcd = await sim.controls.attestAgent(inRole('i-0000000000000000c', 'etcd'));
      // Tagged as a worker of the cluster, but another instance profile: not a worker.
      const impostor = await sim.controls.attestAgent(
        attestationOf({
          ...instance('i-0000000000000000d', 'worker', { 'tarmak.io/cluster': CLUSTER }),
          iamRoles: [`arn:aws:iam::${ACCOUNT}:role/some-other-role`],
        }),
      );
      t.match(
        await registrar.cycle(),
        { agents: 3, created: 3 + 9 + 2, failed: 0 },
        'one entry per node and component',
      );

      const entries = await nodeEntries(client);
      const on = (agent: { spiffeId: string }): Entry[] =>
        entries.filter((e) => e.parentId === agent.spiffeId);
      const node = `spiffe://${TD}/k8s/${CLUSTER}/node/ip-10-0-0-10.eu-west-1.compute.internal`;
      t.strictSame(
        on(worker)
          .map((e) => ({
            spiffeId: e.spiffeId,
            selectors: e.selectors.map((s) => `${s.type}:${s.value}`),
            dnsNames: e.dnsNames,
            hint: e.hint,
          }))
          .sort((a, b) => a.spiffeId.localeCompare(b.spiffeId)),
        [
          {
            spiffeId: `${node}/etcd-overlay-client/10.0.0.10`,
            selectors: ['unix:uid:0'],
            dnsNames: [`ip-10-0-0-10.${CLUSTER}.${ZONE}`],
            hint: 'etcd-overlay-client',
          },
          {
            spiffeId: `${node}/kube-proxy`,
            selectors: ['unix:uid:0'],
            dnsNames: [],
            hint: 'kube-proxy',
          },
          {
            spiffeId: `${node}/kubelet`,
            selectors: ['unix:uid:0'],
            dnsNames: ['ip-10-0-0-10.eu-west-1.compute.internal'],
            hint: 'kubelet',
          },
        ],
        'the worker gets exactly its kubelet, kube-proxy and etcd-overlay-client entries, parented to its agent',
      );
      t.strictSame(
        entries.filter((e) => e.spiffeId.startsWith(`${node}/`)).map((e) => e.parentId),
        [worker.spiffeId, worker.spiffeId, worker.spiffeId],
        'no other agent holds an entry naming the worker',
      );
      t.strictSame(on(impostor), [], 'an instance without the role’s instance profile gets nothing');
      t.equal(on(master).length, 9, 'a master gets the nine Tarmak master certificates');
      t.equal(on(etcd).length, 2, 'an etcd node gets its two etcd server certificates');

      const kubelet = on(worker).find((e) => e.spiffeId.endsWith('/kubelet'));
      const svid = composeX509Svid(loadTarmakRules(), {
        spiffeId: kubelet?.spiffeId ?? '',
        attributes: defaultWorkloadX509SvidAttributes(kubelet?.dnsNames ?? []),
      });
      t.match(
        svid.subject,
        {
          commonName: 'system:node:ip-10-0-0-10.eu-west-1.compute.internal',
          organization: ['system:nodes'],
        },
        'the composer names the worker’s kubelet SVID as Kubernetes expects',
      );
    }

    expectSuccess(t, await ws.run(['destroy', '-auto-approve']), 'terraform destroy');
    t.strictSame(await appEntries(backend), [], 'destroy removes the node aliases');
    t.strictSame(await rolesOnServer(backend), [], 'and the role records');
    t.match(
      await registrar.cycle(),
      { roles: [], deleted: sim === undefined ? 0 : 14 },
      'the registrar then removes every node entry',
    );
    t.strictSame(await nodeEntries(client), [], 'no role, no node entries');
  },
);
