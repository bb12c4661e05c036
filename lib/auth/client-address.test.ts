import { describe, expect, it } from "vitest";
import { clientAddressOf, trustedProxyHops } from "./client-address";

describe("the client address for rate limits (issue 9, defect 2)", () => {
  it("ignores X-Forwarded-For unless proxies are trusted: a forged header changes nothing", () => {
    expect(clientAddressOf("198.51.100.7", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddressOf("1.1.1.1, 2.2.2.2", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddressOf(undefined, "203.0.113.9", 0)).toBe("203.0.113.9");
  });

  it("behind N trusted proxies, takes the address the outermost one saw, not what the client wrote before it", () => {
    // client forged "6.6.6.6"; our proxy appended the real client 198.51.100.7; the socket is the proxy.
    expect(clientAddressOf("6.6.6.6, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(clientAddressOf("6.6.6.6, 198.51.100.7, 10.0.0.3", "10.0.0.2", 2)).toBe("198.51.100.7");
    expect(clientAddressOf(undefined, "10.0.0.2", 1)).toBe("10.0.0.2");
  });

  it("reads TRUSTED_PROXY_HOPS, defaulting to 0 for anything that is not a small whole number", () => {
    expect([undefined, "", "0", "2", "-1", "1.5", "abc", "99"].map(trustedProxyHops)).toEqual([0, 0, 0, 2, 0, 0, 0, 0]);
  });
});
