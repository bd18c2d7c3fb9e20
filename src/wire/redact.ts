// The one home of key redaction: every text or JSON value taken from a response passes through the
// connection's `redact` before it goes on an error, since a proxy or an upstream may echo the
// request's Authorization into its body.

/** Removes one secret from text. */
export type Redact = (text: string) => string;

const REDACTED = "[redacted]";

/** The redactor for an API key; keys shorter than 8 characters cannot be told from ordinary text, and are left. */
export function redactor(apiKey: string): Redact {
  if (apiKey.length < 8) return (text) => text;
  // the key as it appears inside a JSON string too, should it hold a character JSON escapes
  const escaped = JSON.stringify(apiKey).slice(1, -1);
  if (escaped === apiKey) return (text) => text.split(apiKey).join(REDACTED);
  return (text) => text.split(apiKey).join(REDACTED).split(escaped).join(REDACTED);
}

/** A JSON value with the secret removed from every string in it, keys included (a copy; `undefined` stays `undefined`). */
export function redactJson<T>(value: T, redact: Redact): T {
  const text = JSON.stringify(value);
  return text === undefined ? value : (JSON.parse(redact(text)) as T);
}

// `scheme://user:pass@host`, anywhere in a text
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)[^/?#\s"'@]*@/gi;

/** The text with every URL's `user:password@` masked: no message quotes a URL's credentials. */
export function withoutUserinfo(text: string): string {
  return text.replace(USERINFO, "$1***@");
}

/** Whether the text holds a URL with credentials (`scheme://user:pass@host`). */
export function hasUserinfo(text: string): boolean {
  USERINFO.lastIndex = 0;
  const found = USERINFO.test(text);
  USERINFO.lastIndex = 0;
  return found;
}
