//! Native modules: built from Rust, imported by scripts like any other module.

use super::class::ClassBuilder;
use super::convert::IntoValue;
use super::func::NativeFunction;
use super::NativeType;
use crate::value::{ObjRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// Builds a module; [`ModuleBuilder::build`] makes it importable.
///
/// ```
/// let mut vm = kaa::Vm::new();
/// vm.native_module("game")
///     .function("clamp", |x: f64, lo: f64, hi: f64| x.clamp(lo, hi))
///     .value("GRAVITY", 9.81)
///     .build()
///     .unwrap();
/// vm.run_source("import game\nx = game.clamp(2.0, 0.0, game.GRAVITY)", "main.py", "__main__")
///     .unwrap();
/// let x = vm.eval("x").unwrap();
/// assert_eq!(vm.extract::<f64>(x).unwrap(), 2.0);
/// ```
pub struct ModuleBuilder<'vm> {
    vm: &'vm mut Vm,
    module: ObjRef,
    name: String,
    error: Option<PyErr>,
}

impl<'vm> ModuleBuilder<'vm> {
    pub(crate) fn new(vm: &'vm mut Vm, name: &str) -> Self {
        let module = vm.new_module(name);
        ModuleBuilder {
            vm,
            module,
            name: name.to_string(),
            error: None,
        }
    }

    fn put(&mut self, name: &str, v: Value) {
        let d = self.vm.module_dict(self.module);
        let k = self.vm.intern(name);
        self.vm.ns_set(d, k, v);
    }

    pub fn function<M: 'static, F: NativeFunction<M>>(mut self, name: &str, f: F) -> Self {
        let v = self.vm.native_fn(name, f);
        self.put(name, v);
        self
    }

    /// A function whose parameters can be passed by keyword, with these names.
    pub fn function_kw<M: 'static, F: NativeFunction<M>>(
        mut self,
        name: &str,
        params: &[&str],
        f: F,
    ) -> Self {
        let v = self.vm.native_fn_kw(name, params, f);
        self.put(name, v);
        self
    }

    pub fn value(mut self, name: &str, v: impl IntoValue) -> Self {
        match v.into_value(self.vm) {
            Ok(v) => self.put(name, v),
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
        self
    }

    /// Add the class of native type `T`, built by `f`.
    pub fn class<T: NativeType>(
        mut self,
        f: impl FnOnce(ClassBuilder<'_, T>) -> ClassBuilder<'_, T>,
    ) -> Self {
        let built = f(self.vm.native_class::<T>()).build();
        match built {
            Ok(cls) => {
                let m = self.vm.new_str(self.name.clone());
                if let crate::object::Obj::Class(c) = self.vm.heap.get_mut(cls) {
                    c.module = m;
                }
                self.put(T::NAME, Value::Obj(cls));
            }
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
        self
    }

    /// Register the module (`import name` finds it) and return it.
    pub fn build(self) -> PyResult<ObjRef> {
        if let Some(e) = self.error {
            return Err(e);
        }
        self.vm.register_module(&self.name, self.module);
        Ok(self.module)
    }
}
