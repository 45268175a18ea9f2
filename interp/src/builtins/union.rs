//! Type expressions: `X | Y` makes a `types.UnionType` (usable with isinstance/issubclass,
//! printed `int | str | None`), and `list[int]` a `types.GenericAlias` (callable like its
//! origin, printed `list[int]`).

use super::check_args;
use crate::object::{Args, Instance, Obj};
use crate::types::dict::Dict;
use crate::value::{ObjRef, Value};
use crate::vm::exc;
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let obj = vm.types.object;
    let Ok(cls) = vm.create_class("UnionType", vec![obj], Dict::new(), None) else {
        return;
    };
    let m = vm.new_str("types");
    vm.class_set_attr(cls, "__module__", m);
    if let Obj::Class(c) = vm.heap.get_mut(cls) {
        c.module = m;
    }
    vm.types.misc.insert("UnionType", cls);
    vm.add_method(cls, "__repr__", union_repr);
    vm.add_method(cls, "__or__", union_or);
    vm.add_method(cls, "__ror__", union_ror);
    vm.add_method(cls, "__eq__", union_eq);
    vm.add_method(cls, "__hash__", union_hash);

    let Ok(ga) = vm.create_class("GenericAlias", vec![obj], Dict::new(), None) else {
        return;
    };
    vm.class_set_attr(ga, "__module__", m);
    if let Obj::Class(c) = vm.heap.get_mut(ga) {
        c.module = m;
    }
    vm.types.misc.insert("GenericAlias", ga);
    vm.add_method(ga, "__repr__", alias_repr);
    vm.add_method(ga, "__call__", alias_call);
    vm.add_method(ga, "__or__", union_or);
    vm.add_method(ga, "__ror__", union_ror);
    vm.add_method(ga, "__eq__", alias_eq);
    vm.add_method(ga, "__hash__", alias_hash);
    vm.add_method(ga, "__mro_entries__", alias_mro_entries);
}

/// `origin[args]` for a builtin class: a types.GenericAlias.
pub fn make_alias(vm: &mut Vm, origin: Value, key: Value) -> PyResult<Value> {
    let Some(&cls) = vm.types.misc.get("GenericAlias") else {
        return Ok(origin);
    };
    let args = match key {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Tuple(_)) => key,
        _ => vm.new_tuple(vec![key]),
    };
    let d = vm.new_dict_ref();
    let (ko, ka) = (vm.intern("__origin__"), vm.intern("__args__"));
    vm.ns_set(d, ko, origin);
    vm.ns_set(d, ka, args);
    let inst = Instance {
        class: cls,
        dict: d,
        exc: None,
        base: Value::Undef,
        native: None,
    };
    Ok(Value::Obj(vm.heap.alloc(Obj::Instance(Box::new(inst)))))
}

/// (origin, args) of a GenericAlias.
fn alias_parts(vm: &Vm, v: Value) -> Option<(Value, Vec<Value>)> {
    let cls = *vm.types.misc.get("GenericAlias")?;
    let Value::Obj(r) = v else {
        return None;
    };
    let Obj::Instance(i) = vm.heap.get(r) else {
        return None;
    };
    if i.class != cls {
        return None;
    }
    let origin = vm.ns_get(i.dict, vm.interned("__origin__")?)?;
    let args = match vm.ns_get(i.dict, vm.interned("__args__")?)? {
        Value::Obj(t) => match vm.heap.get(t) {
            Obj::Tuple(xs) => xs.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    Some((origin, args))
}

fn this_alias(vm: &Vm, args: &Args) -> PyResult<(Value, Vec<Value>)> {
    args.pos
        .first()
        .and_then(|&v| alias_parts(vm, v))
        .ok_or_else(|| exc::type_error("descriptor requires a 'types.GenericAlias' object"))
}

fn alias_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__repr__", 1, 1)?;
    let (origin, items) = this_alias(vm, &args)?;
    let mut parts = Vec::new();
    for x in &items {
        parts.push(if x.is(vm.ellipsis()) {
            "...".to_string()
        } else if matches!(x, Value::Obj(r) if matches!(vm.heap.get(*r), Obj::Tuple(t) if t.is_empty()))
        {
            "()".to_string()
        } else if vm.is_class(*x).is_some() {
            type_repr(vm, *x)?
        } else {
            vm.repr_value(*x)?
        });
    }
    let o = type_repr(vm, origin)?;
    let inner = if items.is_empty() {
        "()".to_string()
    } else {
        parts.join(", ")
    };
    Ok(vm.new_str(format!("{o}[{inner}]")))
}

fn alias_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (origin, _) = this_alias(vm, &args)?;
    let rest = Args {
        pos: args.pos[1..].iter().copied().collect(),
        kw: args.kw,
    };
    vm.call_args(origin, rest)
}

