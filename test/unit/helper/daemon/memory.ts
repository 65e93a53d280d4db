import t from 'tap';
import { pushCollector } from '../../../../helper/daemon/memory.js';

t.test('pushes back to back are collected after every Nth one, at once', (t) => {
  let collections = 0;
  // A long idle time: only the count can start a collection during this test.
  const afterPush = pushCollector({ collect: () => collections++, idleMs: 3_600_000, every: 3 });
  const seen: number[] = [];
  for (let push = 1; push <= 7; push++) {
    afterPush();
    seen.push(collections);
  }
  t.same(seen, [0, 0, 1, 1, 1, 2, 2]);
  t.end();
});

t.test('a push followed by quiet is collected once the daemon is idle', async (t) => {
  let collections = 0;
  const collected = new Promise<void>((resolve) => {
    const afterPush = pushCollector({
      collect: () => {
        collections++;
        resolve();
      },
      idleMs: 5,
      every: 100,
    });
    afterPush();
    afterPush();
    t.equal(collections, 0, 'not while pushes come');
  });
  // The collector's timer does not keep a process alive (the daemon's stream does): this one does here.
  const alive = setInterval(() => undefined, 1000);
  await collected;
  clearInterval(alive);
  t.equal(collections, 1, 'one collection for the burst');
});
