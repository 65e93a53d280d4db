import t from 'tap';
import { collect, pages, validPageSize } from '../../../../src/core/spireapi/paging.js';

t.test('page size defaults to 500 and must be a positive int32 (0 would mean “everything” to SPIRE)', (t) => {
  t.equal(validPageSize(undefined, 'ListEntries'), 500);
  t.equal(validPageSize(1, 'ListEntries'), 1);
  for (const bad of [0, -1, 2.5, 2 ** 31]) {
    t.throws(
      () => validPageSize(bad, 'ListEntries'),
      { code: 'SPIRE_API_INVALID_ARGUMENT', message: /ListEntries: pageSize/ },
      String(bad),
    );
  }
  t.end();
});

t.test('pages stop at the first empty next-page token', async (t) => {
  const tokens: string[] = [];
  const all = await collect(
    pages(async (token) => {
      tokens.push(token);
      await Promise.resolve();
      return token === '' ? { items: [1, 2], nextPageToken: 'x' } : { items: [3], nextPageToken: '' };
    }, 'List'),
  );
  t.same(all, [1, 2, 3]);
  t.same(tokens, ['', 'x']);
});
