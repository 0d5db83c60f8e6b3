import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors';
import type { OutboxItem } from '../../../shared/schemas/cache';
import { call, errorShape } from '../../app/bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../stores/store';
import { conflictRows } from './conflict-rows';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** A conflict side by side, with the two ways out: overwrite with mine, or keep the server's. */
export function ConflictView({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  async function resolve(choice: 'mine' | 'theirs') {
    setBusy(true);
    setError(null);
    try {
      const result = await call('outbox.resolve', { id: item.id, choice });
      const key = result.outcome === 'applied' ? 'activity.resolvedMine' : result.outcome === 'dropped' ? 'activity.resolvedTheirs' : 'activity.resolvedOther';
      useStore.getState().toast(result.outcome === 'failed' ? 'error' : 'success', t(key, { outcome: result.outcome }));
      await useStore.getState().loadOutbox();
    } catch (err) {
      setError(errorShape(err));
    } finally {
      setBusy(false);
    }
  }

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
              <td data-side="base">{show(row.base)}</td>
              <td data-side="mine" className={show(row.mine) !== show(row.base) ? 'changed' : ''}>{show(row.mine)}</td>
              <td data-side="theirs" className={show(row.theirs) !== show(row.base) ? 'changed' : ''}>{show(row.theirs)}</td>
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
