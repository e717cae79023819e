/**
 * The transfer slip and the reply letter as template documents: the administrative layout of
 * Decree 30/2020/NĐ-CP (domain/report/administrative — the same letterhead, place and date,
 * "Nơi nhận" and signature block as the report), with {{fields}} that each printing fills from the
 * case and the settings (services/documents/paper-trail.ts). Setup writes each once as a Doc the
 * admin may edit.
 */
import { PAPER } from '../i18n/documents';
import { letterhead, signedEnd } from './report/administrative';
import { A4_ADMINISTRATIVE, p, type DocumentSpec } from './report/blocks';

export type CasePaperKind = 'slip' | 'letter';

/**
 * Raised whenever the templates' layout changes: setup then makes new template Docs (the old ones
 * stay in Drive, untouched), since a clerk must be able to sign what the add-on prints unchanged.
 */
export const CASE_PAPER_LAYOUT = 2;

export function casePaperTemplate(kind: CasePaperKind): DocumentSpec {
  const slip = kind === 'slip';
  const body: readonly string[] = slip ? PAPER.transferSlipBody : PAPER.letterBody;
  return {
    name: slip ? PAPER.transferSlipTemplateName : PAPER.letterTemplateName,
    page: A4_ADMINISTRATIVE,
    font: { family: 'Times New Roman', size: 13 },
    blocks: [
      letterhead({ parentBody: PAPER.parentBody, localBody: PAPER.localBody, organ: PAPER.organ, number: PAPER.number, placeAndDate: PAPER.placeAndDate }),
      p(slip ? PAPER.transferSlipTitle : PAPER.letterTitle, { heading: 'title', bold: true, align: 'center', size: 14 }),
      ...body.slice(0, -1).map((line) => p(line, { align: 'justify' })),
      ...signedEnd(p(body[body.length - 1], { align: 'justify' }), { recipients: PAPER.recipients, signFor: PAPER.signFor, signTitle: PAPER.signTitle, signer: PAPER.signer }),
    ],
  };
}
