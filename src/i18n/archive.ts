/** What staff read about the yearly archive of cases (services/jobs/archive, the case view, the menu). */

export const ARCHIVE = {
  menu: 'Lưu trữ ý kiến các năm trước',
  protection: (year: number) => `Lưu trữ ý kiến năm ${year}: chỉ đọc, chỉ hòm thư ghi (menu "Lưu trữ ý kiến các năm trước").`,
  /** A case in an archive tab: read-only. */
  readOnly: (code: string, year: number) =>
    `Ý kiến ${code} đã được chuyển vào lưu trữ (tab "Lưu trữ ${year}") nên chỉ xem được, không sửa được. Nếu cần xử lý tiếp, hãy nhập một ý kiến mới và ghi mã ${code} trong nội dung.`,
  /** The case view's banner over an archived case. */
  banner: (year: number) => `Đã lưu trữ — tab "Lưu trữ ${year}". Chỉ xem, không có thao tác.`,
  /** The inbox's choice of where to look. */
  where: 'Xem',
  current: 'Ý kiến đang lưu (tab "Ý kiến")',
  year: (year: number) => `Lưu trữ năm ${year}`,
  result: (moved: number, byYear: Array<{ year: number; moved: number }>, staying: number) =>
    moved === 0
      ? `Không có ý kiến nào cần lưu trữ.${staying ? ` ${staying} ý kiến của các năm trước vẫn ở tab "Ý kiến" (chưa đóng, mới đóng chưa đủ 30 ngày, còn thư chưa gửi xong, hoặc liên quan đến ý kiến đang xử lý).` : ''}`
      : `Đã chuyển ${moved} ý kiến vào lưu trữ: ${byYear.map((y) => `${y.moved} vào tab "Lưu trữ ${y.year}"`).join(', ')}.${staying ? ` ${staying} ý kiến của các năm trước vẫn ở tab "Ý kiến" (chưa đóng, mới đóng chưa đủ 30 ngày, còn thư chưa gửi xong, hoặc liên quan đến ý kiến đang xử lý).` : ''}`,
  notAdmin: 'Chỉ cán bộ "Quản trị" mới được chuyển ý kiến vào lưu trữ.',
  busy: 'Hòm thư đang bận (có người đang thao tác). Vui lòng thử lại sau ít phút.',
  rowsMissing: (year: number, expected: number, found: number) =>
    `Tab "Lưu trữ ${year}" còn ${found} ý kiến, lẽ ra phải có ${expected}: có dòng đã bị xóa tay. Hãy khôi phục từ Tệp › Lịch sử phiên bản; các ý kiến nhận qua biểu mẫu bị mất sẽ được "Đồng bộ lại" khôi phục vào tab "Ý kiến".`,
  layoutChanged: (year: number) => `Tiêu đề cột của tab "Lưu trữ ${year}" đã bị sửa tay; hãy khôi phục từ Tệp › Lịch sử phiên bản để việc tra cứu đọc đúng cột.`,
} as const;
