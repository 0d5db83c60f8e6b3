import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/ipc';
import type { AppErrorShape } from '../../../../shared/errors';
import { call, errorShape } from '../../../app/bridge';
import { Checkbox } from '../../../components/Checkbox';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { useStore } from '../../../stores/store';
import { PathField } from './PathField';

type Inspection = ChannelOutput<'factpulse.keys.inspectBackup'>;

interface Props {
  connections: Array<{ id: string; label: string }>;
  names: Record<string, string>;
  onClose(): void;
}

/** Read the file (fingerprints, what is here already), then the passphrase; different local keys need an explicit yes. */
export function ImportBackupDialog({ connections, names, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [path, setPath] = useState('');
  const [target, setTarget] = useState(connections[0]?.id ?? '');
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [replace, setReplace] = useState(false);
  const [pathError, setPathError] = useState<string | undefined>();
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  /** A path main refused is a problem of the File field; anything else is shown below the form. */
  function failed(err: unknown) {
    const shape = errorShape(err);
    if (shape.details?.chooseWithDialog) setPathError(t('keys.backup.chooseWithDialog'));
    else setFailure(shape);
  }

  async function inspect(connectionId = target) {
    setFailure(null);
    if (!path.trim()) return setPathError(t('keys.backup.pathRequired'));
    setPathError(undefined);
    setBusy(true);
    try {
      const found = await call('factpulse.keys.inspectBackup', { path: path.trim(), ...(connectionId ? { targetConnectionId: connectionId } : {}) });
      // The file's own connection when it exists here; otherwise the one chosen above.
      if (connections.some((c) => c.id === found.connectionId) && found.connectionId !== connectionId) {
        setTarget(found.connectionId);
        setInspection(await call('factpulse.keys.inspectBackup', { path: path.trim(), targetConnectionId: found.connectionId }));
      } else setInspection(found);
    } catch (err) {
      setInspection(null);
      failed(err);
    } finally {
      setBusy(false);
    }
  }

  async function importKeys() {
    setFailure(null);
    setBusy(true);
    try {
      const result = await call('factpulse.keys.importBackup', { path: path.trim(), passphrase, targetConnectionId: target, confirm: replace });
      setPassphrase('');
      useStore.getState().toast('success', t('keys.backup.imported', { imported: result.imported.length, unchanged: result.unchanged.length }));
      await useStore.getState().loadKeys();
      onClose();
    } catch (err) {
      failed(err);
    } finally {
      setBusy(false);
    }
  }

  const different = inspection?.clients.some((c) => c.local === 'different') ?? false;
  return (
    <Dialog
      title={t('keys.backup.importTitle')}
      onClose={onClose}
      onSubmit={() => void (inspection ? importKeys() : inspect())}
      testId="keys-import-backup-dialog"
      actions={
        <>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          {inspection ? (
            <button type="submit" className="primary" disabled={busy || !passphrase || (different && !replace)}>
              {busy ? t('ui.working') : t('keys.backup.import')}
            </button>
          ) : (
            <button type="submit" className="primary" disabled={busy}>{t('keys.backup.inspect')}</button>
          )}
        </>
      }
    >
      <div className="form-grid">
        <PathField id="import-path" mode="open" value={path} onChange={(p) => { setPath(p); setInspection(null); }} error={pathError} />
        <label htmlFor="import-target">{t('keys.backup.importTo')}</label>
        <select id="import-target" value={target} onChange={(e) => { setTarget(e.target.value); if (inspection) void inspect(e.target.value); }}>
          {connections.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </select>
      </div>
      {inspection && (
        <div data-testid="backup-contents">
          <h3>{t('keys.backup.contents')}</h3>
          <p className="muted">{t('keys.backup.createdAt', { date: new Date(inspection.createdAt).toLocaleString(i18n.language), connection: inspection.connectionId })}</p>
          <ul className="plain-list">
            {inspection.clients.map((c) => (
              <li key={c.clientUid} data-backup-client={c.clientUid} data-local={c.local}>
                <span>{names[`${target}\u0000${c.clientUid}`] ?? c.clientUid}</span>
                <span className="fingerprint" data-backup-fingerprint={c.fingerprint}>{c.fingerprint}</span>
                <span className={c.local === 'different' ? 'warn' : 'muted'}>{t(`keys.backup.local.${c.local}`, { fp: c.localFingerprint })}</span>
              </li>
            ))}
          </ul>
          <div className="form-grid">
            <Field id="import-passphrase" type="password" autoComplete="off" label={t('keys.backup.passphrase')} value={passphrase} onChange={setPassphrase} required />
          </div>
          {different && <Checkbox id="import-replace" label={t('keys.backup.replace')} checked={replace} onChange={setReplace} />}
        </div>
      )}
      <ErrorNotice error={failure} />
    </Dialog>
  );
}
