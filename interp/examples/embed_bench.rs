//! Embedding benchmark (a runner, not a timed test). Release build:
//!
//! ```text
//! cargo run --release -p kaa --example embed_bench
//! ```
//!
//! Measures, per operation: calling a registered Rust function from a script, reading and
//! writing a native attribute, and calling a script function from Rust; and, side by side in
//! the same run, CPython's cost for the same script-level operation (a builtin call, an
//! attribute read/write, a Python-level call). Each loop iteration repeats the operation 10
//! times and the empty loop's cost is subtracted on both sides. Also reports the time and memory to create a VM.

use kaa::native::NativeType;
use kaa::{Value, Vm};
use std::process::Command;
use std::time::Instant;

mod common;

#[derive(Clone)]
struct Vec2 {
    x: f64,
    y: f64,
}

impl NativeType for Vec2 {
    const NAME: &'static str = "Vec2";
}

const N: i64 = 1_000_000;

/// The same loops in both languages; each prints seconds per iteration.
const SCRIPT: &str = r#"
import time
N = 200000
R = 10  # each loop iteration does the operation R times: the loop's own cost nearly vanishes

def empty():
    t = time.perf_counter()
    for i in range(N):
        pass
    return (time.perf_counter() - t) / (N * R)

def builtin_call():
    f = abs
    t = time.perf_counter()
    for i in range(N):
        f(i); f(i); f(i); f(i); f(i); f(i); f(i); f(i); f(i); f(i)
    return (time.perf_counter() - t) / (N * R)

def attr_get(v):
    t = time.perf_counter()
    for i in range(N):
        v.x; v.x; v.x; v.x; v.x; v.x; v.x; v.x; v.x; v.x
    return (time.perf_counter() - t) / (N * R)

def attr_set(v):
    t = time.perf_counter()
    for i in range(N):
        v.x = 1.0; v.x = 1.0; v.x = 1.0; v.x = 1.0; v.x = 1.0
        v.x = 1.0; v.x = 1.0; v.x = 1.0; v.x = 1.0; v.x = 1.0
    return (time.perf_counter() - t) / (N * R)

def target(i):
    return i

def script_call():
    f = target
    t = time.perf_counter()
    for i in range(N):
        f(i); f(i); f(i); f(i); f(i); f(i); f(i); f(i); f(i); f(i)
    return (time.perf_counter() - t) / (N * R)
"#;

const PY_MAIN: &str = r#"
class P:
    def __init__(self):
        self.x = 0.0
        self.y = 0.0
base = min(empty() for _ in range(5))
print(min(builtin_call() for _ in range(5)) - base)
print(min(attr_get(P()) for _ in range(5)) - base)
print(min(attr_set(P()) for _ in range(5)) - base)
print(min(script_call() for _ in range(5)) - base)
"#;

fn kaa_figures() -> [f64; 4] {
    let mut vm = Vm::new();
    let cls = vm
        .native_class::<Vec2>()
        .constructor(|x: f64, y: f64| Vec2 { x, y })
        .field("x", |v: &Vec2| v.x, |v: &mut Vec2, x: f64| v.x = x)
        .field("y", |v: &Vec2| v.y, |v: &mut Vec2, y: f64| v.y = y)
        .build()
        .expect("class");
    vm.set_global("Vec2", cls);
    vm.register_fn("clamp0", |x: i64| x.max(0));
    let src = format!(
        "{SCRIPT}\ndef native_call():\n    f = clamp0\n    t = time.perf_counter()\n    for i in range(N):\n        f(i); f(i); f(i); f(i); f(i); f(i); f(i); f(i); f(i); f(i)\n    return (time.perf_counter() - t) / (N * R)\n"
    );
    vm.run_source(&src, "<bench>", "__main__").expect("setup");
    let mut best = |expr: &str| -> f64 {
        (0..5)
            .map(|_| {
                let v = vm.eval(expr).expect("bench");
                vm.extract::<f64>(v).expect("float")
            })
            .fold(f64::INFINITY, f64::min)
    };
    let base = best("empty()");
    let call = best("native_call()") - base;
    let get = best("attr_get(Vec2(0.0, 0.0))") - base;
    let set = best("attr_set(Vec2(0.0, 0.0))") - base;
    // Calling a script function from Rust: the whole host-side path per call.
    let target = vm.eval("target").expect("target");
    let h = vm.handle(target);
    let mut from_rust = f64::INFINITY;
    for _ in 0..3 {
        let t = Instant::now();
        for i in 0..N {
            let _ = vm.call_handle(&h, &[Value::Int(i)], None);
        }
        from_rust = from_rust.min(t.elapsed().as_secs_f64() / N as f64);
    }
    [call, get, set, from_rust]
}

fn python_figures() -> Option<[f64; 4]> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(format!("{SCRIPT}\n{PY_MAIN}"))
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let v: Vec<f64> = text.lines().filter_map(|l| l.trim().parse().ok()).collect();
    (v.len() == 4).then(|| [v[0], v[1], v[2], v[3]])
}

/// Median creation time (dropping each VM outside the timed part) and the bytes one VM holds.
fn vm_creation() -> (f64, usize) {
    const K: usize = 1000;
    let mut times = Vec::with_capacity(K);
    for _ in 0..K {
        let t = Instant::now();
        let vm = Vm::new();
        times.push(t.elapsed().as_secs_f64());
        drop(vm);
    }
    times.sort_by(f64::total_cmp);
    let before = common::live_bytes();
    let vm = Vm::new();
    let bytes = common::live_bytes() - before;
    drop(vm);
    (times[K / 2], bytes)
}

fn main() {
    let (t, bytes) = vm_creation();
    println!(
        "VM creation: {:.0} µs (median of 1000) and {:.0} KiB per VM (builtins, types and the \
         stdlib's module table; stdlib modules compile on first import)",
        t * 1e6,
        bytes as f64 / 1024.0
    );
    let k = kaa_figures();
    let p = python_figures();
    let labels = [
        (
            "call a registered Rust fn (1 int arg)",
            "call builtin abs(i)",
        ),
        ("native attribute get (v.x)", "instance attribute get"),
        ("native attribute set (v.x = 1.0)", "instance attribute set"),
        (
            "call a script fn from Rust (call_handle)",
            "call a Python fn from Python",
        ),
    ];
    println!(
        "{:<44} {:>9} {:>9} {:>7}   (CPython counterpart)",
        "operation", "kaa ns", "py ns", "ratio"
    );
    for (i, (kl, pl)) in labels.iter().enumerate() {
        match p {
            Some(p) => println!(
                "{kl:<44} {:>9.1} {:>9.1} {:>7.2}   ({pl})",
                k[i] * 1e9,
                p[i] * 1e9,
                k[i] / p[i]
            ),
            None => println!("{kl:<44} {:>9.1}", k[i] * 1e9),
        }
    }
    if p.is_none() {
        println!("(python3 not found: kaa's figures only)");
    }
}
