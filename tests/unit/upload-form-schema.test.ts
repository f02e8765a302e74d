import { describe, expect, it } from "vitest";
import { entitlementDocumentParamsSchema, MAX_DOCUMENT_BYTES, uploadDocumentSchema } from "@/lib/schemas/entitlement-document";

const file = (size: number, name = "页.jpg") => new File([new Uint8Array(size)], name, { type: "image/jpeg" });
const firstMessage = (input: unknown) => uploadDocumentSchema.safeParse(input).error?.issues[0]?.message;

describe("the upload form, checked in the browser and in the route", () => {
  it("accepts a document code and a file of up to 5 MB", () => {
    expect(uploadDocumentSchema.safeParse({ documentCode: "CHILD_HUKOU", file: file(MAX_DOCUMENT_BYTES) }).success).toBe(true);
  });

  it("answers with message keys: a missing, empty or too large file", () => {
    expect(firstMessage({ documentCode: "CHILD_HUKOU" })).toBe("entitlementDocument.errors.fileMissing");
    expect(firstMessage({ documentCode: "CHILD_HUKOU", file: "C:\\fakepath\\a.jpg" })).toBe("entitlementDocument.errors.fileMissing");
    expect(firstMessage({ documentCode: "CHILD_HUKOU", file: file(0) })).toBe("entitlementDocument.errors.empty");
    expect(firstMessage({ documentCode: "CHILD_HUKOU", file: file(MAX_DOCUMENT_BYTES + 1) })).toBe("entitlementDocument.errors.tooLarge");
  });

  it("refuses a document code that is not an upper-case catalogue code", () => {
    for (const documentCode of ["", "child_hukou", "../x", "A".repeat(41), "CHILD HUKOU"]) {
      expect(firstMessage({ documentCode, file: file(10) })).toBe("entitlementDocument.errors.documentCode");
    }
  });

  it("refuses unknown fields with a message key, never zod's English text", () => {
    expect(firstMessage({ documentCode: "CHILD_HUKOU", file: file(10), storageKey: "../../etc/passwd" })).toBe("errors.validation");
  });

  it("treats malformed route ids as not found", () => {
    expect(entitlementDocumentParamsSchema.safeParse({ id: "x", documentId: crypto.randomUUID() }).error?.issues[0]?.message).toBe("errors.notFound");
  });
});
