CREATE TYPE "public"."cause_locus" AS ENUM('people', 'system');--> statement-breakpoint
CREATE TYPE "public"."pdsa_act" AS ENUM('adopt', 'adapt', 'abandon');--> statement-breakpoint
CREATE TABLE "equity_audit_counts" (
	"indicator_id" uuid NOT NULL,
	"group_name" text NOT NULL,
	"enrolled" integer NOT NULL,
	"with_outcome" integer NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "equity_audit_counts_indicator_id_group_name_pk" PRIMARY KEY("indicator_id","group_name")
);
--> statement-breakpoint
CREATE TABLE "equity_audit_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"artifact_id" uuid NOT NULL,
	"name" text NOT NULL,
	"alternate_risk" double precision,
	"alternate_source" text DEFAULT '' NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equity_audit_notes" (
	"artifact_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equity_audit_notes_artifact_id_question_key_pk" PRIMARY KEY("artifact_id","question_key")
);
--> statement-breakpoint
CREATE TABLE "equity_audits" (
	"artifact_id" uuid PRIMARY KEY NOT NULL,
	"school_year" text NOT NULL,
	"min_cell" smallint DEFAULT 10 NOT NULL,
	"min_n" smallint DEFAULT 30 NOT NULL,
	"threshold" double precision DEFAULT 2 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fishbone_bones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"artifact_id" uuid NOT NULL,
	"label" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fishbone_causes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bone_id" uuid NOT NULL,
	"parent_id" uuid,
	"text" text NOT NULL,
	"locus" "cause_locus" NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fishbones" (
	"artifact_id" uuid PRIMARY KEY NOT NULL,
	"problem" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pdsa_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"artifact_id" uuid NOT NULL,
	"number" smallint NOT NULL,
	"change_idea" text NOT NULL,
	"prediction" text DEFAULT '' NOT NULL,
	"plan_who" text DEFAULT '' NOT NULL,
	"plan_what" text DEFAULT '' NOT NULL,
	"plan_when" text DEFAULT '' NOT NULL,
	"plan_where" text DEFAULT '' NOT NULL,
	"plan_measures" text DEFAULT '' NOT NULL,
	"do_notes" text DEFAULT '' NOT NULL,
	"study_notes" text DEFAULT '' NOT NULL,
	"act" "pdsa_act",
	"act_notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pdsa_data_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"cycle_id" uuid,
	"observed_on" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pdsa_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"artifact_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pdsa_ramps" (
	"artifact_id" uuid PRIMARY KEY NOT NULL,
	"problem" text NOT NULL,
	"aim" text DEFAULT '' NOT NULL,
	"fishbone_id" uuid
);
--> statement-breakpoint
ALTER TABLE "equity_audit_counts" ADD CONSTRAINT "equity_audit_counts_indicator_id_equity_audit_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."equity_audit_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equity_audit_indicators" ADD CONSTRAINT "equity_audit_indicators_artifact_id_artifacts_id_fk" FOREIGN KEY ("artifact_id") REFERENCES "public"."artifacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equity_audit_notes" ADD CONSTRAINT "equity_audit_notes_artifact_id_artifacts_id_fk" FOREIGN KEY ("artifact_id") REFERENCES "public"."artifacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equity_audits" ADD CONSTRAINT "equity_audits_artifact_id_artifacts_id_fk" FOREIGN KEY ("artifact_id") REFERENCES "public"."artifacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fishbone_bones" ADD CONSTRAINT "fishbone_bones_artifact_id_artifacts_id_fk" FOREIGN KEY ("artifact_id") REFERENCES "public"."artifacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fishbone_causes" ADD CONSTRAINT "fishbone_causes_bone_id_fishbone_bones_id_fk" FOREIGN KEY ("bone_id") REFERENCES "public"."fishbone_bones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fishbone_causes" ADD CONSTRAINT "fishbone_causes_parent_id_fishbone_causes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."fishbone_causes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fishbones" ADD CONSTRAINT "fishbones_artifact_id_artifacts_id_fk" FOREIGN KEY ("artifact_id") REFERENCES "public"."artifacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_cycles" ADD CONSTRAINT "pdsa_cycles_artifact_id_artifacts_id_fk" FOREIGN KEY ("artifact_id") REFERENCES "public"."artifacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_data_points" ADD CONSTRAINT "pdsa_data_points_measure_id_pdsa_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."pdsa_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_data_points" ADD CONSTRAINT "pdsa_data_points_cycle_id_pdsa_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."pdsa_cycles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_measures" ADD CONSTRAINT "pdsa_measures_artifact_id_artifacts_id_fk" FOREIGN KEY ("artifact_id") REFERENCES "public"."artifacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_ramps" ADD CONSTRAINT "pdsa_ramps_artifact_id_artifacts_id_fk" FOREIGN KEY ("artifact_id") REFERENCES "public"."artifacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdsa_ramps" ADD CONSTRAINT "pdsa_ramps_fishbone_id_artifacts_id_fk" FOREIGN KEY ("fishbone_id") REFERENCES "public"."artifacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "equity_audit_indicators_name_key" ON "equity_audit_indicators" USING btree ("artifact_id","name");--> statement-breakpoint
CREATE INDEX "fishbone_bones_artifact_idx" ON "fishbone_bones" USING btree ("artifact_id");--> statement-breakpoint
CREATE INDEX "fishbone_causes_bone_idx" ON "fishbone_causes" USING btree ("bone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pdsa_cycles_number_key" ON "pdsa_cycles" USING btree ("artifact_id","number");--> statement-breakpoint
CREATE INDEX "pdsa_data_points_measure_idx" ON "pdsa_data_points" USING btree ("measure_id","observed_on");--> statement-breakpoint
CREATE INDEX "pdsa_measures_artifact_idx" ON "pdsa_measures" USING btree ("artifact_id");