/**
 * Every v3 flag the classic compiler supports. v3_routeConfig is Vite-only (the compiler throws on
 * it without Vite); flat-file routes are already its default (docs/decisions/0001).
 */
export const future = {
  v3_fetcherPersist: true,
  v3_relativeSplatPath: true,
  v3_throwAbortReason: true,
  v3_lazyRouteDiscovery: true,
  v3_singleFetch: true,
}

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ['**/.*', '**/*.server.ts', '**/*.test.ts', '**/*.test.tsx'],
  serverModuleFormat: 'esm',
  serverPlatform: 'node',
  // Tailwind v4 runs through PostCSS (postcss.config.js); Remix's own Tailwind hook is for v3.
  tailwind: false,
  postcss: true,
  watchPaths: ['content/**/*'],
  future,
}
