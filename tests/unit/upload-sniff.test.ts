import { describe, expect, it } from "vitest";
import { checkUpload, sniffContentType } from "@/lib/server/uploads/sniff";
import { UploadRejectedError } from "@/lib/server/uploads/upload-error";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)));

const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF");
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d], "IHDR");
const WEBP = bytes("RIFF", [0x24, 0x00, 0x00, 0x00], "WEBPVP8 ");
const PDF = bytes("%PDF-1.7\n%âãÏÓ\n");

describe("sniffing an upload's type from its first bytes", () => {
  it.each([
    ["a JPEG photo", JPEG, "image/jpeg"],
    ["a PNG screenshot", PNG, "image/png"],
    ["a WebP image", WEBP, "image/webp"],
    ["a scanned PDF", PDF, "application/pdf"],
  ])("recognises %s", (_name, file, type) => {
    expect(sniffContentType(file)).toBe(type);
  });

  it.each([
    ["an HTML page (whatever its name says)", bytes("<!DOCTYPE html><script>alert(1)</script>")],
    ["an SVG image, which can carry script", bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    ["a RIFF file that is not WebP (a WAV recording)", bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt ")],
    ["a PNG signature cut short", bytes([0x89, 0x50, 0x4e, 0x47])],
    ["a JPEG start missing its third byte", bytes([0xff, 0xd8])],
    ["\"PDF\" without the leading %", bytes("PDF-1.7")],
    ["a ZIP archive (an Office document)", bytes("PK", [0x03, 0x04])],
    ["nothing at all", new Uint8Array(0)],
  ])("refuses %s", (_name, file) => {
    expect(sniffContentType(file)).toBeNull();
  });
});

describe("checking an upload before it is stored", () => {
  it("returns the sniffed type of an acceptable file", () => {
    expect(checkUpload(PNG, 1024)).toBe("image/png");
  });

  it("refuses an empty file", () => {
    expect(() => checkUpload(new Uint8Array(0), 1024)).toThrow(expect.objectContaining({ reason: "empty" }));
  });

  it("accepts a file of exactly the limit and refuses one byte more", () => {
    const atLimit = new Uint8Array(1024);
    atLimit.set(JPEG);
    expect(checkUpload(atLimit, 1024)).toBe("image/jpeg");
    const over = new Uint8Array(1025);
    over.set(JPEG);
    expect(() => checkUpload(over, 1024)).toThrow(expect.objectContaining({ reason: "tooLarge" }));
  });

  it("refuses an unknown type with the message key the route sends back", () => {
    let caught: unknown;
    try {
      checkUpload(bytes("<html>"), 1024);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UploadRejectedError);
    expect(caught).toMatchObject({ reason: "unsupportedType", code: "VALIDATION", messageKey: "entitlementDocument.errors.unsupportedType" });
  });
});
