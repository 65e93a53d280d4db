// Applying rules to one X509-SVID: first match wins, unmatched IDs are untouched, subject fields are
// replaced only when the rule names them, and IP SANs arrive as a full subjectAltName.
import t from 'tap';
import { x509 } from '../../../src/core/x509/index.js';
import {
  composeX509Svid,
  defaultWorkloadX509SvidAttributes,
  isComposerError,
  parseComposerConfig,
  subjectAltNameOid,
  type ComposerRules,
  type X509SvidAttributes,
} from '../../../composer/index.js';

function rules(list: unknown[]): ComposerRules {
  return parseComposerConfig(JSON.stringify({ rules: list }));
}

const TD = 'cluster.example';
const kubelet = {
  name: 'kubelet',
  match: '/k8s/{cluster}/node/{fqdn}/kubelet',
  subject: { common_name: 'system:node:{fqdn}', organization: ['system:nodes'], country: [] },
};
const apiserver = {
  name: 'kube-apiserver',
  match: '/k8s/{cluster}/node/{fqdn}/kube-apiserver/{ip}',
  subject: { common_name: 'system:kube-apiserver', organization: [] },
  dns_sans: ['kubernetes', 'localhost'],
  ip_sans: ['{ip}', '10.254.0.1', '127.0.0.1'],
};

/** Returns the SAN extension's names as [type, value] pairs, parsed by @peculiar/x509. */
function sanNames(attributes: X509SvidAttributes): [string, string][] {
  const san = attributes.extraExtensions.find((e) => e.oid === subjectAltNameOid);
  if (san === undefined) return [];
  const ext = new x509.SubjectAlternativeNameExtension(
    new x509.Extension(san.oid, san.critical, new Uint8Array(san.value)).rawData,
  );
  return ext.names.items.map((n) => [n.type, n.value]);
}

t.test('an ID no rule matches is returned unchanged: the very same attributes', (t) => {
  const attributes = defaultWorkloadX509SvidAttributes(['web.example']);
  const out = composeX509Svid(rules([kubelet]), { spiffeId: `spiffe://${TD}/web`, attributes });
  t.equal(out, attributes);
  t.end();
});

t.test('the first matching rule applies, later ones are not consulted', (t) => {
  const catchAll = { name: 'all', match: '/k8s/{c}/node/{n}/{what}', subject: { common_name: 'catch-all' } };
  const spiffeId = `spiffe://${TD}/k8s/c1/node/n1/kubelet`;
  const attributes = defaultWorkloadX509SvidAttributes(['n1']);
  t.equal(
    composeX509Svid(rules([kubelet, catchAll]), { spiffeId, attributes }).subject.commonName,
    'system:node:n1',
  );
  t.equal(
    composeX509Svid(rules([catchAll, kubelet]), { spiffeId, attributes }).subject.commonName,
    'catch-all',
  );
  t.end();
});

t.test('subject fields the rule names are replaced; the others stay as SPIRE proposed them', (t) => {
  const attributes = defaultWorkloadX509SvidAttributes(['n1.example']);
  const withLocality = { ...attributes, subject: { ...attributes.subject, locality: ['Bristol'] } };
  const out = composeX509Svid(
    rules([{ match: '/k8s/{c}/node/{n}/kube-proxy', subject: { common_name: 'system:kube-proxy' } }]),
    {
      spiffeId: `spiffe://${TD}/k8s/c1/node/n1/kube-proxy`,
      attributes: withLocality,
    },
  );
  t.equal(out.subject.commonName, 'system:kube-proxy');
  t.strictSame(out.subject.organization, ['SPIRE'], 'O not named by the rule: kept');
  t.strictSame(out.subject.country, ['US']);
  t.strictSame(out.subject.locality, ['Bristol']);
  t.end();
});

t.test('empty lists remove SPIRE’s C=US and O=SPIRE (no stray Kubernetes group "SPIRE")', (t) => {
  const out = composeX509Svid(rules([kubelet]), {
    spiffeId: `spiffe://${TD}/k8s/c1/node/n1.example/kubelet`,
    attributes: defaultWorkloadX509SvidAttributes(['n1.example']),
  });
  t.strictSame(out.subject.country, []);
  t.strictSame(out.subject.organization, ['system:nodes']);
  t.end();
});

t.test('a rule without IP SANs adds no extension: SPIRE builds the SAN from the DNS names', (t) => {
  const out = composeX509Svid(rules([kubelet]), {
    spiffeId: `spiffe://${TD}/k8s/c1/node/n1.example/kubelet`,
    attributes: defaultWorkloadX509SvidAttributes(['n1.example']),
  });
  t.strictSame(out.extraExtensions, []);
  t.strictSame(out.dnsSans, ['n1.example']);
  t.end();
});

t.test('IP SANs go into one subjectAltName that keeps the DNS SANs and the SPIFFE ID’s URI', (t) => {
  const spiffeId = `spiffe://${TD}/k8s/c1/node/m1.example/kube-apiserver/10.0.1.5`;
  const out = composeX509Svid(rules([apiserver]), {
    spiffeId,
    attributes: defaultWorkloadX509SvidAttributes(['api.c1.example']),
  });
  t.strictSame(
    out.dnsSans,
    ['api.c1.example', 'kubernetes', 'localhost'],
    'entry names first, then the rule’s',
  );
  t.strictSame(sanNames(out), [
    ['dns', 'api.c1.example'],
    ['dns', 'kubernetes'],
    ['dns', 'localhost'],
    ['ip', '10.0.1.5'],
    ['ip', '10.254.0.1'],
    ['ip', '127.0.0.1'],
    ['url', spiffeId],
  ]);
  t.equal(out.extraExtensions.length, 1);
  t.equal(out.extraExtensions[0]?.critical, false, 'not critical: the subject is not empty');
  t.end();
});

