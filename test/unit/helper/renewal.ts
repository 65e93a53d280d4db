import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BundleSet, X509Bundle } from '../../../src/core/bundle/index.js';
import { freshOnDisk, type FreshnessQuery } from '../../../helper/renewal.js';
import { renderSvidFiles, writeSvid } from '../../../helper/outputs/svid-files.js';
import { tinyCa } from './fixtures/certs.js';

const ID = 'spiffe://cluster.example/node/kubelet';
const HOUR = 3_600_000;

t.test('files on disk may stay only while every condition holds, one row per condition', async (t) => {
  const ca = await tinyCa('cluster.example');
  const partner = await tinyCa('partner.example');
  const onDisk = await ca.leaf({ spiffeId: ID, dns: ['node-1'], notAfter: new Date(Date.now() + 10 * HOUR) });
  const fromAgent = await ca.leaf({
    spiffeId: ID,
    dns: ['node-1'],
    notAfter: new Date(Date.now() + 20 * HOUR),
  });
  const base = join(t.testdir(), 'kubelet');
  const access = { certAccess: { mode: 0o644 }, keyAccess: { mode: 0o600 }, dirAccess: { mode: 0o750 } };
  await writeSvid(onDisk, ca.bundles(partner), { base, ...access, federated: true });
  const query: FreshnessQuery = {
    base,
    spiffeId: ID,
    expect: {},
    bundles: ca.bundles(partner),
    rendered: renderSvidFiles(fromAgent, ca.bundles(partner), { federated: true }),
    renewBeforeMs: 8 * HOUR,
  };

  const fresh = await freshOnDisk(query);
  t.equal(fresh?.id, ID, 'valid for 10h, 8h required: may stay');
  t.equal(fresh?.notAfter.getTime(), onDisk.certificates[0]?.notAfter.getTime(), 'reports the files on disk');

  const successor = await tinyCa('cluster.example');
  const rotatedOwn = new BundleSet([
    X509Bundle.fromCertificates(ca.trustDomain, [ca.root, successor.root]),
    partner.bundle(),
  ]);
  const rows: [string, Partial<FreshnessQuery>][] = [
    ['less time left than required', { renewBeforeMs: 11 * HOUR }],
    ['another SPIFFE ID selected', { spiffeId: `${ID}-2` }],
    ['a required SAN missing on disk', { expect: { dns: ['node-2'] } }],
    [
      "the chain does not lead to the agent's bundle",
      { bundles: (await tinyCa('cluster.example')).bundles(partner) },
    ],
    [
      'the own bundle gained an authority',
      { rendered: renderSvidFiles(fromAgent, rotatedOwn, { federated: true }) },
    ],
    [
      'a federated trust domain was added',
      {
        rendered: renderSvidFiles(fromAgent, ca.bundles(partner, await tinyCa('x.example')), {
          federated: true,
        }),
      },
    ],
    ['nothing on disk', { base: join(t.testdirName, 'none') }],
  ];
  for (const [name, change] of rows) t.equal(await freshOnDisk({ ...query, ...change }), undefined, name);

  const rotatedPartner = await tinyCa('partner.example');
  t.equal(
    await freshOnDisk({
      ...query,
      rendered: renderSvidFiles(fromAgent, ca.bundles(rotatedPartner), { federated: true }),
    }),
    undefined,
    'a federated bundle changed',
  );
  await writeFile(`${base}-ca.partner.example.pem.tmp`, '');
  t.ok(await freshOnDisk(query), 'unrelated files do not matter');
});
