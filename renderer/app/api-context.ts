/** Components get the MailApi from context, so nothing below main.tsx reaches for a global. */
import { createContext, useContext } from 'react';
import type { MailApi } from '../../shared/contract';

export const ApiContext = createContext<MailApi | null>(null);

export function useApi(): MailApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiContext>');
  return api;
}
