// `npm run sim`: runs the SPIRE test double until SIGINT/SIGTERM and prints where it listens. It is a
// test double, not SPIRE: see test/sim/README.md for what it reproduces.
//   npm run sim -- [--trust-domain example.org] [--servers 2] [--dir ./.sim] [--admin-id spiffe://...]
//                  [--intermediate-ca] [--svid-ttl 3600] [--composer-rules composer/rules/tarmak.json]
//                  [--agent-selector sim:role:master]...
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSim } from './index.js';

const { values } = parseArgs({
  options: {
    'trust-domain': { type: 'string', default: 'example.org' },
    servers: { type: 'string', default: '1' },
    dir: { type: 'string' },
    'admin-id': { type: 'string', multiple: true },
    'intermediate-ca': { type: 'boolean', default: false },
    'svid-ttl': { type: 'string' },
    'composer-rules': { type: 'string' },
    'agent-selector': { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    [
      'usage: npm run sim -- [--trust-domain TD] [--servers N] [--dir DIR] [--admin-id ID]... [--intermediate-ca]',
      '                      [--svid-ttl SECONDS] [--composer-rules FILE] [--agent-selector TYPE:VALUE]...',
      '  --composer-rules FILE   pass every workload and agent X509-SVID through these CredentialComposer rules',
      '                          (the JSON SPIRE gets as plugin_data_file, e.g. composer/rules/tarmak.json)',
      '  --agent-selector T:V    a node selector of the simulated agent (node-alias entries match on these)',
      '  --admin-id ID           an admin SPIFFE ID (server admin_ids); an X509-SVID for it is written to DIR',
    ].join('\n'),
  );
  process.exit(0);
}

const servers = Number(values.servers);
if (!Number.isInteger(servers) || servers < 1) {
  console.error(`--servers must be a positive integer, got ${values.servers}`);
  process.exit(2);
}
const svidTtl = values['svid-ttl'] === undefined ? undefined : Number(values['svid-ttl']);
if (svidTtl !== undefined && !(Number.isInteger(svidTtl) && svidTtl > 0)) {
  console.error(`--svid-ttl must be a positive number of seconds, got ${values['svid-ttl'] ?? ''}`);
  process.exit(2);
}
const agentSelectors = (values['agent-selector'] ?? []).map((text) => {
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) {
    console.error(`--agent-selector must be TYPE:VALUE, got ${text}`);
    process.exit(2);
  }
  return { type: text.slice(0, colon), value: text.slice(colon + 1) };
});
const dir = values.dir === undefined ? mkdtempSync(join(tmpdir(), 'spire-sim-')) : resolve(values.dir);
mkdirSync(dir, { recursive: true });

const sim = await startSim({
  trustDomain: values['trust-domain'],
  servers,
  dir,
  ...(values['admin-id'] === undefined ? {} : { adminIds: values['admin-id'] }),
  intermediateCa: values['intermediate-ca'],
  ...(svidTtl === undefined ? {} : { svidTtlSeconds: svidTtl }),
  ...(values['composer-rules'] === undefined ? {} : { composerRulesFile: values['composer-rules'] }),
});

// One simulated agent and a Workload API socket whose workload is "this user" (unix:uid:<uid>).
const agent = await sim.controls.attestAgent({
  spiffeId: `spiffe://${sim.trustDomain}/spire/agent/sim/local`,
  attestationType: 'sim',
  selectors: agentSelectors,
});
const uid = String(process.getuid?.() ?? 0);
const workload = await sim.workload({
  agentId: agent.spiffeId,
  selectors: [{ type: 'unix', value: `uid:${uid}` }],
});

console.log('SPIRE TEST DOUBLE (test/sim) — not a real SPIRE server; for tests and demos only.');
console.log(`trust domain:     ${sim.trustDomain}`);
console.log(`trust bundle:     ${sim.bundlePath}`);
for (const server of sim.servers) {
  console.log(`${server.name}:`);
  console.log(`  local API:      unix://${server.socketPath}`);
  console.log(
    `  mTLS API:       ${server.tcpAddress}  (server SVID spiffe://${sim.trustDomain}/spire/server)`,
  );
  console.log(`  health:         ${server.healthUrl}/live  ${server.healthUrl}/ready`);
}
console.log(
  `admin IDs:        ${(values['admin-id'] ?? []).join(', ') || '(none: TCP callers need an admin entry)'}`,
);
// An X509-SVID for each admin ID, for clients over TCP (e.g. the provider's admin_svid_cert_file).
for (const [i, adminId] of (values['admin-id'] ?? []).entries()) {
  const svid = await sim.mintAdminSvid(adminId);
  const base = join(dir, `admin-${String(i)}`);
  writeFileSync(`${base}.pem`, svid.certChainPem);
  writeFileSync(`${base}-key.pem`, svid.keyPem, { mode: 0o600 });
  console.log(
    `  admin SVID:     ${base}.pem, ${base}-key.pem  (${adminId}, expires ${svid.certificates[0]?.notAfter.toISOString() ?? '?'})`,
  );
}
console.log(`workload API:     unix://${workload.socketPath}`);
console.log(`  agent ID:       ${agent.spiffeId}  (use as parent_id)`);
console.log(`  selectors:      unix:uid:${uid}`);
if (agentSelectors.length > 0)
  console.log(`  agent selectors: ${agentSelectors.map((sel) => `${sel.type}:${sel.value}`).join(', ')}`);
console.log(
  `composer rules:   ${values['composer-rules'] ?? "(none: SVIDs keep SPIRE's default subject C=US, O=SPIRE)"}`,
);
console.log('press Ctrl-C to stop');

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the test double`);
  sim.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => {
  stop('SIGINT');
});
process.on('SIGTERM', () => {
  stop('SIGTERM');
});
