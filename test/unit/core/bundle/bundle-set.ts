import t from 'tap';
import { BundleSet, X509Bundle } from '../../../../src/core/bundle/index.js';
import { TrustDomain } from '../../../../src/core/spiffeid/index.js';

const org = TrustDomain.parse('example.org');
const com = TrustDomain.parse('example.com');

t.test('BundleSet keeps one bundle per trust domain, sorted by name', (t) => {
  const first = X509Bundle.fromCertificates(org, []);
  const set = new BundleSet([first, X509Bundle.fromCertificates(com, [])]);
  t.equal(set.size, 2);
  t.equal(set.get(TrustDomain.parse('spiffe://example.org')), first, 'looked up by value, not identity');
  t.ok(set.has(com));
  t.notOk(set.has(TrustDomain.parse('other.test')));
  t.equal(set.get(TrustDomain.parse('other.test')), undefined);
  t.same(
    set.trustDomains().map((td) => td.name),
    ['example.com', 'example.org'],
  );
  const replacement = X509Bundle.fromCertificates(org, []);
  set.set(replacement);
  t.equal(set.size, 2, 'set replaces the bundle of the same trust domain');
  t.equal(set.get(org), replacement);
  t.same(
    set.values().map((bundle) => bundle.trustDomain.name),
    ['example.com', 'example.org'],
  );
  set.delete(com);
  t.notOk(set.has(com));
  t.end();
});
