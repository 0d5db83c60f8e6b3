import { Command, defaultFilter } from 'cmdk';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { Dialog } from '../components/Dialog';
import { useSecretsInMemoryOnly } from '../components/KeychainBanner';
import { useStore } from '../stores/store';
import type { PaletteAction } from './palette-actions';
import { availableActions, paletteScreens } from './palette-actions';
import { closeOverlay } from './palette-state';
import { runPaletteAction } from './run-action';
import { useClientMatches } from './use-client-matches';
import './palette.css';

interface Entry {
  value: string;
  label: string;
  meta?: string | undefined;
  keywords: string[];
  data: Record<string, string>;
  run(): void;
}

/** Entries whose label (or keywords) match what is typed, best first; all of them, in order, when nothing is typed. */
function matching(entries: Entry[], search: string): Entry[] {
  if (!search.trim()) return entries;
  return entries
    .map((entry, order) => ({ entry, order, score: defaultFilter(entry.label, search, entry.keywords) }))
    .filter((e) => e.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((e) => e.entry);
}

/** Ctrl/Cmd+K: go to a screen, to a client by name or id (searched in the cache), or run an action. */
export default function CommandPalette() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState('');
  const connections = useStore((s) => s.connections);
  const clientsScope = useStore((s) => s.clientsConnectionId);
  const keyMaxAgeDays = useStore((s) => s.settings?.keyMaxAgeDays ?? DEFAULT_SETTINGS.keyMaxAgeDays);
  const secretsMemoryOnly = useSecretsInMemoryOnly();
  const { clients, searching } = useClientMatches(query);
  const labels = Object.fromEntries(connections.map((c) => [c.id, c.label]));
  const { navigate } = useStore.getState();

  const go = (run: () => void) => () => {
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

  const clientEntries: Entry[] = clients.map((c) => ({
    value: `client/${c.connectionId}/${c.remoteId}`,
    label: c.name,
    meta: [c.identifier ?? c.remoteId, connections.length > 1 ? labels[c.connectionId] : null].filter(Boolean).join(' · '),
    keywords: [],
    data: { 'data-palette-client': c.remoteId },
    run: go(() => navigate({ screen: 'client', connectionId: c.connectionId, remoteId: c.remoteId })),
  }));
  const screenEntries = matching(
    paletteScreens(connections).map((screen) => ({
      value: `screen/${screen}`,
      label: t(`nav.${screen}`),
      keywords: [screen],
      data: { 'data-palette-screen': screen },
      run: go(() => navigate({ screen })),
    })),
    query,
  );
  const actionEntries = matching(
    availableActions({ connections, clientsScope, keyMaxAgeDays, secretsMemoryOnly, query }).map((action) => ({
      value: action.id === 'new-client' ? `action/new-client/${action.connectionId}` : `action/${action.id}`,
      label: actionLabel(action),
      meta: action.id === 'rotate-older' ? t('palette.rotateOlderHint') : undefined,
      keywords: [action.id.replace(/-/g, ' ')],
      data: { 'data-palette-action': action.id },
      run: go(() => void runPaletteAction(action, t)),
    })),
    // A number typed is the key age, not a word to match.
    query.replace(/\b\d+\b/g, ' ').trim(),
  );
  const groups = [
    { heading: t('palette.groupClients'), entries: clientEntries },
    { heading: t('palette.groupScreens'), entries: screenEntries },
    { heading: t('palette.groupActions'), entries: actionEntries },
  ].filter((g) => g.entries.length > 0);
  const visible = groups.flatMap((g) => g.entries.map((e) => e.value));
  // What the user moved to, while it is still listed; else the first entry (clients arrive after the typing).
  const selected = visible.includes(picked) ? picked : (visible[0] ?? '');

  return (
    <Dialog title={t('palette.title')} onClose={closeOverlay} className="palette" testId="command-palette">
      <Command label={t('palette.title')} shouldFilter={false} value={selected} onValueChange={setPicked} loop>
        <Command.Input value={query} onValueChange={setQuery} placeholder={t('palette.placeholder')} aria-label={t('palette.title')} data-autofocus />
        <Command.List>
          <Command.Empty>{searching ? t('palette.searching') : t('palette.empty')}</Command.Empty>
          {groups.map((group) => (
            <Command.Group key={group.heading} heading={group.heading}>
              {group.entries.map((entry) => (
                <Command.Item key={entry.value} value={entry.value} onSelect={entry.run} {...entry.data}>
                  <span className="palette-main">{entry.label}</span>
                  {entry.meta && <span className="palette-meta">{entry.meta}</span>}
                </Command.Item>
              ))}
            </Command.Group>
          ))}
        </Command.List>
      </Command>
    </Dialog>
  );
}
