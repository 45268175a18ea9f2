//! The `kaa` command: run a file, `-c CODE`, the REPL, or `--watch FILE`.

use kaa::{ExcKind, Mode, PyErr, Value, Vm, VmConfig};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: kaa [options] [FILE [args...] | -c CODE [args...]]
options:
  --watch            rerun FILE every time it is saved
  --dis              print FILE's compiled bytecode instead of running it
  --max-memory N     memory limit in bytes (suffixes K, M, G); MemoryError past it
  --recursion-limit N  maximum depth of script calls (default 1000)
  --fuel N           stop the script after N fuel units (calls and loop iterations)
after the module runs, frames are driven while tasks (kaa.spawn) are alive:
  --dt SECONDS       game time per frame (default 1/60)
  --frame-fuel N     fuel budget of each frame (default 10000000; 0: unlimited)
  --max-frames N     stop after N frames
  --realtime         sleep so frames take dt of wall-clock time
  -h, --help         this text";

struct Options {
    config: VmConfig,
    fuel: Option<u64>,
    dt: f64,
    frame_fuel: Option<u64>,
    max_frames: Option<u64>,
    realtime: bool,
    watch: bool,
    dis: bool,
    command: Option<String>,
    file: Option<PathBuf>,
    args: Vec<String>,
}

fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim();
    let (num, mult) = match s.chars().last()? {
        'K' | 'k' => (&s[..s.len() - 1], 1usize << 10),
        'M' | 'm' => (&s[..s.len() - 1], 1 << 20),
        'G' | 'g' => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.parse::<usize>().ok().map(|n| n.saturating_mul(mult))
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        config: VmConfig::default(),
        fuel: None,
        dt: 1.0 / 60.0,
        frame_fuel: Some(10_000_000),
        max_frames: None,
        realtime: false,
        watch: false,
        dis: false,
        command: None,
        file: None,
        args: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--watch" => o.watch = true,
            "--dis" => o.dis = true,
            "--max-memory" => {
                let v = it.next().ok_or("--max-memory needs a value")?;
                o.config.max_memory =
                    parse_size(&v).ok_or(format!("bad --max-memory value: {v}"))?;
            }
            "--recursion-limit" => {
                let v = it.next().ok_or("--recursion-limit needs a value")?;
                o.config.recursion_limit = v
                    .parse()
                    .map_err(|_| format!("bad --recursion-limit value: {v}"))?;
            }
            "--fuel" => {
                let v = it.next().ok_or("--fuel needs a value")?;
                o.fuel = Some(v.parse().map_err(|_| format!("bad --fuel value: {v}"))?);
            }
            "--dt" => {
                let v = it.next().ok_or("--dt needs a value")?;
                o.dt = v
                    .parse::<f64>()
                    .ok()
                    .filter(|d| d.is_finite() && *d >= 0.0)
                    .ok_or(format!("bad --dt value: {v}"))?;
            }
            "--frame-fuel" => {
                let v = it.next().ok_or("--frame-fuel needs a value")?;
                let n: u64 = v
                    .parse()
                    .map_err(|_| format!("bad --frame-fuel value: {v}"))?;
                o.frame_fuel = (n > 0).then_some(n);
            }
            "--max-frames" => {
                let v = it.next().ok_or("--max-frames needs a value")?;
                o.max_frames = Some(
                    v.parse()
                        .map_err(|_| format!("bad --max-frames value: {v}"))?,
                );
            }
            "--realtime" => o.realtime = true,
            "-c" => {
                o.command = Some(it.next().ok_or("-c needs an argument")?);
                o.args = std::iter::once("-c".to_string())
                    .chain(it.by_ref())
                    .collect();
                break;
            }
            _ if a.starts_with('-') && a.len() > 1 => return Err(format!("unknown option: {a}")),
            _ => {
                o.file = Some(PathBuf::from(&a));
                o.args = std::iter::once(a).chain(it.by_ref()).collect();
                break;
            }
        }
    }
    Ok(o)
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("kaa: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    // Scripts never recurse on the Rust stack, but native callbacks (sorted's key, __eq__,
    // __repr__) do, to a bounded depth; a roomy thread stack keeps that bound comfortable.
    let child = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run(opts));
    match child.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(70),
    }
}

