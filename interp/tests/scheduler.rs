//! The scheduler's host API: spawning from Rust, owners, budgets and preemption,
//! determinism, and native callbacks that loop forever.

use kaa::vm::sched::Budget;
use kaa::{Value, Vm};
use std::sync::{Arc, Mutex};
use std::time::Duration;

mod common;
use common::Capture;

fn vm_with_output() -> (Vm, Capture) {
    let mut vm = Vm::new();
    let out = Capture::default();
    vm.stdout = Box::new(out.clone());
    (vm, out)
}

fn global(vm: &mut Vm, module: kaa::ObjRef, name: &str) -> Value {
    let d = vm.module_dict(module);
    let k = vm.intern(name);
    vm.ns_get(d, k).expect("global exists")
}

const FUEL: Budget = Budget {
    fuel: Some(50_000),
    time: None,
};

#[test]
fn host_spawns_tasks_with_owners_and_cancels_them() {
    let (mut vm, out) = vm_with_output();
    let m = vm
        .run_source(
            "import kaa\nlog = []\ndef ticker(name):\n    try:\n        while True:\n            log.append(name)\n            yield\n    finally:\n        log.append(name + ' stopped')\n",
            "<host>",
            "__main__",
        )
        .expect("module runs");
    let ticker = global(&mut vm, m, "ticker");
    let a = vm.new_str("a");
    let b = vm.new_str("b");
    let c = vm.new_str("c");
    vm.spawn_task(ticker, &[a], Some(7)).expect("spawn a");
    vm.spawn_task(ticker, &[b], Some(7)).expect("spawn b");
    let tc = vm.spawn_task(ticker, &[c], Some(9)).expect("spawn c");
    vm.run_frame(1.0 / 60.0, FUEL);
    vm.run_frame(1.0 / 60.0, FUEL);
    assert_eq!(vm.cancel_owner(7).expect("cancel"), 2);
    vm.run_frame(1.0 / 60.0, FUEL);
    assert_eq!(vm.sched.alive(), 1);
    assert!(vm.task_alive(tc));
    let log = global(&mut vm, m, "log");
    assert_eq!(
        vm.repr_value(log).expect("repr"),
        "['a', 'b', 'c', 'a', 'b', 'c', 'a stopped', 'b stopped', 'c']"
    );
    assert_eq!(out.text(), "");
    vm.task_cancel(tc).expect("cancel c");
    vm.run_frame(1.0 / 60.0, FUEL);
    assert_eq!(vm.sched.alive(), 0);
}

#[test]
fn a_looping_task_is_preempted_and_others_advance_every_frame() {
    let (mut vm, _out) = vm_with_output();
    let m = vm
        .run_source(
            "from kaa import spawn\nsteps = [0] * 100\ndef hog():\n    while True:\n        pass\ndef polite(i):\n    while True:\n        steps[i] += 1\n        yield\nspawn(hog)\nfor i in range(100):\n    spawn(polite, i)\n",
            "<preempt>",
            "__main__",
        )
        .expect("module runs");
    let budget = Budget {
        fuel: Some(20_000),
        time: None,
    };
    let mut max_overshoot = 0u64;
    for frame in 1..=20u64 {
        let stats = vm.run_frame(1.0 / 60.0, budget);
        max_overshoot = max_overshoot.max(stats.fuel_used.saturating_sub(20_000));
        assert!(stats.preempted >= 1, "the hog is cut off each frame");
        let steps = global(&mut vm, m, "steps");
        let items = vm.iterate(steps).expect("list");
        for v in items {
            assert!(
                matches!(v, Value::Int(n) if n == frame as i64),
                "every polite task advanced"
            );
        }
    }
    // Fuel is charged at safe points, so a step ends within a few units of its share.
    assert!(max_overshoot <= 64, "overshoot {max_overshoot}");
}

#[test]
fn a_time_budget_bounds_the_frame() {
    let (mut vm, _out) = vm_with_output();
    let m = vm
        .run_source(
            "from kaa import spawn\nsteps = [0] * 100\ndef hog():\n    while True:\n        pass\n\
             def polite(i):\n    while True:\n        steps[i] += 1\n        yield\n\
             spawn(hog)\nfor i in range(100):\n    spawn(polite, i)\n",
            "<time>",
            "__main__",
        )
        .expect("module runs");
    // 20 ms: on the loaded 2-core CI machine a debug build sometimes spent 5 ms before all
    // hundred polite tasks had had their turn (CI failed once on frame 3).
    let budget = Budget {
        fuel: None,
        time: Some(Duration::from_millis(20)),
    };
    let mut worst = Duration::ZERO;
    for frame in 1..=10 {
        let stats = vm.run_frame(1.0 / 60.0, budget);
        worst = worst.max(stats.time_used);
        assert!(stats.preempted >= 1, "the hog is cut off each frame");
        let steps = global(&mut vm, m, "steps");
        let text = vm.repr_value(steps).expect("repr");
        let expected = format!("[{}]", vec![frame.to_string(); 100].join(", "));
        assert_eq!(text, expected, "every polite task advanced once per frame");
    }
    // The deadline is checked every few thousand instructions; debug builds are slow, so
    // the bound here is generous (the README reports the release-build figure).
    assert!(worst < Duration::from_millis(100), "frame took {worst:?}");
}

