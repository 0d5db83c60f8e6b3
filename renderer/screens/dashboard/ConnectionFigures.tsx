import { useTranslation } from 'react-i18next';
import type { ConnectionFigures as Figures, KeyAgeBand } from '../../../shared/schemas/dashboard';
import type { Connection } from '../../../shared/schemas/connections';
import type { CredentialRow } from '../../../shared/schemas/directory';
import { timeAgo } from '../../app/format-time';
import { errorSentence, storedError } from '../../components/error-wording';
import { ConnectionStateBadge } from '../../components/StatusBadge';
import { useStore } from '../../stores/store';
import { BandBars, StackedBar } from './charts';
import { openClients } from './use-figures';

const STATUS_COLORS = { active: 'var(--ok)', inactive: 'var(--muted)', suspended: 'var(--warn)', unknown: 'var(--border)' } as const;
const BAND_COLORS: Record<KeyAgeBand, string> = { fresh: 'var(--ok)', aging: 'var(--accent)', over: 'var(--warn)', farOver: 'var(--danger)', unknown: 'var(--muted)' };
const BANDS: KeyAgeBand[] = ['fresh', 'aging', 'over', 'farOver', 'unknown'];

function Partial({ children }: { children: string }) {
  const { t } = useTranslation();
  return (
    <p className="figure-partial" data-partial="true">
      <span className="badge partial">{t('dashboard.partial')}</span> {children}
    </p>
  );
}

function useFormat() {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return { n: (v: number) => number.format(v), pct: (done: number, total: number) => percent.format(total > 0 ? done / total : 0) };
}

