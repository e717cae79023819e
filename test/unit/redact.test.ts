/**
 * domain/redact: what an error message may carry into the errors tab and the logs. A service
 * error can quote a resident's phone number however they typed it, 08x numbers with separators
 * included; case codes and dates stay so staff can find the case.
 */
import { redactPersonalData } from '../../src/domain/redact';

describe('redactPersonalData', () => {
  it.each(['0812 - 345 - 678', '0812.345.678', '0812 345 678', '0812-345-678', '081 234 5678', '+84 812 345 678', '0812345678'])('hides the mobile number "%s"', (phone) => {
    const out = redactPersonalData(`Không gửi được tin tới ${phone}: số không hợp lệ`);
    expect(out).toBe('Không gửi được tin tới [số điện thoại]: số không hợp lệ');
  });

  it('keeps case codes and dates, hides e-mail addresses', () => {
    expect(redactPersonalData('GY-2026-00012 ngày 2026-11-24: lỗi gửi tới bao.tran@gmail.com, 0812.345.678')).toBe('GY-2026-00012 ngày 2026-11-24: lỗi gửi tới [email], [số điện thoại]');
  });
});

// From issue 7's bug catchers (item b).
describe('redaction of personal data from messages', () => {
  it.each([
    'Invalid number 0912345678 for the resident',
    'Invalid number +84912345678 for the resident',
    'Invalid number 0912 345 678 for the resident',
    'Invalid number 091.234.5678 for the resident',
    'Invalid number +84 912 345 678 for the resident',
    'Invalid number 024-3825-1234 for the resident',
    'Invalid email: dan.nguyen@gmail.com',
  ])('%s', (message) => {
    const out = redactPersonalData(message);
    expect(out).not.toMatch(/\d{3}/);
    expect(out).not.toContain('@');
    expect(out.startsWith('Invalid')).toBe(true);
  });
});
