/**
 * One redaction function for every log line and error message (docs/architecture.md §7, §8).
 * Secrets the process has seen are registered here; known secret shapes are masked even when unregistered.
 */
const registered = new Set<string>();
const MIN_SECRET_LENGTH = 6;
const MASK = '[redacted]';
const DEFAULT_MAX_DEPTH = 32;

/** Names whose value is a secret, as a JSON key, header, query parameter or key=value (prefix allowed: x-api-key, oldKey). */
const SECRET_NAME = String.raw`(?:api[_-]?key|apikey|passw(?:or)?d|pwd|passphrase|secret|token|access|refresh|key)`;
/** The value after the name: an escaped-JSON string, a JSON string, a single-quoted string, or a bare word. */
const SECRET_VALUE = String.raw`\\"(?:(?!\\")[^\n])*\\"|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s",}&;]+`;
const NAMED_SECRET = new RegExp(String.raw`(${SECRET_NAME}(?:\\?["'])?[ \t]*[:=][ \t]*)(${SECRET_VALUE})`, 'gi');

/** Keeps the quoting of a masked value so JSON-looking text still reads as JSON. */
function maskValue(_match: string, name: string, value: string): string {
  if (value.startsWith('\\"')) return `${name}\\"${MASK}\\"`;
  if (value.startsWith('"')) return `${name}"${MASK}"`;
  if (value.startsWith("'")) return `${name}'${MASK}'`;
  return `${name}${MASK}`;
}

const B64 = 'A-Za-z0-9+/_\\-';
const PATTERNS: Array<[RegExp, string]> = [
  [/(authorization\s*[:=]\s*"?\s*(?:bearer|basic)\s+)[^\s",]+/gi, `$1${MASK}`],
  [/(\b(?:bearer)\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${MASK}`],
  // user:password@ (or a lone token@) in any URL; the scheme and host stay readable
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]+@/gi, `$1${MASK}@`],
  // JWTs anywhere
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, MASK],
  // webhook signing secrets (whsec_…)
  [/\bwhsec_[A-Za-z0-9+/_=-]+/g, MASK],
  // 32 bytes (AES-256 keys) anywhere: padded base64/base64url, hex
  [new RegExp(`(?<![${B64}])[${B64}]{43}=(?![${B64}=])`, 'g'), MASK],
  [/(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])/g, MASK],
  // …and unpadded: both letter cases required, so hyphenated words and lower-case ids of that length stay readable
  [new RegExp(`(?<![${B64}=])(?=[${B64}]{0,42}[A-Z])(?=[${B64}]{0,42}[a-z])[${B64}]{43}(?![${B64}=])`, 'g'), MASK],
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
  out = out.replace(NAMED_SECRET, maskValue);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** An error's message, redacted; for anything that is not an Error, its string form, redacted. */
export function redactError(err: unknown): string {
  if (err instanceof Error) return redact(`${err.name}: ${err.message}`);
  return redact(String(err));
}

/**
 * A copy of a JSON-like value with every string redacted (e.g. an error's details), same shape.
 * Cycles become "[circular]", anything nested deeper than maxDepth "[too deep]", non-plain objects their redacted string.
 */
export function redactDeep<T>(value: T, maxDepth = DEFAULT_MAX_DEPTH): T {
  const ancestors = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return redact(v);
    if (v === null || typeof v !== 'object') return v;
    if (depth >= maxDepth) return '[too deep]';
    if (ancestors.has(v)) return '[circular]';
    const proto: unknown = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return redact(String(v));
    ancestors.add(v);
    const out = Array.isArray(v)
      ? v.map((item: unknown) => walk(item, depth + 1))
      : Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item, depth + 1)]));
    ancestors.delete(v);
    return out;
  };
  return walk(value, 0) as T;
}
