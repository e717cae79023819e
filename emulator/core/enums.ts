/**
 * Apps Script enums are objects, not strings: `String(ScriptApp.AuthMode.FULL)` is "FULL" and the
 * values are compared by identity. One frozen singleton per value, shared by every workspace, so
 * `e.authMode === ScriptApp.AuthMode.FULL` holds wherever the value came from.
 */
export interface EnumValue<N extends string = string> {
  readonly enumName: string;
  name(): N;
  ordinal(): number;
  toString(): N;
  toJSON(): N;
}

export type Enum<N extends string> = { readonly [K in N]: EnumValue<K> };

export function makeEnum<N extends string>(enumName: string, names: readonly N[]): Enum<N> {
  const result = {} as Record<string, EnumValue>;
  names.forEach((n, i) => {
    result[n] = Object.freeze({
      enumName,
      name: () => n,
      ordinal: () => i,
      toString: () => n,
      toJSON: () => n,
    });
  });
  return Object.freeze(result) as Enum<N>;
}

export function isEnumValue(value: unknown, e?: Enum<string>): value is EnumValue {
  if (typeof value !== 'object' || value === null) return false;
  if (!e) return typeof (value as EnumValue).enumName === 'string' && typeof (value as EnumValue).ordinal === 'function';
  return Object.values(e).includes(value as EnumValue);
}
