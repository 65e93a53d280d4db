// JWT-SVID outputs: when a token is fetched again, which token is written, and the loop's backoff.
import t from 'tap';
import {
  JWT_BACKOFF_MAX_MS,
  pickJwtSvid,
  refreshDelayMs,
  runJwtLoop,
} from '../../../../helper/daemon/jwt.js';
import type { JwtOutput } from '../../../../helper/daemon/config.js';
import type { JwtSvid } from '../../../../src/core/svid/index.js';
import { SpiffeId } from '../../../../src/core/spiffeid/index.js';

const output: JwtOutput = {
  type: 'jwt',
  name: 'vault',
  key: 'outputs[0]',
  path: '/run/t.jwt',
  audience: ['vault'],
  access: { mode: 0o600 },
  dirAccess: { mode: 0o750 },
  onWithdraw: 'keep',
  hooks: { plan: { reloadUnits: [], exec: [], timeoutMs: 1000 }, debounceMs: 0 },
};

function token(hint: string, expiresAt: Date): JwtSvid {
  return {
    id: SpiffeId.parse('spiffe://cluster.example/app'),
    audience: ['vault'],
    expiresAt,
    claims: {},
    token: `token-${hint}`,
    hint,
  };
}

t.test('a token is fetched again at half its remaining life, or refresh_before ahead of expiry', (t) => {
  const now = new Date(0);
  t.equal(refreshDelayMs(new Date(300_000), now, undefined), 150_000);
  t.equal(refreshDelayMs(new Date(300_000), now, 60_000), 240_000);
  t.equal(refreshDelayMs(new Date(300_000), now, 600_000), 1000, 'never sooner than 1 s (no busy loop)');
  t.end();
});

t.test('the token with the output hint is written, else the first (default) one', (t) => {
  const svids = [token('a', new Date()), token('b', new Date())];
  t.equal(pickJwtSvid(svids, output)?.token, 'token-a');
  t.equal(pickJwtSvid(svids, { ...output, hint: 'b' })?.token, 'token-b');
  t.equal(pickJwtSvid(svids, { ...output, hint: 'c' }), undefined);
  t.end();
});

t.test('failures back off 1 s, 2 s, 4 s … capped at 60 s; a success resets the backoff', async (t) => {
  const sleeps: number[] = [];
  const abort = new AbortController();
  let calls = 0;
  const errors: string[] = [];
  await runJwtLoop(
    output,
    {
      fetch: () => {
        calls++;
        if (calls === 9) return Promise.resolve([token('', new Date(100_000))]);
        if (calls > 11) abort.abort();
        return Promise.reject(new Error(`down ${calls}`));
      },
      now: () => new Date(0),
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
    },
    {
      onToken: () => Promise.resolve('written'),
      onError: (err) => {
        errors.push(err.message);
        return Promise.resolve();
      },
    },
    abort.signal,
  );
  t.same(sleeps.slice(0, 9), [
    1000,
    2000,
    4000,
    8000,
    16000,
    32000,
    JWT_BACKOFF_MAX_MS,
    JWT_BACKOFF_MAX_MS,
    50_000,
  ]);
  t.same(sleeps.slice(9, 11), [1000, 2000], 'reset after the success');
  t.equal(errors[0], 'down 1');
});
