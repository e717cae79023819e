/** A case record for domain tests: a new QR case with e-mail, every field set; tests override what matters. */
import { STATUS } from '../../src/domain/case';
import type { CaseRecord } from '../../src/domain/case-record';

export const CASE_NOW = new Date('2026-11-24T03:00:00Z');

export function caseRecord(patch: Partial<CaseRecord> = {}): CaseRecord {
  return {
    code: 'GY-2026-00001', receivedAt: new Date('2026-11-24T02:00:00Z'), channel: 'QR', group: 'Tổ dân phố 1', groupKnown: true, topic: '', suggestedCategory: 'Môi trường',
    category: '', content: 'Rác', contentNote: '', contentOriginal: '', location: '', confidential: false, hasEmail: true, hasPhone: false, status: STATUS.new, complexity: 'Thường',
    dueDate: new Date('2026-12-02T17:00:00Z'), bodyDueDate: '', assignedBody: '', assignee: '', answer: '', answerPublic: false, publicSummary: '', outcome: '', outcomeNote: '',
    answeredAt: '', answerSentAt: '', answerMethod: '', approvedBy: '', closedAt: '', linkedCases: '', hiddenFromPublic: false, history: '', index: '', responseKey: 'R2', version: 1, updatedAt: CASE_NOW,
    ...patch,
  };
}
