import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KEY_FILTERS } from '../../../../shared/schemas/keys';
import type { KeyFilter } from '../../../../shared/schemas/keys';
import { KEYS_PAGE_SIZE } from '../../../stores/keys-slice';
import type { KeyListInfo, KeyQuery } from '../../../stores/keys-slice';

type Summary = KeyListInfo['summary'];
const SEARCH_DEBOUNCE_MS = 150;

function countOf(summary: Summary, filter: KeyFilter): number {
  switch (filter) {
    case 'all': return summary.keys;
    case 'attention': return summary.attention;
    case 'ok': return summary.ok;
    case 'old': return summary.old;
    case 'missing-locally': return summary.missingLocally;
    case 'rotation-to-confirm': return summary.rotationToConfirm;
    case 'not-in-use': return summary.notInUse;
  }
}

/** "146 of 4,980 keys need attention: 120 older than 90 days, 26 missing locally"; each part shows its rows. */
export function KeysSummary({ list, onFilter }: { list: KeyListInfo; onFilter(filter: KeyFilter): void }) {
  const { t } = useTranslation();
  const { summary, maxAgeDays } = list;
  if (summary.keys === 0) return null;
  if (summary.attention === 0) return <p className="keys-summary" data-testid="keys-summary">{t('keysList.allFine', { count: summary.keys })}</p>;
  const parts: Array<{ filter: KeyFilter; text: string }> = [];
  if (summary.old > 0) parts.push({ filter: 'old', text: t('keysList.part.old', { count: summary.old, days: maxAgeDays }) });
  if (summary.missingLocally > 0) parts.push({ filter: 'missing-locally', text: t('keysList.part.missingLocally', { count: summary.missingLocally }) });
  if (summary.rotationToConfirm > 0) parts.push({ filter: 'rotation-to-confirm', text: t('keysList.part.rotationToConfirm', { count: summary.rotationToConfirm }) });
  return (
    <p className="keys-summary attention" data-testid="keys-summary">
      <button type="button" className="link" onClick={() => onFilter('attention')}>
        {t('keysList.summary', { attention: summary.attention, count: summary.keys })}
      </button>
      {t('keysList.partsAfter')}
      {parts.map((part, i) => (
        <span key={part.filter}>
          {i > 0 && ', '}
          <button type="button" className="link" data-summary-part={part.filter} title={t('keysList.showPart')} onClick={() => onFilter(part.filter)}>{part.text}</button>
        </span>
      ))}
    </p>
  );
}

/** Status filter (with the count of each) and a search by client name or id, debounced a little. */
export function KeysFilterBar({ list, query, onChange }: { list: KeyListInfo | null; query: KeyQuery; onChange(patch: Partial<KeyQuery>): void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(query.search);
  const [applied, setApplied] = useState(query.search);
  // The search was changed elsewhere ("Show every key"): the field follows.
  if (applied !== query.search) {
    setApplied(query.search);
    setSearch(query.search);
  }
  useEffect(() => {
    if (search === query.search) return;
    const timer = setTimeout(() => onChange({ search }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, query.search, onChange]);
  return (
    <div className="keys-filters" role="search">
      <label htmlFor="keys-filter">{t('keysList.filterLabel')}</label>
      <select id="keys-filter" value={query.filter} onChange={(e) => onChange({ filter: e.target.value as KeyFilter })}>
        {KEY_FILTERS.map((filter) => (
          <option key={filter} value={filter}>
            {t(`keysList.filter.${filter}`, { count: list ? countOf(list.summary, filter) : 0, days: list?.maxAgeDays ?? 90 })}
          </option>
        ))}
      </select>
      <label htmlFor="keys-search" className="sr-only">{t('keysList.searchLabel')}</label>
      <input id="keys-search" type="search" value={search} placeholder={t('keysList.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
    </div>
  );
}

/** "51–100 of 188" with Previous and Next. */
export function KeysPager({ list, onOffset }: { list: KeyListInfo; onOffset(offset: number): void }) {
  const { t } = useTranslation();
  if (list.total <= KEYS_PAGE_SIZE) return null;
  const from = list.offset + 1;
  const to = Math.min(list.offset + KEYS_PAGE_SIZE, list.total);
  return (
    <nav className="keys-pager" aria-label={t('keysList.pages')} data-testid="keys-pager">
      <button type="button" disabled={list.offset === 0} onClick={() => onOffset(Math.max(0, list.offset - KEYS_PAGE_SIZE))}>{t('keysList.previous')}</button>
      <span data-range={`${from}-${to}`}>{t('keysList.range', { from, to, total: list.total })}</span>
      <button type="button" disabled={to >= list.total} onClick={() => onOffset(list.offset + KEYS_PAGE_SIZE)}>{t('keysList.next')}</button>
    </nav>
  );
}
