// Real certificates through a real go-plugin host: test/harness/gohost loads the plugin the way
// spire-server does, configures it with the shipped Tarmak rules, calls ComposeWorkloadX509SVID and signs
// the template with Go's crypto/x509 the way SPIRE's CA does, then checks it as SPIRE's credvalidator
// would. openssl reads the result.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tarmakRulesFile } from '../../../composer/index.js';
import { goHostUnavailable, runGoHost, type HostResult, type HostStep } from '../../harness/gohost/index.js';

const skip = goHostUnavailable() ?? false;
// The first run builds the Go host (about 15 s with a cold Go cache).
t.setTimeout(180_000);

const plugin = fileURLToPath(new URL('../../../composer/bin/spire-credentialcomposer-k8s', import.meta.url));
const TD = 'cluster.example';
const FQDN = 'ip-10-0-1-5.eu-west-1.compute.internal';
const IP = '10.0.1.5';
const base = `spiffe://${TD}/k8s/c1/node/${FQDN}`;

/** Returns openssl's subject (RFC 2253, most specific first) and its SAN line for a PEM file. */
function openssl(file: string): { subject: string; san: string; eku: string } {
  const text = execFileSync(
    'openssl',
    [
      'x509',
      '-in',
      file,
      '-noout',
      '-subject',
      '-nameopt',
      'RFC2253',
      '-ext',
      'subjectAltName,extendedKeyUsage',
    ],
    { encoding: 'utf8' },
  );
  const lines = text.split('\n').map((l) => l.trim());
  const after = (header: string): string => lines[lines.findIndex((l) => l.startsWith(header)) + 1] ?? '';
  return {
    subject: lines[0]?.replace(/^subject=/, '') ?? '',
    san: after('X509v3 Subject Alternative Name'),
    eku: after('X509v3 Extended Key Usage'),
  };
}

t.test('certificates issued from the composed attributes carry Kubernetes names', { skip }, async (t) => {
  const dir = t.testdir();
  const cert = (name: string): string => join(dir, `${name}.pem`);
  const steps: HostStep[] = [
    { op: 'validate', config: readFileSync(tarmakRulesFile, 'utf8') },
    { op: 'configure', config: readFileSync(tarmakRulesFile, 'utf8') },
    { op: 'compose_workload', spiffe_id: `${base}/kubelet`, dns_names: [FQDN], out: cert('kubelet') },
    {
      op: 'compose_workload',
      spiffe_id: `${base}/kube-apiserver/${IP}`,
      dns_names: ['api.c1.tarmak.local'],
      out: cert('apiserver'),
    },
    { op: 'compose_workload', spiffe_id: `${base}/admin`, out: cert('admin') },
    {
      op: 'compose_workload',
      spiffe_id: `${base}/etcd-k8s/${IP}`,
      dns_names: ['etcd-1.c1.tarmak.local', FQDN],
      out: cert('etcd'),
    },
    { op: 'compose_workload', spiffe_id: `spiffe://${TD}/web`, dns_names: ['web.example'], out: cert('web') },
    { op: 'compose_jwt', spiffe_id: `spiffe://${TD}/web` },
  ];
  const run = await runGoHost({ plugin, type: 'CredentialComposer', name: 'k8s', trust_domain: TD, steps });
  t.equal(run.code, 0, run.stderr);
  const byOp = (op: string): HostResult[] => run.results.filter((r) => r.op === op);

  t.strictSame(byOp('init')[0]?.plugin_service_names, [
    'spire.plugin.server.credentialcomposer.v1.CredentialComposer',
    'spire.service.common.config.v1.Config',
  ]);
  t.match(
    run.stderr,
    /brokered connection offered.*service_id=1/,
    'the broker stream took SPIRE’s host-service offer',
  );
  t.match(byOp('validate')[0], { valid: true });
  t.match(byOp('configure')[0], { ok: true });
  const composed = byOp('compose_workload');
  t.equal(composed.length, 5);
  for (const r of composed)
    t.match(r, { ok: true }, `issued and accepted as an X509-SVID: ${String(r.cert)}`);

  t.test('kubelet: CN system:node:<fqdn>, O system:nodes', (t) => {
    const c = openssl(cert('kubelet'));
    t.equal(c.subject, `CN=system:node:${FQDN},O=system:nodes`);
    t.equal(c.san, `DNS:${FQDN}, URI:${base}/kubelet`);
    t.equal(c.eku, 'TLS Web Server Authentication, TLS Web Client Authentication');
    t.end();
  });

  t.test(
    'kube-apiserver: IP SANs for the node, the service IP and loopback, next to the URI and DNS SANs',
    (t) => {
      const c = openssl(cert('apiserver'));
      t.equal(c.subject, 'CN=system:kube-apiserver');
      t.equal(
        c.san,
        [
          'DNS:api.c1.tarmak.local',
          'DNS:kubernetes',
          'DNS:kubernetes.default',
          'DNS:kubernetes.default.svc',
          'DNS:kubernetes.default.svc.cluster.local',
          'DNS:localhost',
          `IP Address:${IP}`,
          'IP Address:10.254.0.1',
          'IP Address:127.0.0.1',
          `URI:${base}/kube-apiserver/${IP}`,
        ].join(', '),
      );
      t.end();
    },
  );

  t.test('admin: O system:masters', (t) => {
    const c = openssl(cert('admin'));
    t.equal(c.subject, 'CN=admin,O=system:masters');
    t.equal(c.san, `URI:${base}/admin`);
    t.end();
  });

  t.test('etcd server and peer: etcd-server with loopback and node IP', (t) => {
    const c = openssl(cert('etcd'));
    t.equal(c.subject, 'CN=etcd-server');
    t.equal(
      c.san,
      `DNS:etcd-1.c1.tarmak.local, DNS:${FQDN}, DNS:localhost, IP Address:127.0.0.1, IP Address:${IP}, URI:${base}/etcd-k8s/${IP}`,
    );
    t.end();
  });

  t.test('an ID no rule matches keeps SPIRE’s defaults: O=SPIRE, C=US, CN from the first DNS name', (t) => {
    t.match(composed[4], { unchanged: 'no attributes' });
    const c = openssl(cert('web'));
    t.equal(c.subject, 'CN=web.example,O=SPIRE,C=US');
    t.equal(c.san, `DNS:web.example, URI:spiffe://${TD}/web`);
    t.end();
  });

  t.test('every certificate verifies against the CA that signed it', (t) => {
    for (const name of ['kubelet', 'apiserver', 'admin', 'etcd', 'web']) {
      const out = execFileSync('openssl', ['verify', '-CAfile', join(dir, `${name}-ca.pem`), cert(name)], {
        encoding: 'utf8',
      });
      t.equal(out.trim(), `${cert(name)}: OK`);
    }
    t.end();
  });

  t.test('JWT-SVIDs are left to SPIRE: the RPC is UNIMPLEMENTED', (t) => {
    t.match(byOp('compose_jwt')[0], { code: 'Unimplemented' });
    t.end();
  });
  t.end();
});
