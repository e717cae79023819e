/**
 * The entry-point matrix. Every top-level function of build/Code.js can be called through
 * google.script.run from any page this script serves — the sidebar, where it runs as the person
 * at the keyboard, and the public web app, where it runs as the ward's own account with the
 * visitor's identity withheld (Session.getActiveUser() is '' for anonymous and outside visitors:
 * https://developers.google.com/apps-script/reference/base/session#getActiveUser()). The list
 * of functions is read from Code.js itself, so a new one cannot escape: each must have a row in
 * ENTRY_POINTS saying who may call it and what that call does.
 *
 * Each function is called from every context — anonymous visitor, signed-in outsider, a
 * same-domain person who is not staff, viewer, handler (sidebar and personal link), admin, a
 * resident holding the lookup key — with its real arguments and with junk (forged trigger events
 * and objects like {"toString": 1} included). For the contexts allowed, the real call has its
 * effect. For every other: no state change, no e-mail, no document, no personal data or case
 * content in the reply, a Vietnamese refusal — and, for every context, no row in the errors tab
 * (anonymous callers must not be able to flood it).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import { ADMIN, formAnswers, ROOT, runHourly, tabRecords, wardFactory, type Ward } from '../support/ward';
import { photoHarness } from '../support/photo-harness';
import { JPEG_96x72 } from '../support/photos';
import { connectMailboxDirectly, envelope, postRaw } from '../support/mailbox';

const VIEWER = 'xem@luukiem.example';
const HANDLER = 'ubnd@luukiem.example';
/** Same Workspace domain as the ward, not in "Cán bộ": Apps Script names them to the script. */
const NEIGHBOUR = 'hang.xom@luukiem.example';
/** A consumer account: signed in, but withheld from a web app that runs as its owner. */
const OUTSIDER = 'la.mat@gmail.com';

const NAME = 'Nguyễn Văn Bí Mật';
const PHONE = '0912345678';
const EMAIL = 'bimat@gmail.com';
const CONTENT_1 = 'Ổ gà sâu trước cổng chợ Lưu Kiếm';
const CONTENT_2 = 'Nhà văn hóa tổ 2 dột mái';
const CONTENT_3 = 'Tụ tập gây ồn ào sau 23 giờ';
/** The official mailbox's shared secret, and a poll it signed that the web app has already received (a replay). */
const MAILBOX_SECRET = 'mailbox-secret-0123456789abcdef0123456789abcdef';
let usedPoll = '';

function topLevelFunctions(): string[] {
  const program = acorn.parse(fs.readFileSync(path.join(ROOT, 'build/Code.js'), 'utf8'), { ecmaVersion: 2019 }) as unknown as { body: Array<{ type: string; id?: { name: string } }> };
  return program.body.filter((n) => n.type === 'FunctionDeclaration').map((n) => n.id!.name);
}

// ---- the ward every context attacks --------------------------------------------------------

interface Fixture {
  code1: string;
  row1: number;
  version1: number;
  code2: string;
  row2: number;
  version2: number;
  key1: string;
  handlerToken: string;
  viewerToken: string;
  /** A stretch of the base64 of case 1's photo (issue 20.2): no refused call may answer with it. */
  photo: string;
}

let fixture: Fixture;

