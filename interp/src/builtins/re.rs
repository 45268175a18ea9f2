//! `_kaa_re`: the native half of `re` (compiling and running patterns). The frozen `re.py`
//! builds Pattern and Match objects on top of these functions.

use super::check_args;
use crate::object::{Args, HostData, Obj};
use crate::regex::{Abort, Mode, Regex};
use crate::value::{ObjRef, Value};
use crate::vm::exc;
use crate::vm::{PyResult, Vm};

#[derive(Debug)]
struct Compiled(Regex);

impl HostData for Compiled {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

pub fn module(vm: &mut Vm) -> ObjRef {
    let m = vm.new_module("_kaa_re");
    let d = vm.module_dict(m);
    let funcs: &[(&str, crate::object::NativeFnPtr)] = &[
        ("compile", re_compile),
        ("exec", re_exec),
        ("scan", re_scan),
    ];
    for &(n, f) in funcs {
        let v = vm.new_native(n, f);
        let k = vm.intern(n);
        vm.ns_set(d, k, v);
    }
    m
}

/// The subject as characters (bytes stand for the chars U+0000..U+00FF), and whether it
/// is bytes.
fn subject(vm: &Vm, v: Value) -> Option<(Vec<char>, bool)> {
    if let Some(s) = vm.as_str(vm.unwrap_base(v)) {
        return Some((s.chars().collect(), false));
    }
    match vm.unwrap_base(v) {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Bytes(b) | Obj::ByteArray(b) => {
                Some((b.iter().map(|&c| c as char).collect(), true))
            }
            _ => None,
        },
        _ => None,
    }
}

/// `compile(pattern, flags)` → `(handle, groups, {name: index}, flags)`, or
/// `(None, message, position)` for a bad pattern (re.py raises re.error).
fn re_compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "compile", 2, 2)?;
    let Some((chars, is_bytes)) = subject(vm, args.pos[0]) else {
        return Err(exc::type_error(
            "first argument must be string or compiled pattern",
        ));
    };
    let text: String = chars.iter().collect();
    let flags = vm.index_value(args.pos[1])? as u32;
    match Regex::new(&text, flags, is_bytes) {
        Ok(re) => {
            let groups = re.groups as i64;
            let mut names: Vec<(String, usize)> =
                re.names.iter().map(|(k, &v)| (k.clone(), v)).collect();
            names.sort_by_key(|&(_, i)| i);
            let final_flags = re.flags as i64;
            let d = vm.new_dict_ref();
            for (name, idx) in names {
                let k = vm.new_str(name);
                vm.dict_set(d, k, Value::Int(idx as i64))?;
            }
            let h = Value::Obj(vm.heap.alloc(Obj::Host(Box::new(Compiled(re)))));
            Ok(vm.new_tuple(vec![
                h,
                Value::Int(groups),
                Value::Obj(d),
                Value::Int(final_flags),
            ]))
        }
        Err(e) => {
            let msg = vm.new_str(e.msg);
            let pos = if e.pos == usize::MAX {
                -1
            } else {
                e.pos as i64
            };
            Ok(vm.new_tuple(vec![Value::None, msg, Value::Int(pos)]))
        }
    }
}

fn with_regex<T>(vm: &Vm, h: Value, f: impl FnOnce(&Regex) -> T) -> PyResult<T> {
    match h {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Host(hd) => match hd.as_any().downcast_ref::<Compiled>() {
                Some(c) => Ok(f(&c.0)),
                None => Err(exc::type_error("not a compiled pattern")),
            },
            _ => Err(exc::type_error("not a compiled pattern")),
        },
        _ => Err(exc::type_error("not a compiled pattern")),
    }
}

/// Matcher steps allowed: unbounded, unless the VM runs on a fuel budget (then about 16
/// steps per unit of fuel, charged afterwards).
fn budget(vm: &Vm) -> u64 {
    if vm.fuel_limited {
        ((vm.fuel_left() + vm.native_overdraft).max(0) as u64).saturating_mul(16)
    } else {
        u64::MAX
    }
}

