import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { errorShape } from '../../app/bridge';

/** Loads one remote value for the current key; `reload` asks again, `set` replaces it after a write. */
export function useRemote<T>(key: string, load: () => Promise<T>) {
  const [state, setState] = useState<{ key: string; value: T | null; error: AppErrorShape | null }>({ key, value: null, error: null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ key, value, error: null }),
      (err: unknown) => live && setState({ key, value: null, error: errorShape(err) }),
    );
    return () => {
      live = false;
    };
    // `load` is recreated every render; the key says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((value: T) => setState({ key, value, error: null }), [key]);
  const current = state.key === key ? state : { key, value: null, error: null };
  return { value: current.value, error: current.error, loading: current.value === null && current.error === null, reload, set };
}
