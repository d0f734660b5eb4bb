import { createContext, useContext } from 'react'
import type { EquityPhase } from '~/domain/content-manifest'
import type { FellowTrack } from '~/domain/curriculum'

export type ReaderState = {
  slug: string
  /** edit: the fellow's own current module; read: coaches, staff, and a fellow's earlier year. */
  mode: 'edit' | 'read'
  answers: Record<string, string>
  sectionsDone: string[]
  /** The fellow's track; null shows every variant, labelled (coaches and staff). */
  track: FellowTrack | null
  equityPhases: Record<string, EquityPhase>
}

const ReaderContext = createContext<ReaderState | null>(null)
export const ReaderProvider = ReaderContext.Provider

export function useReader() {
  const state = useContext(ReaderContext)
  if (!state) throw new Error('Module components render only inside the module reader.')
  return state
}
