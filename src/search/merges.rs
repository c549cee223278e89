//! Which index segments to merge after a commit: segments are grouped in tiers by size, and a
//! tier that fills up is merged into one segment of the next tier.
//!
//! Every commit adds a segment, and every segment costs each search a little, so they must be
//! merged; but how they are merged decides what an import of a big archive costs. The first
//! rule merged every segment but the largest once there were more than eight: the merged
//! segment grew with each round and was read and written again every time, so the work was
//! quadratic in an import's commits, and a merge mapped nearly the whole index into memory
//! (issue 23: 24 GB written for a 1M-document import, and a 3.2 GB peak RSS, 3.1 GB of it the
//! index's files mapped by the merge after the extraction stage's rebuild). With tiers, each
//! `FACTOR` times the one below, a byte is merged about once per tier (logarithmically often),
//! and no merge makes a segment of more than `MAX_MERGED` bytes, so what a merge maps stays
//! bounded however big the case grows. Segments of half that or more are left as they are.
//!
//! A rebuild is different: it writes the whole index at once, in segments as large as the
//! writer's memory allows, and is followed by `pack`, which merges them into as few segments
//! of at most `MAX_MERGED` bytes as it can (a search costs less over fewer segments: one
//! instead of three made Dossier's p50 at 100k documents about 15% faster).
//!
//! Both plans are pure functions of the segments' sizes in bytes, tested without an index.

/// Each tier holds segments up to this many times larger than the tier below; a tier holding
/// this many mergeable segments is merged.
pub const FACTOR: u64 = 8;

/// Segments under this many bytes all count as the lowest tier.
const FLOOR: u64 = 1 << 20;

/// No merge makes a segment of more bytes than this: a merge maps what it reads, so this
/// bounds the memory a merge adds to the process.
pub const MAX_MERGED: u64 = 512 << 20;

/// Segments of this many bytes or more are never merged after a commit.
const FROZEN: u64 = MAX_MERGED / 2;

/// The tier of a segment of `bytes` bytes: 0 below `FLOOR * FACTOR`, then one more for each
/// factor of `FACTOR`.
fn tier(bytes: u64) -> u32 {
    let mut tier = 0;
    let mut bound = FLOOR * FACTOR;
    while bytes >= bound {
        tier += 1;
        match bound.checked_mul(FACTOR) {
            Some(next) => bound = next,
            None => break,
        }
    }
    tier
}

/// The merges to run after a commit, as groups of indexes into `sizes`: in every tier holding
/// `FACTOR` or more mergeable segments, its smallest segments, as many as fit in `MAX_MERGED`
/// (at least two), are merged into one. Groups never share a segment. What a merge makes is
/// planned again at the next commit.
pub fn plan(sizes: &[u64]) -> Vec<Vec<usize>> {
    let mut by_tier: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
    for (i, &bytes) in sizes.iter().enumerate() {
        if bytes < FROZEN {
            by_tier.entry(tier(bytes)).or_default().push(i);
        }
    }
    let mut groups = Vec::new();
    for mut tier in by_tier.into_values() {
        if (tier.len() as u64) < FACTOR {
            continue;
        }
        tier.sort_by_key(|&i| (sizes[i], i));
        let mut total = 0;
        let mut group: Vec<usize> = tier
            .into_iter()
            .take_while(|&i| {
                total += sizes[i];
                total <= MAX_MERGED
            })
            .collect();
        if group.len() >= 2 {
            group.sort_unstable();
            groups.push(group);
        }
    }
    groups
}

