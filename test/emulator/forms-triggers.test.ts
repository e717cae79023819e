/**
 * FormApp, ScriptApp triggers and the form-submit path, as a script sees them.
 */
import { createWorkspace, FormValidationError, type FormProblem } from '../../emulator';

const manifest = { timeZone: 'Asia/Ho_Chi_Minh', runtimeVersion: 'V8' };

/** A script that builds a small form into the bound spreadsheet and records every submit event. */
const SCRIPT = `
var seen = [];
function build() {
  var form = FormApp.create('Góp ý');
  form.addListItem().setTitle('Tổ dân phố').setChoiceValues(['Tổ dân phố 1', 'Tổ dân phố 2']).setRequired(true);
  form.addParagraphTextItem().setTitle('Nội dung').setRequired(true);
  form.addTextItem().setTitle('Email').setValidation(FormApp.createTextValidation().requireTextIsEmail().setHelpText('Email chưa đúng').build());
  form.addCheckboxItem().setTitle('Bảo mật').setChoiceValues(['Giữ bí mật danh tính của tôi']);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
  return form.getId();
}
function install() {
  return ScriptApp.newTrigger('onSubmit').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create().getUniqueId();
}
function onSubmit(e) {
  seen.push({ values: e.values, named: e.namedValues, row: e.range.getRow(), sheet: e.range.getSheet().getName(), uid: e.triggerUid, auth: String(e.authMode), user: Session.getEffectiveUser().getEmail() });
  if (e.namedValues['Nội dung'][0] === 'boom') throw new Error('boom');
}
function events() { return seen; }
`;

function setup() {
  const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T11:45:16Z' });
  ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
  const app = ws.load({ manifest, scripts: [['Code.js', SCRIPT]], html: {} });
  const formId = app.call('build') as string;
  return { ws, app, formId };
}

describe('Form — https://developers.google.com/apps-script/reference/forms/form', () => {
  it('setDestination creates the responses tab first, named in the spreadsheet language, with the question titles', () => {
    const { ws } = setup();
    const view = ws.spreadsheets.view(ws.spreadsheets.activeId()!);
    expect(view.sheets[0].name).toBe('Câu trả lời biểu mẫu 1');
    expect(view.sheets[0].displayValues[0]).toEqual(['Dấu thời gian', 'Tổ dân phố', 'Nội dung', 'Email', 'Bảo mật']);
    expect(view.sheets[0].formUrl).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[\w-]+\/viewform$/);
  });

  it('builds prefilled URLs in Google’s shape', () => {
    const { ws, formId } = setup();
    const FormApp = ws.globals.FormApp as GoogleAppsScript.Forms.FormApp;
    const form = FormApp.openById(formId);
    const group = form.getItems(FormApp.ItemType.LIST)[0].asListItem();
    const url = form.createResponse().withItemResponse(group.createResponse('Tổ dân phố 2')).toPrefilledUrl();
    expect(url).toBe(`${form.getPublishedUrl()}?usp=pp_url&entry.${group.getId()}=${encodeURIComponent('Tổ dân phố 2').replace(/%20/g, '+')}`);
    expect(ws.forms.idFromUrl(url)).toBe(formId);
  });

  it('casting an item to the wrong type fails', () => {
    const { ws, formId } = setup();
    const item = (ws.globals.FormApp as GoogleAppsScript.Forms.FormApp).openById(formId).getItems()[0];
    expect(() => item.asTextItem()).toThrow(/cannot be cast/);
  });
});

