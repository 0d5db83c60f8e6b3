import { useTranslation } from 'react-i18next';
import { PAGE_SIZES } from '../../stores/clients-slice';
import type { ClientsPageState } from '../../stores/clients-slice';
import { useStore } from '../../stores/store';
import { PageJump } from './PageJump';

/** First / previous / next / last, where we are, the total, a page to go to, and the page size (windows of at most 500). */
export function Pager({ page, loading }: { page: ClientsPageState; loading: boolean }) {
  const { t } = useTranslation();
  const loadClients = useStore((s) => s.loadClients);
  const pages = page.total === null ? null : Math.max(1, Math.ceil(page.total / page.pageSize));
  const hasNext = pages === null ? page.rows.length === page.pageSize : page.page < pages;
  const go = (n: number) => void loadClients({ page: n });
  return (
    <nav className="pager" aria-label={t('clients.pager')}>
      <button type="button" disabled={loading || page.page <= 1} onClick={() => go(1)} aria-label={t('offline.firstPage')}>«</button>
      <button type="button" disabled={loading || page.page <= 1} onClick={() => go(page.page - 1)}>
        {t('clients.prev')}
      </button>
      <span data-testid="pager-position" aria-live="polite">
        {pages === null ? t('clients.pageOnly', { page: page.page }) : t('clients.pageOf', { page: page.page, pages })}
        {page.total !== null && ` · ${t('clients.total', { count: page.total })}`}
      </span>
      <button type="button" disabled={loading || !hasNext} onClick={() => go(page.page + 1)}>
        {t('clients.next')}
      </button>
      {pages !== null && (
        <button type="button" disabled={loading || page.page >= pages} onClick={() => go(pages)} aria-label={t('offline.lastPage')}>»</button>
      )}
      <PageJump pages={pages} onJump={go} />
      <label htmlFor="clients-page-size">{t('clients.pageSize')}</label>
      <select id="clients-page-size" value={page.pageSize} onChange={(e) => void loadClients({ page: 1, pageSize: Number(e.target.value) })}>
        {PAGE_SIZES.map((n) => (
          <option key={n} value={n}>{n}</option>
        ))}
      </select>
    </nav>
  );
}