const wardWithCases = wardFactory((w) => {
  // Three residential groups keep every printing run small (the matrix prints posters many times).
  const groups = w.SpreadsheetApp.getActive().getSheetByName('Tổ dân phố')!;
  groups.getRange(5, 1, groups.getLastRow() - 4, 1).clearContent();
  w.SpreadsheetApp.getActive().getSheetByName('Cán bộ')!.getRange(3, 1, 2, 3).setValues([
    [VIEWER, 'Xem', ''],
    [HANDLER, 'Xử lý', 'UBND phường'],
  ]);
  runHourly(w);
  w.ws.forms.submit(w.formId, formAnswers({ content: CONTENT_1, name: NAME, phone: PHONE, email: EMAIL }));
  w.ws.forms.submit(w.formId, formAnswers({ group: 'Tổ dân phố 2', content: CONTENT_2 }));
  w.ws.forms.submit(w.formId, formAnswers({ group: 'Tổ dân phố 3', content: CONTENT_3 }));
  type View = { row: number; version: number };
  const act = (code: string, v: View, input: Record<string, unknown>) => (w.ws.sidebar.run('caseAction', [code, v.row, v.version, input], { user: ADMIN }) as { view: View }).view;
  const open = (code: string) => w.ws.sidebar.run('getCase', [code], { user: ADMIN }) as View;
  // Case 1: the handler's, answered by e-mail. Case 2: the handler's body's, in progress. Case 3: another body's.
  let v = act('GY-2026-00001', open('GY-2026-00001'), { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
  v = act('GY-2026-00001', v, { action: 'assign', body: 'UBND phường', assignee: HANDLER });
  v = act('GY-2026-00001', v, { action: 'answer', text: 'Phường sẽ vá ổ gà trong tuần.' });
  v = act('GY-2026-00001', v, { action: 'sendAnswer' });
  let v2 = act('GY-2026-00002', open('GY-2026-00002'), { action: 'classify', category: 'Đời sống khu dân cư', complexity: 'normal' });
  v2 = act('GY-2026-00002', v2, { action: 'assign', body: 'UBND phường', assignee: '' });
  const v3 = act('GY-2026-00003', open('GY-2026-00003'), { action: 'classify', category: 'An ninh, trật tự', complexity: 'normal' });
  act('GY-2026-00003', v3, { action: 'assign', body: 'Công an phường', assignee: '' });
  runHourly(w);
  w.ws.sidebar.run('sendPortalLink', [VIEWER], { user: ADMIN });
  runHourly(w);
  // A message left waiting in the outbox: whoever could run the hourly job from a console would send it.
  w.ws.sidebar.run('sendPortalLink', [HANDLER], { user: ADMIN });
  expect(tabRecords(w, 'Hộp thư đi').at(-1)!['Trạng thái']).toBe('Chờ gửi');
  const mails = w.ws.mail.outbox();
  const mailTo = (who: string) => mails.filter((m) => m.to.includes(who)).map((m) => m.body).join('\n');
  const token = (who: string) => /[?&]p=([A-Za-z0-9_-]{20,})/.exec(mailTo(who))?.[1] ?? '';
  connectMailboxDirectly(w, MAILBOX_SECRET);
  usedPoll = JSON.stringify(envelope(MAILBOX_SECRET, { messages: [], sent: [] }, w.ws.clock.now().getTime()));
  expect(postRaw(w, usedPoll).answer).toMatchObject({ ok: true });
  fixture = {
    code1: 'GY-2026-00001',
    row1: v.row,
    // The version after the hourly job recorded that the answer e-mail left (issue 18.5).
    version1: open('GY-2026-00001').version,
    code2: 'GY-2026-00002',
    row2: v2.row,
    version2: v2.version,
    key1: /([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})/.exec(mailTo(EMAIL))?.[1] ?? '',
    handlerToken: token(HANDLER),
    viewerToken: token(VIEWER),
    photo: JPEG_96x72.slice(800, 860),
  };
  // Case 1 has a resident's photo (issue 20.2), stored as the web form stores it.
  w.app.addFile('photo-harness.js', photoHarness());
  w.app.call('attachPhotosForTest', 'GY-2026-00001', 'web:matrix', [{ name: 'a.jpg', mimeType: 'image/jpeg', base64: JPEG_96x72 }]);
  expect(Object.values(fixture).every((x) => x !== '')).toBe(true);
});

/** A fresh ward, its UrlFetchApp routed to its own web app (the sidebar asks the web app for photos). */
function freshWard(): Ward {
  const w = wardWithCases();
  w.ws.network.connect(w.ws);
  return w;
}

// ---- contexts --------------------------------------------------------------------------------

type Who = 'anonymous' | 'outsider' | 'neighbour' | 'viewer' | 'handler' | 'admin';

interface Context {
  name: string;
  who: Who;
  /** The web app's page (no spreadsheet UI, runs as the owner) or the spreadsheet's sidebar. */
  page: 'webapp' | 'sidebar';
  /** What the caller holds: a resident's lookup key, a personal link's token. */
  holds?: 'key' | 'handlerLink' | 'viewerLink';
}

const CONTEXTS: Context[] = [
  { name: 'anonymous visitor of the web app', who: 'anonymous', page: 'webapp' },
  { name: 'signed-in outsider (gmail.com) on the web app', who: 'outsider', page: 'webapp' },
  { name: 'same-domain non-staff on the web app', who: 'neighbour', page: 'webapp' },
  { name: 'same-domain non-staff in the sidebar', who: 'neighbour', page: 'sidebar' },
  { name: 'viewer in the sidebar', who: 'viewer', page: 'sidebar' },
  { name: 'viewer through their personal link', who: 'anonymous', page: 'webapp', holds: 'viewerLink' },
  { name: 'handler in the sidebar', who: 'handler', page: 'sidebar' },
  { name: 'handler through their personal link', who: 'anonymous', page: 'webapp', holds: 'handlerLink' },
  { name: 'handler on the web app (same domain)', who: 'handler', page: 'webapp' },
  { name: 'resident holding the lookup key', who: 'anonymous', page: 'webapp', holds: 'key' },
  { name: 'admin in the sidebar', who: 'admin', page: 'sidebar' },
  { name: 'admin (the ward’s account) on the web app', who: 'admin', page: 'webapp' },
];

const EMAILS: Record<Who, string> = { anonymous: '', outsider: OUTSIDER, neighbour: NEIGHBOUR, viewer: VIEWER, handler: HANDLER, admin: ADMIN };

function call(w: Ward, ctx: Context, fn: string, args: unknown[]): unknown {
  const user = EMAILS[ctx.who];
  return ctx.page === 'webapp' ? w.ws.webapp.run(fn, args, { user }) : w.ws.sidebar.run(fn, args, { user });
}

// ---- what each entry point allows --------------------------------------------------------------

type Kind = 'staff' | 'menu' | 'trigger' | 'public';

interface EntryPoint {
  kind: Kind;
  /** Who may make the real call. */
  allowed: (ctx: Context) => boolean;
  /** The real arguments a caller in this context could send (its own key or token, if it holds one). */
  args: (f: Fixture, ctx: Context) => unknown[][];
  /** What must have happened before the allowed real call (e.g. a rating before a follow-up). */
  before?: (w: Ward, f: Fixture) => void;
  /** What the allowed real call does (first argument set); also asserted to be allowed. */
  effect?: (w: Ward, result: unknown, ctx: Context) => void;
  /** Printing takes seconds a run: someone allowed tries it with one kind of junk only. */
  slow?: true;
}

const staffOf = (...who: Who[]) => (ctx: Context) => !ctx.holds && who.includes(ctx.who);
/** Menus need the spreadsheet in front of the person: never from the web app's page. */
const atSpreadsheet = (...who: Who[]) => (ctx: Context) => ctx.page === 'sidebar' && staffOf(...who)(ctx);
const nobody = () => false;
const everyone = () => true;

const docs = (w: Ward) => w.ws.documents.list().length;
let docsBefore = 0;

const ENTRY_POINTS: Record<string, EntryPoint> = {
  onOpen: { kind: 'public', allowed: everyone, args: () => [[]] },
  onInstall: { kind: 'public', allowed: everyone, args: () => [[]] },
  showSidebar: { kind: 'menu', allowed: (ctx) => ctx.page === 'sidebar', args: () => [[]], effect: (w) => expect(w.ws.ui.sidebars().length).toBeGreaterThan(0) },
  setupMailbox: { kind: 'menu', allowed: atSpreadsheet('admin'), args: () => [[]], effect: (w) => expect(w.ws.ui.events().at(-1)!.message).toMatch(/^(Đã thiết lập hòm thư|Hòm thư đã được thiết lập đầy đủ)/) },
  resyncMailbox: { kind: 'menu', allowed: atSpreadsheet('admin'), args: () => [[]], effect: (w) => expect(w.ws.ui.events().at(-1)!.message).toContain('Không có ý kiến nào bị sót') },
  printQrPosters: { kind: 'menu', slow: true, allowed: atSpreadsheet('admin'), args: () => [[]], effect: (w) => expect(docs(w)).toBe(docsBefore + 1) },
  printQrStickers: { kind: 'menu', slow: true, allowed: atSpreadsheet('admin'), args: () => [[]], effect: (w) => expect(docs(w)).toBe(docsBefore + 1) },
  // Moves closed cases of past years; this ward has none, so the admin's real call says so (issue 19, item 4).
  archivePastCases: { kind: 'menu', allowed: atSpreadsheet('admin'), args: () => [[]], effect: (w) => expect(w.ws.ui.events().at(-1)!.message).toBe('Không có ý kiến nào cần lưu trữ.') },
  // The mailbox is connected in this ward: the admin is asked before a new secret replaces it (the matrix answers OK, not Yes: nothing is replaced).
  connectOfficialMailbox: { kind: 'menu', allowed: atSpreadsheet('admin'), args: () => [[]], effect: (w) => expect(w.ws.ui.events().at(-1)!.message).toContain('Tạo khóa bí mật mới?') },
  onFormSubmitIntake: { kind: 'trigger', allowed: nobody, args: () => [[]] },
  hourlyMaintenance: { kind: 'trigger', allowed: nobody, args: () => [[]] },
  onEdit: { kind: 'trigger', allowed: nobody, args: () => [[]] },
  onSpreadsheetChange: { kind: 'trigger', allowed: nobody, args: () => [[{ changeType: 'REMOVE_ROW' }]] },
  getSidebarState: {
    kind: 'public',
    allowed: everyone,
    args: () => [[]],
    effect: (_w, r, ctx) => {
      const staff = !ctx.holds && ['viewer', 'handler', 'admin'].includes(ctx.who);
      expect(r).toMatchObject(staff ? { user: EMAILS[ctx.who], role: ctx.who } : { role: null, capabilities: [] });
    },
  },
  submitStaffCase: {
    kind: 'staff',
    allowed: staffOf('admin'),
    args: () => [[{ channel: 'phone', content: 'Ý kiến qua điện thoại', group: 'Tổ dân phố 3', receivedAt: '', name: '', phone: '', email: '', confidential: false }]],
    effect: (w) => expect(tabRecords(w, 'Ý kiến').map((r) => r['Nội dung'])).toContain('Ý kiến qua điện thoại'),
  },
  getInbox: {
    kind: 'staff',
    allowed: staffOf('admin', 'viewer', 'handler'),
    args: () => [[{}]],
    effect: (_w, r, ctx) => expect((r as { items: Array<{ code: string }> }).items.map((i) => i.code).sort()).toEqual(ctx.who === 'handler' ? ['GY-2026-00001', 'GY-2026-00002'] : ['GY-2026-00001', 'GY-2026-00002', 'GY-2026-00003']),
  },
  getCase: {
    kind: 'staff',
    allowed: staffOf('admin', 'viewer', 'handler'),
    args: (f) => [[f.code1], [f.code2], ['GY-2026-00003']],
    effect: (_w, r) => expect(r).toMatchObject({ code: 'GY-2026-00001', content: CONTENT_1 }),
  },
  caseAction: {
    kind: 'staff',
    allowed: staffOf('admin'),
    args: (f) => [
      [f.code1, f.row1, f.version1, { action: 'note', text: 'Ghi chú của người ngoài' }],
      [f.code1, f.row1, f.version1, { action: 'misuse', reason: 'giả mạo' }],
      [f.code2, 3, 1, { action: 'close', outcome: 'resolved' }],
    ],
    effect: (w) => expect(tabRecords(w, 'Nhật ký').at(-1)).toMatchObject({ 'Hành động': 'Ghi chú nội bộ', 'Mã ý kiến': 'GY-2026-00001' }),
  },
  getContactDetails: {
    kind: 'staff',
    allowed: staffOf('admin'),
    args: (f) => [[f.code1, 'gọi lại cho người dân']],
    effect: (_w, r) => expect(r).toMatchObject({ name: NAME, phone: PHONE, email: EMAIL }),
  },
  findCasesBySender: {
    kind: 'staff',
    allowed: staffOf('admin'),
    args: () => [[PHONE, 'người dân gọi điện hỏi kết quả'], ['bi mat', 'gọi lại']],
    effect: (w, r) => {
      expect(r).toMatchObject({ kind: 'phone', total: 1, items: [{ code: 'GY-2026-00001', name: NAME, phone: PHONE, email: EMAIL }] });
      expect(tabRecords(w, 'Nhật ký').at(-1)).toMatchObject({ 'Hành động': 'Tìm người gửi', 'Mã ý kiến': 'GY-2026-00001' });
    },
  },
  createCaseDocument: { kind: 'staff', allowed: staffOf('admin'), args: (f) => [[f.code1, 'slip'], [f.code1, 'letter']], effect: (w) => expect(docs(w)).toBe(docsBefore + 1) },
  createGroupAnswerSheets: { kind: 'staff', allowed: staffOf('admin'), args: () => [[]], effect: (w) => expect(docs(w)).toBe(docsBefore + 1) },
  createReportDocument: { kind: 'staff', allowed: staffOf('admin'), args: () => [[{ kind: 'month', year: 2026, index: 11 }]], effect: (w) => expect(docs(w)).toBe(docsBefore + 1) },
  getDashboard: { kind: 'staff', allowed: staffOf('admin', 'viewer'), args: () => [[]], effect: (_w, r) => expect(r).toHaveProperty('groups') },
  createPublicationDocument: { kind: 'staff', allowed: staffOf('admin'), args: () => [[{ year: 2026, month: 11 }]], effect: (w) => expect(docs(w)).toBe(docsBefore + 1) },
  doGet: { kind: 'public', allowed: everyone, args: () => [[{ parameter: { v: 'lookup' } }]] },
  // Only the official mailbox's signed, fresh, first-seen polls do anything; called through
  // google.script.run with a replayed one, a forged one or an old one, it changes nothing.
  doPost: {
    kind: 'public',
    allowed: nobody,
    args: () => {
      const old = JSON.stringify(envelope(MAILBOX_SECRET, { messages: [], sent: [] }, Date.parse('2026-11-20T00:00:00Z')));
      const forged = JSON.stringify(envelope('guessed', { messages: [], sent: [] }, Date.parse('2026-11-24T02:00:00Z')));
      return [usedPoll, old, forged].map((contents) => [{ postData: { contents, type: 'application/json', length: contents.length, name: 'postData' } }]);
    },
  },
  getPublicBoard: { kind: 'public', allowed: everyone, args: () => [['Tổ dân phố 1', '2026', '11']], effect: (_w, r) => expect(r).toHaveProperty('group', 'Tổ dân phố 1') },
  lookupPublicCase: {
    kind: 'public',
    allowed: (ctx) => ctx.holds === 'key',
    args: (f, ctx) => [[f.code1, ctx.holds === 'key' ? f.key1 : 'K7M2-QX9P']],
    effect: (_w, r) => expect(r).toMatchObject({ code: 'GY-2026-00001', canRate: true }),
  },
  ratePublicAnswer: {
    kind: 'public',
    allowed: (ctx) => ctx.holds === 'key',
    args: (f, ctx) => [[f.code1, ctx.holds === 'key' ? f.key1 : 'K7M2-QX9P', 1, 'tệ']],
    effect: (w) => expect(tabRecords(w, 'Ý kiến')[0]['Điểm hài lòng (1–5)']).toBe('1'),
  },
  followUpPublicCase: {
    kind: 'public',
    allowed: (ctx) => ctx.holds === 'key',
    args: (f, ctx) => [[f.code1, ctx.holds === 'key' ? f.key1 : 'K7M2-QX9P', 'Ổ gà vẫn chưa được vá']],
    // Offered after a rating of 1–2 only: the resident rates first.
    before: (w, f) => void w.ws.webapp.run('ratePublicAnswer', [f.code1, f.key1, 1, ''], { user: '' }),
    effect: (w, r) => {
      expect(r).toMatchObject({ code: 'GY-2026-00001', canFollowUp: false, followUp: { code: 'GY-2026-00004' } });
      expect(tabRecords(w, 'Ý kiến').at(-1)).toMatchObject({ 'Mã ý kiến': 'GY-2026-00004', 'Nội dung': 'Ổ gà vẫn chưa được vá', 'Ý kiến liên quan': 'GY-2026-00001' });
    },
  },
  // The web app's resident form (issue 20.1): open to anyone, as the Google Form is; the request id is the page's own.
  submitResidentForm: {
    kind: 'public',
    // From a sidebar it would run as the person, not the ward's account: refused, but for the ward's own admin.
    allowed: (ctx) => ctx.page === 'webapp' || ctx.who === 'admin',
    args: () => [[{ requestId: 'Zq3v9XkP2mLr8TnB4wYc1A', trap: '', photos: [], answers: { group: 'Tổ dân phố 2', topic: '', content: 'Ý kiến qua trang web', location: '', name: '', phone: '', email: '', confidential: false, place: '' } }]],
    effect: (w, r) => {
      expect(r).toMatchObject({ code: 'GY-2026-00004', key: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/) });
      expect(tabRecords(w, 'Ý kiến').at(-1)).toMatchObject({ 'Mã ý kiến': 'GY-2026-00004', 'Nội dung': 'Ý kiến qua trang web' });
    },
  },
  issueCaseLookupKey: { kind: 'staff', allowed: staffOf('admin'), args: (f) => [[f.code1]], effect: (_w, r) => expect((r as { key: string }).key).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/) },
  getPortal: {
    kind: 'public',
    allowed: (ctx) => ctx.holds === 'handlerLink' || ctx.holds === 'viewerLink',
    args: (f, ctx) => [[ctx.holds === 'handlerLink' ? f.handlerToken : ctx.holds === 'viewerLink' ? f.viewerToken : 'a'.repeat(64)]],
    effect: (_w, r, ctx) => expect(r).toMatchObject({ role: ctx.holds === 'handlerLink' ? 'handler' : 'viewer' }),
  },
  portalCaseAction: {
    kind: 'public',
    allowed: (ctx) => ctx.holds === 'handlerLink',
    args: (f, ctx) => [[ctx.holds === 'handlerLink' ? f.handlerToken : ctx.holds === 'viewerLink' ? f.viewerToken : 'a'.repeat(64), f.code2, f.row2, f.version2, { kind: 'progress', text: 'Đã khảo sát hiện trường' }]],
    effect: (w) => expect(tabRecords(w, 'Nhật ký').at(-1)).toMatchObject({ 'Người thực hiện': HANDLER, 'Hành động': 'Cập nhật tiến độ' }),
  },
  // A case's photos (issue 20.2): staff who may see the case, through the web app; a body's link for its cases.
  getCasePhotos: {
    kind: 'staff',
    allowed: staffOf('admin', 'viewer', 'handler'),
    args: (f) => [[f.code1], ['GY-2026-00003']],
    effect: (_w, r) => expect((r as { photos: Array<{ src: string }> }).photos.map((p) => p.src.slice(0, 23))).toEqual(['data:image/jpeg;base64,']),
  },
  reviewCasePhoto: {
    kind: 'staff',
    allowed: staffOf('admin'),
    args: (f) => [[f.code1, 'web:matrix', 0, 'hide'], [f.code1, 'web:matrix', 0, 'approve']],
    effect: (w) => expect(tabRecords(w, 'Ảnh')[0]['Ẩn']).toBe('TRUE'),
  },
  getPortalPhotos: {
    kind: 'public',
    allowed: (ctx) => ctx.holds === 'handlerLink' || ctx.holds === 'viewerLink',
    args: (f, ctx) => [[ctx.holds === 'handlerLink' ? f.handlerToken : ctx.holds === 'viewerLink' ? f.viewerToken : 'a'.repeat(64), f.code1]],
    effect: (_w, r) => expect((r as { photos: unknown[] }).photos).toHaveLength(1),
  },
  getPortalLinks: { kind: 'staff', allowed: staffOf('admin'), args: () => [[]], effect: (_w, r) => expect((r as Array<{ email: string }>).map((x) => x.email).sort()).toEqual([HANDLER, VIEWER].sort()) },
  sendPortalLink: { kind: 'staff', allowed: staffOf('admin'), args: () => [[VIEWER]], effect: (_w, r) => expect((r as { message: string }).message).toContain(VIEWER) },
  revokePortalLink: { kind: 'staff', allowed: staffOf('admin'), args: () => [[HANDLER]], effect: (_w, r) => expect((r as { message: string }).message).toContain('Đã thu hồi') },
  createQrPosters: { kind: 'staff', slow: true, allowed: staffOf('admin'), args: () => [['Tổ dân phố 1']], effect: (w) => expect(docs(w)).toBe(docsBefore + 1) },
  getPlaceFormLinks: { kind: 'staff', allowed: staffOf('admin'), args: () => [[]], effect: (_w, r) => expect((r as unknown[]).length).toBe(5) },
  createQrStickers: { kind: 'staff', slow: true, allowed: staffOf('admin'), args: () => [['Tổ dân phố 1']], effect: (w) => expect(docs(w)).toBe(docsBefore + 1) },
  createPaperSlips: { kind: 'staff', slow: true, allowed: staffOf('admin'), args: () => [[{ group: 'Tổ dân phố 1', count: 2 }]], effect: (w) => expect(docs(w)).toBe(docsBefore + 1) },
};

