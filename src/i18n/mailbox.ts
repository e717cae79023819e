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
