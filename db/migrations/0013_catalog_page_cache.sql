CREATE TABLE "catalog_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "catalog_state_one_row" CHECK ("catalog_state"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "catalog_state" ("id", "version") VALUES (1, 1) ON CONFLICT DO NOTHING;--> statement-breakpoint
-- What a shop page says about stock: out of stock, "Plus que N" up to 10 (lib/catalog/availability.ts), or in stock.
CREATE OR REPLACE FUNCTION comptoir_displayed_stock(n integer) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN n <= 0 THEN 0 WHEN n <= 10 THEN n ELSE 11 END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION comptoir_bump_catalog() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog_state SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;--> statement-breakpoint
-- A sale moves stock on every order: it changes the pages only when the displayed availability changes.
CREATE OR REPLACE FUNCTION comptoir_product_changes_pages() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  shown products;
BEGIN
  shown := NEW;
  shown.stock_on_hand := OLD.stock_on_hand;
  shown.updated_at := OLD.updated_at;
  IF shown IS DISTINCT FROM OLD
     OR comptoir_displayed_stock(NEW.stock_on_hand) <> comptoir_displayed_stock(OLD.stock_on_hand) THEN
    UPDATE catalog_state SET version = version + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Deferred to commit: the catalog_state row is the last lock a transaction takes, so bumping it
-- cannot deadlock with the product locks of a checkout, and is held only while committing.
CREATE CONSTRAINT TRIGGER products_bump_catalog_on_update AFTER UPDATE ON products
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION comptoir_product_changes_pages();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER products_bump_catalog_on_insert_delete AFTER INSERT OR DELETE ON products
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION comptoir_bump_catalog();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER categories_bump_catalog AFTER INSERT OR UPDATE OR DELETE ON categories
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION comptoir_bump_catalog();--> statement-breakpoint
CREATE TRIGGER products_bump_catalog_on_truncate AFTER TRUNCATE ON products
  FOR EACH STATEMENT EXECUTE FUNCTION comptoir_bump_catalog();--> statement-breakpoint
CREATE TRIGGER categories_bump_catalog_on_truncate AFTER TRUNCATE ON categories
  FOR EACH STATEMENT EXECUTE FUNCTION comptoir_bump_catalog();
