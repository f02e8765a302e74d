-- Village director's workbench: full household and child registration, structured visits,
-- visit policy per county, mandatory reports (强制报告) and group sessions.

CREATE TYPE "ParentStatus" AS ENUM ('AT_HOME', 'WORKING_AWAY', 'DECEASED', 'MISSING', 'DEPRIVED_OF_LIBERTY', 'SEVERELY_ILL_OR_DISABLED', 'UNKNOWN');
CREATE TYPE "HealthStatus" AS ENUM ('HEALTHY', 'CHRONIC_ILLNESS', 'SERIOUS_ILLNESS');
CREATE TYPE "DisabilityType" AS ENUM ('VISUAL', 'HEARING', 'SPEECH', 'PHYSICAL', 'INTELLECTUAL', 'MENTAL', 'MULTIPLE');
CREATE TYPE "MedicalInsurance" AS ENUM ('INSURED', 'NOT_INSURED', 'UNKNOWN');
CREATE TYPE "VisitType" AS ENUM ('HOME', 'PHONE', 'SCHOOL', 'OTHER');
CREATE TYPE "CheckStatus" AS ENUM ('FINE', 'CONCERN', 'URGENT');
CREATE TYPE "MandatoryReportKind" AS ENUM ('VISIT_SAFETY', 'CHILD_ALONE', 'DIRECT');
CREATE TYPE "MandatoryReportStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'CLOSED');
CREATE TYPE "GroupTopic" AS ENUM ('INJURY_PREVENTION', 'VIOLENCE_PREVENTION', 'PARENTING', 'PSYCHOSOCIAL', 'OTHER');

ALTER TABLE "households"
    ADD COLUMN "member_count" INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN "father_status" "ParentStatus" NOT NULL DEFAULT 'UNKNOWN',
    ADD COLUMN "father_away_since" DATE,
    ADD COLUMN "father_phone" TEXT,
    ADD COLUMN "mother_status" "ParentStatus" NOT NULL DEFAULT 'UNKNOWN',
    ADD COLUMN "mother_away_since" DATE,
    ADD COLUMN "mother_phone" TEXT,
    ADD CONSTRAINT "households_member_count_check" CHECK ("member_count" BETWEEN 1 AND 50);

ALTER TABLE "children"
    ADD COLUMN "hukou_place" TEXT,
    ADD COLUMN "school_name" TEXT,
    ADD COLUMN "out_of_school_reason" TEXT,
    ADD COLUMN "is_boarding" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "health_status" "HealthStatus" NOT NULL DEFAULT 'HEALTHY',
    ADD COLUMN "health_note" TEXT,
    ADD COLUMN "disability_type" "DisabilityType",
    ADD COLUMN "disability_grade" SMALLINT,
    ADD COLUMN "has_disability_certificate" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "medical_insurance" "MedicalInsurance" NOT NULL DEFAULT 'UNKNOWN',
    ADD COLUMN "consent_given_by" TEXT,
    ADD COLUMN "consent_on" DATE,
    ADD COLUMN "last_visit_on" DATE,
    ADD CONSTRAINT "children_disability_grade_check" CHECK ("disability_grade" BETWEEN 1 AND 4);

-- consent_basis becomes a code (lib/domain/enums.ts CONSENT_BASES); earlier free text meant guardian consent.
UPDATE "children" SET "consent_basis" = 'GUARDIAN_CONSENT' WHERE "consent_basis" NOT IN ('GUARDIAN_CONSENT', 'STATUTORY_DUTY');

UPDATE "children" c SET "last_visit_on" = v.last FROM (
    SELECT "child_id", max("visited_on") AS last FROM "visits" GROUP BY "child_id"
) v WHERE v."child_id" = c."id";

CREATE INDEX "children_name_initials_area_code_idx" ON "children"("name_initials", "area_code");
CREATE INDEX "children_name_pinyin_area_code_idx" ON "children"("name_pinyin", "area_code");

ALTER TABLE "visits"
    ADD COLUMN "type" "VisitType" NOT NULL DEFAULT 'HOME',
    ADD COLUMN "met_with" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "care_check" "CheckStatus",
    ADD COLUMN "safety_check" "CheckStatus",
    ADD COLUMN "health_check" "CheckStatus",
    ADD COLUMN "education_check" "CheckStatus",
    ADD COLUMN "wellbeing_check" "CheckStatus",
    ADD COLUMN "needs" "ReferralType"[] NOT NULL DEFAULT ARRAY[]::"ReferralType"[];

ALTER TABLE "referrals" ADD COLUMN "visit_id" UUID;

CREATE TABLE "visit_policies" (
    "county_code" VARCHAR(6) COLLATE "C" NOT NULL,
    "risk_level" "RiskLevel" NOT NULL,
    "interval_days" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "visit_policies_pkey" PRIMARY KEY ("county_code", "risk_level"),
    CONSTRAINT "visit_policies_interval_days_check" CHECK ("interval_days" BETWEEN 1 AND 366)
);

CREATE TABLE "mandatory_reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "child_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "kind" "MandatoryReportKind" NOT NULL,
    "status" "MandatoryReportStatus" NOT NULL DEFAULT 'OPEN',
    "description" TEXT NOT NULL,
    "visit_id" UUID,
    "police_informed_at" TIMESTAMPTZ(3),
    "police_informed_by" TEXT,
    "police_reference" TEXT,
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mandatory_reports_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "mandatory_reports_area_code_status_idx" ON "mandatory_reports"("area_code", "status");
CREATE INDEX "mandatory_reports_child_id_idx" ON "mandatory_reports"("child_id");
ALTER TABLE "mandatory_reports" ADD CONSTRAINT "mandatory_reports_child_id_fkey" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "group_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "area_name" TEXT NOT NULL,
    "topic" "GroupTopic" NOT NULL,
    "title" TEXT NOT NULL,
    "held_on" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "facilitator" TEXT NOT NULL,
    "children_count" INTEGER NOT NULL,
    "caregivers_count" INTEGER NOT NULL,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "group_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "group_sessions_counts_check" CHECK ("children_count" >= 0 AND "caregivers_count" >= 0)
);

CREATE INDEX "group_sessions_area_code_held_on_idx" ON "group_sessions"("area_code", "held_on");

CREATE TABLE "group_session_attendees" (
    "session_id" UUID NOT NULL,
    "child_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,

    CONSTRAINT "group_session_attendees_pkey" PRIMARY KEY ("session_id", "child_id")
);

CREATE INDEX "group_session_attendees_child_id_idx" ON "group_session_attendees"("child_id");
ALTER TABLE "group_session_attendees" ADD CONSTRAINT "group_session_attendees_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "group_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "group_session_attendees" ADD CONSTRAINT "group_session_attendees_child_id_fkey" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE CASCADE;
