-- Quote and request numbers (DEV-2026-001000, DDE-2026-001000): gaps are harmless here, unlike invoices.
CREATE SEQUENCE IF NOT EXISTS quote_number_seq START 1000;
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS quote_request_number_seq START 1000;
--> statement-breakpoint
-- A sent quote version is what the client received: the database itself refuses to change it,
-- whatever the services do (CI and operators connect as a superuser, so grants would not stop them).
CREATE OR REPLACE FUNCTION comptoir_refuse_sent_quote_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.sent_at IS NOT NULL THEN
    RAISE EXCEPTION 'quote version % of quote % was sent and is frozen', OLD.version, OLD.quote_id USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER quote_versions_frozen BEFORE UPDATE OR DELETE ON quote_versions
  FOR EACH ROW EXECUTE FUNCTION comptoir_refuse_sent_quote_version();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION comptoir_refuse_sent_quote_line() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_id uuid;
BEGIN
  v_id := CASE WHEN TG_OP = 'INSERT' THEN NEW.version_id ELSE OLD.version_id END;
  IF EXISTS (SELECT 1 FROM quote_versions WHERE id = v_id AND sent_at IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM quote_versions WHERE id = NEW.version_id AND sent_at IS NOT NULL)) THEN
    RAISE EXCEPTION 'lines of a sent quote version are frozen' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER quote_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON quote_lines
  FOR EACH ROW EXECUTE FUNCTION comptoir_refuse_sent_quote_line();
