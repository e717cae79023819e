/**
 * The e-mails: the acknowledgement and the answer to a resident (each part once, for the e-mail
 * and the letter alike), the notices to handling bodies, the police and admins.
 */
import { RESIDENT } from './address';

export const ACK = {
  /** The acknowledgement's line for mail from a no-reply sender (MailApp); a reply in the official mailbox's thread says otherwise (MAILBOX.replyWelcome). */
  noReply: 'Thư này được gửi tự động, xin không trả lời thư.',
  subject: (code: string) => `[Hòm thư số] Đã tiếp nhận ý kiến ${code}`,
  body: (p: { greeting: string; code: string; receivedOn: string; dueOn: string; normal: number; complex: number; committee: string; contact: string; key: string; url: string }) =>
    [
      p.greeting,
      '',
      `${p.committee} đã tiếp nhận ý kiến của ông/bà ngày ${p.receivedOn}.`,
      `Mã ý kiến: ${p.code}`,
      `Hạn trả lời: ${p.dueOn} (${p.normal} ngày làm việc; vụ việc phức tạp có thể đến ${p.complex} ngày làm việc).`,
      '',
      `Mã tra cứu: ${p.key}${p.url ? ` — xem tình trạng và kết quả tại: ${p.url}?v=lookup&code=${p.code}` : ' (đọc cho cán bộ khi hỏi qua điện thoại)'}`,
      `Để hỏi về ý kiến này, ông/bà vui lòng giữ mã ý kiến và mã tra cứu trên và liên hệ: ${p.contact}`,
      ACK.noReply,
      '',
      'Trân trọng,',
      p.committee,
    ].join('\n'),
} as const;

/** The answer to a resident, each part once: the e-mail and the letter are built from them (domain/reply.ts). */
export const REPLY = {
  /** "Kính gửi: Ông/Bà Nguyễn Văn A (người gửi ý kiến mã GY-2026-00012)". */
  salutation: (name: string, code: string) => (name ? `Kính gửi: ${RESIDENT.title} ${name} (người gửi ý kiến mã ${code})` : `Kính gửi: ${RESIDENT.title} người gửi ý kiến mã ${code}`),
  opening: (receivedOn: string, committee: string, category: string) =>
    `Ngày ${receivedOn}, ${committee} nhận được ý kiến của ${RESIDENT.inSentence}${category ? ` về lĩnh vực ${category}` : ''} và xin trả lời như sau:`,
  thanks: (committee: string) => `${committee} trân trọng cảm ơn ${RESIDENT.inSentence} đã quan tâm đóng góp ý kiến.`,
  contact: (contact: string) => `Nếu còn điều chưa rõ, ${RESIDENT.inSentence} vui lòng liên hệ: ${contact}`,
  signOff: 'Trân trọng,',
} as const;

/** How far off the resident's due date is: `left` working days (0: today; negative: overdue). */
const dueStanding = (left: number) => (left > 0 ? `còn ${left} ngày làm việc` : left === 0 ? 'hết hạn hôm nay' : `đã quá hạn ${-left} ngày làm việc`);

