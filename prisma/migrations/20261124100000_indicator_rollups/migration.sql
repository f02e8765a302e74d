-- Dashboards at national scale (issue 6): pre-aggregated indicator rows per area, month, indicator and
-- breakdown, kept fresh by marking changed villages dirty (statement triggers, one row per village and
-- statement, whatever the number of rows) and a refresh job that recomputes only those villages.

CREATE TABLE "indicator_rollups" (
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "level" TEXT NOT NULL,
    "province_code" CHAR(2) NOT NULL,
    "period" DATE NOT NULL,
    "indicator" VARCHAR(64) NOT NULL,
    "breakdown" VARCHAR(64) NOT NULL DEFAULT '',
    "value" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "indicator_rollups_pkey" PRIMARY KEY ("area_code", "period", "indicator", "breakdown"),
    CONSTRAINT "indicator_rollups_level_check" CHECK ("level" IN ('NATION', 'PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP', 'VILLAGE')),
    CONSTRAINT "indicator_rollups_period_check" CHECK ("period" = date_trunc('month', "period")::date)
);
CREATE INDEX "indicator_rollups_level_period_area_code_idx" ON "indicator_rollups"("level", "period", "area_code");

-- Villages whose rollups must be recomputed. A refresh takes rows with FOR UPDATE SKIP LOCKED, so several
-- app processes can share the work; a mark that arrives during a refresh survives it (marked_at compared).
CREATE TABLE "rollup_dirty" (
    "area_code" VARCHAR(12) COLLATE "C" NOT NULL,
    "marked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "rollup_dirty_pkey" PRIMARY KEY ("area_code")
);

CREATE FUNCTION "mark_rollups_dirty"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "rollup_dirty" ("area_code", "marked_at")
  SELECT "area_code", clock_timestamp()
  FROM (SELECT DISTINCT "area_code" FROM changed_rows WHERE "area_code" IS NOT NULL AND length("area_code") = 12) AS villages
  ON CONFLICT ("area_code") DO UPDATE SET "marked_at" = EXCLUDED."marked_at";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "children_rollup_dirty_ins" AFTER INSERT ON "children" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "children_rollup_dirty_upd" AFTER UPDATE ON "children" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "children_rollup_dirty_del" AFTER DELETE ON "children" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "child_categories_rollup_dirty_ins" AFTER INSERT ON "child_categories" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "child_categories_rollup_dirty_upd" AFTER UPDATE ON "child_categories" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "child_categories_rollup_dirty_del" AFTER DELETE ON "child_categories" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "visits_rollup_dirty_ins" AFTER INSERT ON "visits" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "visits_rollup_dirty_upd" AFTER UPDATE ON "visits" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "visits_rollup_dirty_del" AFTER DELETE ON "visits" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "referrals_rollup_dirty_ins" AFTER INSERT ON "referrals" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "referrals_rollup_dirty_upd" AFTER UPDATE ON "referrals" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "referrals_rollup_dirty_del" AFTER DELETE ON "referrals" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "entitlements_rollup_dirty_ins" AFTER INSERT ON "entitlements" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "entitlements_rollup_dirty_upd" AFTER UPDATE ON "entitlements" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "entitlements_rollup_dirty_del" AFTER DELETE ON "entitlements" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "mandatory_reports_rollup_dirty_ins" AFTER INSERT ON "mandatory_reports" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "mandatory_reports_rollup_dirty_upd" AFTER UPDATE ON "mandatory_reports" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "mandatory_reports_rollup_dirty_del" AFTER DELETE ON "mandatory_reports" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "group_sessions_rollup_dirty_ins" AFTER INSERT ON "group_sessions" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "group_sessions_rollup_dirty_upd" AFTER UPDATE ON "group_sessions" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "group_sessions_rollup_dirty_del" AFTER DELETE ON "group_sessions" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "group_session_attendees_rollup_dirty_ins" AFTER INSERT ON "group_session_attendees" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "group_session_attendees_rollup_dirty_upd" AFTER UPDATE ON "group_session_attendees" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "group_session_attendees_rollup_dirty_del" AFTER DELETE ON "group_session_attendees" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "users_rollup_dirty_ins" AFTER INSERT ON "users" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "users_rollup_dirty_upd" AFTER UPDATE ON "users" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
CREATE TRIGGER "users_rollup_dirty_del" AFTER DELETE ON "users" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "mark_rollups_dirty"();
