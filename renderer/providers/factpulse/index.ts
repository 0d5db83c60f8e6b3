import { siretNeedsWarning } from '../../forms/siret';
import type { RendererExtension } from '../extension';
import { PdpPanel } from './PdpPanel';
import { WebhookPanel } from './WebhookPanel';

/** PDP configuration and webhook secret panels; the SIRET checksum warning and hint. */
export const factpulseExtension: RendererExtension = {
  clientPanels: [
    { id: 'pdp', requires: 'pdpConfig', Component: PdpPanel },
    { id: 'webhook', requires: 'webhookSecret', Component: WebhookPanel },
  ],
  fieldWarnings: { identifier: { check: siretNeedsWarning, messageKey: 'clients.siretChecksum', shortKey: 'clients.siretChecksumShort' } },
  fieldHints: { identifier: 'clients.siretHint' },
};
