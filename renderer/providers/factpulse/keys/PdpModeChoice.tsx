import { useTranslation } from 'react-i18next';
import type { ChannelInput } from '../../../../shared/ipc';
import type { PdpConfigView } from '../../../../shared/schemas/clients';
import { i18n } from '../../../i18n';
import { call } from '../../../app/bridge';
import { useStore } from '../../../stores/store';
import { useSecretsInMemoryOnly } from '../../../components/KeychainBanner';
import { withBackupOffer } from './BackupFirstPrompt';
import './keys.css';

type Mode = 'fernet' | 'double';

interface ChoiceProps {
  mode: Mode;
  currentMode: string | null | undefined;
  onChange(mode: Mode): void;
  error?: string | undefined;
}

/** Fernet or double, with what each choice does (and what switching back to fernet means). */
export function PdpModeChoice({ mode, currentMode, onChange, error }: ChoiceProps) {
  const { t } = useTranslation();
  const memoryOnly = useSecretsInMemoryOnly();
  const explain = mode === 'double' ? t(memoryOnly ? 'pdpKeys.doubleMemoryOnly' : 'pdpKeys.doubleExplain') : currentMode === 'double' ? t('pdpKeys.backToFernet') : t('pdpKeys.fernetExplain');
  return (
    <>
      <span className="label" id="pdp-mode-label">{t('pdp.encryptionMode')}</span>
      <div role="radiogroup" aria-labelledby="pdp-mode-label" className="checks">
        <label className="check" htmlFor="pdp-mode-fernet">
          <input id="pdp-mode-fernet" type="radio" name="pdp-mode" value="fernet" checked={mode === 'fernet'} onChange={() => onChange('fernet')} /> {t('pdp.mode.fernet')}
        </label>
        <label className="check" htmlFor="pdp-mode-double">
          <input id="pdp-mode-double" type="radio" name="pdp-mode" value="double" checked={mode === 'double'} onChange={() => onChange('double')} aria-describedby="pdp-mode-explain" />{' '}
          {t('pdp.mode.double')}
        </label>
        {error && <p className="field-error" role="alert">{error}</p>}
      </div>
      <p id="pdp-mode-explain" className="field-hint mode-explain" data-testid="pdp-mode-explain">{explain}</p>
    </>
  );
}

type PdpFields = ChannelInput<'factpulse.pdp.update'>['fields'];

/**
 * Saves the PDP form: double mode goes through factpulse.keys.enableDouble (key generated or reused, sent as
 * X-Encryption-Key, success only once stored), leaving double goes through factpulse.keys.disableDouble, else factpulse.pdp.update.
 */
export async function savePdpConfig(input: { connectionId: string; remoteId: string; fields: PdpFields; currentMode: string | null | undefined }): Promise<PdpConfigView> {
  const { connectionId, remoteId, currentMode } = input;
  const { encryptionMode, ...fields } = input.fields;
  const toast = useStore.getState().toast;
  if (encryptionMode === 'double') {
    const result = await withBackupOffer((backupFirst) => call('factpulse.keys.enableDouble', { connectionId, clientUid: remoteId, fields, ...(backupFirst ? { backupFirst } : {}) }));
    const done = result.backupPath ? 'pdpKeys.enabledWithBackup' : result.generated ? 'pdpKeys.enabled' : 'pdpKeys.enabledReused';
    toast('success', i18n.t(done, { fingerprint: result.fingerprint, path: result.backupPath }));
    return result.pdp;
  }
  if (currentMode === 'double') {
    const result = await call('factpulse.keys.disableDouble', { connectionId, clientUid: remoteId, fields, confirm: true });
    toast('success', i18n.t('pdpKeys.disabled'));
    return result.pdp;
  }
  return call('factpulse.pdp.update', { connectionId, remoteId, fields: input.fields });
}