t.test('DNS and IP SANs are not repeated', (t) => {
  const out = composeX509Svid(rules([{ ...apiserver, ip_sans: ['{ip}', '10.0.1.5', '127.0.0.1'] }]), {
    spiffeId: `spiffe://${TD}/k8s/c1/node/m1/kube-apiserver/10.0.1.5`,
    attributes: defaultWorkloadX509SvidAttributes(['localhost', 'kubernetes']),
  });
  t.strictSame(out.dnsSans, ['localhost', 'kubernetes']);
  t.strictSame(
    sanNames(out).filter(([type]) => type === 'ip'),
    [
      ['ip', '10.0.1.5'],
      ['ip', '127.0.0.1'],
    ],
  );
  t.end();
});

t.test('an earlier subjectAltName is replaced; other extra extensions are kept', (t) => {
  const other = { oid: '1.2.3.4', value: new Uint8Array([5, 0]), critical: false };
  const oldSan = { oid: subjectAltNameOid, value: new Uint8Array([0x30, 0]), critical: false };
  const base = defaultWorkloadX509SvidAttributes(['api.c1.example']);
  const out = composeX509Svid(rules([apiserver]), {
    spiffeId: `spiffe://${TD}/k8s/c1/node/m1/kube-apiserver/10.0.1.5`,
    attributes: { ...base, extraExtensions: [other, oldSan] },
  });
  t.equal(out.extraExtensions.length, 2);
  t.equal(out.extraExtensions[0], other);
  t.equal(out.extraExtensions[1]?.oid, subjectAltNameOid);
  t.not(out.extraExtensions[1], oldSan);
  t.end();
});

t.test('the SAN is critical when the subject ends up empty (RFC 5280 §4.2.1.6)', (t) => {
  const bare = {
    match: '/bare/{ip}',
    subject: { common_name: '', organization: [], country: [] },
    ip_sans: ['{ip}'],
  };
  const out = composeX509Svid(rules([bare]), {
    spiffeId: `spiffe://${TD}/bare/10.1.1.1`,
    attributes: defaultWorkloadX509SvidAttributes([]),
  });
  t.equal(out.extraExtensions[0]?.critical, true);
  t.end();
});

t.test(
  'a captured segment used as an IP SAN must be an IP address; the error names the rule and field',
  (t) => {
    t.throws(
      () =>
        composeX509Svid(rules([apiserver]), {
          spiffeId: `spiffe://${TD}/k8s/c1/node/m1/kube-apiserver/m1-internal`,
          attributes: defaultWorkloadX509SvidAttributes([]),
        }),
      {
        code: 'COMPOSE_FAILED',
        message: `rules[0] (kube-apiserver).ip_sans[0]: {ip} is "m1-internal" in spiffe://${TD}/k8s/c1/node/m1/kube-apiserver/m1-internal, which is not an IP address`,
      },
    );
    t.end();
  },
);

t.test('a template needing a DNS name the entry lacks fails, naming the rule and field', (t) => {
  const rule = { name: 'by-dns', match: '/svc/{x}', subject: { common_name: '{dns_sans[0]}' } };
  t.throws(
    () =>
      composeX509Svid(rules([rule]), {
        spiffeId: `spiffe://${TD}/svc/a`,
        attributes: defaultWorkloadX509SvidAttributes([]),
      }),
    {
      code: 'COMPOSE_FAILED',
      message: /^rules\[0\] \(by-dns\)\.subject\.common_name: \{dns_sans\[0\]\} needs 1 DNS name/,
    },
  );
  t.end();
});

t.test('a DNS SAN a template renders must be a DNS name', (t) => {
  const rule = { name: 'n', match: '/svc/{x}', dns_sans: ['{spiffe_id}'] };
  t.throws(
    () =>
      composeX509Svid(rules([rule]), {
        spiffeId: `spiffe://${TD}/svc/a`,
        attributes: defaultWorkloadX509SvidAttributes([]),
      }),
    {
      code: 'COMPOSE_FAILED',
      message: /^rules\[0\] \(n\)\.dns_sans: DNS SAN 0 "spiffe:\/\/.*" is not a DNS name/,
    },
  );
  t.end();
});

t.test('an input that is not a SPIFFE ID is refused', (t) => {
  let caught: unknown;
  try {
    composeX509Svid(rules([kubelet]), {
      spiffeId: 'https://x/y',
      attributes: defaultWorkloadX509SvidAttributes([]),
    });
  } catch (err) {
    caught = err;
  }
  t.ok(isComposerError(caught, 'COMPOSE_FAILED'));
  t.end();
});

t.test('SPIRE’s starting attributes: C=US, O=SPIRE, CN = first DNS name (credtemplate builder.go)', (t) => {
  const a = defaultWorkloadX509SvidAttributes(['a.example', 'b.example']);
  t.strictSame(a.subject.country, ['US']);
  t.strictSame(a.subject.organization, ['SPIRE']);
  t.equal(a.subject.commonName, 'a.example');
  t.strictSame(a.dnsSans, ['a.example', 'b.example']);
  t.equal(defaultWorkloadX509SvidAttributes([]).subject.commonName, '');
  t.end();
});
