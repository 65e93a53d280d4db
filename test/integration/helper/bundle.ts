// The bundled build (scripts/bundle-helper.mjs), which the bin runs when it exists: it must behave as the
// sources do. Built into a scratch directory so the bin of other tests keeps running the sources.
import t from 'tap';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { REPO_ROOT, startAgent, tempDir } from '../../unit/helper/fixtures/agent.js';

const KUBELET = 'spiffe://cluster.example/node/kubelet';

t.test(
  'the bundle fetches, validates and writes like the sources, and loads the daemon on demand',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET, hint: 'kubelet' }] });
    const outdir = await tempDir(t);
    const build = await execa(process.execPath, [
      join(REPO_ROOT, 'scripts/bundle-helper.mjs'),
      '--outdir',
      outdir,
    ]);
    t.match(build.stdout, /spire-helper\.mjs and \d+ chunks: \d+ KiB/);
    const bundle = join(outdir, 'spire-helper.mjs');
    const helper = (args: string[]) =>
      execa(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `await (await import(${JSON.stringify(bundle)})).main(process.argv.slice(1));`,
          '--',
          ...args,
        ],
        {
          reject: false,
          env: { SPIFFE_ENDPOINT_SOCKET: undefined },
        },
      );

    const base = join(agent.dir, 'ssl/kubelet');
    const fetched = await helper(['cert', 'fetch', base, '--hint', 'kubelet', '--socket', agent.endpoint]);
    t.equal(fetched.exitCode, 0, fetched.stderr);
    t.match(fetched.stdout, `${base}.pem: wrote ${KUBELET}`);
    const leaf = new X509Certificate(await readFile(`${base}.pem`));
    t.ok(leaf.checkPrivateKey(createPrivateKey(await readFile(`${base}-key.pem`))), 'the key matches');

    // Exit codes and one-line errors come through the bundled oclif as they do from the sources.
    const bad = await helper(['cert', 'fetch', base, '--mode', 'rw']);
    t.equal(bad.exitCode, 2);
    t.equal(
      bad.stderr,
      'spire-helper: flags: --mode "rw" is not valid; expected an octal mode such as 0644 or 0600',
    );

    // `run --check` loads the daemon's chunk (YAML configuration).
    const config = join(agent.dir, 'run.yaml');
    await writeFile(
      config,
      `endpoint: ${agent.endpoint}\noutputs:\n  - name: kubelet\n    hint: kubelet\n    base: ${base}\n`,
    );
    const checked = await helper(['run', '--config', config, '--check']);
    t.equal(checked.exitCode, 0, checked.stderr);
    t.match(checked.stdout, 'valid; 1 outputs (kubelet)');
    t.ok(
      (await readdir(outdir)).filter((name) => name.endsWith('.mjs')).length > 1,
      'the daemon is a chunk of its own',
    );
  },
);
