-- Entitlements: the benefit catalogue with its documents and dated rates, applications with their events,
-- deadlines and uploaded documents, and monthly payment rosters.

ALTER TYPE "EntitlementStatus" ADD VALUE 'WITHDRAWN';
ALTER TYPE "NotificationKind" ADD VALUE 'ENTITLEMENT_APPLIED';
ALTER TYPE "NotificationKind" ADD VALUE 'ENTITLEMENT_CHECKED';
ALTER TYPE "NotificationKind" ADD VALUE 'ENTITLEMENT_RETURNED';
ALTER TYPE "NotificationKind" ADD VALUE 'ENTITLEMENT_DECIDED';
CREATE TYPE "PaymentStatus" AS ENUM ('PAID', 'NOT_PAID');

ALTER TABLE "entitlements"
    ADD COLUMN "eligible_on_apply" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "eligibility" JSONB,
    ADD COLUMN "justification" TEXT,
    ADD COLUMN "status_reason" TEXT,
    ADD COLUMN "checked_at" TIMESTAMPTZ(3),
    ADD COLUMN "checked_by_id" UUID,
    ADD COLUMN "decided_by_id" UUID,
    ADD COLUMN "state_entered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "due_on" DATE,
    ADD COLUMN "client_request_id" UUID,
    ADD CONSTRAINT "entitlements_monthly_amount_fen_check" CHECK ("monthly_amount_fen" IS NULL OR "monthly_amount_fen" BETWEEN 0 AND 100000000);
UPDATE "entitlements" SET "state_entered_at" = COALESCE("decided_on"::timestamptz, "applied_on"::timestamptz, "created_at");
CREATE UNIQUE INDEX "entitlements_client_request_id_key" ON "entitlements"("client_request_id");
CREATE INDEX "entitlements_area_code_due_on_idx" ON "entitlements"("area_code", "due_on");

CREATE TABLE "entitlement_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "entitlement_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "from_status" "EntitlementStatus",
    "to_status" "EntitlementStatus" NOT NULL,
    "actor_id" UUID,
    "actor_role" "Role",
    "note" TEXT,
    "month" DATE,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "entitlement_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "entitlement_events_entitlement_id_occurred_at_idx" ON "entitlement_events"("entitlement_id", "occurred_at");
ALTER TABLE "entitlement_events" ADD CONSTRAINT "entitlement_events_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing entitlements get their history's first step, so every timeline starts somewhere.
INSERT INTO "entitlement_events" ("entitlement_id", "area_code", "from_status", "to_status", "actor_id", "occurred_at")
SELECT "id", "area_code", NULL, "status", "created_by_id", "state_entered_at" FROM "entitlements";

CREATE TABLE "entitlement_documents" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "entitlement_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "document_code" VARCHAR(40) NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "storage_key" TEXT NOT NULL,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),
    "removed_by_id" UUID,

    CONSTRAINT "entitlement_documents_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "entitlement_documents_size_bytes_check" CHECK ("size_bytes" > 0)
);
CREATE UNIQUE INDEX "entitlement_documents_storage_key_key" ON "entitlement_documents"("storage_key");
CREATE INDEX "entitlement_documents_entitlement_id_idx" ON "entitlement_documents"("entitlement_id");
CREATE INDEX "entitlement_documents_area_code_idx" ON "entitlement_documents"("area_code");
ALTER TABLE "entitlement_documents" ADD CONSTRAINT "entitlement_documents_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "benefits" (
    "type" "BenefitType" NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "is_cash" BOOLEAN NOT NULL,
    "is_recurring" BOOLEAN NOT NULL,
    "deciding_level" "AreaLevel" NOT NULL,
    "deciding_agency_zh" TEXT NOT NULL,
    "deciding_agency_en" TEXT NOT NULL,
    "check_days" INTEGER NOT NULL,
    "confirm_days" INTEGER NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "benefits_pkey" PRIMARY KEY ("type"),
    CONSTRAINT "benefits_days_check" CHECK ("check_days" BETWEEN 1 AND 120 AND "confirm_days" BETWEEN 1 AND 120)
);

