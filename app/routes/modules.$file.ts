import type { LoaderFunctionArgs } from '@remix-run/node'
import { moduleAccess } from '~/domain/reader'
import { getCompiledModule, moduleScript } from '~/utils/content.server'
import { requireModuleViewer } from '~/utils/reader.server'

/** A module's compiled MDX as an ES module, for the browser (CSP allows same-origin scripts, not eval). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const match = /^([a-z0-9-]+)\.([0-9a-f]{16})\.js$/.exec(params.file ?? '')
  const compiled = match ? getCompiledModule(match[1]) : null
  if (!match || !compiled || compiled.contentHash !== match[2]) throw new Response('Not found', { status: 404 })
  const { viewer } = await requireModuleViewer(request)
  if (!moduleAccess(viewer, compiled)) throw new Response('Not found', { status: 404 })
  return new Response(moduleScript(compiled), {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      // The hash in the name changes with the content; only the signed-in browser keeps a copy.
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  })
}
