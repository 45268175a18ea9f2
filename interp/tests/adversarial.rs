//! Hostile scripts must end with the right Python exception and leave the VM usable. These
//! run on ordinary 2 MiB test threads on purpose: no script may overflow the Rust stack.

use kaa::{ExcKind, RunState, Value, Vm, VmConfig};

fn vm_with_limit(bytes: usize) -> Vm {
    let config = VmConfig {
        max_memory: bytes,
        ..VmConfig::default()
    };
    let mut vm = Vm::with_config(config);
    vm.stdout = Box::new(std::io::sink());
    vm
}

/// Run `src` and return the name of the exception it raised (or "ok").
fn outcome(vm: &mut Vm, src: &str) -> String {
    match vm.run_source(src, "<adversarial>", "__main__") {
        Ok(_) => "ok".into(),
        Err(e) => vm.error_report(e).type_name,
    }
}

/// After a failure the VM must still run ordinary code.
fn assert_usable(vm: &mut Vm) {
    assert_eq!(
        outcome(vm, "x = sum(i for i in range(100))\nassert x == 4950\n"),
        "ok"
    );
}

#[test]
fn infinite_recursion_is_recursion_error() {
    let mut vm = vm_with_limit(256 << 20);
    assert_eq!(
        outcome(&mut vm, "def f(n):\n    return f(n + 1)\nf(0)\n"),
        "RecursionError"
    );
    assert_usable(&mut vm);
}

#[test]
fn recursion_through_dunders_is_recursion_error() {
    let mut vm = vm_with_limit(256 << 20);
    let src = "class A:\n    def __repr__(self):\n        return repr(self)\nrepr(A())\n";
    assert_eq!(outcome(&mut vm, src), "RecursionError");
    let src = "class E:\n    def __eq__(self, o):\n        return self == o\nE() == E()\n";
    assert_eq!(outcome(&mut vm, src), "RecursionError");
    let src = "def k(x):\n    return sorted([1, 2], key=k)\nsorted([1, 2], key=k)\n";
    assert_eq!(outcome(&mut vm, src), "RecursionError");
    assert_usable(&mut vm);
}

#[test]
fn deeply_nested_list_repr() {
    let mut vm = vm_with_limit(256 << 20);
    let src = "l = []\nfor _ in range(100000):\n    l = [l]\nrepr(l)\n";
    assert_eq!(outcome(&mut vm, src), "RecursionError");
    let src = "d = {}\nfor _ in range(100000):\n    d = {'k': d}\nstr(d)\n";
    assert_eq!(outcome(&mut vm, src), "RecursionError");
    assert_usable(&mut vm);
}

#[test]
fn deeply_nested_source_is_an_error_not_a_crash() {
    let mut vm = vm_with_limit(256 << 20);
    let deep_paren = format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
    assert_eq!(outcome(&mut vm, &deep_paren), "SyntaxError");
    let deep_unary = format!("x = {}1\n", "-".repeat(10_000));
    assert_eq!(outcome(&mut vm, &deep_unary), "MemoryError");
    let long_chain = format!("x = {}1\n", "1 + ".repeat(10_000));
    assert_eq!(outcome(&mut vm, &long_chain), "RecursionError");
    let deep_not = format!("x = {}True\n", "not ".repeat(10_000));
    assert_eq!(outcome(&mut vm, &deep_not), "MemoryError");
    let deep_blocks: String = (0..200)
        .map(|i| format!("{}if True:\n", " ".repeat(i)))
        .collect::<String>()
        + &" ".repeat(200)
        + "pass\n";
    let r = outcome(&mut vm, &deep_blocks);
    assert!(
        r == "ok" || r == "MemoryError" || r == "IndentationError" || r == "SyntaxError",
        "{r}"
    );
    assert_usable(&mut vm);
}

#[test]
fn memory_bombs_raise_memory_error() {
    let mut vm = vm_with_limit(64 << 20);
    assert_eq!(outcome(&mut vm, "x = [0] * 10**10\n"), "MemoryError");
    assert_eq!(outcome(&mut vm, "x = 'ab' * 10**12\n"), "MemoryError");
    assert_eq!(
        outcome(&mut vm, "l = []\nwhile True:\n    l.append(l)\n"),
        "MemoryError"
    );
    assert_eq!(
        outcome(&mut vm, "l = []\nwhile True:\n    l.append('x' * 1000)\n"),
        "MemoryError"
    );
    assert_eq!(outcome(&mut vm, "x = 7 ** (10**10)\n"), "MemoryError");
    assert_eq!(outcome(&mut vm, "x = 1 << (10**12)\n"), "MemoryError");
    // Each run replaced `__main__`, so the bombs are garbage: after a collection the VM
    // works again.
    vm.collect_garbage();
    assert_usable(&mut vm);
}

/// Runs `src` as `__main__` with `fuel`, which must run out; returns the module's globals.
fn start_until_out_of_fuel(vm: &mut Vm, src: &str, fuel: u64) -> kaa::ObjRef {
    vm.set_fuel(Some(fuel));
    let code = vm
        .compile(src, "<loop>", kaa::Mode::Exec)
        .expect("compiles");
    let module = vm.new_module("__main__");
    let globals = vm.module_dict(module);
    let state = vm.start_code(code, globals, None).expect("no error");
    assert!(matches!(state, RunState::Suspended));
    globals
}

