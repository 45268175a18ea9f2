//! Native types: a Rust type exposed as a script class with a constructor, fields,
//! methods, static methods, operators, `repr`, equality, hashing and iteration.

use super::convert::{native_mut, native_ref, FromValue, IntoValue, ParamKind};
use super::func::{bind, closure, extract, Bound, NativeFunction, Shape, Signature};
use super::NativeType;
use crate::object::{Args, NativeCallable, Obj, Property};
use crate::value::{ObjRef, Value};
use crate::vm::exc;
use crate::vm::{PyErr, PyResult, Vm};
use std::marker::PhantomData;
use std::sync::Arc;

/// Builds the script class of native type `T`; see [`Vm::native_class`].
pub struct ClassBuilder<'vm, T: NativeType> {
    vm: &'vm mut Vm,
    entries: Vec<(String, Value)>,
    error: Option<PyErr>,
    _t: PhantomData<fn() -> T>,
}

/// A method of native type `T`: `Fn(&T, A, ...) -> R` reads the receiver,
/// `Fn(&mut T, A, ...) -> R` changes it in place.
pub trait NativeMethod<T, Marker>: Send + Sync + 'static {
    fn kinds() -> Vec<ParamKind>;
    fn invoke(&self, vm: &mut Vm, sig: &Signature, this: ObjRef, b: &Bound) -> PyResult<Value>;
}

pub struct Shared;
pub struct Exclusive;

/// The receiver was not a `T` (a method taken from the class and called on something else).
fn wrong_receiver<T: NativeType>(vm: &Vm, sig: &Signature, this: Value) -> PyErr {
    exc::type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        sig.name,
        T::NAME,
        vm.type_name(this)
    ))
}

/// The `T` inside `this`, for a [`Vm::field_property`] accessor of field `field`: a
/// TypeError in CPython's wording when `this` is something else (the accessor taken from the
/// class and called on another object).
pub fn field_receiver<'v, T: NativeType>(vm: &'v Vm, this: Value, field: &str) -> PyResult<&'v T> {
    if let Value::Obj(r) = this {
        if let Some(t) = native_ref::<T>(vm, r) {
            return Ok(t);
        }
    }
    Err(wrong_receiver::<T>(vm, &Signature::new(field), this))
}

macro_rules! native_methods {
    ($($P:ident $i:tt),*) => {
        impl<T, F, R, $($P,)*> NativeMethod<T, (Shared, fn($($P,)*) -> R)> for F
        where
            T: NativeType,
            F: Fn(&T, $($P),*) -> R + Send + Sync + 'static,
            R: IntoValue,
            $($P: FromValue,)*
        {
            fn kinds() -> Vec<ParamKind> {
                vec![$($P::KIND),*]
            }

            #[allow(unused_variables)]
            fn invoke(&self, vm: &mut Vm, sig: &Signature, this: ObjRef, b: &Bound) -> PyResult<Value> {
                $(let $P = extract::<$P>(vm, sig, $i, b)?;)*
                let r = match native_ref::<T>(vm, this) {
                    Some(t) => (self)(t, $($P),*),
                    None => return Err(wrong_receiver::<T>(vm, sig, Value::Obj(this))),
                };
                r.into_value(vm)
            }
        }

        impl<T, F, R, $($P,)*> NativeMethod<T, (Exclusive, fn($($P,)*) -> R)> for F
        where
            T: NativeType,
            F: Fn(&mut T, $($P),*) -> R + Send + Sync + 'static,
            R: IntoValue,
            $($P: FromValue,)*
        {
            fn kinds() -> Vec<ParamKind> {
                vec![$($P::KIND),*]
            }

            #[allow(unused_variables)]
            fn invoke(&self, vm: &mut Vm, sig: &Signature, this: ObjRef, b: &Bound) -> PyResult<Value> {
                $(let $P = extract::<$P>(vm, sig, $i, b)?;)*
                let r = match native_mut::<T>(vm, this) {
                    Some(t) => (self)(t, $($P),*),
                    None => return Err(wrong_receiver::<T>(vm, sig, Value::Obj(this))),
                };
                r.into_value(vm)
            }
        }
    };
}

#[allow(non_snake_case)]
mod impls {
    use super::*;
    native_methods!();
    native_methods!(A 0);
    native_methods!(A 0, B 1);
    native_methods!(A 0, B 1, C 2);
    native_methods!(A 0, B 1, C 2, D 3);
    native_methods!(A 0, B 1, C 2, D 3, E 4);
    native_methods!(A 0, B 1, C 2, D 3, E 4, G 5);
}

/// A method of native type `T` with its signature: the receiver is the first positional
/// argument.
struct TypedMethod<T, M, F> {
    f: F,
    sig: Signature,
    shape: Shape,
    _marker: PhantomData<fn() -> (T, M)>,
}

