import type { ProviderId } from '../../../shared/domain';
import { directoryDemo } from '../sandbox/directory/demo';
import { factpulseDemo } from '../sandbox/factpulse/demo';
import { sitesDemo } from '../sandbox/sites/demo';
import { tokenizationDemo } from '../sandbox/tokenization/demo';
import type { DemoSystem } from './demo-system';

/** The sandboxes the demo workspace starts, in the order their connections are added (one line each). */
export const DEMO_SYSTEMS: readonly DemoSystem[] = [factpulseDemo, sitesDemo, tokenizationDemo, directoryDemo];

export function demoSystemFor(provider: ProviderId): DemoSystem | undefined {
  return DEMO_SYSTEMS.find((s) => s.provider === provider);
}
