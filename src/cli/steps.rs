//! A progress bar for long work done in steps over the whole case (`verify`, `reindex`): the
//! step's name, a bar with a rate and time left when the step knows its total, a spinner when
//! it does not (SQLite's own integrity check). Shown on stderr, and only to a person at a
//! terminal, so scripts and `--json` see nothing but the result.

use std::io::IsTerminal;
use std::time::Duration;

use dossier::model::StepProgress;
use indicatif::{ProgressBar, ProgressStyle};

pub struct StepBar {
    bar: ProgressBar,
    step: &'static str,
}

impl StepBar {
    pub fn new(json: bool) -> StepBar {
        let bar = if !json && std::io::stderr().is_terminal() {
            ProgressBar::new_spinner()
        } else {
            ProgressBar::hidden()
        };
        bar.enable_steady_tick(Duration::from_millis(200));
        StepBar { bar, step: "" }
    }

    /// Shows `p`: a new step gets its own style and starts its rate afresh.
    pub fn show(&mut self, p: &StepProgress) {
        if p.step != self.step {
            self.step = p.step;
            let template = if p.total > 0 {
                "{msg} {bar:30.cyan/blue} {human_pos}/{human_len} {per_sec} eta {eta}"
            } else {
                "{msg} {spinner} {elapsed}"
            };
            self.bar
                .set_style(ProgressStyle::with_template(template).expect("valid template"));
            self.bar.set_message(p.step);
            self.bar.reset();
        }
        self.bar.set_length(p.total);
        self.bar.set_position(p.done);
    }

    pub fn finish(self) {
        self.bar.finish_and_clear();
    }
}
