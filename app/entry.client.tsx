import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { loadModuleScriptsOnPage } from './components/mdx/registry'

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  })
}

// A module page's MDX is imported before hydration so the client renders what the server did.
loadModuleScriptsOnPage().then(hydrate, (error: unknown) => {
  console.error(error)
  hydrate()
})
