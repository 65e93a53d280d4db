// The `run` configuration file: what a valid file becomes, and one row per rule a file can break, each
// error naming the file and the key path.
import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HelperError } from '../../../../helper/errors.js';
import { loadConfig, parseConfig, type X509Output } from '../../../../helper/daemon/config.js';
import { tempDir } from '../fixtures/agent.js';

const FILE = '/etc/spire-helper/run.yaml';

async function configError(text: string, file = FILE): Promise<HelperError> {
  try {
    await parseConfig(text, file);
  } catch (err) {
    if (err instanceof HelperError) return err;
    throw err;
  }
  throw new Error('expected a configuration error');
}

t.test(
  'a preset output takes path, hint, owner, modes, reload units and kubeconfig from the preset',
  async (t) => {
    const config = await parseConfig(
      `
endpoint: unix:///run/spire/sockets/agent.sock
kubeconfig:
  server: https://api.cluster.example:6443
outputs:
  - preset: kubelet
    kubeconfig: true
  - name: app
    base: /etc/app/tls/app
    spiffe_id: spiffe://cluster.example/app
    owner: "0"
    mode: "0640"
    key_mode: "0600"
    dns: [app.cluster.example]
    exec: ["/usr/local/bin/app-reload --graceful"]
    debounce: 5s
    on_withdraw: remove
`,
      FILE,
    );
    t.equal(config.endpoint, 'unix:///run/spire/sockets/agent.sock');
    const [kubelet, app] = config.outputs as X509Output[];
    t.match(kubelet, {
      type: 'x509',
      name: 'kubelet',
      key: 'outputs[0]',
      selector: { hint: 'kubelet' },
      files: {
        base: '/etc/kubernetes/ssl/kubelet',
        layout: 'versioned',
        keyFormat: 'pkcs8',
        certAccess: { mode: 0o644, uid: 837, gid: 0 },
        keyAccess: { mode: 0o600, uid: 837, gid: 0 },
      },
      hooks: { plan: { reloadUnits: ['kubelet.service'], exec: [] }, debounceMs: 2000 },
      onWithdraw: 'keep',
      kubeconfig: {
        path: '/etc/kubernetes/kubeconfig-kubelet',
        server: 'https://api.cluster.example:6443',
        userName: 'kubelet',
        embed: false,
        access: { mode: 0o640, uid: 0, gid: 837 },
      },
    });
    t.match(app, {
      name: 'app',
      selector: { spiffeId: 'spiffe://cluster.example/app' },
      expect: { spiffeId: 'spiffe://cluster.example/app', dns: ['app.cluster.example'], ips: [] },
      files: { certAccess: { mode: 0o640, uid: 0 }, keyAccess: { mode: 0o600, uid: 0 } },
      hooks: {
        plan: { exec: [{ command: '/usr/local/bin/app-reload --graceful', shell: false }] },
        debounceMs: 5000,
      },
      onWithdraw: 'remove',
    });
    t.notOk(app !== undefined && 'hint' in app.selector, 'a spiffe_id without hint selects by ID only');
  },
);

t.test('bundles and jwt outputs, health and metrics settings', async (t) => {
  const config = await parseConfig(
    JSON.stringify({
      health: { listen: '127.0.0.1:8087' },
      metrics: { textfile: '/var/lib/node_exporter/textfile/spire_helper.prom' },
      outputs: [
        { name: 'trust', type: 'bundles', dir: '/etc/spire/bundles', trust_domains: ['partner.example'] },
        { name: 'vault', type: 'jwt', path: '/run/app/vault.jwt', audience: 'vault', refresh_before: '1m' },
      ],
    }),
    '/etc/spire-helper/run.json',
  );
  t.same(config.health, { kind: 'tcp', host: '127.0.0.1', port: 8087 });
  t.equal(config.metricsFile, '/var/lib/node_exporter/textfile/spire_helper.prom');
  t.match(config.outputs[0], {
    type: 'bundles',
    dir: '/etc/spire/bundles',
    trustDomains: ['partner.example'],
    access: { mode: 0o644 },
  });
  t.match(config.outputs[1], {
    type: 'jwt',
    audience: ['vault'],
    refreshBeforeMs: 60_000,
    access: { mode: 0o600 },
  });
  const unix = await parseConfig(
    'health: { listen: "unix:///run/spire-helper/health.sock" }\noutputs: [{ preset: kubelet }]',
    FILE,
  );
  t.same(unix.health, { kind: 'unix', path: '/run/spire-helper/health.sock' });
});

