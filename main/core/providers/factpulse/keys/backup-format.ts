import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../../../shared/errors';

/**
 * Encrypted key backup, format version 1 (JSON):
 * {
 *   format: "clientdesk-key-backup", version: 1,
 *   kdf: { name: "scrypt", N: 131072, r: 8, p: 1, dkLen: 64, salt: <32 random bytes, base64> },
 *     dk[0..32) = AES-256-GCM key, dk[32..64) = key of `check` (HMAC-SHA256 of a constant, 16 bytes hex),
 *     so a wrong passphrase is told apart from an altered file.
 *   cipher: { name: "aes-256-gcm", iv: <12 bytes base64>, tag: <16 bytes base64> },
 *   check: <hex>,
 *   metadata: { connectionId, createdAt, clients: [{ clientUid, fingerprint, createdAt }] },  ← readable without the passphrase
 *   ciphertext: <base64 of JSON { keys: [{ clientUid, key, createdAt }] }>
 * }
 * AAD = canonical JSON of [format, version, kdf, cipher.name, cipher.iv, check, metadata]: any change to the
 * header or metadata makes decryption fail.
 */
export const BACKUP_FORMAT = 'clientdesk-key-backup' as const;
export const BACKUP_VERSION = 1;
export const SCRYPT_PARAMS = { N: 131072, r: 8, p: 1, dkLen: 64 } as const;
export const MIN_PASSPHRASE = 12;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const metadataSchema = z.object({
  connectionId: z.string().min(1).max(64),
  createdAt: z.string().max(64),
  clients: z.array(z.object({ clientUid: z.string().min(1).max(200), fingerprint: z.string().regex(/^[0-9a-f]{16}$/), createdAt: z.string().max(64) })).max(100_000),
});
export type BackupMetadata = z.infer<typeof metadataSchema>;

const fileSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), dkLen: z.literal(64), salt: b64 }),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: b64, tag: b64 }),
  check: z.string().regex(/^[0-9a-f]{32}$/),
  metadata: metadataSchema,
  ciphertext: b64,
});
export type BackupFile = z.infer<typeof fileSchema>;

const payloadSchema = z.object({ keys: z.array(z.object({ clientUid: z.string(), key: z.string(), createdAt: z.string() })) });
export type BackupPayload = z.infer<typeof payloadSchema>;

function deriveKeys(passphrase: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<{ enc: Buffer; check: string }> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, { N: p.N, r: p.r, p: p.p, maxmem: 256 * 1024 * 1024 }, (err, dk) => {
      if (err) return reject(new AppError('INTERNAL', 'The passphrase could not be stretched (scrypt failed).'));
      const check = createHmac('sha256', dk.subarray(32)).update('clientdesk-backup-check').digest('hex').slice(0, 32);
      resolve({ enc: Buffer.from(dk.subarray(0, 32)), check });
    });
  });
}

function aad(f: Pick<BackupFile, 'format' | 'version' | 'kdf' | 'cipher' | 'check' | 'metadata'>): Buffer {
  const m = f.metadata;
  const metadata = { connectionId: m.connectionId, createdAt: m.createdAt, clients: m.clients.map((c) => ({ clientUid: c.clientUid, fingerprint: c.fingerprint, createdAt: c.createdAt })) };
  const kdf = { name: f.kdf.name, N: f.kdf.N, r: f.kdf.r, p: f.kdf.p, dkLen: f.kdf.dkLen, salt: f.kdf.salt };
  return Buffer.from(JSON.stringify([f.format, f.version, kdf, f.cipher.name, f.cipher.iv, f.check, metadata]), 'utf8');
}

export async function sealBackup(passphrase: string, metadata: BackupMetadata, payload: BackupPayload): Promise<string> {
  if (passphrase.length < MIN_PASSPHRASE) {
    throw new AppError('VALIDATION', `The passphrase must have at least ${MIN_PASSPHRASE} characters.`, {
      fields: [{ field: 'passphrase', message: `At least ${MIN_PASSPHRASE} characters.` }],
    });
  }
  const salt = randomBytes(32);
  const iv = randomBytes(12);
  const { enc, check } = await deriveKeys(passphrase, salt, SCRYPT_PARAMS);
  const header = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    kdf: { name: 'scrypt' as const, ...SCRYPT_PARAMS, salt: salt.toString('base64') },
    cipher: { name: 'aes-256-gcm' as const, iv: iv.toString('base64'), tag: '' },
    check,
    metadata,
  };
  const cipher = createCipheriv('aes-256-gcm', enc, iv);
  cipher.setAAD(aad(header));
  const ct = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  header.cipher.tag = cipher.getAuthTag().toString('base64');
  return `${JSON.stringify({ ...header, ciphertext: ct.toString('base64') }, null, 2)}\n`;
}

/** Reads and validates the structure (no passphrase): metadata is readable but not yet verified. */
export function parseBackup(text: string): BackupFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'This file is truncated or is not a Clientdesk key backup (unreadable JSON). Nothing was imported.');
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BACKUP_FORMAT) {
    throw new AppError('VALIDATION', 'This file is not a Clientdesk key backup. Nothing was imported.');
  }
  if (head.version !== BACKUP_VERSION) {
    throw new AppError('UNSUPPORTED', `This backup uses format version ${String(head.version).slice(0, 12)}, which this Clientdesk does not know (it reads version ${BACKUP_VERSION}). Nothing was imported.`);
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new AppError('VALIDATION', 'This key backup is incomplete or damaged (missing or invalid fields). Nothing was imported.');
  const f = parsed.data;
  if (f.kdf.N !== SCRYPT_PARAMS.N || f.kdf.r !== SCRYPT_PARAMS.r || f.kdf.p !== SCRYPT_PARAMS.p) {
    throw new AppError('UNSUPPORTED', 'This backup uses scrypt parameters this Clientdesk does not accept. Nothing was imported.');
  }
  return f;
}

export async function openBackup(file: BackupFile, passphrase: string): Promise<BackupPayload> {
  const salt = Buffer.from(file.kdf.salt, 'base64');
  const iv = Buffer.from(file.cipher.iv, 'base64');
  const tag = Buffer.from(file.cipher.tag, 'base64');
  if (salt.length !== 32 || iv.length !== 12 || tag.length !== 16) throw new AppError('VALIDATION', 'This key backup is damaged (bad salt, IV or tag). Nothing was imported.');
  const { enc, check } = await deriveKeys(passphrase, salt, file.kdf);
  const a = Buffer.from(check, 'hex');
  const b = Buffer.from(file.check, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw new AppError('KEY_MISMATCH', 'Wrong passphrase for this backup. Nothing was imported.');
  let plain: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', enc, iv);
    decipher.setAAD(aad(file));
    decipher.setAuthTag(tag);
    plain = Buffer.concat([decipher.update(Buffer.from(file.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('VALIDATION', 'This backup was altered or truncated: its contents do not authenticate. Nothing was imported.');
  }
  const payload = payloadSchema.safeParse(JSON.parse(plain));
  if (!payload.success) throw new AppError('VALIDATION', 'This backup is damaged (unreadable contents). Nothing was imported.');
  return payload.data;
}
