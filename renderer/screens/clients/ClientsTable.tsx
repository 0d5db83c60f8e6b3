import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDescriptor } from '../../../shared/providers/descriptor';
import type { CachedClient } from '../../../shared/schemas/cache';
import { useStore } from '../../stores/store';
import { ClientRow } from './ClientRow';
import type { RowContext } from './ClientRow';
import { windowSortOf } from './clients-view';
import type { WindowSort } from './clients-view';
import { isSelected, rowKey } from './selection-model';
import type { PageState, RowKey, RowSelection } from './selection-model';
import { useRowWindow } from './use-row-window';
import './clients-list.css';

function SortHeader({ sortKey, label, align }: { sortKey: WindowSort; label: string; align: string | undefined }) {
  const query = useStore((s) => s.clientsQuery);
  const sortBy = useStore((s) => s.sortClientsBy);
  const active = query.sort === sortKey || (query.sort === null && sortKey === 'name' && !query.filters.text.trim());
  const direction = active ? (query.sort ? query.direction : 'asc') : null;
  return (
    <th scope="col" className={align} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
      <button type="button" className="sort-header" onClick={() => sortBy(sortKey)} data-sort={sortKey}>
        {label}
        <span aria-hidden="true" className="sort-arrow">{direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}</span>
      </button>
    </th>
  );
}

function PageBox({ state, onToggle }: { state: PageState; onToggle(): void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <th scope="col" className="select-cell">
      <input ref={ref} type="checkbox" data-page-box checked={state === 'all'} onChange={onToggle} aria-label={t('bulk.selectPage')} />
    </th>
  );
}

/** Stands for rows of a long page that are off screen (not rendered). */
function SpacerRow({ width, height }: { width: number; height: number }) {
  return (
    <tr className="row-spacer" aria-hidden="true">
      <td colSpan={width} style={{ height }} />
    </tr>
  );
}

export interface TableSelection {
  selection: RowSelection;
  pageState: PageState;
  toggleRow(key: RowKey, extend: boolean): void;
  togglePage(): void;
}

/** The cached clients, one column per descriptor column (plus connection and capability columns), with row boxes when a bulk change is possible. */
export function ClientsTable({ rows, columns, select }: { rows: CachedClient[]; columns: readonly ColumnDescriptor[]; select?: TableSelection | undefined }) {
  const { t, i18n } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const connections = useStore((s) => s.connections);
  const language = i18n.language;
  const toggle = select?.toggleRow ?? null;
  const ctx = useMemo<RowContext>(
    () => ({
      columns,
      t,
      language,
      dates: new Intl.DateTimeFormat(language),
      connectionLabels: new Map(connections.map((c) => [c.id, c.label])),
      open: (r) => navigate({ screen: 'client', connectionId: r.connectionId, remoteId: r.remoteId }),
      toggle,
    }),
    [columns, t, language, connections, navigate, toggle],
  );
  const body = useRef<HTMLTableSectionElement>(null);
  const shown = useRowWindow(rows.length, body);
  if (rows.length === 0) return <p className="empty-state" data-testid="clients-none">{t('clients.none')}</p>;
  const width = columns.length + (select ? 1 : 0);
  return (
    <table className="data clients-table" aria-rowcount={shown.windowed ? rows.length + 1 : undefined}>
      <thead>
        <tr aria-rowindex={shown.windowed ? 1 : undefined}>
          {select && <PageBox state={select.pageState} onToggle={select.togglePage} />}
          {columns.map((column) => {
            const sort = windowSortOf(column);
            const align = column.align === 'end' ? 'num' : undefined;
            return sort ? (
              <SortHeader key={column.key} sortKey={sort} label={t(column.labelKey)} align={align} />
            ) : (
              <th key={column.key} scope="col" className={align} data-column={column.key}>{t(column.labelKey)}</th>
            );
          })}
        </tr>
      </thead>
      <tbody ref={body}>
        {shown.before > 0 && <SpacerRow width={width} height={shown.before} />}
        {/* Keyed by position: the next page reuses the rows' elements instead of building new ones. */}
        {rows.slice(shown.start, shown.end).map((r, i) => (
          <ClientRow key={i} row={r} selected={select ? isSelected(select.selection, rowKey(r)) : false} ctx={ctx} rowIndex={shown.windowed ? shown.start + i + 2 : undefined} />
        ))}
        {shown.after > 0 && <SpacerRow width={width} height={shown.after} />}
      </tbody>
    </table>
  );
}
