// Prints the plain "N passed, N failed" line CI reads, from the TAP stream in the log of `npm test`.
// Each top-level test file counts once: ok → passed, not ok → failed. A stage that failed before tap ran
// (install, typecheck, lint) counts as one failure so a red run can never print "0 failed".
import { readFileSync } from 'node:fs';

const [logPath, rcText] = process.argv.slice(2);
const rc = Number(rcText);
const lines = readFileSync(logPath, 'utf8').split('\n');

let passed = 0;
let failed = 0;
let subtests = { pass: 0, fail: 0 };
for (const line of lines) {
  // Top-level test points are not indented: "ok 3 - test/unit/core/x.ts # time=..."
  if (/^ok \d+/.test(line)) passed++;
  else if (/^not ok \d+/.test(line)) failed++;
  // Nested assertions, for the record.
  else if (/^\s+ok \d+/.test(line)) subtests.pass++;
  else if (/^\s+not ok \d+/.test(line)) subtests.fail++;
}
if (rc !== 0 && failed === 0) failed = 1;
console.log(
  `(${subtests.pass + passed} assertions and subtests ok, ${subtests.fail + failed} not ok; test files below)`,
);
console.log(`${passed} passed, ${failed} failed`);
