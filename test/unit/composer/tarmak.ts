// The shipped Tarmak rule set (composer/rules/tarmak.json) against Tarmak's certificate inventory: CN, O,
// DNS and IP SANs per component, from Tarmak's Vault PKI roles and Puppet cert_service calls
// (../shared/reference/helper-anchors.md (b)).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { x509 } from '../../../src/core/x509/index.js';
import {
  composeX509Svid,
  defaultWorkloadX509SvidAttributes,
  loadTarmakRules,
  subjectAltNameOid,
  tarmakRulesFile,
  validateComposerConfig,
  type X509SvidAttributes,
} from '../../../composer/index.js';

const TD = 'cluster.example';
const C = 'c1';
const Z = 'c1.tarmak.local';
const FQDN = 'ip-10-0-1-5.eu-west-1.compute.internal';
const IP = '10.0.1.5';
const base = `spiffe://${TD}/k8s/${C}/node/${FQDN}`;

interface Row {
  readonly component: string;
  readonly path: string;
  /** What the registration entry carries (docs/composer.md "entry dns_names"). */
  readonly entryDns: readonly string[];
  readonly cn: string;
  readonly o: readonly string[];
  readonly dns: readonly string[];
  readonly ips: readonly string[];
}

const rows: readonly Row[] = [
  {
    component: 'kubelet',
    path: '/kubelet',
    entryDns: [FQDN],
    cn: `system:node:${FQDN}`,
    o: ['system:nodes'],
    dns: [FQDN],
    ips: [],
  },
  {
    component: 'kube-proxy',
    path: '/kube-proxy',
    entryDns: [],
    cn: 'system:kube-proxy',
    o: [],
    dns: [],
    ips: [],
  },
  {
    component: 'kube-scheduler',
    path: '/kube-scheduler',
    entryDns: [],
    cn: 'system:kube-scheduler',
    o: [],
    dns: [],
    ips: [],
  },
  {
    component: 'kube-controller-manager',
    path: '/kube-controller-manager',
    entryDns: [],
    cn: 'system:kube-controller-manager',
    o: [],
    dns: [],
    ips: [],
  },
  {
    component: 'kube-apiserver (serving: service IP, node IP, loopback)',
    path: `/kube-apiserver/${IP}`,
    entryDns: [`api.${Z}`],
    cn: 'system:kube-apiserver',
    o: [],
    dns: [
      `api.${Z}`,
      'kubernetes',
      'kubernetes.default',
      'kubernetes.default.svc',
      'kubernetes.default.svc.cluster.local',
      'localhost',
    ],
    ips: [IP, '10.254.0.1', '127.0.0.1'],
  },
  {
    component: 'kube-apiserver-proxy (front proxy client)',
    path: '/kube-apiserver-proxy',
    entryDns: [],
    cn: 'kube-apiserver-proxy',
    o: [],
    dns: [],
    ips: [],
  },
  { component: 'admin', path: '/admin', entryDns: [], cn: 'admin', o: ['system:masters'], dns: [], ips: [] },
  {
    component: 'etcd-k8s server and peer',
    path: `/etcd-k8s/${IP}`,
    entryDns: [`etcd-1.${Z}`, FQDN],
    cn: 'etcd-server',
    o: [],
    dns: [`etcd-1.${Z}`, FQDN, 'localhost'],
    ips: ['127.0.0.1', IP],
  },
  {
    component: 'etcd-overlay server and peer',
    path: `/etcd-overlay/${IP}`,
    entryDns: [`etcd-1.${Z}`, FQDN],
    cn: 'etcd-server',
    o: [],
    dns: [`etcd-1.${Z}`, FQDN, 'localhost'],
    ips: ['127.0.0.1', IP],
  },
  {
    component: 'etcd-k8s client (kube-apiserver)',
    path: `/etcd-apiserver/${IP}`,
    entryDns: [`master-1.${Z}`],
    cn: 'etcd-client',
    o: [],
    dns: [`master-1.${Z}`],
    ips: [IP],
  },
  {
    component: 'etcd-overlay client (calico)',
    path: `/etcd-overlay-client/${IP}`,
    entryDns: [`worker-1.${Z}`],
    cn: 'etcd-client',
    o: [],
    dns: [`worker-1.${Z}`],
    ips: [IP],
  },
];

function sanIps(attributes: X509SvidAttributes): string[] {
  const san = attributes.extraExtensions.find((e) => e.oid === subjectAltNameOid);
  if (san === undefined) return [];
  return new x509.SubjectAlternativeNameExtension(
    new x509.Extension(san.oid, san.critical, new Uint8Array(san.value)).rawData,
  ).names.items
    .filter((n) => n.type === 'ip')
    .map((n) => n.value);
}

t.test('the shipped file passes the plugin’s own validation', (t) => {
  const out = validateComposerConfig(readFileSync(tarmakRulesFile, 'utf8'));
  t.ok(out.valid, out.notes.join('\n'));
  t.equal(loadTarmakRules().rules.length, rows.length, 'one rule per inventory row');
  t.end();
});

const rules = loadTarmakRules();
for (const row of rows) {
  t.test(`${row.component}: CN ${row.cn}${row.o.length > 0 ? `, O ${row.o.join('+')}` : ', no O'}`, (t) => {
    const out = composeX509Svid(rules, {
      spiffeId: base + row.path,
      attributes: defaultWorkloadX509SvidAttributes(row.entryDns),
    });
    t.equal(out.subject.commonName, row.cn);
    t.strictSame(out.subject.organization, row.o);
    t.strictSame(out.subject.country, [], 'no C=US');
    t.strictSame(out.dnsSans, row.dns);
    t.strictSame(sanIps(out), row.ips);
    t.end();
  });
}

t.test('IDs outside the layout keep SPIRE’s defaults', (t) => {
  for (const id of [
    `spiffe://${TD}/k8s/${C}/node/${FQDN}/unknown`,
    `spiffe://${TD}/spire/agent/join_token/x`,
  ]) {
    const attributes = defaultWorkloadX509SvidAttributes(['a.example']);
    t.equal(composeX509Svid(rules, { spiffeId: id, attributes }), attributes, id);
  }
  t.end();
});