fn deterministic_run() -> String {
    let (mut vm, out) = vm_with_output();
    vm.run_source(
        "import random\nfrom kaa import spawn, wait, send, receive, current_task\nrandom.seed(5)\ndef worker(i, boss):\n    n = 0\n    while n < 3000 * (i + 1):\n        n += random.randint(1, 3)\n    send(boss, (i, n))\n    yield wait(random.random() / 10)\n    return n\ndef boss():\n    me = current_task()\n    ws = [spawn(worker, i, me) for i in range(5)]\n    got = []\n    for _ in range(5):\n        got.append((yield receive()))\n    print(got)\n    for w in ws:\n        print((yield w))\nspawn(boss)\n",
        "<det>",
        "__main__",
    )
    .expect("module runs");
    let budget = Budget {
        fuel: Some(7_000),
        time: None,
    };
    let mut frames = Vec::new();
    while vm.sched.alive() > 0 && frames.len() < 1000 {
        let s = vm.run_frame(1.0 / 60.0, budget);
        frames.push((s.resumed, s.preempted, s.finished, s.fuel_used));
    }
    format!("{}{frames:?}", out.text())
}

#[test]
fn fuel_only_budgets_are_deterministic() {
    let a = deterministic_run();
    let b = deterministic_run();
    assert!(a.contains("(4, "), "the run produced output: {a}");
    assert_eq!(a, b);
}

#[test]
fn a_native_callback_that_loops_forever_still_ends() {
    let (mut vm, _out) = vm_with_output();
    let errors = Arc::new(Mutex::new(Vec::new()));
    let sink = errors.clone();
    vm.sched.on_error = Some(Box::new(move |e: &kaa::ScriptError| {
        if let Ok(mut v) = sink.lock() {
            v.push(e.message.clone());
        }
    }));
    vm.native_overdraft = 200_000;
    vm.run_source(
        "from kaa import spawn\ndef forever(x):\n    while True:\n        pass\ndef sorter():\n    yield\n    sorted([3, 1, 2], key=forever)\ndef fine():\n    for _ in range(5):\n        yield\nspawn(sorter)\nspawn(fine)\n",
        "<native>",
        "__main__",
    )
    .expect("module runs");
    for _ in 0..10 {
        vm.run_frame(1.0 / 60.0, FUEL);
    }
    assert_eq!(vm.sched.alive(), 0);
    let got = errors.lock().map(|v| v.clone()).unwrap_or_default();
    assert_eq!(
        got,
        vec!["script ran out of fuel inside a native callback".to_string()]
    );
}

#[test]
fn no_link_outlives_an_exit() {
    let (mut vm, _out) = vm_with_output();
    let m = vm
        .run_source(
            "from kaa import link, spawn, wait, trap_exit\n\
             def short(after, fail):\n    yield wait(after)\n    if fail:\n        raise ValueError('x')\n\
             def hub(peers):\n    trap_exit(True)\n    for p in peers:\n        link(p)\n        link(p)\n    while True:\n        yield\n",
            "<links>",
            "__main__",
        )
        .expect("module runs");
    let short = global(&mut vm, m, "short");
    let hub = global(&mut vm, m, "hub");
    let ok = vm
        .spawn_task(short, &[Value::Float(0.05), Value::Bool(false)], None)
        .expect("spawn");
    let bad = vm
        .spawn_task(short, &[Value::Float(0.1), Value::Bool(true)], None)
        .expect("spawn");
    let (ok_obj, bad_obj) = (vm.task_object(ok), vm.task_object(bad));
    let peers = vm.new_list(vec![ok_obj.expect("task"), bad_obj.expect("task")]);
    let h = vm.spawn_task(hub, &[peers], None).expect("spawn hub");
    vm.run_frame(1.0 / 60.0, FUEL);
    // Linked twice, one link each; both sides know it.
    assert_eq!(vm.task_links(h), vec![ok, bad]);
    assert_eq!(vm.task_links(ok), vec![h]);
    assert_eq!(vm.task_links(bad), vec![h]);
    for _ in 0..4 {
        vm.run_frame(1.0 / 60.0, FUEL);
    }
    // The normal exit removed its link on both sides; the failure is still linked.
    assert!(!vm.task_alive(ok));
    assert_eq!(vm.task_links(h), vec![bad]);
    for _ in 0..4 {
        vm.run_frame(1.0 / 60.0, FUEL);
    }
    assert!(!vm.task_alive(bad));
    assert!(vm.task_alive(h), "the hub traps exits");
    assert!(vm.task_links(h).is_empty(), "no stale link left");
}
