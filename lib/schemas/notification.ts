import { z } from "zod";

/** One notification id, or "all" of the user's own. */
export const markReadSchema = z.strictObject({
  id: z.union([z.literal("all"), z.uuid({ error: "errors.notFound" })]),
});
export type MarkReadInput = z.infer<typeof markReadSchema>;
