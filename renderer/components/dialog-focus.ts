const CANDIDATES = 'a[href], button, input, select, textarea, [tabindex]';

/** The elements Tab stops on inside `root`, in order (one radio per group: the checked one, else the first). */
export function tabbables(root: HTMLElement): HTMLElement[] {
  const radioGroups = new Map<string, HTMLInputElement[]>();
  const found = [...root.querySelectorAll<HTMLElement>(CANDIDATES)].filter((el) => {
    if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest('[inert]')) return false;
    if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
    if (el.getClientRects().length === 0) return false;
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      radioGroups.set(el.name, [...(radioGroups.get(el.name) ?? []), el]);
    }
    return true;
  });
  return found.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    const group = radioGroups.get(el.name)!;
    const checked = group.find((r) => r.checked);
    return el === (checked ?? group[0]);
  });
}

/**
 * Tab and Shift+Tab wrap inside the dialog, so focus never leaves it. Returns true when it moved focus
 * (the caller then cancels the browser's own move).
 */
export function wrapTab(root: HTMLElement, backwards: boolean): boolean {
  const items = tabbables(root);
  const active = document.activeElement;
  if (items.length === 0) return true;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const inside = active instanceof HTMLElement && root.contains(active) && active !== root;
  if (backwards && (!inside || active === first)) {
    last.focus();
    return true;
  }
  if (!backwards && (!inside || active === last)) {
    first.focus();
    return true;
  }
  return false;
}
