import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capability } from '../../../shared/domain';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings';
import { ALL_CONNECTIONS, NO_FILTERS } from '../../stores/clients-slice';
import type { ClientFilters, KeyAgeFilter, TriState } from '../../stores/clients-slice';
import { FILTER_CAPABILITY, scopeConnections } from '../../stores/clients-scope';
import { useStore } from '../../stores/store';
import type { ClientsView } from './clients-view';
import { FacetFilter } from './FacetFilter';

/**
 * A keystroke asks at once (after the keystroke's own render): loadClients keeps one request on its way and
 * asks only for the latest text once it is back, so fast typing does not queue a search per letter.
 */
const SEARCH_DEBOUNCE_MS = 0;
const MAX_SEARCH = 200;

function TriSelect({ id, label, value, onChange }: { id: string; label: string; value: TriState; onChange(v: TriState): void }) {
  const { t } = useTranslation();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as TriState)}>
        <option value="any">{t('offline.any')}</option>
        <option value="yes">{t('ui.yes')}</option>
        <option value="no">{t('ui.no')}</option>
      </select>
    </div>
  );
}

/** Any key / a local key / a key older than the Keys screen's limit (settings.keyMaxAgeDays). */
function KeyAgeSelect({ value, onChange }: { value: KeyAgeFilter; onChange(v: KeyAgeFilter): void }) {
  const { t } = useTranslation();
  const maxAgeDays = useStore((s) => s.settings?.keyMaxAgeDays ?? DEFAULT_SETTINGS.keyMaxAgeDays);
  const shownAge = useRef(maxAgeDays);
  // The age limit changed in Settings while this filter uses it: the list must follow the new limit.
  useEffect(() => {
    if (shownAge.current === maxAgeDays) return;
    shownAge.current = maxAgeDays;
    if (value === 'older') void useStore.getState().loadClients();
  }, [maxAgeDays, value]);
  return (
    <div className="filter">
      <label htmlFor="clients-key-age">{t('offline.keyAge')}</label>
      <select id="clients-key-age" value={value} onChange={(e) => onChange(e.target.value as KeyAgeFilter)}>
        <option value="any">{t('offline.any')}</option>
        <option value="hasKey">{t('offline.keyAgeHasKey')}</option>
        <option value="older">{t('offline.keyAgeOlder', { count: maxAgeDays })}</option>
      </select>
    </div>
  );
}

/** Search box (debounced, searched in the local cache) and the filters the connections in scope support. */
export function ClientsToolbar({ view }: { view: ClientsView }) {
  const { t } = useTranslation();
  const connections = useStore((s) => s.connections);
  const scope = useStore((s) => s.clientsConnectionId);
  const filters = useStore((s) => s.clientsQuery.filters);
  const setFilters = useStore((s) => s.setClientFilters);
  const select = useStore((s) => s.selectClientsConnection);
  const [text, setText] = useState(filters.text);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);

  // Leaving the screen before the debounce fires still applies what was typed.
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
    if (pending.current !== null) useStore.getState().setClientFilters({ text: pending.current });
  }, []);

  function typed(value: string) {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    pending.current = null;
    if (value.length > MAX_SEARCH) return;
    pending.current = value;
    timer.current = setTimeout(() => {
      pending.current = null;
      setFilters({ text: value });
    }, SEARCH_DEBOUNCE_MS);
  }

  const set = (patch: Partial<ClientFilters>) => setFilters(patch);
  const has = (capability: Capability) => view.capabilities.has(capability);
  const filtered = JSON.stringify({ ...filters, text }) !== JSON.stringify(NO_FILTERS);
  const tooLong = text.length > MAX_SEARCH;
  const facetConnection = scopeConnections(connections, scope)[0]?.id;
  const identifierLabel = view.columns.find((c) => c.key === 'identifier')?.labelKey ?? 'clients.fields.identifier';

  return (
    <div className="clients-toolbar" role="search">
      <div className="search">
        <label htmlFor="clients-search">{t('offline.search')}</label>
        <input
          id="clients-search"
          type="search"
          value={text}
          placeholder={t('clients.searchPlaceholder', { identifier: t(identifierLabel) })}
          onChange={(e) => typed(e.target.value)}
          aria-invalid={tooLong || undefined}
          aria-describedby={tooLong ? 'clients-search-error' : undefined}
        />
        {tooLong && <p className="field-error" id="clients-search-error" role="alert">{t('offline.searchTooLong', { max: MAX_SEARCH })}</p>}
      </div>
      {connections.length > 1 && (
        <div className="filter">
          <label htmlFor="clients-connection">{t('clients.connection')}</label>
          <select id="clients-connection" value={scope} onChange={(e) => select(e.target.value)}>
            <option value={ALL_CONNECTIONS}>{t('offline.allConnections')}</option>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </select>
        </div>
      )}
      {view.filters.map((filter) =>
        filter.source === 'facet' ? (
          facetConnection && view.descriptor?.client.facet && (
            <FacetFilter key={filter.key} connectionId={facetConnection} facetKey={view.descriptor.client.facet.extraKey} label={t(filter.labelKey)} />
          )
        ) : (
          <div className="filter" key={filter.key}>
            <label htmlFor="clients-status">{t(filter.labelKey)}</label>
            <select id="clients-status" value={filters.status} onChange={(e) => set({ status: e.target.value as ClientFilters['status'] })}>
              <option value="any">{t('offline.any')}</option>
              {(['active', 'inactive', 'suspended'] as const).map((s) => (
                <option key={s} value={s}>{t(`clients.status.${s}`)}</option>
              ))}
            </select>
          </div>
        ),
      )}
      {has(FILTER_CAPABILITY.pdp) && <TriSelect id="clients-pdp" label={t('offline.pdpConfigured')} value={filters.pdp} onChange={(pdp) => set({ pdp })} />}
      {has(FILTER_CAPABILITY.double) && <TriSelect id="clients-double" label={t('offline.doubleMode')} value={filters.double} onChange={(double) => set({ double })} />}
      {has(FILTER_CAPABILITY.keyAge) && <KeyAgeSelect value={filters.keyAge} onChange={(keyAge) => set({ keyAge })} />}
      {filtered && (
        <button
          type="button"
          className="clear-filters"
          onClick={() => {
            if (timer.current) clearTimeout(timer.current);
            pending.current = null;
            setText('');
            set(NO_FILTERS);
          }}
        >
          {t('offline.clearFilters')}
        </button>
      )}
    </div>
  );
}
