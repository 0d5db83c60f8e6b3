import { useTranslation } from 'react-i18next';
import { call } from '../../app/bridge';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange(path: string): void;
  onNoPicker(): void;
  hint?: string | undefined;
  error?: string | undefined;
}

/** A file main's own open dialog returned (main reads no other path): shown, never typed. */
export function FilePicker({ id, label, value, onChange, onNoPicker, hint, error }: Props) {
  const { t } = useTranslation();
  async function choose() {
    const picked = await call('dialog.openFile', {});
    if (!picked.native) onNoPicker();
    if (picked.path) onChange(picked.path);
  }
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="field">
        <div className="path-field">
          <input id={id} value={value} readOnly placeholder={t('providers.directory.certificate.noFile')} spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={described} />
          <button type="button" data-choose={id} onClick={() => void choose()}>{t('providers.directory.certificate.choose')}</button>
        </div>
        {hint && <p id={`${id}-hint`} className="field-hint">{hint}</p>}
        {error && <p id={`${id}-error`} className="field-error" data-field-error={id}>{error}</p>}
      </div>
    </>
  );
}
