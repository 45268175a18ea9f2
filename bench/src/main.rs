//! `cargo run --release -p kaa-bench`: builds `kaa` in release mode, runs every `bench/*.py`
//! with `kaa` and `python3` alternately, checks that both print the same checksum, and prints
//! per benchmark the median wall time of each, the ratio kaa/python3 and the peak memory of
//! each, then the geometric mean of the ratios and start-up times (`-c pass`).
//!
//! Options: `--runs N` (default 5), `--only NAME[,NAME]`. The table is Markdown, ready for
//! the README. Without `python3` on the PATH it reports kaa's figures alone.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One finished run of one interpreter on one script.
struct Run {
    wall: Duration,
    /// Peak resident set size, KiB.
    max_rss_kib: u64,
    stdout: String,
}

fn main() {
    let opts = match Options::parse(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("kaa-bench: {e}\nusage: kaa-bench [--runs N] [--only A,B]");
            std::process::exit(2);
        }
    };
    let kaa = match build_kaa() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("kaa-bench: {e}");
            std::process::exit(1);
        }
    };
    let python = python3();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                .collect()
        })
        .unwrap_or_default();
    scripts.sort();
    if let Some(only) = &opts.only {
        scripts.retain(|p| {
            only.iter()
                .any(|n| p.file_stem().is_some_and(|s| s == n.as_str()))
        });
    }
    if scripts.is_empty() {
        eprintln!("kaa-bench: no benchmarks in {}", dir.display());
        std::process::exit(1);
    }

    println!("{}", machine());
    match &python {
        Some(v) => println!("kaa (release) vs {v}, {} runs each, alternating", opts.runs),
        None => println!(
            "python3 not found: kaa's figures alone, {} runs each",
            opts.runs
        ),
    }
    let mut rows = Vec::new();
    let mut failed = false;
    for script in &scripts {
        let name = script
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        match bench_one(&kaa, python.is_some(), script, opts.runs) {
            Ok(row) => {
                print_row(&name, &row, rows.is_empty());
                rows.push(row);
            }
            Err(e) => {
                failed = true;
                println!("{name:<12} FAILED: {e}");
            }
        }
    }
    let ratios: Vec<f64> = rows.iter().filter_map(|r| r.ratio()).collect();
    if !ratios.is_empty() {
        let geo = (ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64).exp();
        let worst = ratios.iter().copied().fold(0.0, f64::max);
        println!(
            "geometric mean kaa/python3: {geo:.2} over {} benchmarks (worst {worst:.2})",
            ratios.len()
        );
    }
    startup(&kaa, python.is_some());
    if failed {
        std::process::exit(1);
    }
}

struct Options {
    runs: usize,
    only: Option<Vec<String>>,
}

impl Options {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
        let mut o = Options {
            runs: 5,
            only: None,
        };
        while let Some(a) = args.next() {
            match a.as_str() {
                "--runs" => {
                    o.runs = args
                        .next()
                        .and_then(|n| n.parse().ok())
                        .filter(|n| *n > 0)
                        .ok_or("--runs needs a positive number")?;
                }
                "--only" => {
                    let names = args.next().ok_or("--only needs names")?;
                    o.only = Some(names.split(',').map(str::to_string).collect());
                }
                other => return Err(format!("unknown option {other}")),
            }
        }
        Ok(o)
    }
}

/// `cargo build --release -p kaa`: the binary lands beside this runner's own executable.
fn build_kaa() -> Result<PathBuf, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "-q", "-p", "kaa", "--bin", "kaa"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("building kaa failed".into());
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let kaa = exe.with_file_name("kaa");
    if !kaa.exists() {
        return Err(format!(
            "{} missing (run this runner with --release)",
            kaa.display()
        ));
    }
    Ok(kaa)
}

/// `python3 --version`, or None when there is no python3.
fn python3() -> Option<String> {
    let out = Command::new("python3").arg("--version").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<u64>().ok())
        })
        .map_or(0.0, |kib| kib as f64 / (1024.0 * 1024.0));
    format!("machine: {cpu}, {cores} cores, {mem_gib:.0} GiB")
}

