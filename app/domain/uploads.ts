export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export type DetectedType = { contentType: string; extension: string; label: string }

function startsWith(bytes: Uint8Array, signature: number[], offset = 0) {
  return signature.every((b, i) => bytes[offset + i] === b)
}

function containsAscii(bytes: Uint8Array, text: string) {
  const needle = [...text].map((c) => c.charCodeAt(0))
  outer: for (let i = 0; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

/**
 * The type of an upload judged by its bytes, never by its name or the browser's claim: PDF, Word
 * (DOCX: a ZIP holding word/document.xml), PNG, JPEG, GIF or WebP. Anything else is refused.
 */
export function detectUploadType(bytes: Uint8Array): DetectedType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && containsAscii(bytes, 'word/document.xml')) {
    return { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', label: 'Word document' }
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', extension: 'png', label: 'PNG image' }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG image' }
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { contentType: 'image/gif', extension: 'gif', label: 'GIF image' }
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { contentType: 'image/webp', extension: 'webp', label: 'WebP image' }
  }
  return null
}

/** A file name safe to show and to offer for download: no paths, no control characters. */
export function cleanFileName(name: string, extension: string) {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base.replace(/[^\p{L}\p{N} ._()-]/gu, '').trim().slice(0, 120)
  if (!cleaned) return `attachment.${extension}`
  return cleaned.toLowerCase().endsWith(`.${extension}`) ? cleaned : `${cleaned}.${extension}`
}
