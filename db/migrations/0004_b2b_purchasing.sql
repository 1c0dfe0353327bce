CREATE TYPE "public"."agreement_status" AS ENUM('draft', 'active', 'suspended', 'ended');--> statement-breakpoint
CREATE TYPE "public"."budget_entry_kind" AS ENUM('hold', 'commit', 'release');--> statement-breakpoint
CREATE TYPE "public"."budget_period_kind" AS ENUM('fiscal_year', 'month');--> statement-breakpoint
CREATE TYPE "public"."price_source" AS ENUM('agreement', 'list', 'quote', 'catalogue', 'free');--> statement-breakpoint
CREATE TABLE "agreement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"unit_price_ht_cents" bigint NOT NULL,
	"max_quantity" integer,
	CONSTRAINT "agreement_lines_price" CHECK ("agreement_lines"."unit_price_ht_cents" >= 0),
	CONSTRAINT "agreement_lines_max_qty" CHECK ("agreement_lines"."max_quantity" is null or "agreement_lines"."max_quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "agreement_price_tiers" (
	"agreement_line_id" uuid NOT NULL,
	"min_quantity" integer NOT NULL,
	"unit_price_ht_cents" bigint NOT NULL,
	CONSTRAINT "agreement_price_tiers_min" CHECK ("agreement_price_tiers"."min_quantity" > 1),
	CONSTRAINT "agreement_price_tiers_price" CHECK ("agreement_price_tiers"."unit_price_ht_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "budget_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"budget_id" uuid NOT NULL,
	"order_id" uuid,
	"kind" "budget_entry_kind" NOT NULL,
	"amount_ht_cents" bigint NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"status" "agreement_status" DEFAULT 'draft' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ceiling_ht_cents" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_agreements_reference_unique" UNIQUE("reference"),
	CONSTRAINT "framework_agreements_dates" CHECK ("framework_agreements"."ends_on" >= "framework_agreements"."starts_on"),
	CONSTRAINT "framework_agreements_ceiling" CHECK ("framework_agreements"."ceiling_ht_cents" is null or "framework_agreements"."ceiling_ht_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "shopping_list_lines" (
	"list_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "shopping_list_lines_qty" CHECK ("shopping_list_lines"."quantity" between 1 and 99999)
);
--> statement-breakpoint
CREATE TABLE "shopping_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spending_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"label" text NOT NULL,
	"period_kind" "budget_period_kind" NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"cost_centre" text DEFAULT '' NOT NULL,
	"amount_ht_cents" bigint NOT NULL,
	"held_ht_cents" bigint DEFAULT 0 NOT NULL,
	"committed_ht_cents" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spending_budgets_period" CHECK ("spending_budgets"."period_end" >= "spending_budgets"."period_start"),
	CONSTRAINT "spending_budgets_non_negative" CHECK ("spending_budgets"."amount_ht_cents" >= 0 and "spending_budgets"."held_ht_cents" >= 0 and "spending_budgets"."committed_ht_cents" >= 0),
	CONSTRAINT "spending_budgets_hard_cap" CHECK ("spending_budgets"."held_ht_cents" + "spending_budgets"."committed_ht_cents" <= "spending_budgets"."amount_ht_cents")
);
--> statement-breakpoint
DROP INDEX "carts_user_idx";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "allow_off_contract" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "approval_threshold_ht_cents" bigint;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "approval_expiry_days" smallint DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "uses_cost_centres" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "positions" ADD COLUMN "order_limit_ht_cents" bigint;--> statement-breakpoint
ALTER TABLE "positions" ADD COLUMN "monthly_limit_ht_cents" bigint;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "price_source" "price_source" DEFAULT 'catalogue' NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "agreement_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "cost_centre" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "approval_reasons" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "approval_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "decided_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "decision_reason" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "content_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "carts" ADD COLUMN "channel" "order_channel" DEFAULT 'b2c' NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_lines" ADD CONSTRAINT "agreement_lines_agreement_id_framework_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."framework_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_lines" ADD CONSTRAINT "agreement_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_price_tiers" ADD CONSTRAINT "agreement_price_tiers_agreement_line_id_agreement_lines_id_fk" FOREIGN KEY ("agreement_line_id") REFERENCES "public"."agreement_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_budget_id_spending_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."spending_budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD CONSTRAINT "budget_entries_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_agreements" ADD CONSTRAINT "framework_agreements_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopping_list_lines" ADD CONSTRAINT "shopping_list_lines_list_id_shopping_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."shopping_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopping_list_lines" ADD CONSTRAINT "shopping_list_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopping_lists" ADD CONSTRAINT "shopping_lists_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shopping_lists" ADD CONSTRAINT "shopping_lists_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spending_budgets" ADD CONSTRAINT "spending_budgets_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_lines_product_unique" ON "agreement_lines" USING btree ("agreement_id","product_id");--> statement-breakpoint
CREATE INDEX "agreement_lines_product_idx" ON "agreement_lines" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_price_tiers_unique" ON "agreement_price_tiers" USING btree ("agreement_line_id","min_quantity");--> statement-breakpoint
CREATE INDEX "budget_entries_budget_idx" ON "budget_entries" USING btree ("budget_id","created_at");--> statement-breakpoint
CREATE INDEX "budget_entries_order_idx" ON "budget_entries" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "framework_agreements_account_idx" ON "framework_agreements" USING btree ("account_id","status","ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "shopping_list_lines_unique" ON "shopping_list_lines" USING btree ("list_id","product_id");--> statement-breakpoint
CREATE INDEX "shopping_lists_account_idx" ON "shopping_lists" USING btree ("account_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "spending_budgets_period_unique" ON "spending_budgets" USING btree ("account_id","period_start","cost_centre");--> statement-breakpoint
CREATE INDEX "spending_budgets_lookup_idx" ON "spending_budgets" USING btree ("account_id","period_start","period_end");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_account_status_idx" ON "orders" USING btree ("account_id","status");--> statement-breakpoint
CREATE INDEX "orders_placed_by_idx" ON "orders" USING btree ("placed_by_user_id","created_at");--> statement-breakpoint
CREATE INDEX "carts_user_idx" ON "carts" USING btree ("user_id","channel");--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_approval_expiry" CHECK ("accounts"."approval_expiry_days" between 1 and 365);