/**
 * Years of cases (issue 19, item 4): closed cases of past years move in one batch from "Ý kiến" to
 * their year's archive tab ("Lưu trữ 2025"), and everything that found them before still does —
 * the resident's lookup, the staff case view and search, the public board, the reports of past
 * periods and reconcile — while nothing can change them any more. The move is copy-then-remove
 * under the document lock, idempotent by code: cut off at any service call, the next run finishes
 * it, and no case is ever lost or doubled.
 */
import { ARCHIVE } from '../../src/i18n/archive';
import { PUBLIC } from '../../src/i18n/vi';
import { lastUiMessage, runHourly, tabRecords, tabValues, wardFactory, type Ward } from '../support/ward';
import { act, ADMIN, CASES_TAB, caseRows, fillYears, lookupKeyOf, open, REAL, SET_UP_ON, VIEWER, whereCases } from '../support/archive-ward';

const fresh = wardFactory(fillYears(), SET_UP_ON);

/** The menu item, as an admin at the spreadsheet: the dialog's message. */
const archiveNow = (w: Ward) => {
  w.app.call('archivePastCases');
  return lastUiMessage(w);
};

const sheet = (w: Ward, name: string) => w.SpreadsheetApp.getActive().getSheetByName(name)!;
const errorsLogged = (w: Ward) => tabRecords(w, 'Lỗi').map((r) => r['Lỗi']);

describe('the move', () => {
  it('moves the closed cases of past years, keeps the rest, and every case is in exactly one place, unchanged', () => {
    const w = fresh();
    const before = caseRows(w);
    const errors = errorsLogged(w);
    const message = archiveNow(w);
    const after = caseRows(w);
    const where = whereCases(w);
    expect(message).toMatch(/^Đã chuyển \d+ ý kiến vào lưu trữ: \d+ vào tab "Lưu trữ 2024", \d+ vào tab "Lưu trữ 2025"\./);
    expect([...where.values()].every((tabs) => tabs.length === 1)).toBe(true);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [code, row] of before) expect(after.get(code)).toEqual(row);
    expect(where.get(REAL.closed)).toEqual(['Lưu trữ 2025']);
    // What stays: rated low and not closed, open, linked to an open follow-up, closed under 30 days ago, this year's.
    for (const code of [REAL.lowRated, REAL.open, REAL.withOpenFollowUp, REAL.justClosed, REAL.followUp]) expect(where.get(code)).toEqual([CASES_TAB]);
    for (const [code, tabs] of where) {
      const row = after.get(code)!;
      const archived = tabs[0] !== CASES_TAB;
      if (archived) {
        expect(row['Trạng thái']).toBe('Đã đóng');
        expect(tabs[0]).toBe(`Lưu trữ ${code.slice(3, 7)}`);
      }
      if (code.startsWith('GY-2026-')) expect(archived).toBe(false);
    }
    expect(errorsLogged(w)).toEqual(errors);
  });

  it('the archive tabs are cut to their rows, plain text, protected for admins; the cases tab shrinks', () => {
    const w = fresh();
    const cells = () => w.SpreadsheetApp.getActive().getSheets().reduce((n, s) => n + s.getMaxRows() * s.getMaxColumns(), 0);
    const before = cells();
    archiveNow(w);
    // As wide as the cases tab's own columns (its system columns included), no wider.
    const width = tabValues(w, CASES_TAB)[0].filter((h) => h !== '').length;
    for (const name of ['Lưu trữ 2024', 'Lưu trữ 2025']) {
      const s = sheet(w, name);
      expect(s.getMaxColumns()).toBe(width);
      expect(s.getMaxRows()).toBe(s.getLastRow());
      expect(s.getFrozenRows()).toBe(1);
      const header = s.getRange(1, 1, 1, width).getValues()[0];
      expect(header).toEqual(tabValues(w, CASES_TAB)[0].slice(0, width));
      // Every text column of every archived row is plain text: a resident's "=…" is never a formula.
      const formats = s.getRange(2, 1, s.getLastRow() - 1, width).getNumberFormats();
      const content = header.indexOf('Nội dung');
      expect(formats.every((r) => r[content] === '@')).toBe(true);
      const view = w.ws.spreadsheets.view(w.ssId).sheets.find((x) => x.name === name)!;
      expect(view.protectionEditors).toEqual([]);
    }
    // Moving rows within one workbook adds no cell but each archive tab's header row: the archive's rows come out of the cases tab's grid.
    expect(cells()).toBeLessThanOrEqual(before + 2 * width);
  });

  it('an admin added to "Cán bộ" may edit the archive tabs after the hourly job, as every protected tab; one removed may not', () => {
    const w = fresh();
    archiveNow(w);
    const second = 'pho.chu.tich@luukiem.example';
    const staff = sheet(w, 'Cán bộ');
    staff.getRange(staff.getLastRow() + 1, 1, 1, 3).setValues([[second, 'Quản trị', '']]);
    runHourly(w);
    const editors = (name: string) => w.ws.spreadsheets.view(w.ssId).sheets.find((x) => x.name === name)!.protectionEditors;
    expect(editors('Lưu trữ 2025')).toEqual([second]);
    expect(editors('Lưu trữ 2024')).toEqual(editors(CASES_TAB));
    staff.getRange(staff.getLastRow(), 1, 1, 3).clearContent();
    runHourly(w);
    expect(editors('Lưu trữ 2025')).toEqual([]);
  });

  it('a second run moves nothing and changes nothing', () => {
    const w = fresh();
    archiveNow(w);
    const state = caseRows(w);
    expect(archiveNow(w)).toMatch(/^Không có ý kiến nào cần lưu trữ\. \d+ ý kiến của các năm trước vẫn ở tab "Ý kiến"/);
    expect(caseRows(w)).toEqual(state);
  });

  it('runs by itself on the hourly job’s first night-time run of a month, once', () => {
    const w = fresh();
    const errors = errorsLogged(w);
    // By day (10:00, Vietnam time), nobody waits for it: nothing moves.
    runHourly(w);
    expect(whereCases(w).get(REAL.closed)).toEqual([CASES_TAB]);
    w.ws.clock.setTo('2026-03-02T14:30:00Z');
    runHourly(w); // 22:30
    const where = whereCases(w);
    expect(where.get(REAL.closed)).toEqual(['Lưu trữ 2025']);
    // The hourly job's next runs that month read one property for it: no Spreadsheet call to archive.
    const state = caseRows(w);
    runHourly(w);
    expect(caseRows(w)).toEqual(state);
    expect(errorsLogged(w)).toEqual(errors);
  });
});

