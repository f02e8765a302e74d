import "./fail-on-console-error";

// lib/server/env.ts validates these on first use; fixed test-only keys (never used outside tests).
process.env.FIELD_ENCRYPTION_KEY ??= Buffer.alloc(32, "barefoot-test-encryption").toString("base64");
process.env.FIELD_HASH_KEY ??= Buffer.alloc(32, "barefoot-test-hash").toString("base64");
