import { z } from 'zod';
import { startupNoticeSchema } from './recovery';

export const languageSchema = z.enum(['fr', 'en']);
export const themeSchema = z.enum(['light', 'dark', 'system']);

export const windowBoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(10_000),
  height: z.number().int().min(300).max(10_000),
  maximized: z.boolean().optional(),
});

export const settingsSchema = z.object({
  language: languageSchema,
  theme: themeSchema,
  /** 0 = periodic sync off (the default, for metered users). */
  syncIntervalMinutes: z.number().int().min(0).max(24 * 60),
  keyMaxAgeDays: z.number().int().min(1).max(3650),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'en',
  theme: 'system',
  syncIntervalMinutes: 0,
  keyMaxAgeDays: 90,
};

export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  runtime: z.enum(['electron', 'node']),
  nodeVersion: z.string(),
  electronVersion: z.string().nullable(),
  platform: z.string(),
  dataDir: z.string(),
  settingsFile: z.string(),
  databaseFile: z.string(),
  stateFile: z.string(),
  /** recovery: a damaged file waits for the user's choice (recovery.status / recovery.resolve); nothing else runs. */
  mode: z.enum(['normal', 'recovery']),
  /** What startup repaired on its own this time (a cache rebuilt, settings restored), to show once. */
  notices: z.array(startupNoticeSchema),
  keychain: z.object({
    backend: z.enum(['os', 'memory']),
    status: z.enum(['os', 'memory-fallback', 'memory']),
    message: z.string().nullable(),
  }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
