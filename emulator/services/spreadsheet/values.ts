/**
 * What a cell holds and how it shows. Writing a string with setValue(s)/appendRow is like typing
 * it into the cell: Sheets turns "=…" into a formula, "0912345678" into the number 912345678,
 * "TRUE" into a boolean, "24/11/2026" into a date — unless the cell is formatted as plain text
 * ("@"), where the string is kept verbatim. A leading apostrophe forces text and is not kept.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
 * https://support.google.com/docs/answer/56470 (number formats)
 */
import { fromWallTime, wallTime, type WallTime } from './zoned';

export type CellValue = string | number | boolean | Date;

export type Typed =
  | { kind: 'value'; value: CellValue }
  /** A formula; `parseError` when Sheets could not parse it (the cell shows #ERROR!). */
  | { kind: 'formula'; formula: string; parseError: boolean };

export const PLAIN_TEXT = '@';

interface LocaleRules {
  decimal: string;
  thousands: string;
  dayFirst: boolean;
  dateDisplay: string;
  dateTimeDisplay: string;
}

export function localeRules(locale: string): LocaleRules {
  if (/^en_US|^en$/.test(locale)) return { decimal: '.', thousands: ',', dayFirst: false, dateDisplay: 'M/d/yyyy', dateTimeDisplay: 'M/d/yyyy H:mm:ss' };
  if (/^en/.test(locale)) return { decimal: '.', thousands: ',', dayFirst: true, dateDisplay: 'dd/MM/yyyy', dateTimeDisplay: 'dd/MM/yyyy HH:mm:ss' };
  // vi_VN and the other day-first locales with a decimal comma.
  return { decimal: ',', thousands: '.', dayFirst: true, dateDisplay: 'dd/MM/yyyy', dateTimeDisplay: 'dd/MM/yyyy HH:mm:ss' };
}

function parseNumber(text: string, rules: LocaleRules): number | null {
  const t = text.trim();
  const d = rules.decimal === '.' ? '\\.' : rules.decimal;
  const g = rules.thousands === '.' ? '\\.' : rules.thousands;
  const re = new RegExp(`^([+-]?)(\\d+|\\d{1,3}(?:${g}\\d{3})+)(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?(%?)$`);
  const m = re.exec(t);
  if (!m) return null;
  const intPart = m[2].split(rules.thousands).join('');
  let n = Number(`${m[1]}${intPart}${m[3] ? `.${m[3]}` : ''}${m[4] ? `e${m[4]}` : ''}`);
  if (m[5]) n /= 100;
  return Number.isFinite(n) ? n : null;
}

function parseDate(text: string, rules: LocaleRules, timeZone: string): Date | null {
  const t = text.trim();
  let y: number, mo: number, d: number;
  let rest: string | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.*))?$/.exec(t);
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (.*))?$/.exec(t);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    rest = iso[4];
  } else if (slash) {
    const a = Number(slash[1]);
    const b = Number(slash[2]);
    [d, mo] = rules.dayFirst ? [a, b] : [b, a];
    y = Number(slash[3]);
    rest = slash[4];
  } else {
    return null;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  let h = 0,
    mi = 0,
    s = 0;
  if (rest !== undefined) {
    const tm = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(rest.trim());
    if (!tm) return null;
    [h, mi, s] = [Number(tm[1]), Number(tm[2]), Number(tm[3] ?? 0)];
    if (h > 23 || mi > 59 || s > 59) return null;
  }
  return fromWallTime(y, mo, d, h, mi, s, timeZone);
}

/** What typing `input` into a cell with `numberFormat` stores. */
export function typeIntoCell(input: string, numberFormat: string | undefined, locale: string, timeZone: string): Typed {
  if (numberFormat === PLAIN_TEXT) return { kind: 'value', value: input };
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1) };
  if (input.length > 1 && input.startsWith('=')) return { kind: 'formula', formula: input, parseError: false };
  const rules = localeRules(locale);
  const asNumber = parseNumber(input, rules);
  if (asNumber !== null) return { kind: 'value', value: asNumber };
  if (input.length > 1 && (input.startsWith('+') || input.startsWith('-'))) {
    // Sheets reads a leading + or - as the start of a formula; as a formula it does not parse.
    return { kind: 'formula', formula: input, parseError: true };
  }
  if (/^(true|false)$/i.test(input.trim())) return { kind: 'value', value: input.trim().toLowerCase() === 'true' };
  const asDate = parseDate(input, rules, timeZone);
  if (asDate) return { kind: 'value', value: asDate };
  return { kind: 'value', value: input };
}

// ---- display -------------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { t: 'lit'; s: string } | { t: 'field'; s: string };

function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '"') {
      const end = pattern.indexOf('"', i + 1);
      out.push({ t: 'lit', s: pattern.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? pattern.length : end + 1;
    } else if (ch === '\\') {
      out.push({ t: 'lit', s: pattern[i + 1] ?? '' });
      i += 2;
    } else if (/^am\/pm/i.test(pattern.slice(i))) {
      out.push({ t: 'field', s: 'ampm' });
      i += 5;
    } else if (/[dmyhsHMS]/.test(ch)) {
      let j = i;
      while (j < pattern.length && pattern[j] === ch) j++;
      out.push({ t: 'field', s: pattern.slice(i, j) });
      i = j;
    } else {
      out.push({ t: 'lit', s: ch });
      i += 1;
    }
  }
  return out;
}

