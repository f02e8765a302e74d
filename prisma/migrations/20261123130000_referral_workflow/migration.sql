-- Referral workflow: transitions as events, deadlines in working days per county, holidays,
-- and in-app notifications.

CREATE TYPE "NotificationKind" AS ENUM ('REFERRAL_SUBMITTED', 'REFERRAL_APPROVED', 'REFERRAL_RETURNED', 'REFERRAL_REJECTED', 'URGENT_REPORT', 'REPORT_ESCALATED', 'TRANSFER_REQUESTED', 'TRANSFER_ACCEPTED', 'VISIT_OVERDUE');

ALTER TABLE "referrals"
    ADD COLUMN "state_entered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD COLUMN "referred_on" DATE;
UPDATE "referrals" SET "state_entered_at" = COALESCE("decided_at", "submitted_at", "created_at");
CREATE INDEX "referrals_area_code_due_on_idx" ON "referrals"("area_code", "due_on");

CREATE TABLE "referral_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "referral_id" UUID NOT NULL,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "from_status" "ReferralStatus",
    "to_status" "ReferralStatus" NOT NULL,
    "actor_id" UUID,
    "actor_role" "Role",
    "note" TEXT,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "referral_events_referral_id_occurred_at_idx" ON "referral_events"("referral_id", "occurred_at");
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_fkey" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing referrals get their history's first step, so every timeline starts somewhere.
INSERT INTO "referral_events" ("referral_id", "area_code", "from_status", "to_status", "actor_id", "occurred_at")
SELECT "id", "area_code", NULL, "status", "created_by_id", "state_entered_at" FROM "referrals";

CREATE TABLE "referral_deadlines" (
    "county_code" VARCHAR(6) COLLATE "C" NOT NULL,
    "status" "ReferralStatus" NOT NULL,
    "working_days" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "referral_deadlines_pkey" PRIMARY KEY ("county_code", "status"),
    CONSTRAINT "referral_deadlines_working_days_check" CHECK ("working_days" BETWEEN 1 AND 120)
);

CREATE TABLE "holidays" (
    "day" DATE NOT NULL,
    "is_workday" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT NOT NULL,

    CONSTRAINT "holidays_pkey" PRIMARY KEY ("day")
);

CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "params" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at");
CREATE INDEX "notifications_entity_entity_id_idx" ON "notifications"("entity", "entity_id");
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Child transfers between villages (the file moves when the receiving township accepts).
CREATE TYPE "TransferStatus" AS ENUM ('REQUESTED', 'ACCEPTED', 'REJECTED', 'CANCELLED');

CREATE TABLE "child_transfers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "child_id" UUID NOT NULL,
    "from_area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "from_area_name" TEXT NOT NULL,
    "to_area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "to_area_name" TEXT NOT NULL,
    "status" "TransferStatus" NOT NULL DEFAULT 'REQUESTED',
    "reason" TEXT NOT NULL,
    "decision_note" TEXT,
    "requested_by_id" UUID,
    "requested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "child_transfers_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "child_transfers_child_id_idx" ON "child_transfers"("child_id");
CREATE INDEX "child_transfers_from_area_code_status_idx" ON "child_transfers"("from_area_code", "status");
CREATE INDEX "child_transfers_to_area_code_status_idx" ON "child_transfers"("to_area_code", "status");
ALTER TABLE "child_transfers" ADD CONSTRAINT "child_transfers_child_id_fkey" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE CASCADE;
