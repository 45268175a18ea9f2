//! Scheduler scripts (`tests/tasks/*.py`) run through the `kaa` command, which drives frames
//! at dt 1/60 while tasks are alive. Their expected output is ours (the `kaa` module has no
//! CPython counterpart): `.out` for stdout, `.err` for stderr with the tests path stripped.
//! A first line `# kaa-args: ...` passes options to the command.

use std::path::Path;
use std::process::Command;

#[test]
fn task_scripts_match_expected_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut scripts: Vec<_> = std::fs::read_dir(dir.join("tasks"))
        .expect("tests/tasks")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    scripts.sort();
    assert!(scripts.len() >= 9, "task scripts missing");
    let mut failures = Vec::new();
    for script in &scripts {
        let src = std::fs::read_to_string(script).expect("read script");
        let mut args: Vec<String> = src
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# kaa-args:"))
            .map(|a| a.split_whitespace().map(String::from).collect())
            .unwrap_or_default();
        let rel = script.strip_prefix(&dir).expect("under tests");
        args.push(rel.display().to_string());
        let out = Command::new(env!("CARGO_BIN_EXE_kaa"))
            .args(&args)
            .current_dir(&dir)
            .output()
            .expect("run kaa");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let prefix = format!("{}/", dir.display());
        let stderr = String::from_utf8_lossy(&out.stderr).replace(&prefix, "");
        let want_out = std::fs::read_to_string(script.with_extension("out")).unwrap_or_default();
        let want_err = std::fs::read_to_string(script.with_extension("err")).unwrap_or_default();
        if stdout != want_out || stderr != want_err {
            failures.push(format!(
                "{}\n--- stdout\n{stdout}--- expected\n{want_out}--- stderr\n{stderr}--- expected\n{want_err}",
                rel.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
