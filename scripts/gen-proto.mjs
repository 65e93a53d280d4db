// Regenerates the TypeScript types for our .proto files with @grpc/proto-loader's generator, using the
// same loader options the runtime uses (src/core/proto/index.ts, src/goplugin/proto/load.ts,
// provider/proto/load.ts, composer/proto/load.ts). Output is checked in under each tree's generated/;
// `npm run gen:proto && git diff --exit-code` shows drift.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Each tree of .proto files and where its generated types go. */
const trees = [
  { protoDir: join(root, 'src/core/proto'), outDir: join(root, 'src/core/generated') },
  { protoDir: join(root, 'src/goplugin/proto'), outDir: join(root, 'src/goplugin/generated') },
  { protoDir: join(root, 'provider/proto'), outDir: join(root, 'provider/generated') },
  { protoDir: join(root, 'composer/proto'), outDir: join(root, 'composer/generated') },
];

function protos(protoDir, dir = protoDir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return protos(protoDir, p);
    return p.endsWith('.proto') ? [relative(protoDir, p)] : [];
  });
}

// The generator writes the absolute path of each source .proto into a header comment; make it relative so
// the output does not depend on where the repository is checked out.
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

for (const { protoDir, outDir } of trees) {
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(
    join(root, 'node_modules/.bin/proto-loader-gen-types'),
    [
      '--keepCase',
      '--longs=Number',
      '--enums=String',
      '--defaults',
      '--oneofs',
      '--grpcLib=@grpc/grpc-js',
      '--outDir',
      outDir,
      '--includeDirs',
      protoDir,
      '--importFileExtension=.js',
      '--inputTemplate=%s__Input',
      '--outputTemplate=%s',
      ...protos(protoDir),
    ],
    { stdio: 'inherit', cwd: protoDir },
  );
  for (const file of files(outDir)) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replaceAll(root, ''));
  }
}
