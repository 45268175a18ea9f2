//! Scheduler benchmark (a runner, not a timed test). Release build:
//!
//! ```text
//! cargo run --release -p kaa --example sched_bench
//! ```
//!
//! Reports the cost per task resume (100,000 tasks each doing `yield` every frame), memory
//! per idle task, spawn cost, message send+receive cost, and the wall-clock overshoot of a
//! time-budgeted frame whose only task loops forever.

use kaa::vm::sched::Budget;
use kaa::Vm;
use std::time::{Duration, Instant};

mod common;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

const TASKS: usize = 100_000;
const FRAMES: usize = 20;

fn main() {
    let mut vm = Vm::new();
    vm
        .run_source(
            "from kaa import spawn\n\
             def idle():\n    while True:\n        yield\n\
             def make(n):\n    for _ in range(n):\n        spawn(idle)\n\
             gens = []\n\
             def make_gens(n):\n    for _ in range(n):\n        g = idle()\n        next(g)\n        gens.append(g)\n",
            "<bench>",
            "__main__",
        )
        .expect("setup");
    let make = vm.eval("make").expect("make");
    let make_gens = vm.eval("make_gens").expect("make_gens");
    // The same number of bare started generators: what "its frame" costs on its own.
    vm.collect_garbage();
    let live_gens = common::live_bytes();
    vm.call(make_gens, &[kaa::Value::Int(TASKS as i64)])
        .expect("generators");
    vm.collect_garbage();
    let gen_bytes = common::live_bytes().saturating_sub(live_gens);
    vm.collect_garbage();
    let live_before = common::live_bytes();
    let t0 = Instant::now();
    vm.call(make, &[kaa::Value::Int(TASKS as i64)])
        .expect("spawn");
    let spawned = vm.sched.alive();
    let spawn_time = t0.elapsed();
    let unlimited = Budget::default();
    // First frame starts every task (creates its frame); then measure steady resumes.
    vm.run_frame(1.0 / 60.0, unlimited);
    vm.collect_garbage();
    let live_after = common::live_bytes();
    // Median over frames: this machine is noisy, and one slow frame says little.
    let mut per_frame = Vec::new();
    let mut resumed = 0u64;
    for _ in 0..FRAMES {
        let t1 = Instant::now();
        let n = vm.run_frame(1.0 / 60.0, unlimited).resumed as u64;
        per_frame.push(t1.elapsed().as_nanos() as f64 / n.max(1) as f64);
        resumed += n;
    }
    let per_resume = median(per_frame.clone());
    let best = per_frame.iter().copied().fold(f64::INFINITY, f64::min);
    println!("tasks spawned:          {spawned}");
    println!(
        "spawn cost:             {:.0} ns per task",
        spawn_time.as_nanos() as f64 / spawned.max(1) as f64
    );
    println!(
        "resume cost:            {per_resume:.0} ns per resume, median of {FRAMES} frames \
         (best {best:.0} ns; {resumed} resumes)"
    );
    let per_task = (live_after.saturating_sub(live_before)) as f64 / spawned.max(1) as f64;
    let per_gen = gen_bytes as f64 / TASKS as f64;
    println!(
        "memory per idle task:   {per_task:.0} bytes measured by the allocator = {per_gen:.0} \
         (its generator and frame) + {:.0} (task record, Task object, queue slot)",
        per_task - per_gen
    );

    // Messages: one task sends to itself and receives, N times.
    let mut vm = Vm::new();
    vm.run_source(
        "from kaa import spawn, send, receive, current_task\n\
         N = 200000\n\
         def ping():\n    me = current_task()\n    for i in range(N):\n        send(me, i)\n        yield receive()\n\
         spawn(ping)\n",
        "<msg>",
        "__main__",
    )
    .expect("setup");
    let t2 = Instant::now();
    vm.run_frame(1.0 / 60.0, unlimited);
    println!(
        "send + receive:         {:.0} ns per message",
        t2.elapsed().as_nanos() as f64 / 200_000.0
    );

    // Preemption overshoot under a wall-clock budget: a task stuck in `while True: pass`
    // beside 100 well-behaved tasks, which must all advance every frame.
    let mut vm = Vm::new();
    vm.run_source(
        "from kaa import spawn\nsteps = [0] * 100\ndef hog():\n    while True:\n        pass\n\
             def polite(i):\n    while True:\n        steps[i] += 1\n        yield\n\
             spawn(hog)\nfor i in range(100):\n    spawn(polite, i)\n\
             def slowest():\n    return min(steps)\n",
        "<hog>",
        "__main__",
    )
    .expect("setup");
    let slowest = vm.eval("slowest").expect("slowest");
    let limit = Duration::from_millis(2);
    let budget = Budget {
        fuel: None,
        time: Some(limit),
    };
    const OVER_FRAMES: usize = 500;
    let mut over = Vec::new();
    for _ in 0..OVER_FRAMES {
        let used = vm.run_frame(1.0 / 60.0, budget).time_used;
        over.push(used.saturating_sub(limit).as_nanos() as f64 / 1000.0);
    }
    let advanced = vm.call(slowest, &[]).expect("slowest");
    let worst = over.iter().copied().fold(0.0, f64::max);
    let mut sorted = over.clone();
    sorted.sort_by(f64::total_cmp);
    let p99 = sorted[sorted.len() * 99 / 100];
    println!(
        "time-budget overshoot:  median {:.1} µs, p99 {p99:.1} µs, worst {worst:.1} µs over \
         {OVER_FRAMES} frames of a 2 ms budget (hog + 100 tasks; slowest task advanced {} of \
         {OVER_FRAMES} frames)",
        median(over),
        vm.repr_value(advanced).unwrap_or_default()
    );
}
