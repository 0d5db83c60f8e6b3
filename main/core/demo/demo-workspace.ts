import type { Connection } from '../../../shared/schemas/connections';
import type { ConnectionService } from '../connections/connection-service';
import type { ConnectionRecords } from '../connections/connection-records';
import type { Keychain } from '../vault';
import { accountFor } from '../vault';
import { startFactPulseSandbox } from '../sandbox/factpulse';
import type { FactPulseSandbox, SandboxState } from '../sandbox/factpulse';
import type { Logger } from '../log';

export const DEMO_LABEL = 'Demo workspace (sandbox)';
const DEMO_CLIENTS = 60;

export interface DemoWorkspace {
  /** Starts the built-in sandbox and adds a connection to it (or returns the existing demo connection). */
  start(): Promise<Connection>;
  /** At start-up: brings back the sandbox of every demo connection, on the same port when it is free. */
  resumeExisting(): Promise<void>;
  sandboxFor(connectionId: string): FactPulseSandbox | undefined;
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
}): DemoWorkspace {
  const running = new Map<string, FactPulseSandbox>();
  const suspended = new Map<string, SandboxState>();

  async function start(): Promise<Connection> {
    const existing = deps.records.all().find((c) => c.demo);
    if (existing) {
      if (!running.has(existing.id)) await resumeOne(existing.id);
      return deps.connections.toView(deps.records.find(existing.id) ?? existing);
    }
    const sandbox = await startFactPulseSandbox({ clients: DEMO_CLIENTS });
    const connection = await deps.connections.add(
      {
        label: DEMO_LABEL,
        provider: 'factpulse',
        baseUrl: sandbox.url,
        auth: { method: 'apiKey', apiKey: sandbox.credentials.apiKey },
      },
      { demo: true },
    );
    running.set(connection.id, sandbox);
    deps.log(`demo workspace started at ${sandbox.url}`);
    return connection;
  }

  async function resumeOne(connectionId: string): Promise<void> {
    const stored = deps.records.find(connectionId);
    if (!stored) return;
    const apiKey = (await deps.keychain.get(accountFor(connectionId, 'apiKey'))) ?? undefined;
    const port = Number(new URL(stored.baseUrl).port) || 0;
    const state = suspended.get(connectionId);
    const options = { clients: DEMO_CLIENTS, apiKey, ...(state ? { state } : {}) };
    let sandbox: FactPulseSandbox;
    try {
      sandbox = await startFactPulseSandbox({ ...options, port });
    } catch {
      sandbox = await startFactPulseSandbox(options);
    }
    suspended.delete(connectionId);
    running.set(connectionId, sandbox);
    if (sandbox.url !== stored.baseUrl) {
      await deps.connections.update({ id: connectionId, baseUrl: sandbox.url });
    }
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
    const sandbox = running.get(connectionId);
    running.delete(connectionId);
    await sandbox?.close();
  }

  async function suspendFor(connectionId: string): Promise<void> {
    const sandbox = running.get(connectionId);
    if (!sandbox) return;
    suspended.set(connectionId, sandbox.state);
    await stopFor(connectionId);
  }

  async function restartFor(connectionId: string): Promise<void> {
    if (running.has(connectionId)) return;
    await resumeOne(connectionId);
  }

  async function close(): Promise<void> {
    await Promise.all([...running.keys()].map(stopFor));
  }

  return { start, resumeExisting, sandboxFor: (id) => running.get(id), stopFor, suspendFor, restartFor, close };
}
