import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  warning?: string | undefined;
  hint?: ReactNode;
  type?: 'text' | 'password' | 'url';
  multiline?: boolean;
  required?: boolean;
  disabled?: boolean;
  autoComplete?: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
}

/** One labelled input with its hint, warning and error announced to assistive tech. */
export function Field(props: FieldProps) {
  const { id, label, value, onChange, error, warning, hint, type = 'text', multiline, required, disabled, autoComplete, placeholder, inputMode } = props;
  const described = [hint ? `${id}-hint` : null, warning ? `${id}-warning` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const common = {
    id,
    name: id,
    value,
    required,
    disabled,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described || undefined,
  };
  return (
    <>
      <label htmlFor={id}>
        {label}
        {required && <span className="required" aria-hidden="true"> *</span>}
      </label>
      <div className="field">
        {multiline ? (
          <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...common} type={type} autoComplete={autoComplete ?? 'off'} spellCheck={false} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
        )}
        {hint && <p id={`${id}-hint`} className="field-hint">{hint}</p>}
        <div aria-live="polite">
          {warning && <p id={`${id}-warning`} className="field-warning" data-field-warning={id}>{warning}</p>}
        </div>
        <div aria-live="assertive">
          {error && <p id={`${id}-error`} className="field-error" data-field-error={id}>{error}</p>}
        </div>
      </div>
    </>
  );
}
