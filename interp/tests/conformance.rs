//! Every script in `tests/cases` must print exactly what CPython 3.11 printed (`.out`), and
//! every script in `tests/errors` must fail with exactly CPython's stderr (`.err`) and exit
//! code 1. `regenerate_with_cpython` proves the committed expectations are CPython's own.

mod common;
use common::*;

#[test]
fn cases_match_cpython_output() {
    let scripts = scripts("cases");
    assert!(
        scripts.len() >= 50,
        "expected the case scripts, found {}",
        scripts.len()
    );
    let mut failures = Vec::new();
    for s in &scripts {
        let want = expected(s, ".out").unwrap_or_else(|| panic!("{s} has no .out file"));
        let got = run_script(s);
        if got.stdout != want || got.code != 0 {
            failures.push(format!(
                "{s}: {}\n    stderr: {}",
                first_diff(&want, &got.stdout),
                got.stderr.lines().last().unwrap_or("")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from CPython:\n{}",
        failures.len(),
        scripts.len(),
        failures.join("\n")
    );
}

#[test]
fn errors_match_cpython_tracebacks() {
    let scripts = scripts("errors");
    assert!(!scripts.is_empty(), "no error scripts found");
    let mut failures = Vec::new();
    for s in &scripts {
        let want_err = expected(s, ".err").unwrap_or_else(|| panic!("{s} has no .err file"));
        let want_out = expected(s, ".out").unwrap_or_default();
        let got = run_script(s);
        if got.stderr != want_err || got.stdout != want_out || got.code != 1 {
            failures.push(format!(
                "{s} (exit {}): stderr {}\n    stdout {}",
                got.code,
                first_diff(&want_err, &got.stderr),
                first_diff(&want_out, &got.stdout)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} error scripts differ from CPython:\n{}",
        failures.len(),
        scripts.len(),
        failures.join("\n")
    );
}

/// Re-run every script under `python3` and check that the committed expectations are still
/// exactly CPython's. Skipped (with a message) where no CPython 3.11 is installed.
#[test]
fn regenerate_with_cpython() {
    let dir = tests_dir();
    let version = std::process::Command::new("python3")
        .arg("--version")
        .output();
    let ok =
        matches!(&version, Ok(o) if String::from_utf8_lossy(&o.stdout).starts_with("Python 3.11"));
    if !ok {
        eprintln!("skipping: python3 (CPython 3.11) is not available to regenerate expectations");
        return;
    }
    let mut failures = Vec::new();
    for folder in ["cases", "errors"] {
        for s in scripts(folder) {
            let out = std::process::Command::new("python3")
                .arg(&s)
                .current_dir(&dir)
                .env("PYTHONHASHSEED", "0")
                .env("PYTHONIOENCODING", "utf-8")
                .output()
                .expect("run python3");
            let stdout = String::from_utf8_lossy(&out.stdout);
            // CPython 3.11 prints the main script's absolute path; the expectations keep the
            // path relative to interp/tests, as the Kaa test runs them.
            let prefix = format!("{}/", dir.display());
            let stderr = String::from_utf8_lossy(&out.stderr).replace(&prefix, "");
            let want_out = expected(&s, ".out").unwrap_or_default();
            if stdout != want_out {
                failures.push(format!(
                    "{s}: .out is not CPython's: {}",
                    first_diff(&stdout, &want_out)
                ));
            }
            if folder == "errors" {
                let want_err = expected(&s, ".err").unwrap_or_default();
                if stderr != want_err {
                    failures.push(format!(
                        "{s}: .err is not CPython's: {}",
                        first_diff(&stderr, &want_err)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "expectations out of date (run interp/tests/regen.sh):\n{}",
        failures.join("\n")
    );
}
