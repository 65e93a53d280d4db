// Prints the plain "N passed, N failed" line CI reads, from the TAP stream in the log of `npm test`.
// A test is a `t.test` directly inside a test file (TAP depth 1). A file that fails outside any of its
// tests (crash, timeout) counts as one failure; so does a stage that failed before tap ran (install,
// typecheck, lint), so a red run can never print "0 failed".
import { readFileSync } from 'node:fs';

const [logPath, rcText] = process.argv.slice(2);
const rc = Number(rcText);
const lines = readFileSync(logPath, 'utf8').split('\n');

let passed = 0;
let failed = 0;
let failedInFile = 0;
for (const line of lines) {
  if (/^ {4}ok \d+/.test(line)) passed++;
  else if (/^ {4}not ok \d+/.test(line)) {
    failed++;
    failedInFile++;
  } else if (/^ok \d+/.test(line)) failedInFile = 0;
  else if (/^not ok \d+/.test(line)) {
    if (failedInFile === 0) failed++;
    failedInFile = 0;
  }
}
if (rc !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
