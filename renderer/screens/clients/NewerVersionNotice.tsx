import { useTranslation } from 'react-i18next';
import { useAction } from '../../app/use-action';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { NewerVersion } from './newer-version';

interface Props {
  versions: NewerVersion;
  /** Sends the same change again with overwriteNewer. */
  onSaveAnyway(): Promise<void>;
  /** Drops the edit and shows the server's version. */
  onReload(): void;
}

/** The server has a newer version than the one edited: say both, and let the user choose. */
export function NewerVersionNotice({ versions, onSaveAnyway, onReload }: Props) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const saveAnyway = () => run(onSaveAnyway);
  return (
    <div className="conflict-notice" role="alert" data-testid="newer-version">
      <strong>{t('clients.newerTitle')}</strong>
      <dl>
        <dt>{t('clients.newerYours')}</dt>
        <dd data-version="base">{versions.baseVersion}</dd>
        <dt>{t('clients.newerServer')}</dt>
        <dd data-version="server">{versions.serverVersion}</dd>
      </dl>
      <p>{t('clients.newerBody')}</p>
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void saveAnyway()}>
          {busy ? t('ui.saving') : t('clients.saveAnyway')}
        </button>
        <button type="button" onClick={onReload} disabled={busy}>{t('clients.reload')}</button>
      </div>
      <ErrorNotice error={error} />
    </div>
  );
}
