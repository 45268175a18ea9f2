//! The `builtins` module: functions, type constructors, the exception hierarchy, and the
//! special attributes of builtin values.

pub mod bytes;
pub mod casing;
pub mod dict;
pub mod digest;
pub mod import;
pub mod internal;
pub mod list;
pub mod math;
pub mod numeric;
pub mod random;
pub mod re;
pub mod set;
pub mod str;
pub mod sys;
pub mod tasks;
pub mod union;

use crate::object::{
    Args, CallableIter, EnumerateIter, FilterIter, IterKind, MapIter, NativeFnPtr, Obj, TypeKind,
};
use crate::types::dict::Dict;
use crate::value::{ObjRef, Triple, Value};
use crate::vm::exc::{self, ExcKind, PyErr};
use crate::vm::ops::Num;
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Num as _, Signed, ToPrimitive, Zero};

/// Populate a fresh VM: exception classes, builtin functions, methods of builtin types and
/// the native modules.
pub fn install(vm: &mut Vm) {
    // Exceptions.
    let mut excs: Vec<ObjRef> = Vec::new();
    for &k in ExcKind::ALL {
        let parent = k
            .parent()
            .map(|p| excs[p as usize])
            .unwrap_or(vm.types.object);
        let c = vm
            .create_class(k.name(), vec![parent], Dict::new(), None)
            .unwrap_or(vm.types.object);
        if let Obj::Class(cl) = vm.heap.get_mut(c) {
            cl.builtin = true;
            cl.is_exception = true;
            cl.kind = TypeKind::Exception;
        }
        let m = vm.intern("builtins");
        if let Obj::Class(cl) = vm.heap.get_mut(c) {
            cl.module = Value::Obj(m);
        }
        excs.push(c);
    }
    vm.types.exceptions = excs.clone();
    for (i, &k) in ExcKind::ALL.iter().enumerate() {
        vm.set_builtin(k.name(), Value::Obj(excs[i]));
    }
    vm.set_builtin(
        "EnvironmentError",
        Value::Obj(excs[ExcKind::OSError as usize]),
    );
    vm.set_builtin("IOError", Value::Obj(excs[ExcKind::OSError as usize]));
    let base_exc = excs[ExcKind::BaseException as usize];
    vm.add_method(base_exc, "__init__", exc_init);
    vm.add_method(base_exc, "__str__", exc_str);
    vm.add_method(base_exc, "__repr__", exc_repr);
    vm.add_method(base_exc, "with_traceback", exc_with_traceback);
    vm.add_method(base_exc, "add_note", exc_add_note);
    let os_error = excs[ExcKind::OSError as usize];
    vm.add_method(os_error, "__str__", os_error_str);

    // Type names visible as builtins.
    let t = &vm.types;
    let named = [
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool_),
        ("float", t.float),
        ("complex", t.complex),
        ("str", t.str_),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("list", t.list),
        ("tuple", t.tuple),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("slice", t.slice),
        ("property", t.property),
        ("staticmethod", t.staticmethod),
        ("classmethod", t.classmethod),
        ("super", t.super_),
        ("enumerate", t.enumerate),
        ("zip", t.zip),
        ("map", t.map),
        ("filter", t.filter),
        ("reversed", t.reversed),
    ];
    for (n, c) in named {
        vm.set_builtin(n, Value::Obj(c));
    }
    // bool derives from int.
    let (b, i, o) = (vm.types.bool_, vm.types.int, vm.types.object);
    if let Obj::Class(c) = vm.heap.get_mut(b) {
        c.bases = vec![i];
        c.mro = vec![b, i, o];
    }
    vm.set_builtin("None", Value::None);
    vm.set_builtin("True", Value::Bool(true));
    vm.set_builtin("False", Value::Bool(false));
    vm.set_builtin("Ellipsis", Value::Obj(vm.ellipsis));
    vm.set_builtin("NotImplemented", Value::Obj(vm.not_implemented));
    vm.set_builtin("__debug__", Value::Bool(true));
    let bn = vm.new_str("builtins");
    let bd = vm.module_dict(vm.builtins);
    let nk = vm.names.__name__;
    vm.ns_set(bd, nk, bn);

    let funcs: &[(&str, NativeFnPtr)] = &[
        ("print", b_print),
        ("len", b_len),
        ("repr", b_repr),
        ("ascii", b_ascii),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("hasattr", b_hasattr),
        ("getattr", b_getattr),
        ("setattr", b_setattr),
        ("delattr", b_delattr),
        ("iter", b_iter),
        ("next", b_next),
        ("abs", b_abs),
        ("min", b_min),
        ("max", b_max),
        ("sum", b_sum),
        ("any", b_any),
        ("all", b_all),
        ("sorted", b_sorted),
        ("divmod", b_divmod),
        ("pow", b_pow),
        ("round", b_round),
        ("hash", b_hash),
        ("id", b_id),
        ("chr", b_chr),
        ("ord", b_ord),
        ("hex", b_hex),
        ("oct", b_oct),
        ("bin", b_bin),
        ("callable", b_callable),
        ("vars", b_vars),
        ("dir", b_dir),
        ("globals", b_globals),
        ("locals", b_locals),
        ("format", b_format),
        ("__build_class__", b_build_class),
        ("__import__", b_import),
        ("input", b_input),
        ("exec", b_exec),
        ("eval", b_eval),
        ("open", b_open),
        ("compile", b_compile),
        ("breakpoint", b_noop),
        ("exit", b_exit),
        ("quit", b_exit),
    ];
    for &(n, f) in funcs {
        let v = vm.new_native(n, f);
        vm.set_builtin(n, v);
    }

    // object and type.
    let (obj, ty) = (vm.types.object, vm.types.type_);
    vm.add_method(obj, "__init__", object_init);
    vm.add_class_method(obj, "__new__", object_new, true);
    vm.add_method(obj, "__repr__", object_repr);
    vm.add_method(obj, "__str__", object_str);
    vm.add_method(obj, "__eq__", object_eq);
    vm.add_method(obj, "__ne__", object_ne);
    vm.add_method(obj, "__hash__", object_hash);
    vm.add_method(obj, "__setattr__", object_setattr);
    vm.add_method(obj, "__getattribute__", object_getattribute);
    vm.add_method(obj, "__delattr__", object_delattr);
    vm.add_method(obj, "__format__", object_format);
    vm.add_method(obj, "__init_subclass__", b_noop);
    vm.add_method(obj, "__dir__", object_dir);
    vm.add_method(ty, "mro", type_mro);
    vm.add_class_method(ty, "__new__", type_new, true);
    vm.add_method(ty, "__init__", b_noop);
    vm.add_method(ty, "__call__", type_call);
    vm.add_method(ty, "__subclasses__", type_subclasses);
    // Immutable builtins have their own __new__ (so `int.__new__ is not object.__new__`, as
    // enum's mixin detection expects); they construct like object.__new__ does.
    let value_types = [
        vm.types.int,
        vm.types.float,
        vm.types.complex,
        vm.types.str_,
        vm.types.bytes,
        vm.types.tuple,
        vm.types.frozenset,
    ];
    for t in value_types {
        vm.add_class_method(t, "__new__", object_new, true);
    }

    str::install(vm);
    list::install(vm);
    dict::install(vm);
    set::install(vm);
    bytes::install(vm);
    install_misc_methods(vm);
    union::install(vm);
    numeric::install(vm);
    let mods: &[(&str, ModuleInit)] = &[
        ("math", math::module),
        ("random", random::module),
        ("sys", sys::module),
        ("time", sys::time_module),
        ("_kaa", internal::module),
        ("_kaa_re", re::module),
        ("_kaa_sched", tasks::module),
        ("builtins", |vm: &mut Vm| vm.builtins),
    ];
    for &(n, f) in mods {
        vm.native_modules.insert(n.to_string(), f);
    }
    for &(n, src) in FROZEN {
        vm.frozen_modules.insert(n.to_string(), src);
    }
}

/// Builds a native module.
type ModuleInit = fn(&mut Vm) -> ObjRef;

/// Standard-library modules written in Python (their frames are hidden from tracebacks, as
/// CPython's C implementations have none).
const FROZEN: &[(&str, &str)] = &[
    ("collections", include_str!("../stdlib/collections.py")),
    ("itertools", include_str!("../stdlib/itertools.py")),
    ("functools", include_str!("../stdlib/functools.py")),
    ("operator", include_str!("../stdlib/operator.py")),
    ("string", include_str!("../stdlib/string.py")),
    ("copy", include_str!("../stdlib/copy.py")),
    ("heapq", include_str!("../stdlib/heapq.py")),
    ("bisect", include_str!("../stdlib/bisect.py")),
    ("contextlib", include_str!("../stdlib/contextlib.py")),
    ("abc", include_str!("../stdlib/abc.py")),
    ("types", include_str!("../stdlib/types.py")),
    ("typing", include_str!("../stdlib/typing.py")),
    ("dataclasses", include_str!("../stdlib/dataclasses.py")),
    ("enum", include_str!("../stdlib/enum.py")),
    ("json", include_str!("../stdlib/json.py")),
    ("re", include_str!("../stdlib/re.py")),
    ("_kaa_eg", include_str!("../stdlib/_kaa_eg.py")),
    (
        "collections.abc",
        include_str!("../stdlib/collections_abc.py"),
    ),
    ("io", include_str!("../stdlib/io.py")),
    ("textwrap", include_str!("../stdlib/textwrap.py")),
    ("fractions", include_str!("../stdlib/fractions.py")),
    ("statistics", include_str!("../stdlib/statistics.py")),
    ("hashlib", include_str!("../stdlib/hashlib.py")),
    ("kaa", include_str!("../stdlib/kaa.py")),
    ("traceback", include_str!("../stdlib/traceback.py")),
    ("posixpath", include_str!("../stdlib/posixpath.py")),
    ("os", include_str!("../stdlib/os.py")),
    ("unittest", include_str!("../stdlib/unittest.py")),
];

fn install_misc_methods(vm: &mut Vm) {
    let t = vm.types.int;
    vm.add_method(t, "bit_length", int_bit_length);
    vm.add_method(t, "to_bytes", int_to_bytes);
    vm.add_class_method(t, "from_bytes", int_from_bytes, false);
    vm.add_method(t, "conjugate", int_pos);
    vm.add_method(t, "__index__", int_pos);
    vm.add_method(t, "__int__", int_pos);
    vm.add_method(t, "bit_count", int_bit_count);
    vm.add_method(t, "as_integer_ratio", int_as_ratio);
    let f = vm.types.float;
    vm.add_method(f, "is_integer", float_is_integer);
    vm.add_method(f, "as_integer_ratio", float_as_ratio);
    vm.add_method(f, "hex", float_hex);
    vm.add_method(f, "conjugate", float_conj);
    vm.add_class_method(f, "fromhex", float_fromhex, false);
    let g = vm.types.generator;
    vm.add_method(g, "send", gen_send);
    vm.add_method(g, "throw", gen_throw);
    vm.add_method(g, "close", gen_close);
    vm.add_method(g, "__next__", gen_next_m);
    vm.add_method(g, "__iter__", iter_self);
    let c = vm.types.coroutine;
    vm.add_method(c, "send", gen_send);
    vm.add_method(c, "throw", gen_throw);
    vm.add_method(c, "close", gen_close);
    let p = vm.types.property;
    vm.add_method(p, "getter", property_getter);
    vm.add_method(p, "setter", property_setter);
    vm.add_method(p, "deleter", property_deleter);
    vm.add_method(p, "__get__", property_get);
    for cls in [
        vm.types.enumerate,
        vm.types.zip,
        vm.types.map,
        vm.types.filter,
        vm.types.reversed,
    ] {
        vm.add_method(cls, "__iter__", iter_self);
        vm.add_method(cls, "__next__", iter_next_m);
    }
    for name in [
        "list_iterator",
        "tuple_iterator",
        "str_ascii_iterator",
        "str_iterator",
        "bytes_iterator",
        "range_iterator",
        "dict_keyiterator",
        "dict_valueiterator",
        "dict_itemiterator",
        "set_iterator",
        "callable_iterator",
        "iterator",
    ] {
        let cls = new_builtin_class(vm, name, TypeKind::Iterator);
        vm.add_method(cls, "__iter__", iter_self);
        vm.add_method(cls, "__next__", iter_next_m);
        vm.types.misc.insert(name, cls);
    }
    let tb = new_builtin_class(vm, "traceback", TypeKind::Object);
    vm.types.misc.insert("traceback", tb);
    let r = vm.types.range;
    vm.add_method(r, "index", range_index);
    vm.add_method(r, "count", range_count);
    let s = vm.types.slice;
    vm.add_method(s, "indices", slice_indices);
    let dk = vm.types.dict_keys;
    vm.add_method(dk, "isdisjoint", set::set_isdisjoint);
}

/// A builtin class created after start-up (iterator types of native modules).
pub fn new_builtin_class(vm: &mut Vm, name: &str, kind: TypeKind) -> ObjRef {
    let obj = vm.types.object;
    let c = vm
        .create_class(name, vec![obj], Dict::new(), None)
        .unwrap_or(obj);
    let m = vm.intern("builtins");
    if let Obj::Class(cl) = vm.heap.get_mut(c) {
        cl.builtin = true;
        cl.kind = kind;
        cl.module = Value::Obj(m);
    }
    c
}

// ----- argument helpers -----

pub fn arg(args: &Args, i: usize, fname: &str) -> PyResult<Value> {
    args.pos.get(i).copied().ok_or_else(|| {
        exc::type_error(format!(
            "{fname}() missing required argument (pos {})",
            i + 1
        ))
    })
}

