//! The task scheduler: script coroutines run frame by frame inside a host budget.
//!
//! A task's body is a generator or coroutine. The host calls [`Vm::run_frame`] once per
//! game frame: game time advances, due tasks wake, and ready tasks run round-robin until
//! each waits again or the budget is spent. Tasks always run from an empty VM frame stack,
//! so a task cut off by the budget is suspended by moving the VM's frames and value stack
//! into the task, and moving them back next frame (the frames' stack offsets stay valid).
//!
//! What a task yields says what it waits for: `None` (next frame), `wait(s)`,
//! `wait_frames(n)`, `wait_until(pred)`, `receive(timeout)` or another task (join). Links,
//! monitors and mailboxes follow Erlang: abnormal exits stop linked tasks unless they trap
//! exits, monitors get `("DOWN", ref, task, reason)`.

use super::frame::Frame;
use super::{PyResult, RunState, Vm};
use crate::object::{GenState, Obj};
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self, PyErr};
use std::collections::{BinaryHeap, VecDeque};
use std::time::{Duration, Instant};

pub type TaskId = u64;

/// Game time tolerance: a wait of 0.5 s at dt 1/60 wakes on the frame whose clock reads
/// 0.5 within rounding.
const TIME_EPS: f64 = 1e-9;

/// The smallest share of a frame's fuel one task step gets.
const MIN_QUANTUM: u64 = 1000;
/// A task's share of a frame under a time-only budget (checked against the deadline).
const TIME_QUANTUM: u64 = 100_000;
/// The shortest wall-clock slice a step gets under a time budget (the deadline is checked every
/// 4096 instructions, about 10 µs of work, so shorter slices would only add overshoot).
const MIN_TIME_SLICE: Duration = Duration::from_micros(20);

/// Classes of the script-side objects the scheduler recognises (set when `kaa` is imported).
#[derive(Debug, Default, Clone)]
pub struct SchedClasses {
    pub task: Option<ObjRef>,
    pub wait: Option<ObjRef>,
    pub wait_frames: Option<ObjRef>,
    pub wait_until: Option<ObjRef>,
    pub receive: Option<ObjRef>,
    pub cancelled: Option<ObjRef>,
}

/// What a task is waiting for.
#[derive(Debug, Clone)]
enum Wait {
    /// Runnable (in the ready queue).
    Ready,
    /// Running now.
    Running,
    NextFrame,
    /// Asleep (the wake time is in the timer heap).
    Sleep,
    /// Waiting some frames (the target frame is in the frame-timer heap).
    Frames,
    Predicate(Value),
    Join(TaskId),
    Receive,
}

/// What the next step of a task starts with.
#[derive(Debug, Clone)]
enum Resume {
    Send(Value),
    Throw(ObjRef),
}

/// How a task ended, as linked tasks and monitors see it.
#[derive(Debug, Clone)]
enum Outcome {
    Returned(Value),
    Failed(ObjRef),
    Cancelled(ObjRef),
}

/// Tasks by id: a slab indexed by the id's low 32 bits, checked against a generation in the
/// high bits (ids are never reused for a different task, lookups are one index).
#[derive(Debug, Default)]
struct TaskTable {
    slots: Vec<(u32, Option<Task>)>,
    free: Vec<u32>,
    len: usize,
}

impl TaskTable {
    fn split(id: TaskId) -> (usize, u32) {
        ((id & 0xffff_ffff) as usize, (id >> 32) as u32)
    }

    fn insert(&mut self, t: Task) -> TaskId {
        self.len += 1;
        let idx = match self.free.pop() {
            Some(i) => i,
            None => {
                self.slots.push((0, None));
                (self.slots.len() - 1) as u32
            }
        };
        let slot = &mut self.slots[idx as usize];
        slot.0 = slot.0.wrapping_add(1);
        slot.1 = Some(t);
        ((slot.0 as u64) << 32) | idx as u64
    }

    fn get(&self, id: &TaskId) -> Option<&Task> {
        let (i, g) = Self::split(*id);
        match self.slots.get(i) {
            Some((gen, Some(t))) if *gen == g => Some(t),
            _ => None,
        }
    }

    fn get_mut(&mut self, id: &TaskId) -> Option<&mut Task> {
        let (i, g) = Self::split(*id);
        match self.slots.get_mut(i) {
            Some((gen, Some(t))) if *gen == g => Some(t),
            _ => None,
        }
    }

    fn contains_key(&self, id: &TaskId) -> bool {
        self.get(id).is_some()
    }

