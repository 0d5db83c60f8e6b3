import type { ProviderId } from '../../../shared/domain';
import type { Connection } from '../../../shared/schemas/connections';
import type { ConnectionService } from '../connections/connection-service';
import type { ConnectionRecords } from '../connections/connection-records';
import type { Keychain } from '../vault';
import { credentialAccount } from '../vault/slots';
import type { FactPulseSandbox } from '../sandbox/factpulse';
import type { Logger } from '../log';
import { DEMO_SYSTEMS, demoSystemFor } from './demo-systems';
import type { DemoServer, DemoSystem } from './demo-system';

export const DEMO_LABEL = DEMO_SYSTEMS[0]!.label;

export interface DemoWorkspace {
  /**
   * Starts the built-in sandboxes and adds a connection to each (or brings back the existing ones); answers the
   * first system's connection. `systems` limits which are started (default: all).
   */
  start(systems?: readonly ProviderId[]): Promise<Connection>;
  /** At start-up: brings back the sandbox of every demo connection, on the same port when it is free. */
  resumeExisting(): Promise<void>;
  /** The FactPulse sandbox behind a demo connection (tests and the outage simulation reach into its state). */
  sandboxFor(connectionId: string): FactPulseSandbox | undefined;
  serverFor(connectionId: string): DemoServer | undefined;
  stopFor(connectionId: string): Promise<void>;
  /** Simulates an outage: stops the sandbox but keeps its clients for `restartFor`. */
  suspendFor(connectionId: string): Promise<void>;
  /** Brings a suspended (or stopped) sandbox back on the same port, with the clients it had. */
  restartFor(connectionId: string): Promise<void>;
  close(): Promise<void>;
}

export function createDemoWorkspace(deps: {
  connections: ConnectionService;
  records: ConnectionRecords;
  keychain: Keychain;
  log: Logger;
  /** Keeps a sandbox's client certificate with its connection (mutual-TLS sandboxes issue a new one at each start). */
  attachCertificate?: (connectionId: string, material: { certPem: string; keyPem: string; caPem: string }) => Promise<void>;
}): DemoWorkspace {
  async function attachCertificate(system: DemoSystem, connectionId: string, server: DemoServer): Promise<void> {
    const material = system.clientCertificate?.(server);
    if (material) await deps.attachCertificate?.(connectionId, material);
  }

  const running = new Map<string, DemoServer>();
  const suspended = new Map<string, unknown>();

  async function startFresh(provider: ProviderId): Promise<Connection> {
    const system = demoSystemFor(provider)!;
    const server = await system.start({ secret: async () => null });
    try {
      const connection = await deps.connections.add(
        { label: system.label, provider, baseUrl: server.url, ...system.connection(server) },
        { demo: true },
      );
      running.set(connection.id, server);
      await attachCertificate(system, connection.id, server);
      deps.log(`demo workspace: ${provider} sandbox started at ${server.url}`);
      return connection;
    } catch (err) {
      await server.close();
      throw err;
    }
  }

  async function start(systems: readonly ProviderId[] = DEMO_SYSTEMS.map((s) => s.provider)): Promise<Connection> {
    const answers: Connection[] = [];
    for (const system of DEMO_SYSTEMS.filter((s) => systems.includes(s.provider))) {
      const existing = deps.records.all().find((c) => c.demo && c.provider === system.provider);
      if (!existing) {
        answers.push(await startFresh(system.provider));
        continue;
      }
      if (!running.has(existing.id)) await resumeOne(existing.id);
      answers.push(await deps.connections.toView(deps.records.find(existing.id) ?? existing));
    }
    return answers[0]!;
  }

  async function resumeOne(connectionId: string): Promise<void> {
    const stored = deps.records.find(connectionId);
    const system = stored && demoSystemFor(stored.provider);
    if (!stored || !system) return;
    const secret = (slot: string) => deps.keychain.get(credentialAccount(connectionId, slot));
    const port = Number(new URL(stored.baseUrl).port) || 0;
    const state = suspended.get(connectionId);
    let server: DemoServer;
    try {
      server = await system.start({ port, state, secret });
    } catch {
      server = await system.start({ state, secret });
    }
    suspended.delete(connectionId);
    running.set(connectionId, server);
    if (server.url !== stored.baseUrl) await deps.connections.update({ id: connectionId, baseUrl: server.url });
    await attachCertificate(system, connectionId, server);
  }

  async function resumeExisting(): Promise<void> {
    for (const connection of deps.records.all().filter((c) => c.demo)) {
      try {
        await resumeOne(connection.id);
      } catch (err) {
        deps.log(`demo workspace could not restart: ${String(err)}`);
      }
    }
  }

  async function stopFor(connectionId: string): Promise<void> {
    const server = running.get(connectionId);
    running.delete(connectionId);
    await server?.close();
  }

  async function suspendFor(connectionId: string): Promise<void> {
    const server = running.get(connectionId);
    if (!server) return;
    suspended.set(connectionId, server.state);
    await stopFor(connectionId);
  }

  async function restartFor(connectionId: string): Promise<void> {
    if (running.has(connectionId)) return;
    await resumeOne(connectionId);
  }

  async function close(): Promise<void> {
    await Promise.all([...running.keys()].map(stopFor));
  }

  return {
    start,
    resumeExisting,
    sandboxFor: (id) => (deps.records.find(id)?.provider === 'factpulse' ? (running.get(id) as FactPulseSandbox | undefined) : undefined),
    serverFor: (id) => running.get(id),
    stopFor,
    suspendFor,
    restartFor,
    close,
  };
}
