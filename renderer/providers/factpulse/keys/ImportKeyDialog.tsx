import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors';
import { BridgeError, call, errorShape } from '../../../app/bridge';
import { Checkbox } from '../../../components/Checkbox';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { useStore } from '../../../stores/store';

interface Props {
  connections: Array<{ id: string; label: string }>;
  initial: { connectionId: string; clientUid: string } | null;
  onClose(): void;
}

const KEY_SHAPE = /^[A-Za-z0-9+/]{43}=$/;

/** Pastes an existing key (base64 of 32 bytes) into the keychain; a different stored key is replaced only when confirmed. */
export function ImportKeyDialog({ connections, initial, onClose }: Props) {
  const { t } = useTranslation();
  const [connectionId, setConnectionId] = useState(initial?.connectionId ?? connections[0]?.id ?? '');
  const [clientUid, setClientUid] = useState(initial?.clientUid ?? '');
  const [key, setKey] = useState('');
  const [verify, setVerify] = useState(true);
  const [conflict, setConflict] = useState<{ current: string; imported: string } | null>(null);
  const [replace, setReplace] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const found: Record<string, string> = {};
    if (!clientUid.trim()) found.client = t('keys.importKey.client');
    if (!KEY_SHAPE.test(key.trim())) found.key = t('keys.importKey.keyHint');
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const result = await call('factpulse.keys.import', { connectionId, clientUid: clientUid.trim(), key: key.trim(), confirm: replace, verify });
      setKey('');
      const server = result.serverAccepts === true ? ` ${t('keys.importKey.serverAccepts')}` : result.serverAccepts === false ? ` ${t('keys.importKey.serverRefuses')}` : '';
      useStore.getState().toast(result.serverAccepts === false ? 'error' : 'success', `${t('keys.importKey.done', { fingerprint: result.fingerprint })}${server}`);
      await useStore.getState().loadKeys();
      onClose();
    } catch (err) {
      const details = err instanceof BridgeError ? err.shape.details : undefined;
      if (details?.needsConfirm) setConflict({ current: String(details.currentFingerprint), imported: String(details.importedFingerprint) });
      else setFailure(errorShape(err));
      if (err instanceof BridgeError) setErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={t('keys.importKey.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      testId="keys-import-key-dialog"
      actions={
        <>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="primary" disabled={busy || (conflict !== null && !replace)}>
            {busy ? t('ui.working') : t('keys.importKey.submit')}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <label htmlFor="import-key-connection">{t('keys.importKey.connection')}</label>
        <select id="import-key-connection" value={connectionId} onChange={(e) => setConnectionId(e.target.value)}>
          {connections.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </select>
        <Field id="import-key-client" label={t('keys.importKey.client')} value={clientUid} onChange={(v) => { setClientUid(v); setErrors(({ client: _c, ...rest }) => rest); }} error={errors.client} required />
        <Field id="import-key-value" type="password" label={t('keys.importKey.key')} value={key} onChange={(v) => { setKey(v); setConflict(null); setErrors(({ key: _k, ...rest }) => rest); }} error={errors.key} hint={t('keys.importKey.keyHint')} required />
      </div>
      <Checkbox id="import-key-verify" label={t('keys.importKey.verify')} checked={verify} onChange={setVerify} />
      {conflict && (
        <>
          <p className="warn">{t('keys.importKey.conflict', conflict)}</p>
          <Checkbox id="import-key-replace" label={t('keys.importKey.replace')} checked={replace} onChange={setReplace} />
        </>
      )}
      <ErrorNotice error={failure} />
    </Dialog>
  );
}
