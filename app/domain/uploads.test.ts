import { expect, test } from 'vitest'
import { cleanFileName, detectUploadType } from './uploads'

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))

test('uploads are recognised by their contents', () => {
  expect(detectUploadType(bytes('%PDF-1.7\n'))?.extension).toBe('pdf')
  expect(detectUploadType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))?.extension).toBe('png')
  expect(detectUploadType(bytes([0xff, 0xd8, 0xff, 0xe0]))?.extension).toBe('jpg')
  expect(detectUploadType(bytes('GIF89a'))?.extension).toBe('gif')
  expect(detectUploadType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))?.extension).toBe('webp')
  expect(detectUploadType(bytes('PK', [3, 4], 'xxxx[Content_Types].xml word/document.xml'))?.extension).toBe('docx')
})

test('anything else is refused, whatever its name says', () => {
  expect(detectUploadType(bytes('<script>alert(1)</script>'))).toBeNull()
  expect(detectUploadType(bytes('PK', [3, 4], 'xl/workbook.xml'))).toBeNull() // a spreadsheet, not a Word file
  expect(detectUploadType(bytes('MZ', [0x90, 0]))).toBeNull()
  expect(detectUploadType(new Uint8Array(0))).toBeNull()
})

test('file names lose paths and odd characters and keep the right extension', () => {
  expect(cleanFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf')
  expect(cleanFileName('C:\\Users\\ana\\Plan final.PDF', 'pdf')).toBe('Plan final.PDF')
  expect(cleanFileName('audit<script>.docx', 'docx')).toBe('auditscript.docx')
  expect(cleanFileName('', 'png')).toBe('attachment.png')
})