impl<T: NativeType, M, F: NativeMethod<T, M>> TypedMethod<T, M, F> {
    fn run(&self, vm: &mut Vm, pos: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
        let sig = &self.sig;
        let this = match pos.first() {
            Some(Value::Obj(r)) if native_ref::<T>(vm, *r).is_some() => *r,
            Some(&other) => {
                if sig.operator {
                    return Ok(vm.not_implemented());
                }
                return Err(wrong_receiver::<T>(vm, sig, other));
            }
            None => {
                return Err(exc::type_error(format!(
                    "descriptor '{}' of '{}' object needs an argument",
                    sig.name,
                    T::NAME
                )))
            }
        };
        let b = bind(vm, sig, &self.shape, pos, kw, 1)?;
        match self.f.invoke(vm, sig, this, &b) {
            // An operand of the wrong type: let Python try the reflected operation.
            Err(PyErr::New(crate::vm::ExcKind::TypeError, m))
                if sig.operator && m.contains(" must be ") =>
            {
                Ok(vm.not_implemented())
            }
            r => r,
        }
    }
}

impl<T: NativeType, M, F: NativeMethod<T, M>> NativeCallable for TypedMethod<T, M, F> {
    fn call(&self, vm: &mut Vm, args: Args) -> PyResult<Value> {
        self.run(vm, &args.pos, &args.kw)
    }

    fn call_pos(&self, vm: &mut Vm, pos: &[Value]) -> PyResult<Value> {
        self.run(vm, pos, &[])
    }
}

fn method_closure<T: NativeType, M: 'static, F: NativeMethod<T, M>>(
    f: F,
    sig: Signature,
) -> crate::object::NativeClosure {
    Arc::new(TypedMethod {
        shape: Shape::new(F::kinds()),
        f,
        sig,
        _marker: PhantomData,
    })
}

impl<'vm, T: NativeType> ClassBuilder<'vm, T> {
    pub(crate) fn new(vm: &'vm mut Vm) -> Self {
        ClassBuilder {
            vm,
            entries: Vec::new(),
            error: None,
            _t: PhantomData,
        }
    }

    fn put(&mut self, name: &str, v: Value) {
        self.entries.retain(|(n, _)| n != name);
        self.entries.push((name.to_string(), v));
    }

    /// `T(...)` in scripts: `f` takes the call's arguments and returns the new value (or a
    /// `Result`, whose error is raised).
    pub fn constructor<M, F>(mut self, f: F) -> Self
    where
        F: NativeFunction<M>,
    {
        let sig = Signature::new(T::NAME);
        let shape = Shape::new(F::kinds());
        let imp: crate::object::NativeClosure = Arc::new(move |vm: &mut Vm, args: Args| {
            let Some(&Value::Obj(cls)) = args.pos.first() else {
                return Err(exc::type_error(format!(
                    "{}.__new__(): not enough arguments",
                    T::NAME
                )));
            };
            let b = bind(vm, &sig, &shape, &args.pos, &args.kw, 1)?;
            let v = f.invoke(vm, &sig, &b)?;
            // Called through a script subclass: the new object belongs to it, with a real
            // `__dict__` (the native class itself has none).
            if let Value::Obj(r) = v {
                if native_ref::<T>(vm, r).is_some() && vm.native_class_of::<T>() != Some(cls) {
                    let d = vm.new_dict_ref();
                    if let Obj::Instance(i) = vm.heap.get_mut(r) {
                        i.class = cls;
                        i.dict = d;
                    }
                }
            }
            Ok(v)
        });
        let n = self.vm.native_closure("__new__", imp);
        let sm = Value::Obj(self.vm.heap.alloc(Obj::StaticMethod(n)));
        self.put("__new__", sm);
        self
    }