/// Run `program args...`, timing it and reading its peak memory from `wait4`.
fn run(program: &Path, args: &[&str]) -> Result<Run, String> {
    let start = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", program.display()))?;
    // Drain the pipes on threads so a chatty child never blocks on a full pipe.
    let mut out = child.stdout.take().ok_or("no stdout pipe")?;
    let mut err = child.stderr.take().ok_or("no stderr pipe")?;
    let out_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_t = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let (status, rusage) = wait4(child.id() as libc::pid_t)?;
    let wall = start.elapsed();
    let stdout = out_t.join().unwrap_or_default();
    let stderr = err_t.join().unwrap_or_default();
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        let tail: String = stderr.lines().rev().take(5).collect::<Vec<_>>().join(" | ");
        return Err(format!("{} failed: {tail}", program.display()));
    }
    Ok(Run {
        wall,
        // Linux reports ru_maxrss in KiB.
        max_rss_kib: rusage.ru_maxrss.max(0) as u64,
        stdout,
    })
}

fn wait4(pid: libc::pid_t) -> Result<(i32, libc::rusage), String> {
    let mut status = 0;
    // SAFETY: rusage is plain old data that wait4 fills in; zeroed is a valid value of it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: pid is our own child, status and usage are valid for writes.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            return Ok((status, usage));
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(format!("wait4: {e}"));
        }
    }
}

struct Row {
    kaa: Vec<Run>,
    python: Vec<Run>,
}

impl Row {
    fn ratio(&self) -> Option<f64> {
        if self.python.is_empty() {
            return None;
        }
        Some(median(&self.kaa).as_secs_f64() / median(&self.python).as_secs_f64())
    }
}

fn median(runs: &[Run]) -> Duration {
    let mut t: Vec<Duration> = runs.iter().map(|r| r.wall).collect();
    t.sort();
    t.get(t.len() / 2).copied().unwrap_or_default()
}

fn peak_mib(runs: &[Run]) -> f64 {
    runs.iter().map(|r| r.max_rss_kib).max().unwrap_or(0) as f64 / 1024.0
}

fn bench_one(kaa: &Path, with_python: bool, script: &Path, runs: usize) -> Result<Row, String> {
    let path = script.to_string_lossy().into_owned();
    let mut row = Row {
        kaa: Vec::new(),
        python: Vec::new(),
    };
    for _ in 0..runs {
        row.kaa.push(run(kaa, &[&path])?);
        if with_python {
            row.python.push(run(Path::new("python3"), &[&path])?);
        }
    }
    let expected = row.kaa[0].stdout.trim().to_string();
    for r in row.kaa.iter().chain(&row.python) {
        if r.stdout.trim() != expected {
            return Err(format!(
                "checksums differ: kaa printed {expected:?}, another run printed {:?}",
                r.stdout.trim()
            ));
        }
    }
    Ok(row)
}

fn print_row(name: &str, row: &Row, header: bool) {
    let k = median(&row.kaa).as_secs_f64();
    if header {
        println!();
        println!(
            "| benchmark | kaa s | python3 s | kaa/python3 | kaa peak MiB | python3 peak MiB |"
        );
        println!("|---|---:|---:|---:|---:|---:|");
    }
    match row.ratio() {
        Some(ratio) => {
            let p = median(&row.python).as_secs_f64();
            println!(
                "| {name:<12} | {k:>6.3} | {p:>6.3} | {ratio:>5.2} | {:>6.1} | {:>6.1} |",
                peak_mib(&row.kaa),
                peak_mib(&row.python)
            );
        }
        None => println!(
            "| {name:<12} | {k:>6.3} | - | - | {:>6.1} | - |",
            peak_mib(&row.kaa)
        ),
    }
}

/// `kaa -c pass` against `python3 -c pass`: medians of 21 runs.
fn startup(kaa: &Path, with_python: bool) {
    let time = |p: &Path| -> Option<Duration> {
        let mut runs = Vec::new();
        for _ in 0..21 {
            runs.push(run(p, &["-c", "pass"]).ok()?);
        }
        Some(median(&runs))
    };
    let Some(k) = time(kaa) else {
        println!("start-up: kaa -c pass failed");
        return;
    };
    let kms = k.as_secs_f64() * 1000.0;
    match with_python.then(|| time(Path::new("python3"))).flatten() {
        Some(p) => {
            let pms = p.as_secs_f64() * 1000.0;
            println!(
                "start-up (-c pass, median of 21): kaa {kms:.1} ms, python3 {pms:.1} ms ({:.1}x faster)",
                pms / kms
            );
        }
        None => println!("start-up (-c pass, median of 21): kaa {kms:.1} ms"),
    }
}
