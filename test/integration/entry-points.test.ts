/**
 * Every top-level function of build/Code.js can be called from a browser console through
 * google.script.run, as the person at the keyboard, with any arguments. Each one, called as a
 * stranger, a viewer and a handler with junk arguments, is refused or harmless: no case, submitter
 * row, outbox row, e-mail, document or trigger appears or changes, no contact detail comes back,
 * and every message is Vietnamese. Trigger handlers run only as their trigger.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import { ADMIN, formAnswers, ROOT, runHourly, setUpWard, tabRecords, type Ward } from '../support/ward';

const STRANGER = 'la.mat@gmail.com';
const VIEWER = 'xem@luukiem.example';
const HANDLER = 'ubnd@luukiem.example';

function topLevelFunctions(): string[] {
  const program = acorn.parse(fs.readFileSync(path.join(ROOT, 'build/Code.js'), 'utf8'), { ecmaVersion: 2019 }) as unknown as { body: Array<{ type: string; id?: { name: string } }> };
  return program.body.filter((n) => n.type === 'FunctionDeclaration').map((n) => n.id!.name);
}

function ward(): Ward {
  const w = setUpWard();
  w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 2, 3).setValues([
    [VIEWER, 'Xem', ''],
    [HANDLER, 'Xử lý', 'UBND phường'],
  ]);
  runHourly(w);
  w.ws.forms.submit(w.formId, formAnswers({ content: 'Đường hỏng', name: 'Nguyễn Văn Bí Mật', phone: '0912345678', email: 'bimat@gmail.com' }));
  runHourly(w);
  // A notice waits in the outbox: whoever runs the hourly job from a console would send it.
  let v = w.app.call('getCase', 'GY-2026-00001') as { row: number; version: number };
  v = (w.app.call('caseAction', 'GY-2026-00001', v.row, v.version, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' }) as { view: typeof v }).view;
  w.app.call('caseAction', 'GY-2026-00001', v.row, v.version, { action: 'assign', body: 'UBND phường', assignee: HANDLER });
  expect(tabRecords(w, 'Hộp thư đi').map((r) => r['Trạng thái'])).toEqual(['Đã gửi', 'Chờ gửi']);
  return w;
}

/** What no stranger may change. The errors tab and the staff-list freshness mark are left out on purpose. */
function state(w: Ward) {
  const tabs = ['Ý kiến', 'Người gửi', 'Hộp thư đi', 'Nội dung dài', 'Cán bộ', 'Cài đặt'].map((t) => tabRecords(w, t));
  const audit = tabRecords(w, 'Nhật ký');
  const props = { ...(w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties() };
  delete props['hts.staff.stale'];
  return JSON.stringify({ tabs, audit, props, triggers: w.ws.triggers(), mail: w.ws.mail.outbox().length, docs: w.ws.documents.list().length });
}

const JUNK: unknown[][] = [
  [],
  [null],
  ['GY-2026-00001', 2, 1, { action: 'close', outcome: 'resolved' }],
  ['GY-2026-00001', 'lý do'],
  [42, 'x', {}, []],
  [{ triggerUid: '1', namedValues: { 'Nội dung': ['giả mạo'] }, values: ['24/11/2026 09:00:00'] }],
  [{ action: 'misuse', reason: 'x' }],
  [{ channel: 'phone', content: 'giả mạo', receivedAt: '' }],
  // The printing entry points' real arguments: a place, a slip sheet, a slip's code.
  ['Tổ dân phố 1'],
  [{ group: 'Tổ dân phố 1', count: 5 }],
  [{ channel: 'paper', content: 'giả mạo', receivedAt: '', slipCode: 'GY-2026-P00001' }],
];

const VIETNAMESE = /[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i;

describe('entry points: called by the wrong person with junk, each is refused or harmless', () => {
  const names = topLevelFunctions();

  it('Code.js declares exactly the barrel’s entry points (everything else is inside the bundle, out of reach)', () => {
    expect(names).toEqual(expect.arrayContaining(['onOpen', 'onFormSubmitIntake', 'hourlyMaintenance', 'caseAction', 'onEdit', 'onSpreadsheetChange']));
    expect(names.every((n) => !n.endsWith('_'))).toBe(true);
  });

  for (const user of [STRANGER, VIEWER, HANDLER]) {
    it(`as ${user}`, () => {
      const w = ward();
      const uid = w.ws.triggers().find((t) => t.handlerFunction === 'onFormSubmitIntake')!.uid;
      const hourly = w.ws.triggers().find((t) => t.handlerFunction === 'hourlyMaintenance')!.uid;
      const before = state(w);
      for (const name of names) {
        for (const args of [...JUNK, [{ triggerUid: uid, namedValues: { 'Nội dung': ['giả mạo'] }, values: ['24/11/2026 09:00:00'] }], [{ triggerUid: hourly }]]) {
          w.ws.ui.respond({ button: 'OK' });
          let result: unknown;
          try {
            result = w.app.run(name, args, { kind: 'rpc', user });
          } catch (e) {
            const message = (e as Error).message;
            expect([name, message, VIETNAMESE.test(message)]).toEqual([name, message, true]);
          }
          const text = JSON.stringify(result ?? null);
          expect([name, /bimat@gmail\.com|0912345678|Bí Mật/.test(text)]).toEqual([name, false]);
        }
      }
      expect(state(w)).toBe(before);
      expect(w.ws.mail.outbox().map((m) => m.to)).toEqual([['bimat@gmail.com']]);
    });
  }

  it('the intake trigger files only as its recorded owner; a forged event from the console is ignored', () => {
    const w = ward();
    const uid = w.ws.triggers().find((t) => t.handlerFunction === 'onFormSubmitIntake')!.uid;
    const forged = { triggerUid: uid, namedValues: { 'Nội dung': ['giả mạo'], 'Tổ dân phố': ['Tổ dân phố 1'] }, values: ['24/11/2026 09:00:00'] };
    expect(w.app.run('onFormSubmitIntake', [forged], { kind: 'rpc', user: VIEWER })).toBe('ignored');
    expect(tabRecords(w, 'Ý kiến')).toHaveLength(1);
  });

  it('the hourly job runs only as its trigger: the admin calling it from the console sends nothing', () => {
    const w = ward();
    const sent = w.ws.mail.outbox().length;
    expect(w.app.run('hourlyMaintenance', [], { kind: 'rpc', user: ADMIN })).toBeNull();
    expect(w.ws.mail.outbox().length).toBe(sent);
    runHourly(w);
    expect(w.ws.mail.outbox().length).toBe(sent + 1);
  });
});
