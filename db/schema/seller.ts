import { sql } from 'drizzle-orm';
import { check, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

/** Our own company (the seller on every invoice). Exactly one row, id 1. */
export const sellerProfile = pgTable(
  'seller_profile',
  {
    id: smallint('id').primaryKey().default(1),
    legalName: text('legal_name').notNull(),
    legalForm: text('legal_form').notNull(),
    shareCapital: text('share_capital').notNull(),
    siren: text('siren').notNull(),
    siret: text('siret').notNull(),
    vatNumber: text('vat_number').notNull(),
    rcs: text('rcs').notNull(),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull().default('FR'),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('seller_profile_single_row', sql`${t.id} = 1`)],
);
