import path from "node:path";
import { describe, expect, it } from "vitest";
import { isStorageKey, resolveUploadRoot, storagePath } from "@/lib/server/uploads/storage";

const PROJECT = "/srv/barefoot";

describe("where uploads are stored", () => {
  it("defaults to .data/uploads in the project, which is not served", () => {
    expect(resolveUploadRoot(undefined, PROJECT)).toBe(path.join(PROJECT, ".data/uploads"));
  });

  it("takes UPLOAD_DIR relative to the project or absolute", () => {
    expect(resolveUploadRoot("storage/files", PROJECT)).toBe(path.join(PROJECT, "storage/files"));
    expect(resolveUploadRoot("/var/lib/barefoot/uploads", PROJECT)).toBe("/var/lib/barefoot/uploads");
  });

  it("refuses any folder under public/, which Next.js serves to anyone without a login", () => {
    expect(() => resolveUploadRoot("public", PROJECT)).toThrow(/public/);
    expect(() => resolveUploadRoot("public/uploads", PROJECT)).toThrow(/public/);
    expect(() => resolveUploadRoot("/srv/barefoot/public/x", PROJECT)).toThrow(/public/);
    expect(() => resolveUploadRoot("data/../public/uploads", PROJECT)).toThrow(/public/);
    expect(resolveUploadRoot("public-not", PROJECT)).toBe(path.join(PROJECT, "public-not"));
  });

  it("files a key under a folder named by its first two characters", () => {
    const key = "ab".padEnd(32, "0");
    expect(storagePath("/u", key)).toBe(`/u/ab/${key}`);
  });

  it.each(["../../etc/passwd", "AB".padEnd(32, "0"), "ab".padEnd(31, "0"), "ab".padEnd(33, "0"), `${"a".repeat(30)}/x`, "", "g".repeat(32)])(
    "refuses %j as a storage key, so no path can be named through it",
    (key) => {
      expect(isStorageKey(key)).toBe(false);
      expect(() => storagePath("/u", key)).toThrow(/Invalid storage key/);
    },
  );
});
