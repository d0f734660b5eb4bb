import type { LoaderFunctionArgs } from '@remix-run/node'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { FishboneDiagram } from '~/components/tools/fishbone-diagram'
import { buildFishboneTree, svgFileName } from '~/domain/fishbone'
import { getFishbone } from '~/models/fishbone.server'
import { requireUser } from '~/utils/auth.server'
import { requireArtifactAccess } from '~/utils/artifacts.server'

/** The fishbone as a standalone SVG file (the page's drawing, with the whole outline as text), for the people who may read it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { artifact } = await requireArtifactAccess(user, params.id ?? '', 'fishbone')
  const fishbone = await getFishbone({ artifactId: artifact.id })
  if (!fishbone) throw new Response('Not found', { status: 404 })
  const drawing = createElement(FishboneDiagram, {
    title: artifact.title,
    problem: fishbone.problem,
    bones: buildFishboneTree(fishbone.bones, fishbone.causes),
    withOutline: true,
  })
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${renderToStaticMarkup(drawing)}\n`
  return new Response(body, {
    headers: {
      'Content-Type': 'image/svg+xml; charset=utf-8',
      'Content-Disposition': `attachment; filename="${svgFileName(artifact.title)}"`,
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