/// Check the positional count: `name() takes exactly one argument (N given)` style.
pub fn check_args(args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len();
    if n < min || n > max {
        if min == max {
            if min == 0 {
                return Err(exc::type_error(format!(
                    "{name}() takes no arguments ({n} given)"
                )));
            }
            if min == 1 {
                return Err(exc::type_error(format!(
                    "{name}() takes exactly one argument ({n} given)"
                )));
            }
            return Err(exc::type_error(format!(
                "{name} expected {min} arguments, got {n}"
            )));
        }
        if n < min {
            return Err(exc::type_error(format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )));
        }
        return Err(exc::type_error(format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Argument count check for a method (`self` excluded), in CPython's wording:
/// `tuple.count() takes exactly one argument (0 given)`, `replace expected at least 2
/// arguments, got 1`.
pub fn check_method(vm: &Vm, args: &Args, name: &str, min: usize, max: usize) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if n >= min && n <= max {
        return Ok(());
    }
    let t = args
        .pos
        .first()
        .map(|&v| vm.type_name(v))
        .unwrap_or_default();
    let s = |k: usize| if k == 1 { "" } else { "s" };
    Err(exc::type_error(if min == max && min == 1 {
        format!("{t}.{name}() takes exactly one argument ({n} given)")
    } else if min == max && min == 0 {
        format!("{t}.{name}() takes no arguments ({n} given)")
    } else if min == max {
        format!("{name} expected {min} argument{}, got {n}", s(min))
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", s(min))
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", s(max))
    }))
}

pub fn no_kwargs(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if let Some((k, _)) = args.kw.first() {
        let _ = k;
        let _ = vm;
        return Err(exc::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

/// Take a keyword argument by name.
pub fn take_kw(vm: &Vm, args: &mut Args, name: &str) -> Option<Value> {
    let i = args.kw.iter().position(|(k, _)| vm.str_ref(*k) == name)?;
    Some(args.kw.remove(i).1)
}

pub fn reject_extra_kw(vm: &Vm, args: &Args, fname: &str) -> PyResult<()> {
    if let Some((k, _)) = args.kw.first() {
        let n = vm.str_ref(*k);
        return Err(exc::type_error(format!(
            "{fname}() got an unexpected keyword argument '{n}'"
        )));
    }
    Ok(())
}

pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

// ----- builtin functions -----

fn b_print(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let sep = take_kw(vm, &mut args, "sep");
    let end = take_kw(vm, &mut args, "end");
    let file = take_kw(vm, &mut args, "file").filter(|f| !f.is_none());
    let _flush = take_kw(vm, &mut args, "flush");
    if let Some((k, _)) = args.kw.first() {
        let n = vm.str_ref(*k).to_string();
        return Err(exc::type_error(format!(
            "'{n}' is an invalid keyword argument for print()"
        )));
    }
    let text_of = |vm: &mut Vm, v: Option<Value>, default: &str, what: &str| -> PyResult<String> {
        match v {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(v) => match vm.as_str(v) {
                Some(s) => Ok(s.to_string()),
                None => {
                    let t = vm.type_name(v);
                    Err(exc::type_error(format!(
                        "{what} must be None or a string, not {t}"
                    )))
                }
            },
        }
    };
    let sep = text_of(vm, sep, " ", "sep")?;
    let end = text_of(vm, end, "\n", "end")?;
    let mut out = String::new();
    for (i, &a) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_value(a)?);
    }
    out.push_str(&end);
    match file {
        None => vm.write_out(&out),
        Some(f) => {
            let w = vm.intern("write");
            let write = vm.get_attr(f, w)?;
            let s = vm.new_str(out);
            vm.call(write, &[s])?;
        }
    }
    Ok(Value::None)
}

pub fn len_of(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let ln = vm.names.__len__;
    if let Some(res) = vm.meta_dunder(v, ln, &[])? {
        let n = vm.index_value(res)?;
        if n < 0 {
            return Err(exc::value_error("__len__() should return >= 0"));
        }
        return Ok(n as usize);
    }
    if let Value::Obj(r) = v {
        let n = match vm.heap.get(r) {
            Obj::Str(s) => Some(s.char_count()),
            Obj::List(xs) | Obj::Tuple(xs) => Some(xs.len()),
            Obj::Dict(d) => Some(d.len()),
            Obj::Set(s) | Obj::FrozenSet(s) => Some(s.len()),
            Obj::Bytes(b) | Obj::ByteArray(b) => Some(b.len()),
            Obj::DictView(d, _) => match vm.heap.get(*d) {
                Obj::Dict(dd) => Some(dd.len()),
                _ => Some(0),
            },
            _ => None,
        };
        if let Some(n) = n {
            return Ok(n);
        }
        if let Obj::Range(_) = vm.heap.get(r) {
            return Ok(vm.range_len(r)? as usize);
        }
        if let Obj::Instance(_) = vm.heap.get(r) {
            let l = vm.names.__len__;
            if let Some(res) = vm.call_dunder(v, l, &[])? {
                if !vm.is_int(res) {
                    let t = vm.type_name(res);
                    return Err(exc::type_error(format!(
                        "'{t}' object cannot be interpreted as an integer"
                    )));
                }
                let n = vm.index_value(res)?;
                if n < 0 {
                    return Err(exc::value_error("__len__() should return >= 0"));
                }
                return Ok(n as usize);
            }
            let b = vm.unwrap_base(v);
            if !b.is(v) {
                return len_of(vm, b);
            }
        }
    }
    let t = vm.type_name(v);
    Err(exc::type_error(format!(
        "object of type '{t}' has no len()"
    )))
}

fn b_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "len", 1, 1)?;
    Ok(Value::Int(len_of(vm, args.pos[0])? as i64))
}

fn b_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "repr", 1, 1)?;
    let s = vm.repr_value(args.pos[0])?;
    Ok(vm.new_str(s))
}

fn b_ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "ascii", 1, 1)?;
    let s = vm.repr_value(args.pos[0])?;
    Ok(vm.new_str(ascii_escape(&s)))
}

fn class_or_tuple_check(
    vm: &mut Vm,
    v: Value,
    cls: Value,
    fname: &str,
    subclass: bool,
) -> PyResult<bool> {
    if let Value::Obj(r) = cls {
        if let Obj::Tuple(items) = vm.heap.get(r) {
            let items = items.clone();
            for c in items {
                if class_or_tuple_check(vm, v, c, fname, subclass)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
    }
    if union::is_alias(vm, cls) {
        return Err(exc::type_error(format!(
            "{fname}() argument 2 cannot be a parameterized generic"
        )));
    }
    if let Some(members) = union::members(vm, cls) {
        for c in members {
            if class_or_tuple_check(vm, v, Value::Obj(c), fname, subclass)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let Some(c) = vm.is_class(cls) else {
        let what = if subclass {
            "class, a tuple of classes"
        } else {
            "type, a tuple of types"
        };
        return Err(exc::type_error(format!(
            "{fname}() arg 2 must be a {what}, or a union"
        )));
    };
    // A metaclass may customise the check.
    let meta = vm.class_of(cls);
    if meta != vm.types.type_ {
        let n = if subclass {
            vm.names.__subclasscheck__
        } else {
            vm.names.__instancecheck__
        };
        if let Some(f) = vm.lookup_type_attr(meta, n) {
            let r = vm.call_bound(f, cls, &[v])?;
            return vm.truthy(r);
        }
    }
    if subclass {
        let Some(sub) = vm.is_class(v) else {
            return Err(exc::type_error("issubclass() arg 1 must be a class"));
        };
        return Ok(vm.is_subclass(sub, c));
    }
    Ok(vm.isinstance(v, c))
}

fn b_isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "isinstance", 2, 2)?;
    Ok(Value::Bool(class_or_tuple_check(
        vm,
        args.pos[0],
        args.pos[1],
        "isinstance",
        false,
    )?))
}

fn b_issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "issubclass", 2, 2)?;
    Ok(Value::Bool(class_or_tuple_check(
        vm,
        args.pos[0],
        args.pos[1],
        "issubclass",
        true,
    )?))
}

fn attr_name(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match vm.as_str(v) {
        Some(s) => {
            let s = s.to_string();
            Ok(vm.intern(&s))
        }
        None => {
            let t = vm.type_name(v);
            Err(exc::type_error(format!(
                "attribute name must be string, not '{t}'"
            )))
        }
    }
}

fn b_hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "hasattr", 2, 2)?;
    let n = attr_name(vm, args.pos[1])?;
    Ok(Value::Bool(vm.get_attr_opt(args.pos[0], n)?.is_some()))
}

fn b_getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "getattr", 2, 3)?;
    let n = attr_name(vm, args.pos[1])?;
    if args.pos.len() == 3 {
        return Ok(vm.get_attr_opt(args.pos[0], n)?.unwrap_or(args.pos[2]));
    }
    vm.get_attr(args.pos[0], n)
}

fn b_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "setattr", 3, 3)?;
    let n = attr_name(vm, args.pos[1])?;
    vm.set_attr_ref(args.pos[0], n, args.pos[2])?;
    Ok(Value::None)
}

fn b_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "delattr", 2, 2)?;
    let n = attr_name(vm, args.pos[1])?;
    vm.del_attr(args.pos[0], n)?;
    Ok(Value::None)
}

fn b_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "iter", 1, 2)?;
    if args.pos.len() == 2 {
        let f = args.pos[0];
        return Ok(vm.new_iter(IterKind::Callable(Box::new(CallableIter {
            func: f,
            sentinel: args.pos[1],
        }))));
    }
    vm.get_iter(args.pos[0])
}

fn b_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "next", 1, 2)?;
    let it = args.pos[0];
    let is_iter = match it {
        Value::Obj(r) => match vm.heap.get(r) {
            // A coroutine is not an iterator (its type name says which it is).
            Obj::Generator(g) => !g.coroutine,
            Obj::Iter(_) => true,
            Obj::Instance(_) => {
                let n = vm.names.__next__;
                let c = vm.class_of(it);
                vm.lookup_type_attr(c, n).is_some()
            }
            _ => false,
        },
        _ => false,
    };
    if !is_iter {
        let t = vm.type_name(it);
        return Err(exc::type_error(format!("'{t}' object is not an iterator")));
    }
    if let Value::Obj(r) = it {
        if let Obj::Generator(_) = vm.heap.get(r) {
            return match vm.gen_resume(r, Value::None, None) {
                Ok(crate::vm::call::GenStep::Yield(v)) => Ok(v),
                Ok(crate::vm::call::GenStep::Return(v)) => match args.pos.get(1) {
                    Some(&d) => Ok(d),
                    None => Err(vm.stop_iteration_with(v)),
                },
                Err(e) => {
                    if args.pos.len() == 2 && vm.err_matches(&e, ExcKind::StopIteration) {
                        return Ok(args.pos[1]);
                    }
                    Err(e)
                }
            };
        }
        if let Obj::Instance(_) = vm.heap.get(r) {
            let n = vm.names.__next__;
            return match vm.call_dunder(it, n, &[]) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => Err(exc::type_error("not an iterator")),
                Err(e) => {
                    if args.pos.len() == 2 && vm.err_matches(&e, ExcKind::StopIteration) {
                        return Ok(args.pos[1]);
                    }
                    Err(e)
                }
            };
        }
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(&d) => Ok(d),
            None => Err(PyErr::New(ExcKind::StopIteration, String::new())),
        },
    }
}

fn b_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "abs", 1, 1)?;
    let v = args.pos[0];
    match vm.num(v) {
        Some(Num::I(i)) if !vm.is_instance_like(v) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => vm.int_from_big(BigInt::from(i).abs()),
        }),
        Some(Num::B(b)) => {
            let a = b.abs();
            Ok(vm.int_from_big(a))
        }
        Some(Num::F(f)) => Ok(Value::Float(f.abs())),
        _ => {
            if let Value::Obj(r) = v {
                if let Obj::Complex(a, b) = vm.heap.get(r) {
                    return Ok(Value::Float(a.hypot(*b)));
                }
            }
            let n = vm.names.__abs__;
            if let Some(r) = vm.call_dunder(v, n, &[])? {
                return Ok(r);
            }
            let t = vm.type_name(v);
            Err(exc::type_error(format!(
                "bad operand type for abs(): '{t}'"
            )))
        }
    }
}

