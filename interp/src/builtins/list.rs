//! Methods of `list` and `tuple`, and sorting.

use super::{arg, check_method, take_kw};
use crate::object::{Args, Obj};
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self, PyErr};
use crate::vm::{PyResult, Vm};
use std::cmp::Ordering;

pub fn install(vm: &mut Vm) {
    let l = vm.types.list;
    let methods: &[(&str, crate::object::NativeFnPtr)] = &[
        ("append", l_append),
        ("extend", l_extend),
        ("insert", l_insert),
        ("pop", l_pop),
        ("remove", l_remove),
        ("clear", l_clear),
        ("index", seq_index_m),
        ("count", seq_count),
        ("reverse", l_reverse),
        ("sort", l_sort),
        ("copy", l_copy),
        ("__len__", seq_len),
        ("__getitem__", seq_getitem),
        ("__setitem__", l_setitem),
        ("__delitem__", l_delitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__init__", l_init),
        ("__add__", seq_add),
        ("__iadd__", l_iadd),
        ("__mul__", seq_mul),
        ("__eq__", seq_eq),
        ("__lt__", seq_lt),
        ("__reversed__", seq_reversed),
    ];
    for &(n, f) in methods {
        vm.add_method(l, n, f);
    }
    vm.class_set_attr(l, "__hash__", Value::None);
    let t = vm.types.tuple;
    for &(n, f) in &[
        ("index", seq_index_m as crate::object::NativeFnPtr),
        ("count", seq_count),
        ("__len__", seq_len),
        ("__getitem__", seq_getitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__add__", seq_add),
        ("__mul__", seq_mul),
        ("__eq__", seq_eq),
        ("__lt__", seq_lt),
        ("__hash__", t_hash),
    ] {
        vm.add_method(t, n, f);
    }
}

/// The list behind `self` (a list or an instance of a list subclass).
fn list_ref(vm: &Vm, args: &Args, name: &str) -> PyResult<ObjRef> {
    match args.pos.first().map(|&v| vm.unwrap_base(v)) {
        Some(Value::Obj(r)) if matches!(vm.heap.get(r), Obj::List(_)) => Ok(r),
        Some(v) => Err(exc::type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
        None => Err(exc::type_error(format!(
            "unbound method list.{name}() needs an argument"
        ))),
    }
}

fn seq_ref(vm: &Vm, args: &Args, name: &str) -> PyResult<ObjRef> {
    match args.pos.first().map(|&v| vm.unwrap_base(v)) {
        Some(Value::Obj(r)) if matches!(vm.heap.get(r), Obj::List(_) | Obj::Tuple(_)) => Ok(r),
        _ => Err(exc::type_error(format!(
            "descriptor '{name}' needs a list or tuple"
        ))),
    }
}

fn items(vm: &Vm, r: ObjRef) -> Vec<Value> {
    match vm.heap.get(r) {
        Obj::List(xs) | Obj::Tuple(xs) => xs.clone(),
        _ => Vec::new(),
    }
}

fn with_list<T>(vm: &mut Vm, r: ObjRef, f: impl FnOnce(&mut Vec<Value>) -> T) -> T {
    match vm.heap.get_mut(r) {
        Obj::List(xs) => f(xs),
        _ => f(&mut Vec::new()),
    }
}

fn l_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "append", 1, 1)?;
    let r = list_ref(vm, &a, "append")?;
    vm.reserve(16)?;
    let v = a.pos[1];
    vm.list_push(r, v);
    Ok(Value::None)
}

fn l_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "extend", 1, 1)?;
    let r = list_ref(vm, &a, "extend")?;
    let new = vm.iterate(a.pos[1])?;
    vm.reserve(new.len() * 16)?;
    with_list(vm, r, |xs| xs.extend(new));
    Ok(Value::None)
}

