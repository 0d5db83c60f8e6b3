import { useTranslation } from 'react-i18next';
import type { ClientPanelProps } from '../extension';
import { siteRowsOf } from './site-rows';

/** The client's sites and the equipment count of each, from the registry's `/infos`. */
export function SitesTablePanel({ record }: ClientPanelProps) {
  const { t, i18n } = useTranslation();
  const rows = siteRowsOf(record.extra);
  // A list or update answer may give only the count: zero needs no list.
  const count = rows?.length ?? (typeof record.extra.sites === 'number' ? record.extra.sites : null);
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <section className="card" aria-labelledby="sites-table-title" data-testid="sites-panel">
      <header className="card-head">
        <h2 id="sites-table-title">{t('providers.sites.fields.sitesTable')}</h2>
        {count !== null && <span className="badge" data-sites-count={count}>{number(count)}</span>}
      </header>
      {count === 0 && <p className="muted" data-sites-empty="none">{t('providers.sites.fields.noSites')}</p>}
      {rows === null && count !== 0 && <p className="muted" data-sites-empty="not-loaded">{t('providers.sites.fields.sitesNotLoaded')}</p>}
      {rows && rows.length > 0 && (
        <table className="data sites-table">
          <thead>
            <tr>
              <th scope="col">{t('providers.sites.fields.site')}</th>
              <th scope="col" className="num">{t('providers.sites.fields.equipements')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((site, i) => (
              <tr key={site.siteId || i} data-site={site.name}>
                <td title={site.siteId}>{site.name || site.siteId || '—'}</td>
                <td className="num">{number(site.equipment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
