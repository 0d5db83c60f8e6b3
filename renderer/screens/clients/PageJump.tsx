import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** What was typed as a page number ("3000", "3 000", "3,000"), or null when it is not one. */
export function parsePageNumber(text: string): number | null {
  const spaced = text.replace(/[\s\u00a0\u202f']/g, '');
  const digits = /^\d{1,3}([,.]\d{3})+$/.test(spaced) ? spaced.replace(/[,.]/g, '') : spaced;
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}

/**
 * "Go to page": Enter (or the button) jumps; a number out of range, or no number, says why next to the field
 * and keeps what was typed. `pages` is null while the total is unknown (any page from 1 on is tried).
 */
export function PageJump({ pages, onJump }: { pages: number | null; onJump: (page: number) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const page = parsePageNumber(text);
    if (page === null) setError(pages === null ? t('clients.jumpNotNumberOpen') : t('clients.jumpNotNumber', { pages }));
    else if (page < 1 || (pages !== null && page > pages)) setError(pages === null ? t('clients.jumpTooLowOpen') : t('clients.jumpOutOfRange', { page, pages }));
    else {
      setError(null);
      setText('');
      onJump(page);
    }
  }

  return (
    <form className="page-jump" onSubmit={submit} noValidate>
      <label htmlFor="clients-page-jump">{t('clients.jumpLabel')}</label>
      <input
        id="clients-page-jump"
        inputMode="numeric"
        autoComplete="off"
        size={6}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'clients-page-jump-error' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (error) setError(null);
        }}
      />
      {/* Never disabled: a disabled submit button would also swallow Enter while a page loads. */}
      <button type="submit">{t('clients.jumpGo')}</button>
      <span aria-live="assertive">
        {error && <span id="clients-page-jump-error" className="field-error" data-testid="page-jump-error">{error}</span>}
      </span>
    </form>
  );
}
