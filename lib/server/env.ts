import "server-only";
import { z } from "zod";

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, "base64").length === 32, { error: "must be 32 bytes, base64-encoded" });

const envSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, { error: "must be a postgresql:// URL" }),
  FIELD_ENCRYPTION_KEY: base64Key,
  FIELD_HASH_KEY: base64Key,
  // Where photos of application documents are kept (private: never under public/); default .data/uploads.
  UPLOAD_DIR: z.string().min(1).optional(),
});

export type ServerEnv = z.infer<typeof envSchema>;

let cached: ServerEnv | undefined;

/** Read lazily so scripts and tests can set the environment before the first query. */
export function serverEnv(): ServerEnv {
  if (cached && cached.DATABASE_URL === process.env.DATABASE_URL) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = Object.entries(z.flattenError(parsed.error).fieldErrors)
      .map(([key, messages]) => `${key} ${messages?.join(", ")}`)
      .join("; ");
    throw new Error(`Server environment is incomplete: ${problems}. See .env.example.`);
  }
  cached = parsed.data;
  return cached;
}
