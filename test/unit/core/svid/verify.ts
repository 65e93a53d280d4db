import t from 'tap';
import { createTestCa } from '../../../harness/ca.js';
import { BundleSet } from '../../../../src/core/bundle/index.js';
import { verifyX509Svid } from '../../../../src/core/svid/index.js';

const ID = 'spiffe://example.org/workload';
const HOUR = 3600_000;

t.test('verifyX509Svid returns the ID and the chain to the authority', async (t) => {
  for (const intermediate of [false, true]) {
    const ca = await createTestCa({ trustDomain: 'example.org', intermediate });
    const minted = await ca.mintX509Svid({ spiffeId: ID });
    const { id, chain } = await verifyX509Svid(minted.certificates, new BundleSet([ca.x509Bundle()]));
    t.equal(id.toString(), ID);
    t.same(
      chain.map((cert) => cert.serialNumber),
      [...minted.certificates, ca.root].map((cert) => cert.serialNumber),
      intermediate ? 'leaf, intermediate, root' : 'leaf, root',
    );
  }
});

t.test('verifyX509Svid picks the authority that signed the chain among several', async (t) => {
  const [a, b] = await Promise.all([
    createTestCa({ trustDomain: 'example.org', root: { subject: 'CN=same name' } }),
    createTestCa({ trustDomain: 'example.org', root: { subject: 'CN=same name' } }),
  ]);
  const bundle = a.x509Bundle();
  bundle.addAuthority(b.root);
  const minted = await b.mintX509Svid({ spiffeId: ID });
  const { chain } = await verifyX509Svid(minted.certificates, new BundleSet([bundle]));
  t.equal(chain[1]?.serialNumber, b.root.serialNumber);
});

t.test('verifyX509Svid rejects untrusted chains with CHAIN_UNTRUSTED', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org', intermediate: true });
  const bundles = new BundleSet([ca.x509Bundle()]);

  const foreign = await ca.mintX509Svid({ spiffeId: 'spiffe://other.org/workload' });
  await t.rejects(
    verifyX509Svid(foreign.certificates, bundles),
    { code: 'CHAIN_UNTRUSTED', message: 'svid: no bundle for trust domain "other.org"' },
    'the bundle of the ID’s trust domain is required',
  );

  // Same subject names as the trusted CA, different keys: only the signature check can tell them apart.
  const impostor = await createTestCa({ trustDomain: 'example.org', root: { subject: ca.root.subject } });
  const forged = await impostor.mintX509Svid({ spiffeId: ID });
  await t.rejects(
    verifyX509Svid(forged.certificates, bundles),
    {
      code: 'CHAIN_UNTRUSTED',
      message: 'svid: certificate chain does not lead to an authority of trust domain "example.org"',
    },
    'a chain signed by another CA is rejected',
  );

  // Right key, wrong name: RFC 5280 §6.1.3 chains by name as well as by signature.
  const renamed = await ca.mintX509Svid({ spiffeId: ID, issuer: 'CN=someone else' });
  await t.rejects(
    verifyX509Svid(renamed.certificates, bundles),
    { code: 'CHAIN_UNTRUSTED', message: /does not lead to an authority/ },
    'the issuer name must match the issuing certificate’s subject',
  );

  const minted = await ca.mintX509Svid({ spiffeId: ID });
  await t.rejects(
    verifyX509Svid([minted.certificates[0]!], bundles),
    { code: 'CHAIN_UNTRUSTED', message: /does not lead to an authority/ },
    'a missing intermediate breaks the chain',
  );

  const expired = await ca.mintX509Svid({
    spiffeId: ID,
    notBefore: new Date(Date.now() - 2 * HOUR),
    notAfter: new Date(Date.now() - HOUR),
  });
  await t.rejects(
    verifyX509Svid(expired.certificates, bundles),
    { code: 'CHAIN_UNTRUSTED', message: /^svid: leaf certificate ".*" expired at \S+ \(checked at \S+\)$/ },
    'an expired leaf is named',
  );
  const future = await ca.mintX509Svid({ spiffeId: ID, notBefore: new Date(Date.now() + HOUR) });
  await t.rejects(
    verifyX509Svid(future.certificates, bundles),
    { code: 'CHAIN_UNTRUSTED', message: /^svid: leaf certificate ".*" is not valid until / },
    'a leaf that is not yet valid is named',
  );
  await t.rejects(
    verifyX509Svid(minted.certificates, bundles, { at: new Date(Date.now() + 2 * HOUR) }),
    { code: 'CHAIN_UNTRUSTED', message: /^svid: leaf certificate ".*" expired at / },
    'options.at sets the verification time',
  );
});

t.test('verifyX509Svid checks the validity of intermediates and authorities', async (t) => {
  const past = { notBefore: new Date(Date.now() - 3 * HOUR), notAfter: new Date(Date.now() - 2 * HOUR) };
  const oldIntermediate = await createTestCa({ trustDomain: 'example.org', intermediate: past });
  const viaOld = await oldIntermediate.mintX509Svid({ spiffeId: ID });
  await t.rejects(
    verifyX509Svid(viaOld.certificates, new BundleSet([oldIntermediate.x509Bundle()])),
    { code: 'CHAIN_UNTRUSTED', message: /^svid: intermediate certificate ".*intermediate.*" expired at / },
    'an expired intermediate is named',
  );
  const oldRoot = await createTestCa({ trustDomain: 'example.org', root: past });
  const viaOldRoot = await oldRoot.mintX509Svid({ spiffeId: ID });
  await t.rejects(
    verifyX509Svid(viaOldRoot.certificates, new BundleSet([oldRoot.x509Bundle()])),
    { code: 'CHAIN_UNTRUSTED', message: /^svid: authority ".*root.*" expired at / },
    'an expired authority is named',
  );
});

t.test('verifyX509Svid applies the shape rules before trust (SVID_INVALID)', async (t) => {
  const ca = await createTestCa({ trustDomain: 'example.org' });
  const bundles = new BundleSet([ca.x509Bundle()]);
  await t.rejects(verifyX509Svid([], bundles), {
    code: 'SVID_INVALID',
    message: 'svid: empty certificate chain',
  });
  const leafCa = await ca.mintX509Svid({ spiffeId: ID, ca: true });
  await t.rejects(verifyX509Svid(leafCa.certificates, bundles), {
    code: 'SVID_INVALID',
    message: 'svid: leaf certificate must not have CA flag set to true',
  });
  const notCa = await createTestCa({ trustDomain: 'example.org', intermediate: { ca: false } });
  const viaNotCa = await notCa.mintX509Svid({ spiffeId: ID });
  await t.rejects(verifyX509Svid(viaNotCa.certificates, new BundleSet([notCa.x509Bundle()])), {
    code: 'SVID_INVALID',
    message: /must have CA flag set to true/,
  });
});
