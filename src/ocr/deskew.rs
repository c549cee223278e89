//! Straightening a page laid crooked on the scanner before Tesseract reads it.
//!
//! Measured (docs/benchmarks.md, `tests/it/ocr.rs`): Tesseract 5.3 read a page of tightly set
//! lines turned 3° one way perfectly and, turned 3° the other way, dropped every line after
//! the second (58% of the characters lost), at 200 and at 300 dpi alike. Its own layout
//! analysis does not rotate the page, so the stage does: the skew is estimated from the ink
//! by a projection profile (the angle at which the rows of ink are sharpest, searched within
//! ±[`MAX_DEGREES`]), and a page turned by [`MIN_DEGREES`] or more is rotated back before
//! recognition. The estimate works on a copy at most [`PROFILE_WIDTH`] pixels wide, so its cost
//! does not grow with the resolution; the rotation holds a second copy of the page (at most
//! `MAX_PIXELS` bytes, the same bound as the picture itself).

/// A grey picture, one byte a pixel, rows top to bottom.
#[derive(Debug, Clone)]
pub struct Gray {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Skews past this are not looked for: a page turned further is a page turned on purpose
/// (a landscape table), which Tesseract's own orientation handling is for.
pub const MAX_DEGREES: f64 = 5.0;

/// Smaller skews are left to Tesseract, which reads them well; resampling would only blur.
pub const MIN_DEGREES: f64 = 0.3;

/// The width of the copy the skew is estimated on.
const PROFILE_WIDTH: u32 = 800;

/// A grey level darker than this is ink.
const INK: u8 = 128;

/// Reads a binary PGM (`P5`, 8-bit), as `pdftoppm -gray` writes it; `None` for anything else.
pub fn read_pgm(bytes: &[u8]) -> Option<Gray> {
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) == Some(&b'#') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if start == i {
            return None;
        }
        fields.push(std::str::from_utf8(&bytes[start..i]).ok()?);
    }
    if fields[0] != "P5" || fields[3] != "255" {
        return None;
    }
    let width: u32 = fields[1].parse().ok()?;
    let height: u32 = fields[2].parse().ok()?;
    let pixels = bytes.get(i + 1..)?;
    let size = (width as usize).checked_mul(height as usize)?;
    (pixels.len() >= size).then(|| Gray {
        width,
        height,
        pixels: pixels[..size].to_vec(),
    })
}

/// The picture as a binary PGM, which Tesseract reads.
pub fn write_pgm(g: &Gray) -> Vec<u8> {
    let mut out = format!("P5\n{} {}\n255\n", g.width, g.height).into_bytes();
    out.extend_from_slice(&g.pixels);
    out
}

/// The picture turned by `degrees` about its centre (bilinear, white outside); positive turns
/// the page's lines down to the right.
pub fn rotate(g: &Gray, degrees: f64) -> Gray {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (f64::from(g.width) / 2.0, f64::from(g.height) / 2.0);
    let (w, h) = (i64::from(g.width), i64::from(g.height));
    let at = |x: i64, y: i64| -> f64 {
        if x < 0 || y < 0 || x >= w || y >= h {
            255.0
        } else {
            f64::from(g.pixels[(y * w + x) as usize])
        }
    };
    let mut pixels = vec![255u8; g.pixels.len()];
    for y in 0..h {
        for x in 0..w {
            let (dx, dy) = (x as f64 - cx, y as f64 - cy);
            let sx = cos * dx + sin * dy + cx;
            let sy = -sin * dx + cos * dy + cy;
            let (x0, y0) = (sx.floor(), sy.floor());
            let (fx, fy) = (sx - x0, sy - y0);
            let (x0, y0) = (x0 as i64, y0 as i64);
            let v = at(x0, y0) * (1.0 - fx) * (1.0 - fy)
                + at(x0 + 1, y0) * fx * (1.0 - fy)
                + at(x0, y0 + 1) * (1.0 - fx) * fy
                + at(x0 + 1, y0 + 1) * fx * fy;
            pixels[(y * w + x) as usize] = v.round().clamp(0.0, 255.0) as u8;
        }
    }
    Gray {
        pixels,
        ..g.clone()
    }
}

/// The ink of a copy at most `PROFILE_WIDTH` wide, as points relative to its centre.
fn ink_points(g: &Gray) -> Vec<(f64, f64)> {
    let step = g.width.div_ceil(PROFILE_WIDTH).max(1) as usize;
    let (w, h) = (g.width as usize, g.height as usize);
    let (cx, cy) = ((w / step) as f64 / 2.0, (h / step) as f64 / 2.0);
    let mut points = Vec::new();
    for by in 0..h / step {
        for bx in 0..w / step {
            // A block is ink when its darkest pixel is: thin strokes survive the reduction.
            let darkest = (0..step)
                .flat_map(|dy| {
                    let row = (by * step + dy) * w + bx * step;
                    g.pixels[row..row + step].iter().copied()
                })
                .min()
                .unwrap_or(255);
            if darkest < INK {
                points.push((bx as f64 - cx, by as f64 - cy));
            }
        }
    }
    points
}

