// Hostile values, as fast-check arbitraries: what an attacker or a broken client sends.
import fc from "fast-check";

const deepArray = (depth: number): unknown => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

const deepDoc = (depth: number): unknown => {
  let node: Record<string, unknown> = { type: "paragraph", content: [{ type: "text", text: "deep" }] };
  for (let i = 0; i < depth; i++) node = { type: "blockquote", content: [node] };
  return { type: "doc", content: [node] };
};

/** Strings no field should choke on. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "\ud83d",
    "%FF%FE",
    "%00",
    "\u202e\u2066evil\u2069",
    "\u200b\u200c\u200d\ufeff",
    "\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd",
    "e\u0301\u0301\u0301 👨‍👩‍👧‍👦 🏳️‍🌈",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "' OR 1=1 --",
    "../../../../etc/passwd",
    "0000-01-01",
    "0000-01-01T00:00:00Z",
    "-000001-01-01",
    "+275760-09-13",
    "9999-12-31T23:59:59.999+14:00",
    "2008-02-30",
    "99999999999",
    "2147483648",
    "-2147483649",
    "1e308",
    "NaN",
    "-1",
    "0",
    "",
    " ",
    "null",
    "true",
    "{}",
    "x".repeat(100_000),
    "\u00e9".repeat(20_000),
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);

/** Any JSON value of the wrong shape, size or range. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.constantFrom(0, -1, 1.5, 2147483648, -2147483649, 99999999999, Number.MAX_SAFE_INTEGER, 1e308, -1e308),
  fc.constantFrom(
    null,
    true,
    false,
    [],
    {},
    [null],
    { "\u0000": 1 },
    JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    { constructor: { prototype: { polluted: true } } },
  ),
  fc.constantFrom(deepArray(1_500), deepDoc(1_500), deepDoc(60)),
  fc.array(fc.string({ maxLength: 5 }), { minLength: 1000, maxLength: 1000 }),
);

/** Raw path segments, sent as they are: not percent-encoded by us. */
export const hostileRawSegment = fc.constantFrom(
  "%FF",
  "%FF%FE",
  "%00",
  "a%00b",
  "%E0%A4%A",
  "%C0%AF",
  "%ED%A0%80",
  "%",
  "%%",
  "..%2F..%2F",
  "%2e%2e",
  "%u0000",
);

/** Whole request bodies that are not what any handler expects. */
export const hostileRawBody = fc.constantFrom<{ contentType: string; data: Buffer }>(
  { contentType: "application/json", data: Buffer.from('{"title":"\xff\xfe invalid UTF-8"}', "latin1") },
  {
    contentType: "application/json",
    data: Buffer.concat([
      Buffer.from('{"text":"'),
      Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xed, 0xa0, 0x80]),
      Buffer.from('"}'),
    ]),
  },
  { contentType: "application/json", data: Buffer.from("{not json") },
  { contentType: "application/json", data: Buffer.from("") },
  { contentType: "application/json", data: Buffer.from("null") },
  { contentType: "application/json", data: Buffer.from(`${"[".repeat(100_000)}${"]".repeat(100_000)}`) },
  { contentType: "application/json", data: Buffer.from(`{"a":${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}}`) },
  { contentType: "application/json", data: Buffer.from('{"__proto__":{"isAdmin":true}}') },
  { contentType: "text/plain", data: Buffer.from('{"title":"sent as text/plain"}') },
  { contentType: "application/x-www-form-urlencoded", data: Buffer.from("title=form&kind=report") },
  {
    contentType: "multipart/form-data; boundary=x",
    data: Buffer.from('--x\r\nContent-Disposition: form-data; name="title"\r\n\r\n\u0000\r\n--x--'),
  },
  { contentType: "application/json; charset=utf-16", data: Buffer.from('{"title":"x"}', "utf16le") },
);