    /// A method: `Fn(&T, ...)` or `Fn(&mut T, ...)`.
    pub fn method<M: 'static, F: NativeMethod<T, M>>(mut self, name: &str, f: F) -> Self {
        let v = self
            .vm
            .native_closure(name, method_closure(f, Signature::new(name)));
        self.put(name, v);
        self
    }

    /// A method whose parameters can also be passed by keyword, with these names.
    pub fn method_kw<M: 'static, F: NativeMethod<T, M>>(
        mut self,
        name: &str,
        params: &[&str],
        f: F,
    ) -> Self {
        let mut sig = Signature::new(name);
        sig.names = Some(params.iter().map(|s| s.to_string()).collect());
        let v = self.vm.native_closure(name, method_closure(f, sig));
        self.put(name, v);
        self
    }

    /// An operator dunder (`__add__`, `__mul__`, `__lt__`, ...): an operand it cannot take
    /// makes it return NotImplemented, so the other operand's reflected method is tried.
    pub fn operator<M: 'static, F: NativeMethod<T, M>>(mut self, dunder: &str, f: F) -> Self {
        let mut sig = Signature::new(dunder);
        sig.operator = true;
        let v = self.vm.native_closure(dunder, method_closure(f, sig));
        self.put(dunder, v);
        self
    }

    /// A static method (`T.name(...)`, no receiver).
    pub fn static_method<M: 'static, F: NativeFunction<M>>(mut self, name: &str, f: F) -> Self {
        let n = self
            .vm
            .native_closure(name, closure(f, Signature::new(name)));
        let sm = Value::Obj(self.vm.heap.alloc(Obj::StaticMethod(n)));
        self.put(name, sm);
        self
    }

    /// A class attribute (a native value of this same type cannot be one: the class does not
    /// exist yet; add it with [`Vm::class_set_attr`] after `build`).
    pub fn constant(mut self, name: &str, v: impl IntoValue) -> Self {
        match v.into_value(self.vm) {
            Ok(v) => self.put(name, v),
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
        self
    }

    /// A read/write attribute backed by Rust accessors.
    pub fn field<G, S, V, W>(mut self, name: &str, get: G, set: S) -> Self
    where
        G: Fn(&T) -> V + Send + Sync + 'static,
        V: IntoValue + 'static,
        S: Fn(&mut T, W) + Send + Sync + 'static,
        W: FromValue + 'static,
    {
        let fget = self.accessor(name, get);
        let fset = self.method_value(name, move |t: &mut T, w: W| set(t, w));
        self.property(name, fget, fset);
        self
    }

    /// A read-only attribute: setting it raises AttributeError.
    pub fn getter<G, V>(mut self, name: &str, get: G) -> Self
    where
        G: Fn(&T) -> V + Send + Sync + 'static,
        V: IntoValue + 'static,
    {
        let fget = self.accessor(name, get);
        self.property(name, fget, Value::None);
        self
    }

    /// A field with plain-function accessors (see [`Vm::field_property`]): no argument
    /// binding or conversion per access, for fields read per entity per frame. The accessors
    /// get the object as a `Value`; [`native_ref`] reads the `T` in it.
    pub fn field_fn(
        mut self,
        name: &str,
        get: crate::object::RawFn1,
        set: Option<crate::object::RawFn2>,
        data: u64,
    ) -> Self {
        let p = self.vm.field_property(name, get, set, data);
        self.put(name, p);
        self
    }

    /// `repr(x)` (and `str(x)` unless `__str__` is given as a method).
    pub fn repr<G>(self, f: G) -> Self
    where
        G: Fn(&T) -> String + Send + Sync + 'static,
    {
        self.method("__repr__", move |t: &T| f(t))
    }

    /// `==` and `!=` by `PartialEq` against another `T` (other types compare unequal).
    pub fn eq(self) -> Self
    where
        T: PartialEq + Clone,
    {
        self.operator("__eq__", |a: &T, b: T| *a == b)
    }

    /// `hash(x)`, from a Rust hash of the value (keep it consistent with `eq`).
    pub fn hash<G>(self, f: G) -> Self
    where
        G: Fn(&T) -> i64 + Send + Sync + 'static,
    {
        self.method("__hash__", move |t: &T| {
            // -1 is reserved for errors in CPython's protocol.
            let h = f(t);
            if h == -1 {
                -2
            } else {
                h
            }
        })
    }

    /// Iteration: `for v in x` walks the values `f` returns.
    pub fn iter<G, V>(mut self, f: G) -> Self
    where
        G: Fn(&T) -> Vec<V> + Send + Sync + 'static,
        V: IntoValue + 'static,
    {
        let sig = Signature::new("__iter__");
        let imp: crate::object::NativeClosure = Arc::new(move |vm: &mut Vm, args: Args| {
            let this = args.pos.first().copied().unwrap_or(Value::None);
            let items = match this {
                Value::Obj(r) => native_ref::<T>(vm, r).map(&f),
                _ => None,
            };
            let Some(items) = items else {
                return Err(wrong_receiver::<T>(vm, &sig, this));
            };
            let list = items.into_value(vm)?;
            vm.get_iter(list)
        });
        let v = self.vm.native_closure("__iter__", imp);
        self.put("__iter__", v);
        self
    }

    fn accessor<G, V>(&mut self, name: &str, get: G) -> Value
    where
        G: Fn(&T) -> V + Send + Sync + 'static,
        V: IntoValue + 'static,
    {
        self.method_value(name, move |t: &T| get(t))
    }

    fn method_value<M: 'static, F: NativeMethod<T, M>>(&mut self, name: &str, f: F) -> Value {
        self.vm
            .native_closure(name, method_closure(f, Signature::new(name)))
    }

    fn property(&mut self, name: &str, fget: Value, fset: Value) {
        let n = self.vm.new_str(name);
        let p = Value::Obj(self.vm.heap.alloc(Obj::Property(Box::new(Property {
            fget,
            fset,
            fdel: Value::None,
            doc: Value::None,
            name: n,
        }))));
        self.put(name, p);
    }

    /// Create the class. Scripts see it once it is put in a module or in builtins.
    pub fn build(self) -> PyResult<ObjRef> {
        let vm = self.vm;
        if let Some(e) = self.error {
            return Err(e);
        }
        let cls = vm.new_native_class(T::NAME, self.entries)?;
        vm.native_classes.insert(std::any::TypeId::of::<T>(), cls);
        Ok(cls)
    }
}
