#![allow(dead_code)] // each test binary uses a different part

//! Shared helpers for the conformance tests: run a script through the library with its output
//! captured, the way the `kaa` command would.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A `Write` that appends to a shared buffer (the VM's stdout must be `Send`).
#[derive(Clone, Default)]
pub struct Capture(pub Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut b) = self.0.lock() {
            b.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Capture {
    pub fn text(&self) -> String {
        self.0
            .lock()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default()
    }
}

pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

pub fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Run `rel` (relative to `interp/tests`, which is also how tracebacks name it).
pub fn run_script(rel: &str) -> Outcome {
    let rel = rel.to_string();
    let handle = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run_in_thread(&rel))
        .expect("spawn test thread");
    handle.join().unwrap_or(Outcome {
        stdout: String::new(),
        stderr: "kaa panicked".into(),
        code: 101,
    })
}

fn run_in_thread(rel: &str) -> Outcome {
    let dir = tests_dir();
    let path = dir.join(rel);
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    let config = kaa::VmConfig {
        search_path: vec![path.parent().map(Path::to_path_buf).unwrap_or(dir.clone())],
        argv: vec![rel.to_string()],
        max_memory: 512 << 20,
        ..kaa::VmConfig::default()
    };
    let mut vm = kaa::Vm::with_config(config);
    let out = Capture::default();
    vm.stdout = Box::new(out.clone());
    let err = Capture::default();
    vm.stderr = Box::new(err.clone());
    let r = vm.run_source(&src, rel, "__main__");
    let (stderr, code) = match r {
        Ok(_) => (String::new(), 0),
        Err(e) => {
            if vm.err_matches(&e, kaa::ExcKind::SystemExit) {
                let obj = vm.materialize(e);
                let k = vm.intern("code");
                match vm.get_attr(kaa::Value::Obj(obj), k) {
                    Ok(kaa::Value::Int(i)) => (String::new(), i as i32),
                    Ok(kaa::Value::None) => (String::new(), 0),
                    Ok(v) => (format!("{}\n", vm.str_value(v).unwrap_or_default()), 1),
                    Err(_) => (String::new(), 1),
                }
            } else {
                (vm.error_report(e).traceback, 1)
            }
        }
    };
    // What the script wrote to sys.stderr comes before the traceback, as in a terminal.
    Outcome {
        stdout: out.text(),
        stderr: err.text() + &stderr,
        code,
    }
}

/// Scripts in a folder of `interp/tests`, sorted.
pub fn scripts(folder: &str) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(tests_dir().join(folder))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".py"))
                .map(|n| format!("{folder}/{n}"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// The expectation file next to a script.
pub fn expected(rel: &str, ext: &str) -> Option<String> {
    std::fs::read_to_string(tests_dir().join(rel.replace(".py", ext))).ok()
}

/// Show the first differing line of two texts.
pub fn first_diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (
            w.get(i).copied().unwrap_or("<end>"),
            g.get(i).copied().unwrap_or("<end>"),
        );
        if a != b {
            return format!("line {}:\n    want: {a}\n    got:  {b}", i + 1);
        }
    }
    "(only trailing whitespace differs)".into()
}
