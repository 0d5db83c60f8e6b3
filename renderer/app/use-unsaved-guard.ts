import { useEffect, useRef } from 'react';
import { registerUnsavedCheck } from '../stores/nav-slice';

/**
 * A form calls this with "it holds edits that are not saved": navigating away then asks before discarding
 * them. Pass false while the form is saving, so the navigation that follows a save goes through.
 */
export function useUnsavedGuard(dirty: boolean): void {
  const latest = useRef(dirty);
  useEffect(() => {
    latest.current = dirty;
  });
  useEffect(() => registerUnsavedCheck(() => latest.current), []);
}

/** Whether a form's values differ from those it started with (shallow: strings, booleans, numbers). */
export function isEdited(values: Readonly<Record<string, unknown>>, initial: Readonly<Record<string, unknown>>): boolean {
  const keys = new Set([...Object.keys(values), ...Object.keys(initial)]);
  for (const key of keys) if (!Object.is(values[key] ?? '', initial[key] ?? '')) return true;
  return false;
}
