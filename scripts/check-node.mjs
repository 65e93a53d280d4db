// The project pins Node 24 as the devDependency `node`; npm puts node_modules/.bin first on PATH for
// scripts, so this guards against a shell that bypasses npm (or a broken install) running the suite on
// the machine's end-of-life Node.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `check-node: tests need Node >= 24 (the pinned devDependency), got ${process.version} at ${process.execPath}`,
  );
  process.exit(1);
}
