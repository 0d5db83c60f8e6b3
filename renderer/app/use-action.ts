import { useCallback, useState } from 'react';
import type { AppErrorShape } from '../../shared/errors';
import { errorShape } from './bridge';

/** One user action at a time: `busy` while it runs, its failure kept as `error` (cleared on the next run). */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorShape(err));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
