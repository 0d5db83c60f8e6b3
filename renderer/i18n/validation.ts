/** French for the English messages of the shared zod schemas and the core's field errors. */
const FR: Record<string, string> = {
  'Label is required': 'Le libellé est obligatoire',
  'Label is at most 120 characters': 'Le libellé fait au plus 120 caractères',
  'Base URL is required': "L'URL de base est obligatoire",
  Required: 'Obligatoire',
  'Must be a UUID': 'Doit être un UUID',
  'Username is required': "Le nom d'utilisateur est obligatoire",
  'Name is required': 'Le nom est obligatoire',
  'Name is at most 255 characters': 'Le nom fait au plus 255 caractères',
  'SIRET must be exactly 14 digits': 'Le SIRET doit comporter exactement 14 chiffres',
  'Description is at most 1000 characters': 'La description fait au plus 1000 caractères',
  'Must be a URL': 'Doit être une URL',
  'Must start with http:// or https://': 'Doit commencer par http:// ou https://',
  'OAuth client id is required': "L'identifiant client OAuth est obligatoire",
  'Client secret is required': 'Le secret client est obligatoire',
  'Use the Keys screen for double mode.': "Utilisez l'écran Clés pour le mode double.",
  'Required: nothing is stored for this method yet.': "Obligatoire : rien n'est encore enregistré pour cette méthode.",
  'Not a valid URL (example: https://factpulse.fr).': "URL non valide (exemple : https://factpulse.fr).",
  'Only http:// and https:// URLs are supported.': 'Seules les URL http:// et https:// sont acceptées.',
  'Plain http:// is only allowed for localhost; use https://.': "http:// n'est permis que pour localhost ; utilisez https://.",
};

/** Messages the descriptors' schemas give as keys (shared/providers/field-schema.ts), in both languages. */
const KEYS: Record<string, { en: string; fr: string }> = {
  'validation.required': { en: 'Required', fr: 'Obligatoire' },
  'validation.tooShort': { en: 'Too short', fr: 'Trop court' },
  'validation.tooLong': { en: 'Too long', fr: 'Trop long' },
  'validation.tooMany': { en: 'Too many entries', fr: "Trop d'entrées" },
  'validation.integer': { en: 'Must be a whole number', fr: 'Doit être un nombre entier' },
  'validation.tooSmall': { en: 'Too small', fr: 'Trop petit' },
  'validation.tooLarge': { en: 'Too large', fr: 'Trop grand' },
  'validation.email': { en: 'Not an email address', fr: "Ce n'est pas une adresse e-mail" },
  'validation.url': { en: 'Must start with http:// or https://', fr: 'Doit commencer par http:// ou https://' },
  'validation.uuid': { en: 'Must be a UUID', fr: 'Doit être un UUID' },
  'validation.format': { en: 'Not in the expected format', fr: "N'a pas le format attendu" },
  'validation.unknownMethod': { en: 'Choose an authentication method', fr: "Choisissez une méthode d'authentification" },
  'validation.nameTaken': { en: 'Another client already has this name', fr: 'Un autre client porte déjà ce nom' },
  'validation.partnerUnknown': { en: 'The server does not know one of these partners: check its id or name', fr: 'Le serveur ne connaît pas l’un de ces partenaires : vérifiez son id ou son nom' },
  'validation.partnerRequired': { en: 'Give the direct partner by id or by name', fr: 'Indiquez le partenaire direct par son id ou son nom' },
  'validation.confirmName': { en: 'Type the client’s name exactly', fr: 'Saisissez exactement le nom du client' },
  'providers.factpulse.validation.siret': { en: 'SIRET must be exactly 14 digits', fr: 'Le SIRET doit comporter exactement 14 chiffres' },
  'providers.sites.validation.headerName': {
    en: 'A header name: letters, digits and - only',
    fr: "Un nom d'en-tête : lettres, chiffres et - uniquement",
  },
};

export function localizeValidation(message: string, language: string): string {
  const keyed = KEYS[message];
  if (keyed) return language === 'fr' ? keyed.fr : keyed.en;
  return language === 'fr' ? (FR[message] ?? message) : message;
}
