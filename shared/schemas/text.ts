import { z } from 'zod';

export const ILL_FORMED_TEXT_MESSAGE = 'Contains an invalid character (an unpaired UTF-16 surrogate)';

/**
 * The one string builder for channel inputs. A lone surrogate is a valid JS string but no valid text:
 * it cannot be URL-encoded, written as UTF-8 or sent to a server, so the contract refuses it up front.
 * Output schemas keep plain `z.string()`: a server's odd text must not turn a read into an error.
 */
export function text(): z.ZodString {
  return z.string().refine((value) => value.isWellFormed(), ILL_FORMED_TEXT_MESSAGE);
}