CREATE TABLE "benefit_documents" (
    "benefit_type" "BenefitType" NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,

    CONSTRAINT "benefit_documents_pkey" PRIMARY KEY ("benefit_type", "code")
);
ALTER TABLE "benefit_documents" ADD CONSTRAINT "benefit_documents_benefit_type_fkey" FOREIGN KEY ("benefit_type") REFERENCES "benefits"("type") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "benefit_rates" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "benefit_type" "BenefitType" NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "effective_from" DATE NOT NULL,
    "monthly_amount_fen" INTEGER NOT NULL,
    "set_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "benefit_rates_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "benefit_rates_amount_check" CHECK ("monthly_amount_fen" BETWEEN 0 AND 100000000),
    CONSTRAINT "benefit_rates_month_check" CHECK (EXTRACT(DAY FROM "effective_from") = 1),
    CONSTRAINT "benefit_rates_area_check" CHECK ("area_code" ~ '^([0-9]{2}|[0-9]{6})?$')
);
CREATE UNIQUE INDEX "benefit_rates_benefit_type_area_code_effective_from_key" ON "benefit_rates"("benefit_type", "area_code", "effective_from");
ALTER TABLE "benefit_rates" ADD CONSTRAINT "benefit_rates_benefit_type_fkey" FOREIGN KEY ("benefit_type") REFERENCES "benefits"("type") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "payment_batches" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "benefit_type" "BenefitType" NOT NULL,
    "month" DATE NOT NULL,
    "paid_count" INTEGER NOT NULL,
    "exception_count" INTEGER NOT NULL,
    "total_fen" BIGINT NOT NULL,
    "client_request_id" UUID,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payment_batches_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "payment_batches_client_request_id_key" ON "payment_batches"("client_request_id");
CREATE INDEX "payment_batches_area_code_benefit_type_month_idx" ON "payment_batches"("area_code", "benefit_type", "month");

CREATE TABLE "benefit_payments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "batch_id" UUID NOT NULL,
    "entitlement_id" UUID NOT NULL,
    "child_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "benefit_type" "BenefitType" NOT NULL,
    "month" DATE NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "exception_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "recorded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "benefit_payments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "benefit_payments_amount_check" CHECK ("amount_fen" BETWEEN 0 AND 100000000),
    CONSTRAINT "benefit_payments_exception_check" CHECK ("status" = 'PAID' OR "exception_reason" IS NOT NULL)
);
CREATE UNIQUE INDEX "benefit_payments_entitlement_id_month_status_key" ON "benefit_payments"("entitlement_id", "month", "status");
CREATE INDEX "benefit_payments_batch_id_idx" ON "benefit_payments"("batch_id");
CREATE INDEX "benefit_payments_area_code_month_idx" ON "benefit_payments"("area_code", "month");
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "payment_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "benefit_payments" ADD CONSTRAINT "benefit_payments_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "entitlements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The national catalogue (domain.md "Entitlements"). Deadlines are the national maxima in working days:
-- 事实无人抚养 township ≤ 10, county ≤ 5; 低保/特困 审核确认办法 township ≤ 15, county ≤ 10 (特困 20/20).
INSERT INTO "benefits" ("type", "name_zh", "name_en", "is_cash", "is_recurring", "deciding_level", "deciding_agency_zh", "deciding_agency_en", "check_days", "confirm_days", "sort_order") VALUES
    ('ORPHAN_ALLOWANCE', '孤儿基本生活费', 'Orphan basic living allowance', true, true, 'COUNTY', '县级民政部门', 'County civil affairs bureau', 10, 5, 1),
    ('DE_FACTO_ALLOWANCE', '事实无人抚养儿童基本生活补贴', 'De-facto unsupported child living allowance', true, true, 'COUNTY', '县级民政部门', 'County civil affairs bureau', 10, 5, 2),
    ('DIBAO', '最低生活保障（低保）', 'Minimum living allowance (dibao)', true, true, 'COUNTY', '县级民政部门', 'County civil affairs bureau', 15, 10, 3),
    ('TEKUN', '特困人员救助供养', 'Extreme-poverty support (tekun)', true, true, 'COUNTY', '县级民政部门', 'County civil affairs bureau', 20, 20, 4),
    ('DISABILITY_LIVING_SUBSIDY', '困难残疾人生活补贴', 'Living subsidy for disabled people in hardship', true, true, 'COUNTY', '县级民政部门、残联', 'County civil affairs bureau and disabled persons'' federation', 10, 10, 5),
    ('DISABILITY_CARE_SUBSIDY', '重度残疾人护理补贴', 'Care subsidy for severely disabled people', true, true, 'COUNTY', '县级民政部门、残联', 'County civil affairs bureau and disabled persons'' federation', 10, 10, 6),
    ('CHILD_REHAB_AID', '残疾儿童康复救助', 'Rehabilitation aid for disabled children', false, true, 'COUNTY', '县级残联', 'County disabled persons'' federation', 10, 10, 7),
    ('MEDICAL_INSURANCE', '城乡居民医保参保（资助参保）', 'Resident medical insurance (subsidised premium)', false, false, 'COUNTY', '县级医疗保障局', 'County medical insurance bureau', 5, 10, 8),
    ('EDUCATION_AID', '学生资助', 'Education aid', false, true, 'COUNTY', '县级教育部门', 'County education bureau', 10, 10, 9),
    ('HUKOU_REGISTRATION', '办理出生登记和户口（落户）', 'Birth and hukou registration', false, false, 'COUNTY', '县级公安机关', 'County public security bureau', 5, 20, 10),
    ('SCHOOL_RETURN', '控辍保学（复学、入学）', 'Return to school / enrolment', false, false, 'COUNTY', '县级教育部门', 'County education bureau', 5, 10, 11);