fn min_max(vm: &mut Vm, mut args: Args, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    let key = take_kw(vm, &mut args, "key").filter(|k| !k.is_none());
    let default = take_kw(vm, &mut args, "default");
    reject_extra_kw(vm, &args, name)?;
    let items = match args.pos.len() {
        0 => {
            return Err(exc::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => vm.iterate(args.pos[0])?,
        _ => {
            if default.is_some() {
                return Err(exc::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args.pos.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(exc::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        };
    }
    let mut best = items[0];
    let mut best_key = match key {
        Some(k) => vm.call(k, &[best])?,
        None => best,
    };
    for &x in &items[1..] {
        let kx = match key {
            Some(k) => vm.call(k, &[x])?,
            None => x,
        };
        // CPython asks `item > best` for max and `item < best` for min.
        let better = if is_max {
            vm.compare_bool(kx, best_key, crate::code::CompareOp::Gt)?
        } else {
            vm.less_than(kx, best_key)?
        };
        if better {
            best = x;
            best_key = kx;
        }
    }
    Ok(best)
}

fn b_min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, false)
}

fn b_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, true)
}

fn b_sum(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let start_kw = take_kw(vm, &mut args, "start");
    if args.pos.is_empty() {
        return Err(exc::type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    check_args(&args, "sum", 1, 2)?;
    let mut acc = args
        .pos
        .get(1)
        .copied()
        .or(start_kw)
        .unwrap_or(Value::Int(0));
    if vm.as_str(acc).is_some() {
        return Err(exc::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = vm.get_iter(args.pos[0])?;
    let mut fsum: Option<f64> = None;
    while let Some(x) = vm.iter_next(it)? {
        match (acc, x) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(b).is_some() => acc = Value::Int(a + b),
            (Value::Float(a), Value::Float(b)) => {
                // CPython sums floats with extra precision; a compensated sum gets the same result
                // in the common cases.
                let _ = fsum.get_or_insert(0.0);
                acc = Value::Float(a + b);
            }
            _ => acc = vm.binary_op(acc, x, crate::code::BinaryOp::Add, false)?,
        }
    }
    Ok(acc)
}

fn b_any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "any", 1, 1)?;
    let it = vm.get_iter(args.pos[0])?;
    while let Some(x) = vm.iter_next(it)? {
        if vm.truthy(x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn b_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "all", 1, 1)?;
    let it = vm.get_iter(args.pos[0])?;
    while let Some(x) = vm.iter_next(it)? {
        if !vm.truthy(x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn b_sorted(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let key = take_kw(vm, &mut args, "key");
    let reverse = take_kw(vm, &mut args, "reverse");
    reject_extra_kw(vm, &args, "sorted")?;
    if args.pos.len() != 1 {
        return Err(exc::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let items = vm.iterate(args.pos[0])?;
    let l = vm.new_list(items);
    if let Value::Obj(r) = l {
        list::sort_list(vm, r, key, reverse)?;
    }
    Ok(l)
}

fn b_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "divmod", 2, 2)?;
    let (a, b) = (args.pos[0], args.pos[1]);
    if let (Some(_), Some(_)) = (vm.num(a), vm.num(b)) {
        let q = vm.binary_op(a, b, crate::code::BinaryOp::FloorDiv, false)?;
        let m = vm.binary_op(a, b, crate::code::BinaryOp::Mod, false)?;
        return Ok(vm.new_tuple(vec![q, m]));
    }
    let n = vm.names.__divmod__;
    if let Some(r) = vm.call_dunder(a, n, &[b])? {
        if !r.is(vm.not_implemented()) {
            return Ok(r);
        }
    }
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    Err(exc::type_error(format!(
        "unsupported operand type(s) for divmod(): '{ta}' and '{tb}'"
    )))
}

fn b_pow(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if let Some(m) = take_kw(vm, &mut args, "mod") {
        args.pos.push(m);
    }
    match args.pos.len() {
        0 => {
            return Err(exc::type_error(
                "pow() missing required argument 'base' (pos 1)",
            ))
        }
        1 => {
            return Err(exc::type_error(
                "pow() missing required argument 'exp' (pos 2)",
            ))
        }
        _ => check_args(&args, "pow", 2, 3)?,
    }
    if args.pos.len() == 3 && !args.pos[2].is_none() {
        let (Some(b), Some(e), Some(m)) = (
            vm.to_bigint(args.pos[0]),
            vm.to_bigint(args.pos[1]),
            vm.to_bigint(args.pos[2]),
        ) else {
            return Err(exc::type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        };
        if m.is_zero() {
            return Err(exc::value_error("pow() 3rd argument cannot be 0"));
        }
        let r = if e.is_negative() {
            let inv = mod_inverse(&b, &m)
                .ok_or_else(|| exc::value_error("base is not invertible for the given modulus"))?;
            inv.modpow(&(-e), &m)
        } else {
            b.modpow(&e, &m)
        };
        let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
            r + &m
        } else {
            r
        };
        return Ok(vm.int_from_big(r));
    }
    vm.binary_op(args.pos[0], args.pos[1], crate::code::BinaryOp::Pow, false)
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    use num_integer::Integer;
    let g = a.extended_gcd(m);
    if !g.gcd.abs().is_one_() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

trait IsOne {
    fn is_one_(&self) -> bool;
}

impl IsOne for BigInt {
    fn is_one_(&self) -> bool {
        *self == BigInt::from(1)
    }
}

/// Round half to even at `nd` decimal digits, as CPython does (via correctly rounded strings).
pub fn round_float(x: f64, nd: i64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if nd > 22 {
        return x;
    }
    if nd < -308 {
        return 0.0 * x;
    }
    let s = if nd >= 0 {
        format!("{:.*e}", 30, x)
    } else {
        String::new()
    };
    let _ = s;
    // Exact decimal rounding: format with enough digits, then round-half-even on the string.
    let digits = format!("{:.*}", (nd.max(0) + 30) as usize, x.abs());
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((&digits, ""));
    let mut all: Vec<u8> = int_part
        .bytes()
        .chain(frac_part.bytes())
        .map(|b| b - b'0')
        .collect();
    let point = int_part.len() as i64;
    let keep = point + nd;
    if keep < 0 {
        return 0.0f64.copysign(x);
    }
    let keep = keep as usize;
    if keep >= all.len() {
        return x;
    }
    let rest_nonzero = all[keep + 1..].iter().any(|&d| d != 0);
    let first = all[keep];
    let round_up =
        first > 5 || (first == 5 && (rest_nonzero || (keep > 0 && all[keep - 1] % 2 == 1)));
    // Exactly-half cases depend on the binary value: the digits above are exact, so a trailing
    // 5 with nothing after is a true tie.
    all.truncate(keep);
    if round_up {
        let mut i = all.len();
        loop {
            if i == 0 {
                all.insert(0, 1);
                break;
            }
            i -= 1;
            if all[i] == 9 {
                all[i] = 0;
            } else {
                all[i] += 1;
                break;
            }
        }
    }
    let extra = all.len() as i64 - keep as i64;
    let int_len = (point + extra) as usize;
    let mut s = String::new();
    for (i, d) in all.iter().enumerate() {
        if i == int_len {
            s.push('.');
        }
        s.push((b'0' + d) as char);
    }
    if s.is_empty() || s.starts_with('.') {
        s.insert(0, '0');
    }
    let mut v: f64 = s.parse().unwrap_or(0.0);
    if nd < 0 {
        v *= 10f64.powi((-nd) as i32);
    }
    v.copysign(x)
}

fn b_round(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    if let Some(n) = take_kw(vm, &mut args, "ndigits") {
        args.pos.push(n);
    }
    if args.pos.is_empty() {
        return Err(exc::type_error(
            "round() missing required argument 'number' (pos 1)",
        ));
    }
    check_args(&args, "round", 1, 2)?;
    let x = args.pos[0];
    let nd = args.pos.get(1).copied().filter(|v| !v.is_none());
    match vm.num(x) {
        Some(Num::F(f)) if !vm.is_instance_like(x) => match nd {
            None => {
                if f.is_nan() {
                    return Err(exc::value_error("cannot convert float NaN to integer"));
                }
                if f.is_infinite() {
                    return Err(exc::overflow_error(
                        "cannot convert float infinity to integer",
                    ));
                }
                let r = f.round();
                let r = if (f - f.trunc()).abs() == 0.5 {
                    2.0 * (f / 2.0).round()
                } else {
                    r
                };
                Ok(vm.int_from_big(BigInt::from(r as i128)))
            }
            Some(n) => {
                let n = vm.index_value(n)?;
                Ok(Value::Float(round_float(f, n)))
            }
        },
        Some(Num::I(_) | Num::B(_)) if !vm.is_instance_like(x) => match nd {
            None => Ok(if let Value::Bool(b) = x {
                Value::Int(b as i64)
            } else {
                x
            }),
            Some(n) => {
                let n = vm.index_value(n)?;
                if n >= 0 {
                    return Ok(x);
                }
                let b = vm.to_bigint(x).unwrap_or_default();
                let p = BigInt::from(10).pow((-n) as u32);
                use num_integer::Integer;
                let (q, r) = b.div_mod_floor(&p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && q.is_odd()) {
                    q + 1
                } else {
                    q
                };
                Ok(vm.int_from_big(q * p))
            }
        },
        _ => {
            let n = vm.names.__round__;
            let a: Vec<Value> = nd.into_iter().collect();
            if let Some(r) = vm.call_dunder(x, n, &a)? {
                return Ok(r);
            }
            let t = vm.type_name(x);
            Err(exc::type_error(format!(
                "type {t} doesn't define __round__ method"
            )))
        }
    }
}

fn b_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "hash", 1, 1)?;
    Ok(Value::Int(vm.hash_value(args.pos[0])?))
}

fn b_id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "id", 1, 1)?;
    Ok(Value::Int(match args.pos[0] {
        Value::Obj(r) => 0x7f00_0000_0000 + r.0 as i64 * 0x30,
        Value::Int(i) => 0x6000_0000_0000 + i.wrapping_mul(32),
        Value::Float(f) => 0x5000_0000_0000 + (f.to_bits() as i64 & 0xffff_ffff),
        Value::Bool(b) => 0x4000_0000_0000 + b as i64 * 32,
        _ => 0x4000_0000_1000,
    }))
}

fn b_chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "chr", 1, 1)?;
    let i = vm.index_value(args.pos[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(vm.new_str(c.to_string())),
        None => Err(exc::value_error("chr() arg not in range(0x110000)")),
    }
}

fn b_ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "ord", 1, 1)?;
    let v = args.pos[0];
    if let Some(s) = vm.as_str(v) {
        let n = s.chars().count();
        if n != 1 {
            return Err(exc::type_error(format!(
                "ord() expected a character, but string of length {n} found"
            )));
        }
        return Ok(Value::Int(s.chars().next().map_or(0, |c| c as i64)));
    }
    if let Value::Obj(r) = v {
        if let Obj::Bytes(b) | Obj::ByteArray(b) = vm.heap.get(r) {
            if b.len() != 1 {
                return Err(exc::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    b.len()
                )));
            }
            return Ok(Value::Int(b[0] as i64));
        }
    }
    let t = vm.type_name(v);
    Err(exc::type_error(format!(
        "ord() expected string of length 1, but {t} found"
    )))
}

fn radix_str(vm: &mut Vm, args: Args, name: &str, radix: u32, prefix: &str) -> PyResult<Value> {
    check_args(&args, name, 1, 1)?;
    let v = args.pos[0];
    let b = match vm.to_bigint(v) {
        Some(b) if !vm.is_instance_like(v) => b,
        _ => {
            let i = vm.index_value(v)?;
            BigInt::from(i)
        }
    };
    let s = if b.is_negative() {
        format!("-{prefix}{}", (-b).to_str_radix(radix))
    } else {
        format!("{prefix}{}", b.to_str_radix(radix))
    };
    Ok(vm.new_str(s))
}

fn b_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_str(vm, args, "hex", 16, "0x")
}

fn b_oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_str(vm, args, "oct", 8, "0o")
}

fn b_bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    radix_str(vm, args, "bin", 2, "0b")
}

pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Function(_) | Obj::Native(_) | Obj::BoundMethod { .. } | Obj::Class(_) => true,
            Obj::Instance(i) => {
                let c = i.class;
                let n = vm.names.__call__;
                vm.lookup_type_attr(c, n).is_some()
            }
            _ => false,
        },
        _ => false,
    }
}

fn b_callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "callable", 1, 1)?;
    Ok(Value::Bool(is_callable(vm, args.pos[0])))
}

fn b_vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "vars", 0, 1)?;
    if args.pos.is_empty() {
        return b_locals(vm, args);
    }
    let d = vm.names.__dict__;
    match vm.get_attr_opt(args.pos[0], d)? {
        Some(v) => Ok(v),
        None => Err(exc::type_error(
            "vars() argument must have __dict__ attribute",
        )),
    }
}

pub fn dir_of(vm: &mut Vm, v: Value) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    let add_dict = |vm: &Vm, d: &Dict, names: &mut Vec<String>| {
        for e in d.iter() {
            if let Some(s) = vm.as_str(e.key) {
                if !names.iter().any(|n| n == s) {
                    names.push(s.to_string());
                }
            }
        }
    };
    if let Value::Obj(r) = v {
        match vm.heap.get(r) {
            Obj::Module(m) => {
                if let Obj::Dict(d) = vm.heap.get(m.dict) {
                    add_dict(vm, d, &mut names);
                }
                names.sort();
                return Ok(names);
            }
            Obj::Instance(i) => {
                if let Obj::Dict(d) = vm.heap.get(i.dict) {
                    add_dict(vm, d, &mut names);
                }
            }
            _ => {}
        }
    }
    let cls = vm.is_class(v).unwrap_or_else(|| vm.class_of(v));
    for &k in vm.mro(cls).to_vec().iter() {
        if let Obj::Class(c) = vm.heap.get(k) {
            add_dict(vm, &c.dict, &mut names);
        }
    }
    for extra in ["__class__", "__doc__", "__module__"] {
        if !names.iter().any(|n| n == extra) && (vm.is_class(v).is_none() || extra != "__class__") {
            names.push(extra.to_string());
        }
    }
    names.sort();
    Ok(names)
}

fn b_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "dir", 0, 1)?;
    let names = if args.pos.is_empty() {
        let d = frame_namespace(vm);
        let mut n: Vec<String> = match vm.heap.get(d) {
            Obj::Dict(dd) => dd
                .iter()
                .filter_map(|e| vm.as_str(e.key).map(|s| s.to_string()))
                .collect(),
            _ => Vec::new(),
        };
        n.sort();
        n
    } else {
        dir_of(vm, args.pos[0])?
    };
    let vals: Vec<Value> = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(vals))
}

fn frame_namespace(vm: &Vm) -> ObjRef {
    match vm.frames.last() {
        Some(f) => f.locals.unwrap_or(f.globals),
        None => vm.module_dict(vm.builtins),
    }
}

fn b_globals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(match vm.frames.last() {
        Some(f) => Value::Obj(f.globals),
        None => Value::None,
    })
}

fn b_locals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let Some(f) = vm.frames.last() else {
        return Ok(Value::None);
    };
    if let Some(l) = f.locals {
        return Ok(Value::Obj(l));
    }
    // A snapshot of the fast locals and cells.
    let code = f.code.clone();
    let base = f.base;
    let mut d = Dict::new();
    let mut pairs = Vec::new();
    for (i, name) in code.varnames.iter().enumerate() {
        let v = vm.stack[base + i];
        if !matches!(v, Value::Undef) && !code.cellvars.contains(name) {
            pairs.push((name.clone(), v));
        }
    }
    for (i, name) in code.cellvars.iter().chain(&code.freevars).enumerate() {
        if let Value::Obj(c) = vm.stack[base + code.nlocals() + i] {
            if let Obj::Cell(v) = vm.heap.get(c) {
                if !matches!(v, Value::Undef) {
                    pairs.push((name.clone(), *v));
                }
            }
        }
    }
    for (k, v) in pairs {
        let kr = vm.intern(&k);
        let h = vm.str_hash(kr);
        Vm::dict_set_str(&mut d, &vm.heap, kr, h, v);
    }
    Ok(vm.new_dict(d))
}