#[test]
fn infinite_loop_stops_when_fuel_runs_out() {
    let mut vm = vm_with_limit(64 << 20);
    let globals = start_until_out_of_fuel(&mut vm, "n = 0\nwhile True:\n    n += 1\n", 100_000);
    // Resuming continues exactly where it stopped.
    let n = vm.intern("n");
    let n_before = vm.ns_get(globals, n).map(|v| format!("{v:?}"));
    vm.set_fuel(Some(1000));
    assert!(matches!(
        vm.resume().expect("no error"),
        RunState::Suspended
    ));
    let n_after = vm.ns_get(globals, n).map(|v| format!("{v:?}"));
    assert_ne!(n_before, n_after);
    vm.reset_frames();
    vm.set_fuel(None);
    assert_usable(&mut vm);
}

/// A loop made only of simple instructions (locals, arithmetic, a list store) runs in the
/// eval loop's simple-instruction loop: it must be charged the same fuel, one unit per
/// iteration, and stop and resume where the fuel says.
#[test]
fn a_loop_of_simple_instructions_is_charged_fuel_per_iteration() {
    let mut vm = vm_with_limit(64 << 20);
    let src = "def spin(xs):\n    i = 0\n    while True:\n        i += 1\n        xs[0] = i\nxs = [0]\nspin(xs)\n";
    let globals = start_until_out_of_fuel(&mut vm, src, 10_000);
    let xs = vm.intern("xs");
    let iterations = |vm: &Vm| match vm.ns_get(globals, xs) {
        Some(Value::Obj(r)) => match vm.heap.get(r) {
            kaa::Obj::List(items) => match items.first() {
                Some(Value::Int(i)) => *i,
                other => panic!("xs[0] is {other:?}"),
            },
            _ => panic!("xs is a list"),
        },
        other => panic!("xs is {other:?}"),
    };
    // The fuel was 10,000; the call and the module take a few units.
    let reached = iterations(&vm);
    assert!(
        (9_900..=10_000).contains(&reached),
        "iterations before suspension: {reached}"
    );
    vm.set_fuel(Some(5_000));
    assert!(matches!(
        vm.resume().expect("no error"),
        RunState::Suspended
    ));
    let later = iterations(&vm);
    assert!(
        (reached + 4_990..=reached + 5_000).contains(&later),
        "{reached} -> {later}"
    );
    vm.reset_frames();
    vm.set_fuel(None);
    assert_usable(&mut vm);
}

#[test]
fn fuel_exhaustion_inside_a_native_callback_is_an_exception() {
    let mut vm = vm_with_limit(64 << 20);
    vm.set_fuel(Some(10_000));
    let src = "def forever(x):\n    while True:\n        pass\nsorted([3, 1, 2], key=forever)\n";
    let r = vm.run_source(src, "<cb>", "__main__");
    let e = r.expect_err("must not finish");
    assert!(vm.err_matches(&e, ExcKind::RuntimeError));
    vm.reset_frames();
    vm.set_fuel(None);
    assert_usable(&mut vm);
}

#[test]
fn several_vms_on_several_threads() {
    let handles: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let mut vm = vm_with_limit(64 << 20);
                let src = format!("total = sum(range({}))\n", 1000 * (i + 1));
                vm.run_source(&src, "<thread>", "__main__").is_ok()
            })
        })
        .collect();
    for h in handles {
        assert!(h.join().unwrap_or(false));
    }
}

#[test]
fn garbage_cycles_are_collected() {
    let mut vm = vm_with_limit(256 << 20);
    let src = "class N:\n    pass\nfor i in range(20000):\n    a = N(); b = N(); a.other = b; b.other = a\n";
    assert_eq!(outcome(&mut vm, src), "ok");
    vm.collect_garbage();
    let live_after_first = vm.heap.live_objects();
    assert_eq!(outcome(&mut vm, src), "ok");
    vm.collect_garbage();
    let live_after_second = vm.heap.live_objects();
    // Running the same cyclic workload again leaves no more live objects behind.
    assert!(
        live_after_second <= live_after_first + 16,
        "{live_after_first} -> {live_after_second}"
    );
}

#[test]
fn fuel_bounds_native_and_big_int_work() {
    // Found by the fuzzer: one huge power used to take seconds, printing it far longer.
    let mut vm = vm_with_limit(64 << 20);
    vm.set_fuel(Some(20_000));
    let start = std::time::Instant::now();
    assert_eq!(
        outcome(&mut vm, "x = (-2) ** 54775808 - 1\n"),
        "OverflowError"
    );
    vm.reset_frames();
    vm.set_fuel(Some(20_000));
    assert_eq!(
        outcome(&mut vm, "print(sum(range(10**12)))\n"),
        "RuntimeError"
    );
    vm.reset_frames();
    vm.set_fuel(Some(20_000));
    assert_eq!(outcome(&mut vm, "s = str(7 ** 100000)\n"), "ValueError");
    assert!(
        start.elapsed() < std::time::Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
    vm.set_fuel(None);
    assert_usable(&mut vm);
}

#[test]
fn catastrophic_regex_is_stopped_by_fuel() {
    // `(a+)+$` against "aaa...b" takes exponential time in any backtracking matcher; on a
    // fuel budget the match must end with an exception, not freeze the frame.
    let mut vm = vm_with_limit(64 << 20);
    vm.set_fuel(Some(200_000));
    // Native work may overrun the budget by this much before it fails.
    vm.native_overdraft = 100_000;
    let start = std::time::Instant::now();
    assert_eq!(
        outcome(&mut vm, "import re\nre.match('(a+)+$', 'a' * 60 + 'b')\n"),
        "RuntimeError"
    );
    assert!(
        start.elapsed() < std::time::Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
    vm.set_fuel(None);
    assert_usable(&mut vm);
}
