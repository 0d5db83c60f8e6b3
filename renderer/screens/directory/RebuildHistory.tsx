import { useTranslation } from 'react-i18next';
import type { RebuildRecord } from '../../../shared/schemas/directory';
import { describeFilters } from './rebuild-form-model';
import { formatDate } from './format';

const OUTCOME_BADGE = { ok: 'active', failed: 'danger', cancelled: 'inactive' } as const;

/** Every rebuild asked of this connection: when, with which filters, how it ended, and the id support can quote. */
export function RebuildHistory({ rows }: { rows: RebuildRecord[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="rebuild-history-title" data-testid="rebuild-history">
      <h2 id="rebuild-history-title">{t('providers.directory.history.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('providers.directory.history.empty')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>{t('providers.directory.history.when')}</th>
              <th>{t('providers.directory.history.filters')}</th>
              <th>{t('providers.directory.history.outcome')}</th>
              <th>{t('providers.directory.rebuild.interactionId')}</th>
              <th>{t('providers.directory.history.duration')}</th>
              <th>{t('providers.directory.history.attempts')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-rebuild={r.id} data-outcome={r.outcome}>
                <td>{formatDate(r.startedAt, i18n.language)}</td>
                <td>
                  {r.incremental && <span className="badge">{t('providers.directory.history.incremental')}</span>}{' '}
                  <span className="mono">{describeFilters(r.filters) || t('providers.directory.history.all')}</span>
                  {r.errors.length > 0 && <ul className="server-errors">{r.errors.map((e) => <li key={e}>{e}</li>)}</ul>}
                </td>
                <td><span className={`badge ${OUTCOME_BADGE[r.outcome]}`} title={r.errorMessage ?? undefined}>{t(`providers.directory.history.${r.outcome}`)}{r.outcome === 'failed' && r.errorCode ? ` · ${r.errorCode}` : ''}</span></td>
                <td className="mono">{r.interactionId ?? '—'}</td>
                <td>{(r.durationMs / 1000).toFixed(1)} s</td>
                <td>{r.attempts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
