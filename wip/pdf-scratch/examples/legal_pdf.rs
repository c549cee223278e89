//! Extracts a PDF and prints its legal structure as JSON: `legal_pdf FILE`.

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    match dossier::import::pdf::extract_pdf(&bytes, &Default::default()) {
        Ok(pdf) => match dossier::legal::parse(&pdf.text, &pdf.pages) {
            Some(s) => println!("{}", serde_json::to_string_pretty(&s).unwrap_or_default()),
            None => println!("not a legal document"),
        },
        Err(e) => println!("error: {e}"),
    }
}
