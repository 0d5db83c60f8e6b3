import type { ProviderId } from '../domain';
import type { ProviderDescriptor } from './descriptor';
import { directoryDescriptor } from './directory';
import { factpulseDescriptor } from './factpulse';
import { sitesDescriptor } from './sites';
import { tokenizationDescriptor } from './tokenization';

export type { ProviderDescriptor } from './descriptor';

export const DESCRIPTORS: Readonly<Record<ProviderId, ProviderDescriptor>> = {
  factpulse: factpulseDescriptor,
  sites: sitesDescriptor,
  tokenization: tokenizationDescriptor,
  directory: directoryDescriptor,
};

export function descriptorFor(id: ProviderId): ProviderDescriptor {
  return DESCRIPTORS[id];
}
