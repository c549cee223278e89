//! Reading order from glyph positions: rows, segments, line numbers and columns.
//!
//! Words on one baseline form a row; a row splits into segments wherever the horizontal gap
//! is wider than a couple of em, which separates the columns of a two-column page and the
//! line numbers of pleading paper from the text beside them. A column gutter is a vertical
//! strip in the middle of the page that no segment crosses while at least three rows have text
//! on both sides of it; segments that do cross it (titles, full-width paragraphs) cut the page
//! into bands, and each band is read left column first.

use super::collect::{PageWords, Word};

/// One line of text in reading order.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    /// The left and right edges of the column (or band) the line sits in.
    pub col: (f32, f32),
    /// The line starts a new column or band, so it cannot continue the previous paragraph.
    pub block_start: bool,
    /// Which part of a two-column page the line is in: 0 across the page (or a page without
    /// columns), 1 the left column, 2 the right one.
    pub side: u8,
    /// The index of the baseline row the segment came from.
    row: usize,
}

/// Lays one page out into lines in reading order, without pleading-paper line numbers.
pub(super) fn lines(page: &PageWords) -> Vec<Line> {
    let mut rows = rows(&page.words);
    strip_line_numbers(&mut rows, page.width);
    let mut segments = Vec::new();
    for row in &mut rows {
        split_row(row, &mut segments);
    }
    order(segments, page.width)
}