INSERT INTO "benefit_documents" ("benefit_type", "code", "name_zh", "name_en", "sort_order") VALUES
    ('ORPHAN_ALLOWANCE', 'APPLICATION_FORM', '申请表（监护人签字）', 'Application form signed by the guardian', 1),
    ('ORPHAN_ALLOWANCE', 'CHILD_HUKOU', '儿童户口簿', 'Child''s hukou booklet', 2),
    ('ORPHAN_ALLOWANCE', 'CHILD_ID_OR_BIRTH', '儿童身份证或出生医学证明', 'Child''s ID card or birth certificate', 3),
    ('ORPHAN_ALLOWANCE', 'PARENTS_DEATH_OR_MISSING', '父母死亡证明或宣告失踪、查找不到证明', 'Parents'' death certificates or proof they are missing', 4),
    ('ORPHAN_ALLOWANCE', 'GUARDIAN_ID', '监护人身份证', 'Guardian''s ID card', 5),
    ('DE_FACTO_ALLOWANCE', 'APPLICATION_FORM', '申请表（监护人签字）', 'Application form signed by the guardian', 1),
    ('DE_FACTO_ALLOWANCE', 'CHILD_HUKOU', '儿童户口簿', 'Child''s hukou booklet', 2),
    ('DE_FACTO_ALLOWANCE', 'CHILD_ID_OR_BIRTH', '儿童身份证或出生医学证明', 'Child''s ID card or birth certificate', 3),
    ('DE_FACTO_ALLOWANCE', 'PARENTS_SITUATION', '父母重残、重病、服刑、强制隔离戒毒或失联等证明', 'Proof of the parents'' disability, illness, detention or disappearance', 4),
    ('DE_FACTO_ALLOWANCE', 'GUARDIAN_ID', '监护人身份证', 'Guardian''s ID card', 5),
    ('DIBAO', 'APPLICATION_FORM', '低保申请书', 'Dibao application', 1),
    ('DIBAO', 'HOUSEHOLD_HUKOU', '家庭户口簿', 'Household hukou booklet', 2),
    ('DIBAO', 'MEMBERS_ID', '家庭成员身份证', 'ID cards of the household members', 3),
    ('DIBAO', 'INCOME_STATEMENT', '家庭收入和财产状况说明', 'Statement of household income and assets', 4),
    ('DIBAO', 'CHECK_AUTHORIZATION', '家庭经济状况核对授权书', 'Authorisation to verify household finances', 5),
    ('TEKUN', 'APPLICATION_FORM', '特困供养申请书', 'Tekun application', 1),
    ('TEKUN', 'HOUSEHOLD_HUKOU', '家庭户口簿', 'Household hukou booklet', 2),
    ('TEKUN', 'MEMBERS_ID', '本人及家庭成员身份证', 'ID cards of the child and household members', 3),
    ('TEKUN', 'INCOME_STATEMENT', '收入和财产状况说明', 'Statement of income and assets', 4),
    ('TEKUN', 'CARER_SITUATION', '无法定抚养义务人或其无抚养能力的证明', 'Proof that no one with a duty of care can provide it', 5),
    ('DISABILITY_LIVING_SUBSIDY', 'APPLICATION_FORM', '申请表', 'Application form', 1),
    ('DISABILITY_LIVING_SUBSIDY', 'DISABILITY_CERTIFICATE', '残疾人证', 'Disability certificate', 2),
    ('DISABILITY_LIVING_SUBSIDY', 'DIBAO_CERTIFICATE', '低保证', 'Dibao certificate', 3),
    ('DISABILITY_LIVING_SUBSIDY', 'CHILD_HUKOU', '儿童户口簿', 'Child''s hukou booklet', 4),
    ('DISABILITY_CARE_SUBSIDY', 'APPLICATION_FORM', '申请表', 'Application form', 1),
    ('DISABILITY_CARE_SUBSIDY', 'DISABILITY_CERTIFICATE', '残疾人证（一级或二级）', 'Disability certificate (grade 1 or 2)', 2),
    ('DISABILITY_CARE_SUBSIDY', 'CHILD_HUKOU', '儿童户口簿', 'Child''s hukou booklet', 3),
    ('CHILD_REHAB_AID', 'APPLICATION_FORM', '康复救助申请审批表', 'Rehabilitation aid application', 1),
    ('CHILD_REHAB_AID', 'DIAGNOSIS', '残疾人证或医院诊断证明', 'Disability certificate or hospital diagnosis', 2),
    ('CHILD_REHAB_AID', 'LOW_INCOME_PROOF', '低保、特困或低收入家庭证明', 'Proof of dibao, tekun or low income', 3),
    ('CHILD_REHAB_AID', 'CHILD_HUKOU', '儿童户口簿', 'Child''s hukou booklet', 4),
    ('MEDICAL_INSURANCE', 'CHILD_HUKOU', '儿童户口簿', 'Child''s hukou booklet', 1),
    ('MEDICAL_INSURANCE', 'CHILD_ID_OR_BIRTH', '儿童身份证或出生医学证明', 'Child''s ID card or birth certificate', 2),
    ('EDUCATION_AID', 'APPLICATION_FORM', '学生资助申请表', 'Education aid application', 1),
    ('EDUCATION_AID', 'STUDENT_STATUS', '学籍证明', 'Proof of enrolment', 2),
    ('EDUCATION_AID', 'HARDSHIP_PROOF', '家庭经济困难证明', 'Proof of household hardship', 3),
    ('HUKOU_REGISTRATION', 'BIRTH_CERTIFICATE', '出生医学证明', 'Birth certificate', 1),
    ('HUKOU_REGISTRATION', 'PARENTS_ID', '父母或监护人身份证', 'Parents'' or guardian''s ID cards', 2),
    ('HUKOU_REGISTRATION', 'HOUSEHOLD_HUKOU', '拟落户的户口簿', 'Hukou booklet of the household to register in', 3),
    ('SCHOOL_RETURN', 'SCHOOL_RECEIPT', '学校接收（复学、入学）回执', 'School''s receipt of enrolment or return', 1);

-- National reference amounts (2023 Q3): ¥1,439.90 a month for scattered orphans and de-facto unsupported
-- children. Provinces and counties add their own rows; the longest matching area prefix wins.
INSERT INTO "benefit_rates" ("benefit_type", "area_code", "effective_from", "monthly_amount_fen") VALUES
    ('ORPHAN_ALLOWANCE', '', '2023-07-01', 143990),
    ('DE_FACTO_ALLOWANCE', '', '2023-07-01', 143990);
