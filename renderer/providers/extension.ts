import type { ComponentType } from 'react';
import type { Capability, ClientRecord } from '../../shared/domain';

/** What a client panel receives: the client as the detail shows it, and a way to have it loaded again. */
export interface ClientPanelProps {
  connectionId: string;
  remoteId: string;
  record: ClientRecord;
  onChanged(): void;
}

export interface ClientPanel {
  id: string;
  /** Shown only when the connection has this capability. */
  requires?: Capability;
  Component: ComponentType<ClientPanelProps>;
}

/** A non-blocking check of a form value (e.g. a checksum), with its i18n keys for the form and the detail. */
export interface FieldWarning {
  check(value: string): boolean;
  messageKey: string;
  shortKey: string;
}

/** What a provider adds to the generic Clients screens beyond its descriptor. */
export interface RendererExtension {
  clientPanels: readonly ClientPanel[];
  /** Keyed by descriptor field key (`identifier`, `extra.x`). */
  fieldWarnings?: Readonly<Record<string, FieldWarning>>;
  fieldHints?: Readonly<Record<string, string>>;
}

export const NO_EXTENSION: RendererExtension = { clientPanels: [] };
