// The provider's launcher as Terraform or a person runs it: Terraform's magic cookie, the refusal when run
// by hand, the handshake on stdout, and the shared go-plugin server (src/goplugin) stopping cleanly.
import t from 'tap';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { hasMagicCookie } from '../../../../src/goplugin/handshake.js';
import { levelFromEnv, silentPluginLogger } from '../../../../src/goplugin/logger.js';
import { loadGoPluginProtos } from '../../../../src/goplugin/proto/load.js';
import { servePlugin } from '../../../../src/goplugin/serve.js';
import { silentLogger } from '../../../../provider/framework/index.js';
import { impliedType } from '../../../../provider/framework/schema.js';
import {
  terraformHandshake,
  terraformLogLevel,
  terraformRefusal,
} from '../../../../provider/plugin/terraform.js';
import { loadProviderProtos } from '../../../../provider/proto/load.js';
import { encodeMsgpack } from '../../../../provider/tfplugin6/dynamic-value.js';
import { providerService } from '../../../../provider/tfplugin6/server.js';
import { fixtureProvider, thingSchemaV1 } from '../../../harness/provider-fixture/provider.js';

const launcher = fileURLToPath(new URL('../../../../provider/bin/terraform-provider-spire', import.meta.url));

t.test('Terraform’s magic cookie must match exactly', (t) => {
  // terraform internal/plugin6/serve.go (OpenTofu uses the same).
  t.strictSame(terraformHandshake, {
    cookieKey: 'TF_PLUGIN_MAGIC_COOKIE',
    cookieValue: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
  });
  const { cookieKey, cookieValue } = terraformHandshake;
  t.equal(hasMagicCookie({ [cookieKey]: cookieValue }, terraformHandshake), true);
  t.equal(hasMagicCookie({ [cookieKey]: 'wrong' }, terraformHandshake), false);
  t.match(terraformRefusal('terraform-provider-spire'), /^terraform-provider-spire is a plugin/);
  t.end();
});

t.test('the provider’s log level comes from TF_LOG_PROVIDER, then TF_LOG (terraform-plugin-log)', (t) => {
  t.equal(levelFromEnv({ TF_LOG_PROVIDER: 'DEBUG', TF_LOG: 'error' }, terraformLogLevel), 'debug');
  t.equal(levelFromEnv({ TF_LOG: 'WARN' }, terraformLogLevel), 'warn');
  t.equal(levelFromEnv({}, terraformLogLevel), 'info');
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
    const protos = loadGoPluginProtos();
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

t.test('messages far above grpc-js’s 4 MiB default are accepted (state can be large)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tfs-'));
  const protos = loadProviderProtos();
  const plugin = await servePlugin({
    versions: new Map([
      [
        6,
        (server: grpc.Server) => {
          server.addService(
            protos.tfplugin6.Provider.service,
            providerService(fixtureProvider, silentLogger),
          );
        },
      ],
    ]),
    env: { PLUGIN_UNIX_SOCKET_DIR: dir },
    log: silentPluginLogger,
    announce: () => undefined,
  });
  const client = new protos.tfplugin6.Provider(`unix:${plugin.socket}`, grpc.credentials.createInsecure());
  t.teardown(async () => {
    client.close();
    await plugin.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const name = 'a'.repeat(6 << 20);
  const config = Object.fromEntries(
    Object.keys(thingSchemaV1.attributes).map((k) => [k, k === 'name' ? name : null]),
  );
  const diagnostics = await new Promise<unknown[]>((resolve, reject) => {
    client.ValidateResourceConfig(
      {
        type_name: 'spire_test_thing',
        config: { msgpack: encodeMsgpack(config, impliedType(thingSchemaV1)) },
      },
      (err, res) => {
        if (err === null) resolve(res?.diagnostics ?? []);
        else reject(err);
      },
    );
  });
  t.strictSame(diagnostics, []);
  t.end();
});
