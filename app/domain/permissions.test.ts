import { expect, test } from 'vitest'
import { canChangeRole, canReadFellowWork, canWriteFellowWork } from './permissions'
import { homePathFor, invitableRoles, navigationFor } from './roles'

const fellowWork = { fellowUserId: 'fellow-1', currentCoachId: 'coach-1' }

test('a fellow reads and writes only their own work', () => {
  expect(canReadFellowWork({ id: 'fellow-1', role: 'fellow' }, fellowWork)).toBe(true)
  expect(canWriteFellowWork({ id: 'fellow-1', role: 'fellow' }, fellowWork)).toBe(true)
  expect(canReadFellowWork({ id: 'fellow-2', role: 'fellow' }, fellowWork)).toBe(false)
  expect(canWriteFellowWork({ id: 'fellow-2', role: 'fellow' }, fellowWork)).toBe(false)
})

test('a coach reads the work of fellows currently paired with them, and writes none', () => {
  expect(canReadFellowWork({ id: 'coach-1', role: 'coach' }, fellowWork)).toBe(true)
  expect(canWriteFellowWork({ id: 'coach-1', role: 'coach' }, fellowWork)).toBe(false)
  expect(canReadFellowWork({ id: 'coach-2', role: 'coach' }, fellowWork)).toBe(false)
})

test('a coach whose pairing ended sees nothing new', () => {
  expect(canReadFellowWork({ id: 'coach-1', role: 'coach' }, { fellowUserId: 'fellow-1', currentCoachId: null })).toBe(false)
})

test('staff and admins read every fellow’s work but write none of it', () => {
  for (const role of ['staff', 'admin'] as const) {
    expect(canReadFellowWork({ id: 'x', role }, fellowWork)).toBe(true)
    expect(canWriteFellowWork({ id: 'x', role }, fellowWork)).toBe(false)
  }
})

test('only admins change roles, and never their own', () => {
  expect(canChangeRole({ id: 'a', role: 'admin' }, 'b')).toBe(true)
  expect(canChangeRole({ id: 'a', role: 'admin' }, 'a')).toBe(false)
  expect(canChangeRole({ id: 'a', role: 'staff' }, 'b')).toBe(false)
})

test('staff invite fellows, coaches and staff; admins may also invite admins; others nobody', () => {
  expect(invitableRoles('staff')).toEqual(['fellow', 'coach', 'staff'])
  expect(invitableRoles('admin')).toEqual(['fellow', 'coach', 'staff', 'admin'])
  expect(invitableRoles('coach')).toEqual([])
  expect(invitableRoles('fellow')).toEqual([])
})

test('each role has its own home, and its navigation starts there', () => {
  expect(homePathFor('fellow')).toBe('/home')
  expect(homePathFor('coach')).toBe('/caseload')
  expect(homePathFor('staff')).toBe('/staff')
  expect(homePathFor('admin')).toBe('/admin')
  for (const role of ['fellow', 'coach', 'staff', 'admin'] as const) {
    expect(navigationFor(role)[0].to).toBe(homePathFor(role))
  }
})