describe('archived cases are still found — and never changed', () => {
  it('the resident’s lookup from the web app (anonymous visitor) shows the archived case, its answer, and refuses a rating', () => {
    const w = fresh();
    const key = lookupKeyOf(w, 'an@gmail.com');
    const seen = w.ws.webapp.run('lookupPublicCase', [REAL.closed, key], { user: '' });
    archiveNow(w);
    const found = w.ws.webapp.run('lookupPublicCase', [REAL.closed, key], { user: '' }) as { status: string; answer: string; canRate: boolean; canFollowUp: boolean };
    expect(found).toEqual({ ...(seen as object), canRate: false, canFollowUp: false });
    expect(found.status).toBe('Đã đóng');
    expect(found.answer).toContain('đèn đã được thay');
    expect(() => w.ws.webapp.run('ratePublicAnswer', [REAL.closed, key, 5, ''], { user: '' })).toThrow(PUBLIC.archived);
    expect(() => w.ws.webapp.run('lookupPublicCase', [REAL.closed, 'AAAA-AAAA'], { user: '' })).toThrow('Mã ý kiến hoặc mã tra cứu chưa đúng.');
  });

  it('a wrong key costs the same calls whether the code of an archived year is a case or not', () => {
    const w = fresh();
    archiveNow(w);
    const profile = (c: string) => {
      w.ws.resetStats();
      expect(() => w.app.call('lookupPublicCase', c, 'AAAA-AAAA')).toThrow('Mã ý kiến hoặc mã tra cứu chưa đúng.');
      const s = w.ws.stats();
      return Object.fromEntries(Object.entries(s.services).flatMap(([service, v]) => Object.entries(v.methods).map(([m, n]) => [`${service}:${m}`, n.calls])));
    };
    profile('GY-2025-77777');
    const archived = profile(REAL.closed);
    expect(profile(REAL.open)).toEqual(archived);
    expect(profile('GY-2025-09999')).toEqual(archived);
  });

  it('staff open an archived case read-only; a sidebar holding an old view gets a Vietnamese message, never another case', () => {
    const w = fresh();
    const moving = open(w, REAL.closed);
    const staying = open(w, REAL.open);
    archiveNow(w);
    // The row the moved case had now holds another case: the old view's action is refused by name, and that case is untouched.
    const other = caseRows(w);
    expect(() => w.app.call('caseAction', moving.code, moving.row, moving.version, { action: 'reopen', reason: 'Đèn lại hỏng' })).toThrow(ARCHIVE.readOnly(REAL.closed, 2025));
    expect(caseRows(w)).toEqual(other);
    // The case that stayed moved up: its old row hint still finds it by code.
    const note = w.app.call('caseAction', staying.code, staying.row, staying.version, { action: 'note', text: 'Đã gọi lại cho người dân.' }) as { view: { code: string; row: number } };
    expect(note.view.code).toBe(REAL.open);
    expect(note.view.row).toBeLessThan(staying.row);
    // The archived case, opened by code (and with its stale row hint): read-only, with the banner's year.
    for (const view of [open(w, REAL.closed), open(w, REAL.closed, moving.row)]) {
      expect(view).toMatchObject({ code: REAL.closed, status: 'Đã đóng', archived: 2025, actions: [], row: 0 });
    }
    const asViewer = w.ws.sidebar.run('getCase', [REAL.closed], { user: VIEWER }) as { code: string; archived: number };
    expect(asViewer).toMatchObject({ code: REAL.closed, archived: 2025 });
    expect(() => w.app.call('createCaseDocument', REAL.closed, 'letter')).toThrow(ARCHIVE.readOnly(REAL.closed, 2025));
    expect(() => w.app.call('issueCaseLookupKey', REAL.closed)).toThrow(ARCHIVE.readOnly(REAL.closed, 2025));
  });

  it('a new case can be marked a duplicate of an archived one, which stays as it was', () => {
    const w = fresh();
    archiveNow(w);
    const archived = caseRows(w).get(REAL.closed);
    const fresh2026 = 'GY-2026-00001';
    const v = act(w, fresh2026, { action: 'duplicate', of: REAL.closed });
    expect(v).toMatchObject({ code: fresh2026, status: 'Đã đóng', linkedCases: REAL.closed });
    expect(caseRows(w).get(REAL.closed)).toEqual(archived);
  });

  it('the inbox lists a year’s archive when asked, searchable as the cases tab is', () => {
    const w = fresh();
    archiveNow(w);
    type Inbox = { total: number; items: Array<{ code: string; row: number }>; options: { archiveYears: number[] } };
    const current = w.app.call('getInbox', {}) as Inbox;
    expect(current.options.archiveYears).toEqual([2024, 2025]);
    expect(current.items.some((i) => i.code === REAL.closed)).toBe(false);
    const archived = w.app.call('getInbox', { archive: '2025', text: 'ngõ 1' }) as Inbox;
    expect(archived.items.map((i) => i.code)).toContain(REAL.closed);
    expect(archived.items.every((i) => i.row === 0)).toBe(true);
    const all2024 = w.app.call('getInbox', { archive: '2024', pageSize: 1000 }) as Inbox;
    expect(all2024.total).toBe(sheet(w, 'Lưu trữ 2024').getLastRow() - 1);
  });

  it('the admins’ search by the sender’s name finds the sender’s archived case too', () => {
    const w = fresh();
    archiveNow(w);
    const found = w.app.call('findCasesBySender', 'Người dân 1', 'Người dân gọi hỏi ý kiến năm ngoái') as { items: Array<{ code: string; row: number; status: string }> };
    expect(found.items).toEqual([expect.objectContaining({ code: REAL.closed, row: 0, status: 'Đã đóng' })]);
    expect(open(w, found.items[0].code, found.items[0].row)).toMatchObject({ code: REAL.closed, archived: 2025 });
  });

  it('reports of past periods, the monthly publication and the public board are the same before and after the move', () => {
    const before = fresh();
    const after = fresh();
    archiveNow(after);
    const docText = (w: Ward, fn: string, request: unknown) => w.ws.documents.text((w.app.call(fn, request) as { id: string }).id);
    // A past quarter, and this quarter — compared with last quarter and the same quarter of 2025, both archived.
    for (const request of [{ kind: 'quarter', year: 2025, index: 3 }, { kind: 'quarter', year: 2026, index: 1 }, { kind: 'year', year: 2024 }]) {
      const text = docText(before, 'createReportDocument', request);
      expect(text.length).toBeGreaterThan(1000);
      expect(docText(after, 'createReportDocument', request)).toBe(text);
    }
    for (const month of [3, 12]) expect(docText(after, 'createPublicationDocument', { year: 2025, month })).toBe(docText(before, 'createPublicationDocument', { year: 2025, month }));
    // The board of every group for past months (it goes back 12 months): the same rows.
    const board = (w: Ward, group: string, month: string) => w.ws.webapp.run('getPublicBoard', [group, '2025', month], { user: '' }) as { rows: unknown[]; groups: string[] };
    let shown = 0;
    for (const month of ['4', '11', '12']) {
      for (const group of board(before, '', month).groups) {
        const seen = board(before, group, month);
        expect(board(after, group, month)).toEqual(seen);
        shown += seen.rows.length;
      }
    }
    expect(shown).toBeGreaterThan(20);
  });

  it('reconcile ("Đồng bộ lại") after the move files nothing: an archived case’s form response is filed', () => {
    const w = fresh();
    archiveNow(w);
    const state = caseRows(w);
    const errors = errorsLogged(w);
    const mails = w.ws.mail.outbox().length;
    w.app.call('resyncMailbox');
    expect(lastUiMessage(w)).toContain('Không có ý kiến nào bị sót');
    runHourly(w);
    expect(caseRows(w)).toEqual(state);
    // No acknowledgement filed again, no "restored" notice to the admins.
    expect(w.ws.mail.outbox().slice(mails).map((m) => m.subject).filter((s) => /tiếp nhận|khôi phục/i.test(s))).toEqual([]);
    expect(errorsLogged(w)).toEqual(errors);
  });
});

