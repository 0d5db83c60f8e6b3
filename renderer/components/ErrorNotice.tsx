import { useTranslation } from 'react-i18next';
import { ERROR_MESSAGES, KEY_NOT_KEPT_MESSAGE } from '../../shared/errors';
import type { AppErrorShape } from '../../shared/errors';

/** States precisely what failed: the error code, what it means, and the server's own message. */
export function ErrorNotice({ error, title }: { error: AppErrorShape | null; title?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'fr' ? 'fr' : 'en';
  // A key refused because secrets are memory-only: the why and what to do, in the user's language, say it all.
  const keyNotKept = error?.code === 'KEYCHAIN_UNAVAILABLE' && error.details?.keychain === 'memory-only';
  return (
    <div aria-live="assertive">
      {error && (
        <div className="error-notice" role="alert" data-error-code={error.code}>
          {title && <strong className="error-title">{title}</strong>}
          <p>
            <span className="badge danger mono">{error.code}</span>{' '}
            {keyNotKept ? KEY_NOT_KEPT_MESSAGE[lang] : (ERROR_MESSAGES[error.code]?.[lang] ?? '')}
            {typeof error.details?.status === 'number' && <span className="muted"> {t('ui.httpStatus', { status: error.details.status })}</span>}
          </p>
          {!keyNotKept && <p className="error-detail">{error.message}</p>}
        </div>
      )}
    </div>
  );
}
