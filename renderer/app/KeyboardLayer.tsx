import { lazy, Suspense, useCallback } from 'react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { creatableConnections } from '../palette/palette-actions';
import { openOverlay, useOverlay } from '../palette/palette-state';
import type { ScreenId } from '../stores/nav-slice';
import { useStore } from '../stores/store';
import { focusHeading, HEADING_ID } from './focus-heading';
import { useShortcuts } from './shortcuts';
import type { ShortcutAction } from './shortcuts';
import './keyboard.css';

const CommandPalette = lazy(() => import('../palette/CommandPalette'));
const ShortcutsHelp = lazy(() => import('../palette/ShortcutsHelp'));

const GO: Partial<Record<ShortcutAction, ScreenId>> = {
  'go-clients': 'clients',
  'go-dashboard': 'dashboard',
  'go-keys': 'keys',
  'go-activity': 'activity',
  'go-settings': 'settings',
};

/** `/`: the Clients search, opening the Clients screen first when needed. */
function focusClientSearch() {
  const { route, navigate } = useStore.getState();
  if (route.screen !== 'clients') navigate({ screen: 'clients' });
  let tries = 0;
  const attempt = () => {
    if (useStore.getState().route.screen !== 'clients') return;
    const input = document.querySelector<HTMLInputElement>('#clients-search');
    if (input) {
      input.focus();
      input.select();
    }
    else if (++tries < 40) setTimeout(attempt, 25);
  };
  setTimeout(attempt, 0);
}

function runShortcut(action: ShortcutAction) {
  const { navigate, connections, clientsConnectionId } = useStore.getState();
  const screen = GO[action];
  if (screen) return navigate({ screen });
  if (action === 'palette' || action === 'help') return openOverlay(action);
  if (action === 'search') return focusClientSearch();
  const target = creatableConnections(connections, clientsConnectionId)[0];
  if (action === 'new-client' && target) navigate({ screen: 'client-new', connectionId: target.id });
}

/** First in the tab order: moves focus to the screen's heading, past the sidebar. */
export function SkipLink() {
  const { t } = useTranslation();
  const skip = (e: MouseEvent) => {
    e.preventDefault();
    focusHeading();
  };
  return (
    <a className="skip-link" href={`#${HEADING_ID}`} onClick={skip} data-testid="skip-link">
      {t('ui.skipToContent')}
    </a>
  );
}

/** Leaving a form with unsaved edits: stay (the default, also Escape and Enter) or discard. */
function UnsavedChangesDialog() {
  const { t } = useTranslation();
  const pending = useStore((s) => s.pendingRoute);
  const stay = useCallback(() => useStore.getState().stay(), []);
  if (!pending) return null;
  return (
    <Dialog
      title={t('ui.unsavedTitle')}
      onClose={stay}
      onSubmit={stay}
      testId="unsaved-dialog"
      actions={
        <>
          <button type="submit" className="primary" data-autofocus>{t('ui.unsavedStay')}</button>
          <button type="button" className="danger" onClick={() => useStore.getState().discardAndLeave()}>{t('ui.unsavedDiscard')}</button>
        </>
      }
    >
      <p>{t('ui.unsavedBody')}</p>
    </Dialog>
  );
}

/** The shortcuts, the command palette, the shortcuts list and the unsaved-changes question. */
export function KeyboardLayer() {
  const open = useOverlay((s) => s.open);
  useShortcuts(runShortcut);
  return (
    <>
      <UnsavedChangesDialog />
      <Suspense fallback={null}>
        {open === 'palette' && <CommandPalette />}
        {open === 'help' && <ShortcutsHelp />}
      </Suspense>
    </>
  );
}
