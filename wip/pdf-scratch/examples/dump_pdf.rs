//! Prints the extracted text and page spans of one PDF: `dump_pdf FILE`.

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    match dossier::import::pdf::extract_pdf(&bytes, &Default::default()) {
        Ok(out) => {
            println!("{}", out.text);
            for p in &out.pages {
                println!(
                    "page {} (physical {}): {}..{}",
                    p.number, p.physical, p.start, p.end
                );
            }
            println!(
                "title {:?} author {:?} created {:?} needs_ocr {}",
                out.title, out.author, out.created, out.needs_ocr
            );
        }
        Err(e) => println!("error: {e}"),
    }
}
