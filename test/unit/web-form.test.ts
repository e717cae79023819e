/**
 * The web form's pure parts: the answers checked as the Google Form checks them (and capped),
 * the photos checked before anything is sent, the ward's rate budget.
 */
import { answerProblems, ANSWER_MAX, choicesFor, QUESTIONS, renderedQuestions, type ResidentAnswers } from '../../src/domain/resident-form';
import { checkPhotoFile, fittedSize, foreignContent, hasExif, MAX_RAW_BYTES, sniffImage, uploadProblem } from '../../src/domain/photo-intake';
import { budgetAllows, spend, WEB_FORM_BUDGET } from '../../src/domain/rate-budget';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { FORM } from '../../src/i18n/vi';
import { gpsExifSegment, withGpsExif } from '../support/exif';

const lists = DEFAULT_SETTINGS;
const ok: ResidentAnswers = { group: 'Tổ dân phố 3', topic: '', content: 'Đèn đường hỏng', location: '', name: '', phone: '', email: '', confidential: false, place: FORM.placeGroup };

describe('the answers, checked as the Google Form checks them', () => {
  it('accepts a plain submission; refuses a missing group or content with Forms’ own words', () => {
    expect(answerProblems(ok, lists)).toEqual({});
    expect(answerProblems({ ...ok, group: '', content: '   ' }, lists)).toEqual({ group: FORM.required, content: FORM.required });
  });

  it('phone and e-mail: the Google Form’s messages, with their examples', () => {
    expect(answerProblems({ ...ok, phone: '12345', email: 'dan@@gmail' }, lists)).toEqual({ phone: FORM.phoneInvalid, email: FORM.emailInvalid });
    expect(answerProblems({ ...ok, phone: '0912 345 678', email: 'lan@gmail.com' }, lists)).toEqual({});
    expect(answerProblems({ ...ok, phone: '+84 912.345.678' }, lists)).toEqual({});
  });

  it('a choice must be one offered on the page; the server (lists = null) files a renamed group and lets the pipeline flag it', () => {
    expect(answerProblems({ ...ok, group: 'Tổ 99', topic: 'Không có' }, lists)).toEqual({ group: FORM.choiceInvalid, topic: FORM.choiceInvalid });
    expect(answerProblems({ ...ok, group: 'Tổ 99', topic: 'Không có' }, null)).toEqual({});
    expect(answerProblems({ ...ok, group: FORM.groupOther, topic: 'Môi trường' }, lists)).toEqual({});
  });

  it('caps every field: one character over is refused, never cut', () => {
    for (const key of ['group', 'topic', 'content', 'location', 'name', 'phone', 'email', 'place'] as const) {
      const problems = answerProblems({ ...ok, [key]: 'a'.repeat(ANSWER_MAX[key] + 1) }, null);
      expect([key, problems[key]]).toEqual([key, FORM.tooLong(ANSWER_MAX[key])]);
    }
    expect(answerProblems({ ...ok, content: 'x'.repeat(ANSWER_MAX.content) }, null)).toEqual({});
  });

  it('both forms read one list of questions: titles, help texts, types and choices', () => {
    const rendered = renderedQuestions(lists);
    expect(rendered.map((q) => q.title)).toEqual(QUESTIONS.map((q) => q.title));
    expect(rendered.find((q) => q.key === 'group')!.choices).toEqual([...lists.groups, FORM.groupOther]);
    expect(rendered.find((q) => q.key === 'phone')!.check).toMatchObject({ kind: 'phone', message: FORM.phoneInvalid });
    expect(choicesFor('place', lists)).toEqual([FORM.placeGroup, FORM.placeOffice, FORM.placeCentre]);
  });
});

/** A small real-shaped JPEG: SOI, a comment, SOS, EOI (enough for sniffing and segment walks). */
const tinyJpeg = Buffer.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x04, 0x41, 0x42, 0xff, 0xda, 0x00, 0x02, 0x11, 0x22, 0xff, 0xd9]);
const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(40)]);