fn b_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "format", 1, 2)?;
    let spec = match args.pos.get(1) {
        Some(&s) => vm.as_str(s).unwrap_or("").to_string(),
        None => String::new(),
    };
    let s = vm.format_value(args.pos[0], &spec)?;
    Ok(vm.new_str(s))
}

fn b_noop(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn b_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = vm.exc_class(ExcKind::SystemExit);
    let a = vm.new_tuple(args.pos.to_vec());
    Err(PyErr::Obj(vm.new_exception_obj(c, a)))
}

fn b_input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(&p) = args.pos.first() {
        let s = vm.str_value(p)?;
        vm.write_out(&s);
        let _ = vm.stdout.flush();
    }
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line")),
        Ok(_) => Ok(vm.new_str(line.trim_end_matches('\n').to_string())),
        Err(e) => Err(PyErr::new(ExcKind::OSError, e.to_string())),
    }
}

fn b_open(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::new(
        ExcKind::PermissionError,
        "file access is not available to sandboxed scripts",
    ))
}

fn exec_like(vm: &mut Vm, args: Args, mode_eval: bool) -> PyResult<Value> {
    let name = if mode_eval { "eval" } else { "exec" };
    check_args(&args, name, 1, 3)?;
    let globals = match args.pos.get(1) {
        Some(Value::Obj(g)) if matches!(vm.heap.get(*g), Obj::Dict(_)) => *g,
        Some(Value::None) | None => match vm.frames.last() {
            Some(f) => f.globals,
            None => vm.new_dict_ref(),
        },
        Some(&other) => {
            let t = vm.type_name(other);
            return Err(exc::type_error(format!(
                "{name}() globals must be a dict, not {t}"
            )));
        }
    };
    let locals = match args.pos.get(2) {
        Some(Value::Obj(l)) => Some(*l),
        _ => {
            if args.pos.len() >= 2 && !args.pos[1].is_none() {
                None
            } else {
                vm.frames.last().and_then(|f| f.locals)
            }
        }
    };
    let b = vm.names.__builtins__;
    if vm.ns_get(globals, b).is_none() {
        let bm = Value::Obj(vm.builtins);
        vm.ns_set(globals, b, bm);
    }
    let code = match args.pos[0] {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Code(_)) => match vm.heap.get(r) {
            Obj::Code(c) => c.clone(),
            _ => unreachable!("code"),
        },
        v => {
            let Some(src) = vm.as_str(v).map(|s| s.to_string()) else {
                return Err(exc::type_error(format!(
                    "{name}() arg 1 must be a string, bytes or code object"
                )));
            };
            if mode_eval {
                vm.compile_eval(&src, "<string>")?
            } else {
                vm.compile(&src, "<string>", crate::compiler::Mode::Exec)?
            }
        }
    };
    let v = vm.run_code(code, globals, locals)?;
    Ok(if mode_eval { v } else { Value::None })
}

/// `compile(source, filename, mode)`: a code object for `exec` or `eval`.
fn b_compile(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    for k in ["flags", "dont_inherit", "optimize"] {
        take_kw(vm, &mut args, k);
    }
    let src_kw = take_kw(vm, &mut args, "source");
    let file_kw = take_kw(vm, &mut args, "filename");
    let mode_kw = take_kw(vm, &mut args, "mode");
    let get = |i: usize, kw: Option<Value>| args.pos.get(i).copied().or(kw);
    let (Some(src), Some(file), Some(mode)) = (get(0, src_kw), get(1, file_kw), get(2, mode_kw))
    else {
        return Err(exc::type_error(
            "compile() missing required argument 'source' (pos 1)",
        ));
    };
    let src = match vm.as_str(src) {
        Some(s) => s.to_string(),
        None => match src {
            Value::Obj(r) => match vm.heap.get(r) {
                Obj::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                _ => {
                    return Err(exc::type_error(
                        "compile() arg 1 must be a string, bytes or AST object",
                    ))
                }
            },
            _ => {
                return Err(exc::type_error(
                    "compile() arg 1 must be a string, bytes or AST object",
                ))
            }
        },
    };
    let file = vm.str_value(file)?;
    let mode = vm.as_str(mode).unwrap_or("").to_string();
    let code = match mode.as_str() {
        "exec" => vm.compile(&src, &file, crate::compiler::Mode::Exec)?,
        "eval" => vm.compile_eval(&src, &file)?,
        "single" => vm.compile(&src, &file, crate::compiler::Mode::Interactive)?,
        _ => {
            return Err(exc::value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ))
        }
    };
    Ok(Value::Obj(vm.heap.alloc(Obj::Code(code))))
}

fn b_exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exec_like(vm, args, false)
}

fn b_eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exec_like(vm, args, true)
}