const RULES: [string, string, RegExp][] = [
  [
    'unknown keys are errors (a typo must not drop a setting)',
    'outputs:\n  - preset: kubelet\n    key_mod: "0600"',
    /outputs\[0\]\.key_mod: unknown key; expected one of name, type, owner/,
  ],
  [
    'an unknown top-level key is named',
    'output: []',
    /: output: unknown key; expected one of endpoint, on_withdraw/,
  ],
  [
    'outputs must be a non-empty list',
    'endpoint: /run/x.sock',
    /: outputs: is required: a list with at least one output$/,
  ],
  [
    'a mode must be a quoted octal string (YAML reads 0644 as a number)',
    'outputs:\n  - preset: kubelet\n    mode: 0644',
    /outputs\[0\]\.mode: 644 is a number; write the mode as a quoted octal string such as "0644"$/,
  ],
  [
    'a key mode never grants "other" access',
    'outputs:\n  - preset: kubelet\n    key_mode: "0644"',
    /outputs\[0\]\.key_mode: 0644 gives "other" users access to a private key; use 0600/,
  ],
  [
    'a mode that is not octal is refused',
    'outputs:\n  - preset: kubelet\n    mode: "rw"',
    /outputs\[0\]\.mode: "rw" is not valid; expected an octal mode such as 0644 or 0600$/,
  ],
  [
    'an unknown preset lists the known ones',
    'outputs:\n  - preset: kubelett',
    /outputs\[0\]\.preset: "kubelett" is not a preset; known: etcd-k8s, /,
  ],
  [
    'an x509 output needs a base (or a preset)',
    'outputs:\n  - name: x',
    /outputs\[0\]\.base: is required \(or give a preset\)$/,
  ],
  [
    'paths are absolute',
    'outputs:\n  - base: etc/tls/app',
    /outputs\[0\]\.base: "etc\/tls\/app" is not an absolute path$/,
  ],
  [
    'a SPIFFE ID is checked',
    'outputs:\n  - base: /x/app\n    spiffe_id: "spiffe://Cluster/app"',
    /outputs\[0\]\.spiffe_id: "spiffe:\/\/Cluster\/app" is not a SPIFFE ID: /,
  ],
  [
    'durations need a unit',
    'debounce: "5"\noutputs: [{ preset: kubelet }]',
    /: debounce: "5" is not valid; expected a duration such as 90s/,
  ],
  [
    'on_withdraw is keep or remove',
    'on_withdraw: delete\noutputs: [{ preset: kubelet }]',
    /: on_withdraw: "delete" is not one of keep, remove$/,
  ],
  [
    'exec quoting is checked before start',
    "outputs:\n  - preset: kubelet\n    exec: ['reload \"x']",
    /outputs\[0\]\.exec\[0\]: "reload \\"x" has an unterminated " quote$/,
  ],
  [
    'two outputs may not share a name',
    'outputs:\n  - preset: kubelet\n  - preset: kubelet\n    base: /x/k',
    /outputs\[1\]\.name: "kubelet" is also the name of outputs\[0\]/,
  ],
  [
    'two outputs may not write the same files',
    'outputs:\n  - preset: kubelet\n  - name: k2\n    base: /etc/kubernetes/ssl/kubelet',
    /outputs\[1\]\.base: writes \/etc\/kubernetes\/ssl\/kubelet, which outputs\[0\]\.base writes too$/,
  ],
  [
    'health listens on loopback or a unix socket only',
    'health: { listen: "0.0.0.0:8081" }\noutputs: [{ preset: kubelet }]',
    /health\.listen: "0\.0\.0\.0:8081" is not a loopback address/,
  ],
  [
    'a metrics textfile ends in .prom (node_exporter reads only those)',
    'metrics: { textfile: /var/lib/m.txt }\noutputs: [{ preset: kubelet }]',
    /metrics\.textfile: "\/var\/lib\/m\.txt" must end in \.prom$/,
  ],
  [
    'a kubeconfig needs the API server URL',
    'outputs:\n  - preset: kubelet\n    kubeconfig: true',
    /outputs\[0\]\.kubeconfig\.server: is required/,
  ],
  [
    'a kubeconfig server is https',
    'outputs:\n  - preset: kubelet\n    kubeconfig: { server: "http://api:8080" }',
    /outputs\[0\]\.kubeconfig\.server: "http:\/\/api:8080" must be an https:\/\/ URL/,
  ],
  [
    'a jwt output needs an audience',
    'outputs:\n  - { name: t, type: jwt, path: /run/t.jwt }',
    /outputs\[0\]\.audience: is required/,
  ],
  [
    'a token file is a secret: no "other" bits',
    'outputs:\n  - { name: t, type: jwt, path: /run/t.jwt, audience: vault, mode: "0644" }',
    /outputs\[0\]\.mode: 0644 gives "other" users access/,
  ],
  [
    'the output type is one of three',
    'outputs:\n  - { type: crl, name: c }',
    /outputs\[0\]\.type: "crl" is not x509, bundles or jwt$/,
  ],
  [
    'a trust domain filter holds trust domain names',
    'outputs:\n  - { type: bundles, name: b, dir: /b, trust_domains: ["Bad TD"] }',
    /outputs\[0\]\.trust_domains\[0\]: "Bad TD" is not a trust domain name/,
  ],
  [
    'an owner that names no user is an error',
    'outputs:\n  - preset: kubelet\n    owner: no-such-user-here',
    /outputs\[0\]\.owner: "no-such-user-here" names no user/,
  ],
];

