import { pgEnum } from 'drizzle-orm/pg-core';

export const accountKind = pgEnum('account_kind', ['company', 'individual']);
export const accountStatus = pgEnum('account_status', ['prospect', 'active', 'suspended']);
export const addressKind = pgEnum('address_kind', ['billing', 'delivery']);
export const portalRole = pgEnum('portal_role', ['requester', 'purchaser', 'company_admin']);
export const userKind = pgEnum('user_kind', ['customer', 'business', 'staff']);
export const staffRole = pgEnum('staff_role', ['sales', 'admin']);
export const userStatus = pgEnum('user_status', ['active', 'deactivated']);
export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed']);
