ALTER TABLE "quote_versions" ADD COLUMN "shipping_ht_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "quote_versions" ADD COLUMN "adjustments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "quote_versions" ADD CONSTRAINT "quote_versions_shipping" CHECK ("quote_versions"."shipping_ht_cents" >= 0);