import type { StateCreator } from 'zustand';
import type { AppErrorShape } from '../../shared/errors';
import { call, errorShape } from '../app/bridge';
import type { StoreState } from './store';

export type TestResult =
  | { ok: true; latencyMs: number; total: number | null; at: string }
  | { ok: false; error: AppErrorShape; at: string };

export interface ConnectionTestsSlice {
  testResults: Record<string, TestResult>;
  testing: Record<string, boolean>;
  testConnection(id: string): Promise<TestResult>;
  forgetConnection(id: string): void;
}

export const createConnectionTestsSlice: StateCreator<StoreState, [], [], ConnectionTestsSlice> = (set) => ({
  testResults: {},
  testing: {},
  async testConnection(id) {
    set((s) => ({ testing: { ...s.testing, [id]: true } }));
    let result: TestResult;
    try {
      const value = await call('connections.test', { id });
      result = { ok: true, latencyMs: value.latencyMs, total: value.total, at: new Date().toISOString() };
    } catch (err) {
      result = { ok: false, error: errorShape(err), at: new Date().toISOString() };
    }
    set((s) => ({ testResults: { ...s.testResults, [id]: result }, testing: { ...s.testing, [id]: false } }));
    return result;
  },
  forgetConnection(id) {
    set((s) => {
      const testResults = { ...s.testResults };
      delete testResults[id];
      return { testResults };
    });
  },
});
