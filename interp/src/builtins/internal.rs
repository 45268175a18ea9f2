//! `_kaa`: hooks the frozen standard library needs from the VM.

use crate::object::{Args, Obj};
use crate::value::{ObjRef, Value};
use crate::vm::exc;
use crate::vm::{PyResult, Vm};
use std::sync::Arc;

pub fn module(vm: &mut Vm) -> ObjRef {
    let m = vm.new_module("_kaa");
    let d = vm.module_dict(m);
    let f = vm.new_native("iterable_coroutine", iterable_coroutine);
    let k = vm.intern("iterable_coroutine");
    vm.ns_set(d, k, f);
    let f = vm.new_native("digest", digest);
    let k = vm.intern("digest");
    vm.ns_set(d, k, f);
    let f = vm.new_native("format_exception", format_exception);
    let k = vm.intern("format_exception");
    vm.ns_set(d, k, f);
    m
}

/// `format_exception(exc, chain)`: the text CPython prints for an uncaught `exc` (with its
/// cause/context chain when `chain`), or only its last line when `chain` is None. For the
/// `traceback` module.
fn format_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::check_args(&args, "format_exception", 2, 2)?;
    let Value::Obj(e) = args.pos[0] else {
        return Err(exc::type_error("format_exception needs an exception"));
    };
    if vm.exc_data(e).is_none() {
        return Err(exc::type_error("format_exception needs an exception"));
    }
    let text = match args.pos[1] {
        Value::None => vm.format_exception_only(e),
        chain => {
            if vm.truthy(chain)? {
                vm.format_traceback(e)
            } else {
                let saved = vm
                    .exc_data_mut(e)
                    .map(|d| (d.cause, d.context, d.suppress_context));
                if let Some(d) = vm.exc_data_mut(e) {
                    (d.cause, d.context) = (Value::None, Value::None);
                }
                let t = vm.format_traceback(e);
                if let (Some(d), Some((c, x, s))) = (vm.exc_data_mut(e), saved) {
                    (d.cause, d.context, d.suppress_context) = (c, x, s);
                }
                t
            }
        }
    };
    Ok(vm.new_str(text))
}

/// `digest(name, data)`: the raw digest of bytes with md5/sha1/sha256/sha512.
fn digest(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::check_args(&args, "digest", 2, 2)?;
    let name = vm.as_str(args.pos[0]).unwrap_or("").to_string();
    let data = match vm.unwrap_base(args.pos[1]) {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Bytes(b) | Obj::ByteArray(b) => b.clone(),
            _ => return Err(exc::type_error("object supporting the buffer API required")),
        },
        _ => return Err(exc::type_error("object supporting the buffer API required")),
    };
    match super::digest::digest(&name, &data) {
        Some(d) => Ok(Value::Obj(vm.heap.alloc(Obj::Bytes(d)))),
        None => Err(exc::value_error(format!("unsupported hash type {name}"))),
    }
}

/// `types.coroutine` on a generator function: its generators become awaitable. Like CPython,
/// the function itself is changed and returned.
fn iterable_coroutine(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = super::arg(&args, 0, "iterable_coroutine")?;
    let Value::Obj(r) = f else {
        return Err(exc::type_error("types.coroutine() expects a callable"));
    };
    if let Obj::Function(func) = vm.heap.get_mut(r) {
        if func.code.flags.generator && !func.code.flags.coroutine {
            let mut code = (*func.code).clone();
            code.flags.iterable_coroutine = true;
            func.code = Arc::new(code);
        }
    }
    Ok(f)
}