describe('photos, checked on the phone before anything is sent', () => {
  it('knows an image by its first bytes', () => {
    expect(sniffImage(tinyJpeg)).toBe('jpeg');
    expect(sniffImage(png)).toBe('png');
    expect(sniffImage(Buffer.from('GIF89a....'))).toBe('gif');
    expect(sniffImage(Buffer.from('<!doctype html><p>x'))).toBeNull();
    expect(sniffImage(Buffer.from('PK\x03\x04zip', 'latin1'))).toBeNull();
  });

  it('refuses a 4th photo, an empty or too large file, a document, a type that lies, a polyglot', () => {
    expect(checkPhotoFile(3, 'image/jpeg', tinyJpeg.length, tinyJpeg)).toBe('count');
    expect(checkPhotoFile(0, 'image/jpeg', MAX_RAW_BYTES + 1, tinyJpeg)).toBe('size');
    expect(checkPhotoFile(0, 'image/jpeg', 0, Buffer.alloc(0))).toBe('empty');
    expect(checkPhotoFile(0, 'image/jpeg', 20, Buffer.from('<html><script>x</script>'))).toBe('notImage');
    expect(checkPhotoFile(0, 'image/jpeg', png.length, png)).toBe('typeMismatch');
    const polyglot = Buffer.concat([tinyJpeg, Buffer.from('<SCRIPT>alert(1)</SCRIPT>')]);
    expect(checkPhotoFile(0, 'image/jpeg', polyglot.length, polyglot)).toBe('foreign');
    const zipTail = Buffer.concat([tinyJpeg, Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18)]);
    expect(foreignContent(zipTail)).toBe('zip');
    expect(checkPhotoFile(1, 'image/jpeg', tinyJpeg.length, tinyJpeg)).toBeNull();
    // Some phones give no type: the bytes decide.
    expect(checkPhotoFile(0, '', png.length, png)).toBeNull();
  });

  it('a marker cut across two 64 KB chunks is still found', () => {
    const bytes = Buffer.concat([tinyJpeg, Buffer.alloc(65_536 - tinyJpeg.length - 3, 0x20), Buffer.from('<script>')]);
    expect(foreignContent(bytes)).toBe('<script');
  });

  it('draws at most 1600 px on the long side, never enlarges', () => {
    expect(fittedSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fittedSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fittedSize(800, 600)).toEqual({ width: 800, height: 600 });
  });

  it('finds the EXIF segment a phone writes (the browser test proves the upload has none)', () => {
    expect(hasExif(tinyJpeg)).toBe(false);
    const withGps = withGpsExif(tinyJpeg);
    expect(hasExif(withGps)).toBe(true);
    expect(gpsExifSegment(21, 105).includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(true);
  });

  it('the server takes only a JPEG of at most 2 MB with nothing foreign', () => {
    expect(uploadProblem(tinyJpeg)).toBeNull();
    expect(uploadProblem(png)).toBe('notImage');
    expect(uploadProblem(Buffer.concat([tinyJpeg, Buffer.from('<iframe src=x>')]))).toBe('foreign');
    expect(uploadProblem(Buffer.concat([tinyJpeg, Buffer.alloc(2 * 1024 * 1024)]))).toBe('size');
  });
});

describe('the ward’s rate budget', () => {
  const T = Date.parse('2026-11-24T02:00:00Z');
  it(`${WEB_FORM_BUDGET.max} filings in ${WEB_FORM_BUDGET.windowMs / 60_000} minutes, then busy until the oldest leaves the window`, () => {
    let stamps: number[] = [];
    for (let i = 0; i < WEB_FORM_BUDGET.max; i++) {
      expect(budgetAllows(stamps, T + i * 1000)).toBe(true);
      stamps = spend(stamps, T + i * 1000);
    }
    expect(budgetAllows(stamps, T + 60_000)).toBe(false);
    expect(budgetAllows(stamps, T + WEB_FORM_BUDGET.windowMs - 1)).toBe(false);
    expect(budgetAllows(stamps, T + WEB_FORM_BUDGET.windowMs)).toBe(true);
    expect(stamps.length).toBe(WEB_FORM_BUDGET.max);
  });

  it('ignores what it cannot read (a hand-edited or junk property) and stamps from the future', () => {
    expect(budgetAllows('x', T)).toBe(true);
    expect(budgetAllows(Array(100).fill(T + 3_600_000), T)).toBe(true);
    expect(spend([null, 'a', T - 1000], T)).toEqual([T - 1000, T]);
  });
});
