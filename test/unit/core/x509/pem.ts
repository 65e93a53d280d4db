import t from 'tap';
import { derListToPem, pemToDerList } from '../../../../src/core/x509/index.js';

const a = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]);
const b = new Uint8Array(200).fill(7);

function pemError(message: string): { name: string; code: string; message: string } {
  return { name: 'CoreError', code: 'PEM_INVALID', message: `x509: ${message}` };
}

t.test('derListToPem and pemToDerList round trip several blocks (RFC 7468)', (t) => {
  const pem = derListToPem([a, b], 'CERTIFICATE');
  t.match(pem, /^-----BEGIN CERTIFICATE-----\n/);
  t.ok(
    pem.split('\n').every((line) => line.length <= 64),
    'base64 lines are wrapped at 64 columns',
  );
  t.same(pemToDerList(pem, 'CERTIFICATE'), [a, b]);
  t.same(pemToDerList(derListToPem([a], 'PRIVATE KEY'), 'PRIVATE KEY'), [a]);
  t.equal(derListToPem([], 'CERTIFICATE'), '');
  t.end();
});

t.test('pemToDerList ignores explanatory text and CRLF line endings', (t) => {
  const pem = `subject=CN=x\r\n${derListToPem([a], 'CERTIFICATE').replaceAll('\n', '\r\n')}trailing words\n`;
  t.same(pemToDerList(pem, 'CERTIFICATE'), [a]);
  t.end();
});

t.test('pemToDerList rejects malformed PEM, one rule per row', (t) => {
  const good = derListToPem([a], 'CERTIFICATE');
  const rows: [name: string, pem: string, label: 'CERTIFICATE' | 'PRIVATE KEY', message: string][] = [
    ['no block at all', 'just text', 'CERTIFICATE', 'no "CERTIFICATE" PEM block found'],
    ['empty input', '', 'PRIVATE KEY', 'no "PRIVATE KEY" PEM block found'],
    [
      'END label differs from BEGIN label',
      good.replace('END CERTIFICATE', 'END PRIVATE KEY'),
      'CERTIFICATE',
      'PEM block 0 begins "CERTIFICATE" but ends "PRIVATE KEY"',
    ],
    [
      'BEGIN without END',
      `${good}-----BEGIN CERTIFICATE-----\nMAMCAQE=\n`,
      'CERTIFICATE',
      'PEM block 1 has no matching END line',
    ],
    [
      'body is not base64',
      '-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n',
      'CERTIFICATE',
      'PEM block 0 ("CERTIFICATE") is not valid base64 (headers are not supported)',
    ],
    [
      'PEM headers (RFC 1421 encryption) are not supported',
      '-----BEGIN PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nMAMCAQE=\n-----END PRIVATE KEY-----\n',
      'PRIVATE KEY',
      'PEM block 0 ("PRIVATE KEY") is not valid base64 (headers are not supported)',
    ],
    [
      'empty body',
      '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n',
      'CERTIFICATE',
      'PEM block 0 ("CERTIFICATE") is empty',
    ],
    [
      'a block with another label',
      derListToPem([a], 'PRIVATE KEY'),
      'CERTIFICATE',
      'PEM block 0 is "PRIVATE KEY", expected "CERTIFICATE"',
    ],
    [
      'PKCS#1 RSA keys, with a hint to convert',
      good.replaceAll('CERTIFICATE', 'RSA PRIVATE KEY'),
      'PRIVATE KEY',
      'PEM block 0 is "RSA PRIVATE KEY", expected "PRIVATE KEY": only PKCS#8 keys are supported (convert with: openssl pkcs8 -topk8 -nocrypt)',
    ],
    [
      'SEC1 EC keys, with a hint to convert',
      good.replaceAll('CERTIFICATE', 'EC PRIVATE KEY'),
      'PRIVATE KEY',
      'PEM block 0 is "EC PRIVATE KEY", expected "PRIVATE KEY": only PKCS#8 keys are supported (convert with: openssl pkcs8 -topk8 -nocrypt)',
    ],
    [
      'encrypted PKCS#8 keys',
      good.replaceAll('CERTIFICATE', 'ENCRYPTED PRIVATE KEY'),
      'PRIVATE KEY',
      'PEM block 0 is "ENCRYPTED PRIVATE KEY", expected "PRIVATE KEY": encrypted keys are not supported',
    ],
  ];
  for (const [name, pem, label, message] of rows) {
    t.throws(() => pemToDerList(pem, label), pemError(message), name);
  }
  t.end();
});
