-- Security (issue 7): second factor, recovery codes, the HIV-status permission, password age, a shared
-- rate-limit store, and a hash chain over the audit trail.

ALTER TABLE "users"
    ADD COLUMN "password_changed_at" TIMESTAMPTZ(3),
    ADD COLUMN "totp_secret" TEXT,
    ADD COLUMN "totp_enabled_at" TIMESTAMPTZ(3),
    ADD COLUMN "hiv_access" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "sessions" ADD COLUMN "second_factor_at" TIMESTAMPTZ(3);

CREATE TABLE "recovery_codes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "recovery_codes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "recovery_codes_user_id_idx" ON "recovery_codes"("user_id");
ALTER TABLE "recovery_codes" ADD CONSTRAINT "recovery_codes_user_id_fkey"
    FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The store of rate-limiter-flexible's RateLimiterPostgres (its own layout), shared by every app process.
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,
    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- Audit hash chain. A row's seal is written when its transaction commits (a deferred trigger), under one
-- advisory lock, so seals follow commit order and each carries the previous seal's hash. Rolled-back
-- events leave no seal and no gap. An edited, deleted or inserted-afterwards event breaks the chain, which
-- `npm run audit:verify` detects even if whoever edited it could bypass the append-only triggers.
CREATE TABLE "audit_seals" (
    "seq" BIGINT NOT NULL,
    "event_id" BIGINT NOT NULL,
    "prev_hash" CHAR(64),
    "hash" CHAR(64) NOT NULL,
    "sealed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_seals_pkey" PRIMARY KEY ("seq")
);
CREATE UNIQUE INDEX "audit_seals_event_id_key" ON "audit_seals"("event_id");
ALTER TABLE "audit_seals" ADD CONSTRAINT "audit_seals_event_id_fkey"
    FOREIGN KEY ("event_id") REFERENCES "audit_events"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

CREATE TRIGGER "audit_seals_no_update_delete"
  BEFORE UPDATE OR DELETE ON "audit_seals"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
CREATE TRIGGER "audit_seals_no_truncate"
  BEFORE TRUNCATE ON "audit_seals"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();

-- The exact text that is hashed; scripts/lib/audit-chain recomputes it with the same expression.
CREATE FUNCTION "audit_event_canonical"(e "audit_events") RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT json_build_array(e.id::text, (extract(epoch FROM e.occurred_at) * 1000)::bigint::text,
    e.actor_id::text, e.actor_role::text, e.action, e.entity, e.entity_id, e.area_code, e.outcome::text,
    e.request_id, e.details::text)::text
$$;

CREATE FUNCTION "audit_events_seal"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq BIGINT;
  last_hash TEXT;
BEGIN
  -- Under REPEATABLE READ the chain head read below could be stale: refuse rather than fork the chain.
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit events must be written in READ COMMITTED transactions' USING ERRCODE = 'serialization_failure';
  END IF;
  PERFORM pg_advisory_xact_lock(7243001);
  SELECT "seq", "hash" INTO last_seq, last_hash FROM "audit_seals" ORDER BY "seq" DESC LIMIT 1;
  INSERT INTO "audit_seals" ("seq", "event_id", "prev_hash", "hash")
  VALUES (COALESCE(last_seq, 0) + 1, NEW.id, last_hash,
          encode(sha256(convert_to(COALESCE(last_hash, '') || "audit_event_canonical"(NEW), 'UTF8')), 'hex'));
  RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "audit_events_seal"
  AFTER INSERT ON "audit_events"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "audit_events_seal"();

-- Seal the events written before the chain existed, in id order.
DO $$
DECLARE
  e "audit_events";
  last_seq BIGINT := 0;
  last_hash TEXT := NULL;
BEGIN
  FOR e IN SELECT * FROM "audit_events" ORDER BY "id" LOOP
    last_seq := last_seq + 1;
    INSERT INTO "audit_seals" ("seq", "event_id", "prev_hash", "hash")
    VALUES (last_seq, e.id, last_hash, encode(sha256(convert_to(COALESCE(last_hash, '') || "audit_event_canonical"(e), 'UTF8')), 'hex'))
    RETURNING "hash" INTO last_hash;
  END LOOP;
END;
$$;
