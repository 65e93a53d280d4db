import t from 'tap';
import { JwtBundle } from '../../../../src/core/bundle/index.js';
import { TrustDomain } from '../../../../src/core/spiffeid/index.js';

const td = TrustDomain.parse('example.org');
const ec = { kty: 'EC', crv: 'P-256', x: 'eHg', y: 'eXk' };
const rsa = { kty: 'RSA', n: 'bm5u', e: 'AQAB' };

t.test('fromJwks and toJwks round trip key IDs and public keys (RFC 7517 §5)', (t) => {
  const bundle = JwtBundle.fromJwks(
    td,
    JSON.stringify({
      keys: [
        { ...ec, kid: 'a' },
        { ...rsa, kid: 'b' },
      ],
    }),
  );
  t.same([...bundle.authorities.keys()], ['a', 'b']);
  t.same(bundle.authorities.get('a'), ec);
  t.same(bundle.findAuthority('b'), rsa);
  const back = JwtBundle.fromJwks(td, new Uint8Array(Buffer.from(bundle.toJwks())));
  t.ok(back.equals(bundle));
  t.same(JSON.parse(bundle.toJwks()), {
    keys: [
      { ...ec, kid: 'a' },
      { ...rsa, kid: 'b' },
    ],
  });
  t.end();
});

t.test('fromJwks keeps only the public members and skips keys it cannot use', (t) => {
  const bundle = JwtBundle.fromJwks(
    td,
    JSON.stringify({
      keys: [
        { ...ec, kid: 'a', alg: 'ES256', extra: 1 },
        { use: 'x509-svid', kty: 'EC', crv: 'P-256', x: 'x', y: 'y', x5c: ['AA=='] },
        { kty: 'oct-unknown', kid: 'c' },
        { kty: 'EC', crv: 'secp256k1', x: 'x', y: 'y', kid: 'd' },
      ],
    }),
  );
  t.same([...bundle.authorities.entries()], [['a', ec]]);
  t.end();
});

t.test('fromJwks rejects malformed JWKS, naming the key and member', (t) => {
  const rows: [name: string, jwks: string, message: string][] = [
    ['not JSON', '{', 'JWT bundle for "example.org" is not valid JSON'],
    ['no keys array', '{"keys":{}}', 'JWT bundle for "example.org": "keys" must be an array'],
    ['key is not an object', '{"keys":[1]}', 'JWT bundle for "example.org" key 0: must be a JSON object'],
    [
      'missing kid',
      JSON.stringify({ keys: [ec] }),
      'JWT bundle for "example.org" key 0: "kid" must be a non-empty string',
    ],
    [
      'missing EC y',
      JSON.stringify({ keys: [{ kid: 'a', kty: 'EC', crv: 'P-256', x: 'x' }] }),
      'JWT bundle for "example.org" key 0: "y" must be a non-empty string',
    ],
    [
      'missing RSA n',
      JSON.stringify({ keys: [{ kid: 'a', kty: 'RSA', e: 'AQAB' }] }),
      'JWT bundle for "example.org" key 0: "n" must be a non-empty string',
    ],
    [
      'missing kty',
      JSON.stringify({ keys: [{ kid: 'a' }] }),
      'JWT bundle for "example.org" key 0: "kty" must be a non-empty string',
    ],
    [
      'a private key',
      JSON.stringify({ keys: [{ ...ec, kid: 'a', d: 'secret' }] }),
      'JWT bundle for "example.org" key 0: is a private or symmetric key ("d" is set)',
    ],
  ];
  for (const [name, jwks, message] of rows) {
    t.throws(
      () => JwtBundle.fromJwks(td, jwks),
      { code: 'BUNDLE_INVALID', message: `bundle: ${message}` },
      name,
    );
  }
  t.end();
});

t.test('addAuthority validates, removeAuthority removes', (t) => {
  const bundle = JwtBundle.fromAuthorities(td, new Map([['a', ec]]));
  bundle.addAuthority('b', rsa);
  t.same([...bundle.authorities.keys()], ['a', 'b']);
  bundle.removeAuthority('a');
  t.same([...bundle.authorities.keys()], ['b']);
  t.throws(
    () => {
      bundle.addAuthority('', ec);
    },
    { code: 'BUNDLE_INVALID', message: 'bundle: JWT authority key ID cannot be empty' },
  );
  t.throws(
    () => {
      bundle.addAuthority('x', { kty: 'oct', k: 'c2VjcmV0' });
    },
    {
      code: 'BUNDLE_INVALID',
      message: 'bundle: JWT authority "x": is a private or symmetric key ("k" is set)',
    },
  );
  t.throws(
    () => {
      bundle.addAuthority('x', { kty: 'RSA-unknown' });
    },
    { code: 'BUNDLE_INVALID', message: 'bundle: JWT authority "x": key type is not supported' },
  );
  t.notOk(bundle.equals(JwtBundle.fromAuthorities(td, new Map([['b', ec]]))), 'different key under same kid');
  t.end();
});
