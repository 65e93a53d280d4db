// Shared by the spire_entry and provider-configuration integration tests: SPIRE (the test double unless
// SPIRE_SERVER_BIN/SPIRE_AGENT_BIN select real SPIRE, see test/sim/spire.ts), a Terraform workspace
// running the provider (an esbuild bundle of the current sources, cached: see bundledProviderDir), and
// small helpers to build configurations.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Test } from 'tap';
import { dialSpireServer } from '../../../../src/core/spireapi/index.js';
import type { SpireServerClient } from '../../../../src/core/spireapi/index.js';
import type { Sim } from '../../../sim/index.js';
import { startSpire } from '../../../sim/spire.js';
import type { SpireHandles } from '../../../sim/spire.js';
import { TerraformWorkspace, bundledProviderDir, findTerraform } from '../../../harness/terraform.js';
import type { StartSimOptions } from '../../../sim/index.js';

export const terraform = findTerraform();
export const skipWithoutTerraform =
  terraform === undefined ? 'terraform is not on PATH (set $TERRAFORM to run the provider tests)' : false;

export const TD = 'example.org';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Returns a directory holding a `terraform-provider-spire` launcher that always runs the TypeScript
 * sources (provider/bin prefers a dist/ build, which may be stale while tests run).
 */
export function sourceProviderDir(parent: string): string {
  const dir = join(parent, 'provider-bin');
  mkdirSync(dir, { recursive: true });
  const launcher = join(dir, 'terraform-provider-spire');
  writeFileSync(
    launcher,
    [
      '#!/bin/sh',
      `exec "${root}node_modules/.bin/node" --import "${root}node_modules/tsx/dist/loader.mjs" "${root}provider/main.ts" "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(launcher, 0o755);
  return dir;
}

export interface Backend {
  readonly spire: SpireHandles;
  /** The double's controls; undefined against real SPIRE (tests needing them skip). */
  readonly sim: Sim | undefined;
  /** A client on server 0's local socket, for setting up and checking outside Terraform. */
  readonly client: SpireServerClient;
  /** A parent ID for workload entries (the attested agent). */
  readonly parent: string;
}

/** Starts SPIRE (or the double) and prints which one runs. */
export async function startBackend(t: Test, options: Partial<StartSimOptions> = {}): Promise<Backend> {
  // Not t.testdir(): the Terraform workspace owns that one (and rewrites it).
  const dir = mkdtempSync(join(tmpdir(), 'spire-provider-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const spire = await startSpire({ trustDomain: TD, dir, ...options });
  t.comment(`running against ${spire.kind === 'sim' ? 'the SPIRE test double' : 'real SPIRE'}`);
  t.teardown(() => spire.close());
  const [server] = spire.servers;
  if (server === undefined) throw new Error('SPIRE started without servers');
  const client = dialSpireServer({ socketPath: server.socketPath });
  t.teardown(() => {
    client.close();
  });
  return { spire, sim: spire.sim, client, parent: spire.agentId };
}

export const header = `terraform {
  required_providers {
    spire = { source = "tarmak/spire" }
  }
}
`;

/**
 * Returns a workspace whose Terraform runs the provider bundled from the current sources (built once and
 * cached; SPIRE_PROVIDER_FROM_SOURCE=1 runs the TypeScript sources instead).
 */
export function workspace(t: Test): TerraformWorkspace {
  return new TerraformWorkspace(t, {
    terraform: terraform ?? 'terraform',
    providerDir: bundledProviderDir(),
  });
}

/** Returns a provider block on the local socket of server 0, with extra lines. */
export function localProvider(backend: Backend, extra = ''): string {
  const [server] = backend.spire.servers;
  return `provider "spire" {
  address = "unix://${server?.socketPath ?? ''}"
${extra}}
`;
}

/** Returns HCL for a list of strings. */
export function hclList(values: readonly string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** Returns the number of calls of `method` the double received since its counts were reset. */
export function rpcCount(backend: Backend, method: string): number {
  return backend.sim?.controls.rpcCounts()[method] ?? 0;
}
