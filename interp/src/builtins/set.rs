//! Methods of `set` and `frozenset`, and the set operators.

use super::check_method;
use crate::code::BinaryOp;
use crate::object::{Args, Obj};
use crate::types::set::Set;
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self, PyErr};
use crate::vm::{ExcKind, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let s = vm.types.set;
    let f = vm.types.frozenset;
    let common: &[(&str, crate::object::NativeFnPtr)] = &[
        ("union", s_union),
        ("intersection", s_intersection),
        ("difference", s_difference),
        ("symmetric_difference", s_symdiff),
        ("issubset", s_issubset),
        ("issuperset", s_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("copy", s_copy),
        ("__len__", s_len),
        ("__contains__", s_contains),
        ("__iter__", s_iter),
    ];
    for &(n, fun) in common {
        vm.add_method(s, n, fun);
        vm.add_method(f, n, fun);
    }
    let mutating: &[(&str, crate::object::NativeFnPtr)] = &[
        ("add", s_add),
        ("remove", s_remove),
        ("discard", s_discard),
        ("pop", s_pop),
        ("clear", s_clear),
        ("update", s_update),
        ("intersection_update", s_intersection_update),
        ("difference_update", s_difference_update),
        ("symmetric_difference_update", s_symdiff_update),
        ("__init__", s_init),
    ];
    for &(n, fun) in mutating {
        vm.add_method(s, n, fun);
    }
    vm.class_set_attr(s, "__hash__", Value::None);
}

/// A new set from values, inserted in order.
pub fn new_set_from(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    let r = vm.heap.alloc(Obj::Set(Box::default()));
    for &v in items {
        vm.set_add(r, v)?;
    }
    Ok(Value::Obj(r))
}

fn set_of(vm: &Vm, v: Value) -> Option<ObjRef> {
    match vm.unwrap_base(v) {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Set(_) | Obj::FrozenSet(_)) => Some(r),
        _ => None,
    }
}

fn this(vm: &Vm, a: &Args, name: &str) -> PyResult<ObjRef> {
    a.pos
        .first()
        .and_then(|&v| set_of(vm, v))
        .ok_or_else(|| exc::type_error(format!("descriptor '{name}' requires a 'set' object")))
}

fn table(vm: &Vm, r: ObjRef) -> &Set {
    match vm.heap.get(r) {
        Obj::Set(s) | Obj::FrozenSet(s) => s,
        _ => unreachable!("set"),
    }
}

/// Copy of a set (same kind unless `as_set`), laid out like CPython's.
fn copy_set(vm: &mut Vm, r: ObjRef, frozen: bool) -> ObjRef {
    let s = table(vm, r).copy();
    vm.heap.alloc(if frozen {
        Obj::FrozenSet(Box::new(s))
    } else {
        Obj::Set(Box::new(s))
    })
}

/// Add all of `other` (a set: merged like CPython; else iterated) into set `r`.
fn update_from(vm: &mut Vm, r: ObjRef, other: Value) -> PyResult<()> {
    if let Some(o) = set_of(vm, other) {
        let src = table(vm, o).copy_raw();
        let pure = src.iter().all(|(k, _)| !vm.is_instance_like(k));
        if pure {
            let heap_view: *const Vm = vm;
            let _ = heap_view;
            let mut dst = match vm.heap.get_mut(r) {
                Obj::Set(s) | Obj::FrozenSet(s) => std::mem::take(s),
                _ => Box::default(),
            };
            dst.merge_from_with(&src, |a, b| a.is(b) || vm.fast_eq(a, b) == Some(true));
            if let Obj::Set(s) | Obj::FrozenSet(s) = vm.heap.get_mut(r) {
                *s = dst;
            }
            return Ok(());
        }
        for (k, _) in src.iter() {
            vm.set_add(r, k)?;
        }
        return Ok(());
    }
    for v in vm.iterate(other)? {
        vm.set_add(r, v)?;
    }
    Ok(())
}

fn is_frozen(vm: &Vm, r: ObjRef) -> bool {
    matches!(vm.heap.get(r), Obj::FrozenSet(_))
}

fn other_as_set(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match set_of(vm, v) {
        Some(r) => Ok(r),
        None => {
            let items = vm.iterate(v)?;
            match new_set_from(vm, &items)? {
                Value::Obj(r) => Ok(r),
                _ => Err(exc::type_error("set expected")),
            }
        }
    }
}

fn intersection(vm: &mut Vm, a: ObjRef, b: ObjRef, frozen: bool) -> PyResult<ObjRef> {
    let (mut small, mut big) = (b, a);
    if table(vm, big).len() < table(vm, small).len() {
        std::mem::swap(&mut small, &mut big);
    }
    let keys: Vec<Value> = table(vm, small).iter().map(|(k, _)| k).collect();
    let out = vm.heap.alloc(if frozen {
        Obj::FrozenSet(Box::default())
    } else {
        Obj::Set(Box::default())
    });
    for k in keys {
        if vm.set_contains(big, k)? {
            vm.set_add(out, k)?;
        }
    }
    Ok(out)
}

