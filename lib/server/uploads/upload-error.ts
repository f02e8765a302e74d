import "server-only";
import { ValidationError } from "../errors";

const MESSAGES = {
  tooLarge: "entitlementDocument.errors.tooLarge",
  unsupportedType: "entitlementDocument.errors.unsupportedType",
  empty: "entitlementDocument.errors.empty",
} as const;

export type UploadRejection = keyof typeof MESSAGES;

/** A file refused for what it is (size, type), as opposed to where it goes; routes answer 413/415/422. */
export class UploadRejectedError extends ValidationError {
  constructor(readonly reason: UploadRejection) {
    super({ file: [MESSAGES[reason]] }, MESSAGES[reason]);
  }
}
