/**
 * The default keyword lexicon before the accuracy push (issue 21), kept for the dev bench's
 * comparison (suggest-dev-seed.ts): the richer list now in domain/vocabulary.ts replaced it.
 */
import type { CategoryRule } from '../../src/domain/classify';

export const PREVIOUS: CategoryRule[] = [
  { category: 'Môi trường', keywords: ['rác', 'rác thải', 'ô nhiễm', 'mùi hôi', 'khói', 'bụi', 'nước thải', 'ngập', 'ngập úng', 'vệ sinh môi trường', 'cây xanh'] },
  { category: 'Trật tự đô thị', keywords: ['lấn chiếm', 'vỉa hè', 'lòng đường', 'xây dựng trái phép', 'quảng cáo', 'đỗ xe', 'họp chợ', 'biển hiệu'] },
  { category: 'Hạ tầng, giao thông', keywords: ['đường hỏng', 'ổ gà', 'đèn đường', 'chiếu sáng', 'cống', 'mặt đường', 'sụt lún', 'giao thông', 'cầu'] },
  { category: 'Thủ tục hành chính', keywords: ['thủ tục', 'hồ sơ', 'giấy tờ', 'chứng thực', 'cư trú', 'căn cước', 'đất đai', 'sổ đỏ', 'một cửa'] },
  { category: 'An sinh xã hội', keywords: ['hộ nghèo', 'trợ cấp', 'chính sách', 'người có công', 'bảo hiểm', 'khám chữa bệnh', 'người cao tuổi', 'khuyết tật'] },
  { category: 'An ninh, trật tự', keywords: ['trộm', 'mất trộm', 'đánh nhau', 'ma túy', 'cờ bạc', 'tệ nạn', 'gây rối', 'lừa đảo', 'an ninh'] },
  { category: 'Đời sống khu dân cư', keywords: ['tiếng ồn', 'karaoke', 'hàng xóm', 'nhà văn hóa', 'sinh hoạt cộng đồng', 'văn hóa'] },
  { category: 'Xây dựng Đảng, chính quyền', keywords: ['cán bộ', 'thái độ', 'nhũng nhiễu', 'tham nhũng', 'đảng viên', 'chính quyền'] },
  { category: 'Khác', keywords: [] },
];
