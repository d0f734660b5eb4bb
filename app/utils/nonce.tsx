import { createContext, useContext } from 'react'

export const NonceContext = createContext<string>('')
export const NonceProvider = NonceContext.Provider

/** The CSP nonce of this response; empty in the browser, where React does not need it again. */
export function useNonce() {
  return useContext(NonceContext)
}
