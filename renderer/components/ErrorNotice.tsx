import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../shared/errors';
import { errorSentence } from './error-wording';
import './error-notice.css';

/** The technical facts of an error, for support: code, HTTP status, request reference and main's message. */
export function ErrorDetails({ error }: { error: AppErrorShape }) {
  const { t } = useTranslation();
  const requestId = [error.details?.supportId, error.details?.interactionId, error.details?.requestId].find((v): v is string => typeof v === 'string');
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
