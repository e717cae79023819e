/** Cases from other channels, entered by staff from the sidebar (server rules; the client is never trusted). */
import { ADMIN, formAnswers, setUpWard, tabRecords } from '../support/ward';

const base = { channel: 'paper', receivedAt: '', group: 'Tổ dân phố 2', topic: '', content: 'Thư tay về rác thải', location: '', name: '', phone: '', email: '', confidential: false };

function addStaff(ward: ReturnType<typeof setUpWard>, rows: string[][]) {
  const sheet = ward.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!;
  sheet.getRange(3, 1, rows.length, 3).setValues(rows);
  ward.ws.clock.advance(3_600_000);
  ward.ws.runDueTriggers(); // the hourly job refreshes the settings
}

describe('submitStaffCase', () => {
  it('records the channel and the time the case was received, under the same rules as the form', () => {
    const ward = setUpWard();
    const r = ward.app.call('submitStaffCase', { ...base, channel: 'phone', receivedAt: '2026-11-23T08:30:00.000Z', content: '=1+1 gọi điện báo ngập' }) as { code: string; dueDate: string; message: string };
    expect(r).toEqual({ code: 'GY-2026-00001', dueDate: '02/12/2026', message: 'Đã lưu ý kiến GY-2026-00001. Hạn trả lời: 02/12/2026.' });
    expect(tabRecords(ward, 'Ý kiến')[0]).toMatchObject({ 'Kênh tiếp nhận': 'Điện thoại', 'Thời điểm tiếp nhận': '23/11/2026 15:30:00', 'Nội dung': '=1+1 gọi điện báo ngập', 'Lĩnh vực gợi ý': 'Môi trường' });
    expect(tabRecords(ward, 'Nhật ký')).toEqual([expect.objectContaining({ 'Người thực hiện': ADMIN, 'Hành động': 'Tiếp nhận', 'Mã ý kiến': 'GY-2026-00001', 'Chi tiết': 'Điện thoại' })]);
  });

  it('a paper slip typed by an admin is received under the admin, in the audit tab and in the case’s history, never "Biểu mẫu"', () => {
    const ward = setUpWard();
    ward.app.call('createPaperSlips', { group: 'Tổ dân phố 7', count: 1 });
    ward.app.call('submitStaffCase', { ...base, group: 'Tổ dân phố 7', slipCode: 'GY-2026-P00001' });
    ward.app.call('submitStaffCase', { ...base, channel: 'phone', content: 'Gọi điện báo đèn hỏng' });
    const received = tabRecords(ward, 'Nhật ký').filter((r) => r['Hành động'] === 'Tiếp nhận');
    expect(received.map((r) => [r['Mã ý kiến'], r['Người thực hiện']])).toEqual([['GY-2026-P00001', ADMIN], ['GY-2026-00001', ADMIN]]);
    for (const code of ['GY-2026-P00001', 'GY-2026-00001']) {
      const view = ward.app.call('getCase', code) as { history: Array<{ by: string; action: string }> };
      expect(view.history).toEqual([expect.objectContaining({ by: ADMIN, action: 'Tiếp nhận' })]);
    }
    // The form's own submissions still say who received them: the form.
    ward.ws.forms.submit(ward.formId, formAnswers({ content: 'Rác ở ngõ 4' }));
    const fromForm = ward.app.call('getCase', 'GY-2026-00002') as { history: Array<{ by: string }> };
    expect(fromForm.history.map((h) => h.by)).toEqual(['Biểu mẫu']);
  });

  it('keeps an invalid e-mail as typed, marks it, and never writes to it', () => {
    const ward = setUpWard();
    ward.app.call('submitStaffCase', { ...base, email: 'dan@@gmail', phone: '12345' });
    expect(tabRecords(ward, 'Người gửi')[0]).toMatchObject({ Email: 'dan@@gmail', 'Email hợp lệ': 'FALSE', 'Số điện thoại': '12345', 'SĐT hợp lệ': 'FALSE' });
    expect(tabRecords(ward, 'Ý kiến')[0]['Ghi chú nội dung']).toContain('Email người gửi không hợp lệ');
    expect(tabRecords(ward, 'Hộp thư đi')).toEqual([]);
    expect(ward.ws.mail.outbox()).toEqual([]);
  });

  it('keeps a residential group that is not in the list, and flags it', () => {
    const ward = setUpWard();
    ward.app.call('submitStaffCase', { ...base, group: 'Tổ 41 (mới tách)' });
    expect(tabRecords(ward, 'Ý kiến')[0]).toMatchObject({ 'Tổ dân phố': 'Tổ 41 (mới tách)', 'TDP trong danh sách': 'FALSE' });
    ward.app.call('submitStaffCase', { ...base, group: 'to dan pho 5' });
    expect(tabRecords(ward, 'Ý kiến')[1]).toMatchObject({ 'Tổ dân phố': 'Tổ dân phố 5', 'TDP trong danh sách': 'TRUE' });
  });

  it('refuses bad input with a Vietnamese message and saves nothing', () => {
    const ward = setUpWard();
    expect(() => ward.app.call('submitStaffCase', { ...base, content: '  ' })).toThrow('Vui lòng nhập nội dung ý kiến.');
    expect(() => ward.app.call('submitStaffCase', { ...base, channel: 'qr' })).toThrow('Kênh tiếp nhận không hợp lệ.');
    expect(() => ward.app.call('submitStaffCase', { ...base, receivedAt: '2027-01-01T00:00:00Z' })).toThrow('Thời điểm tiếp nhận không hợp lệ hoặc ở tương lai.');
    expect(tabRecords(ward, 'Ý kiến')).toEqual([]);
  });

  it('is for admins only: handlers and viewers are refused on the server', () => {
    const ward = setUpWard();
    addStaff(ward, [['handler@luukiem.example', 'Xử lý', 'Công an phường'], ['viewer@luukiem.example', 'Xem', '']]);
    for (const user of ['handler@luukiem.example', 'viewer@luukiem.example']) {
      ward.ws.setUser(user);
      expect(() => ward.app.call('submitStaffCase', base)).toThrow('Chỉ cán bộ "Quản trị" mới được nhập ý kiến.');
    }
    // Someone outside "Cán bộ" is told that first.
    ward.ws.setUser('stranger@gmail.com');
    expect(() => ward.app.call('submitStaffCase', base)).toThrow('chưa có vai trò trong tab "Cán bộ"');
    expect(tabRecords(ward, 'Ý kiến')).toEqual([]);
  });

  it('the sidebar state tells each person what they may do', () => {
    const ward = setUpWard();
    addStaff(ward, [['viewer@luukiem.example', 'Xem', '']]);
    expect(ward.app.call('getSidebarState')).toMatchObject({ user: ADMIN, ready: true, role: 'admin', roleLabel: 'Quản trị' });
    ward.ws.setUser('viewer@luukiem.example');
    expect(ward.app.call('getSidebarState')).toMatchObject({ role: 'viewer', roleLabel: 'Xem' });
    ward.ws.setUser('stranger@gmail.com');
    expect(ward.app.call('getSidebarState')).toMatchObject({ role: null });
  });
});

describe('the time a case was received, on the server’s clock', () => {
  it('the sidebar gets the server’s "now" in Vietnam, and a wall time typed in the form is read in Vietnam', () => {
    const ward = setUpWard({ now: '2026-11-24T02:05:00Z' }); // 09:05 in Hà Nội, and setup takes a minute of service calls
    const state = ward.app.call('getSidebarState') as { now: string };
    const hanoi = new Date(ward.ws.clock.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
    expect(state.now).toBe(hanoi);
    expect(state.now.startsWith('2026-11-24T09:0')).toBe(true);
    ward.app.call('submitStaffCase', { ...base, channel: 'phone', receivedAt: '2026-11-23T15:30', content: 'Gọi điện báo đèn hỏng' });
    expect(tabRecords(ward, 'Ý kiến')[0]['Thời điểm tiếp nhận']).toBe('23/11/2026 15:30:00');
  });
});
