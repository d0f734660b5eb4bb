/** A labelled progress bar; the native element needs no inline style, which the CSP forbids. */
export function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  const percent = max === 0 ? 0 : Math.round((value / max) * 100)
  return (
    <div>
      <div className="flex justify-between text-sm text-slate-700">
        <span id="progress-label">{label}</span>
        <span>
          {value} of {max} ({percent}%)
        </span>
      </div>
      <progress
        aria-labelledby="progress-label"
        value={value}
        max={max}
        className="mt-1 block h-3 w-full appearance-none overflow-hidden rounded-full [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-brand-600"
      >
        {percent}%
      </progress>
    </div>
  )
}
