// A scanned page made from known text for the OCR scenario (ocr.mjs), with no tool but
// poppler's `pdftoppm`, which the setup script installs for the app's OCR anyway: a one-page
// PDF of Helvetica lines is written here, rendered to grey pixels, one word is smudged (faded
// and speckled, as a fax or a coffee ring leaves it) so that Tesseract is unsure of it, and the
// page is written as a PNG. Its true text is known, so the scenario knows what to find.

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

/** A PDF of one US Letter page with `lines` of 14 pt Helvetica from the top. */
function textPdf(lines) {
  const esc = (s) => s.replace(/[()\\]/g, (c) => `\\${c}`);
  const content = ["BT /F1 14 Tf 72 720 Td 20 TL", ...lines.map((l) => `(${esc(l)}) Tj T*`), "ET"].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** Reads a binary PGM (P5) as pdftoppm writes it. */
function readPgm(bytes) {
  const header = bytes.subarray(0, 64).toString("latin1").match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error("pdftoppm did not write a PGM");
  const [all, width, height] = header;
  return { width: Number(width), height: Number(height), pixels: bytes.subarray(all.length) };
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit grey PNG of the picture. */
function png({ width, height, pixels }) {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    pixels.copy(raw, y * (width + 1) + 1, y * width, (y + 1) * width);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The rows of each line of ink, top to bottom, as [first, last] pairs. */
function inkLines({ width, height, pixels }) {
  const lines = [];
  let start = -1;
  for (let y = 0; y < height; y++) {
    let ink = false;
    for (let x = 0; x < width && !ink; x++) ink = pixels[y * width + x] < 128;
    if (ink && start < 0) start = y;
    if (!ink && start >= 0) {
      lines.push([start, y - 1]);
      start = -1;
    }
  }
  return lines;
}

/** The columns of the first word of rows [top, bottom]: ink up to the first wide gap. */
function firstWord({ width, pixels }, [top, bottom]) {
  const inked = (x) => {
    for (let y = top; y <= bottom; y++) if (pixels[y * width + x] < 128) return true;
    return false;
  };
  let x = 0;
  while (x < width && !inked(x)) x++;
  const left = x;
  let gap = 0;
  for (; x < width && gap < 8; x++) gap = inked(x) ? 0 : gap + 1;
  return [left, x - gap];
}

/**
 * Writes `name.png` in `dir`: `lines` scanned at 150 dpi with the first word of the line at
 * `smudged` (an index into `lines`) faded and speckled. Returns its path.
 */
export function makeScan(dir, name, lines, smudged) {
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, textPdf(lines));
  execFileSync("pdftoppm", ["-r", "150", "-gray", "-singlefile", pdf, join(dir, name)]);
  const page = readPgm(readFileSync(join(dir, `${name}.pgm`)));
  const rows = inkLines(page)[smudged];
  const [left, right] = firstWord(page, rows);
  let seed = 7;
  for (let y = rows[0] - 2; y <= rows[1] + 2; y++) {
    for (let x = left - 2; x <= right + 2; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const i = y * page.width + x;
      const faded = 255 - (255 - page.pixels[i]) * 0.45;
      page.pixels[i] = seed % 5 === 0 ? 120 + (seed % 100) : faded;
    }
  }
  const path = join(dir, `${name}.png`);
  writeFileSync(path, png(page));
  return path;
}
