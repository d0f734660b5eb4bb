/**
 * The server half of the sign-in page (app/routes/login.tsx); see docs/decisions/0016.
 */
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { SignInSchema } from '~/domain/account-schemas'
import { homePathFor } from '~/domain/roles'
import { afterPassword, secondFactorStep } from '~/domain/session-rules'
import { signIn } from '~/utils/accounts.server'
import { requireAnonymous, safeRedirect } from '~/utils/auth.server'
import { createUserSession } from '~/utils/session.server'
import { readForm } from '~/utils/request.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return json({})
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: SignInSchema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const result = await signIn(request, email, password)
  if (!result.ok) {
    return json(submission.reply({ formErrors: [result.message], hideFields: ['password'] }), {
      status: result.status,
    })
  }
  // The password just given counts as re-authentication for the next ten minutes.
  const cookie = await createUserSession(request, result.user.id, { secondFactorVerified: false, reauthenticated: true })
  const destination = safeRedirect(redirectTo, homePathFor(result.user.role))
  return redirect(afterPassword(secondFactorStep(result.user, false), destination), {
    headers: { 'Set-Cookie': cookie },
  })
}
