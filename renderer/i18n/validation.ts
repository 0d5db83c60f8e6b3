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

export function localizeValidation(message: string, language: string): string {
  return language === 'fr' ? (FR[message] ?? message) : message;
}
