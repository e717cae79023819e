/**
 * services/public/portal-links: a handling body's personal link token is never stored readable.
 * What the document properties hold for a link is keyed by exactly the SHA-256 of the token (hex),
 * computed here with node:crypto — not with the code under test — and neither the token nor any
 * reversible form of it (base64, hex of its bytes, reversed…) is anywhere in the properties, the
 * tabs or the outbox. A holder removed from "Cán bộ", or given another role or body, loses their
 * links for good: adding the same address back does not revive them (issue 16.6).
 */
import { createHash } from 'node:crypto';
import { formAnswers, runHourly, setUpWard, type Ward, addStaff } from '../support/ward';

const UBND = 'ubnd@luukiem.example';
const VIEWER = 'danguy@luukiem.example';
type View = { code: string; row: number; version: number };
const STAFF = 'Cán bộ';

const act = (w: Ward, code: string, input: Record<string, unknown>) => {
  const v = w.app.call('getCase', code) as View;
  return (w.app.call('caseAction', v.code, v.row, v.version, input) as { view: View }).view;
};

/** The property a link is recorded under: the add-on's prefix "hts.", then "portal." and the token's SHA-256 (a stored name: wards hold it). */
const RECORD = 'hts.portal.';
const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

function ward(): Ward {
  const w = setUpWard();
  addStaff(w, [
    [UBND, 'Xử lý', 'UBND phường'],
    [VIEWER, 'Xem', ''],
  ]);
  runHourly(w);
  return w;
}

function tokensMailedTo(w: Ward, to: string): string[] {
  return w.ws.mail.outbox().filter((m) => m.to[0] === to).flatMap((m) => [...m.body.matchAll(/\?p=([0-9a-f]{64})/g)].map((x) => x[1]));
}

function portalProperties(w: Ward): Record<string, string> {
  const all = (w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties();
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith(RECORD)));
}

/** Every readable form of a token someone could turn back into it. */
function forms(token: string): string[] {
  const bytes = Buffer.from(token, 'hex');
  return [token, token.toUpperCase(), Buffer.from(token).toString('base64'), bytes.toString('base64'), bytes.toString('base64url'), [...token].reverse().join(''), token.slice(0, 32), token.slice(32)];
}

