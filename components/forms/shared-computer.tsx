'use client';

import { createContext, useContext, type ReactNode } from 'react';

const SharedComputer = createContext(false);

/** True on a browser marked as a shared computer: fields then ask the browser not to remember what is typed. */
export const useSharedComputer = () => useContext(SharedComputer);

export function SharedComputerProvider({ shared, children }: { shared: boolean; children: ReactNode }) {
  return <SharedComputer.Provider value={shared}>{children}</SharedComputer.Provider>;
}
