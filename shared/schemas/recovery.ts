import { z } from 'zod';

/** The files startup checks. `legacy` is the single database of earlier versions (cache and state together). */
export const localFileSchema = z.enum(['cache', 'state', 'legacy', 'settings']);

/** A file startup could not use and did not repair on its own: the app waits for the user in recovery mode. */
export const recoveryProblemSchema = z.object({
  file: localFileSchema,
  path: z.string(),
  failure: z.enum(['damaged', 'migration-failed', 'newer-version', 'unavailable']),
  /** SQLite's or the parser's own words, for the details disclosure. */
  detail: z.string(),
  /** Whether moving the file aside and starting without it is offered (not when the file cannot be reached). */
  canMoveAside: z.boolean(),
});
export type RecoveryProblem = z.infer<typeof recoveryProblemSchema>;

/** Something startup repaired on its own, shown to the user once. */
export const startupNoticeSchema = z.object({
  kind: z.enum(['cache-rebuilt', 'settings-restored', 'moved-aside']),
  file: localFileSchema,
  path: z.string(),
  /** Where the damaged file now is (kept, never deleted). */
  movedTo: z.string(),
});
export type StartupNotice = z.infer<typeof startupNoticeSchema>;

export const recoveryStatusSchema = z.object({ problem: recoveryProblemSchema.nullable() });
export const recoveryResolveSchema = z.object({ action: z.enum(['moveAside', 'retry', 'quit']) }).strict();
export const recoveryResolvedSchema = z.object({
  mode: z.enum(['normal', 'recovery']),
  movedTo: z.string().nullable(),
});
