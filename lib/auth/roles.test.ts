import { describe, expect, it } from 'vitest';
import { audienceOf, homePathOf, PERMISSIONS, roleCan, ROLES } from './roles';

describe('roles', () => {
  it.each([
    ['customer', 'shop', '/account'],
    ['requester', 'b2b', '/b2b'],
    ['purchaser', 'b2b', '/b2b'],
    ['company_admin', 'b2b', '/b2b'],
    ['sales', 'backoffice', '/crm'],
    ['admin', 'backoffice', '/admin'],
  ] as const)('%s belongs to %s and lands on %s', (role, audience, home) => {
    expect(audienceOf(role)).toBe(audience);
    expect(homePathOf(role)).toBe(home);
  });

  it('only admins manage staff users', () => {
    expect(ROLES.filter((r) => roleCan(r, 'staff.users.manage'))).toEqual(['admin']);
  });

  it('no permission is granted to roles of two audiences', () => {
    for (const roles of Object.values(PERMISSIONS)) {
      expect(new Set(roles.map(audienceOf)).size).toBe(1);
    }
  });
});
