/**
 * Copies text to the clipboard: the async Clipboard API where the page is a secure context,
 * else a one-off `copy` event (works from the click that asked for it).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the copy-event path
  }
  return copyViaEvent(text);
}

function copyViaEvent(text: string): boolean {
  let done = false;
  const onCopy = (e: ClipboardEvent) => {
    e.clipboardData?.setData('text/plain', text);
    e.preventDefault();
    done = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } catch {
    done = false;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
  return done;
}

const SECRET_CLEAR_MS = 30_000;
let clearTimer: ReturnType<typeof setTimeout> | undefined;

/** Copies a secret and clears the clipboard 30 s later (best effort), whatever screen is open then. */
export async function copySecret(text: string): Promise<boolean> {
  const ok = await copyText(text);
  if (ok) {
    clearTimeout(clearTimer);
    clearTimer = setTimeout(() => void copyText(''), SECRET_CLEAR_MS);
  }
  return ok;
}
