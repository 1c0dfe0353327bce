ALTER TABLE "products" ADD COLUMN "name_folded" text GENERATED ALWAYS AS (comptoir_fold(name)) STORED;--> statement-breakpoint
CREATE INDEX "order_lines_agreement_product_idx" ON "order_lines" USING btree ("agreement_id","product_id") WHERE "order_lines"."agreement_id" is not null;--> statement-breakpoint
-- The B2B catalogue reads a contract's 2 000 products by id and sorts them by folded name: an index-only scan.
CREATE INDEX "products_active_id_folded_idx" ON "products" USING btree ("id") INCLUDE ("name_folded") WHERE "is_active";
