//! Writes a large but ordinary HTML page (paragraphs of plain words in nested `<div>`s), for
//! measuring what importing a big page costs in memory: `docs/benchmarks.md` has the command
//! (`/usr/bin/time -v dossier import` on its output) and the figures behind the 16 MB bound on
//! HTML pages in `import::MAX_HTML_BYTES`.
//!
//! Usage: `cargo run --example gen_big_html -- MEGABYTES OUT.html`. The page is the same on
//! every run (a fixed pseudo-random sequence picks the words).

use std::io::Write;

const WORDS: [&str; 18] = [
    "the",
    "court",
    "heard",
    "that",
    "defendant",
    "had",
    "moved",
    "funds",
    "through",
    "accounts",
    "in",
    "several",
    "countries",
    "before",
    "investigators",
    "traced",
    "them",
    "and",
];

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(megabytes), Some(out)) =
        (args.get(1).and_then(|m| m.parse::<f64>().ok()), args.get(2))
    else {
        eprintln!("usage: gen_big_html MEGABYTES OUT.html");
        std::process::exit(2);
    };
    let target = (megabytes * 1024.0 * 1024.0) as usize;
    let mut page = String::with_capacity(target + 4096);
    page.push_str("<html><head><title>Big page</title></head><body><article>\n");
    let mut state: u64 = 7;
    let mut paragraph = 0usize;
    while page.len() < target {
        page.push_str(&format!("<div class='c{}'><p>", paragraph % 50));
        for i in 0..60 {
            // A linear congruential generator: deterministic, and no dependency for it.
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            if i > 0 {
                page.push(' ');
            }
            page.push_str(WORDS[(state >> 33) as usize % WORDS.len()]);
        }
        page.push_str(".</p></div>\n");
        paragraph += 1;
    }
    page.push_str("</article></body></html>\n");
    std::fs::File::create(out)?.write_all(page.as_bytes())?;
    println!("wrote {out}: {} bytes, {paragraph} paragraphs", page.len());
    Ok(())
}
