import t, { type Test } from 'tap';
import { TrustDomain } from '../../../../src/core/spiffeid/index.js';

function assertRule(t: Test, fn: () => unknown, rule: string, message: string): void {
  t.throws(fn, {
    name: 'CoreError',
    code: 'SPIFFEID_INVALID',
    details: { rule },
    message: `spiffeid: ${message}`,
  });
}

const CHAR_MESSAGE =
  'trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores';

t.test('TrustDomain.parse accepts a name or the trust domain ID (§2.1)', (t) => {
  for (const [input, name] of [
    ['example.org', 'example.org'],
    ['spiffe://example.org', 'example.org'],
    ['trust_domain-1.example', 'trust_domain-1.example'],
    ['a'.repeat(255), 'a'.repeat(255)],
  ] as const) {
    const td = TrustDomain.parse(input);
    t.equal(td.name, name);
    t.equal(td.toString(), name);
    t.equal(td.idString(), `spiffe://${name}`);
  }
  t.end();
});

t.test('TrustDomain.parse rejects each rule with its own message', (t) => {
  const rows: [name: string, input: string, rule: string, message: string][] = [
    ['requires a name (§2.1)', '', 'missing-trust-domain', 'trust domain is missing'],
    ['requires lowercase (§2.1)', 'Example.org', 'trust-domain-char', CHAR_MESSAGE],
    ['limits the charset (§2.1)', 'exa mple.org', 'trust-domain-char', CHAR_MESSAGE],
    ['rejects a port (§2.1)', 'example.org:443', 'trust-domain-port', 'trust domain cannot contain a port'],
    [
      'rejects userinfo (§2.1)',
      'me@example.org',
      'trust-domain-userinfo',
      'trust domain cannot contain userinfo',
    ],
    [
      'rejects percent-encoding (§2.1)',
      'ex%61mple.org',
      'percent-encoded',
      'cannot contain percent-encoded characters',
    ],
    [
      'rejects names over 255 bytes (§2.3)',
      'a'.repeat(256),
      'trust-domain-too-long',
      'trust domain cannot be longer than 255 bytes',
    ],
    [
      'rejects an ID with a path',
      'spiffe://example.org/workload',
      'trust-domain-has-path',
      'trust domain given as a SPIFFE ID cannot have a path',
    ],
    ['rejects other schemes', 'https://example.org', 'wrong-scheme', 'scheme is missing or invalid'],
    [
      'rejects a malformed scheme separator',
      'spiffe:/example.org',
      'wrong-scheme',
      'scheme is missing or invalid',
    ],
  ];
  for (const [name, input, rule, message] of rows) {
    t.test(name, (t) => {
      assertRule(t, () => TrustDomain.parse(input), rule, message);
      t.end();
    });
  }
  t.end();
});

t.test('equals compares names; JSON shows the name', (t) => {
  t.ok(TrustDomain.parse('example.org').equals(TrustDomain.parse('spiffe://example.org')));
  t.notOk(TrustDomain.parse('example.org').equals(TrustDomain.parse('example.com')));
  t.equal(JSON.stringify([TrustDomain.parse('example.org')]), '["example.org"]');
  t.end();
});