fn l_insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    if a.pos.len() != 3 {
        return Err(exc::type_error(format!(
            "insert expected 2 arguments, got {}",
            a.pos.len().saturating_sub(1)
        )));
    }
    let r = list_ref(vm, &a, "insert")?;
    let i = vm.index_value(a.pos[1])?;
    let v = a.pos[2];
    vm.reserve(16)?;
    with_list(vm, r, |xs| {
        let n = xs.len() as i64;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        xs.insert(j as usize, v);
    });
    Ok(Value::None)
}

fn l_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "pop", 0, 1)?;
    let r = list_ref(vm, &a, "pop")?;
    let len = items_len(vm, r);
    if len == 0 {
        return Err(exc::index_error("pop from empty list"));
    }
    let i = match a.pos.get(1) {
        Some(&v) => vm.seq_index(v, len, "pop")?,
        None => len - 1,
    };
    Ok(with_list(vm, r, |xs| xs.remove(i)))
}

fn items_len(vm: &Vm, r: ObjRef) -> usize {
    match vm.heap.get(r) {
        Obj::List(xs) | Obj::Tuple(xs) => xs.len(),
        _ => 0,
    }
}

fn l_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "remove", 1, 1)?;
    let r = list_ref(vm, &a, "remove")?;
    let n = items_len(vm, r);
    for i in 0..n {
        let x = match vm.heap.get(r) {
            Obj::List(xs) => match xs.get(i) {
                Some(&x) => x,
                None => break,
            },
            _ => break,
        };
        if x.is(a.pos[1]) || vm.eq(x, a.pos[1])? {
            with_list(vm, r, |xs| {
                if i < xs.len() {
                    xs.remove(i);
                }
            });
            return Ok(Value::None);
        }
    }
    Err(exc::value_error("list.remove(x): x not in list"))
}

fn l_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = list_ref(vm, &a, "clear")?;
    with_list(vm, r, |xs| xs.clear());
    Ok(Value::None)
}

fn l_reverse(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = list_ref(vm, &a, "reverse")?;
    with_list(vm, r, |xs| xs.reverse());
    Ok(Value::None)
}

fn l_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = list_ref(vm, &a, "copy")?;
    let xs = items(vm, r);
    Ok(vm.new_list(xs))
}

fn l_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = list_ref(vm, &a, "__init__")?;
    let new = match a.pos.get(1) {
        Some(&v) => vm.iterate(v)?,
        None => Vec::new(),
    };
    with_list(vm, r, |xs| *xs = new);
    Ok(Value::None)
}

fn l_sort(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let key = take_kw(vm, &mut a, "key");
    let reverse = take_kw(vm, &mut a, "reverse");
    super::reject_extra_kw(vm, &a, "sort")?;
    if a.pos.len() > 1 {
        return Err(exc::type_error("sort() takes no positional arguments"));
    }
    let r = list_ref(vm, &a, "sort")?;
    sort_list(vm, r, key, reverse)?;
    Ok(Value::None)
}

