/** Vietnamese strings of the sidebar (the server's are in ui/strings.ts). */
export const TEXT = {
  loading: 'Đang tải…',
  serverTime: 'Giờ máy chủ',
  failed: 'Không liên lạc được với máy chủ. Vui lòng thử lại.',
  retry: 'Thử lại',
} as const;
