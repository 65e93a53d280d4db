// The checked-in CDKTF bindings (cdktf/providers/spire) are what `npm run cdktf:generate` makes from the
// provider's current schema: the same steps (real terraform reading the schema from the provider's
// sources, then @cdktf/provider-generator) into a temporary directory, compared file by file.
import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bindingsRoot, readProviderSchema, writeBindings } from '../../../scripts/cdktf-generate.js';
import { providerSource } from '../../harness/terraform.js';
import { skipWithoutTerraform, terraform } from '../provider/harness/spire-provider.js';

t.setTimeout(120_000);

/** Returns the files under `dir`, as paths relative to it, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

interface TreeDiff {
  /** In the fresh generation, not checked in. */
  readonly missing: string[];
  /** Checked in, no longer generated. */
  readonly stale: string[];
  /** In both, with different content. */
  readonly differing: string[];
}

/** Returns how the checked-in tree differs from the freshly generated one. */
function compareTrees(checkedIn: string, fresh: string): TreeDiff {
  const had = files(checkedIn);
  const now = files(fresh);
  return {
    missing: now.filter((f) => !had.includes(f)),
    stale: had.filter((f) => !now.includes(f)),
    differing: now.filter(
      (f) =>
        had.includes(f) && readFileSync(join(checkedIn, f), 'utf8') !== readFileSync(join(fresh, f), 'utf8'),
    ),
  };
}

t.test('CDKTF bindings from the provider schema', { skip: skipWithoutTerraform }, async (t) => {
  const dir = t.testdir();
  const schema = await readProviderSchema({
    terraform: terraform ?? 'terraform',
    workDir: join(dir, 'schema'),
  });

  t.test('checked-in bindings equal a fresh generation (npm run cdktf:generate)', async (t) => {
    const out = join(dir, 'bindings');
    await writeBindings(schema, out);
    t.ok(files(join(out, 'providers')).includes('spire/entry/index.ts'), 'the generator wrote spire_entry');
    const diff = compareTrees(join(bindingsRoot, 'providers'), join(out, 'providers'));
    t.strictSame(
      diff,
      { missing: [], stale: [], differing: [] },
      'no file differs from a fresh generation (to fix, run `npm run cdktf:generate`)',
    );
  });

  t.test('every resource and data source of the schema has a binding class', (t) => {
    const provider = schema.provider_schemas?.[providerSource] as
      { resource_schemas?: object; data_source_schemas?: object } | undefined;
    const types = [
      ...Object.keys(provider?.resource_schemas ?? {}),
      ...Object.keys(provider?.data_source_schemas ?? {}),
    ];
    t.ok(types.includes('spire_entry'), 'the schema has spire_entry');
    const bound = new Set(
      files(join(bindingsRoot, 'providers'))
        .filter((f) => f.endsWith('.ts'))
        .flatMap((f) => [
          ...readFileSync(join(bindingsRoot, 'providers', f), 'utf8').matchAll(
            /public static readonly tfResourceType = "([a-z0-9_]+)";/g,
          ),
        ])
        .map((m) => m[1]),
    );
    t.strictSame(
      types.filter((type) => !bound.has(type)),
      [],
      'types without a binding',
    );
    t.end();
  });
});
