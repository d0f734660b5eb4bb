import { z } from 'zod'
import { analyseIndicator, DEFAULT_SETTINGS, type AuditSettings, type GroupCount, type GroupResult } from './disproportionality'
import { suppressGroups, type AuditState, type ShownGroup } from './suppression'

/** The indicators most audits start from; a fellow may name their own. */
export const INDICATOR_PRESETS = [
  'Out-of-school suspension',
  'Chronic absence',
  'Advanced course enrolment',
  'Special education identification',
  'Proficiency in reading',
  'Proficiency in mathematics',
] as const

/** Federal race and ethnicity categories as Maryland and New Jersey report them: one group per student. */
export const RACE_ETHNICITY_GROUPS = [
  'American Indian or Alaska Native',
  'Asian',
  'Black or African American',
  'Hispanic or Latino',
  'Native Hawaiian or Other Pacific Islander',
  'Two or more races',
  'White',
] as const

/** The qualitative side: the seeds' questions about voices, beside the numbers. */
export const VOICE_QUESTIONS = [
  { key: 'voices-heard', label: 'What students, families and staff told you', hint: 'From focus groups, interviews, shadowing or surveys: what did the people closest to these numbers say?' },
  { key: 'not-served', label: 'Who the system is not serving', hint: 'Which students stand furthest from opportunity in these data, and what explains that distance?' },
  { key: 'missing-perspectives', label: 'Whose perspective is still missing', hint: 'Whose lived experience have you not yet sought out or listened to? How will you reach them?' },
  { key: 'assets', label: 'Assets to build on', hint: 'What strengths live in these students, their families and community, and your staff?' },
] as const
export type VoiceKey = (typeof VOICE_QUESTIONS)[number]['key']
export const VOICE_KEYS = VOICE_QUESTIONS.map((q) => q.key)

export const AUDIT_LIMITS = { indicators: 20, groupsPerIndicator: 30, name: 120, note: 10_000, count: 1_000_000 } as const

/** The school year a date falls in, as schools write it: September 2026 to August 2027 is "2026–27". */
export function schoolYearOf(isoDate: string) {
  const [year, month] = isoDate.split('-').map(Number)
  const start = month >= 9 ? year : year - 1
  return `${start}–${String((start + 1) % 100).padStart(2, '0')}`
}

export const SCHOOL_YEAR = /^(20\d\d)[–-](\d\d)$/

const name = (what: string) =>
  z
    .string({ required_error: `Name the ${what}.` })
    .trim()
    .min(1, `Name the ${what}.`)
    .max(AUDIT_LIMITS.name, `Keep the ${what}’s name under ${AUDIT_LIMITS.name} characters.`)

export const IndicatorNameSchema = name('indicator')
export const GroupNameSchema = name('student group')

export const SettingsSchema = z.object({
  minCell: z.coerce
    .number({ invalid_type_error: 'The minimum cell must be a whole number.' })
    .int('The minimum cell must be a whole number.')
    .min(1, 'The minimum cell must be at least 1.')
    .max(100, 'A minimum cell over 100 would hide almost everything.'),
  minN: z.coerce
    .number({ invalid_type_error: 'The minimum n-size must be a whole number.' })
    .int('The minimum n-size must be a whole number.')
    .min(1, 'The minimum n-size must be at least 1.')
    .max(500, 'A minimum n-size over 500 would hide almost everything.'),
  threshold: z.coerce
    .number({ invalid_type_error: 'The threshold must be a number such as 2 or 1.5.' })
    .min(1, 'A threshold under 1 would flag groups at lower risk than everyone else.')
    .max(10, 'Keep the threshold at 10 or under.'),
})

/** "4.5", "4.5%" or "0.045" → 0.045; a risk is a share of students, so it must be over 0 and at most 1. */
export function parseRiskInput(raw: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const text = raw.trim()
  if (!text) return { ok: true, value: null }
  const percent = text.endsWith('%')
  const number = Number(percent ? text.slice(0, -1).trim() : text)
  if (!Number.isFinite(number)) return { ok: false, message: `“${text}” is not a number. Write the district or state rate as a percentage, such as 4.5%.` }
  const value = percent || number > 1 ? number / 100 : number
  if (value <= 0 || value > 1) return { ok: false, message: 'The comparison rate must be more than 0% and at most 100%.' }
  return { ok: true, value }
}

/** A count typed in a form: blank is not zero, so it is refused rather than guessed. */
export function parseCount(raw: string, label: string): { ok: true; value: number } | { ok: false; message: string } {
  const text = raw.trim().replace(/,/g, '')
  if (!text) return { ok: false, message: `${label}: enter a number (0 if none).` }
  if (!/^\d+$/.test(text)) return { ok: false, message: `${label}: “${raw.trim()}” is not a whole number of students.` }
  const value = Number(text)
  if (value > AUDIT_LIMITS.count) return { ok: false, message: `${label}: ${value.toLocaleString('en-US')} is more students than any school has.` }
  return { ok: true, value }
}

export type IndicatorInput = { id: string; name: string; alternateRisk: number | null; alternateSource: string; counts: GroupCount[] }
export type AuditSettingsRow = Pick<AuditSettings, 'minCell' | 'minN' | 'threshold'>

