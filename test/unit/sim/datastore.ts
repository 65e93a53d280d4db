// The shared datastore of the SPIRE test double: indexes, change notifications, paging order and the
// own bundle's sequence number.
import t from 'tap';
import type { Entry } from '../../../src/core/generated/spire/api/types/Entry.js';
import { SimDatastore, firstRowAfter, similarityKey } from '../../sim/datastore.js';

function entry(id: string, path: string, selectors: string[] = ['unix:uid:1']): Entry {
  return {
    id,
    spiffe_id: { trust_domain: 'example.org', path },
    parent_id: { trust_domain: 'example.org', path: '/spire/agent/a' },
    selectors: selectors.map((s) => {
      const [type = '', ...value] = s.split(':');
      return { type, value: value.join(':') };
    }),
    x509_svid_ttl: 0,
    federates_with: [],
    admin: false,
    downstream: false,
    expires_at: 0,
    dns_names: [],
    revision_number: 0,
    store_svid: false,
    jwt_svid_ttl: 0,
    hint: '',
    created_at: 0,
  };
}

t.test('similarity ignores selector order and repetition (sqlstore lookupSimilarEntry)', (t) => {
  t.equal(
    similarityKey(entry('a', '/w', ['unix:uid:1', 'unix:gid:2'])),
    similarityKey(entry('b', '/w', ['unix:gid:2', 'unix:uid:1', 'unix:uid:1'])),
  );
  t.not(similarityKey(entry('a', '/w')), similarityKey(entry('a', '/other')));
  t.end();
});

t.test('findSimilarEntry returns the oldest similar entry and follows updates and deletes', (t) => {
  const ds = new SimDatastore();
  ds.insertEntry(entry('a', '/w'));
  ds.insertEntry(entry('b', '/x'));
  t.equal(ds.findSimilarEntry(entry('?', '/w'))?.id, 'a');
  // An update may make two entries similar (SPIRE does not check similarity on update).
  ds.replaceEntry(entry('b', '/w'));
  t.equal(ds.findSimilarEntry(entry('?', '/w'))?.id, 'a');
  ds.deleteEntry('a');
  t.equal(ds.findSimilarEntry(entry('?', '/w'))?.id, 'b');
  t.equal(ds.findSimilarEntry(entry('?', '/x')), undefined);
  t.same(
    ds.entriesBySpiffeId('spiffe://example.org/w').map((e) => e.id),
    ['b'],
  );
  t.end();
});

t.test('rows keep creation order across updates; deleted rows disappear', (t) => {
  const ds = new SimDatastore();
  for (const id of ['a', 'b', 'c']) ds.insertEntry(entry(id, `/${id}`));
  ds.replaceEntry({ ...entry('a', '/a'), hint: 'updated' });
  ds.deleteEntry('b');
  t.same(
    ds.listAllEntries().map((e) => [e.id, e.hint]),
    [
      ['a', 'updated'],
      ['c', ''],
    ],
  );
  const rows = ds.entryRows();
  t.equal(firstRowAfter(rows, 0), 0);
  t.equal(firstRowAfter(rows, rows[0]?.seq ?? 0), 1);
  t.equal(firstRowAfter(rows, Number.MAX_SAFE_INTEGER), 2);
  t.end();
});

t.test('batch() sends each kind of change once at the end', (t) => {
  const ds = new SimDatastore();
  const seen: string[] = [];
  const stop = ds.onChange((what) => seen.push(what));
  ds.batch(() => {
    ds.insertEntry(entry('a', '/a'));
    ds.insertEntry(entry('b', '/b'));
    t.same(seen, [], 'nothing before the batch ends');
  });
  t.same(seen, ['entries']);
  ds.insertEntry(entry('c', '/c'));
  t.same(seen, ['entries', 'entries'], 'outside a batch, every change notifies');
  stop();
  ds.deleteEntry('c');
  t.equal(seen.length, 2, 'unsubscribed');
  t.end();
});

t.test('the own bundle: CA authorities, appended ones, sequence number', (t) => {
  const ds = new SimDatastore({ trustDomain: 'example.org' });
  ds.setCaAuthorities([{ asn1: Buffer.from([1]), tainted: false }], []);
  t.equal(ds.ownBundle().sequence_number, 1);
  t.ok(ds.appendOwnAuthorities([{ asn1: Buffer.from([2]), tainted: false }], []));
  t.notOk(ds.appendOwnAuthorities([{ asn1: Buffer.from([1]), tainted: false }], []), 'already present');
  const bundle = ds.ownBundle();
  t.equal(bundle.sequence_number, 2);
  t.equal(bundle.x509_authorities.length, 2);
  t.same(
    ds.bundleRows().map((row) => row.value.trust_domain),
    ['example.org'],
    'the own bundle is the first bundle row',
  );
  t.end();
});

t.test('federatedBundles returns a copy keyed by trust domain name', (t) => {
  const ds = new SimDatastore();
  ds.putFederatedBundle({
    trust_domain: 'a.org',
    x509_authorities: [],
    jwt_authorities: [],
    refresh_hint: 0,
    sequence_number: 0,
  });
  const copy = ds.federatedBundles();
  copy.delete('a.org');
  t.ok(ds.getFederatedBundle('a.org'));
  t.same([...ds.federatedBundles().keys()], ['a.org']);
  t.end();
});