describe('Form submit (Sheets) event — https://developers.google.com/apps-script/guides/triggers/events#form-submit', () => {
  it('writes the row verbatim and runs the installed trigger once with values, namedValues, range and triggerUid', () => {
    const { ws, app, formId } = setup();
    const uid = app.call('install');
    // Forms stamps the response with the time it arrives, shown as the spreadsheet's locale does.
    const shown = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(d).replace(',', '');
    const stamp = shown(ws.clock.now());
    const result = ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 1', 'Nội dung': '=HYPERLINK("x")', 'Bảo mật': ['Giữ bí mật danh tính của tôi'] });
    expect(result.triggerRuns).toEqual([{ triggerUid: uid, handlerFunction: 'onSubmit', user: 'admin@luukiem.example', ok: true }]);
    const [e] = app.call('events') as Array<Record<string, unknown>>;
    expect(e).toEqual({
      values: [stamp, 'Tổ dân phố 1', '=HYPERLINK("x")', '', 'Giữ bí mật danh tính của tôi'],
      named: { 'Dấu thời gian': [stamp], 'Tổ dân phố': ['Tổ dân phố 1'], 'Nội dung': ['=HYPERLINK("x")'], Email: [''], 'Bảo mật': ['Giữ bí mật danh tính của tôi'] },
      row: 2,
      sheet: 'Câu trả lời biểu mẫu 1',
      uid,
      auth: 'FULL',
      user: 'admin@luukiem.example',
    });
  });

  it('refuses what Google Forms refuses and records nothing', () => {
    const { ws, formId } = setup();
    expect(() => ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 9', 'Nội dung': 'x' })).toThrow('Tổ dân phố: Lựa chọn không hợp lệ');
    expect(() => ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 1', 'Nội dung': '  ' })).toThrow('Nội dung: Đây là một câu hỏi bắt buộc');
    expect(() => ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 1', 'Nội dung': 'x', Email: 'không phải email' })).toThrow('Email: Email chưa đúng');
    expect(ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets[0].displayValues.length).toBe(1);
  });

  it('a throwing handler does not lose the response: the row stays and the run is reported failed', () => {
    const { ws, app, formId } = setup();
    app.call('install');
    const r = ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 1', 'Nội dung': 'boom' });
    expect(r.triggerRuns[0]).toMatchObject({ ok: false, error: 'Error: boom' });
    expect(ws.spreadsheets.view(ws.spreadsheets.activeId()!).sheets[0].displayValues[1][2]).toBe('boom');
    expect(ws.executions().at(-1)).toMatchObject({ kind: 'trigger', status: 'failed' });
  });
});

/** The problems of the submission Forms refuses (fails the test when it is accepted). */
function refusal(submit: () => unknown): FormProblem[] {
  try {
    submit();
  } catch (e) {
    expect(e).toBeInstanceOf(FormValidationError);
    return (e as FormValidationError).problems;
  }
  throw new Error('the submission was accepted');
}

/**
 * What a respondent sees when Google Forms refuses a submission: the message under each question.
 * The Vietnamese strings are Google Forms' own respondent UI in Vietnamese ("Đây là một câu hỏi bắt
 * buộc" for a required question left blank, …); a text validation shows its help text instead
 * when it has one: https://developers.google.com/apps-script/reference/forms/text-validation-builder
 * (setHelpText: "Sets the help text that appears when the validation fails").
 */
describe('Form refusals per question — https://developers.google.com/apps-script/reference/forms/text-validation-builder', () => {
  const SCRIPT2 = `
function build2() {
  var form = FormApp.create('Góp ý');
  var group = form.addListItem().setTitle('Tổ dân phố').setChoiceValues(['Tổ dân phố 1', 'Tổ dân phố 2']).setRequired(true);
  var content = form.addParagraphTextItem().setTitle('Nội dung').setRequired(true);
  var phone = form.addTextItem().setTitle('Số điện thoại').setHelpText('Số di động hoặc số bàn')
    .setValidation(FormApp.createTextValidation().requireTextMatchesPattern('0[0-9]{9,10}').setHelpText('Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0').build());
  var code = form.addTextItem().setTitle('Mã').setValidation(FormApp.createTextValidation().requireTextMatchesPattern('GY-[0-9]{4}').build());
  var mail = form.addTextItem().setTitle('Email').setValidation(FormApp.createTextValidation().requireTextIsEmail().build());
  var note = form.addParagraphTextItem().setTitle('Ghi chú').setValidation(FormApp.createParagraphTextValidation().requireTextLengthLessThanOrEqualTo(5).build());
  var kind = form.addMultipleChoiceItem().setTitle('Loại').setChoiceValues(['Góp ý', 'Phản ánh']);
  var safe = form.addCheckboxItem().setTitle('Bảo mật').setChoiceValues(['Giữ bí mật']);
  return { id: form.getId(), group: group.getId(), content: content.getId(), phone: phone.getId(), code: code.getId(), mail: mail.getId(), note: note.getId(), kind: kind.getId(), safe: safe.getId() };
}
function phoneItem(id) {
  var item = FormApp.openById(id).getItems(FormApp.ItemType.TEXT)[0];
  return { type: String(item.getType()), help: item.getHelpText(), castHelp: item.asTextItem().getHelpText() };
}
function closeForm(id, message) { FormApp.openById(id).setAcceptingResponses(false).setCustomClosedFormMessage(message); }
function collectEmail(id) { FormApp.openById(id).setCollectEmail(true); }
`;
  type Ids = Record<'group' | 'content' | 'phone' | 'code' | 'mail' | 'note' | 'kind' | 'safe', number> & { id: string };
  function setup2() {
    const ws = createWorkspace({ user: 'admin@luukiem.example', now: '2026-11-24T11:45:16Z' });
    ws.spreadsheets.setActive(ws.spreadsheets.create('CSDL'));
    const app = ws.load({ manifest, scripts: [['Code.js', SCRIPT2]], html: {} });
    return { ws, app, ids: app.call('build2') as Ids };
  }
  const base = { 'Tổ dân phố': 'Tổ dân phố 1', 'Nội dung': 'Đèn đường hỏng' };

  it('a required question left blank: "Đây là một câu hỏi bắt buộc" under that question, in form order', () => {
    const { ws, ids } = setup2();
    const problems = refusal(() => ws.forms.submit(ids.id, { 'Nội dung': ' \n ' }));
    expect(problems).toEqual([
      { itemId: ids.group, title: 'Tổ dân phố', message: 'Đây là một câu hỏi bắt buộc' },
      { itemId: ids.content, title: 'Nội dung', message: 'Đây là một câu hỏi bắt buộc' },
    ]);
    expect(() => ws.forms.submit(ids.id, {})).toThrow(new FormValidationError(problems).message);
    expect(new FormValidationError(problems).message).toBe('Tổ dân phố: Đây là một câu hỏi bắt buộc; Nội dung: Đây là một câu hỏi bắt buộc');
  });

  it('a text item keeps its own help text; its pattern validation shows the validation help text, and matches the whole answer', () => {
    const { ws, app, ids } = setup2();
    expect(app.call('phoneItem', ids.id)).toEqual({ type: 'TEXT', help: 'Số di động hoặc số bàn', castHelp: 'Số di động hoặc số bàn' });
    expect(ws.forms.model(ids.id).items.find((i) => i.id === ids.phone)).toMatchObject({
      helpText: 'Số di động hoặc số bàn',
      validation: { kind: 'PATTERN', pattern: '0[0-9]{9,10}', helpText: 'Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0' },
    });
    for (const bad of ['090123456', '09012345678x', 'x0901234567', '1901234567']) {
      expect(refusal(() => ws.forms.submit(ids.id, { ...base, 'Số điện thoại': bad }))).toEqual([
        { itemId: ids.phone, title: 'Số điện thoại', message: 'Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0' },
      ]);
    }
    expect(ws.forms.submit(ids.id, { ...base, 'Số điện thoại': '0901234567' }).responseId).toBeTruthy();
    expect(ws.forms.submit(ids.id, { ...base, 'Số điện thoại': '02438123456' }).responseId).toBeTruthy();
  });

  it('a validation without help text shows Google Forms’ own message', () => {
    const { ws, ids } = setup2();
    const problems = refusal(() => ws.forms.submit(ids.id, { ...base, Mã: 'GY-12', Email: 'nguyenvana@', 'Ghi chú': 'dài hơn năm' }));
    expect(problems).toEqual([
      { itemId: ids.code, title: 'Mã', message: 'Câu trả lời không đúng định dạng' },
      { itemId: ids.mail, title: 'Email', message: 'Vui lòng nhập một địa chỉ email hợp lệ' },
      { itemId: ids.note, title: 'Ghi chú', message: 'Câu trả lời quá dài' },
    ]);
  });

  it('an answer that is not one of the choices, and several answers to a one-answer question', () => {
    const { ws, ids } = setup2();
    expect(refusal(() => ws.forms.submit(ids.id, { ...base, 'Tổ dân phố': 'Tổ dân phố 9', Loại: 'Khác', 'Bảo mật': ['Công khai'] }))).toEqual([
      { itemId: ids.group, title: 'Tổ dân phố', message: 'Lựa chọn không hợp lệ' },
      { itemId: ids.kind, title: 'Loại', message: 'Lựa chọn không hợp lệ' },
      { itemId: ids.safe, title: 'Bảo mật', message: 'Lựa chọn không hợp lệ' },
    ]);
    expect(refusal(() => ws.forms.submit(ids.id, { ...base, Loại: ['Góp ý', 'Phản ánh'] }))).toEqual([{ itemId: ids.kind, title: 'Loại', message: 'Chỉ được chọn một câu trả lời' }]);
  });

  it('form-level refusals have no item: an unknown question, the respondent’s e-mail, a closed form', () => {
    const { ws, app, ids } = setup2();
    expect(refusal(() => ws.forms.submit(ids.id, { ...base, 'Không có': 'x' }))).toEqual([{ itemId: null, title: 'Không có', message: 'Biểu mẫu không có câu hỏi này' }]);
    app.call('collectEmail', ids.id);
    expect(refusal(() => ws.forms.submit(ids.id, base))).toEqual([{ itemId: null, field: 'respondentEmail', title: 'Email', message: 'Đây là một câu hỏi bắt buộc' }]);
    expect(refusal(() => ws.forms.submit(ids.id, base, { respondentEmail: 'a@b' }))).toEqual([{ itemId: null, field: 'respondentEmail', title: 'Email', message: 'Vui lòng nhập một địa chỉ email hợp lệ' }]);
    app.call('closeForm', ids.id, 'Đã hết hạn nhận ý kiến.');
    expect(refusal(() => ws.forms.submit(ids.id, base, { respondentEmail: 'a@b.vn' }))).toEqual([{ itemId: null, title: '', message: 'Đã hết hạn nhận ý kiến.' }]);
    expect(ws.forms.model(ids.id)).toMatchObject({ acceptingResponses: false });
  });
});

describe('ScriptApp — https://developers.google.com/apps-script/reference/script/script-app', () => {
  it('allows one trigger of a type per user per document (add-on rule); another user may add their own', () => {
    const { ws, app } = setup();
    app.call('install');
    expect(() => app.call('install')).toThrow(/Only 1 is allowed/);
    ws.setUser('other@luukiem.example');
    app.call('install');
    expect(ws.triggers().map((t) => t.owner)).toEqual(['admin@luukiem.example', 'other@luukiem.example']);
  });

  it('each owner’s trigger runs as its owner', () => {
    const { ws, app, formId } = setup();
    app.call('install');
    ws.setUser('other@luukiem.example');
    app.call('install');
    ws.forms.submit(formId, { 'Tổ dân phố': 'Tổ dân phố 1', 'Nội dung': 'x' });
    expect((app.call('events') as Array<{ user: string }>).map((e) => e.user)).toEqual(['admin@luukiem.example', 'other@luukiem.example']);
  });

  it('getProjectTriggers lists only the current user’s triggers, and deleteTrigger removes them', () => {
    const { ws, app } = setup();
    app.addFile('t.js', 'function mine() { return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), String(t.getEventType())]; }); } function dropAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }');
    app.call('install');
    ws.setUser('other@luukiem.example');
    expect(app.call('mine')).toEqual([]);
    ws.setUser('admin@luukiem.example');
    expect(app.call('mine')).toEqual([['onSubmit', 'ON_FORM_SUBMIT']]);
    app.call('dropAll');
    expect(ws.triggers()).toEqual([]);
  });

  it('time-driven triggers run at most hourly, once per due time, without catching up', () => {
    const { ws, app } = setup();
    app.addFile('c.js', 'var ticks = 0; function tick() { ticks++; } function count() { return ticks; } function every(n) { ScriptApp.newTrigger("tick").timeBased().everyMinutes(n).create(); } function hourly() { ScriptApp.newTrigger("tick").timeBased().everyHours(1).create(); }');
    expect(() => app.call('every', 30)).toThrow('Add-ons can only create time-based triggers that run at most once per hour.');
    app.call('hourly');
    ws.clock.advance(59 * 60_000);
    expect(ws.runDueTriggers()).toEqual([]);
    ws.clock.advance(5 * 3_600_000);
    expect(ws.runDueTriggers()).toHaveLength(1);
    expect(ws.runDueTriggers()).toEqual([]);
    expect(app.call('count')).toBe(1);
  });

  it('stops running triggers once the day’s trigger runtime is spent', () => {
    const ws = createWorkspace({ quotas: { triggerRuntimeMsPerDay: 1000 } });
    ws.spreadsheets.setActive(ws.spreadsheets.create('x'));
    const app = ws.load({ manifest, scripts: [['c.js', 'function slow() { Utilities.sleep(2000); } function hourly() { ScriptApp.newTrigger("slow").timeBased().everyHours(1).create(); }']], html: {} });
    app.call('hourly');
    ws.clock.advance(3_600_000);
    expect(ws.runDueTriggers()[0].ok).toBe(true);
    ws.clock.advance(3_600_000);
    expect(ws.runDueTriggers()[0]).toMatchObject({ ok: false, error: expect.stringContaining('too much computer time') });
  });
});
