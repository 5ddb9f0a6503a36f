import { createContext, useContext } from 'react';
import type { UserView } from '../../../src/api';

export const SessionContext = createContext<{ user: UserView; logout: () => void } | null>(null);

export function useSession() {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside the logged-in shell');
  return s;
}
