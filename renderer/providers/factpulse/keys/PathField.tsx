import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../app/bridge';

interface Props {
  id: string;
  mode: 'save' | 'open';
  defaultName?: string;
  value: string;
  onChange(path: string): void;
  error?: string | undefined;
}

/** The file main's own dialog returned: main uses no other path for a backup, so none can be typed here. */
export function PathField({ id, mode, defaultName = 'clientdesk-keys.cdkeys', value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [native, setNative] = useState<boolean | null>(null);
  async function choose() {
    const picked = mode === 'save' ? await call('dialog.saveFile', { defaultName }) : await call('dialog.openFile', {});
    setNative(picked.native);
    if (picked.path) onChange(picked.path);
  }
  const hint = native === false ? t(mode === 'save' ? 'keys.backup.pathHintTyped' : 'keys.backup.openHintTyped') : t('keys.backup.pathHintNative');
  return (
    <>
      <label htmlFor={id}>{t('keys.backup.path')}</label>
      <div className="field">
        <div className="path-field">
          <input id={id} value={value} readOnly placeholder={t('keys.backup.pathPlaceholder')} spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={`${id}-hint`} />
          <button type="button" onClick={() => void choose()}>{t('keys.backup.choose')}</button>
        </div>
        <p id={`${id}-hint`} className="field-hint">{hint}</p>
        {error && <p className="field-error" data-field-error={id}>{error}</p>}
      </div>
    </>
  );
}
