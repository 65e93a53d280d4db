import t from 'tap';
import { LinearBackoff, systemClock } from '../../../../src/core/workloadapi/index.js';

t.test('steps linearly by the initial delay and caps at the maximum (go-spiffe backoff.go)', (t) => {
  const backoff = new LinearBackoff();
  const delays = Array.from({ length: 32 }, () => backoff.next());
  t.same(delays.slice(0, 4), [1000, 2000, 3000, 4000]);
  t.equal(delays[29], 30_000);
  t.equal(delays[31], 30_000, 'never above 30 s');
  t.end();
});

t.test('reset starts again from the initial delay', (t) => {
  const backoff = new LinearBackoff({ initialMs: 10, maxMs: 25 });
  t.same([backoff.next(), backoff.next(), backoff.next(), backoff.next()], [10, 20, 25, 25]);
  backoff.reset();
  t.equal(backoff.next(), 10);
  t.end();
});

t.test('rejects a maximum below the initial delay and non-finite values', (t) => {
  t.throws(() => new LinearBackoff({ initialMs: 10, maxMs: 5 }), {
    code: 'CONFIG_INVALID',
    message: /maxMs 5/,
  });
  t.throws(() => new LinearBackoff({ initialMs: Number.NaN }), {
    code: 'CONFIG_INVALID',
    message: /initialMs NaN/,
  });
  t.throws(() => new LinearBackoff({ initialMs: -1 }), { code: 'CONFIG_INVALID' });
  t.end();
});

t.test('the system clock sleep ends early when its signal aborts', async (t) => {
  const controller = new AbortController();
  const sleeping = systemClock.sleep(3_600_000, controller.signal);
  controller.abort();
  await t.resolves(sleeping);
});
