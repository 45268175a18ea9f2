//! Methods of `dict` and its views.

use super::{arg, check_method};
use crate::object::{Args, DictView, Obj};
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let d = vm.types.dict;
    let methods: &[(&str, crate::object::NativeFnPtr)] = &[
        ("get", d_get),
        ("keys", d_keys),
        ("values", d_values),
        ("items", d_items),
        ("pop", d_pop),
        ("popitem", d_popitem),
        ("setdefault", d_setdefault),
        ("update", d_update),
        ("clear", d_clear),
        ("copy", d_copy),
        ("__len__", d_len),
        ("__getitem__", d_getitem),
        ("__setitem__", d_setitem),
        ("__delitem__", d_delitem),
        ("__contains__", d_contains),
        ("__iter__", d_iter),
        ("__init__", d_init),
        ("__eq__", d_eq),
        ("__or__", d_or),
        ("__reversed__", d_reversed),
    ];
    for &(n, f) in methods {
        vm.add_method(d, n, f);
    }
    vm.class_set_attr(d, "__hash__", Value::None);
    vm.add_class_method(d, "fromkeys", d_fromkeys, false);
}

/// The dict behind `self` (a dict or an instance of a dict subclass).
pub fn dict_ref(vm: &Vm, args: &Args, name: &str) -> PyResult<ObjRef> {
    match args.pos.first().map(|&v| vm.unwrap_base(v)) {
        Some(Value::Obj(r)) if matches!(vm.heap.get(r), Obj::Dict(_)) => Ok(r),
        Some(v) => Err(exc::type_error(format!(
            "descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))),
        None => Err(exc::type_error(format!(
            "unbound method dict.{name}() needs an argument"
        ))),
    }
}

fn d_get(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "get", 1, 2)?;
    let d = dict_ref(vm, &a, "get")?;
    Ok(vm
        .dict_lookup(d, a.pos[1])?
        .unwrap_or(a.pos.get(2).copied().unwrap_or(Value::None)))
}

fn view(vm: &mut Vm, a: Args, v: DictView, name: &str) -> PyResult<Value> {
    let d = dict_ref(vm, &a, name)?;
    Ok(Value::Obj(vm.heap.alloc(Obj::DictView(d, v))))
}

fn d_keys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(vm, a, DictView::Keys, "keys")
}

fn d_values(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(vm, a, DictView::Values, "values")
}

fn d_items(vm: &mut Vm, a: Args) -> PyResult<Value> {
    view(vm, a, DictView::Items, "items")
}

fn d_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "pop", 1, 2)?;
    let d = dict_ref(vm, &a, "pop")?;
    match vm.dict_remove(d, a.pos[1])? {
        Some(v) => Ok(v),
        None => match a.pos.get(2) {
            Some(&x) => Ok(x),
            None => Err(vm.key_error(a.pos[1])),
        },
    }
}

fn d_popitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = dict_ref(vm, &a, "popitem")?;
    let e = match vm.heap.get_mut(d) {
        Obj::Dict(dd) => dd.pop_last(),
        _ => None,
    };
    match e {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(crate::vm::exc::PyErr::new(
            crate::vm::ExcKind::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn d_setdefault(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "setdefault", 1, 2)?;
    let d = dict_ref(vm, &a, "setdefault")?;
    if let Some(v) = vm.dict_lookup(d, a.pos[1])? {
        return Ok(v);
    }
    let v = a.pos.get(2).copied().unwrap_or(Value::None);
    vm.dict_set(d, a.pos[1], v)?;
    Ok(v)
}

fn d_update(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "update", 0, 1)?;
    let d = dict_ref(vm, &a, "update")?;
    if let Some(&src) = a.pos.get(1) {
        vm.dict_update_from(d, src)?;
    }
    for (k, v) in a.kw {
        vm.dict_set(d, Value::Obj(k), v)?;
    }
    Ok(Value::None)
}

fn d_init(vm: &mut Vm, a: Args) -> PyResult<Value> {
    d_update(vm, a)
}

fn d_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = dict_ref(vm, &a, "clear")?;
    if let Obj::Dict(dd) = vm.heap.get_mut(d) {
        dd.clear();
    }
    Ok(Value::None)
}

fn d_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = dict_ref(vm, &a, "copy")?;
    let c = match vm.heap.get(d) {
        Obj::Dict(dd) => dd.copy(),
        _ => crate::types::dict::Dict::new(),
    };
    Ok(vm.new_dict(c))
}

fn d_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = dict_ref(vm, &a, "__len__")?;
    Ok(Value::Int(match vm.heap.get(d) {
        Obj::Dict(dd) => dd.len() as i64,
        _ => 0,
    }))
}

fn d_getitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__getitem__", 1, 1)?;
    let d = dict_ref(vm, &a, "__getitem__")?;
    match vm.dict_lookup(d, a.pos[1])? {
        Some(v) => Ok(v),
        None => {
            // dict subclasses with __missing__.
            let this = a.pos[0];
            if vm.is_instance_like(this) {
                let m = vm.names.__missing__;
                if let Some(v) = vm.call_dunder(this, m, &[a.pos[1]])? {
                    return Ok(v);
                }
            }
            Err(vm.key_error(a.pos[1]))
        }
    }
}

fn d_setitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__setitem__", 2, 2)?;
    let d = dict_ref(vm, &a, "__setitem__")?;
    vm.dict_set(d, a.pos[1], a.pos[2])?;
    Ok(Value::None)
}

fn d_delitem(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__delitem__", 1, 1)?;
    let d = dict_ref(vm, &a, "__delitem__")?;
    match vm.dict_remove(d, a.pos[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(a.pos[1])),
    }
}

fn d_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__contains__", 1, 1)?;
    let d = dict_ref(vm, &a, "__contains__")?;
    Ok(Value::Bool(vm.dict_lookup(d, a.pos[1])?.is_some()))
}

fn d_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = dict_ref(vm, &a, "__iter__")?;
    vm.get_iter(Value::Obj(d))
}

fn d_reversed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = dict_ref(vm, &a, "__reversed__")?;
    let mut keys = vm.iterate(Value::Obj(d))?;
    keys.reverse();
    let l = vm.new_list(keys);
    vm.get_iter(l)
}

fn d_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__eq__", 1, 1)?;
    let d = dict_ref(vm, &a, "__eq__")?;
    let o = vm.unwrap_base(a.pos[1]);
    if !matches!(o, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Dict(_))) {
        return Ok(vm.not_implemented());
    }
    Ok(Value::Bool(vm.eq(Value::Obj(d), o)?))
}

fn d_or(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__or__", 1, 1)?;
    let d = dict_ref(vm, &a, "__or__")?;
    let o = vm.unwrap_base(a.pos[1]);
    vm.binary_op(Value::Obj(d), o, crate::code::BinaryOp::Or, false)
}

fn d_fromkeys(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "fromkeys", 1, 2)?;
    let cls = arg(&a, 0, "fromkeys")?;
    let v = a.pos.get(2).copied().unwrap_or(Value::None);
    let keys = vm.iterate(a.pos[1])?;
    let target = if vm.is_class(cls) == Some(vm.types.dict) {
        Value::Obj(vm.new_dict_ref())
    } else {
        vm.call(cls, &[])?
    };
    for k in keys {
        vm.set_item(target, k, v)?;
    }
    Ok(target)
}
