/**
 * Stored values: the Vietnamese words the sheet holds and the code compares — tab names and
 * headers of the settings tabs, the labels of their rows, role names, holiday kinds, and the
 * defaults a fresh ward starts with (its groups, categories, bodies, report header). They are
 * Vietnamese because staff read and edit them in the sheet; each is declared here once, and a
 * change here changes what existing sheets must contain.
 *
 * The case's own vocabulary (channels, statuses, outcomes) is domain/case.ts, re-exported here;
 * the cases, audit and other system tabs are declared by their schema (services/platform/sheets).
 */
export * from './case';

/** Staff roles as the "Cán bộ" tab spells them. */
export const ROLE_LABELS = { admin: 'Quản trị', handler: 'Xử lý', viewer: 'Xem' } as const;

/** Yes and no as a settings cell holds them (yes is read loosely: "có", "co", "yes", "true", "x"). */
export const YES_NO = { yes: 'Có', no: 'Không' } as const;

/** The rows of the general settings tab, by their label in column A. */
export const GENERAL_ROWS = {
  wardName: 'Tên phường',
  committeeName: 'Tên Ủy ban',
  contactLine: 'Thông tin liên hệ (in trong thư báo tiếp nhận)',
  phone: 'Số điện thoại tiếp nhận ý kiến',
  officeHours: 'Giờ tiếp dân',
  normalDays: 'Số ngày làm việc để trả lời',
  complexDays: 'Số ngày làm việc để trả lời vụ việc phức tạp',
  approvalRequired: 'Trả lời phải được Chủ tịch duyệt',
  reportParentBody: 'Báo cáo: cơ quan cấp trên (dòng 1)',
  reportLocalBody: 'Báo cáo: tên cơ quan (dòng 2)',
  reportOrgan: 'Báo cáo: cơ quan ban hành',
  reportPlace: 'Báo cáo: địa danh',
  reportNumber: 'Báo cáo: ký hiệu số',
  reportRecipients: 'Báo cáo: nơi nhận (cách nhau bằng dấu ;)',
  reportSignFor: 'Báo cáo: thẩm quyền ký',
  reportSignTitle: 'Báo cáo: chức vụ người ký',
  reportSigner: 'Báo cáo: họ tên người ký',
  reportCutoff: 'Báo cáo: cách tính kỳ (Theo lịch / Chốt ngày 14)',
  posterForm: 'Mã QR và đường dẫn mở biểu mẫu (Google Biểu mẫu / Biểu mẫu trên trang web)',
} as const;

/** Which form the QR posters, stickers and place links open. */
export const POSTER_FORM_LABELS = { google: 'Google Biểu mẫu', web: 'Biểu mẫu trên trang web' } as const;

export const CUTOFF_LABELS = { calendar: 'Theo lịch', cutoff15: 'Chốt ngày 14' } as const;

/**
 * "Chờ xác nhận": a day off announced as coming but not yet law (e.g. 24/11, Ngày Văn hóa Việt
 * Nam, Resolution 80-NQ/TW, pending the Labour Code amendment): it changes nothing until an admin
 * turns it into "Nghỉ".
 */
export const HOLIDAY_KIND_LABELS = { holiday: 'Nghỉ', workday: 'Làm việc', pending: 'Chờ xác nhận' } as const;

/** The settings tabs' names and header rows. */
export const SETTINGS_TAB = {
  general: { name: 'Cài đặt', header: ['Mục', 'Giá trị', 'Ghi chú'] },
  groups: { name: 'Tổ dân phố', header: ['Tổ dân phố'] },
  categories: { name: 'Lĩnh vực', header: ['Lĩnh vực', 'Từ khóa (cách nhau bằng dấu phẩy; không phân biệt dấu, hoa thường)'] },
  bodies: { name: 'Cơ quan xử lý', header: ['Cơ quan', 'Email'] },
  staff: { name: 'Cán bộ', header: ['Email', `Vai trò (${Object.values(ROLE_LABELS).join(' / ')})`, 'Cơ quan (với vai trò Xử lý)'] },
  holidays: { name: 'Ngày nghỉ', header: ['Ngày (dd/mm/yyyy)', `Loại (${Object.values(HOLIDAY_KIND_LABELS).join(' / ')})`, 'Ghi chú (ví dụ: hoán đổi ngày làm việc theo thông báo của Chính phủ)'] },
  templates: { name: 'Mẫu trả lời', header: ['Lĩnh vực (để trống: dùng cho mọi lĩnh vực)', 'Mẫu trả lời ({{ma}}, {{linh_vuc}}, {{uy_ban}} được điền tự động)'] },
} as const;

