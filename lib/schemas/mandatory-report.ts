import { z } from "zod";

export const acknowledgeReportSchema = z.strictObject({
  reportId: z.uuid({ error: "errors.notFound" }),
  version: z.coerce.number().int().positive(),
});

export type AcknowledgeReportInput = z.infer<typeof acknowledgeReportSchema>;