    fn remove(&mut self, id: &TaskId) -> Option<Task> {
        let (i, g) = Self::split(*id);
        match self.slots.get_mut(i) {
            Some((gen, slot)) if *gen == g && slot.is_some() => {
                self.len -= 1;
                self.free.push(i as u32);
                slot.take()
            }
            _ => None,
        }
    }

    fn len(&self) -> usize {
        self.len
    }

    fn iter(&self) -> impl Iterator<Item = (TaskId, &Task)> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, (g, t))| t.as_ref().map(|t| (((*g as u64) << 32) | i as u64, t)))
    }

    fn values(&self) -> impl Iterator<Item = &Task> {
        self.slots.iter().filter_map(|(_, t)| t.as_ref())
    }

    fn values_mut(&mut self) -> impl Iterator<Item = &mut Task> {
        self.slots.iter_mut().filter_map(|(_, t)| t.as_mut())
    }
}

#[derive(Debug)]
struct Task {
    /// The script-visible `Task` object.
    obj: ObjRef,
    /// The generator or coroutine running the task's body.
    body: ObjRef,
    /// Frames and value stack of a run cut off by the budget.
    saved: Option<Box<(Vec<Frame>, Vec<Value>)>>,
    resume: Resume,
    wait: Wait,
    /// Bumped on every wait, so stale timer entries can be told apart.
    wait_gen: u64,
    owner: Option<u64>,
    cancel_requested: bool,
    trap_exit: bool,
    /// Kept out of line and allocated lazily: idle tasks stay small.
    rel: Option<Box<Relations>>,
}

static NO_RELATIONS: Relations = Relations {
    mailbox: VecDeque::new(),
    links: Vec::new(),
    watchers: Vec::new(),
    joiners: Vec::new(),
};

impl Task {
    fn rel(&self) -> &Relations {
        self.rel.as_deref().unwrap_or(&NO_RELATIONS)
    }

    /// Allocated on first use: most tasks never get a message, a link or a joiner.
    fn rel_mut(&mut self) -> &mut Relations {
        self.rel.get_or_insert_with(Box::default)
    }
}

/// A task's mailbox and its ties to other tasks.
#[derive(Debug, Default)]
struct Relations {
    mailbox: VecDeque<Value>,
    links: Vec<TaskId>,
    /// (reference, watching task) for each monitor on this task.
    watchers: Vec<(i64, TaskId)>,
    joiners: Vec<TaskId>,
}

/// One frame's work, for the host.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FrameStats {
    /// Task steps run this frame.
    pub resumed: u32,
    /// Steps cut off by the budget (they continue first next frame).
    pub preempted: u32,
    pub finished: u32,
    pub fuel_used: u64,
    pub time_used: Duration,
}

/// The budget of one frame: fuel (instructions) and/or wall-clock time.
#[derive(Debug, Default, Clone, Copy)]
pub struct Budget {
    pub fuel: Option<u64>,
    pub time: Option<Duration>,
}

/// The host's handler for task failures nobody waits for.
pub type ErrorHook = Box<dyn FnMut(&super::ScriptError) + Send>;

#[derive(Default)]
pub struct Scheduler {
    tasks: TaskTable,
    /// Spawn counter: the number shown in a task's repr (slab ids are not readable).
    spawned: i64,
    next_ref: i64,
    /// Runnable this frame, in order.
    ready: VecDeque<TaskId>,
    /// Bare `yield`: runnable next frame.
    next_frame: Vec<TaskId>,
    /// (wake time as ordered bits, seq, task, wait generation), earliest first.
    timers: BinaryHeap<std::cmp::Reverse<(u64, u64, TaskId, u64)>>,
    frame_timers: BinaryHeap<std::cmp::Reverse<(u64, u64, TaskId, u64)>>,
    predicates: Vec<TaskId>,
    seq: u64,
    pub time: f64,
    pub frame: u64,
    current: Option<TaskId>,
    pub classes: SchedClasses,
    /// Called with the report of each task that fails with nobody joining it.
    pub on_error: Option<ErrorHook>,
}

impl std::fmt::Debug for Scheduler {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scheduler")
            .field("tasks", &self.tasks.len())
            .field("time", &self.time)
            .field("frame", &self.frame)
            .finish()
    }
}

/// Game times order like their bit patterns when non-negative.
fn time_key(t: f64) -> u64 {
    t.max(0.0).to_bits()
}