export const NOTICE = {
  /** The announcement of a case to a body's person: assigned to the body, or reopened while with it (issue 18.1). */
  assigneeSubject: (p: { code: string; dueOn: string; why: 'assigned' | 'reopened' }) =>
    p.why === 'reopened' ? `[Hòm thư số] Ý kiến ${p.code} được mở lại, đề nghị tiếp tục xử lý (hạn ${p.dueOn})` : `[Hòm thư số] Chuyển xử lý ý kiến ${p.code} (hạn ${p.dueOn})`,
  dueStanding,
  assigneeBody: (p: { code: string; body: string; dueOn: string; left: number; bodyDueOn: string; summary: string; committee: string; url: string; access: 'member' | 'body' | 'spreadsheet' | 'none'; why: 'assigned' | 'reopened'; reason: string }) =>
    [
      `Kính gửi ${p.body},`,
      '',
      p.why === 'reopened'
        ? `${p.committee} đề nghị quý cơ quan tiếp tục xem xét, giải quyết ý kiến ${p.code}: ý kiến đã được mở lại.`
        : `${p.committee} chuyển đến quý cơ quan ý kiến ${p.code} để xem xét, giải quyết theo thẩm quyền.`,
      ...(p.why === 'reopened' && p.reason ? [`Lý do mở lại: ${p.reason}`] : []),
      `Nội dung tóm tắt: ${p.summary}`,
      `Hạn trả lời người dân: ${p.dueOn} (${dueStanding(p.left)}).`,
      ...(p.bodyDueOn ? [`Hạn cơ quan xử lý cam kết: ${p.bodyDueOn}.`] : []),
      '',
      p.access === 'member' || p.access === 'body'
        ? `Xem ý kiến, cập nhật tiến độ và đề xuất nội dung trả lời qua liên kết cá nhân (không chuyển cho người khác): ${p.url}`
        : p.access === 'spreadsheet'
          ? `Xem trên Hòm thư số: ${p.url}`
          : `Để xem và cập nhật tiến độ trên Hòm thư số, đề nghị liên hệ ${p.committee} để được cấp liên kết cá nhân.`,
      'Thông tin người gửi ý kiến được giữ bí mật.',
      '',
      'Trân trọng,',
      p.committee,
    ].join('\n'),
  answerSubject: (code: string) => `[Hòm thư số] Trả lời ý kiến ${code}`,
  ratingLine: (url: string) => `Ông/Bà vui lòng cho biết mức độ hài lòng với câu trả lời (một lần): ${url}`,
  policeSubject: (code: string) => `[Hòm thư số] Ý kiến ${code} có dấu hiệu lợi dụng`,
  policeBody: (p: { code: string; reason: string; committee: string; url: string }) =>
    ['Kính gửi Công an phường,', '', `${p.committee} chuyển ý kiến ${p.code} có dấu hiệu lợi dụng hòm thư để xuyên tạc, bôi nhọ hoặc vi phạm pháp luật.`, `Lý do: ${p.reason}`, `Xem chi tiết: ${p.url}`, '', 'Trân trọng.'].join('\n'),
  kinds: { assignee: 'Thông báo chuyển xử lý', answer: 'Trả lời người dân', police: 'Báo Công an', admin: 'Thông báo quản trị' },
  /** A mail its case waits for could not be sent: the admins' notice. */
  mailFailedSubject: (code: string, police: boolean) => (police ? `[Hòm thư số] Ý kiến ${code} chưa chuyển được Công an phường` : `[Hòm thư số] Thư trả lời ý kiến ${code} chưa gửi được`),
  mailFailedBody: (p: { code: string; police: boolean; why: string; url: string }) =>
    [
      'Kính gửi cán bộ quản trị,',
      '',
      p.police ? `Thư chuyển ý kiến ${p.code} (đánh dấu lợi dụng) đến Công an phường không gửi được: ${p.why}` : `Thư trả lời ý kiến ${p.code} không gửi được cho người dân: ${p.why}`,
      p.police
        ? 'Ý kiến được ghi "Chưa chuyển Công an phường". Vui lòng kiểm tra email của Công an phường (tab "Cơ quan xử lý") và chuyển bằng văn bản.'
        : 'Ý kiến chưa được tính là "Đã trả lời"; trả lời trở lại trạng thái "Đã duyệt, chờ gửi". Vui lòng kiểm tra email người gửi (tab "Người gửi") rồi bấm "Gửi trả lời qua email" lần nữa.',
      '',
      `Bảng tính: ${p.url}`,
    ].join('\n'),
  restoredDetail: 'Dòng của ý kiến trong tab "Ý kiến" đã bị xóa thủ công; khôi phục từ biểu mẫu với mã cũ (các thao tác xử lý trước đó xem trong tab "Nhật ký").',
  restoredError: (code: string) => `Dòng của ý kiến ${code} trong tab "Ý kiến" đã bị xóa thủ công. Đã khôi phục từ câu trả lời biểu mẫu với mã cũ, trạng thái "Mới"; xem lại lịch sử xử lý trong tab "Nhật ký".`,
  restoredSubject: (n: number) => `[Hòm thư số] Đã khôi phục ${n} ý kiến bị xóa khỏi tab "Ý kiến"`,
  restoredBody: (codes: string[], url: string) =>
    [
      'Kính gửi cán bộ quản trị,',
      '',
      `Hệ thống phát hiện dòng của các ý kiến sau đã bị xóa thủ công khỏi tab "Ý kiến": ${codes.join(', ')}.`,
      'Các ý kiến đã được khôi phục từ câu trả lời biểu mẫu với mã cũ (không gửi lại thư báo tiếp nhận cho người dân).',
      'Trạng thái xử lý được đặt lại "Mới": vui lòng xem tab "Nhật ký" để cập nhật lại.',
      '',
      `Bảng tính: ${url}`,
    ].join('\n'),
} as const;
