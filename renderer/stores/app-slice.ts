import type { StateCreator } from 'zustand';
import type { AppInfo, Settings, SettingsPatch } from '../../shared/schemas/settings';
import type { AppErrorShape } from '../../shared/errors';
import { call, errorShape } from '../app/bridge';
import type { StoreState } from './store';

export interface AppSlice {
  info: AppInfo | null;
  settings: Settings | null;
  settingsError: AppErrorShape | null;
  loadApp(): Promise<void>;
  updateSettings(patch: SettingsPatch): Promise<void>;
  receiveSettings(settings: Settings): void;
}

export const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set) => ({
  info: null,
  settings: null,
  settingsError: null,
  async loadApp() {
    const [info, settings] = await Promise.all([call('app.info'), call('settings.get')]);
    set({ info, settings });
  },
  async updateSettings(patch) {
    try {
      const settings = await call('settings.update', patch);
      set({ settings, settingsError: null });
    } catch (err) {
      set({ settingsError: errorShape(err) });
    }
  },
  receiveSettings(settings) {
    set({ settings });
  },
});