impl Scheduler {
    /// Objects the scheduler keeps alive (GC roots).
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        for t in self.tasks.values() {
            out.push(t.obj);
            out.push(t.body);
            if let Some((frames, stack)) = t.saved.as_deref() {
                for f in frames {
                    f.trace(out);
                }
                out.extend(stack.iter().filter_map(|v| v.as_obj()));
            }
            match t.resume {
                Resume::Send(Value::Obj(r)) | Resume::Throw(r) => out.push(r),
                _ => {}
            }
            if let Wait::Predicate(Value::Obj(r)) = t.wait {
                out.push(r);
            }
            out.extend(t.rel().mailbox.iter().filter_map(|v| v.as_obj()));
        }
        let c = &self.classes;
        out.extend(
            [
                c.task,
                c.wait,
                c.wait_frames,
                c.wait_until,
                c.receive,
                c.cancelled,
            ]
            .into_iter()
            .flatten(),
        );
    }

    pub fn alive(&self) -> usize {
        self.tasks.len()
    }

    pub fn current(&self) -> Option<TaskId> {
        self.current
    }

    fn make_ready(&mut self, id: TaskId, resume: Resume) {
        if let Some(t) = self.tasks.get_mut(&id) {
            t.resume = resume;
            if matches!(t.wait, Wait::Ready) {
                return; // already queued
            }
            t.wait = Wait::Ready;
            t.wait_gen += 1;
            self.ready.push_back(id);
        }
    }
}

impl Vm {
    // ----- the script-facing side (used by the `kaa` module) -----

    /// The `Task` object of the running task.
    pub fn current_task_obj(&self) -> Option<ObjRef> {
        let id = self.sched.current?;
        self.sched.tasks.get(&id).map(|t| t.obj)
    }

    /// The owner tag of the running task (tasks it spawns inherit it).
    pub fn current_task_owner(&self) -> Option<u64> {
        let id = self.sched.current?;
        self.sched.tasks.get(&id).and_then(|t| t.owner)
    }

    /// The id stored in a `Task` object.
    pub fn task_id_of(&mut self, v: Value) -> PyResult<TaskId> {
        let is_task = match (self.sched.classes.task, v) {
            (Some(tc), Value::Obj(_)) => self.isinstance(v, tc),
            _ => false,
        };
        if !is_task {
            return Err(exc::type_error(format!(
                "expected a Task, not '{}'",
                self.type_name(v)
            )));
        }
        let id = self.get_attr_str(v, "_id")?;
        Ok(self.index_value(id)? as TaskId)
    }

    /// Start a task whose body is the generator or coroutine `body`; `obj` is the new,
    /// already-built `Task` object. The task first runs in the current frame's ready queue.
    pub fn spawn_body(&mut self, obj: ObjRef, body: ObjRef, owner: Option<u64>) -> TaskId {
        let s = &mut self.sched;
        let id = s.tasks.insert(Task {
            obj,
            body,
            saved: None,
            resume: Resume::Send(Value::None),
            wait: Wait::Ready,
            wait_gen: 0,
            owner,
            cancel_requested: false,
            trap_exit: false,
            rel: None,
        });
        s.ready.push_back(id);
        s.spawned += 1;
        let serial = s.spawned;
        let (k, kn) = (self.intern("_id"), self.intern("_n"));
        if let Obj::Instance(i) = self.heap.get(obj) {
            let d = i.dict;
            self.ns_set(d, k, Value::Int(id as i64));
            self.ns_set(d, kn, Value::Int(serial));
        }
        id
    }

    fn set_task_state(&mut self, obj: ObjRef, state: &str, value: Value) {
        let d = match self.heap.get(obj) {
            Obj::Instance(i) => i.dict,
            _ => return,
        };
        let (ks, kv) = (self.intern("_state"), self.intern("_value"));
        // Interned: thousands of finished tasks share the three state strings.
        let sv = Value::Obj(self.intern(state));
        self.ns_set(d, ks, sv);
        self.ns_set(d, kv, value);
    }

    pub fn task_alive(&self, id: TaskId) -> bool {
        self.sched.tasks.contains_key(&id)
    }

    /// Deliver a message; a task blocked in `receive` wakes with it.
    pub fn task_send(&mut self, id: TaskId, msg: Value) {
        let Some(t) = self.sched.tasks.get_mut(&id) else {
            return;
        };
        if matches!(t.wait, Wait::Receive) {
            self.sched.make_ready(id, Resume::Send(msg));
        } else {
            t.rel_mut().mailbox.push_back(msg);
        }
    }

