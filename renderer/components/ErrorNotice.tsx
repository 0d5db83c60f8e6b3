import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors';
import { copyText } from '../app/clipboard';
import { errorSentence } from './error-wording';
import './error-notice.css';

/** The vendor's reference for this error (what its support asks for), with a button that copies it. */
function SupportReference({ value }: { value: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  return (
    <>
      <dt>{t('errors.supportId')}</dt>
      <dd className="support-reference">
        <span className="mono" data-testid="support-reference">{value}</span>
        <button type="button" className="link" onClick={() => void copyText(value).then((ok) => setCopied(ok ? 'copied' : 'failed'))}>
          {t('errors.copy')}
        </button>
        <span role="status">{copied && t(copied === 'copied' ? 'errors.copied' : 'errors.copyFailed')}</span>
      </dd>
    </>
  );
}

/** The technical facts of an error, for support: code, HTTP status, support and request references, main's message. */
export function ErrorDetails({ error }: { error: AppErrorShape }) {
  const { t } = useTranslation();
  const supportId = typeof error.details?.supportId === 'string' ? error.details.supportId : null;
  const requestId = [error.details?.interactionId, error.details?.requestId].find((v): v is string => typeof v === 'string');
  return (
    <details className="error-details" data-testid="error-details">
      <summary>{t('errors.details')}</summary>
      <dl>
        <dt>{t('errors.code')}</dt>
        <dd className="mono" data-testid="error-code">{error.code}</dd>
        {typeof error.details?.status === 'number' && (
          <>
            <dt>{t('errors.status')}</dt>
            <dd className="mono">{t('ui.httpStatus', { status: error.details.status })}</dd>
          </>
        )}
        {supportId && <SupportReference value={supportId} />}
        {requestId && (
          <>
            <dt>{t('errors.requestId')}</dt>
            <dd className="mono">{requestId}</dd>
          </>
        )}
        <dt>{t('errors.message')}</dt>
        <dd lang="en">{error.message}</dd>
      </dl>
    </details>
  );
}

/** Says what failed in plain words in the user's language; the code and the raw message wait in "Details". */
export function ErrorNotice({ error, title }: { error: AppErrorShape | null; title?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div aria-live="assertive">
      {error && (
        <div className="error-notice" role="alert" data-error-code={error.code}>
          {title && <strong className="error-title">{title}</strong>}
          <p className="error-sentence">{errorSentence(error, i18n.language, t)}</p>
          <ErrorDetails error={error} />
        </div>
      )}
    </div>
  );
}

/** A standing state rather than a failure just now (so no alert): the sentence in the user's words, then the details. */
export function ErrorNote({ error, className = 'warn' }: { error: AppErrorShape; className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`error-note ${className}`}>
      <p className="error-sentence">{errorSentence(error, i18n.language, t)}</p>
      <ErrorDetails error={error} />
    </div>
  );
}
