import type { ReadDb } from '../handles';

/** The most values a facet filter offers (a select of partners, not a search). */
export const FACET_VALUES_LIMIT = 200;

/**
 * The distinct text values one extra takes among a connection's live cached clients, in name order.
 * `key` has passed the contract's letters-and-digits rule and is bound as a JSON path, never spliced into SQL.
 */
export function createFacetValues(db: ReadDb): (connectionId: string, key: string) => string[] {
  const distinct = db.read<{ v: string }, [string, string, number]>(
    `SELECT DISTINCT v FROM (SELECT json_extract(c.extra_json, ?) AS v FROM clients c WHERE c.connection_id = ? AND c.removed_at IS NULL)
      WHERE typeof(v) = 'text' AND v <> '' ORDER BY v COLLATE NOCASE, v LIMIT ?`,
  );
  return (connectionId, key) => distinct.all(`$.${key}`, connectionId, FACET_VALUES_LIMIT).map((r) => r.v);
}