    /// Ask a task to stop: CancelledError is thrown into it at once (its `finally` blocks
    /// run). Joiners are released when it ends.
    pub fn task_cancel(&mut self, id: TaskId) -> PyResult<bool> {
        let Some(t) = self.sched.tasks.get_mut(&id) else {
            return Ok(false);
        };
        t.cancel_requested = true;
        if self.sched.current == Some(id) {
            // A task cancelling itself: the error is raised at its next yield.
            return Ok(true);
        }
        let err = self.cancelled_error("cancelled")?;
        if let Some(t) = self.sched.tasks.get(&id) {
            if matches!(t.wait, Wait::Ready) && !matches!(t.resume, Resume::Throw(_)) {
                // Already queued: replace what it will be resumed with.
                if let Some(t) = self.sched.tasks.get_mut(&id) {
                    t.resume = Resume::Throw(err);
                }
                return Ok(true);
            }
        }
        self.sched.make_ready(id, Resume::Throw(err));
        Ok(true)
    }

    /// Cancel every task tagged with `owner` (the plugin's entity id). Returns how many.
    pub fn cancel_owner(&mut self, owner: u64) -> PyResult<usize> {
        let ids: Vec<TaskId> = self
            .sched
            .tasks
            .iter()
            .filter(|(_, t)| t.owner == Some(owner))
            .map(|(id, _)| id)
            .collect();
        for &id in &ids {
            self.task_cancel(id)?;
        }
        Ok(ids.len())
    }

    pub fn task_set_owner(&mut self, id: TaskId, owner: Option<u64>) {
        if let Some(t) = self.sched.tasks.get_mut(&id) {
            t.owner = owner;
        }
    }

    fn cancelled_error(&mut self, msg: &str) -> PyResult<ObjRef> {
        let Some(cls) = self.sched.classes.cancelled else {
            return Err(exc::runtime_error("kaa is not imported"));
        };
        let m = self.new_str(msg);
        let v = self.call(Value::Obj(cls), &[m])?;
        v.as_obj()
            .ok_or_else(|| exc::runtime_error("CancelledError is not an object"))
    }

    pub fn task_link(&mut self, a: TaskId, b: TaskId, b_obj: Value) -> PyResult<()> {
        if a == b {
            return Ok(());
        }
        if !self.task_alive(b) {
            // Linking to a task that is gone: like Erlang's noproc exit signal.
            let reason = self.new_str("noproc");
            return self.deliver_exit(a, b_obj, reason, true);
        }
        for (x, y) in [(a, b), (b, a)] {
            if let Some(t) = self.sched.tasks.get_mut(&x) {
                if !t.rel().links.contains(&y) {
                    t.rel_mut().links.push(y);
                }
            }
        }
        Ok(())
    }

    /// The tasks linked to `id` (empty for a finished task): for hosts' debugging views.
    pub fn task_links(&self, id: TaskId) -> Vec<TaskId> {
        self.sched
            .tasks
            .get(&id)
            .map_or_else(Vec::new, |t| t.rel().links.clone())
    }

    pub fn task_unlink(&mut self, a: TaskId, b: TaskId) {
        for (x, y) in [(a, b), (b, a)] {
            if let Some(t) = self.sched.tasks.get_mut(&x) {
                t.rel_mut().links.retain(|&l| l != y);
            }
        }
    }

    pub fn task_monitor(&mut self, watcher: TaskId, target: TaskId, target_obj: Value) -> i64 {
        self.sched.next_ref += 1;
        let r = self.sched.next_ref;
        match self.sched.tasks.get_mut(&target) {
            Some(t) => t.rel_mut().watchers.push((r, watcher)),
            None => {
                let noproc = self.new_str("noproc");
                let down = self.new_str("DOWN");
                let msg = self.new_tuple(vec![down, Value::Int(r), target_obj, noproc]);
                self.task_send(watcher, msg);
            }
        }
        r
    }

    pub fn task_demonitor(&mut self, r: i64) {
        for t in self.sched.tasks.values_mut() {
            t.rel_mut().watchers.retain(|&(x, _)| x != r);
        }
    }

    pub fn task_trap_exit(&mut self, id: TaskId, flag: bool) -> bool {
        match self.sched.tasks.get_mut(&id) {
            Some(t) => std::mem::replace(&mut t.trap_exit, flag),
            None => false,
        }
    }

    // ----- the host side -----

    /// Spawn a task from the host: `callable(*args)` as with `kaa.spawn`, tagged with an
    /// owner (the plugin uses entity ids; [`Vm::cancel_owner`] stops them all).
    pub fn spawn_task(
        &mut self,
        callable: Value,
        args: &[Value],
        owner: Option<u64>,
    ) -> PyResult<TaskId> {
        self.check_value(callable)?;
        for &a in args {
            self.check_value(a)?;
        }
        let m = self.import_dotted("kaa")?;
        let spawn = self.get_attr_str(m, "spawn")?;
        let mut a = Vec::with_capacity(args.len() + 1);
        a.push(callable);
        a.extend_from_slice(args);
        let t = self.call(spawn, &a)?;
        let id = self.task_id_of(t)?;
        self.task_set_owner(id, owner);
        Ok(id)
    }

