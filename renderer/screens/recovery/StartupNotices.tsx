import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../stores/store';

/** What startup repaired on its own (a rebuilt cache, restored settings, a file moved aside), until dismissed. */
export function StartupNotices() {
  const { t } = useTranslation();
  const notices = useStore((s) => s.info?.notices ?? []);
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || notices.length === 0) return null;
  return (
    <div className="banner startup-notices" role="status" data-testid="startup-notices">
      <strong>{t('recovery.notices.title')}</strong>
      {notices.map((notice) => (
        <p key={`${notice.kind}:${notice.movedTo}`} data-notice={notice.kind}>
          {t(`recovery.notices.${notice.kind}`, { path: notice.path, movedTo: notice.movedTo })}
        </p>
      ))}
      <button type="button" onClick={() => setDismissed(true)}>
        {t('recovery.notices.dismiss')}
      </button>
    </div>
  );
}
