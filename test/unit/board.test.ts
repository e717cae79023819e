/** domain/board: the public board of a residential group's month — cells of 3 or more, scrubbed approved texts, no misuse (issue 10). */
import { STATUS, OUTCOME } from '../../src/domain/case';
import { buildBoard, type BoardCase } from '../../src/domain/board';
import { OTHER_GROUPS } from '../../src/domain/publication';

describe('the public board', () => {
  const at = (iso: string) => new Date(`${iso}T02:00:00Z`);
  const bc = (code: string, group: string, category: string, patch: Partial<BoardCase> = {}): BoardCase => ({
    code, receivedAt: at('2026-11-05'), group, category, status: STATUS.inProgress, outcome: '', dueDate: at('2026-11-14'), answerSentAt: '', closedAt: '', answerPublic: false, publicSummary: '', answer: '', approvedBy: '', confidential: false, hiddenFromPublic: false, ...patch,
  });
  const cases = [
    bc('GY-2026-00001', 'Tổ dân phố 1', 'Môi trường', { answerPublic: true, publicSummary: 'Rác ngõ 7, gọi 0912345678', answer: 'Đã thu gom.', answerSentAt: at('2026-11-06'), status: STATUS.answered }),
    bc('GY-2026-00002', 'Tổ dân phố 1', 'Môi trường'),
    bc('GY-2026-00003', 'Tổ dân phố 1', 'Môi trường', { confidential: true, answerPublic: true, publicSummary: 'Chuyện riêng', answer: 'x', answerSentAt: at('2026-11-07') }),
    bc('GY-2026-00004', 'Tổ dân phố 1', 'An ninh, trật tự'),
    bc('GY-2026-00005', 'Tổ dân phố 1', 'Môi trường', { status: STATUS.closed, outcome: OUTCOME.misuse, hiddenFromPublic: true }),
    bc('GY-2026-00006', 'Tổ dân phố 1', 'Môi trường', { receivedAt: at('2026-10-30') }),
  ];

  it('a group\'s month: its cases in cells of 3 or more; approved texts scrubbed; confidential without text; misuse never', () => {
    const b = buildBoard(cases, { year: 2026, month: 11 }, 'Tổ dân phố 1');
    expect(b.rows.map((r) => r.code)).toEqual(['GY-2026-00001', 'GY-2026-00002', 'GY-2026-00003']);
    expect(b.rows[0]).toMatchObject({ summary: 'Rác ngõ 7, gọi [đã ẩn]', answer: 'Đã thu gom.', dueOn: '14/11/2026', status: STATUS.answered });
    expect(b.rows[2]).toMatchObject({ summary: '', answer: '' });
    expect(JSON.stringify(b)).not.toContain('GY-2026-00005');
  });

  it('a lone case of a category in a group is shown under "Các tổ dân phố khác", never under its group', () => {
    expect(buildBoard(cases, { year: 2026, month: 11 }, OTHER_GROUPS).rows.map((r) => r.code)).toEqual(['GY-2026-00004']);
  });
});
