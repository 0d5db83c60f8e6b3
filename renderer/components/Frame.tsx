import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../stores/store';
import type { ScreenId } from '../stores/nav-slice';

const NAV: ScreenId[] = ['dashboard', 'clients', 'keys', 'activity', 'connections', 'settings'];

function activeScreen(screen: string): ScreenId | 'directory' {
  if (screen === 'client' || screen === 'client-new') return 'clients';
  return screen as ScreenId;
}

export function Frame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const route = useStore((s) => s.route);
  const navigate = useStore((s) => s.navigate);
  const current = activeScreen(route.screen);
  // The registry rebuild screen exists only for connections that have one.
  const hasRegistry = useStore((s) => s.connections.some((c) => c.capabilities.includes('rebuildRegistry')));
  // Likewise the Keys screen, for connections whose provider has client-owned keys.
  const hasKeys = useStore((s) => s.connections.some((c) => c.capabilities.includes('encryptionKeys')));
  const shown = hasKeys ? NAV : NAV.filter((id) => id !== 'keys');
  const items: Array<ScreenId | 'directory'> = hasRegistry ? [...shown.slice(0, shown.indexOf('activity') + 1), 'directory', ...shown.slice(shown.indexOf('activity') + 1)] : shown;
  return (
    <div className="frame">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">◆</span>
          <span>
            <strong>{t('app.name')}</strong>
            <small>{t('app.tagline')}</small>
          </span>
        </div>
        <ul>
          {items.map((id) => (
            <li key={id}>
              <button
                type="button"
                className={id === current ? 'nav-item active' : 'nav-item'}
                aria-current={id === current ? 'page' : undefined}
                data-nav={id}
                onClick={() => navigate({ screen: id })}
              >
                {t(`nav.${id}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
