import type { ProviderId } from '../../shared/domain';
import { NO_EXTENSION } from './extension';
import type { RendererExtension } from './extension';
import { factpulseExtension } from './factpulse';
import { sitesExtension } from './sites';

export type { ClientPanel, ClientPanelProps, FieldWarning, RendererExtension } from './extension';

/** One line per provider that adds panels or form hints to the generic Clients screens. */
const EXTENSIONS: Partial<Record<ProviderId, RendererExtension>> = {
  factpulse: factpulseExtension,
  sites: sitesExtension,
};

export function extensionFor(provider: ProviderId | undefined): RendererExtension {
  return (provider && EXTENSIONS[provider]) || NO_EXTENSION;
}
