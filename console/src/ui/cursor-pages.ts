import { useInfiniteQuery } from '@tanstack/react-query';

/** One page of a list the API pages with `cursor` / `nextCursor`. */
export interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

/**
 * A cursor-paged list: the query (its `fetchNextPage` and `hasNextPage` drive "More") and the rows of the pages
 * fetched so far, in order. `fetchPage` gets the cursor, undefined for the first page; `refetchInterval`, when
 * given, sees those rows (e.g. to keep polling while one is still running).
 */
export function useCursorPages<T>(
  queryKey: readonly unknown[],
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
  refetchInterval?: (rows: T[]) => number | false,
) {
  const rowsOf = (pages: CursorPage<T>[] | undefined) => pages?.flatMap((p) => p.items) ?? [];
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam || undefined),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: refetchInterval && ((q) => refetchInterval(rowsOf(q.state.data?.pages))),
  });
  return { query, rows: rowsOf(query.data?.pages) };
}
