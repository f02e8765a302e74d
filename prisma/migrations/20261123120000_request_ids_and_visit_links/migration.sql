-- Idempotent creation: the form's one-per-submission id, so a retried save returns the first record.
ALTER TABLE "households" ADD COLUMN "client_request_id" UUID;
ALTER TABLE "children" ADD COLUMN "client_request_id" UUID;
ALTER TABLE "visits" ADD COLUMN "client_request_id" UUID;
ALTER TABLE "group_sessions" ADD COLUMN "client_request_id" UUID;
CREATE UNIQUE INDEX "households_client_request_id_key" ON "households"("client_request_id");
CREATE UNIQUE INDEX "children_client_request_id_key" ON "children"("client_request_id");
CREATE UNIQUE INDEX "visits_client_request_id_key" ON "visits"("client_request_id");
CREATE UNIQUE INDEX "group_sessions_client_request_id_key" ON "group_sessions"("client_request_id");

-- Referral drafts and mandatory reports point at the visit that raised them.
CREATE INDEX "referrals_visit_id_idx" ON "referrals"("visit_id");
CREATE INDEX "mandatory_reports_visit_id_idx" ON "mandatory_reports"("visit_id");
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "mandatory_reports" ADD CONSTRAINT "mandatory_reports_visit_id_fkey" FOREIGN KEY ("visit_id") REFERENCES "visits"("id") ON DELETE SET NULL ON UPDATE CASCADE;
