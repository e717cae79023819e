/**
 * The public board (services/public/board, platform/board-cache), issue 16.6: cached 5 minutes
 * under a generation that every change it shows moves on, so the next visitor sees each change at
 * once — an answer sent, published or unpublished, a case closed, reopened, marked misuse, filed
 * or restored — while a change it does not show keeps the cached board.
 */
import { OTHER_GROUPS } from '../../src/domain/publication';
import { formAnswers, runHourly, setUpWard, type Ward } from '../support/ward';

const CASES = 'Ý kiến';
type View = { code: string; row: number; version: number; status: string };
type BoardRow = { code: string; status: string; summary: string; answer: string };

const open = (w: Ward, code: string) => w.app.call('getCase', code) as View;
const act = (w: Ward, code: string, input: Record<string, unknown>) => {
  const v = open(w, code);
  return (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
};

describe('the public board shows every change at once', () => {
  function boardRows(w: Ward): BoardRow[] {
    return (w.app.call('getPublicBoard', OTHER_GROUPS, '', '') as { rows: BoardRow[] }).rows;
  }
  const row = (w: Ward, code: string) => boardRows(w).find((r) => r.code === code);

  function answered(): Ward {
    const w = setUpWard();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng', email: 'hoa@gmail.com' }));
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Bài viết bôi nhọ', group: 'Tổ dân phố 2' }));
    act(w, 'GY-2026-00001', { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(w, 'GY-2026-00001', { action: 'answer', text: 'Đèn đã được thay ngày 26/11.' });
    return w;
  }

  it('answer sent, published, unpublished, closed, reopened, marked misuse: each seen by the very next visitor', () => {
    const w = answered();
    expect(row(w, 'GY-2026-00001')!.status).toBe('Dự thảo trả lời');
    act(w, 'GY-2026-00001', { action: 'sendAnswer' });
    expect(row(w, 'GY-2026-00001')!.status).toBe('Đã duyệt, chờ gửi');
    // The hourly job sends it: the case is answered, and the board shows it at once (issue 18.5).
    runHourly(w);
    expect(row(w, 'GY-2026-00001')!.status).toBe('Đã trả lời');
    act(w, 'GY-2026-00001', { action: 'setPublic', isPublic: true, publicSummary: 'Đèn ngõ 3 đã được thay.' });
    expect(row(w, 'GY-2026-00001')).toMatchObject({ summary: 'Đèn ngõ 3 đã được thay.', answer: 'Đèn đã được thay ngày 26/11.' });
    act(w, 'GY-2026-00001', { action: 'setPublic', isPublic: false });
    expect(row(w, 'GY-2026-00001')).toMatchObject({ summary: '', answer: '' });
    act(w, 'GY-2026-00001', { action: 'close', outcome: 'resolved' });
    expect(row(w, 'GY-2026-00001')!.status).toBe('Đã đóng — Đã giải quyết');
    act(w, 'GY-2026-00001', { action: 'reopen', reason: 'Đèn lại hỏng' });
    expect(row(w, 'GY-2026-00001')!.status).not.toContain('Đã đóng');
    expect(row(w, 'GY-2026-00002')).toBeDefined();
    act(w, 'GY-2026-00002', { action: 'misuse', reason: 'Bôi nhọ cá nhân' });
    expect(row(w, 'GY-2026-00002')).toBeUndefined();
  });

  it('a new case and a hand-deleted case row restored are seen at once', () => {
    const w = answered();
    expect(row(w, 'GY-2026-00003')).toBeUndefined();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Cống tắc', group: 'Tổ dân phố 3' }));
    expect(row(w, 'GY-2026-00003')).toBeDefined();
    w.ws.handEdit((ss) => ss.getSheetByName(CASES)!.deleteRow(4), { changeType: 'REMOVE_ROW' });
    w.ws.clock.advance(6 * 60_000); // the board as cached before the deletion has expired
    expect(row(w, 'GY-2026-00003')).toBeUndefined();
    w.app.call('resyncMailbox');
    expect(row(w, 'GY-2026-00003')).toBeDefined();
  });

  it('a change the board does not show (an internal note) keeps the cached board: no case read, only the stamp (one cell)', () => {
    const w = answered();
    boardRows(w);
    act(w, 'GY-2026-00001', { action: 'note', text: 'Đã gọi tổ trưởng.' });
    w.ws.resetStats();
    boardRows(w);
    // Case changes the board shows write a stamp in the staff action's own write batch (issue 19:
    // an action is one write request): a cached board reads it, and nothing else of the spreadsheet.
    const sheets = w.ws.stats().services.SpreadsheetApp;
    expect(sheets.methods['Range.getValues']).toMatchObject({ calls: 1, cellsRead: 1 });
    expect(sheets.cellsRead).toBe(1);
  });
});
