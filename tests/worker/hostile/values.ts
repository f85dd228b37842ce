// Hostile values for the property-based test: wrong types, huge and non-finite numbers, deep nesting, long
// strings, control characters and lone surrogates, SQL- and markup-looking text, prototype-polluting keys.
import fc from 'fast-check'
import { type J, Obj, Raw } from './json'

const CONTROL = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\n', '\r', '\u000b', '\u001b', '\u007f', '\u0085', '\u00a0', '\u2028', '\u2029', '\u200b', '\u202e', '\ufeff', '\uffff']
const LONE_SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff']
export const SQLISH = [
  "'; DROP TABLE units; --", "' OR '1'='1", '" OR 1=1 --', "binh-son'--", '1; DELETE FROM report_revisions', "x' UNION SELECT token_hash FROM tokens --",
  '%', '_', "\\'", 'NULL', '?1', ':unit', '$1', "json_extract('{}', '$')",
]
const MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{7*7}}', '${7*7}', '../../etc/passwd', "=cmd|' /C calc'!A0", '=HYPERLINK("http://x")']
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__']

const piece = fc.oneof(
  fc.constantFrom(...CONTROL), fc.constantFrom(...LONE_SURROGATES), fc.constantFrom(...SQLISH), fc.constantFrom(...MARKUP),
  fc.string({ maxLength: 8 }), fc.constantFrom('Bình Sơn', 'Hoa\u0300', 'đạt', '２.１', 'ǅ', '🏠', 'ﷺ'),
)
export const hostileString: fc.Arbitrary<string> = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(''))
/** Longer than every text field the API takes (2,000 characters). */
export const longString: fc.Arbitrary<string> = fc.tuple(fc.integer({ min: 2001, max: 9000 }), fc.constantFrom('x', 'ạ', '\u0000', '🏠')).map(([n, c]) => c.repeat(n))
export const hugeNumber: fc.Arbitrary<number> = fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 53), 5e-324, -0, 1e21)
/** Number tokens JSON.stringify cannot write, some of them not JSON at all. */
export const rawNumber: fc.Arbitrary<J> = fc.constantFrom('1e999', '-1e999', '1e-999', 'NaN', 'Infinity', '-Infinity', '0x1F', '01', '.5', '1.', '+1').map((t) => new Raw(t))
export const loneSurrogateRaw: fc.Arbitrary<J> = fc.constantFrom('"\\ud800"', '"a\\udc00b"', '"\\udbff\\udbff"', '"\\u0000"').map((t) => new Raw(t))
export const deep: fc.Arbitrary<J> = fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.boolean()).map(([d, arrays]) =>
  new Raw(arrays ? '['.repeat(d) + ']'.repeat(d) : '{"a":'.repeat(d) + '1' + '}'.repeat(d)))
export const protoObject: fc.Arbitrary<J> = fc.tuple(fc.constantFrom(...PROTO_KEYS), fc.oneof(hostileString, fc.constant(null))).map(([k, v]) =>
  new Obj([[k, v === null ? new Obj([['polluted', true]]) : v]]))

/** Any hostile value; never an empty array or object (that could be a valid value where a list is optional). */
export const hostileValue: fc.Arbitrary<J> = fc.oneof(
  { arbitrary: hostileString, weight: 5 },
  { arbitrary: longString, weight: 1 },
  { arbitrary: hugeNumber, weight: 2 },
  { arbitrary: rawNumber, weight: 2 },
  { arbitrary: loneSurrogateRaw, weight: 1 },
  { arbitrary: deep, weight: 1 },
  { arbitrary: protoObject, weight: 2 },
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.array(hostileString, { minLength: 1, maxLength: 3 }), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
)

/** A key to add to an object: prototype-polluting, SQL-looking or just odd. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.constantFrom(...SQLISH), hostileString)

/** Bodies that are not the JSON an endpoint takes at all. */
export const notJson: fc.Arbitrary<string> = fc.oneof(
  // Never one that is a valid body somewhere: a byte-order mark is dropped when the body is read, so "\ufeff{}" is "{}".
  fc.constantFrom('', '{', '}', '{"', 'undefined', "{'a':1}", 'tasks=1&unit=x', '\ufeff{"x":', '{} {}', '[1,]', '{"a":1,}', 'null', '0', '"x"', 'true', '<xml/>', '\u0000'),
  hostileString,
  fc.uint8Array({ maxLength: 64 }).map((b) => String.fromCharCode(...b)),
)

/** Printable ASCII only: anything else cannot go into a header at all. */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 300 })
export const hostileAuthorization: fc.Arbitrary<string> = fc.oneof(
  headerText, headerText.map((t) => 'Bearer ' + t), fc.constantFrom('Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', "Bearer ' OR 1=1 --", 'Bearer ntm_demo_admin_thanh_hoa_x'),
)
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz',
  'application/json; charset=utf-16', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'image/png', undefined,
)
export const idempotencyKey: fc.Arbitrary<string | undefined> = fc.oneof(fc.constant(undefined), headerText, fc.constantFrom('a'.repeat(201), ' ', 'key with spaces'))
