import { expect, test } from 'vitest'
import { importsOfChunk, scriptsInHtml } from './assets'

test('a page names its preloaded chunks, its inline imports and its module code, not its stylesheets', () => {
  const html = `<link rel="modulepreload" href="/build/_shared/chunk-AB12.js"/><link rel="modulepreload" href="/build/routes/learn.$slug-XY.js"/>
    <script nonce="n" type="module" async="">;
import "/build/manifest-1.js";
import * as route0 from "/build/root-9.js";</script>
    <div data-module-script="/modules/the-equity-lens.abc123.js" hidden></div><link rel="stylesheet" href="/build/_assets/app.css"/>`
  expect(scriptsInHtml(html).sort()).toEqual(
    ['/build/_shared/chunk-AB12.js', '/build/manifest-1.js', '/build/root-9.js', '/build/routes/learn.$slug-XY.js', '/modules/the-equity-lens.abc123.js'].sort(),
  )
})

test('a chunk’s static imports resolve whether they are written absolute or relative; lazy ones wait', () => {
  const code = 'import{a as b}from"/build/_shared/chunk-A.js";import{c}from"./chunk-B.js";import"../_shared/chunk-C.js";const l=()=>import("./lazy-D.js")'
  expect(importsOfChunk('/build/_shared/chunk-X.js', code).sort()).toEqual(
    ['/build/_shared/chunk-A.js', '/build/_shared/chunk-B.js', '/build/_shared/chunk-C.js'].sort(),
  )
})

test('module paths that are only strings, as in the route manifest, are not followed', () => {
  const manifest = 'window.__remixManifest={"entry":{"module":"/build/entry.client-R.js","imports":["/build/_shared/chunk-P.js"]}}'
  expect(importsOfChunk('/build/manifest-1.js', manifest)).toEqual([])
})