/** Junk anyone can type, forged trigger events included (uids filled in per ward). */
function junk(w: Ward): unknown[][] {
  const intake = w.ws.triggers().find((t) => t.handlerFunction === 'onFormSubmitIntake')!.uid;
  const hourly = w.ws.triggers().find((t) => t.handlerFunction === 'hourlyMaintenance')!.uid;
  return [
    [],
    [null],
    [{ toString: 1 }],
    [{ toString: 1, valueOf: 1 }, { toString: 1 }, { toString: 1 }, { action: { toString: 1 } }],
    [42, 'x', {}, []],
    ['GY-2026-00001', { toString: 1 }],
    [['GY-2026-00001'], ['x']],
    ['GY-2026-00001', 2, 1, { action: 'close', outcome: 'resolved' }],
    [' '.repeat(20_000), 'K'.repeat(20_000)],
    [{ action: 'misuse', reason: 'x' }],
    [{ channel: 'phone', content: 'giả mạo', receivedAt: '', requestId: { toString: 1 } }],
    [{ group: 'Tổ dân phố 1', count: 5 }],
    [{ kind: 'progress', text: { toString: 1 } }],
    // Forged trigger events: the recorded uids, JSON-shaped (no Range, no AuthMode object can cross google.script.run).
    [{ triggerUid: intake, authMode: 'FULL', range: { getRow: 1 }, namedValues: { 'Nội dung': ['giả mạo'], 'Tổ dân phố': ['Tổ dân phố 1'] }, values: ['24/11/2026 09:00:00'] }],
    [{ triggerUid: hourly, authMode: { toString: 'FULL' } }],
    [{ triggerUid: hourly, authMode: ['FULL'] }],
    [{ changeType: 'REMOVE_ROW', authMode: 'FULL', source: {} }],
  ];
}