/// Stable sort of a list in place, comparing with `<` only (like CPython's timsort).
pub fn sort_list(
    vm: &mut Vm,
    r: ObjRef,
    key: Option<Value>,
    reverse: Option<Value>,
) -> PyResult<()> {
    let reverse = match reverse {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let vals = with_list(vm, r, std::mem::take);
    let keys: Vec<Value> = match key.filter(|k| !k.is_none()) {
        Some(k) => {
            let mut ks = Vec::with_capacity(vals.len());
            for &v in &vals {
                match vm.call(k, &[v]) {
                    Ok(x) => ks.push(x),
                    Err(e) => {
                        with_list(vm, r, |xs| *xs = vals.clone());
                        return Err(e);
                    }
                }
            }
            ks
        }
        None => vals.clone(),
    };
    let mut idx: Vec<usize> = (0..vals.len()).collect();
    let all_int = keys.iter().all(|k| matches!(k, Value::Int(_)));
    let all_float = keys.iter().all(|k| matches!(k, Value::Float(_)));
    let all_str = keys.iter().all(|&k| vm.as_str(k).is_some());
    let mut err: Option<PyErr> = None;
    if all_int {
        idx.sort_by_key(|&i| match keys[i] {
            Value::Int(x) => x,
            _ => 0,
        });
        if reverse {
            stable_reverse(&mut idx, |a, b| keys[a].is(keys[b]));
        }
    } else if all_float {
        let f = |i: usize| match keys[i] {
            Value::Float(x) => x,
            _ => 0.0,
        };
        idx.sort_by(|&a, &b| f(a).partial_cmp(&f(b)).unwrap_or(Ordering::Equal));
        if reverse {
            stable_reverse(&mut idx, |a, b| f(a) == f(b));
        }
    } else if all_str {
        // Borrowed from the heap, not copied: nothing runs script code while sorting.
        let text = |i: usize| vm.as_str(keys[i]).unwrap_or("");
        idx.sort_by(|&a, &b| text(a).cmp(text(b)));
        if reverse {
            stable_reverse(&mut idx, |a, b| text(a) == text(b));
        }
    } else {
        // General case: merge sort with fallible comparisons.
        let mut less = |a: usize, b: usize| -> bool {
            if err.is_some() {
                return false;
            }
            let (x, y) = if reverse {
                (keys[b], keys[a])
            } else {
                (keys[a], keys[b])
            };
            match vm.less_than(x, y) {
                Ok(v) => v,
                Err(e) => {
                    err = Some(e);
                    false
                }
            }
        };
        merge_sort(&mut idx, &mut less);
    }
    let sorted: Vec<Value> = idx.iter().map(|&i| vals[i]).collect();
    match err {
        Some(e) => {
            with_list(vm, r, |xs| *xs = vals);
            Err(e)
        }
        None => {
            with_list(vm, r, |xs| *xs = sorted);
            Ok(())
        }
    }
}

/// Reverse an ascending stable order into a descending one that keeps equal items in their
/// original order.
fn stable_reverse(idx: &mut Vec<usize>, same: impl Fn(usize, usize) -> bool) {
    let mut out = Vec::with_capacity(idx.len());
    let mut end = idx.len();
    while end > 0 {
        let mut start = end - 1;
        while start > 0 && same(idx[start - 1], idx[end - 1]) {
            start -= 1;
        }
        out.extend_from_slice(&idx[start..end]);
        end = start;
    }
    *idx = out;
}

fn merge_sort(v: &mut Vec<usize>, less: &mut impl FnMut(usize, usize) -> bool) {
    let n = v.len();
    if n < 2 {
        return;
    }
    // Insertion sort for short runs, then bottom-up merges: stable.
    const RUN: usize = 16;
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(v[j], v[j - 1]) {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    let mut width = RUN;
    let mut buf = v.clone();
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let end = (i + 2 * width).min(n);
            let (mut a, mut b, mut k) = (i, mid, i);
            while a < mid && b < end {
                if less(v[b], v[a]) {
                    buf[k] = v[b];
                    b += 1;
                } else {
                    buf[k] = v[a];
                    a += 1;
                }
                k += 1;
            }
            while a < mid {
                buf[k] = v[a];
                a += 1;
                k += 1;
            }
            while b < end {
                buf[k] = v[b];
                b += 1;
                k += 1;
            }
            i += 2 * width;
        }
        std::mem::swap(v, &mut buf);
        width *= 2;
    }
}

