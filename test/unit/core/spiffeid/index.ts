// Property tests over the public API: whatever the input, parsing either returns an ID that round-trips
// or throws CoreError SPIFFEID_INVALID; nothing else escapes.
import fc from 'fast-check';
import t from 'tap';
import { CoreError } from '../../../../src/core/errors/index.js';
import { SpiffeId, TrustDomain, isSpiffeId } from '../../../../src/core/spiffeid/index.js';

const trustDomainName = fc.stringMatching(/^[a-z0-9._-]{1,30}$/);
const segment = fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/).filter((s) => s !== '.' && s !== '..');
const validId = fc
  .tuple(trustDomainName, fc.array(segment, { maxLength: 6 }))
  .map(([td, segments]) => `spiffe://${td}${segments.map((s) => `/${s}`).join('')}`);

// Characters that matter to the grammar, so mutations often land on a rule boundary.
const interesting = fc.constantFrom(
  ...'/:.@%?#-_ aA\u00e9\u0000\uffff'.split(''),
  'spiffe://',
  '//',
  '/.',
  '/..',
);
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(interesting, fc.string({ maxLength: 3 })),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: interesting }),
  fc.record({ kind: fc.constant('case' as const), at: fc.nat() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(input: string, mutations: Mutation[]): string {
  let out = input;
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    switch (m.kind) {
      case 'insert':
        out = out.slice(0, at) + m.text + out.slice(at);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(at + m.count);
        break;
      case 'replace':
        out = out.slice(0, at) + m.text + out.slice(at + 1);
        break;
      case 'case':
        out = out.slice(0, at) + out.slice(at, at + 1).toUpperCase() + out.slice(at + 1);
        break;
    }
  }
  return out;
}

const anyInput = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom(...'spife:/.-_aZ09%?#@'.split('')), maxLength: 60 }),
  fc.tuple(validId, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([id, ms]) => mutate(id, ms)),
  validId,
);

function onlySpiffeIdErrors(run: () => void): boolean {
  try {
    run();
    return true;
  } catch (err) {
    return (
      err instanceof CoreError && err.code === 'SPIFFEID_INVALID' && err.message.startsWith('spiffeid: ')
    );
  }
}

t.test('10,000 generated inputs: parse round-trips or throws SPIFFEID_INVALID, nothing else', (t) => {
  let valid = 0;
  fc.assert(
    fc.property(anyInput, (input) => {
      const ok = onlySpiffeIdErrors(() => {
        const id = SpiffeId.parse(input);
        valid++;
        if (id.toString() !== input || !SpiffeId.parse(id.toString()).equals(id))
          throw new Error('no round trip');
        if (!isSpiffeId(input)) throw new Error('isSpiffeId disagrees');
      });
      return ok && onlySpiffeIdErrors(() => TrustDomain.parse(input));
    }),
    { numRuns: 10_000 },
  );
  // The generator must exercise both sides, or the property proves little.
  t.ok(valid > 1000, `valid inputs generated: ${valid}`);
  t.end();
});

t.test('every generated valid ID parses, and fromSegments builds the same ID', (t) => {
  fc.assert(
    fc.property(trustDomainName, fc.array(segment, { maxLength: 6 }), (td, segments) => {
      const built = SpiffeId.fromSegments(TrustDomain.parse(td), ...segments);
      return (
        SpiffeId.parse(built.toString()).equals(built) &&
        SpiffeId.fromPath(built.trustDomain, built.path).equals(built)
      );
    }),
    { numRuns: 2_000 },
  );
  t.end();
});