/** Junk for callers who are allowed: nothing, an object that breaks String(), wrong types, overlong text, a shadowed field. */
const ALLOWED_JUNK = [0, 2, 4, 8, 10];

// ---- what "no change" and "no leak" mean -------------------------------------------------------

/** Everything a call could change, but the errors tab (counted separately) and the cache (lookup counters, the board). */
function state(w: Ward): string {
  const names = w.ws.spreadsheets.view(w.ssId).sheets.map((s) => s.name).filter((n) => n !== 'Lỗi');
  const props = (w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService);
  return JSON.stringify({
    tabs: names.map((n) => [n, tabRecords(w, n)]),
    doc: props.getDocumentProperties()!.getProperties(),
    script: props.getScriptProperties().getProperties(),
    triggers: w.ws.triggers(),
    mail: w.ws.mail.outbox().length,
    docs: w.ws.documents.list().length,
  });
}

const errorRows = (w: Ward) => tabRecords(w, 'Lỗi').length;

function secretsOf(f: Fixture): string[] {
  return [MAILBOX_SECRET, NAME, PHONE, EMAIL, CONTENT_1, CONTENT_2, CONTENT_3, f.key1, f.key1.replace('-', ''), f.handlerToken, f.viewerToken, f.photo];
}

const VIETNAMESE = /[ạảãàáâậầấẩẫăắằặẳẵêếềệểễôốồộổỗơớờợởỡưứừựửữđ]/i;

