/** What the ward's side of the official mailbox writes where staff read it (history, tabs) and what admins see when connecting it. */
export const MAILBOX = {
  /** Who filed a case that came by e-mail (the audit tab's "Người thực hiện"). */
  by: 'Hộp thư chính thức',
  /** The case history's line for a reply that adds to a case not yet answered. */
  additionAction: 'Người gửi bổ sung qua email',
  additionMarker: 'Thư bổ sung',
  /** The case history's line on the first case for a reply after its answer, filed as a new case. */
  followUpAction: 'Người gửi phản hồi qua email',
  followUpDetail: (code: string) => `Thư phản hồi sau khi đã trả lời: vào sổ thành ý kiến mới ${code}.`,
  verdict: { filed: 'Ý kiến mới', addition: 'Bổ sung vào ý kiến', followUp: 'Ý kiến phản hồi' },
  /** An outbox row of an e-mail case that cannot go back in its thread. */
  noThread: 'Email người gửi không hợp lệ: không trả lời được trong chuỗi thư.',
  /** In place of ACK.noReply in a reply in the mail's thread: a reply there reaches the case. */
  replyWelcome: 'Ông/bà có thể trả lời ngay thư này để bổ sung ý kiến; thư trả lời sẽ được chuyển vào ý kiến trên.',
  noSubject: '(không có tiêu đề)',
  /** The first line of the case's content: the mail's subject. */
  subjectLine: (subject: string) => `Tiêu đề thư: ${subject}`,
} as const;

/** "Kết nối hộp thư chính thức" (admins): the shared secret and the web app's address, shown once, with the steps. */
export const MAILBOX_SETUP = {
  menu: 'Kết nối hộp thư chính thức',
  title: 'Kết nối hộp thư chính thức',
  runSetupFirst: 'Hòm thư chưa có tab "Thư điện tử". Vui lòng chọn "Thiết lập hòm thư" trong trình đơn trước, rồi kết nối lại.',
  rotateConfirm:
    'Hộp thư chính thức đã được kết nối. Tạo khóa bí mật mới?\n\nKhóa cũ ngừng hiệu lực ngay: hộp thư chính thức sẽ không chuyển được thư cho đến khi đồng chí dán khóa mới vào dự án hộp thư.',
  notDeployed: 'Chưa triển khai ứng dụng web (Triển khai › Triển khai mới › Ứng dụng web, "Thực thi với tư cách: Tôi", "Ai có quyền truy cập: Bất kỳ ai"). Sau khi triển khai, chạy lại mục này.',
  intro: 'Đây là địa chỉ và khóa bí mật để dự án "Hộp thư chính thức" (cài dưới tài khoản email chính thức của phường) chuyển thư vào hòm thư. Khóa chỉ hiện MỘT LẦN: hãy dán ngay vào dự án hộp thư, không gửi qua email hay tin nhắn.',
  urlLabel: 'Địa chỉ ứng dụng web (MAILBOX_WARD_URL)',
  secretLabel: 'Khóa bí mật (MAILBOX_SECRET)',
  steps: [
    'Đăng nhập bằng tài khoản email chính thức của phường, mở dự án Apps Script "Hộp thư chính thức" (cài theo hướng dẫn trong README).',
    'Cài đặt dự án › Thuộc tính tập lệnh: thêm (hoặc sửa) MAILBOX_WARD_URL và MAILBOX_SECRET với hai giá trị trên, rồi Lưu.',
    'Lần đầu: chạy hàm setupRelay một lần (tạo nhãn "Hòm thư số" và lịch chạy 10 phút một lần).',
    'Gắn nhãn "Hòm thư số" cho thư góp ý (hoặc đặt bộ lọc Gmail tự gắn nhãn): trong vòng 10 phút thư vào hòm thư với kênh "Email".',
  ],
  lost: 'Mất khóa: chọn lại mục này để tạo khóa mới; khóa cũ ngừng hiệu lực ngay.',
  /** The audit tab's line (never the secret). */
  auditAction: 'Kết nối hộp thư chính thức',
  auditNew: 'Tạo khóa mới',
  auditRotated: 'Đổi khóa',
} as const;
