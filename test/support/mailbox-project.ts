/**
 * The official mailbox's project (build/mailbox) on a standalone workspace of its own — the
 * mailbox account's Gmail with a filter labelling incoming mail — and a stand-in for the ward's
 * web app that speaks the protocol (src/domain/mailbox-protocol.ts) strictly: it verifies each
 * signature, refuses replays, files each message id once ("duplicate" after), and asks for an
 * acknowledgement in the thread of every message it files, asking again in every answer until a
 * SentReport says it was sent.
 */
import crypto from 'node:crypto';
import { createWorkspace, type NetworkRequest, type NetworkResponse, type Workspace } from '../../emulator';
import { MAILBOX_MAX_AGE_MS, signedText, type MailboxAnswer, type MailboxMessage, type MailboxPoll, type MailboxReply, type SentReport, type SignedEnvelope } from '../../src/domain/mailbox-protocol';

export const MAILBOX_ACCOUNT = 'hopthu.mttq.luukiem@gmail.com';
export const OFFICIAL_ALIAS = 'mttq@luukiem.example.vn';
export const WARD_URL = 'https://script.google.com/macros/s/AKfycbTestWard/exec';
export const SECRET = 'bí-mật-chung-0123456789abcdef';
export const LABEL = 'Hòm thư số';

export interface TestWard {
  /** Every message filed (first time seen), in order. */
  filed: MailboxMessage[];
  /** Every poll that arrived with a valid signature. */
  polls: MailboxPoll[];
  /** Requests refused (bad signature, replay, old). */
  refused: string[];
  reports: SentReport[];
  /** What the next answers do instead of answering: a status, or a delay past the fetch timeout. */
  failNext: Array<{ status?: number; body?: string; delayMs?: number; afterFiling?: boolean }>;
  /** How long each answer takes (modelled), default 1 s. */
  answerMs: number;
  /** Message ids the ward fails to file once (verdict "failed": the mailbox must hand them again). */
  failOnce: Set<string>;
  /** Message ids the ward never manages to file. */
  failAlways: Set<string>;
  outstanding(): MailboxReply[];
}

export function testWard(): { ward: TestWard; handle: (r: NetworkRequest) => NetworkResponse } {
  const seen = new Set<string>();
  const nonces = new Map<string, number>();
  const replies = new Map<string, MailboxReply>();
  const sent = new Set<string>();
  const ward: TestWard = {
    filed: [],
    polls: [],
    refused: [],
    reports: [],
    failNext: [],
    answerMs: 1000,
    failOnce: new Set(),
    failAlways: new Set(),
    outstanding: () => [...replies.values()].filter((r) => !sent.has(r.id)),
  };
  const handle = (r: NetworkRequest): NetworkResponse => {
    const fail = ward.failNext.shift();
    const answer = (a: MailboxAnswer, status = 200): NetworkResponse => ({ status, body: JSON.stringify(a), headers: { 'Content-Type': 'application/json' }, answeredAt: r.sentAt + ward.answerMs });
    if (fail && !fail.afterFiling) return { status: fail.status ?? 200, body: fail.body ?? '', answeredAt: r.sentAt + (fail.delayMs ?? ward.answerMs) };
    const e = JSON.parse(r.body) as SignedEnvelope;
    const expected = crypto.createHmac('sha256', Buffer.from(SECRET, 'utf8')).update(signedText(e), 'utf8').digest('base64');
    if (e.sig !== expected) return ward.refused.push('signature'), answer({ ok: false, error: 'bad signature' });
    if (Math.abs(r.sentAt - e.t) > MAILBOX_MAX_AGE_MS) return ward.refused.push('old'), answer({ ok: false, error: 'too old' });
    if (nonces.has(e.nonce)) return ward.refused.push('replay'), answer({ ok: false, error: 'replay' });
    nonces.set(e.nonce, e.t);
    const poll = JSON.parse(e.body) as MailboxPoll;
    ward.polls.push(poll);
    for (const report of poll.sent) {
      ward.reports.push(report);
      if (report.ok) sent.add(report.id);
    }
    const filed = poll.messages.map((m) => {
      if (ward.failOnce.delete(m.messageId) || ward.failAlways.has(m.messageId)) return { messageId: m.messageId, verdict: 'failed' as const };
      if (seen.has(m.messageId)) return { messageId: m.messageId, verdict: 'duplicate' as const };
      seen.add(m.messageId);
      ward.filed.push(m);
      const code = `GY-${ward.filed.length}`;
      replies.set(`ack-${m.messageId}`, { id: `ack-${m.messageId}`, messageId: m.messageId, to: m.fromAddress, subject: `Re: ${m.subject}`, body: `Đã nhận ý kiến, mã ${code}.` });
      return { messageId: m.messageId, verdict: 'filed' as const, code };
    });
    if (fail?.afterFiling) return { status: fail.status ?? 200, body: fail.body ?? '', answeredAt: r.sentAt + (fail.delayMs ?? ward.answerMs) };
    return answer({ ok: true, filed, replies: ward.outstanding() });
  };
  return { ward, handle };
}

export interface MailboxSetup {
  ws: Workspace;
  ward: TestWard;
  relay(): { status: string; polls: number; handed: number; skipped: number; replied: number; failedReplies: number };
}

/** The mailbox project loaded under the mailbox account, its properties set, routed to a test ward. */
export function mailboxWithTestWard(options: { now?: string } = {}): MailboxSetup {
  const ws = createWorkspace({ user: MAILBOX_ACCOUNT, projectKind: 'standalone', projectName: 'Hòm thư số — hộp thư', now: options.now ?? '2026-12-01T01:00:00Z' });
  ws.gmail.setAliases([OFFICIAL_ALIAS]);
  ws.gmail.filter(LABEL);
  ws.load('build/mailbox');
  const props = (ws.globals.PropertiesService as GoogleAppsScript.Properties.PropertiesService).getScriptProperties();
  props.setProperties({ MAILBOX_WARD_URL: WARD_URL, MAILBOX_SECRET: SECRET, MAILBOX_FROM: OFFICIAL_ALIAS, MAILBOX_REPLY_NAME: 'Ban Thường trực UBMTTQ phường Lưu Kiếm' });
  const { ward, handle } = testWard();
  ws.network.route(WARD_URL, handle);
  return { ws, ward, relay: () => ws.app!.run('relayMail', [], { kind: 'trigger', label: 'relayMail' }) as ReturnType<MailboxSetup['relay']> };
}

/** A tiny JPEG's bytes (SOI … EOI), base64. */
export const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex').toString('base64');

/** Mail a resident sends to the official address. */
export function residentMail(ws: Workspace, n: number, extra: Partial<Parameters<Workspace['gmail']['deliver']>[0]> = {}) {
  return ws.gmail.deliver({
    from: `Cư dân ${n} <cudan${n}@example.com>`,
    to: OFFICIAL_ALIAS,
    subject: `Phản ánh số ${n}`,
    body: `Đường ngõ ${n} bị ngập.\n\n-- \nCư dân ${n}`,
    headers: { 'Return-Path': `<cudan${n}@example.com>` },
    ...extra,
  });
}

/** Replies the mailbox sent in the thread of `messageId`. */
export function sentIn(ws: Workspace, messageId: string) {
  return ws.gmail.thread(messageId)!.messages.filter((m) => m.sent);
}
