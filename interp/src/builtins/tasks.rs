//! `_kaa_sched`: the native half of the `kaa` task module (the scheduler lives in
//! [`crate::vm::sched`]; `kaa.py` builds the script API on these functions).

use super::check_args;
use crate::object::{Args, NativeFnPtr, Obj};
use crate::value::{ObjRef, Value};
use crate::vm::exc;
use crate::vm::{PyResult, Vm};

pub fn module(vm: &mut Vm) -> ObjRef {
    let m = vm.new_module("_kaa_sched");
    let d = vm.module_dict(m);
    let funcs: &[(&str, NativeFnPtr)] = &[
        ("register", t_register),
        ("start", t_start),
        ("is_body", t_is_body),
        ("makes_body", t_makes_body),
        ("current", t_current),
        ("send", t_send),
        ("cancel", t_cancel),
        ("link", t_link),
        ("unlink", t_unlink),
        ("monitor", t_monitor),
        ("demonitor", t_demonitor),
        ("trap_exit", t_trap_exit),
        ("time", t_time),
        ("frame", t_frame),
    ];
    for &(n, f) in funcs {
        let v = vm.new_native(n, f);
        let k = vm.intern(n);
        vm.ns_set(d, k, v);
    }
    m
}

fn class_arg(vm: &Vm, v: Value) -> PyResult<ObjRef> {
    vm.is_class(v)
        .ok_or_else(|| exc::type_error("register() expects classes"))
}

/// `register(Task, Wait, WaitFrames, WaitUntil, Receive, CancelledError)`
fn t_register(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "register", 6, 6)?;
    let p = &a.pos;
    let classes = [
        class_arg(vm, p[0])?,
        class_arg(vm, p[1])?,
        class_arg(vm, p[2])?,
        class_arg(vm, p[3])?,
        class_arg(vm, p[4])?,
        class_arg(vm, p[5])?,
    ];
    let c2 = &mut vm.sched.classes;
    c2.task = Some(classes[0]);
    c2.wait = Some(classes[1]);
    c2.wait_frames = Some(classes[2]);
    c2.wait_until = Some(classes[3]);
    c2.receive = Some(classes[4]);
    c2.cancelled = Some(classes[5]);
    Ok(Value::None)
}

fn is_body(vm: &Vm, v: Value) -> bool {
    matches!(v, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Generator(_)))
}

/// Is `v` a generator or coroutine object (a ready-made task body)?
fn t_is_body(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "is_body", 1, 1)?;
    Ok(Value::Bool(is_body(vm, a.pos[0])))
}

/// Does calling `f` make a task body (a generator function or `async def`, maybe bound)?
fn t_makes_body(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "makes_body", 1, 1)?;
    let mut f = a.pos[0];
    if let Value::Obj(r) = f {
        if let Obj::BoundMethod { func, .. } = vm.heap.get(r) {
            f = *func;
        }
    }
    let yes = match f {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Function(func) => func.code.flags.generator || func.code.flags.coroutine,
            _ => false,
        },
        _ => false,
    };
    Ok(Value::Bool(yes))
}

/// `start(task_obj, body)`: schedule the body; the task belongs to the spawning task's owner.
fn t_start(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "start", 2, 2)?;
    let (Value::Obj(obj), Value::Obj(body)) = (a.pos[0], a.pos[1]) else {
        return Err(exc::type_error("start() expects a task and a generator"));
    };
    if !is_body(vm, a.pos[1]) {
        return Err(exc::type_error(
            "a task body must be a generator or coroutine",
        ));
    }
    let owner = vm.current_task_owner();
    let id = vm.spawn_body(obj, body, owner);
    Ok(Value::Int(id as i64))
}

fn t_current(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "current", 0, 0)?;
    Ok(vm.current_task_obj().map_or(Value::None, Value::Obj))
}

fn current_id(vm: &Vm, what: &str) -> PyResult<u64> {
    vm.sched
        .current()
        .ok_or_else(|| exc::runtime_error(format!("{what}() must be called from a task")))
}

fn t_send(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "send", 2, 2)?;
    let id = vm.task_id_of(a.pos[0])?;
    vm.task_send(id, a.pos[1]);
    Ok(Value::None)
}

fn t_cancel(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "cancel", 1, 1)?;
    let id = vm.task_id_of(a.pos[0])?;
    Ok(Value::Bool(vm.task_cancel(id)?))
}

fn t_link(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "link", 1, 1)?;
    let me = current_id(vm, "link")?;
    let other = vm.task_id_of(a.pos[0])?;
    vm.task_link(me, other, a.pos[0])?;
    Ok(Value::None)
}

fn t_unlink(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "unlink", 1, 1)?;
    let me = current_id(vm, "unlink")?;
    let other = vm.task_id_of(a.pos[0])?;
    vm.task_unlink(me, other);
    Ok(Value::None)
}

fn t_monitor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "monitor", 1, 1)?;
    let me = current_id(vm, "monitor")?;
    let other = vm.task_id_of(a.pos[0])?;
    Ok(Value::Int(vm.task_monitor(me, other, a.pos[0])))
}

fn t_demonitor(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "demonitor", 1, 1)?;
    let r = vm.index_value(a.pos[0])?;
    vm.task_demonitor(r);
    Ok(Value::None)
}

fn t_trap_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "trap_exit", 1, 1)?;
    let me = current_id(vm, "trap_exit")?;
    let flag = vm.truthy(a.pos[0])?;
    Ok(Value::Bool(vm.task_trap_exit(me, flag)))
}

fn t_time(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "time", 0, 0)?;
    Ok(Value::Float(vm.sched.time))
}

fn t_frame(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "frame", 0, 0)?;
    Ok(Value::Int(vm.sched.frame as i64))
}
