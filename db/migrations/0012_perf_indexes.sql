DROP INDEX "orders_status_idx";--> statement-breakpoint
DROP INDEX "orders_created_idx";--> statement-breakpoint
DROP INDEX "opportunities_board_idx";--> statement-breakpoint
CREATE INDEX "orders_search_trgm_idx" ON "orders" USING gin (("number" || ' ' || "customer_name" || ' ' || "email") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunities_stage_board_idx" ON "opportunities" USING btree ("stage","expected_close_date","amount_ht_cents" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "orders_created_idx" ON "orders" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "opportunities_board_idx" ON "opportunities" USING btree ("stage","owner_user_id","expected_close_date","amount_ht_cents" DESC NULLS LAST,"id");