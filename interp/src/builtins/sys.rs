//! The `sys` and `time` modules (sandboxed: no OS access beyond clocks).

use super::check_args;
use crate::object::{Args, NativeFnPtr, Obj};
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self, PyErr};
use crate::vm::{ExcKind, PyResult, Vm};

fn set(vm: &mut Vm, d: ObjRef, name: &str, v: Value) {
    let k = vm.intern(name);
    vm.ns_set(d, k, v);
}

fn add_fns(vm: &mut Vm, d: ObjRef, funcs: &[(&'static str, NativeFnPtr)]) {
    for &(n, f) in funcs {
        let v = vm.new_native(n, f);
        set(vm, d, n, v);
    }
}

pub fn module(vm: &mut Vm) -> ObjRef {
    let m = vm.new_module("sys");
    let d = vm.module_dict(m);
    let argv: Vec<Value> = vm.argv.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    set(vm, d, "argv", argv);
    let path: Vec<Value> = vm
        .search_path
        .clone()
        .into_iter()
        .map(|p| vm.new_str(p.display().to_string()))
        .collect();
    let path = vm.new_list(path);
    set(vm, d, "path", path);
    set(vm, d, "modules", Value::Obj(vm.modules));
    set(vm, d, "maxsize", Value::Int(i64::MAX));
    let v = vm.new_str("3.11.7 (kaa)");
    set(vm, d, "version", v);
    let vi = vm.new_tuple(vec![Value::Int(3), Value::Int(11), Value::Int(7)]);
    set(vm, d, "version_info", vi);
    let p = vm.new_str("kaa");
    set(vm, d, "platform", p);
    let bo = vm.new_str("little");
    set(vm, d, "byteorder", bo);
    set(vm, d, "maxunicode", Value::Int(0x10ffff));
    let stream_cls = stream_class(vm);
    // `sys.__stdout__` is the same object as the original `sys.stdout`.
    for (names, fd) in [(["stdout", "__stdout__"], 1), (["stderr", "__stderr__"], 2)] {
        let d = vm.new_dict_ref();
        let inst = crate::object::Instance {
            class: stream_cls,
            dict: d,
            exc: None,
            base: Value::Int(fd),
            native: None,
        };
        let v = Value::Obj(vm.heap.alloc(Obj::Instance(Box::new(inst))));
        for name in names {
            set(vm, d_of(vm, m), name, v);
        }
    }
    let impl_name = vm.new_str("kaa");
    set(vm, d, "implementation", impl_name);
    add_fns(
        vm,
        d,
        &[
            ("getrecursionlimit", s_getrecursionlimit),
            ("setrecursionlimit", s_setrecursionlimit),
            ("exit", s_exit),
            ("exc_info", s_exc_info),
            ("exception", s_exception),
            ("getsizeof", s_getsizeof),
            ("intern", s_intern),
            ("get_int_max_str_digits", s_get_int_max_str_digits),
            ("set_int_max_str_digits", s_set_int_max_str_digits),
        ],
    );
    m
}

fn s_get_int_max_str_digits(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.int_max_str_digits as i64))
}

fn s_set_int_max_str_digits(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "set_int_max_str_digits", 1, 1)?;
    let n = vm.index_value(a.pos[0])?;
    if n != 0 && n < 640 {
        return Err(exc::value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = n as usize;
    Ok(Value::None)
}

fn s_getrecursionlimit(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn s_setrecursionlimit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "setrecursionlimit", 1, 1)?;
    let n = vm.index_value(a.pos[0])?;
    if n < 1 {
        return Err(exc::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    // Frames live on the heap, so deep limits are safe; cap them to keep memory bounded.
    vm.recursion_limit = (n as usize).min(1_000_000);
    Ok(Value::None)
}

fn s_exit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let c = vm.exc_class(ExcKind::SystemExit);
    let args = vm.new_tuple(a.pos.to_vec());
    Err(PyErr::Obj(vm.new_exception_obj(c, args)))
}

fn s_exc_info(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    match vm.current_handled() {
        Some(e) => {
            let t = Value::Obj(vm.class_of(Value::Obj(e)));
            Ok(vm.new_tuple(vec![t, Value::Obj(e), Value::None]))
        }
        None => Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None])),
    }
}