fn difference(vm: &mut Vm, a: ObjRef, b: ObjRef, frozen: bool) -> PyResult<ObjRef> {
    let (la, lb) = (table(vm, a).len(), table(vm, b).len());
    if (la >> 2) > lb {
        let out = copy_set(vm, a, frozen);
        let keys: Vec<Value> = table(vm, b).iter().map(|(k, _)| k).collect();
        for k in keys {
            if let Obj::FrozenSet(s) = vm.heap.get_mut(out) {
                let taken = std::mem::take(s);
                *vm.heap.get_mut(out) = Obj::Set(taken);
            }
            vm.set_discard(out, k)?;
        }
        if frozen {
            if let Obj::Set(s) = vm.heap.get_mut(out) {
                let taken = std::mem::take(s);
                *vm.heap.get_mut(out) = Obj::FrozenSet(taken);
            }
        }
        return Ok(out);
    }
    let keys: Vec<Value> = table(vm, a).iter().map(|(k, _)| k).collect();
    let out = vm.heap.alloc(if frozen {
        Obj::FrozenSet(Box::default())
    } else {
        Obj::Set(Box::default())
    });
    for k in keys {
        if !vm.set_contains(b, k)? {
            vm.set_add(out, k)?;
        }
    }
    Ok(out)
}

