import { z } from 'zod';
import { providerIdSchema } from '../domain';
import { text } from './text';

/**
 * The directory's rebuild (`POST /clients`) and its client certificate. Field messages are i18n keys under
 * `providers.directory.validation.*` so the form and main's VALIDATION details say the same thing.
 */

export const REBUILD_STATUSES = ['Active', 'Inactive', 'Suspended'] as const;
export const MAX_REBUILD_PAGE_SIZE = 1000;
/** RFC 3339 date-time: a date, `T`, a time with optional fraction, and a zone (`Z` or ±hh:mm). */
export const RFC3339_DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

const v = (key: string) => `providers.directory.validation.${key}`;
const connectionId = text().min(1).max(64);

const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: v('wholeNumber') })
    .int(v('wholeNumber'))
    .min(min, min === 0 ? v('pageMin') : v('sizeRange'))
    .max(max, max === MAX_REBUILD_PAGE_SIZE ? v('sizeRange') : v('pageMax'));

const dateTime = text()
  .max(40, v('dateTime'))
  .refine((s) => RFC3339_DATE_TIME.test(s) && Number.isFinite(Date.parse(s)), v('dateTime'));

const filterText = text().trim().min(1, v('textRange')).max(200, v('textRange'));

export const rebuildFiltersSchema = z
  .strictObject({
    page: wholeNumber(0, 1_000_000).optional(),
    size: wholeNumber(1, MAX_REBUILD_PAGE_SIZE).optional(),
    startDate: dateTime.optional(),
    endDate: dateTime.optional(),
    role: filterText.optional(),
    status: z.enum(REBUILD_STATUSES, { error: v('status') }).optional(),
    name: filterText.optional(),
  })
  .refine((f) => !(f.startDate && f.endDate && Date.parse(f.endDate) < Date.parse(f.startDate)), {
    path: ['endDate'],
    message: v('endBeforeStart'),
    // Checked alongside the other fields' problems, as long as both dates are themselves valid.
    when: ({ issues }) => issues.every((i) => i.path !== undefined && i.path.length > 0 && i.path[0] !== 'startDate' && i.path[0] !== 'endDate'),
  });
export type RebuildFilters = z.output<typeof rebuildFiltersSchema>;

export const directoryRebuildSchema = z.strictObject({
  connectionId,
  filters: rebuildFiltersSchema.default({}),
  /** Everything changed since the last successful rebuild: main fills startDate from the history. */
  incremental: z.boolean().optional(),
});
export type DirectoryRebuildInput = z.input<typeof directoryRebuildSchema>;

export const rebuildOutcomeSchema = z.enum(['ok', 'failed', 'cancelled']);

export const rebuildRecordSchema = z.object({
  id: z.number(),
  connectionId: z.string(),
  startedAt: z.string(),
  filters: z.record(z.string(), z.union([z.string(), z.number()])),
  incremental: z.boolean(),
  outcome: rebuildOutcomeSchema,
  /** The last interaction id sent (the one a support ticket quotes). */
  interactionId: z.string().nullable(),
  durationMs: z.number(),
  attempts: z.number(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  /** The directory's own `{errors:[…]}` list of a 400 / 404. */
  errors: z.array(z.string()),
});
export type RebuildRecord = z.infer<typeof rebuildRecordSchema>;

export const directoryHistoryInputSchema = z.strictObject({ connectionId, limit: z.number().int().min(1).max(500).optional() });
export const directoryHistorySchema = z.object({
  rows: z.array(rebuildRecordSchema),
  /** When the last successful rebuild started: the start of the next incremental one. */
  lastSuccessAt: z.string().nullable(),
});

export const directoryCancelSchema = z.strictObject({ connectionId });

/** Pushed while a rebuild waits before another attempt (429, 502, 504), and once when it ends. */
export const rebuildProgressSchema = z.object({
  connectionId: z.string(),
  state: z.enum(['sending', 'waiting', 'done']),
  attempt: z.number(),
  maxAttempts: z.number(),
  /** HTTP status that caused the wait (null otherwise). */
  status: z.number().nullable(),
  waitMs: z.number(),
  /** ISO time the next attempt starts (null unless waiting). */
  retryAt: z.string().nullable(),
  interactionId: z.string().nullable(),
});
export type RebuildProgress = z.infer<typeof rebuildProgressSchema>;

const path = text().min(1).max(4096);

/** Paths are the ones main's own open dialog returned; the renderer never reads a file. */
export const certificateImportSchema = z.discriminatedUnion('format', [
  z.strictObject({
    format: z.literal('pem'),
    connectionId,
    certificatePath: path,
    /** Absent when the certificate file also holds the key. */
    privateKeyPath: path.optional(),
    passphrase: text().max(1024).optional(),
    caPath: path.optional(),
  }),
  z.strictObject({
    format: z.literal('pkcs12'),
    connectionId,
    pkcs12Path: path,
    passphrase: text().max(1024),
    caPath: path.optional(),
  }),
]);
export type CertificateImportInput = z.input<typeof certificateImportSchema>;

export const certificateInfoSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  serial: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  daysUntilExpiry: z.number(),
  fingerprint: z.string(),
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

export const connectionCertificateSchema = z.object({
  connectionId: z.string(),
  certificate: certificateInfoSchema.nullable(),
  /** Subjects of the private CA bundle, when one was added. */
  caSubjects: z.array(z.string()),
  /** Whether the private key is in the keychain. */
  keyStored: z.boolean(),
  importedAt: z.string().nullable(),
  /** When the user last authenticated this connection in Clientdesk (sent as x-fapi-auth-date). */
  authenticatedAt: z.string().nullable(),
});
export type ConnectionCertificate = z.infer<typeof connectionCertificateSchema>;

/** Warn this many days before a credential expires. */
export const CREDENTIAL_WARNING_DAYS = 30;

export const credentialRowSchema = z.object({
  connectionId: z.string(),
  connectionLabel: z.string(),
  provider: providerIdSchema,
  kind: z.literal('clientCertificate'),
  subject: z.string(),
  serial: z.string(),
  notAfter: z.string(),
  daysUntilExpiry: z.number(),
  state: z.enum(['ok', 'expiring', 'expired']),
});
export type CredentialRow = z.infer<typeof credentialRowSchema>;
