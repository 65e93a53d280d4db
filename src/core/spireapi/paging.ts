// Paged List* calls. SPIRE returns `next_page_token` empty on the last page; page_size 0 would mean
// "everything at once" (SPIRE pkg/server/api/entry/v1/service.go ListEntries), so a size is always sent.
import { CoreError } from '../errors/index.js';
import { MODULE } from './status.js';

export const DEFAULT_PAGE_SIZE = 500;

export interface Page<T> {
  items: T[];
  nextPageToken: string;
}

/** Returns the page size to send, or throws when `pageSize` is not a positive int32. */
export function validPageSize(pageSize: number | undefined, what: string): number {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > 0x7fffffff) {
    throw new CoreError(
      'SPIRE_API_INVALID_ARGUMENT',
      MODULE,
      `${what}: pageSize must be a positive integer, got ${size}`,
    );
  }
  return size;
}

/**
 * Returns an iterator over the pages `fetch` returns, following next-page tokens until one is empty.
 * A token the server already returned ends the listing with an error instead of looping forever.
 */
export async function* pages<T>(
  fetch: (pageToken: string) => Promise<Page<T>>,
  what: string,
): AsyncGenerator<T[], void, undefined> {
  const seen = new Set<string>();
  let token = '';
  for (;;) {
    const page = await fetch(token);
    yield page.items;
    if (page.nextPageToken === '') return;
    if (seen.has(page.nextPageToken)) {
      throw new CoreError(
        'SPIRE_API_FAILED',
        MODULE,
        `${what}: the server returned the same page token twice`,
      );
    }
    seen.add(page.nextPageToken);
    token = page.nextPageToken;
  }
}

/** Returns every item of every page. */
export async function collect<T>(iterator: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of iterator) all.push(...page);
  return all;
}
