/**
 * Vietnamese text compared the way people type it: with or without diacritics, in any case.
 * "ĐƯỜNG HỎNG", "đường hỏng" and "duong hong" all fold to "duong hong".
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * Folded text reduced to words separated by single spaces, with a space at each end, so a
 * phrase can be matched as whole words: " duong hong " is found in " con duong hong nang ".
 */
export function searchableWords(text: string): string {
  const words = foldDiacritics(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  return ` ${words.join(' ')} `;
}