/// Groups words into baseline rows, top to bottom, each sorted left to right.
fn rows(words: &[Word]) -> Vec<Vec<&Word>> {
    let mut sorted: Vec<&Word> = words.iter().collect();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut out: Vec<Vec<&Word>> = Vec::new();
    for w in sorted {
        match out.last_mut() {
            Some(row) if (row[0].y - w.y).abs() <= 0.4 * row[0].size.max(w.size) => row.push(w),
            _ => out.push(vec![w]),
        }
    }
    for row in &mut out {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    out
}

/// Cuts a sorted row into segments at wide gaps.
fn split_row(row: &mut Vec<&Word>, out: &mut Vec<Line>) {
    let index = out.last().map_or(0, |l: &Line| l.row + 1);
    let mut current: Option<Line> = None;
    for w in row.drain(..) {
        if let Some(line) = &mut current {
            let gap = w.x0 - line.x1;
            if gap < 2.0 * line.size.max(w.size) {
                // Glyphs drawn twice (fake bold) or overlapping runs must not add spaces.
                if gap > 0.1 * w.size {
                    line.text.push(' ');
                }
                line.text.push_str(&w.text);
                line.x1 = line.x1.max(w.x1);
                line.size = line.size.max(w.size);
                continue;
            }
            out.push(current.take().expect("the segment was just matched"));
        }
        current = Some(Line {
            text: w.text.clone(),
            x0: w.x0,
            x1: w.x1,
            y: w.y,
            size: w.size,
            col: (0.0, 0.0),
            block_start: false,
            side: 0,
            row: index,
        });
    }
    out.extend(current);
}

/// Removes pleading-paper line numbers: a small integer at the start of a row in the left
/// fifth of the page, set apart from the text after it, on at least five rows whose numbers
/// mostly count upwards down the page. Word level, because the numbers sit close enough to
/// the text to share its segment.
fn strip_line_numbers(rows: &mut [Vec<&Word>], width: f32) {
    let is_candidate = |row: &[&Word]| {
        let first = row[0];
        let apart = row
            .get(1)
            .is_none_or(|next| next.x0 - first.x1 > 0.8 * first.size);
        apart
            && first.x1 < width * 0.2
            && first.text.len() <= 2
            && first.text.bytes().all(|b| b.is_ascii_digit())
    };
    let numbers: Vec<u32> = rows
        .iter()
        .filter(|r| is_candidate(r))
        .filter_map(|r| r[0].text.parse().ok())
        .collect();
    let increasing = numbers.windows(2).filter(|w| w[1] > w[0]).count();
    if numbers.len() >= 5 && increasing + 1 >= numbers.len() * 4 / 5 {
        for row in rows.iter_mut() {
            if is_candidate(row) {
                row.remove(0);
            }
        }
    }
}

/// Finds a column gutter and returns the segments in reading order.
fn order(mut segs: Vec<Line>, width: f32) -> Vec<Line> {
    segs.retain(|s| !s.text.is_empty());
    let (left, right) = segs
        .iter()
        .fold((f32::MAX, f32::MIN), |(l, r), s| (l.min(s.x0), r.max(s.x1)));
    let Some(gutter) = gutter(&segs, width) else {
        // Segments already come top to bottom, left to right.
        for s in &mut segs {
            s.col = (left, right);
        }
        if let Some(first) = segs.first_mut() {
            first.block_start = true;
        }
        return segs;
    };
    let mut out = Vec::with_capacity(segs.len());
    let mut band_left = Vec::new();
    let mut band_right = Vec::new();
    for s in segs {
        if s.x0 < gutter && s.x1 > gutter {
            flush_band(&mut band_left, &mut band_right, &mut out);
            let mut s = s;
            s.col = (left, right);
            s.block_start = true;
            out.push(s);
        } else if s.x1 <= gutter {
            band_left.push(s);
        } else {
            band_right.push(s);
        }
    }
    flush_band(&mut band_left, &mut band_right, &mut out);
    out
}

fn flush_band(l: &mut Vec<Line>, r: &mut Vec<Line>, out: &mut Vec<Line>) {
    for (number, side) in [(1, l), (2, r)] {
        // A column's edges are those of its own text, so that its short lines stand out.
        let edges = side
            .iter()
            .fold((f32::MAX, f32::MIN), |(a, b), s| (a.min(s.x0), b.max(s.x1)));
        for (i, mut s) in side.drain(..).enumerate() {
            s.col = edges;
            s.block_start = i == 0;
            s.side = number;
            out.push(s);
        }
    }
}

/// A vertical strip in the middle 40% of the page that lies in the gap between two segments
/// of at least three rows and that fewer segments cross than it splits. Counting gaps rather
/// than just empty space keeps a title that starts right of the left column's text from
/// pulling the gutter into the left column's ragged edge.
fn gutter(segs: &[Line], width: f32) -> Option<f32> {
    if segs.len() < 6 || width <= 0.0 {
        return None;
    }
    const BUCKETS: usize = 200;
    let bucket = width / BUCKETS as f32;
    let at = |x: f32| ((x / bucket).max(0.0) as usize).min(BUCKETS);
    let mut cover = vec![0u32; BUCKETS + 1];
    let mut gaps = vec![0u32; BUCKETS + 1];
    for (i, s) in segs.iter().enumerate() {
        for c in &mut cover[at(s.x0)..=at(s.x1)] {
            *c += 1;
        }
        // Segments come row by row and left to right, so a row's gaps lie between neighbours.
        if let Some(next) = segs.get(i + 1).filter(|n| n.row == s.row && n.x0 > s.x1) {
            let (a, b) = (at(s.x1) + 1, at(next.x0));
            if a < b {
                for g in &mut gaps[a..b] {
                    *g += 1;
                }
            }
        }
    }
    let (lo, hi) = (BUCKETS * 3 / 10, BUCKETS * 7 / 10);
    let best = (lo..=hi).max_by_key(|&i| {
        (
            gaps[i],
            std::cmp::Reverse((i as i64 - BUCKETS as i64 / 2).unsigned_abs()),
        )
    })?;
    if gaps[best] < 3 {
        return None;
    }
    // Centre the gutter in the run of buckets shared by as many gaps around the best one.
    let (mut a, mut b) = (best, best);
    while a > lo && gaps[a - 1] == gaps[best] {
        a -= 1;
    }
    while b < hi && gaps[b + 1] == gaps[best] {
        b += 1;
    }
    let middle = (a + b) / 2;
    // Full-width lines such as titles cross a real gutter, but far fewer of them than rows
    // it splits; a single-column page with a small table has it the other way round.
    if cover[middle] * 2 > gaps[middle] {
        return None;
    }
    Some(middle as f32 * bucket + bucket / 2.0)
}
