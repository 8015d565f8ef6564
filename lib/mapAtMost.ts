/**
 * `task` over every item with at most `limit` under way at once, results in the items' order:
 * quick, without flooding a store or a service with thousands of requests at the same moment.
 */
export async function mapAtMost<A, B>(items: readonly A[], limit: number, task: (item: A) => Promise<B>): Promise<B[]> {
  const results = new Array<B>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as A);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
