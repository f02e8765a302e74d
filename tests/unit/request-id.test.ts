import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newRequestId } from "@/lib/domain/request-id";

describe("form request ids", () => {
  it("are version-4 UUIDs that the server's schema accepts, and never repeat", () => {
    const ids = Array.from({ length: 1000 }, newRequestId);
    expect(ids.every((id) => z.uuid({ version: "v4" }).safeParse(id).success)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