describe('who may move cases', () => {
  it('the menu item is refused to a viewer at the spreadsheet and to an anonymous web-app visitor; nothing moves', () => {
    const w = fresh();
    const state = caseRows(w);
    w.ws.sidebar.run('archivePastCases', [], { user: VIEWER });
    expect(lastUiMessage(w)).toBe(ARCHIVE.notAdmin);
    expect(() => w.ws.webapp.run('archivePastCases', [], { user: '' })).toThrow();
    expect(caseRows(w)).toEqual(state);
    expect(w.SpreadsheetApp.getActive().getSheetByName('Lưu trữ 2025')).toBeNull();
  });
});

describe('hostile hand edits of an archive tab', () => {
  it('text typed in is plain text; a viewer cannot type at all', () => {
    const w = fresh();
    archiveNow(w);
    const s = sheet(w, 'Lưu trữ 2025');
    const header = s.getRange(1, 1, 1, 43).getValues()[0];
    const row = s.getRange(2, 1, s.getLastRow() - 1, 1).getValues().findIndex((r) => r[0] === REAL.closed) + 2;
    const col = header.indexOf('Nội dung') + 1;
    w.ws.handEdit((ss) => ss.getSheetByName('Lưu trữ 2025')!.getRange(row, col).setValue('=HYPERLINK("http://x.example","bấm")'), { user: ADMIN, range: { sheet: 'Lưu trữ 2025', row, column: col }, value: '=HYPERLINK' });
    expect(s.getRange(row, col).getFormula()).toBe('');
    expect((w.app.call('getCase', REAL.closed) as { content: string }).content).toBe('=HYPERLINK("http://x.example","bấm")');
    expect(() => w.ws.handEdit((ss) => ss.getSheetByName('Lưu trữ 2025')!.getRange(row, col).setValue('x'), { user: VIEWER, range: { sheet: 'Lưu trữ 2025', row, column: col }, value: 'x' })).toThrow();
  });

  it('a row deleted from the archive by hand: reported, its form case restored once by reconcile, nothing doubled', () => {
    const w = fresh();
    archiveNow(w);
    const s = sheet(w, 'Lưu trữ 2025');
    const row = s.getRange(2, 1, s.getLastRow() - 1, 1).getValues().findIndex((r) => r[0] === REAL.closed) + 2;
    const held = s.getLastRow() - 1;
    w.ws.handEdit((ss) => ss.getSheetByName('Lưu trữ 2025')!.deleteRow(row), { user: ADMIN, changeType: 'REMOVE_ROW' });
    // Every other archived case is still found by code, though its row moved.
    const last = s.getRange(s.getLastRow(), 1).getValue() as string;
    expect(open(w, last)).toMatchObject({ code: last, archived: 2025 });
    w.app.call('resyncMailbox');
    expect(whereCases(w).get(REAL.closed)).toEqual([CASES_TAB]);
    expect([...whereCases(w).values()].every((tabs) => tabs.length === 1)).toBe(true);
    expect(archiveNow(w)).toMatch(/^Không có ý kiến nào cần lưu trữ/);
    expect(errorsLogged(w).filter((e) => e === ARCHIVE.rowsMissing(2025, held, held - 1))).toHaveLength(1);
    // Told once: the next run does not say it again.
    archiveNow(w);
    expect(errorsLogged(w).filter((e) => e.startsWith('Tab "Lưu trữ'))).toHaveLength(1);
  });
});

