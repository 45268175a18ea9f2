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

const TASKS: usize = 100_000;
const FRAMES: usize = 20;

fn main() {
    let mut vm = Vm::new();
    let m = vm
        .run_source(
            "from kaa import spawn\n\
             def idle():\n    while True:\n        yield\n\
             def make(n):\n    for _ in range(n):\n        spawn(idle)\n",
            "<bench>",
            "__main__",
        )
        .expect("setup");
    let d = vm.module_dict(m);
    let k = vm.intern("make");
    let make = vm.ns_get(d, k).expect("make");
    vm.collect_garbage();
    let heap_before = vm.heap.bytes;
    let t0 = Instant::now();
    vm.call(make, &[kaa::Value::Int(TASKS as i64)])
        .expect("spawn");
    let spawned = vm.sched.alive();
    let spawn_time = t0.elapsed();
    let unlimited = Budget::default();
    // First frame starts every task (creates its frame); then measure steady resumes.
    vm.run_frame(1.0 / 60.0, unlimited);
    vm.collect_garbage();
    let heap_after = vm.heap.bytes;
    let t1 = Instant::now();
    let mut resumed = 0u64;
    for _ in 0..FRAMES {
        resumed += vm.run_frame(1.0 / 60.0, unlimited).resumed as u64;
    }
    let per_resume = t1.elapsed().as_nanos() as f64 / resumed.max(1) as f64;
    println!("tasks spawned:          {spawned}");
    println!(
        "spawn cost:             {:.0} ns per task",
        spawn_time.as_nanos() as f64 / spawned.max(1) as f64
    );
    println!("resume cost:            {per_resume:.0} ns per resume ({resumed} resumes)");
    println!(
        "memory per idle task:   {:.0} bytes (heap growth / tasks, frames included)",
        (heap_after.saturating_sub(heap_before)) as f64 / spawned.max(1) as f64
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

    // Preemption overshoot under a wall-clock budget.
    let mut vm = Vm::new();
    vm.run_source(
        "from kaa import spawn\ndef hog():\n    while True:\n        pass\nspawn(hog)\n",
        "<hog>",
        "__main__",
    )
    .expect("setup");
    let budget = Budget {
        fuel: None,
        time: Some(Duration::from_millis(2)),
    };
    let mut worst = Duration::ZERO;
    for _ in 0..200 {
        worst = worst.max(vm.run_frame(1.0 / 60.0, budget).time_used);
    }
    println!(
        "time-budget overshoot:  {:.1} µs worst over 200 frames of a 2 ms budget",
        worst.saturating_sub(Duration::from_millis(2)).as_nanos() as f64 / 1000.0
    );
}
