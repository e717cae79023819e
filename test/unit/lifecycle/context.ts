/** What the handler tests share: a ward's settings, the people, the time, a context per status. */
import { WorkingCalendar } from '../../../src/domain/calendar/working-calendar';
import type { Actor } from '../../../src/domain/permissions';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings';
import type { HandlerContext } from '../../../src/domain/lifecycle/types';

export { caseRecord as aCase } from '../../support/cases';

export const now = new Date('2026-11-24T03:00:00Z'); // 10:00 on Tuesday 24/11/2026 in Hà Nội
export const admin: Actor = { email: 'admin@x.vn', role: 'admin', body: '', via: 'spreadsheet' };
export const handler: Actor = { email: 'h@x.vn', role: 'handler', body: 'UBND phường', via: 'link' };
export const settings: Settings = {
  ...DEFAULT_SETTINGS,
  bodies: [{ name: 'UBND phường', email: 'ubnd@luukiem.example' }, { name: 'Công an phường', email: 'ca@luukiem.example' }, { name: 'Đoàn thanh niên', email: '' }],
  staff: [{ email: 'admin@x.vn', role: 'admin', body: '' }, { email: 'h@x.vn', role: 'handler', body: 'UBND phường' }],
};
export const calendar = new WorkingCalendar();

export function ctx(over: Partial<HandlerContext> = {}): HandlerContext {
  return { actor: admin, now, settings, calendar, status: 'new', ...over };
}

/** Midnight of a day in Hà Nội (UTC+7). */
export const midnight = (iso: string) => new Date(`${iso}T00:00:00+07:00`);
