// The closed set of error codes that may cross the IPC bridge, each with its user-facing message.
export const ERROR_CODES = [
  'VALIDATION',
  'AUTH_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'OFFLINE',
  'TIMEOUT',
  'NETWORK',
  'TLS',
  'TLS_CLIENT_REFUSED',
  'TLS_SERVER_UNTRUSTED',
  'TLS_HANDSHAKE_TIMEOUT',
  'BAD_RESPONSE',
  'REDIRECT',
  'TOO_LARGE',
  'SERVER',
  'KEYCHAIN_UNAVAILABLE',
  'KEY_MISMATCH',
  'KEY_MISSING',
  'UNSUPPORTED',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field-level problem a form can show next to the right input. `field` is a dotted path, e.g. `siret`. */
export interface FieldError {
  field: string;
  message: string;
}

export interface ErrorDetails {
  fields?: FieldError[];
  status?: number;
  retryAfterSeconds?: number;
  requestId?: string;
  [key: string]: unknown;
}

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export const ERROR_MESSAGES: Record<ErrorCode, { en: string; fr: string }> = {
  VALIDATION: { en: 'Some values are not valid.', fr: 'Certaines valeurs ne sont pas valides.' },
  AUTH_REQUIRED: {
    en: 'The server refused the credentials. Check them in the connection settings.',
    fr: 'Le serveur a refusé les identifiants. Vérifiez-les dans les réglages de la connexion.',
  },
  FORBIDDEN: { en: 'Access denied for these credentials.', fr: 'Accès refusé pour ces identifiants.' },
  NOT_FOUND: { en: 'Not found.', fr: 'Introuvable.' },
  CONFLICT: {
    en: 'The record changed on the server since it was cached.',
    fr: "L'enregistrement a changé sur le serveur depuis sa mise en cache.",
  },
  RATE_LIMITED: { en: 'The server asks to slow down. Try again shortly.', fr: 'Le serveur demande de ralentir. Réessayez bientôt.' },
  OFFLINE: { en: 'The server cannot be reached.', fr: 'Le serveur est injoignable.' },
  TIMEOUT: { en: 'The server did not answer in time.', fr: "Le serveur n'a pas répondu à temps." },
  NETWORK: { en: 'A network error interrupted the request.', fr: 'Une erreur réseau a interrompu la requête.' },
  TLS: { en: 'The secure connection could not be established.', fr: "La connexion sécurisée n'a pas pu être établie." },
  TLS_CLIENT_REFUSED: {
    en: 'The server refused our client certificate. Check the certificate in the connection settings.',
    fr: 'Le serveur a refusé notre certificat client. Vérifiez le certificat dans les réglages de la connexion.',
  },
  TLS_SERVER_UNTRUSTED: {
    en: "The server's certificate is not trusted, so nothing was sent to it.",
    fr: "Le certificat du serveur n'est pas reconnu comme fiable : rien ne lui a été envoyé.",
  },
  TLS_HANDSHAKE_TIMEOUT: {
    en: 'The secure connection was not established in time.',
    fr: "La connexion sécurisée n'a pas été établie à temps.",
  },
  BAD_RESPONSE: { en: 'The server sent an unreadable answer.', fr: 'Le serveur a envoyé une réponse illisible.' },
  REDIRECT: {
    en: 'The server redirected the request elsewhere. Clientdesk never follows redirects, so nothing was sent there; check the base URL.',
    fr: "Le serveur a redirigé la requête ailleurs. Clientdesk ne suit jamais les redirections : rien n'y a été envoyé ; vérifiez l'URL de base.",
  },
  TOO_LARGE: {
    en: "The server's answer is larger than Clientdesk accepts, so it was not read.",
    fr: "La réponse du serveur dépasse la taille acceptée par Clientdesk : elle n'a pas été lue.",
  },
  SERVER: { en: 'The server reported an error.', fr: 'Le serveur a signalé une erreur.' },
  KEYCHAIN_UNAVAILABLE: {
    en: 'The system keychain is unavailable: secrets are kept in memory only until the app closes.',
    fr: "Le trousseau système est indisponible : les secrets restent en mémoire jusqu'à la fermeture.",
  },
  KEY_MISMATCH: { en: 'The encryption key does not match.', fr: 'La clé de chiffrement ne correspond pas.' },
  KEY_MISSING: { en: 'No encryption key is stored for this client.', fr: "Aucune clé de chiffrement n'est enregistrée pour ce client." },
  UNSUPPORTED: { en: 'This connection does not support that action.', fr: 'Cette connexion ne permet pas cette action.' },
  CANCELLED: { en: 'Cancelled.', fr: 'Annulé.' },
  INTERNAL: { en: 'Something went wrong inside Clientdesk.', fr: 'Une erreur interne est survenue dans Clientdesk.' },
};

/**
 * Why main refuses to create, replace or import a key while secrets are memory-only, and what to do
 * (KEYCHAIN_UNAVAILABLE with details.keychain = 'memory-only').
 */
export const KEY_NOT_KEPT_MESSAGE = {
  en:
    'Refused: no system keychain is available, so the key would live in memory only and be lost when Clientdesk quits, ' +
    'while the server would keep secrets that only this key opens. Install or unlock a keyring (GNOME Keyring or KWallet on Linux), then restart Clientdesk.',
  fr:
    "Refusé : aucun trousseau système n'est disponible, la clé ne vivrait qu'en mémoire et serait perdue à la fermeture de Clientdesk, " +
    'alors que le serveur garderait des secrets que seule cette clé ouvre. Installez ou déverrouillez un trousseau (GNOME Keyring ou KWallet sous Linux), puis redémarrez Clientdesk.',
} as const;

/** The one error type main/core throws; the router turns it into an envelope. */
export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;
  constructor(code: ErrorCode, message?: string, details?: ErrorDetails) {
    super(message ?? ERROR_MESSAGES[code].en);
    this.name = 'AppError';
    this.code = code;
    if (details) this.details = details;
  }
  toShape(): AppErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
