import { baseSubject, isAutomatedMail, mailBody, replySubject } from '../../src/domain/text/mail-body';

describe('mailBody: what the resident wrote, without quotes and signatures', () => {
  it('a first mail with a "-- " signature keeps the text and drops the signature', () => {
    const mail = ['Kính gửi Ủy ban MTTQ phường,', '', 'Đèn đường ngõ 12 phố Hàng Bạc hỏng 2 tuần nay, tối rất nguy hiểm.', 'Mong phường xử lý sớm.', '', '-- ', 'Nguyễn Thị Lan', 'Tổ dân phố 3', 'ĐT 0912 345 678'].join('\n');
    expect(mailBody(mail)).toEqual({ text: 'Kính gửi Ủy ban MTTQ phường,\n\nĐèn đường ngõ 12 phố Hàng Bạc hỏng 2 tuần nay, tối rất nguy hiểm.\nMong phường xử lý sớm.', cut: true });
  });

  it('a reply from Gmail in Vietnamese: "Vào … đã viết:" and the quoted lines go', () => {
    const mail = [
      'Cảm ơn phường, nhưng đến nay đèn vẫn chưa sửa.',
      '',
      'Vào Th 4, 25 thg 11, 2026 vào lúc 09:15 Hòm thư số MTTQ phường Lưu Kiếm <',
      'hopthu@luukiem.example> đã viết:',
      '',
      '> Kính gửi: Ông/Bà người gửi ý kiến mã GY-2026-00012',
      '> Ủy ban đã tiếp nhận ý kiến.',
    ].join('\n');
    expect(mailBody(mail).text).toBe('Cảm ơn phường, nhưng đến nay đèn vẫn chưa sửa.');
  });

  it('a reply from an English client: "On … wrote:" on one line', () => {
    const mail = 'Vẫn còn rác ở bãi đất trống.\n\nOn Wed, Nov 25, 2026 at 9:15 AM Hòm thư số <hopthu@luukiem.example> wrote:\n> Đã tiếp nhận\n';
    expect(mailBody(mail).text).toBe('Vẫn còn rác ở bãi đất trống.');
  });

  it('Outlook: "-----Original Message-----" and the From:/Sent:/To:/Subject: block', () => {
    const separator = 'Nước sinh hoạt bị đục từ hôm qua.\r\n\r\n-----Original Message-----\r\nFrom: Hòm thư số\r\nSent: Wednesday, November 25, 2026 9:15 AM\r\nTo: Trần Văn Minh\r\nSubject: Tiếp nhận ý kiến\r\n\r\nĐã tiếp nhận';
    expect(mailBody(separator).text).toBe('Nước sinh hoạt bị đục từ hôm qua.');
    const block = 'Xin bổ sung: địa chỉ là số 8 ngõ 3.\n\n________________________________\nTừ: Hòm thư số <hopthu@luukiem.example>\nĐã gửi: Thứ Tư, 25 tháng 11, 2026 9:15\nĐến: minh@gmail.com\nChủ đề: Tiếp nhận ý kiến\n\nĐã tiếp nhận';
    expect(mailBody(block).text).toBe('Xin bổ sung: địa chỉ là số 8 ngõ 3.');
    const noRule = 'Xin bổ sung ảnh.\n\nFrom: Hòm thư số <hopthu@luukiem.example>\nSent: Wednesday\nTo: minh@gmail.com\nSubject: Re: Đèn\n\nĐã tiếp nhận';
    expect(mailBody(noRule).text).toBe('Xin bổ sung ảnh.');
  });

  it('a "Từ:" line in the resident\'s own words (no header block after it) is kept', () => {
    const mail = 'Từ: tháng 10 đến nay cống bị tắc.\nNhờ phường kiểm tra.';
    expect(mailBody(mail).text).toBe(mail);
  });

  it('device footers at the end: "Sent from my iPhone", "Gửi từ iPhone của tôi", "Được gửi từ Samsung Galaxy"', () => {
    expect(mailBody('Cây đổ chắn đường ở tổ 7.\n\nSent from my iPhone').text).toBe('Cây đổ chắn đường ở tổ 7.');
    expect(mailBody('Cây đổ chắn đường ở tổ 7.\n\nGửi từ iPhone của tôi\n').text).toBe('Cây đổ chắn đường ở tổ 7.');
    expect(mailBody('Cây đổ chắn đường ở tổ 7.\nĐược gửi từ điện thoại Samsung Galaxy của tôi.').text).toBe('Cây đổ chắn đường ở tổ 7.');
  });

  it('"gửi từ" early in the text is the resident\'s words, not a footer', () => {
    const mail = 'Gửi từ tổ dân phố 5:\nĐường ngập sau mưa.\nRãnh thoát nước bị lấp.\nĐã 3 ngày.\nXin cảm ơn.\nLan';
    expect(mailBody(mail).text).toBe(mail);
  });

  it('answers written between quoted lines are kept, the quoted lines dropped', () => {
    const mail = '> Ông/bà cho biết địa chỉ cụ thể?\nSố 14 ngõ 5 Hàng Bạc.\n> Thời gian xảy ra?\nTối thứ Bảy.\n\n> Trân trọng';
    expect(mailBody(mail).text).toBe('Số 14 ngõ 5 Hàng Bạc.\nTối thứ Bảy.');
  });

  it('a forward with nothing of the resident\'s own is kept whole (never an empty case)', () => {
    const mail = '---------- Forwarded message ---------\nFrom: Hàng xóm <a@b.vn>\nDate: 24/11/2026\nSubject: Rác\nTo: <lan@gmail.com>\n\nRác ở đầu ngõ.';
    expect(mailBody(mail)).toEqual({ text: mail, cut: false });
  });

  it('hostile text stays text: formulas, HTML, invisible marks are not interpreted here', () => {
    const mail = '=HYPERLINK("http://x","bấm")\n<script>alert(1)</script>';
    expect(mailBody(mail).text).toBe(mail);
  });
});

