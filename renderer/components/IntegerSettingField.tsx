import { useState } from 'react';

interface IntegerSettingFieldProps {
  id: string;
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  /** Shown beside the input when the text is not a whole number in [min, max]; the text is kept. */
  invalidMessage: string;
  onCommit(value: number): void;
}

/** A whole-number setting, saved on Enter or when leaving the field; bad input is explained, never lost. */
export function IntegerSettingField({ id, label, hint, value, min, max, invalidMessage, onCommit }: IntegerSettingFieldProps) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | null>(null);

  function commit() {
    const trimmed = text.trim();
    const parsed = Number(trimmed);
    if (!/^\d+$/.test(trimmed) || parsed < min || parsed > max) {
      setError(invalidMessage);
      return;
    }
    setError(null);
    if (parsed !== value) onCommit(parsed);
  }

  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div className="field">
        <input
          id={id}
          inputMode="numeric"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
        <p className="field-hint" id={`${id}-hint`}>{hint}</p>
        {error && <p className="field-error" id={`${id}-error`} role="alert" data-field-error={id}>{error}</p>}
      </div>
    </>
  );
}
