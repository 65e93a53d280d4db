import { CoreError } from '../errors/index.js';

/** PEM labels this project reads and writes (RFC 7468 §5 certificates, §10 PKCS#8 private keys). */
export type PemLabel = 'CERTIFICATE' | 'PRIVATE KEY';

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function pemError(message: string): CoreError {
  return new CoreError('PEM_INVALID', 'x509', message);
}

// Labels users commonly hand us by mistake get a message that says what to do instead.
function wrongLabelMessage(found: string, expected: PemLabel, index: number): string {
  const base = `PEM block ${index} is "${found}", expected "${expected}"`;
  if (expected === 'PRIVATE KEY' && (found === 'RSA PRIVATE KEY' || found === 'EC PRIVATE KEY')) {
    return `${base}: only PKCS#8 keys are supported (convert with: openssl pkcs8 -topk8 -nocrypt)`;
  }
  if (found === 'ENCRYPTED PRIVATE KEY') return `${base}: encrypted keys are not supported`;
  return base;
}

/**
 * Returns the DER bytes of every PEM block in `pem`, in order. Text outside blocks is ignored (RFC 7468
 * allows explanatory text); every block must carry `label`, and at least one must be present.
 */
export function pemToDerList(pem: string, label: PemLabel): Uint8Array[] {
  const ders: Uint8Array[] = [];
  let index = 0;
  for (const match of pem.matchAll(BLOCK)) {
    const [, begin = '', body = '', end = ''] = match;
    if (begin !== end) throw pemError(`PEM block ${index} begins "${begin}" but ends "${end}"`);
    if (begin !== label) throw pemError(wrongLabelMessage(begin, label, index));
    const base64 = body.replace(/\s+/g, '');
    if (base64 === '') throw pemError(`PEM block ${index} ("${label}") is empty`);
    if (!BASE64.test(base64) || base64.length % 4 !== 0) {
      throw pemError(`PEM block ${index} ("${label}") is not valid base64 (headers are not supported)`);
    }
    ders.push(new Uint8Array(Buffer.from(base64, 'base64')));
    index++;
  }
  // A BEGIN line the pattern did not consume means a block without its END line.
  const begins = pem.match(/-----BEGIN /g)?.length ?? 0;
  if (begins !== index) throw pemError(`PEM block ${index} has no matching END line`);
  if (ders.length === 0) throw pemError(`no "${label}" PEM block found`);
  return ders;
}

/** Returns the PEM text of `ders`, one block per item, base64 wrapped at 64 columns (RFC 7468 §2). */
export function derListToPem(ders: readonly Uint8Array[], label: PemLabel): string {
  return ders
    .map((der) => {
      const lines =
        Buffer.from(der)
          .toString('base64')
          .match(/.{1,64}/g) ?? [];
      return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
    })
    .join('');
}