describe('personal link tokens are stored as their SHA-256 only', () => {
  it('the link mailed with an assignment and the one an admin sends: one record each, under "hts.portal." + sha256(token)', () => {
    const w = ward();
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn ngõ 3 hỏng' }));
    let v = w.app.call('getCase', 'GY-2026-00001') as View;
    v = (w.app.call('caseAction', v.code, v.row, v.version, { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' }) as { view: View }).view;
    w.app.call('caseAction', v.code, v.row, v.version, { action: 'assign', body: 'UBND phường', assignee: UBND });
    w.app.call('sendPortalLink', VIEWER);
    runHourly(w);

    const tokens = [...tokensMailedTo(w, UBND), ...tokensMailedTo(w, VIEWER)];
    expect(tokens).toHaveLength(2);
    const records = portalProperties(w);
    expect(Object.keys(records).sort()).toEqual(tokens.map((t) => `${RECORD}${sha256Hex(t)}`).sort());
    expect(JSON.parse(records[`${RECORD}${sha256Hex(tokens[0])}`])).toMatchObject({ email: UBND, body: 'UBND phường', role: 'handler' });
    expect(JSON.parse(records[`${RECORD}${sha256Hex(tokens[1])}`])).toMatchObject({ email: VIEWER, role: 'viewer' });
    // And the mailed token is the one the web app accepts.
    expect(w.app.call('getPortal', tokens[0])).toMatchObject({ email: UBND });
  });

  it('no readable form of a token is kept anywhere: properties, tabs, the queued mail', () => {
    const w = ward();
    w.app.call('sendPortalLink', VIEWER);
    // Before the send: the queued mail holds a placeholder, not the token.
    const queued = JSON.stringify(w.ws.snapshot());
    runHourly(w);
    const [token] = tokensMailedTo(w, VIEWER);
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const props = JSON.stringify((w.ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getDocumentProperties()!.getProperties());
    const tabs = JSON.stringify(w.ws.spreadsheets.view(w.ssId).sheets.map((s) => s.displayValues));
    for (const form of forms(token)) {
      expect([form, props.includes(form)]).toEqual([form, false]);
      expect([form, tabs.includes(form)]).toEqual([form, false]);
      expect([form, queued.includes(form)]).toEqual([form, false]);
    }
    expect(props).toContain(sha256Hex(token));
  });
});

describe('a personal link, once its holder leaves "Cán bộ" or changes role or body', () => {
  const HANDLER_ROW = [UBND, 'Xử lý', 'UBND phường'];

  function linked(): { w: Ward; token: string } {
    const w = setUpWard();
    w.SpreadsheetApp.getActive().getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]);
    runHourly(w);
    w.ws.forms.submit(w.formId, formAnswers({ content: 'Đèn hỏng' }));
    act(w, 'GY-2026-00001', { action: 'classify', category: 'Hạ tầng, giao thông', complexity: 'normal' });
    act(w, 'GY-2026-00001', { action: 'assign', body: 'UBND phường', assignee: UBND });
    runHourly(w);
    const token = /\?p=([0-9a-f]{64})/.exec(w.ws.mail.outbox().find((m) => m.to[0] === UBND)!.body)![1];
    expect((w.app.call('getPortal', token) as { email: string }).email).toBe(UBND);
    return { w, token };
  }
  const refused = (w: Ward, token: string) => expect(() => w.app.call('getPortal', token)).toThrow('Liên kết không hợp lệ');
  const staffRange = { sheet: STAFF, row: 3, column: 1, numColumns: 3 };

  it('stays dead when the row is cleared and typed back by hand with no call in between', () => {
    const { w, token } = linked();
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).clearContent(), { range: staffRange });
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]), { range: staffRange });
    refused(w, token);
    runHourly(w);
    refused(w, token);
  });

  it('stays dead when the row is deleted by hand and added back with no call in between', () => {
    const { w, token } = linked();
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.deleteRow(3), { changeType: 'REMOVE_ROW' });
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]), { range: staffRange });
    refused(w, token);
  });

  it('stays dead when the edit trigger could not read the tab: the next call, which reads it, revokes', () => {
    const { w, token } = linked();
    w.ws.faults.inject('SpreadsheetApp', 'Range.getValues', 1); // inside onEdit: it can only mark the list stale
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).clearContent(), { range: staffRange });
    refused(w, token); // this call reads the tab again
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]), { range: staffRange });
    refused(w, token);
  });

  it('stays dead when the role is changed by hand and changed back', () => {
    const { w, token } = linked();
    const role = { sheet: STAFF, row: 3, column: 2 };
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 2).setValue('Xem'), { range: role, value: 'Xem' });
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 2).setValue('Xử lý'), { range: role, value: 'Xử lý' });
    refused(w, token);
  });

  it('stays dead when removed and added back between two hourly runs (no edit trigger saw it)', () => {
    const { w, token } = linked();
    const sheet = w.SpreadsheetApp.getActive().getSheetByName(STAFF)!;
    sheet.getRange(3, 1, 1, 3).clearContent();
    runHourly(w);
    sheet.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]);
    runHourly(w);
    refused(w, token);
  });

  it('stays dead when the body is changed and changed back between two hourly runs', () => {
    const { w, token } = linked();
    const sheet = w.SpreadsheetApp.getActive().getSheetByName(STAFF)!;
    sheet.getRange(3, 3).setValue('Công an phường');
    runHourly(w);
    sheet.getRange(3, 3).setValue('UBND phường');
    runHourly(w);
    refused(w, token);
  });

  it('stays dead when removed and added back around a run of "Thiết lập hòm thư"', () => {
    const { w, token } = linked();
    const sheet = w.SpreadsheetApp.getActive().getSheetByName(STAFF)!;
    sheet.getRange(3, 1, 1, 3).clearContent();
    w.app.call('setupMailbox');
    sheet.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]);
    w.app.call('setupMailbox');
    refused(w, token);
  });

  it('a person added back gets a new link that works; a colleague keeps theirs', () => {
    const { w, token } = linked();
    const DEPUTY = 'pho.chutich@luukiem.example';
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(4, 1, 1, 3).setValues([[DEPUTY, 'Xử lý', 'UBND phường']]), { range: { sheet: STAFF, row: 4, column: 1, numColumns: 3 } });
    w.app.call('sendPortalLink', DEPUTY);
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).clearContent(), { range: staffRange });
    w.ws.handEdit((ss) => ss.getSheetByName(STAFF)!.getRange(3, 1, 1, 3).setValues([HANDLER_ROW]), { range: staffRange });
    w.app.call('sendPortalLink', UBND);
    runHourly(w);
    refused(w, token);
    const tokenOf = (to: string) => /\?p=([0-9a-f]{64})/.exec([...w.ws.mail.outbox()].reverse().find((m) => m.to[0] === to)!.body)![1];
    expect(tokenOf(UBND)).not.toBe(token);
    expect((w.app.call('getPortal', tokenOf(UBND)) as { email: string }).email).toBe(UBND);
    expect((w.app.call('getPortal', tokenOf(DEPUTY)) as { email: string }).email).toBe(DEPUTY);
  });
});
