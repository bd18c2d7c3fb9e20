import { describe, expect, it } from "vitest";
import { hasUserinfo, redactJson, redactor, withoutUserinfo } from "./redact.js";

const KEY = "sk-or-v1-canary-0123456789";

describe("redactor", () => {
  it("removes every occurrence of the key", () => {
    expect(redactor(KEY)(`Bearer ${KEY} and again ${KEY}`)).toBe("Bearer [redacted] and again [redacted]");
  });

  it("also removes the key as JSON escapes it, should it hold a quote or a backslash", () => {
    const odd = 'sk-"odd\\key-0123';
    const text = JSON.stringify({ echoed: `Bearer ${odd}` });
    expect(redactor(odd)(text)).not.toContain("odd");
    expect(redactor(odd)(`raw ${odd}`)).toBe("raw [redacted]");
  });

  it("leaves text as it is for keys too short to tell from ordinary text", () => {
    expect(redactor("abc")("abc abc")).toBe("abc abc");
  });
});

describe("redactJson", () => {
  it("removes the key from every string, keys included, in a copy", () => {
    const body = { error: { message: `bad key ${KEY}`, metadata: { [KEY]: [KEY, 1, null] } } };
    const clean = redactJson(body, redactor(KEY));
    expect(JSON.stringify(clean)).not.toContain(KEY);
    expect(clean.error.message).toBe("bad key [redacted]");
    expect(body.error.message).toContain(KEY);
  });

  it("keeps undefined and values without the key", () => {
    expect(redactJson(undefined, redactor(KEY))).toBeUndefined();
    expect(redactJson({ n: 1, s: "x" }, redactor(KEY))).toEqual({ n: 1, s: "x" });
  });
});

describe("withoutUserinfo", () => {
  it("masks user:password@ of every URL in a text, and nothing else", () => {
    const text = 'fetch http://me:s3cret@proxy.local/api/v1 and "https://other:pw@x.io" but not mail@example.com';
    expect(withoutUserinfo(text)).toBe('fetch http://***@proxy.local/api/v1 and "https://***@x.io" but not mail@example.com');
    expect(hasUserinfo(text)).toBe(true);
    expect(hasUserinfo("https://openrouter.ai/api/v1?a=b@c")).toBe(false);
    expect(hasUserinfo("https://openrouter.ai/path@x")).toBe(false);
  });
});
