// The go-plugin handshake (go-plugin server.go Serve, client.go Start), and the launcher a person or
// Terraform runs.
import t from 'tap';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import {
  handshakeLine,
  negotiateProtocolVersion,
  refuseWithoutCookie,
  socketPath,
  terraformHandshake,
} from '../../../../provider/plugin/handshake.js';
import { loadProviderProtos } from '../../../../provider/proto/load.js';

const launcher = fileURLToPath(new URL('../../../../provider/bin/terraform-provider-spire', import.meta.url));

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

t.test('the magic cookie must match exactly', (t) => {
  const { cookieKey, cookieValue } = terraformHandshake;
  t.equal(refuseWithoutCookie({ [cookieKey]: cookieValue }, terraformHandshake, 'p'), undefined);
  t.match(
    refuseWithoutCookie({}, terraformHandshake, 'terraform-provider-spire'),
    /terraform-provider-spire is a plugin/,
  );
  t.match(
    refuseWithoutCookie({ [cookieKey]: 'wrong' }, terraformHandshake, 'p'),
    /not meant to be run by hand/,
  );
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

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(
  env: Record<string, string>,
  onStdout?: (text: string, signal: (name: NodeJS.Signals) => void) => void,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(launcher, [], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      onStdout?.(stdout, (name) => child.kill(name));
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
}

t.test(
  'run by hand, the provider explains itself on stderr and exits 1, printing nothing on stdout',
  async (t) => {
    const result = await run({});
    t.equal(result.code, 1);
    t.equal(result.stdout, '');
    t.match(result.stderr, /^terraform-provider-spire is a plugin: Terraform or OpenTofu starts it/);
    t.end();
  },
);

t.test(
  'started by a host, it prints only the handshake, ignores Ctrl-C, and exits 0 on Shutdown removing its socket',
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'tfh-'));
    t.teardown(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const protos = loadProviderProtos();
    let checked: Promise<void> | undefined;
    let firstLine = '';
    const result = await run(
      {
        [terraformHandshake.cookieKey]: terraformHandshake.cookieValue,
        PLUGIN_PROTOCOL_VERSIONS: '5,6',
        PLUGIN_UNIX_SOCKET_DIR: dir,
      },
      (stdout, signal) => {
        if (checked !== undefined || !stdout.includes('\n')) return;
        firstLine = stdout.slice(0, stdout.indexOf('\n'));
        const socket = firstLine.split('|')[3] ?? '';
        checked = (async () => {
          t.ok(existsSync(socket), 'socket exists while serving');
          // Ctrl-C reaches the whole process group; Terraform stops providers over gRPC instead.
          signal('SIGINT');
          const health = new protos.health.Health(`unix:${socket}`, grpc.credentials.createInsecure());
          const status = await new Promise<string>((resolve, reject) => {
            health.Check({ service: 'plugin' }, (err, res) => {
              if (err === null) resolve(res?.status ?? '');
              else reject(err);
            });
          });
          t.equal(status, 'SERVING', 'grpc.health.v1 reports "plugin" SERVING');
          health.close();
          const controller = new protos.controller.GRPCController(
            `unix:${socket}`,
            grpc.credentials.createInsecure(),
          );
          await new Promise<void>((resolve, reject) => {
            controller.Shutdown({}, (err) => {
              if (err === null) resolve();
              else reject(err);
            });
          });
          controller.close();
        })();
      },
    );
    await checked;
    t.match(
      firstLine,
      new RegExp(`^1\\|6\\|unix\\|${dir}/plugin\\d{9}\\|grpc\\|$`),
      'plaintext: empty certificate field',
    );
    t.equal(result.stdout, `${firstLine}\n`, 'nothing but the handshake on stdout');
    t.equal(result.signal, null, 'SIGINT did not kill it');
    t.equal(result.code, 0, 'graceful exit after Shutdown');
    t.ok(!existsSync(firstLine.split('|')[3] ?? ''), 'socket removed');
    t.end();
  },
);

t.test('SIGTERM right after the handshake still stops cleanly and removes the socket', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tfh-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  let socket = '';
  const result = await run(
    { [terraformHandshake.cookieKey]: terraformHandshake.cookieValue, PLUGIN_UNIX_SOCKET_DIR: dir },
    (stdout, signal) => {
      if (socket !== '' || !stdout.includes('\n')) return;
      socket = stdout.split('|')[3] ?? '';
      signal('SIGTERM');
    },
  );
  t.equal(result.signal, null, 'handled, not killed by the signal');
  t.equal(result.code, 0);
  t.not(socket, '');
  t.notOk(existsSync(socket), 'socket removed');
  t.end();
});