/// The merges that pack a freshly rebuilt index into few segments: segments are taken
/// smallest first and each group is filled up to `MAX_MERGED` bytes. Groups of one segment are
/// left out, since merging a segment alone only rewrites it.
pub fn pack(sizes: &[u64]) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&i| (sizes[i], i));
    let mut groups = Vec::new();
    let mut group: Vec<usize> = Vec::new();
    let mut total = 0;
    for i in order {
        if !group.is_empty() && total + sizes[i] > MAX_MERGED {
            groups.push(std::mem::take(&mut group));
            total = 0;
        }
        group.push(i);
        total += sizes[i];
    }
    groups.push(group);
    groups.retain(|g| g.len() >= 2);
    for group in &mut groups {
        group.sort_unstable();
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1 << 20;

    fn check(plan: fn(&[u64]) -> Vec<Vec<usize>>, sizes: &[u64], expect: &[&[usize]]) {
        let got = plan(sizes);
        let expect: Vec<Vec<usize>> = expect.iter().map(|g| g.to_vec()).collect();
        assert_eq!(got, expect, "sizes {sizes:?}");
    }

    #[test]
    fn tiers_grow_by_the_factor() {
        assert_eq!(tier(0), 0);
        assert_eq!(tier(8 * MB - 1), 0);
        assert_eq!(tier(8 * MB), 1);
        assert_eq!(tier(64 * MB - 1), 1);
        assert_eq!(tier(64 * MB), 2);
        assert_eq!(tier(u64::MAX), 14);
    }

    #[test]
    fn a_tier_is_merged_only_once_it_is_full() {
        check(plan, &[1, 2, 3, 4, 5, 6, 7], &[]);
        check(
            plan,
            &[1, 2, 3, 4, 5, 6, 7, 8],
            &[&[0, 1, 2, 3, 4, 5, 6, 7]],
        );
        // A bigger segment does not join the small ones' merge.
        check(
            plan,
            &[150 * MB, 1, 2, 3, 4, 5, 6, 7, 8],
            &[&[1, 2, 3, 4, 5, 6, 7, 8]],
        );
    }

    #[test]
    fn no_merge_after_a_commit_makes_a_segment_past_the_cap() {
        check(plan, &[FROZEN; 12], &[]);
        // Eight segments of 100-130 MB: only four fit under the cap, the smallest first.
        check(
            plan,
            &[
                110 * MB,
                100 * MB,
                120 * MB,
                130 * MB,
                125 * MB,
                126 * MB,
                127 * MB,
                105 * MB,
            ],
            &[&[0, 1, 2, 7]],
        );
    }

    /// 2,000 commits of 1 MB each (about an import of 1M articles), merged as planned after
    /// each commit, end in few segments, none past the cap, and no byte is merged more often
    /// than once per tier.
    #[test]
    fn a_long_import_merges_each_byte_a_few_times() {
        let mut segments: Vec<(u64, u32)> = Vec::new(); // (bytes, times merged)
        let mut merged = 0u64;
        for _ in 0..2_000 {
            segments.push((MB, 0));
            let sizes: Vec<u64> = segments.iter().map(|s| s.0).collect();
            let mut gone = vec![false; segments.len()];
            let mut made = Vec::new();
            for group in plan(&sizes) {
                let bytes: u64 = group.iter().map(|&i| segments[i].0).sum();
                let times = group.iter().map(|&i| segments[i].1).max().unwrap_or(0) + 1;
                for &i in &group {
                    gone[i] = true;
                }
                merged += bytes;
                made.push((bytes, times));
            }
            segments = segments
                .iter()
                .zip(&gone)
                .filter(|(_, &g)| !g)
                .map(|(s, _)| *s)
                .chain(made)
                .collect();
        }
        assert_eq!(segments.iter().map(|s| s.0).sum::<u64>(), 2_000 * MB);
        assert!(segments.len() <= 30, "{} segments", segments.len());
        assert!(segments.iter().all(|s| s.0 <= MAX_MERGED), "{segments:?}");
        assert!(segments.iter().all(|s| s.1 <= 3), "{segments:?}");
        // The old rule (all but the largest) merged about 200 GB here.
        assert!(merged <= 4 * 2_000 * MB, "{} MB merged", merged / MB);
    }

    #[test]
    fn a_rebuilt_index_is_packed_into_segments_up_to_the_cap() {
        // 322 MB in five segments (a 100k-document case): one segment.
        check(
            pack,
            &[70 * MB, 64 * MB, 66 * MB, 62 * MB, 60 * MB],
            &[&[0, 1, 2, 3, 4]],
        );
        // 3.5 GB in 56 segments of 64 MB (a 1M-document case): seven of 512 MB.
        let sizes = vec![64 * MB; 56];
        let groups = pack(&sizes);
        assert_eq!(groups.len(), 7);
        assert!(groups.iter().all(|g| g.len() == 8));
        // A segment already at the cap is left alone.
        check(pack, &[MAX_MERGED, 10, 20], &[&[1, 2]]);
        check(pack, &[MAX_MERGED], &[]);
    }
}
