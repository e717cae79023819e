/**
 * A fixed set of cases whose report figures are worked out by hand (in the comment below, and as
 * literals in test/unit/report-model.test.ts and test/integration/reports.test.ts), never by the
 * code under test. The working calendar is the official one: 2026 days off include Tết 16–20/2
 * and 1/9, 2/9 (the adjacent day to 2/9 is provisional: the windows below give the same figures
 * with 3/9 instead of 1/9).
 *
 * 2026 weekdays used below:
 *   Feb:  12 Th 13 Fr | 16–20 Mo–Fr (Tết) | 23 Mo … 27 Fr | 2/3 Mo
 *   Aug/Sep: 28/8 Fr | 31/8 Mo, 1/9 Tu (off), 2/9 We (off), 3 Th, 4 Fr | 7 Mo … 11 Fr
 *   Oct:  1 Th 2 Fr | 5 Mo … 9 Fr | 12 … 16 | 19 … 23 | 26 … 30 Fr
 *   Nov:  2 Mo … 6 | 9 … 13 | 16 … 20 | 23 … 27 | 30 Mo
 *   Dec:  1 Tu … 4 Fr | 7 … 11 | 14 Mo … 18 Fr | 21 … 25 | 28 Mo
 */
import type { ReportCase } from '../../src/domain/report/types';

/** An instant in Vietnam (UTC+7). */
export const vn = (s: string) => new Date(`${s.length === 10 ? `${s}T10:00` : s}:00+07:00`);

export const KT = 'Phòng Kinh tế';
export const CA = 'Công an phường';
export const T1 = 'Tổ dân phố 1';
export const T2 = 'Tổ dân phố 2';
export const T3 = 'Tổ dân phố 3';
export const T4 = 'Tổ dân phố 4';

export function aCase(code: string, received: string, patch: Partial<ReportCase> = {}): ReportCase {
  return {
    code, receivedAt: vn(received), channel: 'QR', group: T1, category: 'Môi trường', complexity: 'Thường', status: 'Mới tiếp nhận', assignedBody: '',
    bodyDueDate: '', answeredAt: '', answerSentAt: '', outcome: '', closedAt: '', rating: null, ...patch,
  };
}

export const answered = (day: string, patch: Partial<ReportCase> = {}): Partial<ReportCase> => ({ status: 'Đã trả lời', answerSentAt: vn(day), answeredAt: vn(day), outcome: 'Đã giải quyết', ...patch });

/*
 * The fixed set. Due days are 7 working days (20 when complex) after the day of receipt.
 *
 * A 00101 received Thu 1/10 at 06:00 Vietnam time (30/9 23:00 UTC: Q4, not Q3). Due: 2,5,6,7,8,9,12 → 12/10.
 *   Answered 7/10: on time; working days 2,5,6,7 = 4. Body KT committed 7/10, answer written 6/10: kept. Rating 5.
 * B 00102 Mon 5/10, paper mailbox. Due: 6,7,8,9,12,13,14 → 14/10. Answered Tue 20/10: late by 15,16,19,20 = 4;
 *   working days 6–9 (4) + 12–16 (5) + 19,20 (2) = 11. Body KT committed 16/10, written 19/10: not kept. Rating 2.
 * C 00103 Tue 6/10, reclassified complex. 7 days would be 15/10 (answer 27/10 late); 20 days: 7,8,9 (3),
 *   12–16 (8), 19–23 (13), 26–30 (18), 2/11 (19), 3/11 (20) → 3/11: on time. Working days 7,8,9,12–16,19–23,26,27 = 15.
 * D 00104 Thu 8/10, phone, unclassified, reopened: answer cleared, status 'Đang xử lý'. Due: 9,12–16,19 → 19/10.
 *   Open and overdue as of Fri 18/12: 20–23/10 (4) + 26–30/10 (5) + Nov 2–6, 9–13, 16–20, 23–27 (20) + 30/11 (1)
 *   + 1–4/12 (4) + 7–11/12 (5) + 14–18/12 (5) = 44 working days late. Body CA committed 13/10, draft 14/10: not kept.
 * E 00105 Fri 9/10, misuse, closed 12/10 without an answer. Body CA; due 12–16,19,20 → 20/10 (≤ 18/12).
 * M 00112 Thu 15/10, in person, no group (ward office). Due 16,19–23,26 → 26/10. Answered Fri 23/10: on time,
 *   16,19,20,21,22,23 = 6 working days. Body KT committed 25/12 (after the report day) but written 22/10: committed, kept. Rating 4.
 * F 00106 Mon 2/11, TDP 4, duplicate, closed 3/11.
 * O 00113 Mon 30/11, e-mail, TDP 4, complex, open. 20 days: 1–4/12 (4), 7–11 (9), 14–18 (14), 21–25 (19), 28/12 (20)
 *   → 28/12: not overdue (7 days would have been 9/12). Body CA committed 10/12 (passed), nothing written: not kept.
 * P 00114 Tue 1/12. Due 2,3,4,7,8,9,10 → 10/12. Its answer went out on 21/12, after the report day: as of 18/12
 *   it is open and 11,14,15,16,17,18 = 6 working days late.
 * G 00107 Thu 10/12, Zalo, TDP 2, open, body KT. Due 11,14–18,21 → 21/12: not overdue, not yet due for the body's rate.
 * H 00108 Mon 14/12 16:00 (last day of Q4 under cutoff15). Due later; answered Wed 16/12: 15,16 = 2 working days. Rating 4.
 * I 00109 Tue 15/12 (first day of Q1 2027 under cutoff15), TDP 2, open, due 24/12.
 * J 00110 Wed 30/9 21:00 (last day of Q3) answered Fri 2/10 (in Q4): 1/10, 2/10 = 2 working days; due 9/10. TDP 4, 'Giao thông'.
 * K 00111 Fri 28/8. Due: 31/8 (1), 1/9 and 2/9 off, 3 (2), 4 (3), 7 (4), 8 (5), 9 (6), 10/9 (7) → 10/9.
 *   Answered Thu 10/9: on time only because of the National Day holidays (else due 8/9); 31/8, 3, 4, 7, 8, 9, 10 = 7 working days.
 * N 00020 Thu 12/2/2026, TDP 3. Due: 13/2 (1), Tết 16–20/2, 23 (2) … 27 (6), 2/3 (7) → 2/3. Answered Fri 27/2: on time
 *   (without Tết: due 23/2, late); working days 13, 23, 24, 25, 26, 27 = 6.
 * L 00050 Mon 20/10/2025, answered Fri 24/10/2025: 21–24 = 4 working days; due 29/10/2025.
 */
