// The generated bindings and the CDKTF example type-check with their own tsconfig
// (terraform/examples/cdktf/tsconfig.json extends cdktf/tsconfig.json): the project's strict settings
// except exactOptionalPropertyTypes and noImplicitOverride, which the generator's output does not meet.
// `npm run typecheck` covers tsconfig.test.json only, which cannot include them.
import t from 'tap';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

t.setTimeout(120_000);

const root = fileURLToPath(new URL('../../../', import.meta.url));

t.test('the bindings and the example app type-check', async (t) => {
  const output = await new Promise<{ code: number; text: string }>((resolve) => {
    execFile(
      process.execPath,
      [
        join(root, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(root, 'terraform/examples/cdktf/tsconfig.json'),
        '--pretty',
        'false',
      ],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), text: `${stdout}${stderr}` });
      },
    );
  });
  t.equal(output.code, 0, output.code === 0 ? 'tsc reports no error' : output.text);
});
