import t from 'tap';
import { createTestCa } from '../../../harness/ca.js';
import { BundleSet, JwtBundle } from '../../../../src/core/bundle/index.js';
import { TrustDomain } from '../../../../src/core/spiffeid/index.js';
import { parseJwtSvidInsecure, verifyJwtSvid } from '../../../../src/core/svid/index.js';
import { webcrypto } from '../../../../src/core/x509/index.js';

const ID = 'spiffe://example.org/workload';
const td = TrustDomain.parse('example.org');

function jwtInvalid(message: string | RegExp): { code: string; message: string | RegExp } {
  return { code: 'JWT_INVALID', message: typeof message === 'string' ? `svid: ${message}` : message };
}
function untrusted(message: string | RegExp): { code: string; message: string | RegExp } {
  return { code: 'CHAIN_UNTRUSTED', message: typeof message === 'string' ? `svid: ${message}` : message };
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

t.test('JWT-SVIDs: each rule of JWT-SVID.md, verified and parsed', async (t) => {
  const ca = await createTestCa({ trustDomain: td });
  const bundles = new BundleSet([ca.jwtBundle()]);
  const verify = (token: string, audience: readonly string[] = ['api']) =>
    verifyJwtSvid(token, bundles, audience);

  t.test('a good token verifies', async (t) => {
    const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 600_000);
    const token = await ca.mintJwtSvid({
      spiffeId: ID,
      audience: ['api', 'other'],
      expiresAt,
      claims: { x: 1 },
    });
    const svid = await verifyJwtSvid(token, bundles, ['nope', 'api'], { hint: 'h' });
    t.equal(svid.id.toString(), ID);
    t.same(svid.audience, ['api', 'other']);
    t.equal(svid.expiresAt.getTime(), expiresAt.getTime());
    t.equal(svid.claims.x, 1);
    t.equal(svid.token, token);
    t.equal(svid.hint, 'h');
    const insecure = parseJwtSvidInsecure(token);
    t.ok(insecure.id.equals(svid.id));
    t.equal(
      parseJwtSvidInsecure(await ca.mintJwtSvid({ spiffeId: ID, audience: 'api' }), ['api']).audience[0],
      'api',
    );
  });

  t.test('aud must contain an expected audience (§3.2)', async (t) => {
    const token = await ca.mintJwtSvid({ spiffeId: ID, audience: 'api' });
    await t.rejects(verify(token, ['web']), jwtInvalid('expected audience in ["web"] (audience=["api"])'));
    t.throws(() => parseJwtSvidInsecure(token, ['web']), jwtInvalid(/expected audience/));
    await t.rejects(verify(token, []), jwtInvalid('at least one expected audience is required'));
    const none = await ca.mintJwtSvid({ spiffeId: ID, audience: [], claims: { aud: undefined } });
    await t.rejects(verify(none), jwtInvalid('token missing aud claim'));
  });

  t.test('exp is required and must be in the future (§3.3)', async (t) => {
    const expired = await ca.mintJwtSvid({
      spiffeId: ID,
      audience: 'api',
      expiresAt: new Date(Date.now() - 1000),
    });
    await t.rejects(verify(expired), jwtInvalid(/^svid: token has expired/));
    t.throws(() => parseJwtSvidInsecure(expired), jwtInvalid(/^svid: token has expired/));
    const fresh = await ca.mintJwtSvid({ spiffeId: ID, audience: 'api' });
    await t.rejects(
      verifyJwtSvid(fresh, bundles, ['api'], { at: new Date(Date.now() + 2 * 3600_000) }),
      jwtInvalid(/^svid: token has expired/),
      'options.at sets the time',
    );
    const noExp = await ca.mintJwtSvid({ spiffeId: ID, audience: 'api', claims: { exp: undefined } });
    await t.rejects(verify(noExp), jwtInvalid('token missing exp claim'));
    const notYet = await ca.mintJwtSvid({
      spiffeId: ID,
      audience: 'api',
      claims: { nbf: Math.floor(Date.now() / 1000) + 600 },
    });
    await t.rejects(verify(notYet), jwtInvalid('token is not valid yet (nbf)'));
  });

  t.test('sub must be a SPIFFE ID (§3.1)', async (t) => {
    const bad = await ca.mintJwtSvid({ spiffeId: 'workload', audience: 'api' });
    await t.rejects(
      verify(bad),
      jwtInvalid('token has an invalid subject claim: spiffeid: scheme is missing or invalid'),
    );
    const missing = await ca.mintJwtSvid({ spiffeId: ID, audience: 'api', claims: { sub: undefined } });
    await t.rejects(verify(missing), jwtInvalid('token missing subject claim'));
  });

  t.test('alg must be an asymmetric JWS algorithm (§2.1)', async (t) => {
    for (const alg of ['none', 'HS256']) {
      const token = await ca.mintJwtSvid({ spiffeId: ID, audience: 'api', alg });
      await t.rejects(
        verify(token),
        jwtInvalid(
          `token algorithm "${alg}" is not allowed (expected one of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512)`,
        ),
        alg,
      );
      t.throws(() => parseJwtSvidInsecure(token), jwtInvalid(/is not allowed/), `${alg} insecure`);
    }
    const unsigned = `${encode({ alg: 'none' })}.${encode({ sub: ID, aud: ['api'], exp: 4102444800 })}.`;
    await t.rejects(verify(unsigned), jwtInvalid(/"none" is not allowed/), 'unsigned token');
    const mismatched = await ca.mintJwtSvid({ spiffeId: ID, audience: 'api', alg: 'ES384' });
    await t.rejects(
      verify(mismatched),
      untrusted(/^svid: JWT authority ".*" \(EC P-256\) cannot verify ES384$/),
    );
  });

  t.test('typ, when present, is JWT or JOSE (§2.3)', async (t) => {
    const token = await ca.mintJwtSvid({ spiffeId: ID, audience: 'api', header: { typ: 'at+jwt' } });
    await t.rejects(verify(token), jwtInvalid('token header type not equal to either JWT or JOSE'));
    const jose = await ca.mintJwtSvid({ spiffeId: ID, audience: 'api', header: { typ: 'JOSE' } });
    t.ok(await verify(jose));
  });

  t.test(
    'kid is required and must name a JWT authority of the subject’s trust domain (§2.2, §5)',
    async (t) => {
      const noKid = await ca.mintJwtSvid({ spiffeId: ID, audience: 'api', kid: null });
      await t.rejects(verify(noKid), jwtInvalid('token header missing key id'));
      const unknown = await ca.mintJwtSvid({ spiffeId: ID, audience: 'api', kid: 'nope' });
      await t.rejects(
        verify(unknown),
        untrusted('no JWT authority "nope" found for trust domain "example.org"'),
      );
      const foreign = await ca.mintJwtSvid({ spiffeId: 'spiffe://other.org/x', audience: 'api' });
      await t.rejects(verify(foreign), untrusted('no bundle found for trust domain "other.org"'));
    },
  );

  t.test('the signature must verify with the authority’s key (§5)', async (t) => {
    const other = await createTestCa({ trustDomain: td });
    const forged = await other.mintJwtSvid({ spiffeId: ID, audience: 'api', kid: ca.jwtKeyId });
    await t.rejects(verify(forged), untrusted('token signature is invalid'));
    const good = await ca.mintJwtSvid({ spiffeId: ID, audience: 'api' });
    const [header, , signature] = good.split('.');
    const tampered = `${header}.${encode({ sub: 'spiffe://example.org/admin', aud: ['api'], exp: 4102444800 })}.${signature}`;
    await t.rejects(verify(tampered), untrusted('token signature is invalid'));
    t.ok(parseJwtSvidInsecure(tampered), 'the insecure parser does not check signatures');
  });

  t.test('malformed tokens are JWT_INVALID', async (t) => {
    await t.rejects(verify('a.b'), jwtInvalid(/expected three dot-separated parts/));
    await t.rejects(verify('!!.b.c'), jwtInvalid('unable to parse JWT token: header is not base64url'));
    await t.rejects(
      verify(`${encode('str')}.b.c`),
      jwtInvalid('unable to parse JWT token: header is not a JSON object'),
    );
    await t.rejects(
      verify(`${Buffer.from('{').toString('base64url')}.b.c`),
      jwtInvalid('unable to parse JWT token: header is not JSON'),
    );
  });
});

