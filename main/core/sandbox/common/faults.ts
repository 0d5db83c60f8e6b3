/** Faults the tests and the demo's "simulate outage" inject into a sandbox. */
export interface SandboxFaults {
  latencyMs?: number;
  /** Answer with this status instead of handling the request. */
  status?: number;
  retryAfterSeconds?: number;
  /** Destroy the socket without answering. */
  reset?: boolean;
  /** Send a cut-off JSON body. */
  truncate?: boolean;
  /** Handle the request (state changes) and then drop the connection: the caller never learns the outcome. */
  dropAfterApply?: boolean;
  /** Only requests whose "METHOD path" matches. */
  pathPattern?: RegExp;
  /** How many matching requests the fault applies to (default: until cleared). */
  times?: number;
}

/** What a sandbox exposes to set and clear its faults. */
export interface SandboxFaultSwitch {
  set(f: SandboxFaults): void;
  clear(): void;
  readonly current: SandboxFaults | null;
}

export interface FaultSwitch extends SandboxFaultSwitch {
  /** The fault that applies to this request, counting it against `times`; null when none does. */
  take(method: string, path: string): SandboxFaults | null;
}

export function createFaultSwitch(): FaultSwitch {
  let faults: SandboxFaults | null = null;
  return {
    set: (f) => {
      faults = { ...f };
    },
    clear: () => {
      faults = null;
    },
    get current() {
      return faults;
    },
    take(method, path) {
      if (!faults) return null;
      if (faults.pathPattern && !faults.pathPattern.test(`${method} ${path}`)) return null;
      if (faults.times !== undefined) {
        if (faults.times <= 0) return null;
        faults.times--;
      }
      return faults;
    },
  };
}
