import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../../../shared/schemas/settings';
import { call, onEvent } from '../../../app/bridge';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { errorSentence, storedError } from '../../../components/error-wording';
import { useSecretsInMemoryOnly } from '../../../components/KeychainBanner';
import { ModesPartialNote } from '../../../components/ModesPartialNote';
import { useStore } from '../../../stores/store';
import { keyRowId, parseKeyRowId } from '../../../stores/keys-slice';
import type { KeyQuery, KeyRow } from '../../../stores/keys-slice';
import { withBackupOffer } from './BackupFirstPrompt';
import { BulkRotateDialog } from './BulkRotateDialog';
import { ExportBackupDialog } from './ExportBackupDialog';
import { ImportBackupDialog } from './ImportBackupDialog';
import { ImportKeyDialog } from './ImportKeyDialog';
import { KeyInventoryTable } from './KeyInventoryTable';
import type { RowAction } from './KeyInventoryTable';
import { KeyJobsPanel } from './KeyJobsPanel';
import { KeysFilterBar, KeysPager, KeysSummary } from './KeyListControls';
import { KeyJournalTable } from './KeyJournalTable';
import { RevealKeyDialog } from './RevealKeyDialog';
import { clientLabel } from './KeyBadges';
import './keys.css';

type OpenDialog =
  | { kind: 'rotate' | 'reveal' | 'export-one'; row: KeyRow }
  | { kind: 'import-key'; row: KeyRow | null }
  | { kind: 'bulk' | 'export' | 'import-backup' };