t.test('RSA JWT authorities verify RS256 and PS256 tokens', async (t) => {
  const keys = await webcrypto.subtle.generateKey(
    { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  const jwk = await webcrypto.subtle.exportKey('jwk', keys.publicKey);
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const bundles = new BundleSet([
    JwtBundle.fromAuthorities(td, new Map([['rsa', { kty: 'RSA', n: jwk.n!, e: jwk.e! }]])),
  ]);
  const claims = encode({ sub: ID, aud: ['api'], exp: Math.floor(Date.now() / 1000) + 600 });
  for (const [alg, importAs, sign] of [
    ['RS256', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, { name: 'RSASSA-PKCS1-v1_5' }],
    ['PS256', { name: 'RSA-PSS', hash: 'SHA-256' }, { name: 'RSA-PSS', saltLength: 32 }],
  ] as const) {
    const signingKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, importAs, false, ['sign']);
    const input = `${encode({ alg, kid: 'rsa' })}.${claims}`;
    const signature = Buffer.from(await webcrypto.subtle.sign(sign, signingKey, Buffer.from(input))).toString(
      'base64url',
    );
    const svid = await verifyJwtSvid(`${input}.${signature}`, bundles, ['api']);
    t.equal(svid.id.toString(), ID, alg);
  }
  const es = `${encode({ alg: 'ES256', kid: 'rsa' })}.${claims}.AAAA`;
  await t.rejects(
    verifyJwtSvid(es, bundles, ['api']),
    untrusted('JWT authority "rsa" (RSA) cannot verify ES256'),
  );
});
