/**
 * Errors as Apps Script raises them. In the V8 runtime a service failure is an Error whose
 * name is "Exception", so `String(e)` reads "Exception: <message>" and `e.message` is the bare
 * message: https://developers.google.com/apps-script/guides/v8-runtime
 */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Thrown for any part of the Apps Script surface the emulator does not model: never a silent no-op. */
export class NotImplementedInEmulator extends Error {
  constructor(member: string) {
    super(`not implemented in the emulator: ${member}`);
    this.name = 'NotImplementedInEmulator';
  }
}

export function notImplemented(member: string): never {
  throw new NotImplementedInEmulator(member);
}

/**
 * Apps Script's wording when a method is called with arguments of the wrong types, e.g.
 * "The parameters (String,number) don't match the method signature for SpreadsheetApp.Range.getCell."
 */
export function signatureMismatch(qualifiedMethod: string, args: readonly unknown[]): AppsScriptException {
  const types = args.map(describeArgType).join(',');
  return new AppsScriptException(
    `The parameters (${types}) don't match the method signature for ${qualifiedMethod}.`,
  );
}

/**
 * How an argument's type reads in that message: an Apps Script object by its service-qualified
 * class, e.g. "The parameters (SpreadsheetApp.Range) don't match the method signature for
 * SpreadsheetApp.Range.setValues." (as live runs report it). Facades register their name here.
 */
const QUALIFIED_TYPE = new WeakMap<object, string>();

export function registerArgType(facade: object, qualifiedClass: string): void {
  QUALIFIED_TYPE.set(facade, qualifiedClass);
}

export function describeArgType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(Array.isArray)) return 'Object[][]';
    return value.every((v) => typeof v === 'number') ? 'number[]' : 'Object[]';
  }
  if (value instanceof Date) return 'Date';
  const qualified = typeof value === 'object' ? QUALIFIED_TYPE.get(value) : undefined;
  if (qualified) return qualified;
  const className = (value as { toString?: () => string }).toString?.();
  return typeof className === 'string' && /^[A-Z][A-Za-z]+$/.test(className) ? className : 'Object';
}
