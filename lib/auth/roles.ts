/** Every role an actor can hold. B2B roles are scoped to one company; staff roles are ours. */
export const ROLES = ['customer', 'requester', 'purchaser', 'company_admin', 'sales', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Audience = 'shop' | 'b2b' | 'backoffice';

export const B2B_ROLES = ['requester', 'purchaser', 'company_admin'] as const satisfies readonly Role[];
export const STAFF_ROLES = ['sales', 'admin'] as const satisfies readonly Role[];

/** Which area a role belongs to: one audience per role, so the three shells never overlap. */
export function audienceOf(role: Role): Audience {
  if ((B2B_ROLES as readonly Role[]).includes(role)) return 'b2b';
  if ((STAFF_ROLES as readonly Role[]).includes(role)) return 'backoffice';
  return 'shop';
}

/** Where a freshly signed-in user lands. */
export function homePathOf(role: Role): string {
  switch (role) {
    case 'customer':
      return '/account';
    case 'requester':
    case 'purchaser':
    case 'company_admin':
      return '/b2b';
    case 'sales':
      return '/crm';
    case 'admin':
      return '/admin';
  }
}

/** Permissions are named capabilities; each maps to the roles that hold it. */
export const PERMISSIONS = {
  'staff.users.manage': ['admin'],
  'outbox.read': ['admin', 'sales'],
  'audit.read': ['admin', 'sales'],
  'crm.use': ['admin', 'sales'],
  'orders.manage': ['admin', 'sales'],
  'catalog.manage': ['admin', 'sales'],
  'b2b.use': ['requester', 'purchaser', 'company_admin'],
  'shop.account': ['customer'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

/** True when the role grants the permission. */
export function roleCan(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
