//! Corrupts PDFs at random and checks that extraction always returns within its deadline:
//! `fuzz_pdf ROUNDS FILE...`. A crash or hang here is a bug; errors are expected.

use std::time::{Duration, Instant};

use dossier::import::pdf::{extract_pdf, PdfLimits};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: usize = args.first().and_then(|r| r.parse().ok()).unwrap_or(100);
    let limits = PdfLimits {
        deadline: Duration::from_secs(5),
        ..PdfLimits::default()
    };
    // A fixed linear congruential generator makes every run reproducible.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        seed >> 17
    };
    let (mut ok, mut failed, mut slowest) = (0usize, 0usize, Duration::ZERO);
    for path in &args[1..] {
        let Ok(original) = std::fs::read(path) else {
            continue;
        };
        for _ in 0..rounds {
            let mut bytes = original.clone();
            for _ in 0..1 + next() % 8 {
                let at = next() as usize % bytes.len();
                bytes[at] = next() as u8;
            }
            let t = Instant::now();
            match extract_pdf(&bytes, &limits) {
                Ok(_) => ok += 1,
                Err(_) => failed += 1,
            }
            slowest = slowest.max(t.elapsed());
        }
    }
    println!("{ok} extracted, {failed} refused, slowest {slowest:?}");
}
