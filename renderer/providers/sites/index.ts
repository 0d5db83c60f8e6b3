import type { RendererExtension } from '../extension';
import { SitesTablePanel } from './SitesTablePanel';

/** The detail's table of the client's sites. */
export const sitesExtension: RendererExtension = {
  clientPanels: [{ id: 'sites', Component: SitesTablePanel }],
};