fn run(opts: Options) -> u8 {
    if opts.watch {
        return match &opts.file {
            Some(f) => watch(f, &opts),
            None => {
                eprintln!("kaa: --watch needs a FILE");
                2
            }
        };
    }
    if opts.dis {
        return match &opts.file {
            Some(f) => disassemble(f, &opts),
            None => {
                eprintln!("kaa: --dis needs a FILE");
                2
            }
        };
    }
    if let Some(code) = &opts.command {
        let mut vm = new_vm(&opts, None);
        return run_source(&mut vm, code, "<string>", &opts);
    }
    match &opts.file {
        Some(f) => run_file(f, &opts),
        None => repl(&opts),
    }
}

/// The text of script `f`, or the exit code after saying why it cannot be read.
fn read_script(f: &Path) -> Result<String, u8> {
    std::fs::read_to_string(f).map_err(|e| {
        eprintln!("kaa: can't open file '{}': {e}", f.display());
        2
    })
}

fn disassemble(f: &Path, opts: &Options) -> u8 {
    let src = match read_script(f) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut vm = new_vm(opts, Some(f));
    match vm.compile(&src, &f.display().to_string(), Mode::Exec) {
        Ok(code) => {
            print!("{}", vm.disassemble(&code));
            0
        }
        Err(e) => report(&mut vm, e),
    }
}

fn new_vm(opts: &Options, file: Option<&Path>) -> Vm {
    let mut config = opts.config.clone();
    config.argv = if opts.args.is_empty() {
        vec![String::new()]
    } else {
        opts.args.clone()
    };
    let dir = file.and_then(|f| f.parent()).map(|p| {
        if p.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            p.to_path_buf()
        }
    });
    config.search_path = vec![dir.unwrap_or_else(|| PathBuf::from("."))];
    Vm::with_config(config)
}

fn run_file(f: &Path, opts: &Options) -> u8 {
    let src = match read_script(f) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut vm = new_vm(opts, Some(f));
    // CPython (3.9+) names the main script by its absolute path in tracebacks and `__file__`.
    let name = std::path::absolute(f).unwrap_or_else(|_| f.to_path_buf());
    run_source(&mut vm, &src, &name.display().to_string(), opts)
}

/// Run a module as `__main__`; print an uncaught exception like CPython and return the exit code.
fn run_source(vm: &mut Vm, src: &str, filename: &str, opts: &Options) -> u8 {
    vm.set_fuel(opts.fuel);
    let result = vm.run_source(src, filename, "__main__");
    let _ = vm.stdout.flush();
    match result {
        Ok(_) => drive_frames(vm, opts),
        Err(e) => report(vm, e),
    }
}

/// Run frames while tasks are alive: fixed game dt, a fuel budget per frame.
fn drive_frames(vm: &mut Vm, opts: &Options) -> u8 {
    let budget = kaa::vm::sched::Budget {
        fuel: opts.frame_fuel,
        time: None,
    };
    let mut frames = 0u64;
    while vm.sched.alive() > 0 {
        if opts.max_frames.is_some_and(|m| frames >= m) {
            break;
        }
        let started = std::time::Instant::now();
        vm.run_frame(opts.dt, budget);
        frames += 1;
        let _ = vm.stdout.flush();
        if opts.realtime {
            let target = std::time::Duration::from_secs_f64(opts.dt);
            if let Some(rest) = target.checked_sub(started.elapsed()) {
                std::thread::sleep(rest);
            }
        }
    }
    0
}

fn report(vm: &mut Vm, e: PyErr) -> u8 {
    if vm.err_matches(&e, ExcKind::SystemExit) {
        let r = vm.materialize(e);
        let k = vm.intern("code");
        let code = vm.get_attr(Value::Obj(r), k).unwrap_or(Value::None);
        return match code {
            Value::None => 0,
            Value::Int(i) => i as u8,
            Value::Bool(b) => b as u8,
            other => {
                let s = vm.str_value(other).unwrap_or_default();
                eprintln!("{s}");
                1
            }
        };
    }
    let report = vm.error_report(e);
    let _ = vm.stdout.flush();
    eprint!("{}", report.traceback);
    1
}

