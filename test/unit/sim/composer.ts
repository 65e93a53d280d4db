// The double runs the CredentialComposer rules over every workload and agent X509-SVID before signing, as
// SPIRE runs a CredentialComposer plugin (pkg/server/credtemplate/builder.go), so what a workload receives
// carries the Kubernetes names of composer/rules/tarmak.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { loadTarmakRules, parseComposerConfig, tarmakRulesFile } from '../../../composer/index.js';
import { x509 } from '../../../src/core/x509/setup.js';
import { SimCa } from '../../sim/ca.js';
import {
  goSubjectName,
  parseDistinguishedName,
  rulesComposer,
  type SimCredentialComposer,
} from '../../sim/composer.js';
import { startSim, type Sim } from '../../sim/index.js';
import { makeEntry } from './fixtures/workload.js';

const TD = 'tarmak.example';
const NODE = 'ip-10-0-1-10.ec2.internal';
const IP = '10.0.1.10';
const NODE_ID = `spiffe://${TD}/k8s/demo/node/${NODE}`;
const AGENT_ID = `spiffe://${TD}/spire/agent/join_token/t0k3n`;

interface Names {
  subject: string;
  dns: string[];
  ips: string[];
  uris: string[];
  sanCritical: boolean | undefined;
}

function names(cert: x509.X509Certificate | undefined): Names {
  if (cert === undefined) throw new Error('no certificate');
  const san = cert.getExtension(x509.SubjectAlternativeNameExtension);
  const of = (type: string): string[] =>
    san?.names.items.filter((n) => n.type === type).map((n) => n.value) ?? [];
  return {
    subject: cert.subject,
    dns: of('dns'),
    ips: of('ip'),
    uris: of('url'),
    sanCritical: san?.critical,
  };
}

/** Starts the double (optionally with a rules file) and returns the leaf issued for each entry. */
async function issue(
  t: Test,
  options: { composerRulesFile?: string; dir?: string },
  entries: { spiffeId: string; dnsNames?: string[] }[],
): Promise<x509.X509Certificate[]> {
  const sim: Sim = await startSim({ trustDomain: TD, ...options, dir: options.dir ?? t.testdir() });
  t.teardown(() => sim.close());
  const made = entries.map((e, i) =>
    makeEntry({ ...e, id: `e${String(i).padStart(2, '0')}`, parentId: AGENT_ID }),
  );
  for (const entry of made) sim.ds.insertEntry(entry);
  const workload = await sim.workload({ agentId: AGENT_ID, selectors: [{ type: 'unix', value: 'uid:0' }] });
  await workload.settled();
  const held = workload.currentX509Svids();
  return made.map((entry) => {
    const svid = held.find((h) => h.entryId === entry.id);
    const leaf = svid?.certificates[0];
    if (leaf === undefined) throw new Error(`no SVID for ${entry.id}`);
    return leaf;
  });
}

t.test('the Tarmak rules give a kubelet SVID CN system:node:<fqdn> and O system:nodes, no C', async (t) => {
  const [kubelet] = await issue(t, { composerRulesFile: tarmakRulesFile }, [
    { spiffeId: `${NODE_ID}/kubelet`, dnsNames: [NODE] },
  ]);
  t.same(names(kubelet), {
    subject: `O=system:nodes, CN=system:node:${NODE}`,
    dns: [NODE],
    ips: [],
    uris: [`${NODE_ID}/kubelet`],
    sanCritical: false,
  });
});

t.test('an IP SAN rule puts DNS, IP and URI SANs into one subjectAltName (kube-apiserver)', async (t) => {
  const id = `${NODE_ID}/kube-apiserver/${IP}`;
  const [apiserver] = await issue(t, { composerRulesFile: tarmakRulesFile }, [
    { spiffeId: id, dnsNames: ['api.demo.tarmak.local'] },
  ]);
  t.same(names(apiserver), {
    subject: 'CN=system:kube-apiserver',
    dns: [
      'api.demo.tarmak.local',
      'kubernetes',
      'kubernetes.default',
      'kubernetes.default.svc',
      'kubernetes.default.svc.cluster.local',
      'localhost',
    ],
    ips: [IP, '10.254.0.1', '127.0.0.1'],
    uris: [id],
    sanCritical: false,
  });
  const sans = apiserver?.extensions.filter((e) => e.type === '2.5.29.17') ?? [];
  t.equal(sans.length, 1, 'exactly one subjectAltName extension');
  t.equal(apiserver?.extensions.at(-1)?.type, '2.5.29.17', 'extra extensions come last, as Go appends them');
});

t.test('an IP SAN rule on a kubelet ID (a rules file of its own) adds the node IP', async (t) => {
  const dir = t.testdir();
  const rules = join(dir, 'rules.json');
  writeFileSync(
    rules,
    JSON.stringify({
      rules: [
        {
          name: 'kubelet',
          match: '/k8s/{cluster}/node/{fqdn}/kubelet/{ip}',
          subject: { common_name: 'system:node:{fqdn}', organization: ['system:nodes'], country: [] },
          ip_sans: ['{ip}'],
        },
      ],
    }),
  );
  const [kubelet] = await issue(t, { composerRulesFile: rules, dir }, [
    { spiffeId: `${NODE_ID}/kubelet/${IP}`, dnsNames: [NODE] },
  ]);
  t.same(names(kubelet), {
    subject: `O=system:nodes, CN=system:node:${NODE}`,
    dns: [NODE],
    ips: [IP],
    uris: [`${NODE_ID}/kubelet/${IP}`],
    sanCritical: false,
  });
});

