import type { ClientWindowQuery } from '../../../../shared/schemas/cache';
import { nameAndRestMatches } from './fts-query';
import type { SearchQuery } from './fts-query';
import { prefixRanges } from './sort-key';
import { chooseMatchMode, onlyTextFilter, SPREAD } from './window-sql';
import type { KeyRange, MatchMode, TextFilter } from './window-sql';

/** One run of a searched list: its rows (read a fixed way, or one chosen per window) and how many. */
export interface Tier {
  text: Omit<TextFilter, 'mode'>;
  mode?: MatchMode;
  total: number;
}

export interface TierReads {
  /** How many rows a window of `q` with this text has (remembered until the cache changes). */
  count(q: ClientWindowQuery, text: TextFilter): number;
  /** How many live rows an FTS expression matches (remembered likewise). */
  matches(match: string): number;
  /** One window's ids; `total` is how many rows the whole (q, text) list has. */
  ids(q: ClientWindowQuery, text: TextFilter, total: () => number): number[];
  /** About how many rows the table has (to price walking its indexes). */
  rowEstimate(): number;
}

/**
 * A searched list sorted by name is cut into runs that are cheap to read one by one. The names that start
 * with what was typed are one range of the sort-key index (sort-key.ts): a trade typed at the start of a name ("bou" of
 * 4,000 "Boulangerie …") costs a 50-row index walk instead of sorting 4,000 matches. The other matches are
 * spread through the index, so walking it while testing membership of the match usually beats sorting them.
 */
export function createSearchTiers(reads: TierReads) {
  const total = (q: ClientWindowQuery, sorted: ClientWindowQuery, match: string) =>
    onlyTextFilter(q) ? reads.matches(match) : reads.count(sorted, { match, mode: 'lookup' });

  /** The rows of `match` whose name key is in `range`, or null when there are none. */
  function startTier(sorted: ClientWindowQuery, match: string, range: KeyRange): Tier | null {
    const names = { within: range };
    const inRange = reads.count(sorted, { match: null, mode: 'lookup', names });
    if (!inRange) return null;
    const matching = reads.count(sorted, { match, mode: 'scan', names });
    // Every name in the range matches, unless the FTS tokenizer and the name key fold a letter differently.
    return matching === inRange ? { text: { match: null, names }, total: matching } : { text: { match, names }, mode: 'scan', total: matching };
  }

  /** Relevance: names that start with what was typed, other names holding every term, the other matches. */
  function relevance(q: ClientWindowQuery, search: SearchQuery, sorted: ClientWindowQuery): Tier[] {
    const [nameMatch, restMatch] = nameAndRestMatches(search.match);
    const names = total(q, sorted, nameMatch);
    const all = total(q, sorted, search.match);
    const ranges = prefixRanges(q.query ?? '');
    const range: KeyRange | null = ranges ? (ranges.exact ? { ...ranges.exact, key: 'name' } : ranges.sort) : null;
    const start = range && names > 0 ? startTier(sorted, nameMatch, range) : null;
    const started = start?.total ?? 0;
    return [
      ...(start ? [start] : []),
      { text: { match: nameMatch, ...(range ? { names: { outside: range } } : {}) }, total: names - started },
      { text: { match: names ? restMatch : search.match }, total: all - names },
    ];
  }

  /** By name: the matches before the typed prefix, those that start with it, those after; reversed for desc. */
  function byName(q: ClientWindowQuery, search: SearchQuery, sorted: ClientWindowQuery): Tier[] {
    const all = total(q, sorted, search.match);
    // A partition of the sort key: with a digit last, its range holds more than the names starting with the text.
    const range = prefixRanges(q.query ?? '')?.sort;
    const start = range && all > 0 ? startTier(sorted, search.match, range) : null;
    if (!range || !start) return [{ text: { match: search.match }, total: all }];
    const below = reads.count(sorted, { match: search.match, mode: 'lookup', names: { below: range.from } });
    const tiers: Tier[] = [
      { text: { match: search.match, names: { below: range.from } }, total: below },
      start,
      { text: { match: search.match, names: { atOrAbove: range.to } }, total: all - below - start.total },
    ];
    return q.direction === 'desc' ? tiers.reverse() : tiers;
  }

  /** The window at `offset` of the tiers read one after the other, each in `sorted`'s order. */
  function idsAcross(tiers: readonly Tier[], sorted: ClientWindowQuery, offset: number, limit: number): number[] {
    const ids: number[] = [];
    let skip = offset;
    for (const tier of tiers) {
      const want = limit - ids.length;
      if (want > 0 && skip < tier.total) {
        const mode = tier.mode ?? chooseMatchMode(tier.total, reads.rowEstimate(), skip, want, SPREAD);
        ids.push(...reads.ids({ ...sorted, offset: skip, limit: want, cursor: undefined }, { ...tier.text, mode }, () => tier.total));
      }
      skip = Math.max(0, skip - tier.total);
    }
    return ids;
  }

  return { relevance, byName, idsAcross };
}
