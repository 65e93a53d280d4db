import t from 'tap';
import { X509Bundle } from '../../../../src/core/bundle/index.js';
import { TrustDomain } from '../../../../src/core/spiffeid/index.js';
import { dialSpireServer } from '../../../../src/core/spireapi/index.js';
import type { RemoteDialOptions } from '../../../../src/core/spireapi/index.js';
import { createTestCa } from '../../../harness/ca.js';

const TD = 'example.org';

async function validRemote(): Promise<RemoteDialOptions> {
  const ca = await createTestCa({ trustDomain: TD });
  const svid = await ca.mintX509Svid({ spiffeId: `spiffe://${TD}/admin` });
  return { address: 'spire.example.org:8081', trustDomain: TD, bundle: ca.x509Bundle(), svid };
}

t.test('dial validates its options before anything is dialed', async (t) => {
  const valid = await validRemote();
  const cases: [string, RemoteDialOptions, RegExp][] = [
    [
      'no address at all',
      { ...valid, address: undefined as never },
      /give `socketPath`, `address` or `addresses`/,
    ],
    [
      'an address that is a URL',
      { ...valid, address: 'https://spire:8081' },
      /address "https:\/\/spire:8081" must be host:port/,
    ],
    ['an address without port', { ...valid, address: 'spire.example.org' }, /must be host:port/],
    [
      'a malformed trust domain',
      { ...valid, trustDomain: 'Example.org' },
      /trustDomain is not a valid trust domain/,
    ],
    [
      'a malformed serverId',
      { ...valid, serverId: 'spiffe://example.org/../x' },
      /serverId is not a valid SPIFFE ID/,
    ],
    [
      'an empty bundle',
      { ...valid, bundle: X509Bundle.fromCertificates(TrustDomain.parse(TD), []) },
      /bundle for "example.org" holds no authorities/,
    ],
    [
      'an SVID without certificates',
      { ...valid, svid: { ...valid.svid, certificates: [] } },
      /svid has no certificates/,
    ],
    ['a zero timeout', { ...valid, timeoutMs: 0 }, /timeoutMs must be a positive integer/],
  ];
  for (const [name, options, message] of cases) {
    t.throws(() => dialSpireServer(options), { code: 'CONFIG_INVALID', message }, name);
  }
  t.throws(() => dialSpireServer({ socketPath: '' }), { code: 'CONFIG_INVALID' }, 'an empty socket path');
});

t.test('address and addresses combine in order; IPv6 literals are accepted', async (t) => {
  const client = dialSpireServer({
    ...(await validRemote()),
    addresses: ['10.0.0.2:8081', '[fd00::1]:8081'],
  });
  t.same(client.addresses, ['spire.example.org:8081', '10.0.0.2:8081', '[fd00::1]:8081']);
  client.close();
});
