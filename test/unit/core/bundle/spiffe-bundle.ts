import t from 'tap';
import { createTestCa } from '../../../harness/ca.js';
import {
  JwtBundle,
  X509Bundle,
  marshalSpiffeBundle,
  parseSpiffeBundle,
} from '../../../../src/core/bundle/index.js';
import { TrustDomain } from '../../../../src/core/spiffeid/index.js';

const td = TrustDomain.parse('example.org');
const ec = { kty: 'EC', crv: 'P-256', x: 'eHg', y: 'eXk' };

t.test('marshalSpiffeBundle and parseSpiffeBundle round trip (SPIFFE bundle §4)', async (t) => {
  const ca = await createTestCa({ trustDomain: td });
  const other = await createTestCa({ trustDomain: td });
  const bundle = {
    x509: X509Bundle.fromCertificates(td, [ca.root, other.root]),
    jwt: ca.jwtBundle(),
    sequenceNumber: 42,
    refreshHintSeconds: 300,
  };
  const json = marshalSpiffeBundle(bundle);
  const doc = JSON.parse(json) as { keys: Record<string, unknown>[]; spiffe_sequence: number };
  t.same(
    doc.keys.map((key) => key.use),
    ['x509-svid', 'x509-svid', 'jwt-svid'],
  );
  t.match(
    doc.keys[0],
    { kty: 'EC', crv: 'P-256', x: String, y: String, x5c: [String] },
    'x509 keys carry a JWK',
  );
  t.equal(doc.spiffe_sequence, 42);
  const back = parseSpiffeBundle(td, new Uint8Array(Buffer.from(json)));
  t.ok(back.x509.equals(bundle.x509));
  t.ok(back.jwt.equals(bundle.jwt));
  t.equal(back.sequenceNumber, 42);
  t.equal(back.refreshHintSeconds, 300);
  t.equal(marshalSpiffeBundle(back), json, 'marshal is stable');
});

t.test('parseSpiffeBundle leaves optional members unset and accepts empty keys (§4.1.3)', (t) => {
  const bundle = parseSpiffeBundle(td, '{"keys":[]}');
  t.equal(bundle.x509.authorities.length, 0);
  t.equal(bundle.jwt.authorities.size, 0);
  t.notOk('sequenceNumber' in bundle);
  t.notOk('refreshHintSeconds' in bundle);
  t.equal(marshalSpiffeBundle(bundle), '{"keys":[]}');
  t.end();
});

t.test(
  'parseSpiffeBundle ignores keys with missing or unknown use, and unknown JWT key types (§4.2)',
  (t) => {
    const bundle = parseSpiffeBundle(
      td,
      JSON.stringify({
        keys: [
          { ...ec, kid: 'no-use' },
          { ...ec, kid: 'other-use', use: 'wit-svid' },
          { use: 'jwt-svid', kty: 'OKP-future', kid: 'future' },
          { ...ec, use: 'jwt-svid', kid: 'kept' },
        ],
      }),
    );
    t.same([...bundle.jwt.authorities.keys()], ['kept']);
    t.equal(bundle.x509.authorities.length, 0);
    t.end();
  },
);

t.test('parseSpiffeBundle rejects malformed bundles, naming the key index and member', async (t) => {
  const ca = await createTestCa({ trustDomain: td });
  const der = Buffer.from(ca.root.rawData).toString('base64');
  const rows: [name: string, json: string, message: string][] = [
    ['not JSON', 'nope', 'is not valid JSON'],
    ['not an object', '[]', 'must be a JSON object'],
    ['keys missing (§4.1.3)', '{}', ': "keys" must be an array'],
    ['key not an object', '{"keys":["x"]}', ' key 0: must be a JSON object'],
    [
      'x509-svid without x5c',
      JSON.stringify({ keys: [{ use: 'x509-svid', ...ec }] }),
      ' key 0: "x5c" must hold exactly one certificate; got 0',
    ],
    [
      'x509-svid with two certificates',
      JSON.stringify({
        keys: [
          { use: 'jwt-svid', kid: 'a', ...ec },
          { use: 'x509-svid', x5c: [der, der] },
        ],
      }),
      ' key 1: "x5c" must hold exactly one certificate; got 2',
    ],
    [
      'x5c not base64',
      JSON.stringify({ keys: [{ use: 'x509-svid', x5c: ['***'] }] }),
      ' key 0: "x5c"[0] must be a base64 string',
    ],
    [
      'x5c not a certificate',
      JSON.stringify({ keys: [{ use: 'x509-svid', x5c: ['MAMCAQU='] }] }),
      ' key 0: "x5c"[0] is not a DER certificate',
    ],
    [
      'jwt-svid without kid',
      JSON.stringify({ keys: [{ use: 'jwt-svid', ...ec }] }),
      ' key 0: "kid" must be a non-empty string',
    ],
    [
      'jwt-svid missing x',
      JSON.stringify({ keys: [{ use: 'jwt-svid', kid: 'a', kty: 'EC', crv: 'P-256', y: 'y' }] }),
      ' key 0: "x" must be a non-empty string',
    ],
    [
      'jwt-svid private key',
      JSON.stringify({ keys: [{ use: 'jwt-svid', kid: 'a', ...ec, d: 'secret' }] }),
      ' key 0: is a private or symmetric key ("d" is set)',
    ],
    [
      'negative spiffe_sequence (§4.1.1)',
      '{"keys":[],"spiffe_sequence":-1}',
      ': "spiffe_sequence" must be a non-negative integer below 2^53',
    ],
    [
      'string spiffe_sequence (§4.1.1)',
      '{"keys":[],"spiffe_sequence":"1"}',
      ': "spiffe_sequence" must be a non-negative integer below 2^53',
    ],
    [
      'fractional spiffe_refresh_hint (§4.1.2)',
      '{"keys":[],"spiffe_refresh_hint":1.5}',
      ': "spiffe_refresh_hint" must be a non-negative integer below 2^53',
    ],
  ];
  for (const [name, json, message] of rows) {
    const sep = message.startsWith(':') || message.startsWith(' ') ? '' : ' ';
    t.throws(
      () => parseSpiffeBundle(td, json),
      { code: 'BUNDLE_INVALID', message: `bundle: SPIFFE bundle for "example.org"${sep}${message}` },
      name,
    );
  }
});

t.test('a JWT bundle read from a full SPIFFE bundle keeps only jwt-svid keys', async (t) => {
  const ca = await createTestCa({ trustDomain: td });
  const json = marshalSpiffeBundle({ x509: ca.x509Bundle(), jwt: ca.jwtBundle() });
  t.ok(JwtBundle.fromJwks(td, json).equals(ca.jwtBundle()));
});
