//! The `kaa` command-line tool, run as a process.

use std::io::Write;
use std::process::{Command, Stdio};

fn kaa() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kaa"))
}

fn temp_script(name: &str, src: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("kaa-cli-{}-{name}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, src).expect("write script");
    path
}

#[test]
fn runs_a_file_with_argv() {
    let p = temp_script("argv", "import sys\nprint(sys.argv[1:], len(sys.argv))\n");
    let out = kaa().arg(&p).args(["a", "b"]).output().expect("run kaa");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "['a', 'b'] 3\n");
    assert!(out.status.success());
}

#[test]
fn dash_c_runs_code() {
    let out = kaa()
        .args(["-c", "print(6 * 7)"])
        .output()
        .expect("run kaa");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42\n");
}

#[test]
fn uncaught_exception_prints_traceback_and_exits_1() {
    let out = kaa()
        .args(["-c", "def f():\n    return 1 / 0\nf()"])
        .output()
        .expect("run kaa");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("Traceback (most recent call last):\n"),
        "{err}"
    );
    assert!(err.contains("  File \"<string>\", line 2, in f\n"), "{err}");
    assert!(
        err.ends_with("ZeroDivisionError: division by zero\n"),
        "{err}"
    );
}

#[test]
fn sys_exit_codes() {
    let out = kaa()
        .args(["-c", "import sys; sys.exit(3)"])
        .output()
        .expect("run kaa");
    assert_eq!(out.status.code(), Some(3));
    let out = kaa()
        .args(["-c", "import sys; sys.exit('bye')"])
        .output()
        .expect("run kaa");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "bye\n");
    let out = kaa()
        .args(["-c", "raise SystemExit"])
        .output()
        .expect("run kaa");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn limits_as_flags() {
    let out = kaa()
        .args(["--fuel", "1000", "-c", "while True: pass"])
        .output()
        .expect("run kaa");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ran out of fuel"));
    let out = kaa()
        .args(["--max-memory", "8M", "-c", "x = [0] * 10**8"])
        .output()
        .expect("run kaa");
    assert!(String::from_utf8_lossy(&out.stderr).ends_with("MemoryError\n"));
    let out = kaa()
        .args([
            "--recursion-limit",
            "50",
            "-c",
            "def f(n): return f(n + 1)\nf(0)",
        ])
        .output()
        .expect("run kaa");
    assert!(String::from_utf8_lossy(&out.stderr)
        .ends_with("RecursionError: maximum recursion depth exceeded\n"));
}

#[test]
fn missing_file_is_exit_2() {
    let out = kaa().arg("/no/such/file.py").output().expect("run kaa");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn repl_prints_expression_values() {
    let mut child = kaa()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let input = "x = 20\nx + 1\ndef f(a):\n    return a * 2\n\nf(x)\nNone\n'text'\n1/0\nprint('still alive')\n";
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "21\n40\n'text'\nstill alive\n"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("ZeroDivisionError: division by zero"));
}

#[test]
fn watch_reruns_on_save() {
    let p = temp_script("watch", "print('version 1')\n");
    let mut child = kaa()
        .arg("--watch")
        .arg(&p)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        let mut buf = [0u8; 256];
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        use std::io::Read;
        while std::time::Instant::now() < deadline && !all.contains("version 2") {
            match stdout.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => all.push_str(&String::from_utf8_lossy(&buf[..n])),
            }
        }
        all
    });
    std::thread::sleep(std::time::Duration::from_millis(800));
    std::fs::write(&p, "print('version 2')\n").expect("rewrite");
    let seen = std::thread::spawn(move || reader.join().unwrap_or_default());
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let _ = child.kill();
    let _ = child.wait();
    let all = seen.join().unwrap_or_default();
    assert!(
        all.contains("version 1") && all.contains("version 2"),
        "saw: {all:?}"
    );
}