t.test('an entry no rule matches gets what it gets without a composer', async (t) => {
  const entry = { spiffeId: `spiffe://${TD}/web/frontend`, dnsNames: ['web.example.org', 'www.example.org'] };
  const dir = t.testdir({ composed: {}, plain: {} });
  const [composed] = await issue(t, { composerRulesFile: tarmakRulesFile, dir: join(dir, 'composed') }, [
    entry,
  ]);
  const [plain] = await issue(t, { dir: join(dir, 'plain') }, [entry]);
  const expected: Names = {
    subject: 'C=US, O=SPIRE, CN=web.example.org',
    dns: ['web.example.org', 'www.example.org'],
    ips: [],
    uris: [entry.spiffeId],
    sanCritical: false,
  };
  t.same(names(plain), expected, 'SPIRE default template');
  t.same(names(composed), expected, 'unchanged by the rules');
  t.same(
    composed?.extensions.map((e) => e.type),
    plain?.extensions.map((e) => e.type),
    'same extensions in the same order',
  );
});

t.test('a rules file that is not valid stops startSim with the rule named', async (t) => {
  const dir = t.testdir();
  const rules = join(dir, 'bad.json');
  writeFileSync(rules, JSON.stringify({ rules: [{ name: 'broken', match: 'no-slash' }] }));
  await t.rejects(startSim({ trustDomain: TD, dir, composerRulesFile: rules }), {
    name: 'ComposerError',
    code: 'CONFIG_INVALID',
    message: /rules\[0\] \(broken\)/,
  });
});

t.test('a matching rule that cannot be applied leaves that entry without an SVID', async (t) => {
  const sim = await startSim({ trustDomain: TD, dir: t.testdir(), composerRulesFile: tarmakRulesFile });
  t.teardown(() => sim.close());
  // The kube-apiserver rule takes the last segment as an IP SAN; "not-an-ip" is none.
  sim.ds.insertEntry(
    makeEntry({ id: 'bad', parentId: AGENT_ID, spiffeId: `${NODE_ID}/kube-apiserver/not-an-ip` }),
  );
  sim.ds.insertEntry(makeEntry({ id: 'good', parentId: AGENT_ID, spiffeId: `${NODE_ID}/kube-proxy` }));
  const warnings: unknown[][] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args);
  t.teardown(() => {
    console.warn = warn;
  });
  const workload = await sim.workload({ agentId: AGENT_ID, selectors: [{ type: 'unix', value: 'uid:0' }] });
  await workload.settled();
  t.same(
    workload.currentX509Svids().map((s) => s.spiffeId),
    [`${NODE_ID}/kube-proxy`],
  );
  t.match(String(warnings[0]?.[1]), /rules\[4\] \(kube-apiserver\)\.ip_sans\[0\]/);
});

t.test(
  'agent SVIDs go through the rules, server SVIDs do not (the plugin serves no server RPC)',
  async (t) => {
    const composer = rulesComposer(
      parseComposerConfig(
        JSON.stringify({
          rules: [
            { match: '/spire/agent/{type}/{name}', subject: { common_name: 'agent {name}' } },
            { match: '/spire/server', subject: { common_name: 'server' } },
          ],
        }),
      ),
    );
    const ca = await SimCa.create({ trustDomain: TD, credentialComposer: composer });
    const agent = await ca.mintX509Svid({ spiffeId: `spiffe://${TD}/spire/agent/x509pop/n1`, kind: 'agent' });
    const server = await ca.mintX509Svid({ spiffeId: `spiffe://${TD}/spire/server`, kind: 'server' });
    t.equal(agent.certificates[0]?.subject, 'C=US, O=SPIRE, CN=agent n1');
    t.equal(server.certificates[0]?.subject, 'C=US, O=SPIRE');
  },
);

t.test(
  'a composed subjectAltName without the SPIFFE ID fails signing (credvalidator checkURISAN)',
  async (t) => {
    const tarmak = rulesComposer(loadTarmakRules());
    // Swap the URI SAN of the composed extension for another ID.
    const lying: SimCredentialComposer = (request) =>
      tarmak({ ...request, spiffeId: `spiffe://${TD}/k8s/demo/node/other/kube-apiserver/${IP}` });
    const ca = await SimCa.create({ trustDomain: TD, credentialComposer: lying });
    const id = `${NODE_ID}/kube-apiserver/${IP}`;
    await t.rejects(ca.mintX509Svid({ spiffeId: id }), {
      message: `invalid workload X509-SVID: invalid X509-SVID: expected URI SAN "${id}" but got "spiffe://${TD}/k8s/demo/node/other/kube-apiserver/${IP}"`,
    });
  },
);

t.test('subjects are encoded in Go pkix.Name order with one RDN per multi-valued field', (t) => {
  const name = goSubjectName({
    ...parseDistinguishedName('CN=c, OU=u, O=o1, C=US, L=l'),
    organization: ['o1', 'o2'],
    extraNames: [{ oid: '2.5.4.11', value: 'extra-ou' }],
  });
  const rdns = name.toJSON();
  t.same(rdns, [{ C: ['US'] }, { L: ['l'] }, { O: ['o1', 'o2'] }, { CN: ['c'] }, { OU: ['extra-ou'] }]);
  const star = goSubjectName({ ...parseDistinguishedName('C=US'), commonName: '*.example.org' });
  // UTF8String (tag 12) for a value with '*', PrintableString (tag 19) otherwise.
  const der = Buffer.from(star.toArrayBuffer());
  t.ok(der.includes(Buffer.from([0x0c, 13, ...Buffer.from('*.example.org')])), 'CN with * is UTF8String');
  t.ok(der.includes(Buffer.from([0x13, 2, ...Buffer.from('US')])), 'C=US is PrintableString');
  t.end();
});