/// How sharp the rows of ink are when the page is read turned back by `degrees`: the sum of
/// the squared differences between neighbouring row counts, largest when the lines of text
/// lie along rows and their edges are crisp (the squares of the counts alone hardly change
/// within a few tenths of a degree, since a thick line's middle rows stay full). A point between
/// two rows counts in both by its distance, so the measure changes smoothly with the angle
/// and a twentieth of a degree is told apart.
fn sharpness(points: &[(f64, f64)], reach: f64, degrees: f64) -> f64 {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let mut rows = vec![0f64; 2 * reach.ceil() as usize + 3];
    for &(x, y) in points {
        let at = -sin * x + cos * y + reach + 1.0;
        let row = at.floor();
        let part = at - row;
        rows[row as usize] += 1.0 - part;
        rows[row as usize + 1] += part;
    }
    rows.windows(2).map(|w| (w[1] - w[0]).powi(2)).sum()
}

/// The page's skew in degrees (as [`rotate`] would have made it), or `None` when there is too
/// little ink to tell: a coarse search in half degrees, then a fine one in twentieths. It is
/// right to within about a fifth of a degree (tested), well inside what Tesseract reads.
pub fn skew_angle(g: &Gray) -> Option<f64> {
    let points = ink_points(g);
    if points.len() < 200 {
        return None;
    }
    // No point lies farther from the centre than this, at any angle.
    let reach = points
        .iter()
        .map(|&(x, y)| (x * x + y * y).sqrt())
        .fold(0.0, f64::max);
    let best = |candidates: &mut dyn Iterator<Item = f64>| -> f64 {
        candidates
            .map(|a| (a, sharpness(&points, reach, a)))
            .fold((0.0, f64::MIN), |b, c| if c.1 > b.1 { c } else { b })
            .0
    };
    let steps = (MAX_DEGREES * 2.0) as i32;
    let coarse = best(&mut (-steps..=steps).map(|i| f64::from(i) * 0.5));
    let fine = best(&mut (-10..=10).map(|i| coarse + f64::from(i) * 0.05));
    Some(fine)
}

/// The page turned straight and the angle it was turned by, or `None` when it is straight
/// enough (or holds too little ink to tell).
pub fn straighten(g: &Gray) -> Option<(Gray, f64)> {
    let angle = skew_angle(g)?;
    (angle.abs() >= MIN_DEGREES && angle.abs() <= MAX_DEGREES).then(|| (rotate(g, -angle), angle))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of ruled "lines of text": dashes of ink in rows, as words are.
    fn page() -> Gray {
        let (width, height) = (1200u32, 1500u32);
        let mut pixels = vec![255u8; (width * height) as usize];
        for line in 0..30 {
            let y0 = 150 + line * 40;
            for y in y0..y0 + 14 {
                for x in 150..1050 {
                    if (x / 37) % 5 != 4 {
                        pixels[(y * width + x) as usize] = 20;
                    }
                }
            }
        }
        Gray {
            width,
            height,
            pixels,
        }
    }

    #[test]
    fn a_page_turned_either_way_is_measured_within_a_fifth_of_a_degree() {
        let straight = page();
        let level = skew_angle(&straight).unwrap();
        assert!(level.abs() <= 0.15, "{level}");
        assert!(
            straighten(&straight).is_none(),
            "a straight page is left alone"
        );
        for degrees in [3.0, -3.0, 1.5, -0.8] {
            let turned = rotate(&straight, degrees);
            let found = skew_angle(&turned).unwrap();
            assert!(
                (found - degrees).abs() <= 0.2,
                "turned {degrees}°, measured {found}°"
            );
            let (back, angle) = straighten(&turned).unwrap();
            assert_eq!(angle, found);
            assert!(skew_angle(&back).unwrap().abs() < MIN_DEGREES);
        }
    }

    #[test]
    fn a_blank_page_has_no_skew_and_a_pgm_round_trips() {
        let blank = Gray {
            width: 50,
            height: 40,
            pixels: vec![255; 2000],
        };
        assert!(skew_angle(&blank).is_none());
        let g = page();
        let back = read_pgm(&write_pgm(&g)).unwrap();
        assert_eq!((back.width, back.height), (g.width, g.height));
        assert_eq!(back.pixels, g.pixels);
        assert!(
            read_pgm(b"P5\n# by hand\n3 1\n255\n\x00\x80").is_none(),
            "short"
        );
        assert!(read_pgm(b"P6\n1 1\n255\n\x00\x00\x00").is_none());
    }
}
