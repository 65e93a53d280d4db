// `npm run demo`: the end-to-end walk-through against the SPIRE test double.
// Not yet built; this says so plainly instead of pretending.
console.log(
  'demo: not yet. The end-to-end demo (provider + helper against the SPIRE test double) lands with issue "End to end: npm run demo".',
);
console.log('demo: what exists today is the SPIFFE core library; run `npm test` to exercise it.');
