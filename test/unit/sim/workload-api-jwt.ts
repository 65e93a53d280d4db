// The Workload API double's JWT side: FetchJWTSVID, FetchJWTBundles and ValidateJWTSVID, with SPIRE's
// status codes and messages (pkg/agent/endpoints/workload/handler.go, pkg/common/jwtsvid/validate.go).
import t from 'tap';
import * as grpc from '@grpc/grpc-js';
import { webcrypto } from '../../../src/core/x509/index.js';
import type { JWTSVIDResponse } from '../../../src/core/generated/JWTSVIDResponse.js';
import type { JWTBundlesResponse } from '../../../src/core/generated/JWTBundlesResponse.js';
import type { ValidateJWTSVIDResponse } from '../../../src/core/generated/ValidateJWTSVIDResponse.js';
import { SimCa } from '../../sim/ca.js';
import {
  TD,
  StreamReader,
  expectStatus,
  makeEntry,
  securityMetadata,
  startRig,
  unary,
  type Rig,
} from './fixtures/workload.js';

const WORKLOAD_ID = `spiffe://${TD}/workload`;

function fetchJwt(rig: Rig, request: { audience?: string[]; spiffe_id?: string }): Promise<JWTSVIDResponse> {
  return unary(rig.client.FetchJWTSVID.bind(rig.client), request);
}

function validate(rig: Rig, audience: string, svid: string): Promise<ValidateJWTSVIDResponse> {
  return unary(rig.client.ValidateJWTSVID.bind(rig.client), { audience, svid });
}

function decode(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? '', 'base64url').toString()) as Record<string, unknown>;
}

async function jwtBundles(rig: Rig): Promise<Record<string, { keys: Record<string, string>[] }>> {
  const response = await new StreamReader<JWTBundlesResponse>(
    rig.client.FetchJWTBundles({}, securityMetadata()),
  ).next();
  return Object.fromEntries(
    Object.entries(response.bundles).map(([td, json]) => [
      td,
      JSON.parse(Buffer.from(json).toString()) as { keys: Record<string, string>[] },
    ]),
  );
}

t.test('FetchJWTSVID without audience: InvalidArgument "audience must be specified"', async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  const err = await expectStatus(fetchJwt(rig, {}));
  t.equal(err.code, grpc.status.INVALID_ARGUMENT);
  t.equal(err.details, 'audience must be specified');
});

t.test("FetchJWTSVID with a malformed spiffe_id: InvalidArgument with go-spiffe's reason", async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  const err = await expectStatus(fetchJwt(rig, { audience: ['a'], spiffe_id: 'https://example.org/x' }));
  t.equal(err.code, grpc.status.INVALID_ARGUMENT);
  t.equal(err.details, 'invalid requested SPIFFE ID: scheme is missing or invalid');
  const trailing = await expectStatus(fetchJwt(rig, { audience: ['a'], spiffe_id: `${WORKLOAD_ID}/` }));
  t.equal(trailing.details, 'invalid requested SPIFFE ID: path cannot have a trailing slash');
});

t.test('FetchJWTSVID without an identity (or for an ID the workload lacks): PermissionDenied', async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  const other = await expectStatus(
    fetchJwt(rig, { audience: ['a'], spiffe_id: `spiffe://${TD}/someone-else` }),
  );
  t.equal(other.code, grpc.status.PERMISSION_DENIED);
  t.equal(other.details, 'no identity issued');
  rig.ds.deleteEntry(rig.ds.listAllEntries()[0]?.id ?? '');
  t.equal((await expectStatus(fetchJwt(rig, { audience: ['a'] }))).code, grpc.status.PERMISSION_DENIED);
});

