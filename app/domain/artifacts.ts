/** The improvement tools a fellow builds artifacts with, and where each artifact lives. */
export const ARTIFACT_KINDS = ['equity_audit', 'fishbone', 'pdsa'] as const
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number]

export const ARTIFACT_LABELS: Record<ArtifactKind, string> = {
  equity_audit: 'Equity audit',
  fishbone: 'Fishbone',
  pdsa: 'PDSA cycles',
}

const ARTIFACT_SEGMENTS: Record<ArtifactKind, string> = { equity_audit: 'audits', fishbone: 'fishbones', pdsa: 'pdsa' }

export function artifactPath(kind: ArtifactKind, id: string) {
  return `/tools/${ARTIFACT_SEGMENTS[kind]}/${id}`
}

export const ARTIFACT_TITLE_MAX = 200
