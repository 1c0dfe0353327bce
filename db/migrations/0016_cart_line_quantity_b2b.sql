-- Portal carts take up to 99 999 units a line, as the quick order, reorders and shopping lists allow
-- (a 5 000-unit line failed on the former 999 limit); the shop keeps its 999 in its own rules.
ALTER TABLE "cart_lines" DROP CONSTRAINT "cart_lines_quantity";--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_quantity" CHECK ("cart_lines"."quantity" between 1 and 99999);