export type IndicatorAnalysis = {
  id: string
  name: string
  alternateRisk: number | null
  alternateSource: string
  counts: GroupCount[]
  results: GroupResult[]
  totals: { enrolled: number; withOutcome: number }
  flagged: string[]
}

export function analyseAudit(settings: AuditSettingsRow, indicators: IndicatorInput[]): IndicatorAnalysis[] {
  return indicators.map((indicator) => {
    const results = analyseIndicator(indicator.counts, { ...DEFAULT_SETTINGS, ...settings, alternateComparisonRisk: indicator.alternateRisk })
    return {
      ...indicator,
      results,
      totals: {
        enrolled: indicator.counts.reduce((sum, c) => sum + c.enrolled, 0),
        withOutcome: indicator.counts.reduce((sum, c) => sum + c.withOutcome, 0),
      },
      flagged: results.filter((r) => r.flagged).map((r) => r.group),
    }
  })
}

export type SharedIndicator = {
  id: string
  name: string
  alternateRisk: number | null
  alternateSource: string
  totals: { enrolled: number; withOutcome: number; rate: string }
  groups: ShownGroup[]
}

/** What anyone but the author sees: every group through the state's suppression rule. */
export function sharedView(state: AuditState, analysis: IndicatorAnalysis[]): SharedIndicator[] {
  return analysis.map((indicator) => ({
    id: indicator.id,
    name: indicator.name,
    alternateRisk: indicator.alternateRisk,
    alternateSource: indicator.alternateSource,
    totals: {
      ...indicator.totals,
      rate: indicator.totals.enrolled > 0 ? `${((indicator.totals.withOutcome / indicator.totals.enrolled) * 100).toFixed(1)}%` : '—',
    },
    groups: suppressGroups(state, indicator.results),
  }))
}

export function formatRisk(risk: number | null) {
  return risk === null ? '—' : `${(risk * 100).toFixed(1)}%`
}

export function formatRatio(ratio: number | null) {
  return ratio === null ? '—' : ratio.toFixed(2)
}

export const METHOD_CITATION =
  'Risk ratios follow the method of the federal IDEA significant-disproportionality rule, 34 CFR 300.647: a group’s risk is the share of its students with the outcome; the comparison risk is that of all other students in the school; a ratio is computed only for groups meeting the minimum cell (students with the outcome) and n-size (students enrolled); when the rest of the school is below them, an alternate risk ratio uses a district or state risk instead.'

export type TypedRow = { group: string; enrolled: string; withOutcome: string }

/**
 * Reads the counts table as typed: wholly blank rows are skipped, everything else must be a named
 * group with whole numbers, the outcome within the enrolment, each group once.
 */
export function readTypedCounts(rows: TypedRow[]): { ok: true; counts: GroupCount[] } | { ok: false; problems: string[] } {
  const problems: string[] = []
  const counts: GroupCount[] = []
  const seen = new Set<string>()
  rows.forEach((row, index) => {
    const group = row.group.trim()
    if (!group && !row.enrolled.trim() && !row.withOutcome.trim()) return
    const label = `Row ${index + 1}${group ? ` (${group})` : ''}`
    const name = GroupNameSchema.safeParse(group)
    const enrolled = parseCount(row.enrolled, `${label}, enrolled`)
    const withOutcome = parseCount(row.withOutcome, `${label}, with the outcome`)
    if (!name.success) problems.push(`${label}: ${name.error.issues[0].message}`)
    else if (seen.has(name.data.toLowerCase())) problems.push(`${label}: “${name.data}” appears twice; each group once per indicator.`)
    if (name.success) seen.add(name.data.toLowerCase())
    if (!enrolled.ok) problems.push(enrolled.message)
    if (!withOutcome.ok) problems.push(withOutcome.message)
    else if (enrolled.ok && withOutcome.value > enrolled.value) problems.push(`${label}: more students with the outcome (${withOutcome.value}) than enrolled (${enrolled.value}).`)
    if (name.success && enrolled.ok && withOutcome.ok) {
      counts.push({ group: name.data, enrolled: enrolled.value, withOutcome: withOutcome.value })
    }
  })
  if (counts.length > AUDIT_LIMITS.groupsPerIndicator) problems.push(`At most ${AUDIT_LIMITS.groupsPerIndicator} groups under one indicator.`)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, counts }
}

export type Finding = { indicator: string; group: string; ratio: string; alternate: boolean }

/**
 * The groups over the threshold, for carrying an audit into year-two work. Readers get only what the
 * suppressed view shows, so a flag never points at a hidden group.
 */
export function auditFindings(state: AuditState, viewer: 'author' | 'reader', analysis: IndicatorAnalysis[]): Finding[] {
  if (viewer === 'reader') {
    return sharedView(state, analysis).flatMap((indicator) =>
      indicator.groups.filter((g) => g.flagged).map((g) => ({ indicator: indicator.name, group: g.group, ratio: g.ratio, alternate: g.alternate })),
    )
  }
  return analysis.flatMap((indicator) =>
    indicator.results
      .filter((r) => r.flagged)
      .map((r) => ({ indicator: indicator.name, group: r.group, ratio: formatRatio(r.ratioUsed === 'alternate' ? r.alternateRiskRatio : r.riskRatio), alternate: r.ratioUsed === 'alternate' })),
  )
}
