import { i18n } from '../i18n';
import type { StateCreator } from 'zustand';
import type { StoreState } from './store';

export interface Toast {
  id: number;
  kind: 'success' | 'error';
  text: string;
  /** The language the text was written in: a language switch hides it rather than show it mixed. */
  language: string;
}

export interface ToastSlice {
  toasts: Toast[];
  toast(kind: Toast['kind'], text: string): void;
  dismissToast(id: number): void;
}

let nextId = 1;
const TOAST_MS = 5000;

export const createToastSlice: StateCreator<StoreState, [], [], ToastSlice> = (set) => ({
  toasts: [],
  toast(kind, text) {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts.slice(-1), { id, kind, text, language: i18n.language }] }));
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), TOAST_MS);
  },
  dismissToast(id) {
    set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
  },
});
