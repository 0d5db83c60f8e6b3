import { create } from 'zustand';

/** Which keyboard overlay is open: the command palette, the shortcuts list, or neither. */
export const useOverlay = create<{ open: 'palette' | 'help' | null }>(() => ({ open: null }));

export const openOverlay = (open: 'palette' | 'help') => useOverlay.setState({ open });
export const closeOverlay = () => useOverlay.setState({ open: null });