fn seq_index_m(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "index", 1, 3)?;
    let r = seq_ref(vm, &a, "index")?;
    let xs = items(vm, r);
    let n = xs.len() as i64;
    let fix = |x: i64| -> usize { (if x < 0 { (x + n).max(0) } else { x.min(n) }) as usize };
    let start = match a.pos.get(2) {
        Some(&v) => fix(vm.index_value(v)?),
        None => 0,
    };
    let end = match a.pos.get(3) {
        Some(&v) => fix(vm.index_value(v)?),
        None => xs.len(),
    };
    for (i, &x) in xs.iter().enumerate().take(end).skip(start) {
        if x.is(a.pos[1]) || vm.eq(x, a.pos[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let what = if matches!(vm.heap.get(r), Obj::List(_)) {
        "list.index(x): x not in list"
    } else {
        "tuple.index(x): x not in tuple"
    };
    if matches!(vm.heap.get(r), Obj::List(_)) {
        let s = vm.repr_value(a.pos[1])?;
        return Err(exc::value_error(format!("{s} is not in list")));
    }
    Err(exc::value_error(what))
}

fn seq_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "count", 1, 1)?;
    let r = seq_ref(vm, &a, "count")?;
    let mut c = 0;
    for x in items(vm, r) {
        if x.is(a.pos[1]) || vm.eq(x, a.pos[1])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

fn seq_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = seq_ref(vm, &a, "__len__")?;
    Ok(Value::Int(items_len(vm, r) as i64))
}

fn seq_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__getitem__", 1, 1)?;
    let r = seq_ref(vm, &a, "__getitem__")?;
    vm.get_item(Value::Obj(r), a.pos[1])
}

fn l_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__setitem__", 2, 2)?;
    let r = list_ref(vm, &a, "__setitem__")?;
    vm.set_item(Value::Obj(r), a.pos[1], a.pos[2])?;
    Ok(Value::None)
}

fn l_delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__delitem__", 1, 1)?;
    let r = list_ref(vm, &a, "__delitem__")?;
    vm.del_item(Value::Obj(r), a.pos[1])?;
    Ok(Value::None)
}

fn seq_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__contains__", 1, 1)?;
    let r = seq_ref(vm, &a, "__contains__")?;
    Ok(Value::Bool(vm.contains(Value::Obj(r), a.pos[1])?))
}

fn seq_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = seq_ref(vm, &a, "__iter__")?;
    vm.get_iter(Value::Obj(r))
}

fn seq_reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let r = seq_ref(vm, &a, "__reversed__")?;
    let n = items_len(vm, r);
    Ok(vm.new_iter(crate::object::IterKind::Reversed { seq: r, idx: n }))
}

fn seq_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__add__", 1, 1)?;
    let r = seq_ref(vm, &a, "__add__")?;
    let other = vm.unwrap_base(a.pos[1]);
    vm.binary_op(Value::Obj(r), other, crate::code::BinaryOp::Add, false)
}

fn l_iadd(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__iadd__", 1, 1)?;
    let r = list_ref(vm, &a, "__iadd__")?;
    let new = vm.iterate(a.pos[1])?;
    with_list(vm, r, |xs| xs.extend(new));
    Ok(a.pos[0])
}

fn seq_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__mul__", 1, 1)?;
    let r = seq_ref(vm, &a, "__mul__")?;
    vm.binary_op(Value::Obj(r), a.pos[1], crate::code::BinaryOp::Mul, false)
}

fn seq_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__eq__", 1, 1)?;
    let r = seq_ref(vm, &a, "__eq__")?;
    let other = vm.unwrap_base(a.pos[1]);
    let same_kind = match other {
        Value::Obj(o) => {
            std::mem::discriminant(vm.heap.get(o)) == std::mem::discriminant(vm.heap.get(r))
        }
        _ => false,
    };
    if !same_kind {
        return Ok(vm.not_implemented());
    }
    Ok(Value::Bool(vm.eq(Value::Obj(r), other)?))
}

fn seq_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__lt__", 1, 1)?;
    let r = seq_ref(vm, &a, "__lt__")?;
    let other = vm.unwrap_base(a.pos[1]);
    vm.compare(Value::Obj(r), other, crate::code::CompareOp::Lt)
}

fn t_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let v = vm.unwrap_base(arg(&a, 0, "__hash__")?);
    Ok(Value::Int(vm.hash_value(v)?))
}
