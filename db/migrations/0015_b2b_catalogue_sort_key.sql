-- The portal catalogue lists a contract's active products by folded name: each agreement line carries
-- its product's sort key and active flag, so that list is one contiguous range of an index on
-- agreement_lines instead of ~2 000 lookups in products. Triggers are the only writers of both
-- columns; the defaults let inserts omit them (the trigger overwrites whatever an insert brings) and
-- fill existing rows until the backfill below.
ALTER TABLE "agreement_lines" ADD COLUMN "product_sort_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_lines" ADD COLUMN "product_active" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- products.name_folded is a generated column: its new value exists only once the row is written,
-- hence an AFTER trigger. Only a change of name or active flag touches the product's lines.
CREATE OR REPLACE FUNCTION comptoir_product_key_to_agreement_lines() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE agreement_lines SET product_sort_name = NEW.name_folded, product_active = NEW.is_active
  WHERE product_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Created before the backfill: it locks products against writes until the migration commits, so no
-- rename can slip between the backfill and the trigger.
CREATE TRIGGER products_key_to_agreement_lines AFTER UPDATE OF name, is_active ON products
  FOR EACH ROW WHEN (OLD.name_folded IS DISTINCT FROM NEW.name_folded OR OLD.is_active IS DISTINCT FROM NEW.is_active)
  EXECUTE FUNCTION comptoir_product_key_to_agreement_lines();--> statement-breakpoint
UPDATE agreement_lines al SET product_sort_name = p.name_folded, product_active = p.is_active
FROM products p WHERE p.id = al.product_id;--> statement-breakpoint
-- A line's key is always read from its product, never taken from the statement. The product row is
-- locked FOR SHARE (until commit) so that a concurrent rename or deactivation waits for this line
-- and then updates it too, instead of missing a line it cannot see yet. An unknown product is left
-- to the foreign key, which rejects the row with its usual error.
CREATE OR REPLACE FUNCTION comptoir_agreement_line_product_key() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  sort_name text;
  active boolean;
BEGIN
  SELECT p.name_folded, p.is_active INTO sort_name, active FROM products p WHERE p.id = NEW.product_id FOR SHARE;
  IF FOUND THEN
    NEW.product_sort_name := sort_name;
    NEW.product_active := active;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER agreement_lines_product_key BEFORE INSERT OR UPDATE OF product_id, product_sort_name, product_active ON agreement_lines
  FOR EACH ROW EXECUTE FUNCTION comptoir_agreement_line_product_key();--> statement-breakpoint
CREATE INDEX "agreement_lines_catalogue_idx" ON "agreement_lines" USING btree ("agreement_id","product_sort_name","product_id") WHERE "agreement_lines"."product_active";
