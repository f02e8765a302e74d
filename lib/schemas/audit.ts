import { z } from "zod";

/** The chain check takes no input; the schema keeps the one action shape (and refuses stray fields). */
export const verifyChainSchema = z.strictObject({});