export function isDatePattern(pattern: string): boolean {
  return compiledDatePattern(pattern).isDate;
}

type Printer = (w: WallTime) => string;

const pad = (n: number, len: number): string => String(n).padStart(len, '0');

/**
 * A date pattern read once into one printer a token: a tab of dates shown asks for the same few
 * patterns thousands of times, and reading the pattern again for every cell was most of the time.
 */
const compiledPatterns = new Map<string, { isDate: boolean; printers: Printer[] }>();

function compiledDatePattern(pattern: string): { isDate: boolean; printers: Printer[] } {
  let compiled = compiledPatterns.get(pattern);
  if (compiled) return compiled;
  const fields = tokenize(pattern);
  const twelve = fields.some((t) => t.t === 'field' && t.s === 'ampm');
  const isMinute = (i: number): boolean => {
    for (let k = i - 1; k >= 0; k--) if (fields[k].t === 'field') return /^[hH]/.test(fields[k].s);
    for (let k = i + 1; k < fields.length; k++) if (fields[k].t === 'field') return /^[sS]/.test(fields[k].s);
    return false;
  };
  const printers = fields.map((tok, i): Printer => {
    const s = tok.s;
    if (tok.t === 'lit') return () => s;
    const lower = s.toLowerCase();
    if (s === 'ampm') return (w) => (w.hour < 12 ? 'AM' : 'PM');
    if (lower.startsWith('y')) return s.length <= 2 ? (w) => pad(w.year % 100, 2) : (w) => String(w.year);
    if (lower.startsWith('d')) {
      if (s.length === 1) return (w) => String(w.day);
      if (s.length === 2) return (w) => pad(w.day, 2);
      return s.length === 3 ? (w) => DAYS[w.weekday].slice(0, 3) : (w) => DAYS[w.weekday];
    }
    if (lower.startsWith('h')) {
      const hour = (w: WallTime) => (twelve ? ((w.hour + 11) % 12) + 1 : w.hour);
      return s.length >= 2 ? (w) => pad(hour(w), 2) : (w) => String(hour(w));
    }
    if (lower.startsWith('s')) return s.length >= 2 ? (w) => pad(w.second, 2) : (w) => String(w.second);
    if (s[0] === 'm' && s.length <= 2 && isMinute(i)) return s.length === 2 ? (w) => pad(w.minute, 2) : (w) => String(w.minute);
    if (s.length === 1) return (w) => String(w.month);
    if (s.length === 2) return (w) => pad(w.month, 2);
    return s.length === 3 ? (w) => MONTHS[w.month - 1].slice(0, 3) : (w) => MONTHS[w.month - 1];
  });
  const isDate = fields.some((t) => t.t === 'field' && /^[dmyhsHMS]/.test(t.s) && t.s !== 'ampm');
  compiled = { isDate, printers };
  if (compiledPatterns.size >= 1000) compiledPatterns.clear();
  compiledPatterns.set(pattern, compiled);
  return compiled;
}

function formatDate(date: Date, pattern: string, timeZone: string): string {
  const w = wallTime(date, timeZone);
  let out = '';
  for (const print of compiledDatePattern(pattern).printers) out += print(w);
  return out;
}

function groupThousands(intDigits: string, sep: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

function formatNumber(n: number, pattern: string | undefined, rules: LocaleRules): string {
  if (!pattern || /^general$/i.test(pattern)) {
    if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
    const s = String(Number(n.toPrecision(10)));
    return s.replace('.', rules.decimal);
  }
  const percent = pattern.includes('%');
  const value = percent ? n * 100 : n;
  const decimals = /[0#](?:[.,])(0+)/.exec(pattern.replace(/"[^"]*"/g, ''))?.[1].length ?? 0;
  const grouped = /#,##0|0,000/.test(pattern);
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart, frac] = fixed.split('.');
  const body = (grouped ? groupThousands(intPart, rules.thousands) : intPart) + (frac ? rules.decimal + frac : '');
  return `${value < 0 && Number(fixed) !== 0 ? '-' : ''}${body}${percent ? '%' : ''}`;
}

/** getDisplayValues(): the cell as the sheet shows it. */
export function displayValue(value: CellValue | undefined, numberFormat: string | undefined, locale: string, timeZone: string): string {
  if (value === undefined || value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const rules = localeRules(locale);
  if (value instanceof Date) {
    if (numberFormat && numberFormat !== PLAIN_TEXT && isDatePattern(numberFormat)) return formatDate(value, numberFormat, timeZone);
    const w = wallTime(value, timeZone);
    const midnight = w.hour === 0 && w.minute === 0 && w.second === 0;
    return formatDate(value, midnight ? rules.dateDisplay : rules.dateTimeDisplay, timeZone);
  }
  if (numberFormat && numberFormat !== PLAIN_TEXT && isDatePattern(numberFormat)) return formatNumber(value, undefined, rules);
  return formatNumber(value, numberFormat === PLAIN_TEXT ? undefined : numberFormat, rules);
}

/** Characters a value occupies in a cell (for the 50,000-character limit). */
export function cellLength(value: CellValue): number {
  return typeof value === 'string' ? value.length : String(value).length;
}
