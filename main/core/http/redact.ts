/**
 * One redaction function for every log line and error message (architecture.md §7, §8).
 * Secrets the process has seen are registered here; known secret shapes are masked even when unregistered.
 */
const registered = new Set<string>();
const MIN_SECRET_LENGTH = 6;
const MASK = '[redacted]';

const PATTERNS: Array<[RegExp, string]> = [
  [/(authorization\s*[:=]\s*"?\s*(?:bearer|basic)\s+)[^\s",]+/gi, `$1${MASK}`],
  [/(\b(?:bearer)\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${MASK}`],
  [/((?:x-api-key|x-encryption-key|api[_-]?key|apikey|password|passphrase|secret|client_?secret|clientSecret|webhookSecret|token|access|refresh|oldKey|newKey|key)"?\s*[:=]\s*"?)[^\s",}&]+/gi, `$1${MASK}`],
  // JWTs anywhere
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, MASK],
  // base64 of 32 bytes (AES-256 keys) anywhere
  [/(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])/g, MASK],
];

export function registerSecret(secret: string | null | undefined): void {
  if (typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH) registered.add(secret);
}

export function unregisterSecret(secret: string): void {
  registered.delete(secret);
}

export function redact(text: string): string {
  let out = String(text);
  // Longest first so a secret containing another is masked whole.
  for (const secret of [...registered].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** An error's message, redacted; for anything that is not an Error, its string form, redacted. */
export function redactError(err: unknown): string {
  if (err instanceof Error) return redact(`${err.name}: ${err.message}`);
  return redact(String(err));
}
