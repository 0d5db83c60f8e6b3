import { useTranslation } from 'react-i18next';
import type { KeyRow } from '../../../stores/keys-slice';

const STATUS_CLASS: Record<KeyRow['status'], string> = {
  ok: 'active',
  'rotation-to-confirm': 'warn',
  'missing-locally': 'danger',
  'not-in-use': 'inactive',
};

export function KeyStatusBadge({ row }: { row: KeyRow }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`badge ${STATUS_CLASS[row.status]}`} data-key-status={row.status}>{t(`keys.status.${row.status}`)}</span>
      {row.serverRequiresKey && row.status !== 'ok' && <span className="age-flag">{t('keys.serverRequiresKey')}</span>}
    </>
  );
}

/** Age in days, flagged when older than the configured maximum. */
export function KeyAge({ row, maxAgeDays }: { row: KeyRow; maxAgeDays: number }) {
  const { t } = useTranslation();
  if (row.ageDays === null) return <>—</>;
  const old = row.ageDays > maxAgeDays;
  return (
    <span data-key-age={row.ageDays} data-too-old={old}>
      {t('keys.ageDays', { count: row.ageDays })}
      {old && <span className="age-flag">⚠ {t('keys.tooOld', { max: maxAgeDays })}</span>}
    </span>
  );
}

export function clientLabel(row: Pick<KeyRow, 'clientName' | 'clientUid'>): string {
  return row.clientName ?? row.clientUid;
}
