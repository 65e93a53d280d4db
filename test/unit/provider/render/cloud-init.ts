// The cloud-config writer: a `#cloud-config` document that a YAML 1.1 parser (cloud-init uses PyYAML)
// reads back as the files, modes and commands given.
import t from 'tap';
import { parse as parseYaml } from 'yaml';
import { CLOUD_CONFIG_HEADER, renderCloudConfig } from '../../../../provider/render/cloud-init.js';

const files = [
  {
    path: '/etc/spire/agent/agent.conf',
    content: 'agent {\n  trust_domain = "example.org"\n}\n',
    permissions: '0644',
  },
  { path: '/etc/spire/agent/join-token', content: 'c0ffee-token-without-newline', permissions: '0600' },
  {
    path: '/etc/weird',
    content: 'yes\non\n0600\n- not a list\n# not a comment\n',
    permissions: '0640',
    owner: 'spire:spire',
  },
];

t.test('the document starts with #cloud-config and parses as YAML 1.1', (t) => {
  const text = renderCloudConfig({
    writeFiles: files,
    runcmd: [['systemctl', 'enable', '--now', 'spire-agent.service']],
  });
  t.equal(text.split('\n')[0], CLOUD_CONFIG_HEADER);
  const doc = parseYaml(text, { version: '1.1' }) as {
    write_files: { path: string; content: string; permissions: unknown; owner: string }[];
    runcmd: string[][];
  };
  t.strictSame(
    doc.write_files.map((f) => [f.path, f.content, f.permissions, f.owner]),
    [
      ['/etc/spire/agent/agent.conf', files[0]?.content, '0644', 'root:root'],
      ['/etc/spire/agent/join-token', files[1]?.content, '0600', 'root:root'],
      ['/etc/weird', files[2]?.content, '0640', 'spire:spire'],
    ],
    'every file comes back byte for byte, modes as strings, owner defaulting to root:root',
  );
  t.strictSame(doc.runcmd, [['systemctl', 'enable', '--now', 'spire-agent.service']]);
  t.end();
});

t.test('modes are quoted: YAML 1.1 would read a bare 0600 as the number 384', (t) => {
  const text = renderCloudConfig({
    writeFiles: [files[1] ?? files[0]!],
    runcmd: [['mkdir', '-p', '-m', '0700', '/d']],
  });
  t.match(text, /permissions: "0600"/);
  t.match(text, /- "0700"/);
  t.end();
});

t.test('YAML 1.1 booleans stay strings: "on", "yes", "off" are quoted', (t) => {
  const text = renderCloudConfig({ writeFiles: [], runcmd: [['echo', 'on', 'yes', 'off', 'y']] });
  const doc = parseYaml(text, { version: '1.1' }) as { runcmd: unknown[][] };
  t.strictSame(
    doc.runcmd,
    [['echo', 'on', 'yes', 'off', 'y']],
    'a YAML 1.1 reader (PyYAML) gets strings back',
  );
  t.end();
});
