import { CoreError } from '../errors/index.js';
import { splitConcatenatedDer } from './der.js';
import { pemToDerList } from './pem.js';
import { x509 } from './setup.js';

const DER_SEQUENCE_TAG = 0x30;

/**
 * Returns the certificates in `input`: PEM text (string or bytes) or concatenated DER. Throws PEM_INVALID
 * when there is none or one does not parse.
 */
export function parseCertificates(input: Uint8Array | string): x509.X509Certificate[] {
  const ders =
    typeof input === 'string'
      ? pemToDerList(input, 'CERTIFICATE')
      : input.length === 0 || input[0] === DER_SEQUENCE_TAG
        ? splitConcatenatedDer(input)
        : pemToDerList(Buffer.from(input).toString('utf8'), 'CERTIFICATE');
  if (ders.length === 0) throw new CoreError('PEM_INVALID', 'x509', 'no certificates found');
  return ders.map((der, index) => {
    try {
      return new x509.X509Certificate(der);
    } catch (cause) {
      throw new CoreError('PEM_INVALID', 'x509', `certificate ${index} is not a valid X.509 certificate`, {
        cause,
      });
    }
  });
}
