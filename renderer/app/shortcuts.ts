import { useEffect, useRef } from 'react';

export type ShortcutAction = 'palette' | 'search' | 'go-clients' | 'go-dashboard' | 'go-keys' | 'go-activity' | 'go-settings' | 'new-client' | 'help';

export interface Shortcut {
  /** Keys pressed one after the other ("mod" = Ctrl, or ⌘ on macOS). */
  keys: string[];
  action: ShortcutAction;
  /** i18n key of what it does. */
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['mod+k'], action: 'palette', label: 'shortcuts.palette' },
  { keys: ['/'], action: 'search', label: 'shortcuts.search' },
  { keys: ['g', 'c'], action: 'go-clients', label: 'shortcuts.goClients' },
  { keys: ['g', 'd'], action: 'go-dashboard', label: 'shortcuts.goDashboard' },
  { keys: ['g', 'k'], action: 'go-keys', label: 'shortcuts.goKeys' },
  { keys: ['g', 'a'], action: 'go-activity', label: 'shortcuts.goActivity' },
  { keys: ['g', 's'], action: 'go-settings', label: 'shortcuts.goSettings' },
  { keys: ['n'], action: 'new-client', label: 'shortcuts.newClient' },
  { keys: ['?'], action: 'help', label: 'shortcuts.help' },
];

/** How long the second key of a sequence (g then c) may wait. */
export const SEQUENCE_MS = 1500;

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  timeStamp: number;
}

const NOT_TYPING_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);

/** Keys pressed here are text being typed (or a choice being made), never a shortcut. */
export function isTypingTarget(target: unknown): boolean {
  const el = target as { tagName?: string; type?: string; isContentEditable?: boolean } | null;
  if (!el?.tagName) return false;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable === true) return true;
  return tag === 'INPUT' && !NOT_TYPING_INPUTS.has((el.type ?? 'text').toLowerCase());
}

/** The name of a key press as SHORTCUTS write it ("mod+k", "g", "?"); null for a bare modifier or another chord. */
export function keyName(press: KeyPress): string | null {
  if (['Shift', 'Control', 'Meta', 'Alt'].includes(press.key)) return null;
  const key = press.key.length === 1 ? press.key.toLowerCase() : press.key;
  if (press.altKey) return null;
  if (press.ctrlKey || press.metaKey) return `mod+${key}`;
  return key;
}

/**
 * Turns key presses into shortcut actions, remembering the first key of a two-key sequence for SEQUENCE_MS.
 * `typing` says the press happened in a field: only the palette chord counts there.
 */
export function createShortcutMatcher(shortcuts: readonly Shortcut[] = SHORTCUTS) {
  let pending: { key: string; at: number } | null = null;
  return function match(press: KeyPress, typing: boolean): ShortcutAction | null {
    const name = keyName(press);
    if (name === null) return null;
    if (typing) {
      pending = null;
      return shortcuts.find((s) => s.keys.length === 1 && s.keys[0] === name && name.startsWith('mod+'))?.action ?? null;
    }
    const first = pending && press.timeStamp - pending.at <= SEQUENCE_MS ? pending.key : null;
    pending = null;
    if (first) {
      const second = shortcuts.find((s) => s.keys.length === 2 && s.keys[0] === first && s.keys[1] === name);
      if (second) return second.action;
    }
    if (shortcuts.some((s) => s.keys.length === 2 && s.keys[0] === name)) {
      pending = { key: name, at: press.timeStamp };
      return null;
    }
    return shortcuts.find((s) => s.keys.length === 1 && s.keys[0] === name)?.action ?? null;
  };
}

/**
 * Listens for the shortcuts on the whole window. Nothing fires while a dialog is open (it is modal), and
 * only the palette chord fires while typing in a field.
 */
export function useShortcuts(run: (action: ShortcutAction) => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const match = createShortcutMatcher();
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || document.querySelector('dialog[open]')) return;
      const action = match(e, isTypingTarget(e.target));
      if (!action) return;
      e.preventDefault();
      latest.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
