import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/ipc';
import type { AppErrorShape } from '../../../../shared/errors';
import { call, errorShape } from '../../../app/bridge';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';

type Verdict = ChannelOutput<'factpulse.webhook.verify'>;

/** Raw body + X-Webhook-Signature → HMAC-SHA256 with the saved secret (in main, constant time) and a precise verdict. */
export function WebhookVerifyDialog({ connectionId, clientUid, onClose }: { connectionId: string; clientUid: string; onClose(): void }) {
  const { t } = useTranslation();
  const [rawBody, setRawBody] = useState('');
  const [signature, setSignature] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setFailure(null);
    try {
      setVerdict(await call('factpulse.webhook.verify', { connectionId, clientUid, rawBody, signature }));
    } catch (err) {
      setVerdict(null);
      setFailure(errorShape(err));
    } finally {
      setBusy(false);
    }
  }
  const edit = (setter: (v: string) => void) => (v: string) => {
    setter(v);
    setVerdict(null);
  };

  return (
    <Dialog
      title={t('keys.webhook.title')}
      onClose={onClose}
      onSubmit={() => void verify()}
      testId="keys-webhook-verify"
      actions={
        <>
          <button type="button" onClick={onClose}>{t('keys.close')}</button>
          <button type="submit" className="primary" disabled={busy}>{busy ? t('ui.working') : t('keys.webhook.check')}</button>
        </>
      }
    >
      <p className="muted">{t('keys.webhook.intro')}</p>
      <div className="form-grid">
        <Field id="webhook-raw-body" multiline label={t('keys.webhook.body')} value={rawBody} onChange={edit(setRawBody)} />
        <Field id="webhook-signature" label={t('keys.webhook.header')} value={signature} onChange={edit(setSignature)} placeholder={t('keys.webhook.headerHint')} />
      </div>
      {verdict && (
        <p className={verdict.valid ? 'verdict valid' : 'verdict invalid'} role="status" data-verdict={verdict.reason}>
          {verdict.valid ? t('keys.webhook.valid') : t(`keys.webhook.reason.${verdict.reason}`)}
        </p>
      )}
      <ErrorNotice error={failure} />
    </Dialog>
  );
}
