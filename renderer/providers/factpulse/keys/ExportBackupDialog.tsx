import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/ipc';
import type { AppErrorShape } from '../../../../shared/errors';
import { call, errorShape } from '../../../app/bridge';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import type { KeyRow } from '../../../stores/keys-slice';
import { clientLabel } from './KeyBadges';
import { PathField } from './PathField';

type Exported = ChannelOutput<'factpulse.keys.exportBackup'>;
type Scope = 'client' | 'selected' | 'connection';

interface Props {
  row: KeyRow | null;
  selected: Record<string, string[]>;
  connections: Array<{ id: string; label: string }>;
  names: Record<string, string>;
  onClose(): void;
}

const MIN_PASSPHRASE = 12;
const today = () => new Date().toISOString().slice(0, 10).replaceAll('-', '');

/** One client, the selection, or a whole connection → a passphrase-encrypted file. */
export function ExportBackupDialog({ row, selected, connections, names, onClose }: Props) {
  const { t } = useTranslation();
  const selectedConnections = Object.keys(selected);
  const canSelected = selectedConnections.length === 1;
  const [scope, setScope] = useState<Scope>(row ? 'client' : canSelected ? 'selected' : 'connection');
  const [connectionId, setConnectionId] = useState(row?.connectionId ?? selectedConnections[0] ?? connections[0]?.id ?? '');
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Exported | null>(null);

  /** Typing in a field clears its error; the other fields keep theirs. */
  const editing = (field: string, setter: (value: string) => void) => (value: string) => {
    setter(value);
    setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  function target(): { connectionId: string; clients: string[] | 'all' } {
    if (scope === 'client' && row) return { connectionId: row.connectionId, clients: [row.clientUid] };
    if (scope === 'selected') return { connectionId: selectedConnections[0]!, clients: selected[selectedConnections[0]!]! };
    return { connectionId, clients: 'all' };
  }

  async function submit() {
    const found: Record<string, string> = {};
    if (!path.trim()) found.path = t('keys.backup.pathRequired');
    if (passphrase.length < MIN_PASSPHRASE) found.passphrase = t('keys.backup.tooShort');
    else if (again !== passphrase) found.again = t('keys.backup.mismatch');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      setDone(await call('factpulse.keys.exportBackup', { ...target(), path: path.trim(), passphrase }));
      setPassphrase('');
      setAgain('');
    } catch (err) {
      const shape = errorShape(err);
      if (shape.details?.chooseWithDialog) setErrors({ path: t('keys.backup.chooseWithDialog') });
      else setFailure(shape);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <Dialog title={t('keys.backup.exportTitle')} onClose={onClose} onSubmit={onClose} testId="keys-export-done" actions={<button type="submit" className="primary">{t('keys.close')}</button>}>
        <p className="ok">{t('keys.backup.exported', { count: done.clients.length })}</p>
        <p className="mono" data-testid="export-path">{done.path}</p>
        <ul className="plain-list">
          {done.clients.map((c) => (
            <li key={c.clientUid} data-exported-client={c.clientUid}>
              <span>{names[`${target().connectionId}\u0000${c.clientUid}`] ?? c.clientUid}</span>
              <span className="fingerprint">{c.fingerprint}</span>
            </li>
          ))}
        </ul>
      </Dialog>
    );
  }

  const radio = (value: Scope, label: string, disabled = false) => (
    <label className="check">
      <input type="radio" name="export-scope" checked={scope === value} disabled={disabled} onChange={() => setScope(value)} /> {label}
    </label>
  );
  return (
    <Dialog
      title={t('keys.backup.exportTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="keys-export-dialog"
      actions={
        <>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={busy}>{busy ? t('ui.working') : t('keys.backup.export')}</button>
        </>
      }
    >
      <div className="form-grid">
        <span className="label">{t('keys.backup.scope')}</span>
        <div className="choice-list" role="radiogroup" aria-label={t('keys.backup.scope')}>
          {row && radio('client', t('keys.backup.scopeClient', { name: clientLabel(row) }))}
          {radio('selected', t('keys.backup.scopeSelected', { count: canSelected ? selected[selectedConnections[0]!]!.length : 0 }), !canSelected)}
          {radio('connection', t('keys.backup.scopeConnection'))}
        </div>
        {scope === 'connection' && (
          <>
            <label htmlFor="export-connection">{t('keys.backup.connection')}</label>
            <select id="export-connection" value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
              {connections.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
            </select>
          </>
        )}
        <PathField id="export-path" mode="save" defaultName={`clientdesk-keys-${today()}.cdkeys`} value={path} onChange={editing('path', setPath)} error={errors.path} />
        <Field id="export-passphrase" type="password" autoComplete="new-password" label={t('keys.backup.passphrase')} value={passphrase} onChange={editing('passphrase', setPassphrase)} error={errors.passphrase} hint={t('keys.backup.passphraseHint')} required />
        <Field id="export-passphrase-again" type="password" autoComplete="new-password" label={t('keys.backup.passphraseAgain')} value={again} onChange={editing('again', setAgain)} error={errors.again} required />
      </div>
      <ErrorNotice error={failure} />
    </Dialog>
  );
}
