/**
 * The QR posters: one A4 page per residential group with its own form link (the group is
 * preselected, so the ward knows where each opinion came from), in plain Vietnamese for elderly
 * residents: the steps, the promise of confidentiality and of an answer within 7 working days,
 * where to see results (the results board's QR), and the paper mailbox for those without a phone.
 */
import { RESIDENT } from '../i18n/address';
import { qrGif } from './qr';
import { A4_ADMINISTRATIVE, p, type Block, type DocumentSpec } from './report/blocks';

export interface PosterGroup {
  group: string;
  /** The form, with this group preselected. */
  formUrl: string;
  /** The results board of this group ('' when the web app is not deployed). */
  boardUrl: string;
}

export const POSTER_QR_PX = 340;
const BOARD_QR_PX = 150;

export function posterDocument(groups: PosterGroup[], committee: string, normalDays: number): DocumentSpec {
  const blocks: Block[] = [];
  groups.forEach((g, i) => {
    if (i > 0) blocks.push({ type: 'pageBreak' });
    const qr = qrGif(g.formUrl);
    blocks.push(
      p(committee.toUpperCase(), { bold: true, align: 'center', size: 14 }),
      p('HÒM THƯ SỐ', { heading: 'title', bold: true, align: 'center', size: 30 }),
      p(`Góp ý, phản ánh, kiến nghị — ${g.group}`, { bold: true, align: 'center', size: 20 }),
      { type: 'image', base64: qr.base64, mimeType: 'image/gif', name: `QR ${g.group}.gif`, width: POSTER_QR_PX, height: POSTER_QR_PX, title: g.formUrl, align: 'center' },
      p('Cách gửi ý kiến:', { bold: true, size: 16 }),
      p(`1. Mở máy ảnh (camera) của điện thoại.\n2. Hướng máy ảnh vào mã QR ở trên.\n3. Chạm vào đường dẫn hiện ra trên màn hình.\n4. Viết ý kiến của ${RESIDENT.inSentence}.\n5. Bấm "Gửi".`, { size: 16 }),
      p(`Thông tin người gửi được giữ bí mật. ${RESIDENT.sentenceStart} sẽ được trả lời trong ${normalDays} ngày làm việc.`, { bold: true, size: 16 }),
      p(`Không dùng điện thoại? ${RESIDENT.sentenceStart} có thể viết ý kiến vào phiếu và bỏ vào hòm thư giấy tại nhà văn hóa tổ dân phố hoặc trụ sở Ủy ban.`, { size: 15 }),
    );
    if (g.boardUrl) {
      const board = qrGif(g.boardUrl, 4);
      blocks.push(
        p('Xem kết quả trả lời của tổ dân phố:', { size: 14, align: 'center' }),
        { type: 'image', base64: board.base64, mimeType: 'image/gif', name: `Kết quả ${g.group}.gif`, width: BOARD_QR_PX, height: BOARD_QR_PX, title: g.boardUrl, align: 'center' },
      );
    }
  });
  return { name: `Mã QR Hòm thư số — ${groups.length} tổ dân phố`, page: A4_ADMINISTRATIVE, font: { family: 'Arial', size: 14 }, blocks };
}
