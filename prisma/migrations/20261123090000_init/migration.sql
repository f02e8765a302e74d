-- Area codes use the "C" collation so that a jurisdiction prefix (LIKE '330106%') is a plain
-- b-tree range scan whatever the server's default locale.

CREATE TYPE "AreaLevel" AS ENUM ('PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE');
CREATE TYPE "Role" AS ENUM ('VILLAGE_DIRECTOR', 'TOWNSHIP_SUPERVISOR', 'COUNTY_OFFICER', 'PROVINCE_OFFICER', 'MINISTRY_OFFICER', 'SYSTEM_ADMIN', 'AUDITOR');
CREATE TYPE "Sex" AS ENUM ('MALE', 'FEMALE');
CREATE TYPE "ChildStatus" AS ENUM ('ACTIVE', 'CLOSED');
CREATE TYPE "ChildCategoryCode" AS ENUM ('LEFT_BEHIND', 'MIGRANT', 'ORPHAN', 'DE_FACTO_UNSUPPORTED', 'POOR_FAMILY', 'DISABILITY', 'GUARDIANSHIP', 'SERIOUS_ILLNESS', 'HIV_AFFECTED', 'UNREGISTERED');
CREATE TYPE "CategorySource" AS ENUM ('DIRECTOR', 'RULE', 'REFERRAL', 'IMPORT');
CREATE TYPE "LivingArrangement" AS ENUM ('BOTH_PARENTS', 'ONE_PARENT', 'GRANDPARENTS', 'OTHER_RELATIVES', 'INSTITUTION', 'ALONE');
CREATE TYPE "HukouStatus" AS ENUM ('RURAL', 'URBAN', 'NONE');
CREATE TYPE "SchoolStage" AS ENUM ('NOT_YET', 'PRESCHOOL', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'VOCATIONAL', 'OUT_OF_SCHOOL', 'FINISHED');
CREATE TYPE "RiskLevel" AS ENUM ('RED', 'YELLOW', 'BLUE', 'GREEN');
CREATE TYPE "ReferralType" AS ENUM ('CIVIL_REGISTRATION', 'SCHOOL', 'HEALTH', 'MEDICAL_INSURANCE', 'SOCIAL_ASSISTANCE', 'ORPHAN_RECOGNITION', 'DISABILITY', 'GUARDIANSHIP', 'PSYCHOSOCIAL', 'PROTECTION', 'OTHER');
CREATE TYPE "ReferralStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'REFERRED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED_UNRESOLVED');
CREATE TYPE "BenefitType" AS ENUM ('ORPHAN_ALLOWANCE', 'DE_FACTO_ALLOWANCE', 'DIBAO', 'TEKUN', 'DISABILITY_LIVING_SUBSIDY', 'DISABILITY_CARE_SUBSIDY', 'CHILD_REHAB_AID', 'MEDICAL_INSURANCE', 'EDUCATION_AID', 'HUKOU_REGISTRATION', 'SCHOOL_RETURN');
CREATE TYPE "EntitlementStatus" AS ENUM ('APPLIED', 'CHECKED', 'RETURNED', 'CONFIRMED', 'DENIED', 'RECEIVING', 'SUSPENDED', 'ENDED');
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'DENIED', 'FAILURE');

