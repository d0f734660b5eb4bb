/** Shown once, right after they are made: the server keeps only their hashes. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="recovery-codes-heading" className="mt-6 rounded-lg border border-amber-300 bg-amber-50 p-6">
      <h2 id="recovery-codes-heading" className="text-xl font-semibold">Save your recovery codes now</h2>
      <p className="mt-2 text-slate-800">
        If you lose your phone, each of these codes lets you sign in once in place of a code from the app. Print
        them or keep them in a password manager. This is the only time they are shown.
      </p>
      <ol className="mt-4 grid grid-cols-2 gap-2 font-mono text-lg" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code} className="rounded bg-white px-3 py-1">
            {code}
          </li>
        ))}
      </ol>
    </section>
  )
}
