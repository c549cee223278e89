//! Which index segments to merge after a commit: segments are grouped in tiers by size, and a
//! tier that fills up is merged into one segment of the next tier.
//!
//! Every commit adds a segment, and every segment costs each search a little, so they must be
//! merged; but how they are merged decides what an import of a big archive costs. The first
//! rule merged every segment but the largest once there were more than eight: the merged
//! segment grew with each round and was read and written again every time, so the work was
//! quadratic in an import's commits, and a merge mapped nearly the whole index into memory
//! (issue 23: 24 GB written and a 3.2 GB peak for a 1M-document import). With tiers, each
//! `FACTOR` times the one below, a hit is merged about once per tier (logarithmically often),
//! and no merge makes a segment of more than `MAX_MERGED` hits, so what a merge maps stays
//! bounded (about 400 MB at 420 bytes per hit) however big the case grows. Segments of half
//! that or more are left as they are: a 1M-document case keeps ten or so of them, and segments
//! of similar size are what a search spread over both cores wants anyway.
//!
//! Sizes count hits, not documents: after extraction a document brings seven or eight hits
//! (its quotes and events) into the index.
//!
//! The plan is a pure function of the segments' sizes, so it is tested without an index.

/// Each tier holds segments up to this many times larger than the tier below; a tier holding
/// this many mergeable segments is merged.
pub const FACTOR: u64 = 8;

/// Segments under this many hits all count as the lowest tier.
const FLOOR: u64 = 1_000;

/// No merge makes a segment of more hits than this.
pub const MAX_MERGED: u64 = 1_000_000;

/// Segments of this many hits or more are never merged again.
const FROZEN: u64 = MAX_MERGED / 2;

/// The tier of a segment of `hits` hits: 0 below `FLOOR * FACTOR`, then one more for each
/// factor of `FACTOR`.
fn tier(hits: u64) -> u32 {
    let mut tier = 0;
    let mut bound = FLOOR * FACTOR;
    while hits >= bound {
        tier += 1;
        match bound.checked_mul(FACTOR) {
            Some(next) => bound = next,
            None => break,
        }
    }
    tier
}

/// The merges to run, as groups of indexes into `sizes` (each segment's hit count): in every
/// tier holding `FACTOR` or more mergeable segments, its smallest segments, as many as fit in
/// `MAX_MERGED` (at least two), are merged into one. Groups never share a segment. What a
/// merge makes is planned again at the next commit.
pub fn plan(sizes: &[u64]) -> Vec<Vec<usize>> {
    let mut by_tier: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
    for (i, &hits) in sizes.iter().enumerate() {
        if hits < FROZEN {
            by_tier.entry(tier(hits)).or_default().push(i);
        }
    }
    let mut groups = Vec::new();
    for mut tier in by_tier.into_values() {
        if (tier.len() as u64) < FACTOR {
            continue;
        }
        tier.sort_by_key(|&i| (sizes[i], i));
        let mut total = 0;
        let group: Vec<usize> = tier
            .into_iter()
            .take_while(|&i| {
                total += sizes[i];
                total <= MAX_MERGED
            })
            .collect();
        if group.len() >= 2 {
            let mut group = group;
            group.sort_unstable();
            groups.push(group);
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sizes: &[u64], expect: &[&[usize]]) {
        let got = plan(sizes);
        let expect: Vec<Vec<usize>> = expect.iter().map(|g| g.to_vec()).collect();
        assert_eq!(got, expect, "sizes {sizes:?}");
    }

    #[test]
    fn tiers_grow_by_the_factor() {
        assert_eq!(tier(0), 0);
        assert_eq!(tier(7_999), 0);
        assert_eq!(tier(8_000), 1);
        assert_eq!(tier(63_999), 1);
        assert_eq!(tier(64_000), 2);
        assert_eq!(tier(u64::MAX), 18);
    }

    #[test]
    fn a_tier_is_merged_only_once_it_is_full() {
        check(&[1, 2, 3, 4, 5, 6, 7], &[]);
        check(&[1, 2, 3, 4, 5, 6, 7, 8], &[&[0, 1, 2, 3, 4, 5, 6, 7]]);
        // A big segment does not join the small ones' merge.
        check(
            &[150_000, 1, 2, 3, 4, 5, 6, 7, 8],
            &[&[1, 2, 3, 4, 5, 6, 7, 8]],
        );
    }

    #[test]
    fn no_merge_makes_a_segment_past_the_cap() {
        check(&[FROZEN; 12], &[]);
        check(
            &[
                10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 12_000, 9_000,
            ],
            &[&[0, 1, 2, 3, 4, 5, 6, 7]],
        );
        // Eight segments of 300,000 hits: only three fit under the cap, the smallest first.
        check(
            &[
                310_000, 300_000, 320_000, 330_000, 340_000, 350_000, 360_000, 305_000,
            ],
            &[&[0, 1, 7]],
        );
    }

    /// A million hits arriving in commits of 2,000, merged as planned after each commit, end
    /// in few segments, none past the cap, and no hit is merged more often than once per tier.
    #[test]
    fn an_import_of_a_million_documents_merges_each_document_a_few_times() {
        let mut segments: Vec<(u64, u32)> = Vec::new(); // (hits, times merged)
        let mut merged_docs = 0u64;
        for _ in 0..500 {
            segments.push((2_000, 0));
            let sizes: Vec<u64> = segments.iter().map(|s| s.0).collect();
            let groups = plan(&sizes);
            let mut gone = vec![false; segments.len()];
            let mut made = Vec::new();
            for group in groups {
                let docs: u64 = group.iter().map(|&i| segments[i].0).sum();
                let times = group.iter().map(|&i| segments[i].1).max().unwrap_or(0) + 1;
                for &i in &group {
                    gone[i] = true;
                }
                merged_docs += docs;
                made.push((docs, times));
            }
            let mut kept: Vec<(u64, u32)> = segments
                .iter()
                .zip(&gone)
                .filter(|(_, &g)| !g)
                .map(|(s, _)| *s)
                .collect();
            kept.extend(made);
            segments = kept;
        }
        assert_eq!(segments.iter().map(|s| s.0).sum::<u64>(), 1_000_000);
        assert!(segments.len() <= 30, "{} segments", segments.len());
        assert!(segments.iter().all(|s| s.0 <= MAX_MERGED), "{segments:?}");
        assert!(segments.iter().all(|s| s.1 <= 4), "{segments:?}");
        // The old rule (all but the largest) merged about 30 million hits here.
        assert!(merged_docs <= 4_000_000, "{merged_docs} hits merged");
    }
}
