import { z } from 'zod';

export const dashboardFiguresInputSchema = z.object({ days: z.number().int().min(7).max(90).default(30) }).strict().optional();

/** A figure still being learned: how far along it is (done of total), else null when complete. */
const progressSchema = z.object({ done: z.number(), total: z.number() }).nullable();

/** Key ages in bands relative to the age limit: [0, L/2), [L/2, L), [L, 2L), [2L, ∞), unknown age. */
export const KEY_AGE_BANDS = ['fresh', 'aging', 'over', 'farOver', 'unknown'] as const;
export type KeyAgeBand = (typeof KEY_AGE_BANDS)[number];

export const connectionFiguresSchema = z.object({
  connectionId: z.string(),
  clients: z.object({
    total: z.number(),
    byStatus: z.object({ active: z.number(), inactive: z.number(), suspended: z.number(), unknown: z.number() }),
    /** First sync still walking: rows seen of the server's total. */
    partial: progressSchema,
  }),
  /** Null when the connection has no PDP configurations. */
  pdp: z
    .object({
      configured: z.number(),
      double: z.number(),
      /** Encryption modes learned of the configured PDPs (the list does not carry them); null once all are known. */
      partial: progressSchema,
    })
    .nullable(),
  /** Null when the connection has no client keys. */
  keys: z
    .object({
      held: z.number(),
      bands: z.record(z.enum(KEY_AGE_BANDS), z.number()),
      olderThanLimit: z.number(),
      /** Clients the cache saw in double mode without a key here (partial while modes are unknown). */
      missingLocally: z.number(),
    })
    .nullable(),
  outbox: z.object({ queued: z.number(), conflicts: z.number(), failed: z.number() }),
  sync: z.object({
    lastCompletedAt: z.string().nullable(),
    lastErrorCode: z.string().nullable(),
    inProgress: z.boolean(),
  }),
});
export type ConnectionFigures = z.infer<typeof connectionFiguresSchema>;

export const activityDaySchema = z.object({ day: z.string(), ok: z.number(), failed: z.number(), other: z.number() });
export type ActivityDay = z.infer<typeof activityDaySchema>;

export const dashboardFiguresSchema = z.object({
  generatedAt: z.string(),
  keyMaxAgeDays: z.number(),
  connections: z.array(connectionFiguresSchema),
  /** One entry per day (UTC), oldest first, zeros included. */
  activity: z.array(activityDaySchema),
});
export type DashboardFigures = z.infer<typeof dashboardFiguresSchema>;
