import { Form } from '@remix-run/react'

/**
 * The one button that deactivates an account (or reactivates a deactivated one). Deactivating
 * signs the person out everywhere; their work stays.
 */
export function AccountStatusForm({ userId, name, status }: { userId?: string; name: string; status: 'active' | 'invited' | 'deactivated' }) {
  const intent = status === 'deactivated' ? 'reactivate' : 'deactivate'
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {userId ? <input type="hidden" name="userId" value={userId} /> : null}
      <button
        type="submit"
        className={
          intent === 'deactivate'
            ? 'rounded border border-red-800 bg-white px-2 py-1 text-sm font-semibold text-red-800 hover:bg-red-50'
            : 'rounded border border-brand-700 bg-white px-2 py-1 text-sm font-semibold text-brand-800 hover:bg-brand-50'
        }
      >
        {intent === 'deactivate' ? 'Deactivate' : 'Reactivate'}
        <span className="sr-only"> {name}</span>
      </button>
    </Form>
  )
}
