import t, { type Test } from 'tap';
import { SpiffeId, TrustDomain, isSpiffeId } from '../../../../src/core/spiffeid/index.js';

const TD = TrustDomain.parse('example.org');
const TD_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789.-_';
const PATH_CHARS = TD_CHARS + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Asserts that `fn` throws SPIFFEID_INVALID for `rule` with `message`. */
function assertRule(t: Test, fn: () => unknown, rule: string, message: string): void {
  t.throws(fn, {
    name: 'CoreError',
    code: 'SPIFFEID_INVALID',
    details: { rule },
    message: `spiffeid: ${message}`,
  });
}

// Exactly 2048 bytes, the longest SPIFFE ID the spec asks implementations to accept (SPIFFE-ID §2.3).
const longestId = `spiffe://example.org/${'a'.repeat(2048 - 'spiffe://example.org/'.length)}`;
const longestTd = 'a'.repeat(255);

t.test('SpiffeId.parse accepts valid IDs and exposes trust domain and path (SPIFFE-ID §2)', (t) => {
  const rows: [input: string, td: string, path: string][] = [
    ['spiffe://example.org', 'example.org', ''],
    ['spiffe://example.org/workload', 'example.org', '/workload'],
    ['spiffe://example.org/ns/default/sa/web', 'example.org', '/ns/default/sa/web'],
    ['spiffe://trust_domain-1.example/Mixed.Case_path-0', 'trust_domain-1.example', '/Mixed.Case_path-0'],
    ['spiffe://example.org/.../a.b/..c', 'example.org', '/.../a.b/..c'],
    ['spiffe://192.168.0.1/ipv4-is-a-valid-name', '192.168.0.1', '/ipv4-is-a-valid-name'],
    [`spiffe://${longestTd}/x`, longestTd, '/x'],
    [longestId, 'example.org', longestId.slice('spiffe://example.org'.length)],
  ];
  for (const [input, td, path] of rows) {
    const id = SpiffeId.parse(input);
    t.equal(id.trustDomain.name, td, `${input.slice(0, 60)} trust domain`);
    t.equal(id.path, path, `${input.slice(0, 60)} path`);
    t.equal(id.toString(), input, `${input.slice(0, 60)} round trips`);
    t.ok(isSpiffeId(input));
  }
  t.end();
});

t.test('SpiffeId.parse rejects each rule with its own message', (t) => {
  const rows: [name: string, input: string, rule: string, message: string][] = [
    ['rejects an empty string', '', 'empty', 'cannot be empty'],
    [
      'requires the spiffe scheme (§2)',
      'example.org/workload',
      'wrong-scheme',
      'scheme is missing or invalid',
    ],
    [
      'rejects other schemes (§2)',
      'https://example.org/workload',
      'wrong-scheme',
      'scheme is missing or invalid',
    ],
    [
      'requires "://" after the scheme (§2)',
      'spiffe:/example.org',
      'wrong-scheme',
      'scheme is missing or invalid',
    ],
    [
      'requires a lowercase scheme (§2)',
      'SPIFFE://example.org/workload',
      'uppercase-scheme',
      'scheme must be lowercase "spiffe://"',
    ],
    ['requires a trust domain (§2.1)', 'spiffe://', 'missing-trust-domain', 'trust domain is missing'],
    [
      'requires a trust domain before the path (§2.1)',
      'spiffe:///workload',
      'missing-trust-domain',
      'trust domain is missing',
    ],
    [
      'rejects uppercase trust domains (§2.1)',
      'spiffe://Example.org/workload',
      'trust-domain-char',
      'trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores',
    ],
    [
      'rejects other trust domain characters (§2.1)',
      'spiffe://exa$mple.org',
      'trust-domain-char',
      'trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores',
    ],
    [
      'rejects IPv6 literals as trust domains (§2.1)',
      'spiffe://[::1]/workload',
      'trust-domain-char',
      'trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores',
    ],
    [
      'rejects a port (§2.1)',
      'spiffe://example.org:8443/workload',
      'trust-domain-port',
      'trust domain cannot contain a port',
    ],
    [
      'rejects userinfo (§2.1)',
      'spiffe://user@example.org/workload',
      'trust-domain-userinfo',
      'trust domain cannot contain userinfo',
    ],
    [
      'rejects percent-encoding in the trust domain (§2.1)',
      'spiffe://ex%61mple.org',
      'percent-encoded',
      'cannot contain percent-encoded characters',
    ],
    [
      'rejects percent-encoding in the path (§2.2)',
      'spiffe://example.org/w%6Frkload',
      'percent-encoded',
      'cannot contain percent-encoded characters',
    ],
    ['rejects a query (§2)', 'spiffe://example.org/workload?x=1', 'query', 'cannot contain a query'],
    ['rejects a fragment (§2)', 'spiffe://example.org/workload#x', 'fragment', 'cannot contain a fragment'],
    [
      'rejects empty segments (§2.2)',
      'spiffe://example.org/a//b',
      'empty-segment',
      'path cannot contain empty segments',
    ],
    [
      'rejects an empty first segment (§2.2)',
      'spiffe://example.org//a',
      'empty-segment',
      'path cannot contain empty segments',
    ],
    [
      'rejects dot segments (§2.2)',
      'spiffe://example.org/a/./b',
      'dot-segment',
      'path cannot contain dot segments',
    ],
    [
      'rejects dot-dot segments (§2.2)',
      'spiffe://example.org/a/..',
      'dot-segment',
      'path cannot contain dot segments',
    ],
    [
      'rejects a trailing slash (§2.2)',
      'spiffe://example.org/a/',
      'trailing-slash',
      'path cannot have a trailing slash',
    ],
    [
      'rejects a lone slash path (§2.2)',
      'spiffe://example.org/',
      'trailing-slash',
      'path cannot have a trailing slash',
    ],
    [
      'rejects other path characters (§2.2)',
      'spiffe://example.org/a b',
      'path-segment-char',
      'path segment characters are limited to letters, numbers, dots, dashes, and underscores',
    ],
    [
      'rejects non-ASCII path characters (§2.2)',
      'spiffe://example.org/caf\u00e9',
      'path-segment-char',
      'path segment characters are limited to letters, numbers, dots, dashes, and underscores',
    ],
    [
      'rejects trust domains over 255 bytes (§2.3)',
      `spiffe://${longestTd}a/x`,
      'trust-domain-too-long',
      'trust domain cannot be longer than 255 bytes',
    ],
    [
      'rejects IDs over 2048 bytes (§2.3)',
      `${longestId}a`,
      'too-long',
      'SPIFFE ID cannot be longer than 2048 bytes',
    ],
  ];
  for (const [name, input, rule, message] of rows) {
    t.test(name, (t) => {
      assertRule(t, () => SpiffeId.parse(input), rule, message);
      t.notOk(isSpiffeId(input), 'isSpiffeId is false');
      t.end();
    });
  }
  t.end();
});

