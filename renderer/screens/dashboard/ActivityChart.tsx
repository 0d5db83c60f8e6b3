import { useTranslation } from 'react-i18next';
import type { ActivityDay } from '../../../shared/schemas/dashboard';
import { useStore } from '../../stores/store';
import { LineChart } from './charts';

const SERIES = [
  { key: 'ok', color: 'var(--ok)' },
  { key: 'failed', color: 'var(--danger)' },
  { key: 'other', color: 'var(--warn)' },
] as const;

/** Changes per day from the audit log, one line per outcome; opens the audit log. */
export function ActivityChart({ days }: { days: ActivityDay[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const sum = (key: 'ok' | 'failed' | 'other') => days.reduce((n, d) => n + d[key], 0);
  const totals = { ok: sum('ok'), failed: sum('failed'), other: sum('other') };
  const date = new Intl.DateTimeFormat(i18n.language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const first = days[0];
  const last = days[days.length - 1];
  return (
    <section className="card activity-card" aria-labelledby="activity-chart-title" data-figure="activity">
      <header className="figures-head">
        <h2 id="activity-chart-title">{t('dashboard.activityTitle', { days: days.length })}</h2>
        <span className="muted" data-testid="activity-total">{t('dashboard.activityTotal', { count: totals.ok + totals.failed + totals.other })}</span>
      </header>
      <LineChart
        series={SERIES.map((s) => ({ ...s, values: days.map((d) => d[s.key]) }))}
        description={`${t('dashboard.activityChart', { days: days.length, ...totals })} ${t('dashboard.openAudit')}`}
        onOpen={() => navigate({ screen: 'activity' })}
      >
        <span className="axis-dates">
          <span>{first ? date.format(new Date(`${first.day}T00:00:00Z`)) : ''}</span>
          <span>{last ? date.format(new Date(`${last.day}T00:00:00Z`)) : ''}</span>
        </span>
        <ul className="legend">
          {SERIES.map((s) => (
            <li key={s.key}>
              <span className="swatch" style={{ background: s.color }} /> {t(`dashboard.series.${s.key}`)} {new Intl.NumberFormat(i18n.language).format(totals[s.key])}
            </li>
          ))}
        </ul>
      </LineChart>
    </section>
  );
}