fn symdiff(vm: &mut Vm, a: ObjRef, b: ObjRef, frozen: bool) -> PyResult<ObjRef> {
    // CPython copies `b` and toggles `a`'s keys into it; the order matters for iteration.
    let out = copy_set(vm, b, false);
    let keys: Vec<Value> = table(vm, a).iter().map(|(k, _)| k).collect();
    for k in keys {
        if !vm.set_discard(out, k)? {
            vm.set_add(out, k)?;
        }
    }
    if frozen {
        if let Obj::Set(s) = vm.heap.get_mut(out) {
            let taken = std::mem::take(s);
            *vm.heap.get_mut(out) = Obj::FrozenSet(taken);
        }
    }
    Ok(out)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` (and in-place forms) between sets.
pub fn set_binary(vm: &mut Vm, a: Value, b: Value, op: BinaryOp, inplace: bool) -> PyResult<Value> {
    let (Some(ra), Some(rb)) = (set_of(vm, a), set_of(vm, b)) else {
        return Err(exc::type_error("set operation on non-set"));
    };
    let frozen = is_frozen(vm, ra);
    if inplace && !frozen {
        match op {
            BinaryOp::Or => update_from(vm, ra, Value::Obj(rb))?,
            BinaryOp::Sub => {
                let keys: Vec<Value> = table(vm, rb).iter().map(|(k, _)| k).collect();
                for k in keys {
                    vm.set_discard(ra, k)?;
                }
            }
            BinaryOp::And => {
                let r = intersection(vm, ra, rb, false)?;
                let s = match vm.heap.get_mut(r) {
                    Obj::Set(s) => std::mem::take(s),
                    _ => Box::default(),
                };
                if let Obj::Set(t) = vm.heap.get_mut(ra) {
                    *t = s;
                }
            }
            _ => {
                let keys: Vec<Value> = table(vm, rb).iter().map(|(k, _)| k).collect();
                for k in keys {
                    if !vm.set_discard(ra, k)? {
                        vm.set_add(ra, k)?;
                    }
                }
            }
        }
        return Ok(a);
    }
    let out = match op {
        BinaryOp::Or => {
            let out = copy_set(vm, ra, frozen);
            if frozen {
                if let Obj::FrozenSet(s) = vm.heap.get_mut(out) {
                    let t = std::mem::take(s);
                    *vm.heap.get_mut(out) = Obj::Set(t);
                }
            }
            update_from(vm, out, Value::Obj(rb))?;
            if frozen {
                if let Obj::Set(s) = vm.heap.get_mut(out) {
                    let t = std::mem::take(s);
                    *vm.heap.get_mut(out) = Obj::FrozenSet(t);
                }
            }
            out
        }
        BinaryOp::And => intersection(vm, ra, rb, frozen)?,
        BinaryOp::Sub => difference(vm, ra, rb, frozen)?,
        _ => symdiff(vm, ra, rb, frozen)?,
    };
    Ok(Value::Obj(out))
}

fn s_union(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = this(vm, &a, "union")?;
    let frozen = is_frozen(vm, r);
    let out = copy_set(vm, r, false);
    for &o in &a.pos[1..] {
        update_from(vm, out, o)?;
    }
    if frozen {
        if let Obj::Set(s) = vm.heap.get_mut(out) {
            let t = std::mem::take(s);
            *vm.heap.get_mut(out) = Obj::FrozenSet(t);
        }
    }
    Ok(Value::Obj(out))
}

fn s_intersection(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = this(vm, &a, "intersection")?;
    let frozen = is_frozen(vm, r);
    let mut cur = copy_set(vm, r, frozen);
    for &o in &a.pos[1..] {
        let other = other_as_set(vm, o)?;
        cur = intersection(vm, cur, other, frozen)?;
    }
    Ok(Value::Obj(cur))
}

fn s_difference(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = this(vm, &a, "difference")?;
    let frozen = is_frozen(vm, r);
    let mut cur = copy_set(vm, r, frozen);
    for &o in &a.pos[1..] {
        let other = other_as_set(vm, o)?;
        cur = difference(vm, cur, other, frozen)?;
    }
    Ok(Value::Obj(cur))
}

fn s_symdiff(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "symmetric_difference", 1, 1)?;
    let r = this(vm, &a, "symmetric_difference")?;
    let frozen = is_frozen(vm, r);
    let other = other_as_set(vm, a.pos[1])?;
    Ok(Value::Obj(symdiff(vm, r, other, frozen)?))
}

fn s_issubset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "issubset", 1, 1)?;
    let r = this(vm, &a, "issubset")?;
    let other = other_as_set(vm, a.pos[1])?;
    let keys: Vec<Value> = table(vm, r).iter().map(|(k, _)| k).collect();
    for k in keys {
        if !vm.set_contains(other, k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn s_issuperset(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "issuperset", 1, 1)?;
    let r = this(vm, &a, "issuperset")?;
    for k in vm.iterate(a.pos[1])? {
        if !vm.set_contains(r, k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

pub fn set_isdisjoint(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "isdisjoint", 1, 1)?;
    let me = a.pos[0];
    for k in vm.iterate(a.pos[1])? {
        if vm.contains(me, k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn s_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = this(vm, &a, "copy")?;
    if is_frozen(vm, r) {
        return Ok(Value::Obj(r));
    }
    Ok(Value::Obj(copy_set(vm, r, false)))
}

fn s_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = this(vm, &a, "__len__")?;
    Ok(Value::Int(table(vm, r).len() as i64))
}

fn s_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__contains__", 1, 1)?;
    let r = this(vm, &a, "__contains__")?;
    Ok(Value::Bool(vm.set_contains(r, a.pos[1])?))
}

fn s_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = this(vm, &a, "__iter__")?;
    vm.get_iter(Value::Obj(r))
}

fn mutable(vm: &Vm, a: &Args, name: &str) -> PyResult<ObjRef> {
    match a.pos.first().map(|&v| vm.unwrap_base(v)) {
        Some(Value::Obj(r)) if matches!(vm.heap.get(r), Obj::Set(_)) => Ok(r),
        _ => Err(exc::type_error(format!(
            "descriptor '{name}' for 'set' objects doesn't apply"
        ))),
    }
}

fn s_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "add", 1, 1)?;
    let r = mutable(vm, &a, "add")?;
    vm.set_add(r, a.pos[1])?;
    Ok(Value::None)
}

fn s_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "remove", 1, 1)?;
    let r = mutable(vm, &a, "remove")?;
    if !vm.set_discard(r, a.pos[1])? {
        return Err(vm.key_error(a.pos[1]));
    }
    Ok(Value::None)
}

fn s_discard(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "discard", 1, 1)?;
    let r = mutable(vm, &a, "discard")?;
    vm.set_discard(r, a.pos[1])?;
    Ok(Value::None)
}

fn s_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = mutable(vm, &a, "pop")?;
    let v = match vm.heap.get_mut(r) {
        Obj::Set(s) => s.pop_first(),
        _ => None,
    };
    v.ok_or_else(|| PyErr::new(ExcKind::KeyError, "pop from an empty set"))
}

fn s_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = mutable(vm, &a, "clear")?;
    if let Obj::Set(s) = vm.heap.get_mut(r) {
        s.clear();
    }
    Ok(Value::None)
}

fn s_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = mutable(vm, &a, "update")?;
    for &o in &a.pos[1..] {
        update_from(vm, r, o)?;
    }
    Ok(Value::None)
}

fn s_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = mutable(vm, &a, "__init__")?;
    if let Obj::Set(s) = vm.heap.get_mut(r) {
        s.clear();
    }
    if let Some(&o) = a.pos.get(1) {
        update_from(vm, r, o)?;
    }
    Ok(Value::None)
}

fn s_intersection_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = mutable(vm, &a, "intersection_update")?;
    for &o in &a.pos[1..] {
        let other = other_as_set(vm, o)?;
        set_binary(vm, Value::Obj(r), Value::Obj(other), BinaryOp::And, true)?;
    }
    Ok(Value::None)
}

fn s_difference_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = mutable(vm, &a, "difference_update")?;
    for &o in &a.pos[1..] {
        for k in vm.iterate(o)? {
            vm.set_discard(r, k)?;
        }
    }
    Ok(Value::None)
}

fn s_symdiff_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "symmetric_difference_update", 1, 1)?;
    let r = mutable(vm, &a, "symmetric_difference_update")?;
    let other = other_as_set(vm, a.pos[1])?;
    set_binary(vm, Value::Obj(r), Value::Obj(other), BinaryOp::Xor, true)?;
    Ok(Value::None)
}
