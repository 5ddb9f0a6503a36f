import { useEffect, useState } from 'react';

/** Hash routes: #/cases, #/cases/new, #/cases/<id>, #/cases/<id>/edit, #/users, #/settings. */

let guardMessage: string | null = null;
let confirmLeave: (message: string) => Promise<boolean> = async (m) => window.confirm(m);
let currentHash = typeof window === 'undefined' ? '' : window.location.hash;

/** A page with unsaved changes sets a message; leaving it (menu, link, back button) then asks first. null clears. */
export function setLeaveGuard(message: string | null) {
  guardMessage = message;
}
/** The shell installs its own confirmation dialog (antd) instead of the browser's. */
export function setLeaveConfirm(fn: (message: string) => Promise<boolean>) {
  confirmLeave = fn;
}

export function useHashRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    currentHash = window.location.hash;
    const on = () => {
      const target = window.location.hash;
      if (target === currentHash) return;
      if (guardMessage) {
        // Stay on the page (and its unsaved work) until the user says to leave.
        history.replaceState(null, '', currentHash || '#/');
        const message = guardMessage;
        void confirmLeave(message).then((leave) => {
          if (!leave) return;
          guardMessage = null;
          window.location.hash = target;
        });
        return;
      }
      currentHash = target;
      setParts(read());
    };
    const unload = (e: BeforeUnloadEvent) => {
      if (guardMessage) e.preventDefault();
    };
    window.addEventListener('hashchange', on);
    window.addEventListener('beforeunload', unload);
    return () => {
      window.removeEventListener('hashchange', on);
      window.removeEventListener('beforeunload', unload);
    };
  }, []);
  return parts;
}

export const go = (path: string) => {
  window.location.hash = `#/${path}`;
};