t.test(
  "FetchJWTSVID returns one ES256 JWT-SVID per identity with SPIRE's claims; spiffe_id selects one",
  async (t) => {
    const rig = await startRig(t, {
      entries: [
        makeEntry({ id: 'e1', spiffeId: `${WORKLOAD_ID}/one`, jwtSvidTtl: 120, hint: 'first' }),
        makeEntry({ id: 'e2', spiffeId: `${WORKLOAD_ID}/two` }),
      ],
    });
    const all = await fetchJwt(rig, { audience: ['aud-1', 'aud-2'] });
    t.same(
      all.svids.map((s) => [s.spiffe_id, s.hint]),
      [
        [`${WORKLOAD_ID}/one`, 'first'],
        [`${WORKLOAD_ID}/two`, ''],
      ],
    );
    const [headerPart, payloadPart] = (all.svids[0]?.svid ?? '').split('.');
    const header = decode(headerPart);
    t.equal(header['alg'], 'ES256');
    t.equal(header['typ'], 'JWT');
    const claims = decode(payloadPart);
    t.equal(claims['sub'], `${WORKLOAD_ID}/one`);
    t.same(claims['aud'], ['aud-1', 'aud-2']);
    t.equal((claims['exp'] as number) - (claims['iat'] as number), 120, 'entry jwt_svid_ttl');
    const defaultClaims = decode((all.svids[1]?.svid ?? '').split('.')[1]);
    t.equal(
      (defaultClaims['exp'] as number) - (defaultClaims['iat'] as number),
      300,
      'default JWT-SVID TTL is 5 min',
    );

    const bundles = await jwtBundles(rig);
    t.same(Object.keys(bundles), [`spiffe://${TD}`], 'JWKS keyed by the trust domain ID');
    t.ok(
      bundles[`spiffe://${TD}`]?.keys.some((k) => k['kid'] === header['kid']),
      'signing key published in the JWKS',
    );

    const one = await fetchJwt(rig, { audience: ['a'], spiffe_id: `${WORKLOAD_ID}/two` });
    t.same(
      one.svids.map((s) => s.spiffe_id),
      [`${WORKLOAD_ID}/two`],
    );
  },
);

t.test(
  'the agent reuses a cached JWT-SVID for the same audience set, unless the entry asks for a jti (jwt_cache.go)',
  async (t) => {
    const rig = await startRig(t, {
      entries: [
        makeEntry({ id: 'e1', spiffeId: `${WORKLOAD_ID}/cached` }),
        makeEntry({ id: 'e2', spiffeId: `${WORKLOAD_ID}/jti`, includeJti: true }),
      ],
    });
    const first = await fetchJwt(rig, { audience: ['b', 'a'] });
    const second = await fetchJwt(rig, { audience: ['a', 'b'] });
    t.equal(second.svids[0]?.svid, first.svids[0]?.svid, 'same token for the same audiences in any order');
    t.not(second.svids[1]?.svid, first.svids[1]?.svid, 'jti entries get a fresh token each time');
    t.type(decode(second.svids[1]?.svid.split('.')[1])['jti'], 'string');
    const otherAudience = await fetchJwt(rig, { audience: ['c'] });
    t.not(otherAudience.svids[0]?.svid, first.svids[0]?.svid);
  },
);

t.test('ValidateJWTSVID returns the SPIFFE ID and the claims as a Struct', async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  const token = (await fetchJwt(rig, { audience: ['service-a'] })).svids[0]?.svid ?? '';
  const response = await validate(rig, 'service-a', token);
  t.equal(response.spiffe_id, WORKLOAD_ID);
  const fields = response.claims?.fields ?? {};
  t.equal(fields['sub']?.stringValue, WORKLOAD_ID);
  t.same(
    fields['aud']?.listValue?.values.map((v) => v.stringValue),
    ['service-a'],
    'aud is always a list',
  );
  t.type(fields['exp']?.numberValue, 'number');
  t.type(fields['iat']?.numberValue, 'number');
});