    /// The script-visible `Task` object of a live task.
    pub fn task_object(&self, id: TaskId) -> Option<Value> {
        self.sched.tasks.get(&id).map(|t| Value::Obj(t.obj))
    }

    /// Run one game frame: advance the clock by `dt`, wake due tasks, and run ready tasks
    /// round-robin until they all wait or the budget is spent.
    pub fn run_frame(&mut self, dt: f64, budget: Budget) -> FrameStats {
        let start = Instant::now();
        let deadline = budget.time.map(|t| start + t);
        let mut stats = FrameStats::default();
        self.sched.time += dt;
        self.sched.frame += 1;
        self.wake_due();
        let mut fuel_left = budget.fuel;
        let mut fuel_used: u64 = 0;
        // Round-robin with a quantum, so one task stuck in a loop cannot take the frame: each
        // step gets a fair share of the budget; a task cut off by its quantum goes to the back
        // of the queue while budget remains, and to the front of next frame's queue otherwise.
        let ready_now = self.sched.ready.len().max(1) as u64;
        let quantum = match budget.fuel {
            Some(f) => (f / ready_now).max(MIN_QUANTUM),
            None => TIME_QUANTUM,
        };
        while let Some(id) = self.sched.ready.pop_front() {
            if !self.task_alive(id) {
                continue;
            }
            let out_of_time = deadline.is_some_and(|d| Instant::now() >= d);
            if fuel_left == Some(0) || out_of_time {
                // Out of budget: this task and the rest run first next frame.
                self.sched.ready.push_front(id);
                break;
            }
            let step_fuel = Some(fuel_left.map_or(quantum, |f| f.min(quantum)));
            // With a time budget, a step also gets a fair share of the time left, so a task
            // stuck in a loop cannot use up the frame before the others ran once.
            let step_deadline = deadline.map(|d| {
                let now = Instant::now();
                let waiting = self.sched.ready.len() as u32 + 1;
                let share = d.saturating_duration_since(now) / waiting;
                d.min(now + share.max(MIN_TIME_SLICE))
            });
            self.set_budget(step_fuel, step_deadline);
            let before = self.fuel_left();
            let step = self.step_task(id);
            let used = (before - self.fuel_left()).max(0) as u64;
            fuel_used += used;
            if let Some(f) = fuel_left.as_mut() {
                *f = f.saturating_sub(used);
            }
            stats.resumed += 1;
            match step {
                Step::Preempted => {
                    stats.preempted += 1;
                    let spent =
                        fuel_left == Some(0) || deadline.is_some_and(|d| Instant::now() >= d);
                    if spent {
                        self.sched.ready.push_front(id);
                        break;
                    }
                    self.sched.ready.push_back(id);
                }
                Step::Finished => stats.finished += 1,
                Step::Waiting => {}
            }
        }
        self.set_fuel(None);
        stats.fuel_used = fuel_used;
        stats.time_used = start.elapsed();
        stats
    }

    /// Move due sleepers, frame waiters, timeouts and satisfied predicates to the ready
    /// queue (after tasks left over from the last frame, which keep their place).
    fn wake_due(&mut self) {
        let next: Vec<TaskId> = std::mem::take(&mut self.sched.next_frame);
        for id in next {
            if let Some(t) = self.sched.tasks.get(&id) {
                if matches!(t.wait, Wait::NextFrame) {
                    self.sched.make_ready(id, Resume::Send(Value::None));
                }
            }
        }
        let now = self.sched.time + TIME_EPS;
        while let Some(std::cmp::Reverse((wake, _, id, gen))) = self.sched.timers.peek().copied() {
            if f64::from_bits(wake) > now {
                break;
            }
            self.sched.timers.pop();
            let Some(t) = self.sched.tasks.get(&id) else {
                continue;
            };
            if t.wait_gen != gen {
                continue;
            }
            // A receive that timed out resumes with None, like a finished wait.
            self.sched.make_ready(id, Resume::Send(Value::None));
        }
        let frame = self.sched.frame;
        while let Some(std::cmp::Reverse((target, _, id, gen))) =
            self.sched.frame_timers.peek().copied()
        {
            if target > frame {
                break;
            }
            self.sched.frame_timers.pop();
            if self.sched.tasks.get(&id).is_some_and(|t| t.wait_gen == gen) {
                self.sched.make_ready(id, Resume::Send(Value::None));
            }
        }
        let preds = std::mem::take(&mut self.sched.predicates);
        let mut keep = Vec::new();
        for id in preds {
            let Some(Wait::Predicate(p)) = self.sched.tasks.get(&id).map(|t| t.wait.clone()) else {
                continue;
            };
            // Predicates run under the overdraft rule: they cannot be suspended.
            self.set_budget(Some(crate::vm::FUEL_CHUNK as u64), None);
            let r = self.call(p, &[]).and_then(|v| self.truthy(v));
            self.set_fuel(None);
            match r {
                Ok(true) => self.sched.make_ready(id, Resume::Send(Value::None)),
                Ok(false) => keep.push(id),
                Err(e) => {
                    let err = self.materialize(e);
                    self.sched.make_ready(id, Resume::Throw(err));
                }
            }
        }
        self.sched.predicates.extend(keep);
    }

