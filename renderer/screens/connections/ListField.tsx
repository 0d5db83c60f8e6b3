import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ListFieldProps {
  id: string;
  label: string;
  values: string[];
  onChange(values: string[]): void;
  hint?: string;
  error?: string | undefined;
  addLabel: string;
  removeLabel(value: string): string;
}

/** An editable list of short values (e.g. partners): each entry is its own input; add and remove buttons. */
export function ListField({ id, label, values, onChange, hint, error, addLabel, removeLabel }: ListFieldProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const add = () => {
    if (draft.trim() === '') return;
    onChange([...values, draft.trim()]);
    setDraft('');
  };
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <span className="label" id={`${id}-label`}>{label}</span>
      <div className="field list-field" role="group" aria-labelledby={`${id}-label`} aria-describedby={described}>
        <ul className="list-entries">
          {values.map((value, index) => (
            <li key={index}>
              <input
                aria-label={`${label} ${index + 1}`}
                value={value}
                spellCheck={false}
                onChange={(e) => onChange(values.map((v, i) => (i === index ? e.target.value : v)))}
              />
              <button type="button" onClick={() => onChange(values.filter((_, i) => i !== index))} aria-label={removeLabel(value)}>
                {t('connections.form.listRemove')}
              </button>
            </li>
          ))}
        </ul>
        <div className="list-add">
          <input
            id={id}
            aria-label={addLabel}
            value={draft}
            spellCheck={false}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
          <button type="button" onClick={add} disabled={draft.trim() === ''}>{addLabel}</button>
        </div>
        {hint && <p id={`${id}-hint`} className="field-hint">{hint}</p>}
        <div aria-live="assertive">{error && <p id={`${id}-error`} className="field-error" data-field-error={id}>{error}</p>}</div>
      </div>
    </>
  );
}
