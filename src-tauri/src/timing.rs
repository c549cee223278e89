//! A line per core call on standard error when `DOSSIER_TIMING` is set: which command, how
//! long it waited for the case and how long the core took. The 1M measurements of issue 23
//! found the window's views slow while the core answered in milliseconds and the CPUs idled;
//! this says where a command's time goes without a profiler.

use std::time::Duration;

/// Whether the lines are wanted; read once.
pub fn enabled() -> bool {
    static ENABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os("DOSSIER_TIMING").is_some())
}

/// The line for one call. `call` is the type name of the command's closure
/// (`dossier_app::commands::quotes::list_quotes::{{closure}}`), which names the command.
pub fn line(call: &str, waited: Duration, ran: Duration) -> String {
    let command = call
        .strip_prefix("dossier_app::commands::")
        .unwrap_or(call)
        .split("::{{closure}}")
        .next()
        .unwrap_or(call);
    format!(
        "dossier timing: {command}: waited {:.1} ms for the case, ran {:.1} ms",
        waited.as_secs_f64() * 1000.0,
        ran.as_secs_f64() * 1000.0
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_names_the_command_its_wait_and_its_run() {
        let ms = Duration::from_micros;
        assert_eq!(
            line(
                "dossier_app::commands::quotes::list_quotes::{{closure}}",
                ms(1_250),
                ms(300)
            ),
            "dossier timing: quotes::list_quotes: waited 1.2 ms for the case, ran 0.3 ms"
        );
        assert_eq!(
            line("other::place::{{closure}}::{{closure}}", ms(0), ms(10_000)),
            "dossier timing: other::place: waited 0.0 ms for the case, ran 10.0 ms"
        );
    }
}