    /// Run one step of a task from an empty frame stack.
    fn step_task(&mut self, id: TaskId) -> Step {
        let Some(task) = self.sched.tasks.get_mut(&id) else {
            return Step::Finished;
        };
        let saved = task.saved.take();
        let resume = std::mem::replace(&mut task.resume, Resume::Send(Value::None));
        task.wait = Wait::Running;
        let body = task.body;
        self.sched.current = Some(id);
        debug_assert!(self.frames.is_empty());
        let r = match saved.map(|b| *b) {
            Some((frames, stack)) => {
                self.frames = frames;
                self.stack = stack;
                match resume {
                    // Cancelled while preempted: raise where it was cut off.
                    Resume::Throw(e) => self.run_frames_with_error(PyErr::Obj(e)),
                    Resume::Send(_) => self.resume(),
                }
            }
            None => self.start_task_step(body, resume),
        };
        self.sched.current = None;
        match r {
            Ok(RunState::Suspended) => {
                let frames = std::mem::take(&mut self.frames);
                let stack = std::mem::take(&mut self.stack);
                if let Some(t) = self.sched.tasks.get_mut(&id) {
                    t.saved = Some(Box::new((frames, stack)));
                    t.wait = Wait::Ready;
                }
                Step::Preempted
            }
            Ok(RunState::Done(v)) => {
                self.reset_frames();
                let finished = matches!(self.heap.get(body), Obj::Generator(g) if g.state == GenState::Finished);
                if finished {
                    self.finish_task(id, Outcome::Returned(v));
                    Step::Finished
                } else {
                    self.task_yielded(id, v)
                }
            }
            Err(e) => {
                self.reset_frames();
                let err = self.materialize(e);
                let cancelled = self
                    .sched
                    .classes
                    .cancelled
                    .is_some_and(|c| self.isinstance(Value::Obj(err), c));
                self.finish_task(
                    id,
                    if cancelled {
                        Outcome::Cancelled(err)
                    } else {
                        Outcome::Failed(err)
                    },
                );
                Step::Finished
            }
        }
    }

    /// Push the body's frame (no native nesting, so the budget can suspend it) and run.
    fn start_task_step(&mut self, body: ObjRef, resume: Resume) -> PyResult<RunState> {
        let delegating = matches!(resume, Resume::Throw(_)) && self.gen_delegates(body);
        if delegating {
            // Throwing into a generator inside `yield from`/`await` goes through the
            // sub-iterators first: use the general (nested) path for this one step.
            let Resume::Throw(e) = resume else {
                return Ok(RunState::Done(Value::None));
            };
            return match self.gen_resume(body, Value::None, Some(PyErr::Obj(e))) {
                Ok(crate::vm::call::GenStep::Yield(v)) => Ok(RunState::Done(v)),
                Ok(crate::vm::call::GenStep::Return(v)) => Ok(RunState::Done(v)),
                Err(e) => Err(e),
            };
        }
        let (state, frame) = match self.heap.get_mut(body) {
            Obj::Generator(g) => {
                if g.state == GenState::Running || g.state == GenState::Finished {
                    return Err(exc::runtime_error("task body is not resumable"));
                }
                let st = g.state;
                g.state = GenState::Running;
                (st, g.frame.take())
            }
            _ => return Err(exc::type_error("task body is not a generator")),
        };
        let Some(mut frame) = frame else {
            return Err(exc::runtime_error("task body has no frame"));
        };
        frame.base = self.stack.len();
        self.stack.append(&mut frame.saved_stack);
        frame.boundary = true;
        let sent = match resume {
            Resume::Send(v) => v,
            Resume::Throw(_) => Value::None,
        };
        if state == GenState::Suspended && matches!(resume, Resume::Send(_)) {
            self.stack.push(sent);
        }
        self.frames.push(frame);
        match resume {
            Resume::Throw(e) => self.run_frames_with_error(PyErr::Obj(e)),
            Resume::Send(_) => self.run_frames(),
        }
    }

