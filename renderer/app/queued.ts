import { BridgeError } from './bridge';

/** The server was unreachable and the write was saved in the outbox instead (it will be sent on reconnect). */
export function isQueuedWrite(err: unknown): boolean {
  return err instanceof BridgeError && err.shape.code === 'OFFLINE' && err.shape.details?.queued === true;
}
