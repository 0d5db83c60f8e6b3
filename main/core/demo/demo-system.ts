import type { ProviderId } from '../../../shared/domain';
import type { ConnectionAdd } from '../../../shared/schemas/connections';

/** A running sandbox behind a demo connection. */
export interface DemoServer {
  url: string;
  port: number;
  /** The sandbox's in-memory data, kept to bring it back after a simulated outage. */
  state: unknown;
  close(): Promise<void>;
}

/** What the demo workspace needs to know about one provider's sandbox (each lives beside its sandbox). */
export interface DemoSystem {
  provider: ProviderId;
  label: string;
  /** Starts the sandbox: fresh (`secret` answers null), or again with the credentials stored for it (and its data, after an outage). */
  start(opts: { port?: number; state?: unknown; secret: (slot: string) => Promise<string | null> }): Promise<DemoServer>;
  /** The connection to add for a fresh sandbox (its credentials go to the keychain like any others). */
  connection(server: DemoServer): Pick<ConnectionAdd, 'auth' | 'settings'>;
  /** A sandbox with mutual TLS: the client certificate (and CA) it issued at this start, attached to its connection. */
  clientCertificate?(server: DemoServer): { certPem: string; keyPem: string; caPem: string };
}
