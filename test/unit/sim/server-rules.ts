// The SPIRE/go-spiffe rules the test double validates with, checked directly where the gRPC tests
// cannot reach an edge (quoting, trimming, punycode).
import t from 'tap';
import {
  goQuote,
  hasValidEntryIdChars,
  idFromString,
  trustDomainFromString,
  validateDnsLabel,
  validatePath,
} from '../../sim/server-rules.js';

t.test('goQuote prints like Go %q (strconv.Quote)', (t) => {
  t.equal(goQuote('a"b\\c'), '"a\\"b\\\\c"');
  t.equal(goQuote('x\ny\t\x01'), '"x\\ny\\t\\x01"');
  t.equal(goQuote('ü'), '"ü"', 'printable non-ASCII stays');
  t.end();
});

t.test('go-spiffe ID parsing', (t) => {
  t.same(idFromString('spiffe://example.org/a/b'), {
    id: 'spiffe://example.org/a/b',
    trustDomain: 'example.org',
    path: '/a/b',
  });
  t.same(idFromString('spiffe://example.org'), {
    id: 'spiffe://example.org',
    trustDomain: 'example.org',
    path: '',
  });
  t.throws(() => idFromString(''), { message: 'cannot be empty' });
  t.throws(() => idFromString('https://example.org/a'), { message: 'scheme is missing or invalid' });
  t.throws(() => idFromString('spiffe:///a'), { message: 'trust domain is missing' });
  t.throws(() => idFromString('spiffe://Example.org/a'), {
    message:
      'trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores',
  });
  t.throws(
    () => {
      validatePath('/a/./b');
    },
    { message: 'path cannot contain dot segments' },
  );
  t.throws(
    () => {
      validatePath('/');
    },
    { message: 'path cannot have a trailing slash' },
  );
  t.end();
});

t.test('go-spiffe TrustDomainFromString takes names and IDs (the ID path is ignored)', (t) => {
  t.equal(trustDomainFromString('example.org'), 'example.org');
  t.equal(trustDomainFromString('spiffe://example.org/ignored/path'), 'example.org');
  t.throws(() => trustDomainFromString(''), { message: 'trust domain is missing' });
  t.throws(() => trustDomainFromString('spiffe:/example.org'), { message: 'scheme is missing or invalid' });
  t.end();
});

t.test('x509util.ValidateLabel edges', (t) => {
  t.doesNotThrow(() => {
    validateDnsLabel(' padded.example.com ');
  }, 'surrounding blanks are trimmed before the checks');
  t.doesNotThrow(() => {
    validateDnsLabel('xn--ls8h.org');
  }, 'punycode labels');
  t.doesNotThrow(() => {
    validateDnsLabel('a-b.c');
  }, 'inner hyphens');
  t.throws(
    () => {
      validateDnsLabel(' \t ');
    },
    { message: 'empty or only whitespace' },
  );
  t.throws(
    () => {
      validateDnsLabel('*.');
    },
    { message: 'empty or only whitespace' },
  );
  t.throws(
    () => {
      validateDnsLabel('web-.example.com');
    },
    { message: 'idna error\nidna: invalid label "web-"' },
  );
  t.throws(
    () => {
      validateDnsLabel('.example.com');
    },
    {
      message: 'idna error\nidna: invalid label ".example.com"',
    },
  );
  t.throws(
    () => {
      validateDnsLabel('*');
    },
    { message: 'wildcard must be first label' },
  );
  t.end();
});

t.test('entry ID charset (sqlstore validEntryIDChars)', (t) => {
  t.ok(hasValidEntryIdChars('Az09._-'));
  t.notOk(hasValidEntryIdChars('a b'));
  t.notOk(hasValidEntryIdChars('é'));
  t.end();
});
