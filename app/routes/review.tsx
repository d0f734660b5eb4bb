import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { ReviewQueue } from '~/components/review-queue'
import { listReviewQueue } from '~/models/submission.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Waiting for review · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'coach', 'staff', 'admin')
  const queue = await listReviewQueue({ coachId: user.role === 'coach' ? user.id : null })
  return json({ queue, scope: user.role === 'coach' ? 'your caseload' : 'every cohort' })
}

export default function Review() {
  const { queue, scope } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Waiting for review">
        <p>Submissions from {scope}, oldest first.</p>
      </PageHeader>
      <ReviewQueue queue={queue} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
