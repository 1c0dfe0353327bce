-- Accent-insensitive search (STACK-NOTES 19): unaccent() is only STABLE, so it is wrapped in an
-- IMMUTABLE function with its dictionary named explicitly, which generated columns and indexes accept.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE OR REPLACE FUNCTION comptoir_fold(input text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;--> statement-breakpoint
-- Order numbers are readable and unique; unlike invoice numbers they may have gaps.
CREATE SEQUENCE IF NOT EXISTS order_number_seq START 1000;
