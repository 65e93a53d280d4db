// spire_bundle in-process against the SPIRE test double: the values are the server's own bundle.
import t from 'tap';
import { parseSpiffeBundle } from '../../../../src/core/bundle/index.js';
import { TrustDomain } from '../../../../src/core/spiffeid/index.js';
import { bundleDataSource } from '../../../../provider/data-sources/bundle.js';
import { attr, describe, startDriver, text, TRUST_DOMAIN } from './fixtures/drive.js';

t.test('the bundle data source holds what GetBundle returns', async (t) => {
  const d = await startDriver(t);
  const read = await d.readData(bundleDataSource, d.config(bundleDataSource, {}));
  t.same(describe(read.diagnostics), []);
  const own = d.sim.bundle();
  t.equal(attr(read.state, 'trust_domain'), TRUST_DOMAIN);
  t.equal(text(read.state, 'x509_pem').trim(), d.sim.bundlePem.trim(), 'x509_pem is the CA roots as PEM');
  t.equal(attr(read.state, 'sequence_number'), own.sequence_number);
  t.equal(attr(read.state, 'refresh_hint'), own.refresh_hint);

  const parsed = parseSpiffeBundle(TrustDomain.parse(TRUST_DOMAIN), text(read.state, 'spiffe_bundle_json'));
  t.same(
    parsed.x509.authorities.map((c) => Buffer.from(c.rawData).toString('hex')),
    own.x509_authorities.map((a) => Buffer.from(a.asn1).toString('hex')),
    'the SPIFFE bundle JSON holds the same X.509 authorities',
  );
  t.same(
    [...parsed.jwt.authorities.keys()],
    own.jwt_authorities.map((k) => k.key_id),
    'and the same JWT key IDs',
  );
  t.equal(parsed.sequenceNumber, own.sequence_number);

  const jwt = attr(read.state, 'jwt_authorities') as {
    key_id: string;
    public_key_pem: string;
    expires_at: string | null;
  }[];
  t.equal(jwt.length, own.jwt_authorities.length);
  t.equal(jwt[0]?.key_id, own.jwt_authorities[0]?.key_id);
  t.match(jwt[0]?.public_key_pem, /^-----BEGIN PUBLIC KEY-----\n/);
  const keyExpiry = own.jwt_authorities[0]?.expires_at ?? 0;
  t.equal(
    jwt[0]?.expires_at,
    keyExpiry === 0 ? null : new Date(keyExpiry * 1000).toISOString().replace('.000Z', 'Z'),
    'JWT key expiry as RFC 3339',
  );
  const x509 = attr(read.state, 'x509_authorities') as { pem: string; tainted: boolean }[];
  t.equal(x509.length, own.x509_authorities.length);
  t.equal(x509[0]?.tainted, false);
});
