/** CSV as spreadsheets write and read it: parsing, safe cells, and the encodings school laptops produce. */

/** RFC 4180 fields, after any byte-order mark: commas, quoted fields with doubled quotes and line breaks, CRLF or LF. */
export function parseCsv(raw: string): { rows: { line: number; cells: string[] }[]; error: string | null } {
  const text = raw.replace(/^\uFEFF/, '')
  const rows: { line: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        cell += ch
      }
      continue
    }
    if (ch === '"' && cell === '') quoted = true
    else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      cells.push(cell)
      rows.push({ line: rowLine, cells })
      cells = []
      cell = ''
      line++
      rowLine = line
    } else cell += ch
  }
  if (quoted) return { rows, error: `Line ${rowLine}: a quoted value is never closed. Check for a stray " character.` }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell)
    rows.push({ line: rowLine, cells })
  }
  return { rows: rows.filter((r) => r.cells.some((c) => c.trim() !== '')), error: null }
}

/** Column names as people type them: any case, spaces or hyphens for underscores. */
export function normaliseHeader(cell: string) {
  return cell.trim().toLowerCase().replace(/[\s-]+/g, '_')
}

/**
 * One CSV cell. Quoted when needed; a leading =, +, - or @ is defused with an apostrophe so a
 * spreadsheet never runs a cell as a formula (OWASP "CSV injection").
 */
export function csvCell(value: string | number) {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: (string | number)[]) {
  return `${values.map(csvCell).join(',')}\r\n`
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (Node's decoder treats the label as Latin-1).
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/**
 * Text from an uploaded file: UTF-8 when it is valid UTF-8, else Windows-1252, which is what Excel's
 * plain "CSV (Comma delimited)" writes on a school laptop.
 */
export function decodeCsvBytes(bytes: Uint8Array) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return Array.from(bytes, (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte))).join('')
  }
}