for (const [rule, text, message] of RULES) {
  t.test(rule, async (t) => {
    const err = await configError(text);
    t.equal(err.code, 'CONFIG_INVALID');
    t.match(err.message, new RegExp(`^config: ${FILE.replace(/[/.]/g, '\\$&')}: `));
    t.match(err.message, message);
    t.notMatch(err.message, /\n/, 'one line');
  });
}

t.test('YAML syntax errors name the line and column', async (t) => {
  const err = await configError('outputs:\n  - preset: kubelet\n   bad: [');
  t.match(err.message, /^config: \/etc\/spire-helper\/run\.yaml: not valid YAML at line \d+, column \d+: /);
  t.equal(err.details['file'], FILE);
});

t.test('a file that cannot be read is a configuration error naming it', async (t) => {
  const dir = await tempDir(t);
  const missing = join(dir, 'nope.yaml');
  await t.rejects(loadConfig(missing), {
    code: 'CONFIG_INVALID',
    message: new RegExp(`^config: cannot read ${missing}: ENOENT`),
  });
  const json = join(dir, 'run.json');
  await writeFile(json, '{"outputs": [');
  await t.rejects(loadConfig(json), { code: 'CONFIG_INVALID', message: /run\.json: not valid JSON: / });
});

t.test(
  'extra_ca_files: top level for every x509 output; an output list replaces it, [] opts out',
  async (t) => {
    const dir = await tempDir(t);
    const { tinyCa } = await import('../fixtures/certs.js');
    const files = await Promise.all(
      ['k8s', 'etcd'].map(async (name) => {
        const ca = await tinyCa(`${name}.vault.example`);
        const path = join(dir, `${name}.pem`);
        await writeFile(path, ca.bundle().toPem());
        return { path, subject: ca.root.subject };
      }),
    );
    const [k8s, etcd] = files as [(typeof files)[0], (typeof files)[0]];
    const config = await parseConfig(
      JSON.stringify({
        extra_ca_files: [k8s.path],
        outputs: [
          { preset: 'kubelet' },
          { preset: 'etcd-apiserver', extra_ca_files: [etcd.path, etcd.path] },
          { preset: 'kube-proxy', extra_ca_files: [] },
        ],
      }),
      '/etc/spire-helper/run.json',
    );
    const subjects = config.outputs.map((o) =>
      ((o as X509Output).files.extraCas ?? []).map((ca) => ca.subject),
    );
    t.same(subjects, [[k8s.subject], [etcd.subject], []]);

    const missing = await configError(
      `extra_ca_files: [${join(dir, 'nope.pem')}]\noutputs: [{ preset: kubelet }]`,
    );
    t.equal(missing.code, 'CONFIG_INVALID');
    t.match(missing.message, /run\.yaml: extra_ca_files\[0\]: ".*nope\.pem" cannot be read \(ENOENT\)/);
    await writeFile(join(dir, 'leaf.pem'), 'garbage');
    t.match(
      (
        await configError(
          `outputs:\n  - preset: kubelet\n    extra_ca_files: [/x.pem, ${join(dir, 'leaf.pem')}]`,
        )
      ).message,
      /outputs\[0\]\.extra_ca_files\[0\]: ".x\.pem" cannot be read/,
    );
    t.match(
      (await configError('outputs:\n  - preset: kubelet\n    extra_ca_files: [vault.pem]')).message,
      /outputs\[0\]\.extra_ca_files\[0\]: "vault\.pem" is not an absolute path$/,
    );
  },
);
