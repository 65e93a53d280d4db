// The only place @peculiar/x509 is configured. It resolves its services through tsyringe, which needs a
// Reflect polyfill loaded before the library, and it needs a WebCrypto provider; Node's own is used.
import './reflect-polyfill.js';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto);

/** The configured library; import it from here (never from '@peculiar/x509' directly) so setup always ran. */
export { x509 };
export { webcrypto };