fn alias_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__eq__", 2, 2)?;
    let (o1, a1) = this_alias(vm, &args)?;
    let Some((o2, a2)) = alias_parts(vm, args.pos[1]) else {
        return Ok(vm.not_implemented());
    };
    if !o1.is(o2) || a1.len() != a2.len() {
        return Ok(Value::Bool(false));
    }
    for (x, y) in a1.into_iter().zip(a2) {
        if !vm.eq(x, y)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn alias_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__hash__", 1, 1)?;
    let (o, a) = this_alias(vm, &args)?;
    let mut h = vm.hash_value(o)?;
    for x in a {
        h = h.wrapping_mul(1_000_003) ^ vm.hash_value(x)?;
    }
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

/// `class C(list[int])` subclasses `list`.
fn alias_mro_entries(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (o, _) = this_alias(vm, &args)?;
    Ok(vm.new_tuple(vec![o]))
}

/// The classes of a union object, or None if `v` is not one.
pub fn union_args(vm: &Vm, v: Value) -> Option<Vec<Value>> {
    let cls = *vm.types.misc.get("UnionType")?;
    let Value::Obj(r) = v else {
        return None;
    };
    let Obj::Instance(i) = vm.heap.get(r) else {
        return None;
    };
    if i.class != cls {
        return None;
    }
    let key = vm.interned("__args__")?;
    match vm.ns_get(i.dict, key)? {
        Value::Obj(t) => match vm.heap.get(t) {
            Obj::Tuple(xs) => Some(xs.to_vec()),
            _ => None,
        },
        _ => None,
    }
}

/// Can `v` be an operand of a type union?
fn unionable(vm: &Vm, v: Value) -> bool {
    v.is_none()
        || vm.is_class(v).is_some()
        || union_args(vm, v).is_some()
        || alias_parts(vm, v).is_some()
}

/// `a | b` for types (None stands for NoneType), or None when the operands don't qualify.
pub fn make_union(vm: &mut Vm, a: Value, b: Value) -> PyResult<Option<Value>> {
    // One side must be a type: `None | None` has no `__or__`.
    if !unionable(vm, a) || !unionable(vm, b) || (a.is_none() && b.is_none()) {
        return Ok(None);
    }
    let mut args: Vec<Value> = Vec::new();
    for v in [a, b] {
        let parts = union_args(vm, v).unwrap_or_else(|| vec![v]);
        for p in parts {
            let p = if p.is_none() {
                Value::Obj(vm.types.none)
            } else {
                p
            };
            if !args.iter().any(|x| x.is(p)) {
                args.push(p);
            }
        }
    }
    if args.len() == 1 {
        return Ok(Some(args[0]));
    }
    let Some(&cls) = vm.types.misc.get("UnionType") else {
        return Ok(None);
    };
    let d = vm.new_dict_ref();
    let t = vm.new_tuple(args);
    let k = vm.intern("__args__");
    vm.ns_set(d, k, t);
    let inst = Instance {
        class: cls,
        dict: d,
        exc: None,
        base: Value::Undef,
        native: None,
    };
    Ok(Some(Value::Obj(
        vm.heap.alloc(Obj::Instance(Box::new(inst))),
    )))
}

fn this_args(vm: &Vm, args: &Args) -> PyResult<Vec<Value>> {
    args.pos
        .first()
        .and_then(|&v| union_args(vm, v))
        .ok_or_else(|| exc::type_error("descriptor requires a 'types.UnionType' object"))
}

fn union_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__repr__", 1, 1)?;
    let parts = this_args(vm, &args)?;
    let mut out = Vec::new();
    for p in parts {
        out.push(type_repr(vm, p)?);
    }
    Ok(vm.new_str(out.join(" | ")))
}

/// How a union prints a member: `int`, `mod.Class`, `None`.
fn type_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if v.is(Value::Obj(vm.types.none)) {
        return Ok("None".into());
    }
    if let Some(c) = vm.is_class(v) {
        let (module, qualname) = match vm.heap.get(c) {
            Obj::Class(cl) => (cl.module, cl.qualname.clone()),
            _ => (Value::None, String::new()),
        };
        return Ok(match vm.as_str(module) {
            Some("builtins") | None => qualname,
            Some(m) => format!("{m}.{qualname}"),
        });
    }
    vm.repr_value(v)
}

fn union_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__or__", 2, 2)?;
    Ok(make_union(vm, args.pos[0], args.pos[1])?.unwrap_or_else(|| vm.not_implemented()))
}

fn union_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__ror__", 2, 2)?;
    Ok(make_union(vm, args.pos[1], args.pos[0])?.unwrap_or_else(|| vm.not_implemented()))
}

fn union_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__eq__", 2, 2)?;
    let a = this_args(vm, &args)?;
    let Some(b) = union_args(vm, args.pos[1]) else {
        return Ok(vm.not_implemented());
    };
    let same = a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| y.is(*x)));
    Ok(Value::Bool(same))
}

fn union_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__hash__", 1, 1)?;
    let a = this_args(vm, &args)?;
    let mut h: i64 = 0x345678;
    for x in a {
        if let Value::Obj(r) = x {
            h ^= (r.index() as i64).wrapping_mul(1_000_003);
        }
    }
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

/// isinstance/issubclass reject parameterized generics, as CPython does.
pub fn is_alias(vm: &Vm, v: Value) -> bool {
    alias_parts(vm, v).is_some()
}

/// Used by isinstance/issubclass: the members of a union, if `cls` is one.
pub fn members(vm: &Vm, cls: Value) -> Option<Vec<ObjRef>> {
    union_args(vm, cls).map(|xs| xs.into_iter().filter_map(|x| vm.is_class(x)).collect())
}
