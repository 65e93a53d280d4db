// The subjectAltName extension value, read back by an independent parser (@peculiar/x509).
import t from 'tap';
import { x509 } from '../../../src/core/x509/index.js';
import { encodeSubjectAltName, ipAddressBytes, subjectAltNameOid } from '../../../composer/san.js';

const hex = (b: Uint8Array | undefined): string | undefined =>
  b === undefined ? undefined : Buffer.from(b).toString('hex');

t.test('IPv4 and IPv6 addresses become 4 and 16 bytes', (t) => {
  t.equal(hex(ipAddressBytes('10.254.0.1')), '0afe0001');
  t.equal(hex(ipAddressBytes('::1')), '00000000000000000000000000000001');
  t.equal(hex(ipAddressBytes('2001:db8::8a2e:370:7334')), '20010db80000000000008a2e03707334');
  t.equal(hex(ipAddressBytes('1:2:3:4:5:6:7:8')), '00010002000300040005000600070008');
  t.equal(hex(ipAddressBytes('::ffff:10.0.0.1')), '00000000000000000000ffff0a000001', 'embedded IPv4');
  t.end();
});

t.test('anything else is not an IP address', (t) => {
  for (const text of ['', 'abc', '1.2.3', '256.0.0.1', '10.0.0.1/8', 'fe80::1%eth0', 'n1.example'])
    t.equal(ipAddressBytes(text), undefined, JSON.stringify(text));
  t.end();
});

t.test('the extension holds DNS names, then IP addresses, then URIs, as Go orders them', (t) => {
  const value = encodeSubjectAltName({
    dnsNames: ['api.c.example', 'localhost'],
    ipAddresses: [ipAddressBytes('10.0.1.5')!, ipAddressBytes('::1')!],
    uris: ['spiffe://cluster.example/k8s/c/node/n/kube-apiserver/10.0.1.5'],
  });
  const ext = new x509.SubjectAlternativeNameExtension(
    new x509.Extension(subjectAltNameOid, false, new Uint8Array(value)).rawData,
  );
  t.strictSame(
    ext.names.items.map((n) => [n.type, n.value]),
    [
      ['dns', 'api.c.example'],
      ['dns', 'localhost'],
      ['ip', '10.0.1.5'],
      ['ip', '::1'],
      ['url', 'spiffe://cluster.example/k8s/c/node/n/kube-apiserver/10.0.1.5'],
    ],
  );
  t.end();
});

t.test('long name lists use long-form DER lengths (one and two length bytes)', (t) => {
  for (const count of [4, 40]) {
    const dnsNames = Array.from({ length: count }, (_, i) => `name-${i}.a-rather-long-cluster-zone.example`);
    const value = encodeSubjectAltName({ dnsNames, ipAddresses: [], uris: [] });
    t.ok(value.length > 128, `${value.length} bytes: long form`);
    const ext = new x509.SubjectAlternativeNameExtension(
      new x509.Extension(subjectAltNameOid, false, new Uint8Array(value)).rawData,
    );
    t.strictSame(
      ext.names.items.map((n) => n.value),
      dnsNames,
    );
  }
  t.end();
});
