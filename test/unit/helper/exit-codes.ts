import t from 'tap';
import { ExitCode, exitCodeFor } from '../../../helper/exit-codes.js';

t.test('every documented cause has its own exit code', (t) => {
  const values = Object.values(ExitCode);
  t.equal(new Set(values).size, values.length, 'no two causes share a code');
  t.same(ExitCode, {
    OK: 0,
    INTERNAL: 1,
    CONFIG: 2,
    AGENT_UNREACHABLE: 3,
    NO_IDENTITY: 4,
    VALIDATION: 5,
    WRITE: 6,
    TIMEOUT: 7,
    EXPIRING: 8,
    HOOK_FAILED: 9,
  });
  t.end();
});

t.test('error codes map to the exit code of their cause', (t) => {
  const rows: [Parameters<typeof exitCodeFor>[0], number][] = [
    ['CONFIG_INVALID', 2],
    ['WORKLOAD_API_UNAVAILABLE', 3],
    ['WORKLOAD_API_INVALID_ARGUMENT', 3],
    ['NO_IDENTITY', 4],
    ['SVID_NOT_FOUND', 4],
    ['CHAIN_UNTRUSTED', 5],
    ['KEY_MISMATCH', 5],
    ['ID_MISMATCH', 5],
    ['SAN_MISSING', 5],
    ['FILE_MISSING', 5],
    ['WRITE_FAILED', 6],
    ['TIMEOUT', 7],
    ['EXPIRING_SOON', 8],
    ['HOOK_FAILED', 9],
    ['INTERNAL', 1],
  ];
  for (const [code, exit] of rows) t.equal(exitCodeFor(code), exit, code);
  t.end();
});
