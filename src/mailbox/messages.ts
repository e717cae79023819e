/** What the mailbox project says to the person installing it (Vietnamese), in one place. */
export const MAILBOX_LABEL_DEFAULT = 'Hòm thư số';
/** Threads whose every message was handed to the ward move here. */
export const doneLabel = (label: string): string => `${label}/Đã chuyển`;

export const MAILBOX_TEXT = {
  missingSettings: (names: string[]) => `Chưa đặt thuộc tính của dự án: ${names.join(', ')}. Mở Cài đặt dự án → Thuộc tính tập lệnh và thêm các giá trị mà trang "Kết nối hộp thư chính thức" của tiện ích đã hiện.`,
  badAlias: (alias: string) => `Địa chỉ gửi "${alias}" không phải là bí danh của hộp thư này (Gmail → Cài đặt → Tài khoản → Gửi thư bằng địa chỉ).`,
  installed: (label: string, minutes: number) =>
    `Đã cài: cứ ${minutes} phút, thư trong nhãn "${label}" được chuyển tới trang web của phường. Hãy tạo bộ lọc Gmail gắn nhãn "${label}" cho thư gửi tới hộp thư chính thức.`,
  wardRefused: (code: number) => `Trang web của phường trả lời mã ${code}.`,
  wardUnreadable: 'Trang web của phường trả lời không đọc được (không phải JSON).',
  wardError: (error: string) => `Trang web của phường từ chối: ${error}`,
  busy: 'Lần chạy trước chưa xong: lần này bỏ qua.',
} as const;
