import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

describe("the client's address behind trusted proxies", () => {
  it("takes the address the nearest proxy appended, not one the client wrote in front of it", () => {
    expect(clientIp("203.0.113.7, 198.51.100.2", 1)).toBe("198.51.100.2");
    expect(clientIp("1.1.1.1, 2.2.2.2, 198.51.100.2", 1)).toBe("198.51.100.2");
  });

  it("counts two proxies (a load balancer and nginx) from the right", () => {
    expect(clientIp("9.9.9.9, 198.51.100.2, 10.0.0.5", 2)).toBe("198.51.100.2");
  });

  it("uses the only entry when the proxy overwrites the header, and nothing when there is none", () => {
    expect(clientIp("198.51.100.2", 1)).toBe("198.51.100.2");
    expect(clientIp("198.51.100.2", 3)).toBe("198.51.100.2");
    expect(clientIp(undefined, 1)).toBeUndefined();
    expect(clientIp(" , ", 1)).toBeUndefined();
  });

  it("never keeps an absurdly long value", () => {
    expect(clientIp("x".repeat(500), 1)).toHaveLength(64);
  });
});