describe('isAutomatedMail: bounces, no-reply senders, auto-replies', () => {
  it.each([
    ['mailer-daemon@googlemail.com', 'Mail Delivery Subsystem', 'Delivery Status Notification (Failure)'],
    ['postmaster@outlook.com', 'Postmaster', 'Undeliverable: Re: Đèn hỏng'],
    ['noreply@zalo.me', 'Zalo', 'Thông báo'],
    ['no-reply@accounts.google.com', 'Google', 'Cảnh báo bảo mật'],
    ['bounces+123@sendgrid.net', 'x', 'y'],
    ['lan@gmail.com', 'Lan', 'Trả lời tự động: Đèn hỏng'],
    ['minh@gmail.com', 'Minh', 'Automatic reply: Tiếp nhận ý kiến'],
    ['minh@gmail.com', 'Minh', 'Out of Office: Tiếp nhận'],
  ])('%s / %s / %s is automated', (address, name, subject) => {
    expect(isAutomatedMail(address, name, subject)).toBe(true);
  });

  it.each([
    ['lan.nguyen@gmail.com', 'Nguyễn Thị Lan', 'Đèn đường hỏng'],
    ['replyto.minh@yahoo.com', 'Minh', 'Re: Tiếp nhận ý kiến mã GY-2026-00012'],
    ['noreen@gmail.com', 'Noreen', 'Rác'],
  ])('%s / %s / %s is a person', (address, name, subject) => {
    expect(isAutomatedMail(address, name, subject)).toBe(false);
  });
});

describe('subjects', () => {
  it('prefixes go, the reply says "Re: " once', () => {
    expect(baseSubject('Re: RE: Fwd: TL: Đèn hỏng')).toBe('Đèn hỏng');
    expect(replySubject('Re: Đèn hỏng')).toBe('Re: Đèn hỏng');
    expect(replySubject('Đèn hỏng')).toBe('Re: Đèn hỏng');
    expect(replySubject('')).toBe('Re:');
  });
});
