import { useTranslation } from 'react-i18next';
import type { OutboxItem } from '../../../shared/schemas/cache';
import { call } from '../../app/bridge';
import { useAction } from '../../app/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../stores/store';
import { conflictRows } from './conflict-rows';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function show(v: unknown, language: string): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return ISO_TIME.test(v) ? new Date(v).toLocaleString(language) : v;
  return JSON.stringify(v);
}

/** A conflict side by side, with the two ways out: overwrite with mine, or keep the server's. */
export function ConflictView({ item }: { item: OutboxItem }) {
  const { t, i18n } = useTranslation();
  const { busy, error, run } = useAction();

  const resolve = (choice: 'mine' | 'theirs') =>
    run(async () => {
      const result = await call('outbox.resolve', { id: item.id, choice });
      const key = result.outcome === 'applied' ? 'activity.resolvedMine' : result.outcome === 'dropped' ? 'activity.resolvedTheirs' : 'activity.resolvedOther';
      useStore.getState().toast(result.outcome === 'failed' ? 'error' : 'success', t(key, { outcome: result.outcome }));
      await useStore.getState().loadOutbox();
    });

  return (
    <div className="conflict" data-testid="conflict-view">
      <p className="conflict-intro">{t('activity.conflictIntro')}</p>
      <table className="data conflict-table">
        <thead>
          <tr>
            <th scope="col">{t('activity.field')}</th>
            <th scope="col">{t('activity.base')}</th>
            <th scope="col">{t('activity.mine')}</th>
            <th scope="col">{t('activity.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {conflictRows(item).map((row) => (
            <tr key={row.field} data-conflict-field={row.field}>
              <th scope="row">{t(`activity.fields.${row.field}`, { defaultValue: row.field })}</th>
              <td data-side="base">{show(row.base, i18n.language)}</td>
              <td data-side="mine" className={row.mine !== undefined && row.mine !== row.base ? 'changed' : ''}>{show(row.mine, i18n.language)}</td>
              <td data-side="theirs" className={row.theirs !== row.base ? 'changed' : ''}>{show(row.theirs, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNotice error={error} />
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void resolve('mine')}>
          {t('activity.keepMine')}
        </button>
        <button type="button" disabled={busy} onClick={() => void resolve('theirs')}>
          {t('activity.keepTheirs')}
        </button>
      </div>
    </div>
  );
}