interface Attempt {
  value?: unknown;
  error?: Error;
  alerts: string[];
}

function attempt(w: Ward, ctx: Context, fn: string, args: unknown[]): Attempt {
  const shown = w.ws.ui.events().length;
  w.ws.ui.respond({ button: 'OK' });
  try {
    const value = call(w, ctx, fn, args);
    return { value, alerts: w.ws.ui.events().slice(shown).map((e) => `${e.title ?? ''} ${e.message ?? ''}`) };
  } catch (e) {
    return { error: e as Error, alerts: w.ws.ui.events().slice(shown).map((e2) => `${e2.title ?? ''} ${e2.message ?? ''}`) };
  }
}

/** A refusal: a thrown Vietnamese message, a Vietnamese dialog (menus), or — for triggers — nothing done. */
function expectRefused(fn: string, kind: Kind, a: Attempt): void {
  const said = [a.error?.message ?? '', ...a.alerts].join(' ');
  if (a.error) expect([fn, a.error.message, VIETNAMESE.test(a.error.message)]).toEqual([fn, a.error.message, true]);
  for (const alert of a.alerts) expect([fn, alert, VIETNAMESE.test(alert)]).toEqual([fn, alert, true]);
  // A trigger handler called by anyone but Apps Script does nothing, and says nothing.
  if (kind === 'trigger') expect([fn, a.error?.message ?? null, ['ignored', null].includes((a.value ?? null) as string | null)]).toEqual([fn, null, true]);
  if (kind === 'staff' || kind === 'menu') expect([fn, said.trim() !== '']).toEqual([fn, true]);
}

