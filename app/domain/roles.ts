export const ROLES = ['fellow', 'coach', 'staff', 'admin'] as const
export type Role = (typeof ROLES)[number]

const HOME_BY_ROLE: Record<Role, string> = {
  fellow: '/home',
  coach: '/caseload',
  staff: '/staff',
  admin: '/admin',
}

export function homePathFor(role: Role) {
  return HOME_BY_ROLE[role]
}

export const ROLE_LABELS: Record<Role, string> = {
  fellow: 'Fellow',
  coach: 'Equity coach',
  staff: 'Academy staff',
  admin: 'Administrator',
}

/** Staff invite fellows, coaches and staff; only admins create admins. */
export function invitableRoles(inviter: Role): Role[] {
  if (inviter === 'admin') return ['fellow', 'coach', 'staff', 'admin']
  if (inviter === 'staff') return ['fellow', 'coach', 'staff']
  return []
}

export type NavItem = { to: string; label: string }

export function navigationFor(role: Role): NavItem[] {
  switch (role) {
    case 'fellow':
      return [
        { to: '/home', label: 'This month' },
        { to: '/learn', label: 'Curriculum' },
        { to: '/tools', label: 'Improvement tools' },
        { to: '/coaching', label: 'Coaching' },
      ]
    case 'coach':
      return [
        { to: '/caseload', label: 'Caseload' },
        { to: '/review', label: 'Review' },
        { to: '/learn', label: 'Curriculum' },
      ]
    case 'staff':
      return [
        { to: '/staff', label: 'Cohorts' },
        { to: '/staff/reports', label: 'Reports' },
        { to: '/review', label: 'Review' },
        { to: '/staff/people', label: 'People' },
        { to: '/staff/roster', label: 'Roster import' },
        { to: '/staff/pairings', label: 'Pairings' },
        { to: '/staff/coaching', label: 'Coaching' },
        { to: '/staff/invite', label: 'Invite' },
        { to: '/learn', label: 'Curriculum' },
        { to: '/audit', label: 'Audit log' },
      ]
    case 'admin':
      return [
        { to: '/admin', label: 'Accounts' },
        { to: '/staff', label: 'Cohorts' },
        { to: '/staff/reports', label: 'Reports' },
        { to: '/review', label: 'Review' },
        { to: '/staff/people', label: 'People' },
        { to: '/staff/roster', label: 'Roster import' },
        { to: '/staff/pairings', label: 'Pairings' },
        { to: '/staff/coaching', label: 'Coaching' },
        { to: '/staff/invite', label: 'Invite' },
        { to: '/admin/outbox', label: 'Outbox' },
        { to: '/audit', label: 'Audit log' },
      ]
  }
}
