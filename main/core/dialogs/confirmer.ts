import { AppError } from '../../../shared/errors';

/** One question put to the user by main, in their language; the renderer never answers it. */
export interface ConfirmRequest {
  title: string;
  message: string;
  detail: string;
  confirmLabel: string;
  cancelLabel: string;
}

/** A native message box in Electron; whatever a test or a terminal provides in plain Node. */
export interface Confirmer {
  confirm(request: ConfirmRequest): Promise<boolean>;
}

export const NO_CONFIRMER_MESSAGE =
  'This window cannot ask for your confirmation (there is no native dialog outside the desktop app), so no key is revealed or copied here. Use the desktop app.';

/** Plain Node without an injected confirmer: never approves, and says why instead of a silent no. */
export function createUnavailableConfirmer(): Confirmer {
  return {
    async confirm() {
      throw new AppError('UNSUPPORTED', NO_CONFIRMER_MESSAGE);
    },
  };
}
