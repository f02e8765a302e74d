import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/server/errors";
import { readAtMost, readMultipartForm } from "@/lib/server/uploads/multipart";
import { UploadRejectedError } from "@/lib/server/uploads/upload-error";

const MB = 1024 * 1024;

/** A body of `chunks` × 64 KB that counts how much of it was ever pulled. */
function countingStream(chunks: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) return controller.close();
      state.pulled += 1;
      controller.enqueue(new Uint8Array(64 * 1024));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

function formRequest(form: FormData): Request {
  return new Request("http://localhost/api", { method: "POST", body: form });
}

describe("reading an upload's body with a limit", () => {
  it("returns every byte of a body within the limit", async () => {
    const { stream } = countingStream(3);
    expect((await readAtMost(stream, 1 * MB))?.byteLength).toBe(3 * 64 * 1024);
  });

  it("stops reading and cancels the stream as soon as the limit is passed", async () => {
    const { stream, state } = countingStream(16 * 20);
    expect(await readAtMost(stream, 1 * MB)).toBeNull();
    expect(state.pulled).toBeLessThanOrEqual(18);
    expect(state.cancelled).toBe(true);
  });
});

describe("reading the multipart upload form", () => {
  it("gives the fields and the file of a form within the limit", async () => {
    const form = new FormData();
    form.append("documentCode", "CHILD_HUKOU");
    form.append("file", new Blob([new Uint8Array(1000)]), "页.jpg");
    const parsed = await readMultipartForm(formRequest(form), 1 * MB);
    expect(parsed.get("documentCode")).toBe("CHILD_HUKOU");
    expect((parsed.get("file") as File).size).toBe(1000);
    expect((parsed.get("file") as File).name).toBe("页.jpg");
  });

  it("refuses a request whose Content-Length is too large without reading its body", async () => {
    const { stream, state } = countingStream(100);
    const request = new Request("http://localhost/api", {
      method: "POST",
      body: stream,
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(50 * MB) },
      duplex: "half",
    } as RequestInit);
    await expect(readMultipartForm(request, 5 * MB)).rejects.toMatchObject({ reason: "tooLarge" });
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it("refuses a larger file sent without a Content-Length once the bytes read pass the limit", async () => {
    const { stream, state } = countingStream(16 * 50);
    const request = new Request("http://localhost/api", {
      method: "POST",
      body: stream,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    await expect(readMultipartForm(request, 5 * MB)).rejects.toBeInstanceOf(UploadRejectedError);
    expect(state.pulled * 64 * 1024).toBeLessThan(6 * MB);
  });

  it("refuses a body that is not a multipart form, or a broken one, as invalid input", async () => {
    const json = new Request("http://localhost/api", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    await expect(readMultipartForm(json, MB)).rejects.toBeInstanceOf(ValidationError);
    const broken = new Request("http://localhost/api", { method: "POST", body: "garbage", headers: { "content-type": "multipart/form-data; boundary=zzz" } });
    await expect(readMultipartForm(broken, MB)).rejects.toMatchObject({ messageKey: "entitlementDocument.errors.fileMissing" });
  });
});
