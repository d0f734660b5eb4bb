import { useSyncExternalStore } from 'react'

function subscribe() {
  return () => {}
}

/**
 * A Print button once JavaScript is running; before that (or without it) the words say how to
 * print, since the print layout itself needs no script.
 */
export function PrintButton() {
  const scripted = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
  if (!scripted) return <span className="text-sm text-slate-700">To print, use your browser’s Print command.</span>
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100">
      Print
    </button>
  )
}
