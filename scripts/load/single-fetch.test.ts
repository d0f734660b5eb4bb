import { expect, test } from 'vitest'
import { isSavedAnswer, readSingleFetchData } from './single-fetch'

// Bodies as the app sent them (see scripts/load/traffic.ts for the request).
const saved = '[{"_1":2},"data",{"_3":4,"_5":6,"_7":8},"ok",true,"promptId","braid-in-my-school","savedAt","2026-11-23T17:56:18.284Z"]\n'
const refused = '[{"_1":2},"data",{"_3":4,"_5":6,"_7":8},"ok",false,"promptId","nope","error","That prompt is not part of this module."]\n'

test('an acknowledged autosave is ok for its own prompt only', () => {
  expect(readSingleFetchData(saved)).toEqual({ ok: true, promptId: 'braid-in-my-school', savedAt: '2026-11-23T17:56:18.284Z' })
  expect(isSavedAnswer(saved, 'braid-in-my-school')).toBe(true)
  expect(isSavedAnswer(saved, 'another-prompt')).toBe(false)
})

test('a refusal, an error payload, HTML or nothing is not an acknowledgement', () => {
  expect(isSavedAnswer(refused, 'nope')).toBe(false)
  expect(isSavedAnswer('[{"_1":2},"error",["SanitizedError","Error","Unexpected Server Error"]]\n', 'nope')).toBe(false)
  expect(isSavedAnswer('<!DOCTYPE html><html></html>', 'nope')).toBe(false)
  expect(isSavedAnswer('', 'nope')).toBe(false)
})

test('negative indices decode to null and undefined', () => {
  expect(readSingleFetchData('[{"_1":2},"data",{"_3":-2,"_4":-1},"a","b"]')).toEqual({ a: null, b: undefined })
})