/** The empty first sheet Google gives a new spreadsheet, by locale: setup removes it. */
export const BLANK_SHEET_NAMES = ['Trang tính1', 'Sheet1'] as const;

/** What a fresh ward's settings tabs hold until an admin edits them. */
export const DEFAULT_WARD = {
  wardName: 'Phường Lưu Kiếm',
  committeeName: 'Ủy ban MTTQ Việt Nam phường Lưu Kiếm',
  contactLine: 'Văn phòng Ủy ban MTTQ Việt Nam phường',
  officeHours: 'sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, từ thứ Hai đến thứ Sáu',
  group: (n: number) => `Tổ dân phố ${n}`,
  // What each field covers for a ward's Fatherland Front, as an admin would list it in "Lĩnh vực"
  // (written from the fields' remit, not from the bench's labelled texts), and for "Khác", the
  // catch-all, the matters outside the eight (health, schools, utility bills, prices, religion, the
  // mailbox itself). These also seed the learning suggestions (suggest/model seedFromRules): on the
  // dev bench the list lifts them from 66/76/79 % (a short list) to 81/85/87 % after 0/50/140
  // decisions (test/bench/suggest-dev-seed.ts, suggest-dev-weigh.ts; the second half of each field
  // was added in a third round: test/bench/extra-keywords.ts).
  categories: [
    {
      category: 'Môi trường',
      keywords: [
        'rác', 'rác thải', 'thu gom rác', 'xe rác', 'bãi rác', 'đổ rác', 'phân loại rác', 'đốt rác', 'ô nhiễm',
        'mùi hôi', 'hôi thối', 'bốc mùi', 'khói', 'bụi', 'nước thải', 'xả thải', 'chất thải', 'ngập', 'ngập úng',
        'vệ sinh môi trường', 'cây xanh', 'chặt cây', 'cắt tỉa cây', 'kênh', 'mương', 'ao hồ', 'muỗi', 'chuột',
        'phun thuốc', 'xác động vật',
        'xả rác', 'vứt rác', 'thùng rác', 'túi rác', 'thu gom', 'điểm tập kết', 'phế thải', 'xà bần', 'môi trường',
        'tổng vệ sinh', 'quét dọn', 'xanh sạch đẹp', 'khí thải', 'không khí', 'bụi mịn', 'lò đốt', 'đốt rơm',
        'nhà xưởng', 'hóa chất', 'thuốc trừ sâu', 'chăn nuôi', 'chuồng trại', 'động vật chết', 'cá chết',
        'nguồn nước', 'nước bẩn', 'nước đen', 'nước đọng', 'úng nước', 'triều cường', 'nạo vét', 'bọ gậy',
        'ruồi nhặng', 'cây đổ', 'cành cây', 'trồng cây', 'tỉa cành', 'cây khô', 'bồn hoa', 'thảm cỏ'
      ],
    },
    {
      category: 'Trật tự đô thị',
      keywords: [
        'lấn chiếm', 'chiếm dụng', 'vỉa hè', 'lòng đường', 'xây dựng trái phép', 'xây dựng không phép', 'cơi nới',
        'trật tự xây dựng', 'giấy phép xây dựng', 'vật liệu xây dựng', 'quảng cáo', 'biển quảng cáo', 'tờ rơi',
        'biển hiệu', 'đỗ xe', 'để xe', 'trông giữ xe', 'họp chợ', 'chợ tạm', 'chợ cóc', 'hàng rong', 'bán hàng',
        'lều quán', 'mái che', 'lối đi chung', 'rào chắn',
        'bày bán', 'bán rong', 'xe đẩy', 'gánh hàng', 'hàng quán', 'quán nước', 'bàn ghế', 'căng bạt', 'dù che',
        'mái hiên', 'mái tôn', 'ki ốt', 'xây lấn', 'lấn đất', 'chiếm đất', 'đất công', 'xây trái phép', 'sai phép',
        'không phép', 'xây thêm tầng', 'trổ cửa', 'bậc tam cấp', 'tháo dỡ', 'cưỡng chế', 'giải tỏa', 'đổ cát',
        'cát đá', 'băng rôn', 'bảng hiệu', 'rao vặt', 'dán quảng cáo', 'đậu xe', 'đỗ ô tô', 'bãi xe', 'gửi xe',
        'trông xe', 'rửa xe', 'sửa xe', 'mỹ quan'
      ],
    },
    {
      category: 'Hạ tầng, giao thông',
      keywords: [
        'đường hỏng', 'ổ gà', 'ổ voi', 'mặt đường', 'sụt lún', 'đèn đường', 'chiếu sáng', 'cống', 'nắp cống', 'hố ga',
        'thoát nước', 'giao thông', 'cầu', 'ngõ', 'ngách', 'bê tông', 'trải nhựa', 'nâng cấp', 'thi công',
        'công trình', 'đào đường', 'đèn tín hiệu', 'biển báo', 'gờ giảm tốc', 'cột điện', 'dây điện', 'mất điện',
        'mất nước', 'đường ống', 'tai nạn',
        'ổ trâu', 'hư hỏng', 'xuống cấp', 'lồi lõm', 'gồ ghề', 'nứt vỡ', 'sạt lở', 'trơn trượt', 'lầy lội', 'hố sâu',
        'rãnh nước', 'tắc nghẽn', 'vỡ ống', 'ống nước', 'rò rỉ nước', 'đường điện', 'trạm biến áp', 'cáp điện',
        'dây viễn thông', 'điện chập chờn', 'cột đèn', 'bóng đèn', 'đèn hỏng', 'thiếu ánh sáng', 'ngã ba', 'ngã tư',
        'lan can', 'dải phân cách', 'bờ kè', 'ùn tắc', 'tắc đường', 'kẹt xe', 'xe quá tải', 'mở rộng đường',
        'làm đường', 'sửa đường', 'vá đường', 'nhà thầu', 'xe buýt', 'hạ tầng'
      ],
    },
    {
      category: 'Thủ tục hành chính',
      keywords: [
        'thủ tục', 'hồ sơ', 'giấy tờ', 'chứng thực', 'sao y', 'cư trú', 'tạm trú', 'tạm vắng', 'hộ khẩu', 'căn cước',
        'định danh', 'VNeID', 'khai sinh', 'khai tử', 'kết hôn', 'hộ tịch', 'đăng ký', 'xác nhận', 'giấy chứng nhận',
        'cấp đổi', 'đất đai', 'sổ đỏ', 'tách thửa', 'một cửa', 'dịch vụ công', 'trực tuyến', 'lệ phí', 'trả kết quả',
        'thuế',
        'sổ hồng', 'sử dụng đất', 'chuyển nhượng', 'sang tên', 'thừa kế', 'di chúc', 'cấp sổ', 'làm sổ', 'cấp giấy',
        'cấp lại', 'trích lục', 'bản sao', 'công chứng', 'ủy quyền', 'độc thân', 'hôn nhân', 'nhập khẩu',
        'chuyển khẩu', 'tách khẩu', 'tách hộ', 'thường trú', 'lưu trú', 'khai báo', 'CCCD', 'mã số thuế', 'tờ khai',
        'giấy hẹn', 'hẹn trả', 'hành chính công', 'đo đạc', 'trích đo', 'địa chính', 'thửa đất', 'ranh giới',
        'cải chính', 'quốc tịch', 'hộ chiếu', 'lý lịch', 'cấp phép'
      ],
    },
    {
      category: 'An sinh xã hội',
      keywords: [
        'hộ nghèo', 'cận nghèo', 'trợ cấp', 'trợ giúp', 'bảo trợ xã hội', 'chính sách', 'gia đình chính sách',
        'người có công', 'thương binh', 'liệt sĩ', 'bảo hiểm', 'bảo hiểm y tế', 'BHYT', 'bảo hiểm xã hội', 'lương hưu',
        'khám chữa bệnh', 'người cao tuổi', 'mừng thọ', 'neo đơn', 'khuyết tật', 'mồ côi', 'hoàn cảnh khó khăn',
        'nhà tình nghĩa', 'nhà đại đoàn kết', 'thất nghiệp', 'việc làm', 'học bổng', 'quà tết',
        'phụ cấp', 'chế độ', 'người nghèo', 'thoát nghèo', 'giảm nghèo', 'nhà dột nát', 'nhà tạm', 'cứu trợ', 'gạo',
        'bệnh hiểm nghèo', 'tàn tật', 'xe lăn', 'người già', 'cụ già', 'chúc thọ', 'sống một mình', 'nương tựa',
        'lang thang', 'vô gia cư', 'cơ nhỡ', 'da cam', 'bệnh binh', 'mẹ anh hùng', 'tiền tuất',
        'mai táng phí', 'hưu trí', 'nghỉ hưu', 'BHXH', 'đóng bảo hiểm', 'tìm việc', 'học nghề',
        'đào tạo nghề', 'vay ưu đãi', 'thu nhập thấp', 'túng thiếu', 'từ thiện', 'nợ lương', 'khuyến học'
      ],
    },
    {
      category: 'An ninh, trật tự',
      keywords: [
        'trộm', 'mất trộm', 'trộm cắp', 'cướp', 'giật', 'đánh nhau', 'đâm chém', 'hung khí', 'côn đồ', 'băng nhóm',
        'gây rối', 'say rượu', 'ma túy', 'nghiện', 'cờ bạc', 'lô đề', 'mại dâm', 'tệ nạn', 'lừa đảo', 'tín dụng đen',
        'cho vay nặng lãi', 'đòi nợ', 'đua xe', 'người lạ', 'đối tượng', 'đe dọa', 'bạo lực', 'an ninh', 'camera',
        'mất xe', 'bẻ khóa', 'đột nhập', 'cạy cửa', 'móc túi', 'ăn cắp', 'trấn lột', 'chích hút', 'tiêm chích',
        'bay lắc', 'bóng cười', 'đánh bạc', 'số đề', 'cá độ', 'xóc đĩa', 'hành hung', 'ẩu đả', 'xô xát', 'vũ khí',
        'pháo nổ', 'bảo kê', 'xã hội đen', 'siết nợ', 'chiếm đoạt', 'giả danh', 'mạo danh', 'cuộc gọi lạ',
        'tin nhắn lạ', 'kẻ gian', 'khả nghi', 'tụ tập', 'lạng lách', 'nẹt pô', 'quấy rối', 'xâm hại', 'bắt cóc',
        'tội phạm', 'công an', 'hỏa hoạn', 'cháy nổ'
      ],
    },
    {
      category: 'Đời sống khu dân cư',
      keywords: [
        'tiếng ồn', 'karaoke', 'loa', 'hàng xóm', 'mâu thuẫn', 'hòa giải', 'đoàn kết', 'nhà văn hóa',
        'sinh hoạt cộng đồng', 'văn hóa', 'gia đình văn hóa', 'khu dân cư', 'tổ dân phố', 'họp tổ', 'tổ trưởng', 'quỹ',
        'đóng góp', 'văn nghệ', 'thể thao', 'trung thu', 'thiếu nhi', 'sân chơi', 'đám cưới', 'đám tang', 'nuôi chó',
        'chó thả rông', 'vật nuôi',
        'ồn ào', 'gây ồn', 'mở nhạc', 'nhạc to', 'hát đêm', 'đêm khuya', 'loa kẹo kéo', 'xích mích', 'cãi nhau',
        'cãi vã', 'chửi nhau', 'to tiếng', 'bất hòa', 'láng giềng', 'làng xóm', 'chó cắn', 'chó sủa', 'chó dữ',
        'phân chó', 'mèo', 'hương ước', 'quy ước', 'nếp sống', 'việc hiếu', 'việc hỷ', 'tang lễ', 'đám ma',
        'kèn trống', 'dựng rạp', 'họp dân', 'đóng quỹ', 'thu quỹ', 'câu lạc bộ', 'dưỡng sinh', 'tập thể dục',
        'sân bóng', 'giao lưu', 'liên hoan', 'chung cư', 'ban quản trị'
      ],
    },
    {
      category: 'Xây dựng Đảng, chính quyền',
      keywords: [
        'cán bộ', 'công chức', 'viên chức', 'thái độ', 'hách dịch', 'nhũng nhiễu', 'gây khó khăn', 'vòi vĩnh',
        'tiêu cực', 'tham nhũng', 'lãng phí', 'quan liêu', 'đùn đẩy', 'chậm trễ', 'đảng viên', 'chi bộ', 'đảng ủy',
        'chính quyền', 'lãnh đạo', 'tiếp dân', 'tiếp công dân', 'bầu cử', 'đại biểu', 'hội đồng nhân dân', 'giám sát',
        'kỷ luật', 'minh bạch',
        'thiếu trách nhiệm', 'vô trách nhiệm', 'né tránh', 'thờ ơ', 'vô cảm', 'cửa quyền', 'phiền hà', 'sách nhiễu',
        'phong bì', 'lót tay', 'ăn tiền', 'tư lợi', 'chức vụ', 'lạm quyền', 'bao che', 'lợi ích nhóm', 'ăn chặn',
        'bớt xén', 'tham ô', 'sai phạm', 'bổ nhiệm', 'chủ tịch', 'bí thư', 'đảng bộ', 'nghị quyết', 'kết nạp',
        'đảng phí', 'phê bình', 'suy thoái', 'đạo đức', 'gương mẫu', 'tác phong', 'đi muộn', 'HĐND', 'quốc hội',
        'cử tri', 'ứng cử', 'dân chủ', 'tố cáo', 'thanh tra'
      ],
    },
    {
      category: 'Khác',
      keywords: [
        'trạm y tế', 'bác sĩ', 'bệnh viện', 'tiêm chủng', 'tiêm phòng', 'vaccine', 'dịch bệnh', 'sốt xuất huyết',
        'thực phẩm', 'ngộ độc', 'trường học', 'nhà trường', 'học phí', 'giáo viên', 'mầm non', 'tuyển sinh',
        'sách giáo khoa', 'hóa đơn', 'tiền điện', 'giá điện', 'tiền nước', 'giá nước', 'công tơ', 'đồng hồ nước',
        'điện lực', 'internet', 'wifi', 'nhà mạng', 'giá cả', 'tăng giá', 'hàng giả', 'doanh nghiệp', 'tôn giáo',
        'lễ hội', 'nhà thờ', 'mã QR', 'quét mã', 'hòm thư số', 'biểu mẫu', 'mô hình'
      ],
    },
  ],
  bodies: ['UBND phường', 'Công an phường', 'Ủy ban MTTQ Việt Nam phường', 'Phòng Kinh tế, Hạ tầng và Đô thị', 'Phòng Văn hóa - Xã hội', 'Ban Công tác Mặt trận tổ dân phố'],
  report: {
    parentBody: 'ỦY BAN MTTQ VIỆT NAM',
    localBody: 'PHƯỜNG LƯU KIẾM',
    organ: 'BAN THƯỜNG TRỰC',
    place: 'Lưu Kiếm',
    numberSuffix: 'BC-MTTQ-BTT',
    recipients: ['Thường trực Đảng ủy phường (để báo cáo);', 'Ban Thường trực Ủy ban MTTQ Việt Nam thành phố (để báo cáo);', 'UBND phường (để phối hợp);', 'Lưu: VT.'],
    signFor: 'TM. BAN THƯỜNG TRỰC',
    signTitle: 'CHỦ TỊCH',
  },
} as const;

