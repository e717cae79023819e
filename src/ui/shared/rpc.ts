/**
 * What crosses google.script.run. Apps Script carries only JSON-like values: no Date (a result
 * containing one reaches the client as null), no functions, no cycles. So every RPC type here is
 * plain JSON, with instants as ISO-8601 strings.
 * https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An instant carried over RPC, e.g. "2026-05-22T01:00:00.000Z". */
export type IsoInstant = string;

export interface Greeting {
  message: string;
  user: string;
  serverTime: IsoInstant;
}
