import { useTranslation } from 'react-i18next';
import { useSecretsInMemoryOnly } from '../../../components/KeychainBanner';
import { keyRowId } from '../../../stores/keys-slice';
import type { KeyRow } from '../../../stores/keys-slice';
import { KeyAge, KeyStatusBadge, clientLabel } from './KeyBadges';

export type RowAction = 'rotate' | 'reveal' | 'export' | 'recover' | 'import';

interface Props {
  rows: KeyRow[];
  connectionLabels: Record<string, string>;
  maxAgeDays: number;
  selection: string[];
  onToggle(id: string): void;
  onToggleAll(ids: string[]): void;
  onAction(action: RowAction, row: KeyRow): void;
}

function RowActions({ row, onAction }: { row: KeyRow; onAction: Props['onAction'] }) {
  const { t } = useTranslation();
  // Importing needs a keychain that keeps the key (rotation offers an encrypted backup first instead).
  const importRefused = useSecretsInMemoryOnly() ? t('keychain.refusedBecause') : undefined;
  const button = (action: RowAction, label: string, refused?: string) => (
    <button type="button" data-key-action={action} disabled={refused !== undefined} title={refused} onClick={() => onAction(action, row)}>{label}</button>
  );
  return (
    <div className="row-actions">
      {row.status === 'ok' && button('rotate', t('keys.action.rotate'))}
      {row.status === 'rotation-to-confirm' && button('recover', t('keys.action.recover'))}
      {row.fingerprint && button('reveal', t('keys.action.reveal'))}
      {row.fingerprint && button('export', t('keys.action.export'))}
      {row.status === 'missing-locally' && button('import', t('keys.action.import'), importRefused)}
    </div>
  );
}

/** One page of keys across connections: who, which fingerprint, how old, and what can be done. */
export function KeyInventoryTable({ rows, connectionLabels, maxAgeDays, selection, onToggle, onToggleAll, onAction }: Props) {
  const { t, i18n } = useTranslation();
  const selectable = rows.filter((r) => r.fingerprint).map(keyRowId);
  const allSelected = selectable.length > 0 && selectable.every((id) => selection.includes(id));
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(i18n.language) : t('keys.never'));
  return (
    <table className="data keys-table" data-testid="keys-inventory">
      <thead>
        <tr>
          <th className="select">
            <input
              type="checkbox"
              aria-label={t('keys.col.select')}
              checked={allSelected}
              // This page's rows only: selections on other pages stay.
              onChange={() => onToggleAll(allSelected ? selection.filter((id) => !selectable.includes(id)) : [...new Set([...selection, ...selectable])])}
            />
          </th>
          <th>{t('keys.col.client')}</th>
          <th>{t('keys.col.connection')}</th>
          <th>{t('keys.col.fingerprint')}</th>
          <th>{t('keys.col.age')}</th>
          <th>{t('keys.col.lastRotation')}</th>
          <th>{t('keys.col.status')}</th>
          <th>{t('keys.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const id = keyRowId(row);
          return (
            <tr key={id} data-key-row={row.clientUid}>
              <td className="select">
                {row.fingerprint && (
                  <input type="checkbox" aria-label={`${t('keys.col.select')} ${clientLabel(row)}`} checked={selection.includes(id)} onChange={() => onToggle(id)} />
                )}
              </td>
              <td>
                <span className="client-name">{clientLabel(row)}</span>
                {row.clientName && <span className="client-uid mono">{row.clientUid}</span>}
              </td>
              <td>{connectionLabels[row.connectionId] ?? row.connectionId}</td>
              <td>
                <span className="fingerprint" data-fingerprint={row.fingerprint ?? ''}>{row.fingerprint ?? '—'}</span>
                {row.pendingFingerprint && <span className="client-uid fingerprint">→ {row.pendingFingerprint}</span>}
              </td>
              <td><KeyAge row={row} maxAgeDays={maxAgeDays} /></td>
              <td>{date(row.lastRotationAt)}</td>
              <td><KeyStatusBadge row={row} /></td>
              <td><RowActions row={row} onAction={onAction} /></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