    /// Is a suspended generator inside `yield from` / `await`?
    fn gen_delegates(&self, g: ObjRef) -> bool {
        let Obj::Generator(gen) = self.heap.get(g) else {
            return false;
        };
        let Some(f) = gen.frame.as_ref() else {
            return false;
        };
        f.ip >= 2
            && matches!(
                (f.code.instrs.get(f.ip - 2), f.code.instrs.get(f.ip - 1)),
                (
                    Some(crate::code::Instr::Send(_)),
                    Some(crate::code::Instr::YieldValue)
                )
            )
    }

    /// A task yielded `v`: decide what it waits for.
    fn task_yielded(&mut self, id: TaskId, v: Value) -> Step {
        if let Some(t) = self.sched.tasks.get(&id) {
            if t.cancel_requested && !matches!(t.resume, Resume::Throw(_)) {
                // It cancelled itself (or was cancelled while running): raise at this yield.
                if let Ok(err) = self.cancelled_error("cancelled") {
                    if let Some(t) = self.sched.tasks.get_mut(&id) {
                        t.cancel_requested = false;
                    }
                    self.sched.make_ready(id, Resume::Throw(err));
                    return Step::Waiting;
                }
            }
        }
        match self.interpret_yield(id, v) {
            Ok(()) => Step::Waiting,
            Err(e) => {
                let err = self.materialize(e);
                self.sched.make_ready(id, Resume::Throw(err));
                Step::Waiting
            }
        }
    }

    fn attr_f64(&mut self, v: Value, name: &str) -> PyResult<Option<f64>> {
        let a = self.get_attr_str(v, name)?;
        if a.is_none() {
            return Ok(None);
        }
        match crate::builtins::to_float(self, a)? {
            Value::Float(f) => Ok(Some(f)),
            _ => Ok(None),
        }
    }

    fn interpret_yield(&mut self, id: TaskId, v: Value) -> PyResult<()> {
        let c = self.sched.classes.clone();
        let is = |vm: &Vm, cls: Option<ObjRef>| cls.is_some_and(|k| vm.isinstance(v, k));
        let seq = {
            self.sched.seq += 1;
            self.sched.seq
        };
        let set_wait = |vm: &mut Vm, w: Wait| -> u64 {
            let t = vm.sched.tasks.get_mut(&id).expect("yielding task exists");
            t.wait = w;
            t.wait_gen += 1;
            t.wait_gen
        };
        if v.is_none() {
            set_wait(self, Wait::NextFrame);
            self.sched.next_frame.push(id);
        } else if is(self, c.wait) {
            let secs = self.attr_f64(v, "seconds")?.unwrap_or(0.0);
            let wake = self.sched.time + secs;
            let gen = set_wait(self, Wait::Sleep);
            self.sched
                .timers
                .push(std::cmp::Reverse((time_key(wake), seq, id, gen)));
        } else if is(self, c.wait_frames) {
            let n = self.get_attr_str(v, "frames")?;
            let n = self.index_value(n)?.max(1) as u64;
            let target = self.sched.frame + n;
            let gen = set_wait(self, Wait::Frames);
            self.sched
                .frame_timers
                .push(std::cmp::Reverse((target, seq, id, gen)));
        } else if is(self, c.wait_until) {
            let p = self.get_attr_str(v, "predicate")?;
            set_wait(self, Wait::Predicate(p));
            self.sched.predicates.push(id);
        } else if is(self, c.receive) {
            let timeout = self.attr_f64(v, "timeout")?;
            let msg = self
                .sched
                .tasks
                .get_mut(&id)
                .and_then(|t| t.rel.as_mut()?.mailbox.pop_front());
            match msg {
                Some(m) => {
                    // A message is waiting: continue at once, in this frame.
                    self.sched.make_ready(id, Resume::Send(m));
                    self.move_to_front(id);
                }
                None => {
                    let deadline = timeout.map(|t| self.sched.time + t);
                    let gen = set_wait(self, Wait::Receive);
                    if let Some(d) = deadline {
                        self.sched
                            .timers
                            .push(std::cmp::Reverse((time_key(d), seq, id, gen)));
                    }
                }
            }
        } else if is(self, c.task) {
            let target = self.task_id_of(v)?;
            if target == id {
                return Err(exc::runtime_error("a task cannot wait for itself"));
            }
            if self.task_alive(target) {
                set_wait(self, Wait::Join(target));
                if let Some(t) = self.sched.tasks.get_mut(&target) {
                    t.rel_mut().joiners.push(id);
                }
            } else {
                let r = self.join_result(v)?;
                self.sched.make_ready(id, r);
                self.move_to_front(id);
            }
        } else {
            return Err(exc::type_error(format!(
                "a task may yield None, wait(...), wait_frames(...), wait_until(...), \
                 receive(...) or a Task, not '{}'",
                self.type_name(v)
            )));
        }
        Ok(())
    }