fn watch(f: &Path, opts: &Options) -> u8 {
    use notify::{RecursiveMode, Watcher};
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = match notify::recommended_watcher(move |ev: notify::Result<notify::Event>| {
        if let Ok(ev) = ev {
            if ev.kind.is_modify() || ev.kind.is_create() {
                let _ = tx.send(());
            }
        }
    }) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("kaa: cannot watch files: {e}");
            return 2;
        }
    };
    let dir = f
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Err(e) = watcher.watch(dir, RecursiveMode::NonRecursive) {
        eprintln!("kaa: cannot watch {}: {e}", dir.display());
        return 2;
    }
    loop {
        let code = run_file(f, opts);
        eprintln!(
            "[kaa] exited with {code}; waiting for changes to {} (Ctrl-C to stop)",
            f.display()
        );
        if rx.recv().is_err() {
            return code;
        }
        // Editors write in bursts: let them settle.
        std::thread::sleep(std::time::Duration::from_millis(100));
        while rx.try_recv().is_ok() {}
    }
}

/// Is this REPL input an unfinished block (more lines needed)?
fn needs_more(src: &str) -> bool {
    let last = src.lines().last().unwrap_or("");
    if last.trim_end().ends_with(':') || last.trim_end().ends_with('\\') {
        return true;
    }
    match kaa::parser::parse_module(src) {
        Ok(_) => src.lines().count() > 1 && !src.ends_with("\n\n"),
        Err(e) => {
            e.msg.contains("was never closed")
                || e.msg.contains("unexpected EOF")
                || e.msg.contains("expected an indented block")
                || e.msg.contains("unterminated triple-quoted")
        }
    }
}

/// Where REPL lines come from: an editor with history on a terminal, plain lines on a pipe.
enum Input {
    Editor(Box<rustyline::DefaultEditor>),
    Plain(std::io::Lines<std::io::StdinLock<'static>>),
}

impl Input {
    fn new() -> Input {
        use std::io::IsTerminal;
        if std::io::stdin().is_terminal() {
            if let Ok(ed) = rustyline::DefaultEditor::new() {
                return Input::Editor(Box::new(ed));
            }
        }
        Input::Plain(std::io::stdin().lock().lines())
    }

    fn line(&mut self, prompt: &str) -> Option<String> {
        match self {
            Input::Editor(ed) => match ed.readline(prompt) {
                Ok(l) => {
                    let _ = ed.add_history_entry(l.as_str());
                    Some(l)
                }
                // Ctrl-C abandons the current input, like CPython's KeyboardInterrupt.
                Err(rustyline::error::ReadlineError::Interrupted) => Some(String::new()),
                Err(_) => None,
            },
            Input::Plain(lines) => {
                eprint!("{prompt}");
                lines.next().and_then(|l| l.ok())
            }
        }
    }
}

fn repl(opts: &Options) -> u8 {
    let mut vm = new_vm(opts, None);
    let module = vm.new_module("__main__");
    vm.register_module("__main__", module);
    let globals = vm.module_dict(module);
    let mut input = Input::new();
    eprintln!(
        "Kaa {} (Python 3.11 subset). Ctrl-D to exit.",
        env!("CARGO_PKG_VERSION")
    );
    loop {
        let Some(first) = input.line(">>> ") else {
            eprintln!();
            return 0;
        };
        let mut src = first;
        src.push('\n');
        while needs_more(&src) {
            match input.line("... ") {
                Some(l) => {
                    let empty = l.trim().is_empty();
                    src.push_str(&l);
                    src.push('\n');
                    if empty {
                        break;
                    }
                }
                None => break,
            }
        }
        if src.trim().is_empty() {
            continue;
        }
        vm.set_fuel(opts.fuel);
        let result = vm
            .compile(&src, "<stdin>", Mode::Interactive)
            .and_then(|code| vm.run_code(code, globals, None));
        let _ = vm.stdout.flush();
        if let Err(e) = result {
            if vm.err_matches(&e, ExcKind::SystemExit) {
                return report(&mut vm, e);
            }
            report(&mut vm, e);
            vm.reset_frames();
        }
    }
}