fn s_exception(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(vm.current_handled().map_or(Value::None, Value::Obj))
}

fn s_getsizeof(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "getsizeof", 1, 2)?;
    Ok(Value::Int(match a.pos[0] {
        Value::Obj(r) => vm.heap.get(r).size_estimate() as i64,
        _ => 28,
    }))
}

fn s_intern(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "intern", 1, 1)?;
    let s = vm
        .as_str(a.pos[0])
        .ok_or_else(|| exc::type_error("intern() argument must be str"))?
        .to_string();
    Ok(Value::Obj(vm.intern(&s)))
}

fn d_of(vm: &Vm, m: ObjRef) -> ObjRef {
    vm.module_dict(m)
}

/// `sys.stdout` / `sys.stderr`: text streams that write to the VM's sinks.
fn stream_class(vm: &mut Vm) -> ObjRef {
    if let Some(&c) = vm.types.misc.get("TextIOWrapper") {
        return c;
    }
    let c = super::new_builtin_class(vm, "TextIOWrapper", crate::object::TypeKind::Object);
    let m = vm.new_str("_io");
    if let Obj::Class(cl) = vm.heap.get_mut(c) {
        cl.module = m;
    }
    vm.add_method(c, "write", stream_write);
    vm.add_method(c, "flush", stream_flush);
    vm.add_method(c, "isatty", stream_isatty);
    vm.add_method(c, "writelines", stream_writelines);
    vm.types.misc.insert("TextIOWrapper", c);
    c
}

fn stream_fd(vm: &Vm, v: Value) -> i64 {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Instance(i) => match i.base {
                Value::Int(fd) => fd,
                _ => 1,
            },
            _ => 1,
        },
        _ => 1,
    }
}

fn stream_write(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "write", 2, 2)?;
    let fd = stream_fd(vm, a.pos[0]);
    let Some(s) = vm.as_str(a.pos[1]).map(|s| s.to_string()) else {
        let t = vm.type_name(a.pos[1]);
        return Err(exc::type_error(format!(
            "write() argument must be str, not {t}"
        )));
    };
    if fd == 2 {
        vm.write_err(&s);
    } else {
        vm.write_out(&s);
    }
    Ok(Value::Int(s.chars().count() as i64))
}

fn stream_writelines(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "writelines", 2, 2)?;
    for line in vm.iterate(a.pos[1])? {
        stream_write(vm, Args::new(&[a.pos[0], line]))?;
    }
    Ok(Value::None)
}

fn stream_flush(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    let _ = std::io::Write::flush(&mut vm.stdout);
    Ok(Value::None)
}

fn stream_isatty(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

pub fn time_module(vm: &mut Vm) -> ObjRef {
    let m = vm.new_module("time");
    let d = vm.module_dict(m);
    add_fns(
        vm,
        d,
        &[
            ("time", t_time),
            ("monotonic", t_monotonic),
            ("perf_counter", t_monotonic),
            ("process_time", t_monotonic),
            ("time_ns", t_time_ns),
            ("monotonic_ns", t_monotonic_ns),
            ("perf_counter_ns", t_monotonic_ns),
            ("sleep", t_sleep),
        ],
    );
    m
}

fn t_time(_vm: &mut Vm, _a: Args) -> PyResult<Value> {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(Value::Float(t))
}

fn t_time_ns(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    let t = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    Ok(vm.int_from_big(num_bigint::BigInt::from(t)))
}

fn t_monotonic(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.start_time.elapsed().as_secs_f64()))
}

fn t_monotonic_ns(vm: &mut Vm, _a: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.start_time.elapsed().as_nanos() as i64))
}

fn t_sleep(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_args(&a, "sleep", 1, 1)?;
    let s = match super::to_float(vm, a.pos[0])? {
        Value::Float(f) => f,
        _ => 0.0,
    };
    if s < 0.0 {
        return Err(exc::value_error("sleep length must be non-negative"));
    }
    // Blocking a game frame is never wanted; scripts wait with tasks. The CLI still sleeps,
    // capped so that a script cannot hang the process for long.
    std::thread::sleep(std::time::Duration::from_secs_f64(s.min(5.0)));
    Ok(Value::None)
}

/// Unused: kept so `Obj` stays imported for future sys attributes that read the heap.
#[allow(dead_code)]
fn _obj(_o: &Obj) {}
