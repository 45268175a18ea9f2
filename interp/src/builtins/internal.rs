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
    m
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