    fn move_to_front(&mut self, id: TaskId) {
        if let Some(pos) = self.sched.ready.iter().rposition(|&x| x == id) {
            self.sched.ready.remove(pos);
            self.sched.ready.push_front(id);
        }
    }

    /// What joining a finished task resumes with: its result, or its error thrown.
    fn join_result(&mut self, task_obj: Value) -> PyResult<Resume> {
        let state = self.get_attr_str(task_obj, "_state")?;
        let value = self.get_attr_str(task_obj, "_value")?;
        Ok(match self.as_str(state) {
            Some("done") => Resume::Send(value),
            _ => match value {
                Value::Obj(e) => Resume::Throw(e),
                _ => Resume::Send(Value::None),
            },
        })
    }

    /// A task ended: record the outcome, release joiners, notify links and monitors.
    fn finish_task(&mut self, id: TaskId, outcome: Outcome) {
        let Some(task) = self.sched.tasks.remove(&id) else {
            return;
        };
        let obj = task.obj;
        let rel = task.rel.map(|b| *b).unwrap_or_default();
        let (state, value) = match outcome {
            Outcome::Returned(v) => ("done", v),
            Outcome::Failed(e) => ("failed", Value::Obj(e)),
            Outcome::Cancelled(e) => ("cancelled", Value::Obj(e)),
        };
        self.set_task_state(obj, state, value);
        let abnormal = state != "done";
        if state == "failed" && rel.joiners.is_empty() {
            if let Value::Obj(e) = value {
                let report = self.error_report(PyErr::Obj(e));
                match self.sched.on_error.as_mut() {
                    Some(cb) => cb(&report),
                    None => {
                        let name = self.repr_value(Value::Obj(obj)).unwrap_or_default();
                        let text = format!("Exception in task {name}:\n{}", report.traceback);
                        self.write_err(&text);
                    }
                }
            }
        }
        for j in rel.joiners {
            let still_joining = self
                .sched
                .tasks
                .get(&j)
                .is_some_and(|t| matches!(t.wait, Wait::Join(x) if x == id));
            if still_joining {
                if let Ok(r) = self.join_result(Value::Obj(obj)) {
                    self.sched.make_ready(j, r);
                }
            }
        }
        let reason = match (state, value) {
            ("done", _) => self.new_str("normal"),
            (_, v) => v,
        };
        for l in rel.links {
            if let Some(t) = self.sched.tasks.get_mut(&l) {
                t.rel_mut().links.retain(|&x| x != id);
            }
            let _ = self.deliver_exit(l, Value::Obj(obj), reason, abnormal);
        }
        let down = self.new_str("DOWN");
        for (r, watcher) in rel.watchers {
            let msg = self.new_tuple(vec![down, Value::Int(r), Value::Obj(obj), reason]);
            self.task_send(watcher, msg);
        }
    }

    /// An exit signal from `from` reaches linked task `to`: trapping tasks get a message,
    /// others stop when the exit is abnormal.
    fn deliver_exit(
        &mut self,
        to: TaskId,
        from_obj: Value,
        reason: Value,
        abnormal: bool,
    ) -> PyResult<()> {
        let Some(t) = self.sched.tasks.get(&to) else {
            return Ok(());
        };
        if t.trap_exit {
            let tag = self.new_str("EXIT");
            let msg = self.new_tuple(vec![tag, from_obj, reason]);
            self.task_send(to, msg);
        } else if abnormal {
            // Stopped with the same reason: a cancellation carrying it, so finally blocks run.
            let err = self.cancelled_error("linked task exited")?;
            let k = self.intern("reason");
            if let Obj::Instance(i) = self.heap.get(err) {
                let d = i.dict;
                self.ns_set(d, k, reason);
            }
            if let Some(t) = self.sched.tasks.get_mut(&to) {
                t.cancel_requested = true;
            }
            if self.sched.current == Some(to) {
                return Ok(());
            }
            self.sched.make_ready(to, Resume::Throw(err));
        }
        Ok(())
    }
}

enum Step {
    Waiting,
    Preempted,
    Finished,
}
