import { z } from "zod";
import { version } from "./fields";

export const acknowledgeReportSchema = z.strictObject({
  reportId: z.uuid({ error: "errors.notFound" }),
  version,
});

export type AcknowledgeReportInput = z.infer<typeof acknowledgeReportSchema>;