/** Inventory of every double-mode key (summed up, filtered, searched, a page at a time), the actions on them, bulk jobs and the rotation journal. */
export function KeysScreen() {
  const { t, i18n } = useTranslation();
  const { keyRows, keyList, keyQuery, keyNames, keyJournal, keyJobs, keysLoaded, keysError, keySelection } = useStore();
  const allConnections = useStore((s) => s.connections);
  const maxAgeDays = useStore((s) => s.settings?.keyMaxAgeDays ?? DEFAULT_SETTINGS.keyMaxAgeDays);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const memoryOnly = useSecretsInMemoryOnly();
  const refused = memoryOnly ? t('keychain.refusedBecause') : undefined;

  useEffect(() => {
    void useStore.getState().loadKeys();
    return onEvent('factpulse.keys.jobProgress', (p) => useStore.getState().receiveJobProgress(p));
  }, []);
  const setQuery = useCallback((patch: Partial<KeyQuery>) => useStore.getState().setKeyQuery(patch), []);

  const connections = allConnections.filter((c) => c.capabilities.includes('encryptionKeys')).map((c) => ({ id: c.id, label: c.label }));
  const connectionLabels = Object.fromEntries(allConnections.map((c) => [c.id, c.label]));
  const names = keyNames;
  // Selections made on other pages or under other filters count too.
  const selected = useMemo(() => {
    const out: Record<string, string[]> = {};
    for (const id of keySelection) {
      const { connectionId, clientUid } = parseKeyRowId(id);
      (out[connectionId] ??= []).push(clientUid);
    }
    return out;
  }, [keySelection]);
  const nothingToRecover = keyList !== null && keyList.summary.rotationToConfirm === 0;

  async function recover(row?: KeyRow) {
    const outcomes = await call('factpulse.keys.recover', row ? { connectionId: row.connectionId, clientUid: row.clientUid } : {});
    const summary = outcomes.map((o) => `${names[keyRowId(o)] ?? o.clientUid}: ${t(`keys.recoverOutcome.${o.outcome}`)}`).join(' · ');
    useStore.getState().toast('success', `${t('keys.recovered', { count: outcomes.length })} ${summary}`);
    await useStore.getState().loadKeys();
  }

  async function rotate(row: KeyRow) {
    const ref = { connectionId: row.connectionId, clientUid: row.clientUid };
    const outcome = await withBackupOffer((backupFirst) => call('factpulse.keys.rotate', { ...ref, ...(backupFirst ? { backupFirst } : {}) }));
    await useStore.getState().loadKeys();
    if (outcome.backupPath) useStore.getState().toast('success', t('keychain.backupSaved', { path: outcome.backupPath }));
    if (outcome.outcome === 'committed') useStore.getState().toast('success', t('keys.rotated', { old: outcome.oldFingerprint, new: outcome.newFingerprint }));
    else useStore.getState().toast('error', outcome.outcome === 'unknown' ? t('keys.rotationUnknown') : refusal(outcome.error));
  }

  /** Why the server refused, in the user's words (main's message and code stay in the rotation journal). */
  function refusal(error: { code: string; message: string } | null): string {
    return error ? `${t('keys.rotationRefused')} ${errorSentence(storedError(error.code, error.message), i18n.language, t)}` : t('keys.rotationRefused');
  }

  function onAction(action: RowAction, row: KeyRow) {
    if (action === 'recover') void recover(row);
    else if (action === 'import') setDialog({ kind: 'import-key', row });
    else setDialog({ kind: action === 'export' ? 'export-one' : action, row });
  }

  const close = () => {
    setDialog(null);
    void useStore.getState().loadKeys();
  };
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t('keys.title')}</h1>
        <button type="button" onClick={() => void useStore.getState().loadKeys()}>{t('keys.refresh')}</button>
      </header>
      <p className="muted">{t(memoryOnly ? 'keys.introMemory' : 'keys.intro')}</p>
      <div className="keys-toolbar">
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'bulk' })} disabled={connections.length === 0 || memoryOnly} title={refused}>{t('keys.action.bulk')}</button>
        <button type="button" onClick={() => setDialog({ kind: 'export' })} disabled={connections.length === 0}>{t('keys.action.exportBackup')}</button>
        <button type="button" onClick={() => setDialog({ kind: 'import-backup' })} disabled={connections.length === 0 || memoryOnly} title={refused}>{t('keys.action.importBackup')}</button>
        <button type="button" onClick={() => setDialog({ kind: 'import-key', row: null })} disabled={connections.length === 0 || memoryOnly} title={refused}>{t('keys.action.import')}</button>
        <button type="button" onClick={() => void recover()} disabled={nothingToRecover} title={nothingToRecover ? t('keysList.nothingToRecover') : undefined} data-testid="keys-recover-all">
          {t('keys.action.recoverAll')}
        </button>
        <span className="spacer" />
        {keySelection.length > 0 && <span className="muted" data-testid="keys-selected">{t('keys.selected', { count: keySelection.length })}</span>}
      </div>
      {refused && <p className="field-warning" data-testid="keys-refused-reason">{refused}</p>}
      <ModesPartialNote connectionIds={connections.map((c) => c.id)} effect="keysEffect" />
      {keyList && <KeysSummary list={keyList} onFilter={(filter) => setQuery({ filter })} />}
      {keyList && keyList.summary.keys > 0 && <KeysFilterBar list={keyList} query={keyQuery} onChange={setQuery} />}
      <ErrorNotice error={keysError} title={t('keys.loadFailed')} />
      {!keysLoaded && <p className="loading">{t('common.loading')}</p>}
      {keysLoaded && keyList?.summary.keys === 0 && <p className="empty-state">{t('keys.empty')}</p>}
      {keysLoaded && keyList && keyList.summary.keys > 0 && keyList.total === 0 && (
        <p className="empty-state" data-testid="keys-no-match">
          {t('keysList.noMatch')}{' '}
          <button type="button" className="link" onClick={() => setQuery({ filter: 'all', search: '' })}>{t('keysList.clearFilters')}</button>
        </p>
      )}
      {keyRows.length > 0 && (
        <KeyInventoryTable
          rows={keyRows}
          connectionLabels={connectionLabels}
          maxAgeDays={maxAgeDays}
          selection={keySelection}
          onToggle={(id) => useStore.getState().toggleKeySelection(id)}
          onToggleAll={(ids) => useStore.getState().setKeySelection(ids)}
          onAction={onAction}
        />
      )}
      {keyList && <KeysPager list={keyList} onOffset={(offset) => setQuery({ offset })} />}
      <KeyJobsPanel jobs={keyJobs} names={names} />
      <KeyJournalTable rows={keyJournal} names={names} />

      {dialog?.kind === 'rotate' && (
        <ConfirmDialog
          title={t('keys.rotateTitle', { name: clientLabel(dialog.row) })}
          body={t('keys.rotateBody')}
          confirmLabel={t('keys.action.rotate')}
          onConfirm={() => rotate(dialog.row)}
          onClose={close}
        />
      )}
      {dialog?.kind === 'reveal' && <RevealKeyDialog row={dialog.row} onClose={close} />}
      {(dialog?.kind === 'export' || dialog?.kind === 'export-one') && (
        <ExportBackupDialog row={dialog.kind === 'export-one' ? dialog.row : null} selected={selected} connections={connections} names={names} onClose={close} />
      )}
      {dialog?.kind === 'import-backup' && <ImportBackupDialog connections={connections} names={names} onClose={close} />}
      {dialog?.kind === 'import-key' && (
        <ImportKeyDialog connections={connections} initial={dialog.row ? { connectionId: dialog.row.connectionId, clientUid: dialog.row.clientUid } : null} onClose={close} />
      )}
      {dialog?.kind === 'bulk' && <BulkRotateDialog selected={selected} connections={connections} names={names} onClose={close} />}
    </section>
  );
}
