import * as common from './common';
import * as directory from './directory';
import * as factpulse from './factpulse';
import * as sites from './sites';
import * as tokenization from './tokenization';

type Bundle = { en: { providers: Record<string, unknown> }; fr: { providers: Record<string, unknown> } };

/** Each provider keeps its strings under `providers.<id>` in its own file (one line here per provider). */
const BUNDLES: Bundle[] = [common, factpulse, sites, tokenization, directory];

export const en = { providers: Object.assign({}, ...BUNDLES.map((b) => b.en.providers)) };
export const fr = { providers: Object.assign({}, ...BUNDLES.map((b) => b.fr.providers)) };