fn charge(vm: &mut Vm, start: u64, left: u64) -> PyResult<()> {
    if vm.fuel_limited {
        let used = (start - left) / 16;
        // Past the budget this fails like any native overrun.
        vm.charge_native(used.min(i64::MAX as u64 >> 1) as i64)?;
    }
    Ok(())
}

fn abort_error() -> crate::vm::PyErr {
    exc::runtime_error("regular expression ran out of fuel (catastrophic backtracking?)")
}

fn spans_value(vm: &mut Vm, spans: &[Option<(usize, usize)>]) -> Value {
    let mut flat = Vec::with_capacity(spans.len() * 2);
    for s in spans {
        match s {
            Some((a, b)) => {
                flat.push(Value::Int(*a as i64));
                flat.push(Value::Int(*b as i64));
            }
            None => {
                flat.push(Value::Int(-1));
                flat.push(Value::Int(-1));
            }
        }
    }
    vm.new_tuple(flat)
}

/// Clamp pos/endpos like CPython (negative → 0, past the end → the end).
fn bounds(vm: &mut Vm, pos: Value, endpos: Value, len: usize) -> PyResult<(usize, usize)> {
    let clamp = |x: i64| -> usize { x.clamp(0, len as i64) as usize };
    let p = clamp(vm.index_value(pos)?);
    let e = if endpos.is_none() {
        len
    } else {
        clamp(vm.index_value(endpos)?)
    };
    Ok((p, e))
}

/// `exec(handle, string, pos, endpos, mode)` → flattened spans or None.
/// mode: 0 match, 1 search, 2 fullmatch.
fn re_exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "exec", 5, 5)?;
    let Some((text, _)) = subject(vm, args.pos[1]) else {
        return Err(exc::type_error("expected string or bytes-like object"));
    };
    let (pos, end) = bounds(vm, args.pos[2], args.pos[3], text.len())?;
    let mode = match vm.index_value(args.pos[4])? {
        0 => Mode::Match,
        1 => Mode::Search,
        _ => Mode::Full,
    };
    let start_budget = budget(vm);
    let mut left = start_budget;
    let r = with_regex(vm, args.pos[0], |re| {
        re.exec(&text, pos, end, mode, &mut left)
    })?;
    charge(vm, start_budget, left)?;
    match r {
        Ok(Some(spans)) => Ok(spans_value(vm, &spans)),
        Ok(None) => Ok(Value::None),
        Err(Abort::Budget) => Err(abort_error()),
    }
}

/// `scan(handle, string, pos, endpos, limit)` → list of flattened spans of successive
/// non-overlapping matches (finditer/findall/sub/split); `limit` 0 means no limit. An empty
/// match may not sit where the previous match ended empty, as in CPython 3.7+.
fn re_scan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "scan", 5, 5)?;
    let Some((text, _)) = subject(vm, args.pos[1]) else {
        return Err(exc::type_error("expected string or bytes-like object"));
    };
    let (mut pos, end) = bounds(vm, args.pos[2], args.pos[3], text.len())?;
    let limit = vm.index_value(args.pos[4])?.max(0) as usize;
    let start_budget = budget(vm);
    let mut left = start_budget;
    let mut found: Vec<Vec<Option<(usize, usize)>>> = Vec::new();
    let mut forbid_empty_at: Option<usize> = None;
    let outcome = with_regex(vm, args.pos[0], |re| -> Result<(), Abort> {
        while pos <= end && (limit == 0 || found.len() < limit) {
            let spans = match forbid_empty_at {
                Some(p) => re.exec_nonempty_at(&text, pos, end, p, &mut left)?,
                None => re.exec(&text, pos, end, Mode::Search, &mut left)?,
            };
            let Some(spans) = spans else { break };
            let Some((s, e)) = spans[0] else { break };
            found.push(spans);
            forbid_empty_at = (s == e).then_some(e);
            pos = e;
        }
        Ok(())
    })?;
    charge(vm, start_budget, left)?;
    if let Err(Abort::Budget) = outcome {
        return Err(abort_error());
    }
    let mut out = Vec::with_capacity(found.len());
    for spans in found {
        out.push(spans_value(vm, &spans));
    }
    Ok(vm.new_list(out))
}