CREATE TABLE "admin_areas" (
    "code" VARCHAR(12) COLLATE "C" NOT NULL,
    "name" TEXT NOT NULL,
    "level" "AreaLevel" NOT NULL,
    "parent_code" VARCHAR(12) COLLATE "C",
    "valid_from" DATE NOT NULL DEFAULT '2023-01-01'::date,
    "valid_to" DATE,
    CONSTRAINT "admin_areas_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "login_name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "phone" TEXT,
    "role" "Role" NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "ip_address" TEXT,
    "user_agent" TEXT,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "households" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "area_name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "income_source" TEXT,
    "has_dibao" BOOLEAN NOT NULL DEFAULT false,
    "has_tekun" BOOLEAN NOT NULL DEFAULT false,
    "is_low_income" BOOLEAN NOT NULL DEFAULT false,
    "father_whereabouts" TEXT,
    "mother_whereabouts" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "households_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "guardians" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "household_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "birth_year" INTEGER,
    "health" TEXT,
    "can_care" BOOLEAN NOT NULL DEFAULT true,
    "phone" TEXT,
    "is_entrusted" BOOLEAN NOT NULL DEFAULT false,
    "confirmation_signed_on" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "guardians_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "children" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "household_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "area_name" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_pinyin" TEXT NOT NULL,
    "name_initials" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "date_of_birth" DATE NOT NULL,
    "ethnicity" TEXT NOT NULL DEFAULT '汉族',
    "id_number_encrypted" TEXT,
    "id_number_hash" TEXT,
    "id_number_masked" VARCHAR(18),
    "no_id_reason" TEXT,
    "hukou_status" "HukouStatus" NOT NULL,
    "school_stage" "SchoolStage" NOT NULL,
    "living_arrangement" "LivingArrangement" NOT NULL,
    "status" "ChildStatus" NOT NULL DEFAULT 'ACTIVE',
    "closed_reason" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "risk_level" "RiskLevel",
    "next_visit_on" DATE,
    "consent_basis" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "children_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "child_categories" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "child_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "category" "ChildCategoryCode" NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "source" "CategorySource" NOT NULL,
    "note" TEXT,
    "recorded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "child_categories_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "visits" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "child_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "visited_on" DATE NOT NULL,
    "risk_level" "RiskLevel" NOT NULL,
    "care" TEXT,
    "safety" TEXT,
    "health" TEXT,
    "education" TEXT,
    "wellbeing" TEXT,
    "notes" TEXT,
    "next_visit_on" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "visits_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "referrals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "child_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "type" "ReferralType" NOT NULL,
    "agency" TEXT NOT NULL,
    "status" "ReferralStatus" NOT NULL DEFAULT 'DRAFT',
    "reason" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "due_on" DATE,
    "outcome" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "referrals_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "entitlements" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "child_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "type" "BenefitType" NOT NULL,
    "status" "EntitlementStatus" NOT NULL,
    "monthly_amount_fen" INTEGER,
    "applied_on" DATE NOT NULL,
    "decided_on" DATE,
    "start_month" DATE,
    "end_month" DATE,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "entitlements_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_role" "Role",
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "area_code" VARCHAR(12) COLLATE "C",
    "outcome" "AuditOutcome" NOT NULL,
    "request_id" TEXT,
    "details" JSONB,
    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "admin_areas_parent_code_idx" ON "admin_areas"("parent_code");
CREATE INDEX "admin_areas_level_idx" ON "admin_areas"("level");
CREATE UNIQUE INDEX "users_login_name_key" ON "users"("login_name");
CREATE INDEX "users_area_code_idx" ON "users"("area_code");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");
CREATE INDEX "households_area_code_idx" ON "households"("area_code");
CREATE INDEX "guardians_household_id_idx" ON "guardians"("household_id");
CREATE INDEX "guardians_area_code_idx" ON "guardians"("area_code");
CREATE INDEX "children_area_code_status_idx" ON "children"("area_code", "status");
CREATE INDEX "children_household_id_idx" ON "children"("household_id");
CREATE INDEX "children_id_number_hash_idx" ON "children"("id_number_hash");
CREATE INDEX "child_categories_child_id_idx" ON "child_categories"("child_id");
CREATE INDEX "child_categories_area_code_category_idx" ON "child_categories"("area_code", "category");
CREATE INDEX "visits_child_id_visited_on_idx" ON "visits"("child_id", "visited_on");
CREATE INDEX "visits_area_code_visited_on_idx" ON "visits"("area_code", "visited_on");
CREATE INDEX "referrals_child_id_idx" ON "referrals"("child_id");
CREATE INDEX "referrals_area_code_status_idx" ON "referrals"("area_code", "status");
CREATE INDEX "entitlements_child_id_idx" ON "entitlements"("child_id");
CREATE INDEX "entitlements_area_code_type_status_idx" ON "entitlements"("area_code", "type", "status");
CREATE INDEX "audit_events_area_code_occurred_at_idx" ON "audit_events"("area_code", "occurred_at");
CREATE INDEX "audit_events_entity_entity_id_idx" ON "audit_events"("entity", "entity_id");
CREATE INDEX "audit_events_actor_id_occurred_at_idx" ON "audit_events"("actor_id", "occurred_at");

ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "guardians" ADD CONSTRAINT "guardians_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "children" ADD CONSTRAINT "children_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "child_categories" ADD CONSTRAINT "child_categories_child_id_fkey" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "visits" ADD CONSTRAINT "visits_child_id_fkey" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_child_id_fkey" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "entitlements" ADD CONSTRAINT "entitlements_child_id_fkey" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit trail is append-only: the database itself refuses to change or remove it.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_events_no_update_delete"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
