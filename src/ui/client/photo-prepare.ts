/**
 * The web form's photos, prepared on the phone: each chosen file is checked (domain/photo-intake:
 * count, size, an image's first bytes, the type it claims, nothing foreign inside) and refused in
 * Vietnamese before anything is sent; a good one is decoded (turned upright by its EXIF
 * orientation), drawn to a canvas at most 1600 px on its long side and re-encoded as JPEG, which
 * keeps only pixels — the GPS position and everything else in EXIF are not sent.
 * google.script.run does not carry file inputs under V8, so the page sends base64 strings.
 * (./photos shows a case's stored photos; this file prepares new ones.)
 */
import { checkPhotoFile, fittedSize, JPEG_QUALITY, MAX_PHOTOS, MAX_RAW_BYTES } from '../../domain/photo-intake';
import { WEB_FORM as W } from '../../i18n/web-form';

export interface PreparedPhoto {
  name: string;
  mimeType: 'image/jpeg';
  base64: string;
  /** A data: URL for the preview. */
  preview: string;
}

async function decode(file: Blob): Promise<CanvasImageSource & { width: number; height: number }> {
  if (typeof createImageBitmap === 'function') {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      // Some older browsers refuse the options: an <img> below (browsers now apply EXIF orientation to it).
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('decode'));
      img.src = url;
    });
    return Object.assign(img, { width: img.naturalWidth, height: img.naturalHeight });
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file as a re-encoded JPEG, or a Vietnamese refusal. */
export async function preparePhoto(file: File, already: number): Promise<PreparedPhoto | string> {
  const max = { photos: MAX_PHOTOS, mb: MAX_RAW_BYTES / 1024 / 1024 };
  // The count and size first: a 4th photo or a 200 MB file is never read.
  if (already >= MAX_PHOTOS) return W.refused(file.name, 'count', max);
  if (file.size > MAX_RAW_BYTES) return W.refused(file.name, 'size', max);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const refusal = checkPhotoFile(already, file.type, file.size, bytes);
  if (refusal) return W.refused(file.name, refusal, max);
  let picture: Awaited<ReturnType<typeof decode>>;
  try {
    picture = await decode(new Blob([bytes], { type: file.type || 'application/octet-stream' }));
  } catch {
    return W.undecodable(file.name);
  }
  const size = fittedSize(picture.width, picture.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const g = canvas.getContext('2d');
  if (!g) return W.undecodable(file.name);
  // JPEG has no transparency: a PNG's transparent parts become white, not black.
  g.fillStyle = '#fff';
  g.fillRect(0, 0, size.width, size.height);
  g.drawImage(picture, 0, 0, size.width, size.height);
  if ('close' in picture && typeof picture.close === 'function') picture.close();
  const dataUrl = canvas.toDataURL('image/jpeg', JPEG_QUALITY);
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const name = `${file.name.replace(/\.[^.]*$/, '').slice(0, 80) || 'anh'}.jpg`;
  return { name, mimeType: 'image/jpeg', base64, preview: dataUrl };
}