/** One connection at a glance: every figure opens the list it counts. */
export function ConnectionFigures({ connection, figures, credentials }: { connection: Connection; figures: Figures; credentials: CredentialRow[] }) {
  const { t, i18n } = useTranslation();
  const { n, pct } = useFormat();
  const navigate = useStore((s) => s.navigate);
  const state = useStore((s) => s.statuses[connection.id]?.state ?? 'unknown');
  const { clients, pdp, keys, outbox, sync } = figures;
  const limit = useStore((s) => s.settings?.keyMaxAgeDays ?? 90);
  const half = Math.floor(limit / 2);
  const bandCaption: Record<KeyAgeBand, string> = {
    fresh: t('dashboard.band.fresh', { max: half }),
    aging: t('dashboard.band.aging', { min: half, max: limit - 1 }),
    over: t('dashboard.band.over', { min: limit, max: limit * 2 - 1 }),
    farOver: t('dashboard.band.farOver', { min: limit * 2 }),
    unknown: t('dashboard.band.unknown'),
  };
  const waiting = [
    { key: 'queued', value: outbox.queued },
    { key: 'conflicts', value: outbox.conflicts },
    { key: 'failed', value: outbox.failed },
  ] as const;

  return (
    <li className="card figures-card" data-dashboard-connection={connection.label}>
      <header className="figures-head">
        <span>
          <strong>{connection.label}</strong> {connection.demo && <span className="badge sandbox">{t('common.demoBadge')}</span>}
          <span className="muted mono"> {connection.baseUrl}</span>
        </span>
        <span className="actions">
          <ConnectionStateBadge state={state} />
          <button type="button" onClick={() => openClients(connection.id)}>{t('dashboard.openClientsOf', { label: connection.label })}</button>
        </span>
      </header>
      <div className="figures-grid">
        <section className="figure" aria-labelledby={`fig-clients-${connection.id}`} data-figure="clients">
          <h3 id={`fig-clients-${connection.id}`}>{t('dashboard.clientsTitle')}</h3>
          <button type="button" className="figure-number link" onClick={() => openClients(connection.id)} title={t('dashboard.showAll', { label: connection.label })}>
            {t('dashboard.clientsTotal', { count: clients.total })}
          </button>
          <StackedBar
            label={t('dashboard.clientsTitle')}
            segments={(['active', 'inactive', 'suspended', 'unknown'] as const).map((status) => ({
              key: status,
              value: clients.byStatus[status],
              color: STATUS_COLORS[status],
              label: t('dashboard.showStatus', { status: t(`dashboard.status.${status}`), count: clients.byStatus[status] }),
              onOpen: () => openClients(connection.id, { status }),
            }))}
          />
          <ul className="legend">
            {(['active', 'inactive', 'suspended', 'unknown'] as const)
              .filter((status) => clients.byStatus[status] > 0)
              .map((status) => (
                <li key={status}>
                  <button type="button" className="link" onClick={() => openClients(connection.id, { status })} data-status-link={status}>
                    <span className="swatch" style={{ background: STATUS_COLORS[status] }} /> {t(`dashboard.status.${status}`)} {n(clients.byStatus[status])}
                  </button>
                </li>
              ))}
          </ul>
          {clients.partial &&
            (clients.partial.total > 0 ? (
              <Partial>{t('dashboard.partialClients', { done: clients.partial.done, total: clients.partial.total, percent: pct(clients.partial.done, clients.partial.total) })}</Partial>
            ) : (
              <Partial>{t('dashboard.partialNeverSynced')}</Partial>
            ))}
        </section>

        {pdp && (
          <section className="figure" aria-labelledby={`fig-pdp-${connection.id}`} data-figure="pdp">
            <h3 id={`fig-pdp-${connection.id}`}>{t('dashboard.pdpTitle')}</h3>
            <button type="button" className="figure-number link" onClick={() => openClients(connection.id, { pdp: 'yes' })} title={t('dashboard.pdpShow')}>
              {t('dashboard.pdpConfigured', { count: pdp.configured, total: clients.total })}
            </button>
            <StackedBar
              label={t('dashboard.pdpTitle')}
              segments={[
                { key: 'double', value: pdp.double, color: 'var(--accent)', label: t('dashboard.doubleShow'), onOpen: () => openClients(connection.id, { double: 'yes' }) },
                { key: 'other', value: pdp.configured - pdp.double, color: 'var(--ok)', label: t('dashboard.pdpShow'), onOpen: () => openClients(connection.id, { pdp: 'yes' }) },
                { key: 'none', value: Math.max(0, clients.total - pdp.configured), color: 'var(--border)', label: t('dashboard.showAll', { label: connection.label }), onOpen: () => openClients(connection.id, { pdp: 'no' }) },
              ]}
            />
            <button type="button" className="link" onClick={() => openClients(connection.id, { double: 'yes' })} data-figure-link="double">
              {t('dashboard.doubleMode', { count: pdp.double })}
            </button>
            {pdp.partial && <Partial>{t('dashboard.partialModes', { done: pdp.partial.done, total: pdp.partial.total, percent: pct(pdp.partial.done, pdp.partial.total) })}</Partial>}
          </section>
        )}

        {keys && (
          <section className="figure figure-wide" aria-labelledby={`fig-keys-${connection.id}`} data-figure="keys">
            <h3 id={`fig-keys-${connection.id}`}>{t('dashboard.keysTitle')}</h3>
            <p className="muted">{keys.held > 0 ? t('dashboard.keysHeld', { count: keys.held }) : t('dashboard.keysNone')}</p>
            {keys.held > 0 && (
              <BandBars
                label={t('dashboard.keysTitle')}
                limitAfter={1}
                limitCaption={t('dashboard.limit', { days: limit })}
                bands={BANDS.filter((b) => b !== 'unknown' || keys.bands.unknown > 0).map((band) => ({
                  key: band,
                  value: keys.bands[band],
                  shown: n(keys.bands[band]),
                  color: BAND_COLORS[band],
                  caption: bandCaption[band],
                  label: t('dashboard.bandShow', { band: bandCaption[band], count: keys.bands[band] }),
                  onOpen: () => openClients(connection.id, { keyAge: band === 'over' || band === 'farOver' ? 'older' : 'hasKey' }),
                }))}
              />
            )}
            {keys.olderThanLimit > 0 && (
              <button type="button" className="link warn" onClick={() => openClients(connection.id, { keyAge: 'older' })} title={t('dashboard.olderShow', { days: limit })} data-figure-link="older">
                {t('dashboard.olderThanLimit', { count: keys.olderThanLimit, days: limit })}
              </button>
            )}{' '}
            {keys.missingLocally > 0 && (
              <button type="button" className="link error" onClick={() => navigate({ screen: 'keys' })} title={t('dashboard.missingShow')} data-figure-link="missing">
                {t('dashboard.missingLocally', { count: keys.missingLocally })}
              </button>
            )}
            {keys.missingLocally > 0 && pdp?.partial && <Partial>{t('dashboard.partialModes', { done: pdp.partial.done, total: pdp.partial.total, percent: pct(pdp.partial.done, pdp.partial.total) })}</Partial>}
          </section>
        )}

        <section className="figure" aria-labelledby={`fig-outbox-${connection.id}`} data-figure="outbox">
          <h3 id={`fig-outbox-${connection.id}`}>{t('dashboard.outboxTitle')}</h3>
          <ul className="figure-list">
            {waiting.map((w) => (
              <li key={w.key}>
                <button
                  type="button"
                  className={`link${w.value > 0 && w.key !== 'queued' ? ' warn' : ''}`}
                  onClick={() => navigate({ screen: 'activity' })}
                  title={t('dashboard.outboxShow', { what: t(`dashboard.outbox.${w.key}`), count: w.value })}
                  data-outbox-figure={w.key}
                >
                  <span className="figure-count">{n(w.value)}</span> {t(`dashboard.outbox.${w.key}`)}
                </button>
              </li>
            ))}
          </ul>
        </section>

        {credentials.length > 0 && (
          <section className="figure" aria-labelledby={`fig-credentials-${connection.id}`} data-figure="credentials">
            <h3 id={`fig-credentials-${connection.id}`}>{t('dashboard.credentialsTitle')}</h3>
            <ul className="figure-list">
              {credentials.map((c) => (
                <li key={c.serial}>
                  <button
                    type="button"
                    className={`link${c.state === 'expired' ? ' error' : c.state === 'expiring' ? ' warn' : ''}`}
                    onClick={() => navigate({ screen: 'connections' })}
                    title={c.subject}
                    data-credential-state={c.state}
                  >
                    {c.state === 'expired' ? t('dashboard.certExpired', { count: -c.daysUntilExpiry }) : t('dashboard.certValid', { count: c.daysUntilExpiry })}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section className="figure" aria-labelledby={`fig-sync-${connection.id}`} data-figure="sync">
          <h3 id={`fig-sync-${connection.id}`}>{t('dashboard.syncTitle')}</h3>
          <p data-testid="dashboard-synced">
            {sync.inProgress ? t('dashboard.syncingNow') : sync.lastCompletedAt ? t('dashboard.syncedAgo', { when: timeAgo(sync.lastCompletedAt, i18n.language) }) : t('dashboard.neverSynced')}
          </p>
          {sync.lastErrorCode && !sync.inProgress && <p className="warn">{t('dashboard.lastSyncFailed', { reason: errorSentence(storedError(sync.lastErrorCode), i18n.language, t) })}</p>}
        </section>
      </div>
    </li>
  );
}