/**
 * Actions as the audit tab ("Nhật ký") and a case's history name them. A filing's row is read
 * back by reconcile (its "after" is the response key), so these are compared, not only shown.
 * The case actions' own names are the state machine's (domain/lifecycle.ts).
 */
export const AUDIT_ACTION = {
  filed: 'Tiếp nhận',
  restored: 'Khôi phục',
  posters: 'In mã QR',
  stickers: 'In tem dán mã QR',
  paperSlips: 'In phiếu góp ý giấy',
  transferSlip: 'Lập phiếu chuyển',
  letter: 'Lập thư trả lời',
  groupAnswerSheets: 'Lập phiếu trả lời theo tổ dân phố',
  report: 'Lập báo cáo',
  publication: 'Lập bản công khai',
} as const;

/** The audit field of a filing: its value is the form response's key. */
export const AUDIT_FIELD = { responseKey: 'Mã phản hồi biểu mẫu' } as const;

/** Who acted, when no staff member did: the form's filings and the system's own repairs. */
export const NON_STAFF_ACTOR = { form: 'Biểu mẫu', system: 'Hệ thống' } as const;

/** The outbox's recipient for a resident: the sender looks the address up in "Người gửi" by case code. */
export const RESIDENT_RECIPIENT = 'Người gửi';

/** The outbox tab's message kinds written outside the case actions. */
export const OUTBOX_KIND = { acknowledgement: 'Báo tiếp nhận' } as const;

/** The outbox tab's "Trạng thái": the sender reads it back to decide what to send. */
export const OUTBOX_STATUS = {
  waiting: 'Chờ gửi',
  /** Claimed by a run of the hourly job that is sending it (its "Gửi lúc": when it was claimed). */
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  uncertain: 'Cần kiểm tra',
  failed: 'Không gửi được',
  /** A second row with the id of a message already sent or queued: never sent. */
  duplicate: 'Trùng, không gửi',
} as const;
