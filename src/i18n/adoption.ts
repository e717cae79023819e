/**
 * Vietnamese text for QR adoption per residential group: the "Tổng quan" sidebar section and the
 * part of the monthly reminder to admins that names the groups whose QR poster brought no opinion
 * in the last 2 weeks.
 */
const weeks = (days: number) => (days % 7 === 0 ? `${days / 7} tuần` : `${days} ngày`);

export const ADOPTION = {
  /** "Tổng quan": the section under the groups chart. */
  title: (label: string) => `Ý kiến qua mã QR của tổ — ${label}`,
  columns: { group: 'Tổ dân phố', qr: 'QR/tổng', share: (target: string) => `Tỷ lệ (mục tiêu ${target})` },
  /** The figure read aloud with the row. */
  rowLabel: (group: string, qr: number, count: number, share: string) => `${group}: ${qr}/${count} ý kiến qua mã QR của tổ (${share})`,
  staleFlag: (days: number) => `Chưa có ý kiến qua QR ${weeks(days)}`,
  lastQr: (on: string | null) => (on ? `QR gần nhất: ${on}` : 'Chưa từng có ý kiến qua QR'),
  staleSummary: (n: number, days: number, groups: string[]) => `${n} tổ chưa có ý kiến qua mã QR trong ${weeks(days)}: ${groups.join(', ')}.`,
  noneStale: (days: number) => `Tổ nào cũng có ý kiến qua mã QR trong ${weeks(days)} qua.`,
  tooEarly: (days: number) => `Hòm thư tiếp nhận chưa đủ ${weeks(days)}: chưa đánh giá được mã QR ở các tổ.`,
  note: 'Chỉ tính mã QR dán ở tổ dân phố (không tính mã QR tại trụ sở UBND, Trung tâm Phục vụ hành chính công).',

  /** The monthly reminder to admins: lines to insert before the spreadsheet link. */
  mailLines: (posters: { days: number; stale: Array<{ group: string; lastQrOn: string | null }> }): string[] =>
    posters.stale.length === 0
      ? [`Mã QR ở các tổ dân phố: tất cả các tổ dân phố đều có ý kiến qua mã QR trong ${weeks(posters.days)} qua.`]
      : [
          `Mã QR ở các tổ dân phố: ${posters.stale.length} tổ dân phố chưa có ý kiến nào qua mã QR của tổ trong ${weeks(posters.days)} qua:`,
          ...posters.stale.map((s) => `- ${s.group} (ý kiến qua mã QR gần nhất: ${s.lastQrOn ?? 'chưa có'})`),
          'Đề nghị kiểm tra áp phích mã QR ở các tổ này còn được dán và còn đọc, quét được (không rách, mờ, bị che); in lại nếu cần: thanh bên › Báo cáo › In mã QR.',
        ],
} as const;
