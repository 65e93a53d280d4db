// `npm run sim`: runs the SPIRE test double until SIGINT/SIGTERM and prints where it listens. It is a
// test double, not SPIRE: see test/sim/README.md for what it reproduces.
//   npm run sim -- [--trust-domain example.org] [--servers 2] [--dir ./.sim] [--admin-id spiffe://...]
//                  [--intermediate-ca] [--svid-ttl 3600]
import { mkdirSync, mkdtempSync } from 'node:fs';
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
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'usage: npm run sim -- [--trust-domain TD] [--servers N] [--dir DIR] [--admin-id ID]... [--intermediate-ca] [--svid-ttl SECONDS]',
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
const dir = values.dir === undefined ? mkdtempSync(join(tmpdir(), 'spire-sim-')) : resolve(values.dir);
mkdirSync(dir, { recursive: true });

const sim = await startSim({
  trustDomain: values['trust-domain'],
  servers,
  dir,
  ...(values['admin-id'] === undefined ? {} : { adminIds: values['admin-id'] }),
  intermediateCa: values['intermediate-ca'],
  ...(svidTtl === undefined ? {} : { svidTtlSeconds: svidTtl }),
});

// One simulated agent and a Workload API socket whose workload is "this user" (unix:uid:<uid>).
const agent = await sim.controls.attestAgent({
  spiffeId: `spiffe://${sim.trustDomain}/spire/agent/sim/local`,
  attestationType: 'sim',
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
console.log(`workload API:     unix://${workload.socketPath}`);
console.log(`  agent ID:       ${agent.spiffeId}  (use as parent_id)`);
console.log(`  selectors:      unix:uid:${uid}`);
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
