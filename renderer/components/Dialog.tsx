import { useEffect, useId, useRef } from 'react';
import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { focusHeading } from '../app/focus-heading';
import { tabbables, wrapTab } from './dialog-focus';
import './dialog.css';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  actions?: ReactNode;
  /**
   * What Enter does: the dialog is a form and its submit button (`type="submit"` in `actions`) or Enter in
   * one of its fields runs this. Without it, Enter only activates the focused button.
   */
  onSubmit?(): void;
  testId?: string;
  className?: string;
}

/**
 * A modal dialog (the native <dialog> opened with showModal, so nothing behind it can be reached): labelled,
 * focus moved inside on open and wrapping on Tab/Shift+Tab, Escape closes from anywhere in it, Enter
 * submits its form, and focus goes back to what opened it.
 */
export function Dialog({ title, onClose, children, actions, onSubmit, testId, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? tabbables(dialog)[0])?.focus();
    // Escape when focus is not in a field of ours (e.g. after a click on the backdrop) arrives as `cancel`.
    const cancel = (e: Event) => {
      e.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      if (opener?.isConnected && !opener.closest('[inert]')) opener.focus();
      else if (!document.activeElement || document.activeElement === document.body) focusHeading();
    };
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLDialogElement>) {
    // A dialog opened from inside this one handles its own keys.
    if (e.defaultPrevented || (e.target as HTMLElement).closest('dialog') !== ref.current) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      close.current();
    } else if (e.key === 'Tab' && wrapTab(ref.current!, e.shiftKey)) {
      e.preventDefault();
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    e.stopPropagation();
    onSubmit?.();
  }

  return (
    <dialog ref={ref} className={className ? `dialog ${className}` : 'dialog'} aria-labelledby={titleId} data-testid={testId} onKeyDown={onKeyDown}>
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {children}
        {actions && <div className="actions dialog-actions">{actions}</div>}
      </form>
    </dialog>
  );
}
