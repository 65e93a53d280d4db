// The plugin executable as SPIRE or a person runs it: SPIRE's magic cookie, the handshake line without
// AutoMTLS, and a clean stop on GRPCController.Shutdown.
import t from 'tap';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { generateServerCertificate } from '../../../src/goplugin/auto-mtls.js';
import { loadGoPluginProtos } from '../../../src/goplugin/proto/load.js';
import { spireHandshake } from '../../../composer/main.js';

const launcher = fileURLToPath(
  new URL('../../../composer/bin/spire-credentialcomposer-k8s', import.meta.url),
);
const spireEnv = { CredentialComposer: 'CredentialComposer', PLUGIN_PROTOCOL_VERSIONS: '1' };

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(env: Record<string, string>, onLine?: (line: string) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(launcher, [], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      const before = stdout;
      stdout += d.toString();
      if (!before.includes('\n') && stdout.includes('\n')) onLine?.(stdout.slice(0, stdout.indexOf('\n')));
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

t.test('the magic cookie is the plugin type as key and value (SPIRE external.go)', (t) => {
  t.strictSame(spireHandshake, { cookieKey: 'CredentialComposer', cookieValue: 'CredentialComposer' });
  t.end();
});

t.test('run by hand, or by SPIRE as another plugin type, it explains itself and exits 1', async (t) => {
  for (const result of await Promise.all([run({}), run({ KeyManager: 'KeyManager' })])) {
    t.equal(result.code, 1);
    t.equal(result.stdout, '', 'nothing on stdout');
    t.match(result.stderr, /^spire-credentialcomposer-k8s is a SPIRE server plugin/);
    t.match(result.stderr, /plugin_data_file/);
  }
  t.end();
});

t.test(
  'started by SPIRE: protocol 1, plaintext (empty certificate field), clean exit on Shutdown',
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'cch-'));
    t.teardown(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const protos = loadGoPluginProtos();
    let shutdown: Promise<void> | undefined;
    const result = await run({ ...spireEnv, PLUGIN_UNIX_SOCKET_DIR: dir }, (line) => {
      const socket = line.split('|')[3] ?? '';
      shutdown = new Promise((resolve, reject) => {
        const controller = new protos.controller.GRPCController(
          `unix:${socket}`,
          grpc.credentials.createInsecure(),
        );
        controller.Shutdown({}, (err) => {
          controller.close();
          if (err === null) resolve();
          else reject(err);
        });
      });
    });
    await shutdown;
    const line = result.stdout.trimEnd();
    t.match(line, new RegExp(`^1\\|1\\|unix\\|${dir}/plugin\\d{9}\\|grpc\\|$`));
    t.equal(result.stdout, `${line}\n`, 'nothing but the handshake on stdout');
    t.equal(result.code, 0);
    t.notOk(existsSync(line.split('|')[3] ?? ''), 'socket removed');
    t.end();
  },
);

t.test('a host asking for AutoMTLS is refused: SPIRE plugins are plaintext', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cch-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const host = generateServerCertificate({ organization: 'test-host' });
  const result = await run({
    ...spireEnv,
    PLUGIN_UNIX_SOCKET_DIR: dir,
    PLUGIN_CLIENT_CERT: host.certificatePem,
  });
  t.equal(result.code, 1);
  t.equal(result.stdout, '');
  t.match(result.stderr, /asked for AutoMTLS/);
  t.end();
});
