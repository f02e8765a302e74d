import { describe, expect, it } from "vitest";
import { contentDisposition, sanitizeFileName } from "@/lib/server/uploads/file-name";

describe("cleaning an uploaded file's name", () => {
  it("keeps an ordinary Chinese name with a matching extension", () => {
    expect(sanitizeFileName("户口簿第一页.jpg", "image/jpeg")).toBe("户口簿第一页.jpg");
    expect(sanitizeFileName("scan.JPEG", "image/jpeg")).toBe("scan.JPEG");
  });

  it("drops every folder, whether written with / or \\", () => {
    expect(sanitizeFileName("../../etc/passwd", "image/png")).toBe("passwd.png");
    expect(sanitizeFileName("C:\\Users\\王芳\\Desktop\\申请表.pdf", "application/pdf")).toBe("申请表.pdf");
  });

  it("removes control characters and the invisible right-to-left override that disguises extensions", () => {
    expect(sanitizeFileName("photo\u0000\r\n.jpg", "image/jpeg")).toBe("photo.jpg");
    expect(sanitizeFileName("invoice\u202Egpj.exe", "application/pdf")).toBe("invoicegpj.exe.pdf");
    expect(sanitizeFileName("a\u200Bb.png", "image/png")).toBe("ab.png");
  });

  it("ends in the extension of the sniffed type, whatever the sender claimed", () => {
    expect(sanitizeFileName("photo.pdf", "image/png")).toBe("photo.pdf.png");
    expect(sanitizeFileName("noextension", "image/webp")).toBe("noextension.webp");
  });

  it("names a file that had no usable name", () => {
    expect(sanitizeFileName("", "image/jpeg")).toBe("document.jpg");
    expect(sanitizeFileName("   /  ", "application/pdf")).toBe("document.pdf");
    expect(sanitizeFileName(".jpg", "image/jpeg")).toBe(".jpg.jpg");
  });

  it("collapses runs of spaces and replaces characters that break file names on a computer", () => {
    expect(sanitizeFileName('  出生 \t 证明 "正本" <1>?.jpg  ', "image/jpeg")).toBe("出生 证明 _正本_ _1__.jpg");
  });

  it("keeps at most 100 characters, extension included, counting Chinese characters as one each", () => {
    const name = sanitizeFileName(`${"证".repeat(300)}.jpeg`, "image/jpeg");
    expect([...name]).toHaveLength(100);
    expect(name.endsWith("证.jpeg")).toBe(true);
  });
});

describe("the Content-Disposition header of a download", () => {
  it("carries a Chinese name percent-encoded as UTF-8 and opens inline", () => {
    expect(contentDisposition("户口簿.jpg")).toBe("inline; filename*=UTF-8''%E6%88%B7%E5%8F%A3%E7%B0%BF.jpg");
  });

  it("encodes quotes, semicolons and apostrophes so no name can add header parameters", () => {
    const header = contentDisposition(`a"; filename=evil.html; x='(1)*.png`);
    expect(header).toBe("inline; filename*=UTF-8''a%22%3B%20filename%3Devil.html%3B%20x%3D%27%281%29%2A.png");
    expect(header.split(";")).toHaveLength(2);
  });

  it("downloads instead of opening inline when asked (PDFs cannot be shown inside a sandbox)", () => {
    expect(contentDisposition("证明.pdf", "attachment")).toBe("attachment; filename*=UTF-8''%E8%AF%81%E6%98%8E.pdf");
  });
});