const A = aCase('GY-2026-00101', '2026-10-01T06:00', { ...answered('2026-10-07', { answeredAt: vn('2026-10-06') }), assignedBody: KT, bodyDueDate: vn('2026-10-07T00:00'), rating: 5 });
const B = aCase('GY-2026-00102', '2026-10-05', { channel: 'Hòm thư giấy', group: T2, category: 'Trật tự đô thị', ...answered('2026-10-20', { answeredAt: vn('2026-10-19') }), assignedBody: KT, bodyDueDate: vn('2026-10-16T00:00'), rating: 2 });
export const C = aCase('GY-2026-00103', '2026-10-06', { category: 'Đất đai', complexity: 'Phức tạp', ...answered('2026-10-27'), assignedBody: KT });
const D = aCase('GY-2026-00104', '2026-10-08', { channel: 'Điện thoại', group: T2, category: '', status: 'Đang xử lý', answeredAt: vn('2026-10-14'), answerSentAt: '', assignedBody: CA, bodyDueDate: vn('2026-10-13T00:00') });
const E = aCase('GY-2026-00105', '2026-10-09', { category: 'An ninh trật tự', status: 'Đã đóng', outcome: 'Lợi dụng, vi phạm pháp luật', closedAt: vn('2026-10-12'), assignedBody: CA });
const M = aCase('GY-2026-00112', '2026-10-15', { channel: 'Trực tiếp', group: '', category: 'Thủ tục hành chính', ...answered('2026-10-23', { answeredAt: vn('2026-10-22') }), assignedBody: KT, bodyDueDate: vn('2026-12-25T00:00'), rating: 4 });
const F = aCase('GY-2026-00106', '2026-11-02', { group: T4, status: 'Đã đóng', outcome: 'Trùng lặp', closedAt: vn('2026-11-03') });
const O = aCase('GY-2026-00113', '2026-11-30', { channel: 'Email', group: T4, category: 'Trật tự đô thị', complexity: 'Phức tạp', status: 'Đang xử lý', assignedBody: CA, bodyDueDate: vn('2026-12-10T00:00') });
const P = aCase('GY-2026-00114', '2026-12-01', { group: T2, ...answered('2026-12-21') });
const G = aCase('GY-2026-00107', '2026-12-10', { channel: 'Zalo', group: T2, status: 'Đã phân loại', assignedBody: KT });
const H = aCase('GY-2026-00108', '2026-12-14T16:00', { category: 'Trật tự đô thị', ...answered('2026-12-16'), rating: 4 });
const I = aCase('GY-2026-00109', '2026-12-15T08:00', { group: T2 });
const J = aCase('GY-2026-00110', '2026-09-30T21:00', { group: T4, category: 'Giao thông', ...answered('2026-10-02') });
const K = aCase('GY-2026-00111', '2026-08-28', { ...answered('2026-09-10') });
const N = aCase('GY-2026-00020', '2026-02-12', { group: T3, ...answered('2026-02-27') });
export const L = aCase('GY-2025-00050', '2025-10-20', { ...answered('2025-10-24') });

export const ALL = [L, N, K, J, A, B, C, D, E, M, F, O, P, G, H, I];

/*
 * A smaller set for the renderers (the report Doc, the dashboard) and the reminders: three cases of
 * Q4 2026, received at 09:00 in Hà Nội. 00001 answered in 3 working days (on time); 00002 open since
 * 20/10, due 29/10; 00003 a duplicate, closed.
 */
const at9 = (iso: string) => new Date(`${iso}T02:00:00Z`);

/** A case received at 09:00 in Hà Nội on `received`, in progress at UBND phường unless patched. */
export function rc(code: string, received: string, patch: Partial<ReportCase> = {}): ReportCase {
  return { code, receivedAt: at9(received), channel: 'QR', group: 'Tổ dân phố 1', category: 'Môi trường', complexity: 'Thường', status: 'Đang xử lý', assignedBody: 'UBND phường', bodyDueDate: '', answeredAt: '', answerSentAt: '', outcome: '', closedAt: '', rating: null, ...patch };
}

export const THREE_CASES: ReportCase[] = [
  rc('GY-2026-00001', '2026-10-05', { answerSentAt: at9('2026-10-08'), status: 'Đã trả lời' }),
  rc('GY-2026-00002', '2026-10-20', { channel: 'Hòm thư giấy', group: 'Tổ dân phố 2', category: 'Hạ tầng, giao thông' }),
  rc('GY-2026-00003', '2026-11-02', { status: 'Đã đóng', outcome: 'Trùng lặp' }),
];
export const THREE_GROUPS = ['Tổ dân phố 1', 'Tổ dân phố 2', 'Tổ dân phố 3'];
