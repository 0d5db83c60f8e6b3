import { Command } from 'cmdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { Dialog } from '../components/Dialog';
import { useSecretsInMemoryOnly } from '../components/KeychainBanner';
import { SCREENS } from '../stores/nav-slice';
import { useStore } from '../stores/store';
import type { PaletteAction } from './palette-actions';
import { availableActions } from './palette-actions';
import { closeOverlay } from './palette-state';
import { runPaletteAction } from './run-action';
import { useClientMatches } from './use-client-matches';
import './palette.css';

/** Ctrl/Cmd+K: go to a screen, to a client by name or id (searched in the cache), or run an action. */
export default function CommandPalette() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const connections = useStore((s) => s.connections);
  const clientsScope = useStore((s) => s.clientsConnectionId);
  const keyMaxAgeDays = useStore((s) => s.settings?.keyMaxAgeDays ?? DEFAULT_SETTINGS.keyMaxAgeDays);
  const secretsMemoryOnly = useSecretsInMemoryOnly();
  const { clients, searching } = useClientMatches(query);
  const actions = availableActions({ connections, clientsScope, keyMaxAgeDays, secretsMemoryOnly, query });
  const labels = Object.fromEntries(connections.map((c) => [c.id, c.label]));

  const go = (run: () => void) => {
    closeOverlay();
    run();
  };
  const actionLabel = (action: PaletteAction): string => {
    switch (action.id) {
      case 'sync-all':
        return t('palette.syncAll');
      case 'new-client':
        return connections.length > 1 ? t('palette.newClientOn', { label: action.label }) : t('palette.newClient');
      case 'add-connection':
        return t('palette.addConnection');
      case 'start-demo':
        return t('palette.startDemo');
      case 'rotate-older':
        return t('palette.rotateOlder', { count: action.days });
    }
  };

  return (
    <Dialog title={t('palette.title')} onClose={closeOverlay} className="palette" testId="command-palette">
      <Command label={t('palette.title')} loop>
        <Command.Input value={query} onValueChange={setQuery} placeholder={t('palette.placeholder')} aria-label={t('palette.title')} data-autofocus />
        <Command.List>
          <Command.Empty>{searching ? t('palette.searching') : t('palette.empty')}</Command.Empty>
          {clients.length > 0 && (
            <Command.Group heading={t('palette.groupClients')} forceMount>
              {clients.map((c) => (
                <Command.Item
                  key={`${c.connectionId}/${c.remoteId}`}
                  value={`client ${c.connectionId} ${c.remoteId}`}
                  forceMount
                  data-palette-client={c.remoteId}
                  onSelect={() => go(() => useStore.getState().navigate({ screen: 'client', connectionId: c.connectionId, remoteId: c.remoteId }))}
                >
                  <span className="palette-main">{c.name}</span>
                  <span className="palette-meta">{[c.identifier ?? c.remoteId, connections.length > 1 ? labels[c.connectionId] : null].filter(Boolean).join(' · ')}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
          <Command.Group heading={t('palette.groupScreens')}>
            {SCREENS.map((screen) => (
              <Command.Item key={screen} value={`screen ${t(`nav.${screen}`)}`} keywords={[screen]} data-palette-screen={screen} onSelect={() => go(() => useStore.getState().navigate({ screen }))}>
                <span className="palette-main">{t(`nav.${screen}`)}</span>
              </Command.Item>
            ))}
          </Command.Group>
          <Command.Group heading={t('palette.groupActions')}>
            {actions.map((action) => {
              const label = actionLabel(action);
              const id = action.id === 'new-client' ? `new-client ${action.connectionId}` : action.id;
              return (
                <Command.Item key={id} value={`action ${label}`} keywords={[action.id.replace('-', ' ')]} data-palette-action={action.id} onSelect={() => go(() => void runPaletteAction(action, t))}>
                  <span className="palette-main">{label}</span>
                  {action.id === 'rotate-older' && <span className="palette-meta">{t('palette.rotateOlderHint')}</span>}
                </Command.Item>
              );
            })}
          </Command.Group>
        </Command.List>
      </Command>
    </Dialog>
  );
}