fn b_import(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__import__", 1, 5)?;
    let name = vm.as_str(args.pos[0]).unwrap_or("").to_string();
    let g = match vm.frames.last() {
        Some(f) => f.globals,
        None => vm.new_dict_ref(),
    };
    let fromlist = args.pos.get(3).copied().unwrap_or(Value::None);
    vm.import_module(&name, fromlist, 0, g)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`
fn b_build_class(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let meta_kw = take_kw(vm, &mut args, "metaclass");
    if args.pos.len() < 2 {
        return Err(exc::type_error("__build_class__: not enough arguments"));
    }
    let func = args.pos[0];
    let name = vm.as_str(args.pos[1]).unwrap_or("?").to_string();
    let mut bases = Vec::new();
    let orig_bases: Vec<Value> = args.pos[2..].to_vec();
    for &b in &orig_bases {
        match vm.is_class(b) {
            Some(c) => bases.push(c),
            None => {
                // PEP 560: a non-class base (`list[int]`, `typing.NamedTuple`, a function
                // with the attribute) names its replacement classes. Looked up on the object
                // itself, as CPython does.
                let me = vm.intern("__mro_entries__");
                let Some(f) = vm.get_attr_opt(b, me)? else {
                    return Err(exc::type_error("bases must be types"));
                };
                let bt = vm.new_tuple(orig_bases.clone());
                let entries = vm.call(f, &[bt])?;
                for e in vm.iterate(entries)? {
                    match vm.is_class(e) {
                        Some(c) => bases.push(c),
                        None => return Err(exc::type_error("bases must be types")),
                    }
                }
            }
        }
    }
    // The metaclass: explicit, or the most derived metaclass of the bases.
    let mut meta = match meta_kw {
        Some(m) => vm.is_class(m),
        None => None,
    };
    if meta.is_none() {
        for &b in &bases {
            let m = vm.class_of(Value::Obj(b));
            if m != vm.types.type_ {
                meta = Some(m);
            }
        }
    }
    let bases_t: Vec<Value> = bases.iter().map(|&b| Value::Obj(b)).collect();
    let bases_tuple = vm.new_tuple(bases_t);
    let name_v = vm.new_str(name.clone());
    // The namespace: the metaclass's __prepare__(name, bases, **kw), else a fresh dict.
    let prepared = match meta {
        Some(m) if m != vm.types.type_ => {
            let pk = vm.intern("__prepare__");
            match vm.get_attr_opt(Value::Obj(m), pk)? {
                Some(f) => {
                    let mut a = Args::new(&[name_v, bases_tuple]);
                    a.kw = args.kw.clone();
                    Some(vm.call_args(f, a)?)
                }
                None => None,
            }
        }
        _ => None,
    };
    let ns = match prepared {
        Some(Value::Obj(r)) => r,
        Some(other) => {
            let t = vm.type_name(other);
            return Err(exc::type_error(format!(
                "{}.__prepare__() must return a mapping, not {t}",
                vm.class_name(meta.unwrap_or(vm.types.type_))
            )));
        }
        None => vm.new_dict_ref(),
    };
    // Run the body with the namespace as its locals.
    let fr = func
        .as_obj()
        .ok_or_else(|| exc::type_error("bad class body"))?;
    let (code, globals) = match vm.heap.get(fr) {
        Obj::Function(f) => (f.code.clone(), f.globals),
        _ => return Err(exc::type_error("bad class body")),
    };
    let base = vm.stack.len();
    for _ in 0..code.nlocals() {
        vm.stack.push(Value::Undef);
    }
    vm.setup_cells(&code, base, fr);
    vm.frames.push(crate::vm::frame::Frame {
        code: crate::vm::frame::FrameCode::owned(code.clone()),
        ip: 0,
        base,
        globals,
        locals: Some(ns),
        blocks: Vec::new(),
        exc: Value::None,
        func: func.as_obj(),
        init_self: None,
        boundary: true,
        callable_below: false,
        generator: None,
        saved_stack: Vec::new(),
    });
    vm.native_depth += 1;
    let r = vm.resume();
    vm.native_depth -= 1;
    match r? {
        crate::vm::RunState::Done(_) => {}
        crate::vm::RunState::Suspended => {
            return Err(exc::runtime_error("script ran out of fuel in a class body"))
        }
    }
    let cell = {
        let k = vm.names.__classcell__;
        let dict_ns = vm.unwrap_base(Value::Obj(ns)).as_obj().unwrap_or(ns);
        let c = vm.ns_get(dict_ns, k);
        if c.is_some() {
            vm.dict_remove(dict_ns, Value::Obj(k))?;
        }
        c
    };
    let cls_v = match meta {
        Some(m) if m != vm.types.type_ => {
            let mut a = Args::new(&[name_v, bases_tuple, Value::Obj(ns)]);
            a.kw = args.kw.clone();
            vm.call_args(Value::Obj(m), a)?
        }
        _ => {
            let d = match vm.heap.get_mut(ns) {
                Obj::Dict(d) => std::mem::take(d),
                _ => Box::default(),
            };
            let c = vm.create_class(&name, bases.clone(), *d, None)?;
            // type.__new__ would have run these; the plain-type path builds the class directly.
            class_created_hooks(vm, c, &args.kw)?;
            Value::Obj(c)
        }
    };
    if let (Some(Value::Obj(cell)), Value::Obj(_)) = (cell, cls_v) {
        if let Obj::Cell(slot) = vm.heap.get_mut(cell) {
            *slot = cls_v;
        }
    }
    Ok(cls_v)
}

/// `__set_name__` on attributes, then the parent's `__init_subclass__`.
fn class_created_hooks(vm: &mut Vm, c: ObjRef, kw: &[(ObjRef, Value)]) -> PyResult<()> {
    let entries: Vec<(Value, Value)> = match vm.heap.get(c) {
        Obj::Class(cl) => cl.dict.iter().map(|e| (e.key, e.value)).collect(),
        _ => Vec::new(),
    };
    let sn = vm.names.__set_name__;
    for (k, v) in entries {
        if let Value::Obj(r) = v {
            if let Obj::Property(p) = vm.heap.get_mut(r) {
                if p.name.is_none() {
                    p.name = k;
                }
                continue;
            }
            if let Obj::Instance(_) = vm.heap.get(r) {
                let cls = vm.class_of(v);
                if let Some(f) = vm.lookup_type_attr(cls, sn) {
                    vm.call_bound(f, v, &[Value::Obj(c), k])?;
                }
            }
        }
    }
    let mro = vm.mro(c).to_vec();
    let isc = vm.names.__init_subclass__;
    for &p in mro.iter().skip(1) {
        let f = match vm.heap.get(p) {
            Obj::Class(pc) => vm.dict_get_str(&pc.dict, isc),
            _ => None,
        };
        if let Some(f) = f {
            if let Value::Obj(fr) = f {
                if let Obj::ClassMethod(inner) = vm.heap.get(fr) {
                    let inner = *inner;
                    let mut a = Args::new(&[Value::Obj(c)]);
                    a.kw = kw.to_vec();
                    vm.call_args(inner, a)?;
                }
            }
            break;
        }
    }
    Ok(())
}

// ----- object / type methods -----

fn object_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let _ = vm;
    let _ = args;
    Ok(Value::None)
}

fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(c) = args.pos.first().and_then(|&c| vm.is_class(c)) else {
        return Err(exc::type_error("object.__new__(X): X is not a type object"));
    };
    let kind = match vm.heap.get(c) {
        Obj::Class(cl) => cl.kind,
        _ => TypeKind::Object,
    };
    let rest = Args {
        pos: args.pos[1..].iter().copied().collect(),
        kw: Vec::new(),
    };
    vm.new_instance(c, kind, &rest)
}

fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = vm.default_repr(arg(&args, 0, "__repr__")?)?;
    Ok(vm.new_str(s))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0, "__str__")?;
    let s = vm.repr_value(v)?;
    Ok(vm.new_str(s))
}

fn object_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__eq__", 2, 2)?;
    Ok(if args.pos[0].is(args.pos[1]) {
        Value::Bool(true)
    } else {
        vm.not_implemented()
    })
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__ne__", 2, 2)?;
    let r = vm.compare(args.pos[0], args.pos[1], crate::code::CompareOp::Eq)?;
    if r.is(vm.not_implemented()) {
        return Ok(r);
    }
    Ok(Value::Bool(!vm.truthy(r)?))
}

fn object_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0, "__hash__")?;
    Ok(Value::Int(match v {
        Value::Obj(r) => crate::vm::ops::hash_i64(r.0 as i64 * 16 + 0x1000),
        _ => vm.hash_value(v)?,
    }))
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__setattr__", 3, 3)?;
    let name = attr_name(vm, args.pos[1])?;
    let obj = args.pos[0];
    if let Value::Obj(r) = obj {
        if let Obj::Instance(i) = vm.heap.get(r) {
            let (cls, dict) = (i.class, i.dict);
            if let Some(Value::Obj(ar)) = vm.lookup_type_attr(cls, name) {
                if let Obj::Property(p) = vm.heap.get(ar) {
                    let fset = p.fset;
                    if fset.is_none() {
                        return Err(vm.property_error(ar, obj, "setter"));
                    }
                    vm.call(fset, &[obj, args.pos[2]])?;
                    return Ok(Value::None);
                }
            }
            vm.ns_set(dict, name, args.pos[2]);
            return Ok(Value::None);
        }
        if let Obj::Class(_) = vm.heap.get(r) {
            vm.class_setattr_raw(r, name, args.pos[2])?;
            return Ok(Value::None);
        }
    }
    vm.set_attr_ref(obj, name, args.pos[2])?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__getattribute__", 2, 2)?;
    let name = attr_name(vm, args.pos[1])?;
    match args.pos[0] {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_)) => {
            // The generic lookup, without __getattr__ (the caller's lookup adds that).
            vm.generic_getattr_no_fallback(args.pos[0], r, name)
        }
        v => vm.get_attr(v, name),
    }
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__delattr__", 2, 2)?;
    let name = attr_name(vm, args.pos[1])?;
    let obj = args.pos[0];
    if let Value::Obj(r) = obj {
        if let Obj::Instance(i) = vm.heap.get(r) {
            let dict = i.dict;
            if vm.dict_remove(dict, Value::Obj(name))?.is_none() {
                return Err(vm.no_attribute(obj, name));
            }
            return Ok(Value::None);
        }
        if let Obj::Class(_) = vm.heap.get(r) {
            vm.class_delattr_raw(r, name)?;
            return Ok(Value::None);
        }
    }
    vm.del_attr(obj, name)?;
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "__format__", 2, 2)?;
    let spec = vm.as_str(args.pos[1]).unwrap_or("").to_string();
    if !spec.is_empty() {
        let t = vm.type_name(args.pos[0]);
        return Err(exc::type_error(format!(
            "unsupported format string passed to {t}.__format__"
        )));
    }
    let s = vm.str_value(args.pos[0])?;
    Ok(vm.new_str(s))
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let names = dir_of(vm, arg(&args, 0, "__dir__")?)?;
    let vals: Vec<Value> = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(vals))
}

fn type_mro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let c = vm
        .is_class(arg(&args, 0, "mro")?)
        .ok_or_else(|| exc::type_error("mro() needs a type"))?;
    let m: Vec<Value> = vm.mro(c).iter().map(|&x| Value::Obj(x)).collect();
    Ok(vm.new_list(m))
}

fn type_subclasses(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.new_list(Vec::new()))
}

/// `type.__new__(mcs, name, bases, ns)`
fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() == 2 {
        return Ok(Value::Obj(vm.class_of(args.pos[1])));
    }
    if args.pos.len() != 4 {
        return Err(exc::type_error("type() takes 1 or 3 arguments"));
    }
    let mcs = vm.is_class(args.pos[0]);
    type_create(vm, mcs, args.pos[1], args.pos[2], args.pos[3], &args.kw)
}

/// `type.__new__`: build the class, then (as CPython does inside type.__new__) call
/// `__set_name__` on its attributes and the parent's `__init_subclass__(**kw)`.
fn type_create(
    vm: &mut Vm,
    mcs: Option<ObjRef>,
    name: Value,
    bases: Value,
    ns: Value,
    kw: &[(ObjRef, Value)],
) -> PyResult<Value> {
    let name = vm
        .as_str(name)
        .ok_or_else(|| exc::type_error("type.__new__() argument 1 must be str"))?
        .to_string();
    let bases: Vec<ObjRef> = vm
        .iterate(bases)?
        .into_iter()
        .filter_map(|b| vm.is_class(b))
        .collect();
    let d = match vm.unwrap_base(ns) {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Dict(d) => d.copy(),
            _ => return Err(exc::type_error("type.__new__() argument 3 must be dict")),
        },
        _ => return Err(exc::type_error("type.__new__() argument 3 must be dict")),
    };
    let has_module = {
        let k = vm.names.__module__;
        vm.dict_get_str(&d, k).is_some()
    };
    let c = vm.create_class(&name, bases, d, mcs)?;
    if !has_module {
        if let Some(f) = vm.frames.last() {
            let g = f.globals;
            let k = vm.names.__name__;
            if let Some(m) = vm.ns_get(g, k) {
                vm.class_set_attr(c, "__module__", m);
                if let Obj::Class(cl) = vm.heap.get_mut(c) {
                    cl.module = m;
                }
            }
        }
    }
    class_created_hooks(vm, c, kw)?;
    Ok(Value::Obj(c))
}

fn type_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(&c) = args.pos.first() else {
        return Err(exc::type_error("descriptor '__call__' needs an argument"));
    };
    let rest = Args {
        pos: args.pos[1..].iter().copied().collect(),
        kw: args.kw,
    };
    // Instantiate as if the metaclass had no __call__ of its own.
    let cls = vm
        .is_class(c)
        .ok_or_else(|| exc::type_error("not a class"))?;
    let kind = match vm.heap.get(cls) {
        Obj::Class(cl) => cl.kind,
        _ => TypeKind::Object,
    };
    let nn = vm.names.__new__;
    let obj = match vm.lookup_type_attr(cls, nn) {
        Some(f) if !matches!(f, Value::Obj(r) if matches!(vm.heap.get(r), Obj::Native(_))) => {
            let inner = match f {
                Value::Obj(r) => match vm.heap.get(r) {
                    Obj::StaticMethod(i) => *i,
                    _ => f,
                },
                _ => f,
            };
            let mut a = rest.pos.clone();
            a.insert(0, c);
            vm.call_args(
                inner,
                Args {
                    pos: a,
                    kw: rest.kw.clone(),
                },
            )?
        }
        _ => vm.new_instance(cls, kind, &rest)?,
    };
    let ni = vm.names.__init__;
    if let Some(f) = vm.lookup_type_attr(cls, ni) {
        if vm.isinstance(obj, cls) && !vm.is_builtin_object_slot(f) {
            let mut a = rest.pos.clone();
            a.insert(0, obj);
            vm.call_args(
                f,
                Args {
                    pos: a,
                    kw: rest.kw,
                },
            )?;
        }
    }
    Ok(obj)
}

// ----- exceptions -----

fn exc_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(&Value::Obj(r)) = args.pos.first() else {
        return Ok(Value::None);
    };
    let a = vm.new_tuple(args.pos[1..].to_vec());
    if let Some(d) = vm.exc_data_mut(r) {
        d.args = a;
    }
    Ok(Value::None)
}

fn exc_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0, "__str__")?;
    let Value::Obj(r) = v else {
        return Ok(vm.new_str(""));
    };
    let a = vm.exc_data(r).map(|d| d.args).unwrap_or(Value::None);
    let s = vm.exception_str(r, a)?;
    Ok(vm.new_str(s))
}

/// `[Errno 2] No such file or directory: 'name'` when built from (errno, strerror[, filename]).
fn os_error_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0, "__str__")?;
    let Value::Obj(r) = v else {
        return Ok(vm.new_str(""));
    };
    let a = vm.exc_data(r).map(|d| d.args).unwrap_or(Value::None);
    let items = vm.iterate(a)?;
    if items.len() == 2 {
        let (errno, msg) = (vm.str_value(items[0])?, vm.str_value(items[1])?);
        let filename = vm.get_attr_str(v, "filename").unwrap_or(Value::None);
        let s = if filename.is_none() {
            format!("[Errno {errno}] {msg}")
        } else {
            format!("[Errno {errno}] {msg}: {}", vm.repr_value(filename)?)
        };
        return Ok(vm.new_str(s));
    }
    exc_str(vm, args)
}

fn exc_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0, "__repr__")?;
    let s = vm.default_repr(v)?;
    Ok(vm.new_str(s))
}

fn exc_with_traceback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "with_traceback", 2, 2)?;
    let e = args.pos[0];
    vm.set_attr(e, "__traceback__", args.pos[1])?;
    Ok(e)
}

fn exc_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_args(&args, "add_note", 2, 2)?;
    let Value::Obj(r) = args.pos[0] else {
        return Ok(Value::None);
    };
    let notes = vm.exc_data(r).map(|d| d.notes).unwrap_or(Value::None);
    let list = match notes {
        Value::Obj(_) => notes,
        _ => {
            let l = vm.new_list(Vec::new());
            if let Some(d) = vm.exc_data_mut(r) {
                d.notes = l;
            }
            l
        }
    };
    if let Value::Obj(l) = list {
        if let Obj::List(xs) = vm.heap.get_mut(l) {
            xs.push(args.pos[1]);
        }
    }
    Ok(Value::None)
}

// ----- numbers -----

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = vm
        .to_bigint(arg(&args, 0, "bit_length")?)
        .unwrap_or_default();
    Ok(Value::Int(b.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = vm
        .to_bigint(arg(&args, 0, "bit_count")?)
        .unwrap_or_default();
    let (_, digits) = b.abs().to_u64_digits();
    Ok(Value::Int(
        digits.iter().map(|d| d.count_ones() as i64).sum(),
    ))
}

fn int_pos(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0, "__int__")?;
    Ok(match v {
        Value::Bool(b) => Value::Int(b as i64),
        _ => vm.unwrap_base(v),
    })
}

fn int_as_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = int_pos(vm, args)?;
    Ok(vm.new_tuple(vec![v, Value::Int(1)]))
}

fn int_to_bytes(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let order = take_kw(vm, &mut args, "byteorder");
    let signed = take_kw(vm, &mut args, "signed")
        .map(|v| matches!(v, Value::Bool(true)))
        .unwrap_or(false);
    let lenv = take_kw(vm, &mut args, "length");
    let b = vm.to_bigint(arg(&args, 0, "to_bytes")?).unwrap_or_default();
    let length = match args.pos.get(1).copied().or(lenv) {
        Some(l) => vm.index_value(l)? as usize,
        None => 1,
    };
    let order = args
        .pos
        .get(2)
        .copied()
        .or(order)
        .and_then(|o| vm.as_str(o).map(|s| s.to_string()))
        .unwrap_or_else(|| "big".into());
    if b.is_negative() && !signed {
        return Err(exc::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = b.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && *bytes.last().unwrap_or(&1) == 0 {
        bytes.pop();
    }
    if b.is_zero() {
        bytes = vec![0];
    }
    if bytes.len() > length {
        return Err(exc::overflow_error("int too big to convert"));
    }
    let fill = if b.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if order == "big" {
        bytes.reverse();
    }
    Ok(Value::Obj(vm.heap.alloc(Obj::Bytes(bytes))))
}

fn int_from_bytes(vm: &mut Vm, mut args: Args) -> PyResult<Value> {
    let order = take_kw(vm, &mut args, "byteorder");
    let signed = take_kw(vm, &mut args, "signed")
        .map(|v| matches!(v, Value::Bool(true)))
        .unwrap_or(false);
    let data = vm.iterate(arg(&args, 1, "from_bytes")?)?;
    let mut bytes: Vec<u8> = Vec::new();
    for d in data {
        bytes.push(vm.index_value(d)? as u8);
    }
    let order = args
        .pos
        .get(2)
        .copied()
        .or(order)
        .and_then(|o| vm.as_str(o).map(|s| s.to_string()))
        .unwrap_or_else(|| "big".into());
    if order == "little" {
        bytes.reverse();
    }
    let b = if signed {
        BigInt::from_signed_bytes_be(&bytes)
    } else {
        BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes)
    };
    Ok(vm.int_from_big(b))
}

fn float_arg(vm: &mut Vm, args: &Args) -> PyResult<f64> {
    match args.pos.first().map(|&v| vm.unwrap_base(v)) {
        Some(Value::Float(f)) => Ok(f),
        _ => Err(exc::type_error("descriptor requires a 'float' object")),
    }
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = float_arg(vm, &args)?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_conj(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Float(float_arg(vm, &args)?))
}

fn float_as_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = float_arg(vm, &args)?;
    if f.is_infinite() {
        return Err(exc::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if f.is_nan() {
        return Err(exc::value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = crate::vm::ops::frexp(f);
    let mut mant = m;
    let mut exp = e;
    while mant != mant.floor() {
        mant *= 2.0;
        exp -= 1;
    }
    let mut num = BigInt::from(mant as i64);
    let mut den = BigInt::from(1);
    if exp > 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    let (n, d) = (vm.int_from_big(num), vm.int_from_big(den));
    Ok(vm.new_tuple(vec![n, d]))
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = float_arg(vm, &args)?;
    if f == 0.0 {
        return Ok(vm.new_str(if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }));
    }
    if !f.is_finite() {
        return Ok(vm.new_str(crate::vm::repr::float_repr(f)));
    }
    let bits = f.to_bits();
    let sign = if f < 0.0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    // CPython always prints all 13 mantissa digits.
    let m = format!("{mant:013x}");
    Ok(vm.new_str(format!(
        "{sign}0x{lead}.{m}p{}{}",
        if e < 0 { "-" } else { "+" },
        e.abs()
    )))
}

fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = vm
        .as_str(arg(&args, 1, "fromhex")?)
        .unwrap_or("")
        .trim()
        .to_lowercase();
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b.to_string()),
        None => (false, s.trim_start_matches('+').to_string()),
    };
    let body = body.trim_start_matches("0x");
    let (mant, exp) = body.split_once('p').unwrap_or((body, "0"));
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    let mut v = 0f64;
    for c in ip.chars() {
        v = v * 16.0
            + c.to_digit(16)
                .ok_or_else(|| exc::value_error("invalid hexadecimal floating-point string"))?
                as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in fp.chars() {
        v += c
            .to_digit(16)
            .ok_or_else(|| exc::value_error("invalid hexadecimal floating-point string"))?
            as f64
            * scale;
        scale /= 16.0;
    }
    let e: i32 = exp
        .parse()
        .map_err(|_| exc::value_error("invalid hexadecimal floating-point string"))?;
    let v = v * 2f64.powi(e);
    Ok(Value::Float(if neg { -v } else { v }))
}

// ----- generators -----

fn gen_ref(vm: &Vm, args: &Args) -> PyResult<ObjRef> {
    match args.pos.first() {
        Some(Value::Obj(r)) if matches!(vm.heap.get(*r), Obj::Generator(_)) => Ok(*r),
        _ => Err(exc::type_error("descriptor requires a 'generator' object")),
    }
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_ref(vm, &args)?;
    let v = args.pos.get(1).copied().unwrap_or(Value::None);
    match vm.gen_resume(g, v, None)? {
        crate::vm::call::GenStep::Yield(y) => Ok(y),
        crate::vm::call::GenStep::Return(r) => Err(vm.stop_iteration_with(r)),
    }
}

fn gen_next_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_ref(vm, &args)?;
    match vm.gen_resume(g, Value::None, None)? {
        crate::vm::call::GenStep::Yield(y) => Ok(y),
        crate::vm::call::GenStep::Return(r) => Err(vm.stop_iteration_with(r)),
    }
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_ref(vm, &args)?;
    let t = arg(&args, 1, "throw")?;
    let e = if let Some(c) = vm.is_class(t) {
        let a: Vec<Value> = args
            .pos
            .get(2)
            .copied()
            .into_iter()
            .filter(|v| !v.is_none())
            .collect();
        let v = vm.call(Value::Obj(c), &a)?;
        match v {
            Value::Obj(r) => PyErr::Obj(r),
            _ => return Err(exc::type_error("exceptions must derive from BaseException")),
        }
    } else if let Value::Obj(r) = t {
        if vm.isinstance(t, vm.exc_class(ExcKind::BaseException)) {
            PyErr::Obj(r)
        } else {
            return Err(exc::type_error(
                "exceptions must be classes or instances deriving from BaseException, not "
                    .to_string()
                    + &vm.type_name(t),
            ));
        }
    } else {
        return Err(exc::type_error("exceptions must derive from BaseException"));
    };
    match vm.gen_resume(g, Value::None, Some(e))? {
        crate::vm::call::GenStep::Yield(y) => Ok(y),
        crate::vm::call::GenStep::Return(r) => Err(vm.stop_iteration_with(r)),
    }
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = gen_ref(vm, &args)?;
    vm.gen_close(g)?;
    Ok(Value::None)
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().copied().unwrap_or(Value::None))
}

fn iter_next_m(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = arg(&args, 0, "__next__")?;
    vm.next_or_stop(it)
}

// ----- property -----

fn prop_parts(vm: &Vm, v: Value) -> PyResult<(Value, Value, Value, Value, Value)> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Property(p) => Ok((p.fget, p.fset, p.fdel, p.doc, p.name)),
            _ => Err(exc::type_error("not a property")),
        },
        _ => Err(exc::type_error("not a property")),
    }
}

fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, s, d, doc, name) = prop_parts(vm, arg(&args, 0, "getter")?)?;
    Ok(Value::Obj(vm.heap.alloc(Obj::Property(Box::new(
        crate::object::Property {
            fget: arg(&args, 1, "getter")?,
            fset: s,
            fdel: d,
            doc,
            name,
        },
    )))))
}

fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (g, _, d, doc, name) = prop_parts(vm, arg(&args, 0, "setter")?)?;
    Ok(Value::Obj(vm.heap.alloc(Obj::Property(Box::new(
        crate::object::Property {
            fget: g,
            fset: arg(&args, 1, "setter")?,
            fdel: d,
            doc,
            name,
        },
    )))))
}

fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (g, s, _, doc, name) = prop_parts(vm, arg(&args, 0, "deleter")?)?;
    Ok(Value::Obj(vm.heap.alloc(Obj::Property(Box::new(
        crate::object::Property {
            fget: g,
            fset: s,
            fdel: arg(&args, 1, "deleter")?,
            doc,
            name,
        },
    )))))
}

fn property_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = arg(&args, 0, "__get__")?;
    let obj = arg(&args, 1, "__get__")?;
    if obj.is_none() {
        return Ok(p);
    }
    let (g, _, _, _, _) = prop_parts(vm, p)?;
    if g.is_none() {
        let Value::Obj(pr) = p else {
            return Err(exc::attribute_error("property has no getter"));
        };
        return Err(vm.property_error(pr, obj, "getter"));
    }
    vm.call(g, &[obj])
}

// ----- range / slice -----

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Obj(r) = arg(&args, 0, "index")? else {
        return Err(exc::type_error("range expected"));
    };
    let x = arg(&args, 1, "index")?;
    let (a, _, c) = vm.range_parts(r);
    if vm.is_int(x) && vm.contains(Value::Obj(r), x)? {
        let (a, c, x) = (
            vm.to_bigint(a).unwrap_or_default(),
            vm.to_bigint(c).unwrap_or_default(),
            vm.to_bigint(x).unwrap_or_default(),
        );
        return Ok(vm.int_from_big((x - a) / c));
    }
    let s = vm.repr_value(x)?;
    Err(exc::value_error(format!("{s} is not in range")))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = arg(&args, 0, "count")?;
    let x = arg(&args, 1, "count")?;
    Ok(Value::Int(vm.contains(r, x)? as i64))
}

fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Obj(s) = arg(&args, 0, "indices")? else {
        return Err(exc::type_error("slice expected"));
    };
    let n = vm.index_value(arg(&args, 1, "indices")?)?;
    if n < 0 {
        return Err(exc::value_error("length should not be negative"));
    }
    let (a, b, c, _) = vm.slice_indices(s, n as usize)?;
    Ok(vm.new_tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)]))
}

// ----- constructors of builtin types -----

impl Vm {
    /// Values that are instances of user subclasses (their numeric view is the wrapped base).
    pub fn is_instance_like(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::Instance(_)))
    }
}

/// `int(s)` in its common form — an optional sign and at most 18 ASCII decimal digits, with
/// ASCII whitespace around — without allocating or parsing a big int. Anything else (other
/// whitespace, underscores, Unicode digits, longer numbers) is None: [`parse_int`] decides.
pub fn small_decimal(s: &str) -> Option<i64> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, digits) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || digits.len() > 18 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v = digits
        .bytes()
        .fold(0i64, |v, b| v * 10 + i64::from(b - b'0'));
    Some(if neg { -v } else { v })
}

/// Parse an int literal the way `int(str, base)` does.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let normalized = ascii_digits(s);
    let t = normalized.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let before = t.len();
    let (base, t) = if base == 0 {
        let lower = t.to_ascii_lowercase();
        if lower.starts_with("0x") {
            (16, &t[2..])
        } else if lower.starts_with("0o") {
            (8, &t[2..])
        } else if lower.starts_with("0b") {
            (2, &t[2..])
        } else {
            if t.len() > 1 && t.starts_with('0') && t.chars().any(|c| c != '0' && c != '_') {
                return None;
            }
            (10, t)
        }
    } else {
        let lower = t.to_ascii_lowercase();
        let stripped = match base {
            16 => lower.strip_prefix("0x").map(|_| &t[2..]),
            8 => lower.strip_prefix("0o").map(|_| &t[2..]),
            2 => lower.strip_prefix("0b").map(|_| &t[2..]),
            _ => None,
        };
        (base, stripped.unwrap_or(t))
    };
    // One underscore may follow a base prefix ("0x_ff").
    let had_prefix = t.len() != before;
    let t = if had_prefix {
        t.strip_prefix('_').unwrap_or(t)
    } else {
        t
    };
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let digits: String = t.chars().filter(|&c| c != '_').collect();
    if !digits.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let v = BigInt::from_str_radix(&digits, base).ok()?;
    Some(if neg { -v } else { v })
}

/// Unicode decimal digits (Arabic-Indic, Devanagari, fullwidth, ...) as ASCII, as int() and
/// float() accept them.
fn ascii_digits(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    s.chars()
        .map(|c| match str::decimal_value(c) {
            Some(d) => char::from(b'0' + d),
            None => c,
        })
        .collect()
}

/// `complex('1+2j')`: an optional real part, an optional signed imaginary part ending in
/// j/J, optionally in parentheses, surrounded by whitespace.
pub fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        s = inner.trim();
    }
    if s.is_empty() || s.contains(char::is_whitespace) {
        return None;
    }
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return parse_float(s).map(|re| (re, 0.0));
    };
    // Split at the sign that starts the imaginary part (not one after an exponent 'e').
    let bytes = body.as_bytes();
    let mut split = 0;
    for i in (1..bytes.len()).rev() {
        if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
            split = i;
            break;
        }
    }
    let (re_text, im_text) = body.split_at(split);
    let im = match im_text {
        "" | "+" => 1.0,
        "-" => -1.0,
        t => parse_float(t)?,
    };
    let re = if re_text.is_empty() {
        0.0
    } else {
        parse_float(re_text)?
    };
    Some((re, im))
}

pub fn parse_float(s: &str) -> Option<f64> {
    // The common spelling (ASCII digits, point, exponent) parses as it is, with no copies.
    let plain = s.trim_matches(|c: char| c.is_ascii_whitespace());
    if !plain.is_empty()
        && plain
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        if let Ok(f) = plain.parse() {
            return Some(f);
        }
    }
    let t = ascii_digits(s).trim().replace('_', "");
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    match body {
        "inf" | "infinity" => {
            return Some(if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-'))
    {
        return None;
    }
    t.parse().ok()
}

/// `int(x)`, `float(x)` or `str(x)` of one positional argument: the conversion, without the
/// class call's argument vector (the call instruction's shortcut). None: take the general
/// path.
pub fn convert_one(vm: &mut Vm, cls: ObjRef, x: Value) -> Option<PyResult<Value>> {
    if cls == vm.types.float {
        return Some(to_float(vm, x));
    }
    if cls == vm.types.str_ {
        return match x {
            Value::Int(i) => Some(Ok(
                vm.new_str(crate::vm::format_spec::i64_text(i, &mut [0; 21]))
            )),
            // An exact str is its own str().
            Value::Obj(r) if matches!(vm.heap.get(r), Obj::Str(_)) => Some(Ok(x)),
            _ => None,
        };
    }
    if cls == vm.types.int {
        return match x {
            Value::Int(_) | Value::Bool(_) | Value::Float(_) => Some(to_int(vm, x)),
            // Short decimal text only: longer strings have the digit limit to check.
            _ => vm
                .as_str(x)
                .and_then(small_decimal)
                .map(|i| Ok(Value::Int(i))),
        };
    }
    None
}

/// Call a builtin class: `int(x)`, `list(it)`, ...
pub fn construct(vm: &mut Vm, cls: ObjRef, kind: TypeKind, mut args: Args) -> PyResult<Value> {
    match kind {
        TypeKind::Object => {
            if !args.pos.is_empty() {
                return Err(exc::type_error("object() takes no arguments"));
            }
            let d = vm.new_dict_ref();
            Ok(Value::Obj(vm.heap.alloc(Obj::Instance(Box::new(
                crate::object::Instance {
                    class: cls,
                    dict: d,
                    exc: None,
                    base: Value::Undef,
                    native: None,
                },
            )))))
        }
        TypeKind::Type => {
            if args.pos.len() == 3 {
                let kw = std::mem::take(&mut args.kw);
                return type_create(vm, None, args.pos[0], args.pos[1], args.pos[2], &kw);
            }
            Err(exc::type_error("type() takes 1 or 3 arguments"))
        }
        TypeKind::Int => {
            let base_kw = take_kw(vm, &mut args, "base");
            if let Some(b) = base_kw {
                args.pos.push(b);
            }
            if args.pos.len() > 2 {
                return Err(exc::type_error(format!(
                    "int() takes at most 2 arguments ({} given)",
                    args.pos.len()
                )));
            }
            let Some(&x) = args.pos.first() else {
                return Ok(Value::Int(0));
            };
            if let Some(s) = vm.as_str(x) {
                // CPython 3.11's limit on decimal string -> int conversions.
                let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
                let base = match args.pos.get(1) {
                    Some(Value::Int(b)) => *b,
                    _ => 10,
                };
                let limit = vm.int_max_str_digits;
                if limit > 0 && digits > limit && !matches!(base, 2 | 4 | 8 | 16 | 32) {
                    return Err(exc::value_error(format!(
                        "Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
                    )));
                }
            }
            if args.pos.len() == 2 {
                let base = vm.index_value(args.pos[1])?;
                if base != 0 && !(2..=36).contains(&base) {
                    return Err(exc::value_error("int() base must be >= 2 and <= 36, or 0"));
                }
                let Some(s) = vm.as_str(x).map(|s| s.to_string()) else {
                    return Err(exc::type_error(
                        "int() can't convert non-string with explicit base",
                    ));
                };
                return match parse_int(&s, base as u32) {
                    Some(b) => Ok(vm.int_from_big(b)),
                    None => {
                        let r = crate::vm::repr::str_repr(&s);
                        Err(exc::value_error(format!(
                            "invalid literal for int() with base {base}: {r}"
                        )))
                    }
                };
            }
            to_int(vm, x)
        }
        TypeKind::Bool => {
            check_args(&args, "bool", 0, 1)?;
            match args.pos.first() {
                Some(&v) => Ok(Value::Bool(vm.truthy(v)?)),
                None => Ok(Value::Bool(false)),
            }
        }
        TypeKind::Float => {
            check_args(&args, "float", 0, 1)?;
            let Some(&x) = args.pos.first() else {
                return Ok(Value::Float(0.0));
            };
            to_float(vm, x)
        }
        TypeKind::Complex => {
            if let Some(text) = args
                .pos
                .first()
                .and_then(|&v| vm.as_str(v))
                .map(|t| t.to_string())
            {
                if args.pos.len() > 1 {
                    return Err(exc::type_error(
                        "complex() can't take second arg if first is a string",
                    ));
                }
                let Some((re, im)) = parse_complex(&text) else {
                    return Err(exc::value_error("complex() arg is a malformed string"));
                };
                return Ok(Value::Obj(vm.heap.alloc(Obj::Complex(re, im))));
            }
            let re = args.pos.first().copied().unwrap_or(Value::Int(0));
            let im = args.pos.get(1).copied().unwrap_or(Value::Int(0));
            let (a, b) = (to_float(vm, re)?, to_float(vm, im)?);
            let (Value::Float(a), Value::Float(b)) = (a, b) else {
                return Err(exc::type_error("complex() arguments must be numbers"));
            };
            Ok(Value::Obj(vm.heap.alloc(Obj::Complex(a, b))))
        }
        TypeKind::Str => {
            if args.pos.is_empty() {
                return Ok(vm.new_str(""));
            }
            if args.pos.len() >= 2 || !args.kw.is_empty() {
                // str(bytes, encoding, errors)
                let enc_kw = take_kw(vm, &mut args, "encoding");
                let err_kw = take_kw(vm, &mut args, "errors");
                if let Value::Obj(r) = args.pos[0] {
                    if let Obj::Bytes(b) | Obj::ByteArray(b) = vm.heap.get(r) {
                        let b = b.clone();
                        let text = |v: Option<Value>, d: &str| -> String {
                            v.and_then(|v| vm.as_str(v).map(|s| s.to_string()))
                                .unwrap_or_else(|| d.to_string())
                        };
                        let enc = text(enc_kw.or_else(|| args.pos.get(1).copied()), "utf-8");
                        let errors = text(err_kw.or_else(|| args.pos.get(2).copied()), "strict");
                        return bytes::decode_bytes(vm, &b, &enc, &errors);
                    }
                }
                if vm.as_str(args.pos[0]).is_some() {
                    return Err(exc::type_error("decoding str is not supported"));
                }
            }
            if args.pos.len() > 3 {
                return Err(exc::type_error(format!(
                    "str() takes at most 3 arguments ({} given)",
                    args.pos.len()
                )));
            }
            let s = vm.str_value(args.pos[0])?;
            Ok(vm.new_str(s))
        }
        TypeKind::List => {
            check_args(&args, "list", 0, 1)?;
            let items = match args.pos.first() {
                Some(&v) => vm.iterate(v)?,
                None => Vec::new(),
            };
            Ok(vm.new_list(items))
        }
        TypeKind::Tuple => {
            check_args(&args, "tuple", 0, 1)?;
            if let Some(&v) = args.pos.first() {
                if let Value::Obj(r) = v {
                    if matches!(vm.heap.get(r), Obj::Tuple(_)) {
                        return Ok(v);
                    }
                }
                let items = vm.iterate(v)?;
                return Ok(vm.new_tuple(items));
            }
            Ok(vm.new_tuple(Vec::new()))
        }
        TypeKind::Dict => {
            check_args(&args, "dict", 0, 1)?;
            let d = vm.new_dict_ref();
            if let Some(&src) = args.pos.first() {
                vm.dict_update_from(d, src)?;
            }
            for (k, v) in args.kw.clone() {
                vm.dict_set(d, Value::Obj(k), v)?;
            }
            Ok(Value::Obj(d))
        }
        TypeKind::Set | TypeKind::FrozenSet => {
            let name = vm.class_name(cls);
            no_kwargs(vm, &args, &name)?;
            check_args(&args, &name, 0, 1)?;
            let items = match args.pos.first() {
                Some(&v) => vm.iterate(v)?,
                None => Vec::new(),
            };
            let s = set::new_set_from(vm, &items)?;
            if kind == TypeKind::FrozenSet {
                if let Value::Obj(r) = s {
                    let inner = match vm.heap.get_mut(r) {
                        Obj::Set(x) => std::mem::take(x),
                        _ => Box::default(),
                    };
                    *vm.heap.get_mut(r) = Obj::FrozenSet(inner);
                }
            }
            Ok(s)
        }
        TypeKind::Range => {
            no_kwargs(vm, &args, "range")?;
            let n = args.pos.len();
            if n == 0 {
                return Err(exc::type_error("range expected at least 1 argument, got 0"));
            }
            if n > 3 {
                return Err(exc::type_error(format!(
                    "range expected at most 3 arguments, got {n}"
                )));
            }
            let mut vals = Vec::new();
            for &a in args.pos.iter() {
                if !vm.is_int(a) {
                    if vm.is_instance_like(a) {
                        let i = vm.index_value(a)?;
                        vals.push(Value::Int(i));
                        continue;
                    }
                    let t = vm.type_name(a);
                    return Err(exc::type_error(format!(
                        "'{t}' object cannot be interpreted as an integer"
                    )));
                }
                vals.push(match a {
                    Value::Bool(b) => Value::Int(b as i64),
                    v => v,
                });
            }
            let (start, stop, step) = match n {
                1 => (Value::Int(0), vals[0], Value::Int(1)),
                2 => (vals[0], vals[1], Value::Int(1)),
                _ => (vals[0], vals[1], vals[2]),
            };
            if matches!(step, Value::Int(0)) {
                return Err(exc::value_error("range() arg 3 must not be zero"));
            }
            Ok(Value::Obj(
                vm.heap.alloc(Obj::Range(Triple::new([start, stop, step]))),
            ))
        }
        TypeKind::Slice => {
            check_args(&args, "slice", 1, 3)?;
            let (a, b, c) = match args.pos.len() {
                1 => (Value::None, args.pos[0], Value::None),
                2 => (args.pos[0], args.pos[1], Value::None),
                _ => (args.pos[0], args.pos[1], args.pos[2]),
            };
            Ok(Value::Obj(
                vm.heap.alloc(Obj::Slice(Triple::new([a, b, c]))),
            ))
        }
        TypeKind::Bytes | TypeKind::ByteArray => bytes::construct(vm, kind, args),
        TypeKind::Property => {
            if args.pos.len() > 4 {
                return Err(exc::type_error(format!(
                    "property() takes at most 4 arguments ({} given)",
                    args.pos.len()
                )));
            }
            let fget = take_kw(vm, &mut args, "fget")
                .or(args.pos.first().copied())
                .unwrap_or(Value::None);
            let fset = take_kw(vm, &mut args, "fset")
                .or(args.pos.get(1).copied())
                .unwrap_or(Value::None);
            let fdel = take_kw(vm, &mut args, "fdel")
                .or(args.pos.get(2).copied())
                .unwrap_or(Value::None);
            let doc = take_kw(vm, &mut args, "doc")
                .or(args.pos.get(3).copied())
                .unwrap_or(Value::None);
            // The name comes from __set_name__ when the property is placed in a class.
            Ok(Value::Obj(vm.heap.alloc(Obj::Property(Box::new(
                crate::object::Property {
                    fget,
                    fset,
                    fdel,
                    doc,
                    name: Value::None,
                },
            )))))
        }
        TypeKind::StaticMethod => {
            check_args(&args, "staticmethod", 1, 1)?;
            Ok(Value::Obj(vm.heap.alloc(Obj::StaticMethod(args.pos[0]))))
        }
        TypeKind::ClassMethod => {
            check_args(&args, "classmethod", 1, 1)?;
            Ok(Value::Obj(vm.heap.alloc(Obj::ClassMethod(args.pos[0]))))
        }
        TypeKind::Super => make_super(vm, args),
        TypeKind::Iterator => {
            let t = &vm.types;
            if cls == t.enumerate {
                let start = take_kw(vm, &mut args, "start");
                let Some(&src) = args.pos.first() else {
                    return Err(exc::type_error(
                        "enumerate() missing required argument 'iterable'",
                    ));
                };
                let it = vm.get_iter(src)?;
                let n = args.pos.get(1).copied().or(start).unwrap_or(Value::Int(0));
                if !vm.is_int(n) {
                    let tn = vm.type_name(n);
                    return Err(exc::type_error(format!(
                        "'{tn}' object cannot be interpreted as an integer"
                    )));
                }
                return Ok(vm.new_iter(IterKind::Enumerate(Box::new(EnumerateIter { it, n }))));
            }
            if cls == t.zip {
                let strict = take_kw(vm, &mut args, "strict")
                    .map(|v| matches!(v, Value::Bool(true)))
                    .unwrap_or(false);
                let mut its = Vec::new();
                for &a in args.pos.iter() {
                    its.push(vm.get_iter(a)?);
                }
                return Ok(vm.new_iter(IterKind::Zip { its, strict }));
            }
            if cls == t.map {
                if args.pos.len() < 2 {
                    return Err(exc::type_error("map() must have at least two arguments."));
                }
                let func = args.pos[0];
                let mut its = Vec::new();
                for &a in &args.pos[1..] {
                    its.push(vm.get_iter(a)?);
                }
                return Ok(vm.new_iter(IterKind::Map(Box::new(MapIter { func, its }))));
            }
            if cls == t.filter {
                check_args(&args, "filter", 2, 2)?;
                let it = vm.get_iter(args.pos[1])?;
                return Ok(vm.new_iter(IterKind::Filter(Box::new(FilterIter {
                    func: args.pos[0],
                    it,
                    negate: false,
                }))));
            }
            if cls == t.reversed {
                check_args(&args, "reversed", 1, 1)?;
                return make_reversed(vm, args.pos[0]);
            }
            Err(exc::type_error(format!(
                "cannot create '{}' instances",
                vm.class_name(cls)
            )))
        }
        TypeKind::Exception => {
            if !args.kw.is_empty() {
                return Err(exc::type_error(format!(
                    "{}() takes no keyword arguments",
                    vm.class_name(cls)
                )));
            }
            let mut cls = cls;
            if cls == vm.exc_class(ExcKind::OSError) && (2..=5).contains(&args.pos.len()) {
                if let Value::Int(n) = args.pos[0] {
                    if let Some(sub) = vm.os_error_subclass(n) {
                        cls = sub;
                    }
                }
            }
            let a = vm.new_tuple(args.pos.to_vec());
            Ok(Value::Obj(vm.new_exception_obj(cls, a)))
        }
        TypeKind::NoneType => Ok(Value::None),
        _ => Err(exc::type_error(format!(
            "cannot create '{}' instances",
            vm.class_name(cls)
        ))),
    }
}

fn make_reversed(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let rn = vm.names.__reversed__;
    if let Some(res) = vm.meta_dunder(v, rn, &[])? {
        return Ok(res);
    }
    if let Value::Obj(r) = v {
        match vm.heap.get(r) {
            Obj::List(xs) | Obj::Tuple(xs) => {
                let n = xs.len();
                return Ok(vm.new_iter(IterKind::Reversed { seq: r, idx: n }));
            }
            Obj::Range(parts) => {
                let [start, stop, step] = parts.get();
                // Walk the same values backwards without materialising them.
                let (Some(a), Some(b), Some(c)) =
                    (vm.to_bigint(start), vm.to_bigint(stop), vm.to_bigint(step))
                else {
                    return Err(exc::type_error("range bounds must be integers"));
                };
                let n = crate::vm::ops::big_range_len(&a, &b, &c);
                let last: num_bigint::BigInt = &a + (&n - 1) * &c;
                let new_stop: num_bigint::BigInt = &a - &c;
                let neg: num_bigint::BigInt = -c;
                use num_traits::ToPrimitive;
                let kind = match (last.to_i64(), new_stop.to_i64(), neg.to_i64()) {
                    (Some(cur), Some(stop), Some(step)) if n > num_bigint::BigInt::from(0) => {
                        IterKind::Range { cur, stop, step }
                    }
                    _ if n <= num_bigint::BigInt::from(0) => IterKind::Exhausted,
                    _ => IterKind::BigRange(Box::new(crate::object::BigRange {
                        cur: last,
                        stop: new_stop,
                        step: neg,
                    })),
                };
                return Ok(vm.new_iter(kind));
            }
            Obj::Str(_) | Obj::Bytes(_) => {
                let mut items = vm.iterate(v)?;
                items.reverse();
                let l = vm.new_list(items);
                return vm.get_iter(l);
            }
            Obj::Dict(_) | Obj::DictView(..) => {
                let mut items = vm.iterate(v)?;
                items.reverse();
                let l = vm.new_list(items);
                return vm.get_iter(l);
            }
            Obj::Instance(_) => {
                let n = vm.names.__reversed__;
                if let Some(res) = vm.call_dunder(v, n, &[])? {
                    return Ok(res);
                }
                let gi = vm.names.__getitem__;
                let c = vm.class_of(v);
                if vm.lookup_type_attr(c, gi).is_some() {
                    let len = len_of(vm, v)?;
                    let mut items = Vec::with_capacity(len);
                    for i in (0..len).rev() {
                        items.push(vm.get_item(v, Value::Int(i as i64))?);
                    }
                    let l = vm.new_list(items);
                    return vm.get_iter(l);
                }
            }
            _ => {}
        }
    }
    let t = vm.type_name(v);
    Err(exc::type_error(format!("'{t}' object is not reversible")))
}

fn make_super(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (class, obj) = if args.pos.is_empty() {
        // Zero-argument form: the caller's __class__ cell and first argument.
        let fi = vm
            .frames
            .len()
            .checked_sub(1)
            .ok_or_else(|| exc::runtime_error("super(): no arguments"))?;
        if vm.frames[fi].code.argcount == 0 && !vm.frames[fi].code.flags.varargs {
            return Err(exc::runtime_error("super(): no arguments"));
        }
        let cls = vm
            .frame_class_cell(fi)
            .ok_or_else(|| exc::runtime_error("super(): __class__ cell not found"))?;
        let f = &vm.frames[fi];
        let mut first = vm.stack[f.base];
        // The first argument may have been moved into a cell.
        if let Some(ci) = f.code.cell2arg.iter().position(|a| *a == Some(0)) {
            if let Value::Obj(c) = vm.stack[f.base + f.code.nlocals() + ci] {
                if let Obj::Cell(v) = vm.heap.get(c) {
                    first = *v;
                }
            }
        }
        let cls = vm
            .is_class(cls)
            .ok_or_else(|| exc::runtime_error("super(): __class__ is not a type"))?;
        (cls, first)
    } else {
        let cls = vm.is_class(args.pos[0]).ok_or_else(|| {
            exc::type_error(format!(
                "super() argument 1 must be a type, not {}",
                vm.type_name(args.pos[0])
            ))
        })?;
        (cls, args.pos.get(1).copied().unwrap_or(Value::None))
    };
    if !obj.is_none() {
        let ok = match vm.is_class(obj) {
            Some(c) => vm.is_subclass(c, class) || vm.isinstance(obj, class),
            None => vm.isinstance(obj, class),
        };
        if !ok {
            return Err(exc::type_error(
                "super(type, obj): obj must be an instance or subtype of type",
            ));
        }
    }
    Ok(Value::Obj(vm.heap.alloc(Obj::Super { class, obj })))
}

pub fn to_int(vm: &mut Vm, x: Value) -> PyResult<Value> {
    match x {
        Value::Int(_) => return Ok(x),
        Value::Bool(b) => return Ok(Value::Int(b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(exc::value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(exc::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            return Ok(vm
                .int_from_big(
                    BigInt::from(f.trunc() as i128)
                        .max(BigInt::from(i128::MIN))
                        .clone(),
                )
                .max_with_float(f, vm));
        }
        _ => {}
    }
    if let Some(i) = vm.as_str(x).and_then(small_decimal) {
        return Ok(Value::Int(i));
    }
    if let Some(s) = vm.as_str(x).map(|s| s.to_string()) {
        return match parse_int(&s, 10) {
            Some(b) => Ok(vm.int_from_big(b)),
            None => {
                let r = crate::vm::repr::str_repr(&s);
                Err(exc::value_error(format!(
                    "invalid literal for int() with base 10: {r}"
                )))
            }
        };
    }
    if let Value::Obj(r) = x {
        match vm.heap.get(r) {
            Obj::BigInt(_) => return Ok(x),
            Obj::Bytes(b) => {
                let s = String::from_utf8_lossy(b).to_string();
                return match parse_int(&s, 10) {
                    Some(b) => Ok(vm.int_from_big(b)),
                    None => Err(exc::value_error(format!(
                        "invalid literal for int() with base 10: {}",
                        crate::vm::repr::bytes_repr(s.as_bytes(), "b")
                    ))),
                };
            }
            Obj::Instance(_) => {
                for n in [vm.names.__int__, vm.names.__index__, vm.names.__trunc__] {
                    if let Some(v) = vm.call_dunder(x, n, &[])? {
                        return Ok(v);
                    }
                }
                let b = vm.unwrap_base(x);
                if !b.is(x) {
                    return to_int(vm, b);
                }
            }
            _ => {}
        }
    }
    let t = vm.type_name(x);
    Err(exc::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{t}'"
    )))
}

trait MaxWithFloat {
    fn max_with_float(self, f: f64, vm: &mut Vm) -> Value;
}

impl MaxWithFloat for Value {
    /// Floats beyond i128 convert exactly through their binary expansion.
    fn max_with_float(self, f: f64, vm: &mut Vm) -> Value {
        if f.abs() < 1.6e38 {
            return self;
        }
        let (m, e) = crate::vm::ops::frexp(f.trunc());
        let mant = (m * 2f64.powi(53)) as i64;
        let b = BigInt::from(mant) << ((e - 53).max(0) as usize);
        vm.int_from_big(b)
    }
}

pub fn to_float(vm: &mut Vm, x: Value) -> PyResult<Value> {
    match vm.num(x) {
        Some(Num::F(f)) => return Ok(Value::Float(f)),
        Some(Num::I(i)) => return Ok(Value::Float(i as f64)),
        Some(Num::B(b)) => {
            let f = b.to_f64().filter(|f| f.is_finite());
            return f
                .map(Value::Float)
                .ok_or_else(|| exc::overflow_error("int too large to convert to float"));
        }
        None => {}
    }
    if let Value::Obj(r) = x {
        if let Obj::Bytes(b) | Obj::ByteArray(b) = vm.heap.get(r) {
            let text = String::from_utf8_lossy(b).to_string();
            return match parse_float(&text) {
                Some(f) => Ok(Value::Float(f)),
                None => {
                    let rep = vm.repr_value(x)?;
                    Err(exc::value_error(format!(
                        "could not convert string to float: {rep}"
                    )))
                }
            };
        }
    }
    if let Some(s) = vm.as_str(x) {
        return match parse_float(s) {
            Some(f) => Ok(Value::Float(f)),
            None => Err(exc::value_error(format!(
                "could not convert string to float: {}",
                crate::vm::repr::str_repr(s)
            ))),
        };
    }
    if let Value::Obj(_) = x {
        for n in [vm.names.__float__, vm.names.__index__] {
            if let Some(v) = vm.call_dunder(x, n, &[])? {
                if let Value::Float(_) = v {
                    return Ok(v);
                }
                return to_float(vm, v);
            }
        }
    }
    let t = vm.type_name(x);
    Err(exc::type_error(format!(
        "float() argument must be a string or a real number, not '{t}'"
    )))
}

/// Attributes of builtin values that are not methods (`f.__name__`, `x.real`, ...).
pub fn special_attr(vm: &mut Vm, v: Value, name: ObjRef) -> PyResult<Option<Value>> {
    let attr = vm.str_ref(name).to_string();
    let a = attr.as_str();
    if a == "__class__" {
        return Ok(Some(Value::Obj(vm.class_of(v))));
    }
    match v {
        Value::Int(_) | Value::Bool(_) => {
            return Ok(match a {
                "real" | "numerator" => Some(match v {
                    Value::Bool(b) => Value::Int(b as i64),
                    _ => v,
                }),
                "imag" => Some(Value::Int(0)),
                "denominator" => Some(Value::Int(1)),
                _ => None,
            })
        }
        Value::Float(f) => {
            return Ok(match a {
                "real" => Some(Value::Float(f)),
                "imag" => Some(Value::Float(0.0)),
                _ => None,
            })
        }
        _ => {}
    }
    let Value::Obj(r) = v else { return Ok(None) };
    let out = match vm.heap.get(r) {
        Obj::BigInt(_) => match a {
            "real" | "numerator" => Some(v),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        },
        Obj::Complex(re, im) => match a {
            "real" => Some(Value::Float(*re)),
            "imag" => Some(Value::Float(*im)),
            _ => None,
        },
        Obj::Function(f) => match a {
            "__name__" => {
                let n = f.name.clone();
                Some(vm.new_str(n))
            }
            "__qualname__" => {
                let n = f.qualname.clone();
                Some(vm.new_str(n))
            }
            "__doc__" => Some(f.doc),
            "__module__" => Some(f.module),
            "__defaults__" => {
                let d = f.defaults.clone();
                Some(if d.is_empty() {
                    Value::None
                } else {
                    vm.new_tuple(d)
                })
            }
            "__globals__" => Some(Value::Obj(f.globals)),
            "__dict__" => {
                let d = f.dict;
                Some(match d {
                    Some(d) => Value::Obj(d),
                    None => {
                        let nd = vm.new_dict_ref();
                        if let Obj::Function(f) = vm.heap.get_mut(r) {
                            f.dict = Some(nd);
                        }
                        Value::Obj(nd)
                    }
                })
            }
            "__code__" => Some(Value::Obj(f.code_ref)),
            "__closure__" => {
                let c: Vec<Value> = f.closure.iter().map(|&x| Value::Obj(x)).collect();
                Some(if c.is_empty() {
                    Value::None
                } else {
                    vm.new_tuple(c)
                })
            }
            "__kwdefaults__" => {
                let kw = f.kwdefaults.clone();
                if kw.is_empty() {
                    Some(Value::None)
                } else {
                    let d = vm.new_dict_ref();
                    for (k, x) in kw {
                        vm.dict_set(d, Value::Obj(k), x)?;
                    }
                    Some(Value::Obj(d))
                }
            }
            "__annotations__" => {
                // Stored in the function's attribute dict; made (empty) on first access.
                let existing = f.dict.and_then(|d| vm.ns_get(d, name));
                match existing {
                    Some(v) => Some(v),
                    None => {
                        let fd = match f.dict {
                            Some(d) => d,
                            None => vm.new_dict_ref(),
                        };
                        let ann = Value::Obj(vm.new_dict_ref());
                        vm.ns_set(fd, name, ann);
                        if let Obj::Function(func) = vm.heap.get_mut(r) {
                            func.dict = Some(fd);
                        }
                        Some(ann)
                    }
                }
            }
            _ => {
                let d = f.dict;
                match d {
                    Some(d) => vm.ns_get(d, name),
                    None => None,
                }
            }
        },
        Obj::Code(c) => match a {
            "co_name" => {
                let n = c.name.clone();
                Some(vm.new_str(n))
            }
            "co_filename" => {
                let n = c.filename.to_string();
                Some(vm.new_str(n))
            }
            "co_argcount" => Some(Value::Int(c.argcount as i64)),
            "co_firstlineno" => Some(Value::Int(c.firstlineno as i64)),
            "co_varnames" => {
                let names = c.varnames.clone();
                let vals: Vec<Value> = names.into_iter().map(|n| vm.new_str(n)).collect();
                Some(vm.new_tuple(vals))
            }
            _ => None,
        },
        Obj::Native(n) => match a {
            "__name__" => {
                let s = n.name.to_string();
                Some(vm.new_str(s))
            }
            "__qualname__" => {
                let s = match n.owner {
                    Some(o) => format!("{}.{}", vm.class_name(o), n.name),
                    None => n.name.to_string(),
                };
                Some(vm.new_str(s))
            }
            "__doc__" => Some(Value::None),
            "__module__" => Some(Value::None),
            "__self__" => Some(if matches!(n.bound, Value::Undef) {
                Value::Obj(vm.builtins)
            } else {
                n.bound
            }),
            _ => None,
        },
        Obj::BoundMethod { receiver, func } => {
            let (recv, func) = (*receiver, *func);
            match a {
                "__self__" => Some(recv),
                "__func__" => Some(func),
                _ => vm.get_attr_opt(func, name)?,
            }
        }
        Obj::Class(c) => match a {
            "__name__" => {
                let n = c.name.clone();
                Some(vm.new_str(n))
            }
            "__qualname__" => {
                let n = c.qualname.clone();
                Some(vm.new_str(n))
            }
            "__module__" => Some(c.module),
            "__bases__" => {
                let b: Vec<Value> = c.bases.iter().map(|&x| Value::Obj(x)).collect();
                Some(vm.new_tuple(b))
            }
            "__base__" => Some(c.bases.first().map_or(Value::None, |&b| Value::Obj(b))),
            "__mro__" => {
                let b: Vec<Value> = c.mro.iter().map(|&x| Value::Obj(x)).collect();
                Some(vm.new_tuple(b))
            }
            "__dict__" => {
                let d = c.dict.copy();
                Some(vm.new_dict(d))
            }
            "__doc__" => Some(Value::None),
            _ => None,
        },
        Obj::Instance(i) => match a {
            "__dict__" => Some(Value::Obj(i.dict)),
            _ => {
                if vm.exc_data(r).is_some() {
                    let d = vm
                        .exc_data(r)
                        .map(|d| (d.args, d.cause, d.context, d.suppress_context, d.notes));
                    match (a, d) {
                        ("args", Some(d)) => Some(d.0),
                        ("__cause__", Some(d)) => Some(d.1),
                        ("__context__", Some(d)) => Some(d.2),
                        ("__suppress_context__", Some(d)) => Some(Value::Bool(d.3)),
                        ("__traceback__", _) => Some(vm.traceback_object(r)),
                        ("__notes__", Some(d)) if !d.4.is_none() => Some(d.4),
                        ("value", Some(d))
                            if vm.isinstance(v, vm.exc_class(ExcKind::StopIteration)) =>
                        {
                            let _ = d;
                            Some(vm.stop_iteration_value(r))
                        }
                        ("code", Some(d))
                            if vm.isinstance(v, vm.exc_class(ExcKind::SystemExit)) =>
                        {
                            let items = match d.0 {
                                Value::Obj(t) => match vm.heap.get(t) {
                                    Obj::Tuple(xs) => xs.clone(),
                                    _ => Vec::new(),
                                },
                                _ => Vec::new(),
                            };
                            Some(match items.len() {
                                0 => Value::None,
                                1 => items[0],
                                _ => d.0,
                            })
                        }
                        _ => None,
                    }
                } else {
                    None
                }
            }
        },
        Obj::Module(m) => match a {
            "__dict__" => Some(Value::Obj(m.dict)),
            _ => None,
        },
        Obj::Range(parts) | Obj::Slice(parts) => match a {
            "start" => Some(parts.get()[0]),
            "stop" => Some(parts.get()[1]),
            "step" => Some(parts.get()[2]),
            _ => None,
        },
        Obj::Property(p) => match a {
            "fget" => Some(p.fget),
            "fset" => Some(p.fset),
            "fdel" => Some(p.fdel),
            "__doc__" => Some(p.doc),
            _ => None,
        },
        Obj::StaticMethod(f) | Obj::ClassMethod(f) => match a {
            "__func__" => Some(*f),
            _ => None,
        },
        Obj::Cell(c) => match a {
            "cell_contents" => Some(*c),
            _ => None,
        },
        Obj::Generator(g) => match a {
            "__name__" | "__qualname__" => {
                let n = match vm.heap.get(g.func) {
                    Obj::Function(f) if a == "__name__" => f.name.clone(),
                    Obj::Function(f) => f.qualname.clone(),
                    _ => String::new(),
                };
                Some(vm.new_str(n))
            }
            "gi_running" | "cr_running" => {
                Some(Value::Bool(g.state == crate::object::GenState::Running))
            }
            "gi_frame" | "cr_frame" => Some(if g.state == crate::object::GenState::Finished {
                Value::None
            } else {
                Value::Bool(true)
            }),
            "gi_yieldfrom" | "cr_await" => {
                Some(vm.delegation(r).map_or(Value::None, |(sub, _)| sub))
            }
            _ => None,
        },
        Obj::DictView(d, view) => match a {
            "mapping" => {
                let _ = view;
                Some(Value::Obj(*d))
            }
            _ => None,
        },
        _ => None,
    };
    Ok(out)
}
