import type { TFunction } from 'i18next';
import { memo } from 'react';
import type { ChangeEvent, KeyboardEvent, MouseEvent } from 'react';
import type { ColumnDescriptor } from '../../../shared/providers/descriptor';
import type { CachedClient } from '../../../shared/schemas/cache';
import { Highlighted } from '../../components/Highlighted';
import { factValue } from './ClientFacts';
import { valueAt } from './clients-view';
import { rowKey } from './selection-model';
import type { RowKey } from './selection-model';

/**
 * What every row of one page shares, built once per page by the table: the translator, formatters and lookups
 * are not asked for again in each of 500 rows, and a row re-renders only when its client or its box changes.
 */
export interface RowContext {
  columns: readonly ColumnDescriptor[];
  t: TFunction;
  language: string;
  dates: Intl.DateTimeFormat;
  connectionLabels: ReadonlyMap<string, string>;
  open(row: CachedClient): void;
  /** null: the rows have no box (no connection in scope can change a client's status). */
  toggle: ((key: RowKey, extend: boolean) => void) | null;
}

function Cell({ row, column, ctx }: { row: CachedClient; column: ColumnDescriptor; ctx: RowContext }) {
  const { t } = ctx;
  const align = column.align === 'end' ? 'num' : undefined;
  switch (column.key) {
    case 'name':
      return (
        <td className="client-name-cell">
          <button type="button" className="link" onClick={(e) => { e.stopPropagation(); ctx.open(row); }}>
            <Highlighted text={row.highlight?.name} fallback={row.name || t('clients.unnamed')} />
          </button>
          {row.pending && <span className="badge pending" data-pending-marker title={t('offline.pendingHint')}>{t('offline.pending')}</span>}
          {row.encryptionMode === 'double' && <span className="badge sandbox" data-double>{t('offline.double')}</span>}
          {row.highlight?.description && (
            <span className="client-snippet muted">
              <Highlighted text={row.highlight.description} fallback="" />
            </span>
          )}
        </td>
      );
    case 'identifier':
      return <td className={align ?? 'mono'}><Highlighted text={row.highlight?.identifier} fallback={row.identifier ?? '—'} /></td>;
    case 'status':
      return <td><span className={`badge ${row.status}`} data-status={row.status}>{t(`clients.status.${row.status}`)}</span></td>;
    case 'connection':
      return <td className="muted connection-cell" data-connection-cell>{ctx.connectionLabels.get(row.connectionId) ?? row.connectionId}</td>;
    case 'pdp':
      return (
        <td>
          <span className={row.pdpConfigured ? 'badge active' : 'badge inactive'} data-pdp={row.pdpConfigured ? 'yes' : 'no'}>
            {row.pdpConfigured ? t('clients.pdpYes') : t('clients.pdpNo')}
          </span>
        </td>
      );
    case 'createdAt':
    case 'updatedAt': {
      const iso = row[column.key];
      return <td className="muted">{iso ? ctx.dates.format(new Date(iso)) : '—'}</td>;
    }
    default:
      return <td className={align}>{factValue(valueAt(row, column.key), undefined, t, ctx.language)}</td>;
  }
}

/** Up / Down move between the rows' boxes, so a page can be ticked from the keyboard (Space, Shift+Space). */
function moveBetweenBoxes(e: KeyboardEvent<HTMLInputElement>) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const row = e.currentTarget.closest('tr');
  const next = e.key === 'ArrowDown' ? row?.nextElementSibling : row?.previousElementSibling;
  const box = next?.querySelector<HTMLInputElement>('input[data-row-box]');
  if (!box) return;
  e.preventDefault();
  box.focus();
}

/** Shift-click would also select the page's text. */
const keepTextSelection = (e: MouseEvent) => {
  if (e.shiftKey) e.preventDefault();
};

function SelectCell({ row, selected, toggle, label }: { row: CachedClient; selected: boolean; toggle: NonNullable<RowContext['toggle']>; label: string }) {
  const key = rowKey(row);
  const changed = (e: ChangeEvent<HTMLInputElement>) => toggle(key, (e.nativeEvent as globalThis.MouseEvent).shiftKey === true);
  return (
    <td className="select-cell" onClick={(e) => e.stopPropagation()} onMouseDown={keepTextSelection}>
      <input type="checkbox" data-row-box checked={selected} onChange={changed} onKeyDown={moveBetweenBoxes} aria-label={label} />
    </td>
  );
}

/** One client of the list; memoized, so ticking a box re-renders that row only. */
export const ClientRow = memo(function ClientRow({ row, selected, ctx, rowIndex }: { row: CachedClient; selected: boolean; ctx: RowContext; rowIndex?: number | undefined }) {
  return (
    <tr aria-rowindex={rowIndex} className={selected ? 'clickable selected' : 'clickable'} onClick={() => ctx.open(row)} data-client={row.name} data-pending={row.pending ? 'yes' : 'no'} data-selected={selected || undefined}>
      {ctx.toggle && <SelectCell row={row} selected={selected} toggle={ctx.toggle} label={ctx.t('bulk.selectRow', { name: row.name || ctx.t('clients.unnamed') })} />}
      {ctx.columns.map((column) => <Cell key={column.key} row={row} column={column} ctx={ctx} />)}
    </tr>
  );
});
