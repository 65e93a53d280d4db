// The debouncer behind `run` hooks, on a manual clock: bursts coalesce into one run with the last job,
// a job never overlaps itself, a steady stream still runs by the deadline, flush runs what is waiting.
import t from 'tap';
import { Debouncer, type Timers } from '../../../../helper/daemon/debounce.js';

/** A clock that only moves when the test says so. */
function manualTimers(): Timers & { advance(ms: number): Promise<void> } {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  return {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = next++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, timer]) => timer.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (due === undefined) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        // Let the job's promise chain run.
        for (let i = 0; i < 10; i++) await Promise.resolve();
      }
      now = until;
    },
  };
}

/** Returns a job that appends `name` to `list`. */
function record(list: string[], name: string): () => Promise<void> {
  return () => {
    list.push(name);
    return Promise.resolve();
  };
}

t.test('a burst of schedules within the quiet time runs once, with the last job', async (t) => {
  const timers = manualTimers();
  const debouncer = new Debouncer({ timers });
  const ran: string[] = [];
  for (const name of ['a', 'b', 'c']) {
    debouncer.schedule('hook', 100, record(ran, name));
    await timers.advance(50);
  }
  t.same(ran, [], 'nothing while schedules keep coming');
  await timers.advance(100);
  t.same(ran, ['c'], 'once, the last one');
  await timers.advance(1000);
  t.same(ran, ['c'], 'and never again without a new schedule');
});

t.test('different keys run independently', async (t) => {
  const timers = manualTimers();
  const debouncer = new Debouncer({ timers });
  const ran: string[] = [];
  debouncer.schedule('a', 10, record(ran, 'a'));
  debouncer.schedule('b', 10, record(ran, 'b'));
  await timers.advance(10);
  t.same(ran.sort(), ['a', 'b']);
});

t.test('a schedule during a run waits for it, then runs once more (no overlap)', async (t) => {
  const timers = manualTimers();
  const debouncer = new Debouncer({ timers });
  let running = 0;
  let overlapped = false;
  let finish!: () => void;
  const runs: number[] = [];
  const job = (n: number) => async () => {
    running++;
    if (running > 1) overlapped = true;
    runs.push(n);
    if (n === 1) await new Promise<void>((resolve) => (finish = resolve));
    running--;
  };
  debouncer.schedule('hook', 10, job(1));
  await timers.advance(10);
  t.same(runs, [1]);
  debouncer.schedule('hook', 10, job(2));
  debouncer.schedule('hook', 10, job(3));
  await timers.advance(100);
  t.same(runs, [1], 'the second run waits for the first');
  finish();
  await new Promise((resolve) => setImmediate(resolve));
  await timers.advance(10);
  t.same(runs, [1, 3], 'then one more run, with the latest job');
  t.notOk(overlapped);
});

t.test(
  'a steady stream of schedules still runs by the deadline (5 x the quiet time by default)',
  async (t) => {
    const timers = manualTimers();
    const debouncer = new Debouncer({ timers });
    let runs = 0;
    for (let i = 0; i < 30; i++) {
      debouncer.schedule('hook', 100, () => {
        runs++;
        return Promise.resolve();
      });
      await timers.advance(60);
    }
    t.ok(runs >= 3, `ran ${runs} times during 1.8 s of schedules every 60 ms`);
  },
);

t.test('flush runs waiting jobs at once; close drops them and refuses new ones', async (t) => {
  const timers = manualTimers();
  const debouncer = new Debouncer({ timers });
  const ran: string[] = [];
  debouncer.schedule('a', 1000, record(ran, 'a'));
  await debouncer.flush();
  t.same(ran, ['a']);
  t.equal(debouncer.size, 0);
  debouncer.schedule('b', 1000, record(ran, 'b'));
  debouncer.close();
  debouncer.schedule('c', 1000, record(ran, 'c'));
  await timers.advance(5000);
  t.same(ran, ['a']);
});

t.test('a job that throws is reported and does not stop later runs', async (t) => {
  const timers = manualTimers();
  const errors: string[] = [];
  const debouncer = new Debouncer({
    timers,
    onError: (key, err) => errors.push(`${key}: ${(err as Error).message}`),
  });
  debouncer.schedule('hook', 10, () => Promise.reject(new Error('boom')));
  await timers.advance(10);
  let ok = false;
  debouncer.schedule('hook', 10, () => {
    ok = true;
    return Promise.resolve();
  });
  await timers.advance(10);
  t.same(errors, ['hook: boom']);
  t.ok(ok);
});