function expectNoLeak(fn: string, a: Attempt, secrets: string[]): void {
  const reply = JSON.stringify([a.value ?? null, a.error?.message ?? '', a.alerts]);
  for (const s of secrets) expect([fn, reply.includes(s) ? s : null]).toEqual([fn, null]);
}

// ---- the matrix ----------------------------------------------------------------------------------

describe('the entry-point matrix: every function of Code.js, from every calling context', () => {
  const names = topLevelFunctions();

  it('every function in Code.js has a row saying who may call it (a new entry point cannot escape the matrix)', () => {
    expect(names.every((n) => !n.endsWith('_'))).toBe(true);
    expect([...names].sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
  });

  for (const ctx of CONTEXTS) {
    it(`${ctx.name}: allowed calls do what they should; everything else is refused, changes nothing, leaks nothing, logs nothing`, () => {
      const base = freshWard();
      const f = fixture;
      const errorsAtStart = errorRows(base);
      const secrets = secretsOf(f);
      // The forbidden first, on one ward: after each function the state must be exactly as before.
      let w = base;
      const before = state(w);
      for (const fn of names) {
        const spec = ENTRY_POINTS[fn];
        if (!spec) continue;
        const allowed = spec.allowed(ctx);
        const t0 = Date.now();
        // Someone allowed gets a few kinds of junk (printing is slow to repeat); everyone else all of it.
        for (const args of allowed ? junk(w).filter((_, i) => (spec.slow ? [2] : ALLOWED_JUNK).includes(i)) : [...spec.args(f, ctx), ...junk(w)]) {
          const a = attempt(w, ctx, fn, args);
          if (allowed) {
            // Junk from someone allowed: a Vietnamese message at most, never a fault.
            if (a.error) expect([fn, a.error.message, VIETNAMESE.test(a.error.message)]).toEqual([fn, a.error.message, true]);
            continue;
          }
          expectRefused(fn, spec.kind, a);
          expectNoLeak(fn, a, secrets);
        }
        if (process.env.MATRIX_TIMING) console.log(`${fn} ${Date.now() - t0} ms`);
        expect([fn, errorRows(w) - errorsAtStart]).toEqual([fn, 0]);
        if (!allowed) expect([fn, state(w) === before]).toEqual([fn, true]);
        else w = freshWard(); // an allowed junk call may have changed something: the next function starts clean
      }
      // The allowed real calls, each on a fresh ward.
      for (const fn of names) {
        const spec = ENTRY_POINTS[fn];
        if (!spec?.allowed(ctx)) continue;
        w = freshWard();
        docsBefore = docs(w);
        const [args] = spec.args(f, ctx);
        spec.before?.(w, f);
        const a = attempt(w, ctx, fn, args);
        expect([fn, a.error?.message ?? null]).toEqual([fn, null]);
        spec.effect?.(w, a.value, ctx);
        expect([fn, errorRows(w)]).toEqual([fn, errorsAtStart]);
      }
    });
  }
});

describe('forged trigger events from the web app, which runs as the trigger owner', () => {
  it('a JSON copy of the intake event with the recorded uid files nothing, even as the owner', () => {
    const w = freshWard();
    const intake = w.ws.triggers().find((t) => t.handlerFunction === 'onFormSubmitIntake')!;
    expect(intake.owner).toBe(ADMIN);
    const forged = { triggerUid: intake.uid, authMode: 'FULL', range: { getRow: 2 }, namedValues: { 'Nội dung': ['giả mạo'], 'Tổ dân phố': ['Tổ dân phố 1'] }, values: ['24/11/2026 09:00:00'] };
    for (const user of ['', ADMIN]) expect(w.ws.webapp.run('onFormSubmitIntake', [forged], { user })).toBe('ignored');
    expect(tabRecords(w, 'Ý kiến')).toHaveLength(3);
  });

  it('the hourly job runs only as its trigger: the admin calling it from a page sends nothing, the trigger does', () => {
    const w = freshWard();
    const hourly = w.ws.triggers().find((t) => t.handlerFunction === 'hourlyMaintenance')!.uid;
    const sent = w.ws.mail.outbox().length;
    expect(w.ws.sidebar.run('hourlyMaintenance', [{ triggerUid: hourly, authMode: 'FULL' }], { user: ADMIN })).toBeNull();
    expect(w.ws.webapp.run('hourlyMaintenance', [{ triggerUid: hourly }], { user: '' })).toBeNull();
    expect(w.ws.mail.outbox().length).toBe(sent);
    runHourly(w);
    expect(w.ws.mail.outbox().length).toBe(sent + 1);
  });
});
