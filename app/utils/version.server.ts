import { readFileSync } from 'node:fs'

function readVersion() {
  try {
    const parsed: unknown = JSON.parse(readFileSync('package.json', 'utf8'))
    if (parsed && typeof parsed === 'object' && 'version' in parsed && typeof parsed.version === 'string') {
      return parsed.version
    }
  } catch {
    // Started from another folder: the version is unknown rather than a reason to fail.
  }
  return 'unknown'
}

export const APP_VERSION = readVersion()
