/**
 * One form of address for each audience (issue 18, item 13): residents are "ông/bà" (i18n/address
 * RESIDENT), staff — MTTQ officials, handling bodies' members, viewers — are "đồng chí"
 * (STAFF_ADDRESS). "bạn" was said to staff in the sidebar while their e-mails said "đồng chí": no
 * text users read may say "bạn" any more. Read from the sources (comments stripped), so a sentence
 * built by a function is checked as written; the only "bạn" left are the titles older forms had,
 * which setup must still recognise to rename them (FORMER_FORM_TITLES).
 */
import fs from 'node:fs';
import path from 'node:path';
import { FORMER_FORM_TITLES } from '../../src/i18n/vi';
import { STAFF_ADDRESS } from '../../src/i18n/address';
import { ACCESS, SIDEBAR } from '../../src/i18n/vi';
import { LIFECYCLE } from '../../src/i18n/cases';
import { PORTAL } from '../../src/i18n/public';
import { ROOT } from '../support/ward';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.(ts|html)$/.test(d.name) ? [p] : [];
  });
}

/** The code without its comments (block, line and HTML comments). */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('staff are addressed as "đồng chí" everywhere', () => {
  it('no text in src/ says "bạn", but the former form titles kept to recognise older forms', () => {
    const former = Object.values(FORMER_FORM_TITLES).flat();
    const found: string[] = [];
    for (const file of sources(path.join(ROOT, 'src'))) {
      let text = withoutComments(fs.readFileSync(file, 'utf8'));
      for (const t of former) text = text.split(t).join('');
      for (const line of text.split('\n')) if (/(^|[^\p{L}])bạn($|[^\p{L}])/iu.test(line)) found.push(`${path.relative(ROOT, file)}: ${line.trim()}`);
    }
    expect(found).toEqual([]);
  });

  it('the sidebar\'s refusals and the personal-link e-mail use the same word', () => {
    expect(STAFF_ADDRESS).toEqual({ inSentence: 'đồng chí', sentenceStart: 'Đồng chí' });
    expect(ACCESS.notStaff).toContain('Tài khoản của đồng chí');
    expect(ACCESS.deniedAction('Ghi chú nội bộ')).toBe('Vai trò của đồng chí không được "Ghi chú nội bộ".');
    expect(SIDEBAR.readOnly).toBe('Vai trò của đồng chí chỉ được xem.');
    expect(LIFECYCLE.noRightOnCase).toBe('Đồng chí không có quyền với ý kiến này.');
    expect(PORTAL.mailBody({ committee: 'Ủy ban', url: 'u', days: 30, role: 'Xử lý', reads: false })).toContain('Kính gửi đồng chí,');
  });
});
