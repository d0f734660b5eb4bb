/**
 * Hostile form values for the fuzz test, written for this app (not copied from a published list).
 * A value is one string, or several for a field sent more than once (an array where a scalar is
 * expected). Labels are what a failure report prints instead of the value itself.
 */
export type NaughtyValue = { label: string; value: string | string[] }

const KB = 1024

export const NAUGHTY_VALUES: NaughtyValue[] = [
  // Empty and blank
  { label: 'empty', value: '' },
  { label: 'spaces', value: '     ' },
  { label: 'newlines only', value: '\r\n\r\n\n' },
  // SQL
  { label: 'sql quote', value: "O'Brien'; drop table users; --" },
  { label: 'sql tautology', value: "' or '1'='1" },
  { label: 'sql union', value: '1 union select password_hash from users --' },
  { label: 'sql comment', value: '/* */ ; select pg_sleep(5); --' },
  // HTML, script, markdown links
  { label: 'script tag', value: '<script>alert(document.cookie)</script>' },
  { label: 'img onerror', value: '"><img src=x onerror=alert(1)>' },
  { label: 'javascript link', value: '[click me](javascript:alert(1)) <a href="javascript:alert(2)">x</a>' },
  { label: 'svg onload', value: '<svg/onload=alert(1)>' },
  { label: 'closing textarea', value: '</textarea></title></style><b>bold</b>' },
  // Template and format strings
  { label: 'template literal', value: '${process.exit(1)} {{7*7}} #{7*7} <%= 7*7 %>' },
  { label: 'printf', value: '%s%s%s%n%x%d%%' },
  { label: 'csv formula', value: '=HYPERLINK("http://evil.example","x")' },
  { label: 'path traversal', value: '../../../../etc/passwd' },
  { label: 'proto pollution key', value: '__proto__' },
  { label: 'json text', value: '{"intent":"submit","__proto__":{"admin":true}}' },
  // Bidirectional overrides and invisible characters
  { label: 'rtl override', value: 'abc\u202Egnp.exe\u202C' },
  { label: 'zero width', value: '\u200B\u200C\u200D\u2060\uFEFF' },
  { label: 'only zero width', value: '\u200B' },
  { label: 'combining marks', value: 'Z\u0351\u0360\u0346\u034C\u0341a\u0315\u0356l\u0307\u0322g\u0358o\u0336' },
  // Emoji and astral-plane text
  { label: 'emoji family', value: '👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽' },
  { label: 'astral', value: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎𠜱𠝹 🜀' },
  { label: 'rtl script', value: 'مدرسة שלום' },
  // NUL and control characters
  { label: 'nul', value: 'before\u0000after' },
  { label: 'only nul', value: '\u0000' },
  { label: 'control chars', value: '\u0001\u0007\u0008\u001B[31mred\u001B[0m\u007F' },
  { label: 'lone high surrogate', value: 'a\uD800b' },
  { label: 'lone low surrogate', value: '\uDFFF' },
  // Long strings
  { label: '100 KB', value: 'a'.repeat(100 * KB) },
  { label: '2 MB', value: 'b'.repeat(2 * KB * KB) },
  { label: 'long word of emoji', value: '😀'.repeat(30 * KB) },
  // Numbers as strings
  { label: '1e309', value: '1e309' },
  { label: '-0', value: '-0' },
  { label: 'NaN', value: 'NaN' },
  { label: 'Infinity', value: 'Infinity' },
  { label: 'huge integer', value: '99999999999999999999' },
  { label: 'negative', value: '-1' },
  { label: 'fraction', value: '0.0000001' },
  { label: 'hex', value: '0x1F' },
  { label: 'date out of range', value: '2026-02-30' },
  { label: 'far date', value: '275760-09-13' },
  { label: 'uuid-ish', value: '00000000-0000-0000-0000-000000000000' },
  { label: 'true', value: 'true' },
  // Repeated fields
  { label: 'repeated twice', value: ['first', 'second'] },
  { label: 'repeated empty', value: ['', ''] },
  { label: 'repeated 200 times', value: Array.from({ length: 200 }, (_, i) => `v${i}`) },
  // Unicode normalisation pairs: the same text composed and decomposed
  { label: 'nfc é', value: 'Caf\u00E9' },
  { label: 'nfd é', value: 'Cafe\u0301' },
  { label: 'ligature ﬁ', value: '\uFB01nance' },
  { label: 'fullwidth', value: 'ＡＤＭＩＮ' },
]

/** Shortened for a report: control characters shown as escapes, at most 60 characters. */
export function preview(value: string | string[]) {
  const text = Array.isArray(value) ? `[${value.length}× ${value[0] ?? ''}…]` : value
  const escaped = JSON.stringify(text.slice(0, 60)).slice(1, -1)
  return text.length > 60 ? `${escaped}… (${text.length} chars)` : escaped
}
