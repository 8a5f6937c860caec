import type { Kysely, OrderByDirection, OrderByExpression, SelectQueryBuilder } from 'kysely';
import type { Page, PageResult } from '../shared/schemas/common.js';
import { toCount } from './values.js';

/**
 * One page of a filtered list, the way every list endpoint pages: the total of the
 * filtered rows, then the page in the asked order with ties broken by id (in the same
 * direction), so pages never overlap or skip a row.
 */
export async function pagedList<Schema, DB, TB extends keyof DB, O, Item>(
  db: Kysely<Schema>,
  query: SelectQueryBuilder<DB, TB, O>,
  order: { by: OrderByExpression<DB, TB, O>; id: OrderByExpression<DB, TB, O>; direction: OrderByDirection },
  page: Page,
  toItems: (rows: O[]) => Item[] | Promise<Item[]>,
): Promise<PageResult<Item>> {
  // Counting over the filtered query as a subquery works for joins and selections alike.
  const counted = await (db as unknown as Kysely<Record<string, never>>)
    .selectFrom(query.as('filtered'))
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(order.by, order.direction)
    .orderBy(order.id, order.direction)
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { items: await toItems(rows as O[]), total: toCount(counted.n), ...page };
}
