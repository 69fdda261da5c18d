import 'server-only';
import mammoth from 'mammoth';

// A Word file (.docx) as HTML, through mammoth: paragraphs, headings (Word's heading styles and its
// Title style), lists and tables; no styles, no images (their data is never read), no external files.
// The HTML then goes through the same cleaning and segmenting as an imported page (extract.server.ts).

/** Mammoth's default style map plus Word's Title style, which starts many articles. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

/**
 * A .docx is a zip: its parts unpacked may be at most this big in all. A Word article of 200,000
 * characters is a few megabytes of XML; a zip bomb is refused before anything is unpacked.
 */
const UNPACKED_MAX = 64 * 1024 * 1024;

/**
 * The unpacked size of a zip's entries as its central directory states it, or null when the bytes
 * are not a zip. (A directory that understates the sizes makes the unzipping fail instead.)
 */
function unpackedSize(zip: Buffer): number | null {
  // The end-of-central-directory record: the last 22 bytes, or further back before a comment.
  const from = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let at = zip.length - 22; at >= from; at--)
    if (zip.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) return null;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    total += zip.readUInt32LE(at + 24);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

/** The Word file's content as HTML, or null when it is not a readable .docx (damaged, encrypted, too big unpacked). */
export async function docxToHtml(file: Buffer): Promise<string | null> {
  const size = file.length >= 22 ? unpackedSize(file) : null;
  if (size === null || size > UNPACKED_MAX) return null;
  try {
    const { value } = await mammoth.convertToHtml(
      { buffer: file },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    return value;
  } catch {
    return null; // not a zip, no word/document.xml, malformed XML
  }
}