describe('a move cut off at any service call', () => {
  const small = wardFactory(fillYears({ y2024: 30, y2025: 50, y2026: 10 }), SET_UP_ON);

  /** Every code with its row, over the cases tab and the archives, copies in two places included. */
  function noCaseLostNorChanged(w: Ward, before: Map<string, Record<string, unknown>>, where: string): void {
    const rows = caseRows(w);
    expect({ where, codes: [...rows.keys()].sort() }).toEqual({ where, codes: [...before.keys()].sort() });
    for (const [code, row] of before) expect({ where, code, row: rows.get(code) }).toEqual({ where, code, row });
  }

  it('never loses nor doubles a case, and the next run finishes the first', () => {
    const clean = small();
    const before = caseRows(clean);
    clean.ws.faults.failNthCall(1_000_000);
    archiveNow(clean);
    const total = clean.ws.faults.sweepState().calls;
    clean.ws.faults.failNthCall(0);
    const finished = { rows: caseRows(clean), where: whereCases(clean) };
    expect([...finished.where.values()].some((tabs) => tabs[0] !== CASES_TAB)).toBe(true);
    expect(total).toBeGreaterThan(20);
    for (let k = 1; k <= total; k++) {
      const w = small();
      w.ws.faults.failNthCall(k);
      try {
        archiveNow(w);
      } catch {
        // refused before the dialog: the next run starts over
      }
      const failed = `call ${k} (${w.ws.faults.sweepState().failed})`;
      w.ws.faults.failNthCall(0);
      // Cut off: every case still there, as it was — a copy in its archive is the same case, not another.
      noCaseLostNorChanged(w, before, failed);
      archiveNow(w);
      expect({ failed, rows: caseRows(w), where: whereCases(w) }).toEqual({ failed, ...finished });
    }
  });

  it('cut off after the copy, then the case changed: the next run moves the case as it is now, over its old copy', () => {
    const probe = small();
    probe.ws.faults.failNthCall(1_000_000);
    archiveNow(probe);
    const total = probe.ws.faults.sweepState().calls;
    // The last call that, failing, leaves the copies written and the cases tab as it was: the rewrite.
    let w: Ward | null = null;
    for (let k = total; k >= 1 && !w; k--) {
      const candidate = small();
      candidate.ws.faults.failNthCall(k);
      archiveNow(candidate);
      candidate.ws.faults.failNthCall(0);
      if ((whereCases(candidate).get(REAL.closed) ?? []).length === 2) w = candidate;
    }
    expect(w).not.toBeNull();
    const ward = w!;
    const note = 'Người dân gọi lại cảm ơn.';
    // Staff add a note to the case meanwhile (it is still in the cases tab, closed).
    const v = open(ward, REAL.closed);
    ward.app.call('caseAction', v.code, v.row, v.version, { action: 'note', text: note });
    archiveNow(ward);
    expect(whereCases(ward).get(REAL.closed)).toEqual(['Lưu trữ 2025']);
    const archived = open(ward, REAL.closed) as unknown as { version: number; history: Array<{ detail?: string }>; archived: number };
    expect(archived.version).toBe(v.version + 1);
    expect(archived.history.some((e) => e.detail === note)).toBe(true);
  });
});