t.test('SpiffeId.fromPath validates the path (§2.2)', (t) => {
  t.equal(SpiffeId.fromPath(TD, '').toString(), 'spiffe://example.org');
  t.equal(SpiffeId.fromPath(TD, '/a/b').toString(), 'spiffe://example.org/a/b');
  assertRule(t, () => SpiffeId.fromPath(TD, 'a'), 'no-leading-slash', 'path must have a leading slash');
  assertRule(t, () => SpiffeId.fromPath(TD, '/a/'), 'trailing-slash', 'path cannot have a trailing slash');
  assertRule(t, () => SpiffeId.fromPath(TD, '/a//b'), 'empty-segment', 'path cannot contain empty segments');
  assertRule(t, () => SpiffeId.fromPath(TD, '/..'), 'dot-segment', 'path cannot contain dot segments');
  assertRule(
    t,
    () => SpiffeId.fromPath(TD, '/a?b'),
    'path-segment-char',
    'path segment characters are limited to letters, numbers, dots, dashes, and underscores',
  );
  assertRule(
    t,
    () => SpiffeId.fromPath(TD, `/${'a'.repeat(2048)}`),
    'too-long',
    'SPIFFE ID cannot be longer than 2048 bytes',
  );
  t.end();
});

t.test('SpiffeId.fromSegments joins and validates segments (§2.2)', (t) => {
  t.equal(SpiffeId.fromSegments(TD).toString(), 'spiffe://example.org');
  t.equal(SpiffeId.fromSegments(TD, 'ns', 'default').path, '/ns/default');
  assertRule(
    t,
    () => SpiffeId.fromSegments(TD, 'a', ''),
    'empty-segment',
    'path cannot contain empty segments',
  );
  assertRule(t, () => SpiffeId.fromSegments(TD, '.'), 'dot-segment', 'path cannot contain dot segments');
  assertRule(
    t,
    () => SpiffeId.fromSegments(TD, 'a/b'),
    'path-segment-char',
    'path segment characters are limited to letters, numbers, dots, dashes, and underscores',
  );
  t.end();
});

t.test('equals and memberOf compare trust domain and path', (t) => {
  const id = SpiffeId.parse('spiffe://example.org/a');
  t.ok(id.equals(SpiffeId.fromSegments(TD, 'a')));
  t.notOk(id.equals(SpiffeId.parse('spiffe://example.org/A')), 'paths are case-sensitive (§2.4)');
  t.notOk(id.equals(SpiffeId.parse('spiffe://example.com/a')));
  t.ok(id.memberOf(TD));
  t.notOk(id.memberOf(TrustDomain.parse('example.com')));
  t.equal(JSON.stringify({ id }), '{"id":"spiffe://example.org/a"}');
  t.end();
});

// Go all the way through 255 so characters outside ASCII (which UTF-8 would encode as several bytes) are
// covered too, as go-spiffe's id_test.go does.
t.test('character sweep 0..255: trust domain and path charsets', (t) => {
  for (let code = 0; code <= 255; code++) {
    const c = String.fromCharCode(code);
    const label = `U+${code.toString(16).padStart(4, '0')}`;
    t.equal(
      isSpiffeId(`spiffe://a${c}b/path`),
      TD_CHARS.includes(c) || c === '/',
      `${label} in trust domain of an ID`,
    );
    let tdValid = true;
    try {
      TrustDomain.parse(`a${c}b`);
    } catch {
      tdValid = false;
    }
    t.equal(tdValid, TD_CHARS.includes(c), `${label} in a bare trust domain`);
    t.equal(
      isSpiffeId(`spiffe://example.org/a${c}b`),
      PATH_CHARS.includes(c) || c === '/',
      `${label} in path`,
    );
    let segmentValid = true;
    try {
      SpiffeId.fromSegments(TD, `a${c}b`);
    } catch {
      segmentValid = false;
    }
    t.equal(segmentValid, PATH_CHARS.includes(c), `${label} in a segment`);
  }
  t.end();
});
