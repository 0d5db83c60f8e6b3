import { DEFAULT_SETTINGS, settingsSchema, windowBoundsSchema } from '../../../shared/schemas/settings';
import type { Settings, SettingsPatch } from '../../../shared/schemas/settings';
import type { z } from 'zod';
import type { KeyValueStore } from './key-value-store';

export type WindowBounds = z.infer<typeof windowBoundsSchema>;

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  getWindowBounds(): WindowBounds | null;
  setWindowBounds(bounds: WindowBounds): void;
}

/** Schema-validated preferences: a hand-edited invalid value falls back to its default, field by field. */
export function createSettingsService(store: KeyValueStore): SettingsService {
  function get(): Settings {
    const raw = store.get('preferences');
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    if (raw && typeof raw === 'object') {
      for (const [key, value] of Object.entries(raw)) {
        if (!(key in DEFAULT_SETTINGS)) continue;
        const candidate = { ...merged, [key]: value };
        if (settingsSchema.safeParse(candidate).success) merged[key] = value;
      }
    }
    return settingsSchema.parse(merged);
  }

  function update(patch: SettingsPatch): Settings {
    const next = settingsSchema.parse({ ...get(), ...patch });
    store.set('preferences', next);
    return next;
  }

  function getWindowBounds(): WindowBounds | null {
    const parsed = windowBoundsSchema.safeParse(store.get('windowBounds'));
    return parsed.success ? parsed.data : null;
  }

  function setWindowBounds(bounds: WindowBounds): void {
    store.set('windowBounds', windowBoundsSchema.parse(bounds));
  }

  return { get, update, getWindowBounds, setWindowBounds };
}