t.test(
  'ValidateJWTSVID rejects a wrong audience with InvalidArgument and go-jose/SPIRE wording',
  async (t) => {
    const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
    const token = (await fetchJwt(rig, { audience: ['a1', 'a2'] })).svids[0]?.svid ?? '';
    const err = await expectStatus(validate(rig, 'other', token));
    t.equal(err.code, grpc.status.INVALID_ARGUMENT);
    t.equal(err.details, 'expected audience in ["other"] (audience=["a1" "a2"])');
  },
);

t.test('ValidateJWTSVID requires audience and svid', async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  const noAudience = await expectStatus(validate(rig, '', 'x.y.z'));
  t.equal(noAudience.code, grpc.status.INVALID_ARGUMENT);
  t.equal(noAudience.details, 'audience must be specified');
  const noSvid = await expectStatus(validate(rig, 'a', ''));
  t.equal(noSvid.code, grpc.status.INVALID_ARGUMENT);
  t.equal(noSvid.details, 'svid must be specified');
});

t.test('ValidateJWTSVID rejects malformed, tampered, unknown-key and expired tokens', async (t) => {
  let now = new Date();
  const ca = await SimCa.create({ trustDomain: TD, now: () => now });
  const rig = await startRig(t, { serve: { ca }, entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  const token = (await fetchJwt(rig, { audience: ['a'] })).svids[0]?.svid ?? '';
  const [h = '', p = '', s = ''] = token.split('.');

  const cases: [string, string, string][] = [
    [
      'two parts',
      `${h}.${p}`,
      'unable to parse JWT token: go-jose/go-jose: compact JWS format must have three parts',
    ],
    [
      'tampered payload',
      `${h}.${Buffer.from(JSON.stringify({ ...decode(p), sub: `spiffe://${TD}/evil` })).toString('base64url')}.${s}`,
      'go-jose/go-jose: error in cryptographic primitive',
    ],
    [
      'unknown key',
      `${Buffer.from(JSON.stringify({ ...decode(h), kid: 'nope' })).toString('base64url')}.${p}.${s}`,
      `public key "nope" not found in trust domain "${TD}"`,
    ],
    [
      'HS256',
      `${Buffer.from(JSON.stringify({ ...decode(h), alg: 'HS256' })).toString('base64url')}.${p}.${s}`,
      'unable to parse JWT token: unexpected signature algorithm "HS256"; expected ["ES256" "ES384" "ES512" "RS256" "RS384" "RS512" "PS256" "PS384" "PS512"]',
    ],
    [
      'foreign trust domain',
      `${h}.${Buffer.from(JSON.stringify({ ...decode(p), sub: 'spiffe://else.org/x' })).toString('base64url')}.${s}`,
      'no keys found for trust domain "else.org"',
    ],
  ];
  for (const [name, bad, message] of cases) {
    const err = await expectStatus(validate(rig, 'a', bad));
    t.equal(err.code, grpc.status.INVALID_ARGUMENT, name);
    t.equal(err.details, message, name);
  }
  // go-jose allows one minute of leeway past exp.
  now = new Date(Date.now() + 5 * 60_000 + 30_000);
  t.equal((await validate(rig, 'a', token)).spiffe_id, WORKLOAD_ID, 'within the leeway');
  now = new Date(Date.now() + 5 * 60_000 + 61_000);
  t.equal((await expectStatus(validate(rig, 'a', token))).details, 'token has expired');
});

t.test('FetchJWTBundles pushes both JWT keys after a CA rotation', async (t) => {
  const rig = await startRig(t, { entries: [makeEntry({ spiffeId: WORKLOAD_ID })] });
  const stream = new StreamReader<JWTBundlesResponse>(rig.client.FetchJWTBundles({}, securityMetadata()));
  const keys = (r: JWTBundlesResponse): string[] =>
    (
      JSON.parse(Buffer.from(r.bundles[`spiffe://${TD}`] ?? []).toString()) as { keys: { kid: string }[] }
    ).keys.map((k) => k.kid);
  t.equal(keys(await stream.next()).length, 1);
  await rig.ca.rotate();
  t.same(
    keys(await stream.next()),
    rig.ca.jwtAuthorities().map((a) => a.keyId),
  );
  t.equal(rig.ca.jwtAuthorities().length, 2);
  const token = (await fetchJwt(rig, { audience: ['fresh'] })).svids[0]?.svid ?? '';
  t.equal(decode(token.split('.')[0])['kid'], rig.ca.jwtAuthorities()[1]?.keyId, 'signed with the new key');
});

t.test(
  "ValidateJWTSVID accepts a federated trust domain's token and keeps only sub, exp and aud",
  async (t) => {
    const partner = await SimCa.create({ trustDomain: 'partner.org' });
    const rig = await startRig(t, {
      entries: [makeEntry({ spiffeId: WORKLOAD_ID, federatesWith: ['partner.org'] })],
    });
    rig.ds.putFederatedBundle({
      trust_domain: 'partner.org',
      x509_authorities: partner
        .bundleCertificates()
        .map((c) => ({ asn1: Buffer.from(c.rawData), tainted: false })),
      jwt_authorities: partner.jwtAuthorities().map((a) => ({
        public_key: Buffer.from(a.publicKey),
        key_id: a.keyId,
        expires_at: a.expiresAt,
        tainted: false,
      })),
      refresh_hint: 0,
      sequence_number: 1,
    });
    await rig.api.settled();
    const token = await partner.mintJwtSvid({ spiffeId: 'spiffe://partner.org/client', audience: ['me'] });
    const response = await validate(rig, 'me', token);
    t.equal(response.spiffe_id, 'spiffe://partner.org/client');
    t.same(
      Object.keys(response.claims?.fields ?? {}).sort(),
      ['aud', 'exp', 'sub'],
      'iat dropped for foreign IDs',
    );
    const jwks = (await jwtBundles(rig))['spiffe://partner.org'];
    const partnerKey = partner.jwtAuthorities()[0];
    const jwk = jwks?.keys[0];
    if (jwk === undefined) throw new Error('no JWK for partner.org');
    t.equal(jwk['kid'], partnerKey?.keyId);
    // The JWK carries the same public key as the bundle's PKIX DER.
    const imported = await webcrypto.subtle.importKey(
      'jwk',
      { kty: 'EC', crv: jwk['crv'] ?? '', x: jwk['x'] ?? '', y: jwk['y'] ?? '' },
      { name: 'ECDSA', namedCurve: 'P-256' },
      true,
      ['verify'],
    );
    t.same(
      Buffer.from(await webcrypto.subtle.exportKey('spki', imported)),
      Buffer.from(partnerKey?.publicKey ?? []),
    );
  },
);

t.test('ValidateJWTSVID returns a single-string aud as a list (handler.go backcompat)', async (t) => {
  const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ]);
  const rig = await startRig(t, {
    entries: [makeEntry({ spiffeId: WORKLOAD_ID, federatesWith: ['partner.org'] })],
  });
  rig.ds.putFederatedBundle({
    trust_domain: 'partner.org',
    x509_authorities: [],
    jwt_authorities: [
      {
        public_key: Buffer.from(await webcrypto.subtle.exportKey('spki', keys.publicKey)),
        key_id: 'k1',
        expires_at: 0,
        tainted: false,
      },
    ],
    refresh_hint: 0,
    sequence_number: 1,
  });
  await rig.api.settled();
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = `${encode({ alg: 'ES256', kid: 'k1', typ: 'JWT' })}.${encode({ sub: 'spiffe://partner.org/c', aud: 'me', exp: now + 60 })}`;
  const signature = await webcrypto.subtle.sign(
    { name: 'ECDSA', hash: 'SHA-256' },
    keys.privateKey,
    new TextEncoder().encode(input),
  );
  const response = await validate(rig, 'me', `${input}.${Buffer.from(signature).toString('base64url')}`);
  t.same(
    response.claims?.fields['aud']?.listValue?.values.map((v) => v.stringValue),
    ['me'],
  );
});
