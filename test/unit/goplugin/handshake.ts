// The go-plugin handshake (go-plugin server.go Serve, client.go Start), seen from the plugin.
import t from 'tap';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  handshakeLine,
  hasMagicCookie,
  negotiateProtocolVersion,
  socketPath,
} from '../../../src/goplugin/handshake.js';

t.test('the line is CORE|APP|NETWORK|ADDRESS|PROTOCOL|CERT with a newline', (t) => {
  t.equal(
    handshakeLine({ appVersion: 6, network: 'unix', address: '/tmp/plugin1' }),
    '1|6|unix|/tmp/plugin1|grpc|\n',
  );
  t.end();
});

t.test('the certificate is raw DER in base64 without padding (Terraform rejects "=")', (t) => {
  // 4 bytes would be "AQIDBA==" with padding
  const line = handshakeLine({
    appVersion: 6,
    network: 'unix',
    address: '/s',
    serverCertificate: new Uint8Array([1, 2, 3, 4]),
  });
  t.equal(line, '1|6|unix|/s|grpc|AQIDBA\n');
  t.end();
});

t.test('the highest protocol version both sides support wins, in any order', (t) => {
  t.equal(negotiateProtocolVersion('5,6', [6]), 6);
  t.equal(negotiateProtocolVersion('6,5', [5, 6]), 6);
  t.equal(negotiateProtocolVersion('5', [5, 6]), 5);
  t.equal(negotiateProtocolVersion(' 6 , x', [6]), 6, 'garbage entries are skipped');
  t.end();
});

t.test('without a common version our lowest is served and the host reports the mismatch', (t) => {
  t.equal(negotiateProtocolVersion('4', [5, 6]), 5);
  t.equal(negotiateProtocolVersion(undefined, [6]), 6);
  t.end();
});

t.test('the magic cookie must match exactly (SPIRE uses the plugin type as key and value)', (t) => {
  const spire = { cookieKey: 'CredentialComposer', cookieValue: 'CredentialComposer' };
  t.equal(hasMagicCookie({ CredentialComposer: 'CredentialComposer' }, spire), true);
  t.equal(hasMagicCookie({}, spire), false);
  t.equal(hasMagicCookie({ CredentialComposer: 'credentialcomposer' }, spire), false);
  t.equal(hasMagicCookie({ KeyManager: 'KeyManager' }, spire), false, 'another plugin type is refused');
  t.end();
});

t.test('the socket goes in PLUGIN_UNIX_SOCKET_DIR, else the temp directory', (t) => {
  t.match(socketPath({ PLUGIN_UNIX_SOCKET_DIR: '/run/x' }), /^\/run\/x\/plugin\d{9}$/);
  t.equal(socketPath({}).startsWith(join(tmpdir(), 'plugin')), true);
  t.throws(() => socketPath({ PLUGIN_UNIX_SOCKET_DIR: `/${'d'.repeat(120)}` }), {
    message: /longer than 107 bytes/,
  });
  t.end();
});
