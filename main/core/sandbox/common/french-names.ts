import { pickWith } from './random';

// Sample French companies, places and people for the sandboxes' seed data.
export const TRADES = [
  'Boulangerie', 'Atelier', 'Cabinet', 'Transports', 'Pharmacie', 'Librairie', 'Garage', 'Fromagerie',
  'Menuiserie', 'Imprimerie', 'Brasserie', 'Studio', 'Laboratoire', 'Épicerie', 'Conseil', 'Agence',
];
export const PLACES = [
  'Dupont', 'Martin', 'du Port', 'Lefèvre', 'des Halles', 'Moreau', 'Saint-Michel', 'Garnier',
  'de la Gare', 'Rousseau', 'Bellevue', 'Fontaine', 'Mercier', 'du Marché', 'Lambert', 'Chevalier',
];
export const CITIES = ['Paris', 'Lyon', 'Nantes', 'Lille', 'Bordeaux', 'Rennes', 'Toulouse', 'Grenoble', 'Dijon', 'Brest'];
export const FIRST_NAMES = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Louis', 'Manon', 'Jules', 'Inès', 'Gabriel', 'Zoé', 'Arthur', 'Élise'];
export const LAST_NAMES = ['Dupont', 'Martin', 'Lefèvre', 'Moreau', 'Garnier', 'Rousseau', 'Fontaine', 'Mercier', 'Lambert', 'Chevalier', 'Bernard', 'Faure'];

/** "Trade Place", numbered when the workspace is large enough for the names to repeat often. */
export function companyName(random: () => number, index: number, count: number): string {
  return `${pickWith(random, TRADES)} ${pickWith(random, PLACES)}${count > 200 ? ` ${index + 1}` : ''}`;
}

/** Lower-case ASCII for e-mail addresses and slugs ("Élise Lefèvre" → "elise lefevre"). */
export function asciiLower(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
