//! Rust functions and closures as script callables: argument binding with CPython's error
//! wording, then conversion of each argument and of the result.

use super::convert::{ArgError, FromValue, IntoValue, ParamKind};
use crate::object::{Args, NativeCallable};
use crate::value::{ObjRef, Value};
use crate::vm::exc;
use crate::vm::{PyErr, PyResult, Vm};
use std::sync::Arc;

/// A callable's name and, optionally, its parameter names (which allow keyword arguments).
#[derive(Debug, Clone)]
pub struct Signature {
    pub name: Arc<str>,
    pub names: Option<Arc<[String]>>,
    /// Binary operator dunders answer NotImplemented (not TypeError) to operands they do not
    /// take, so Python can try the other operand's reflected method.
    pub operator: bool,
}

impl Signature {
    pub fn new(name: &str) -> Self {
        Signature {
            name: name.into(),
            names: None,
            operator: false,
        }
    }
}

/// Arguments bound to parameter slots (`Value::Undef` where an optional one was left out).
pub struct Bound<'a> {
    pub slots: std::borrow::Cow<'a, [Value]>,
    pub rest: &'a [Value],
}

/// A parameter list's shape, computed once per function.
#[derive(Debug, Clone)]
pub struct Shape {
    pub kinds: Vec<ParamKind>,
    fixed: usize,
    required: usize,
    has_rest: bool,
}

impl Shape {
    pub fn new(kinds: Vec<ParamKind>) -> Self {
        Shape {
            fixed: kinds.iter().filter(|k| **k != ParamKind::Rest).count(),
            required: kinds.iter().filter(|k| **k == ParamKind::Required).count(),
            has_rest: kinds.contains(&ParamKind::Rest),
            kinds,
        }
    }
}

/// Match positional and keyword arguments (after the first `skip` positional ones) to
/// parameters.
pub fn bind<'a>(
    vm: &Vm,
    sig: &Signature,
    shape: &Shape,
    pos: &'a [Value],
    kw: &[(ObjRef, Value)],
    skip: usize,
) -> PyResult<Bound<'a>> {
    let (fixed, required) = (shape.fixed, shape.required);
    let pos = &pos[skip.min(pos.len())..];
    let name = &sig.name;
    // The common case: exactly the positional arguments, nothing to rearrange.
    if kw.is_empty() && pos.len() == fixed && !shape.has_rest {
        return Ok(Bound {
            slots: std::borrow::Cow::Borrowed(pos),
            rest: &[],
        });
    }
    if pos.len() > fixed && !shape.has_rest {
        return Err(exc::type_error(takes_message(
            name,
            required,
            fixed,
            pos.len(),
        )));
    }
    let mut slots: Vec<Value> = vec![Value::Undef; fixed];
    for (slot, v) in slots.iter_mut().zip(pos) {
        *slot = *v;
    }
    let rest = if pos.len() > fixed {
        &pos[fixed..]
    } else {
        &[]
    };
    if !kw.is_empty() {
        let Some(names) = sig.names.as_ref() else {
            return Err(exc::type_error(format!(
                "{name}() takes no keyword arguments"
            )));
        };
        for &(k, v) in kw {
            let key = vm.str_ref(k);
            let Some(i) = names.iter().take(fixed).position(|n| *n == key) else {
                return Err(exc::type_error(format!(
                    "{name}() got an unexpected keyword argument '{key}'"
                )));
            };
            if !matches!(slots[i], Value::Undef) {
                return Err(exc::type_error(format!(
                    "{name}() got multiple values for argument '{key}'"
                )));
            }
            slots[i] = v;
        }
    }
    let missing: Vec<usize> = (0..fixed)
        .filter(|&i| matches!(slots[i], Value::Undef) && shape.kinds[i] == ParamKind::Required)
        .collect();
    if !missing.is_empty() {
        let given = slots.iter().filter(|s| !matches!(s, Value::Undef)).count();
        return Err(exc::type_error(match sig.names.as_ref() {
            Some(names) if given > 0 || !kw.is_empty() => {
                let list: Vec<String> =
                    missing.iter().map(|&i| format!("'{}'", names[i])).collect();
                format!(
                    "{name}() missing {} required positional argument{}: {}",
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    join_names(&list)
                )
            }
            _ => takes_message(name, required, fixed, pos.len()),
        }));
    }
    Ok(Bound {
        slots: std::borrow::Cow::Owned(slots),
        rest,
    })
}

/// `f() takes 3 positional arguments but 2 were given` (CPython's wording).
fn takes_message(name: &str, required: usize, fixed: usize, given: usize) -> String {
    let takes = if required == fixed {
        format!("{fixed}")
    } else {
        format!("from {required} to {fixed}")
    };
    let plural = if fixed == 1 && required == fixed {
        ""
    } else {
        "s"
    };
    let were = if given == 1 { "was" } else { "were" };
    format!("{name}() takes {takes} positional argument{plural} but {given} {were} given")
}

fn join_names(list: &[String]) -> String {
    match list {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

/// Convert parameter `i` (0-based, not counting a receiver) of a bound call.
pub fn extract<T: FromValue>(
    vm: &mut Vm,
    sig: &Signature,
    i: usize,
    b: &Bound,
) -> Result<T, PyErr> {
    let r = match T::KIND {
        ParamKind::Rest => T::from_rest(vm, b.rest),
        _ => match b
            .slots
            .get(i)
            .copied()
            .filter(|v| !matches!(v, Value::Undef))
        {
            Some(v) => T::from_value(vm, v),
            None => match T::missing() {
                Some(m) => Ok(m),
                None => {
                    return Err(exc::type_error(format!(
                        "{}() missing an argument",
                        sig.name
                    )))
                }
            },
        },
    };
    r.map_err(|e| arg_error(vm, sig, i, b, e))
}

fn arg_error(vm: &mut Vm, sig: &Signature, i: usize, b: &Bound, e: ArgError) -> PyErr {
    match e {
        ArgError::Err(e) => e,
        ArgError::Expected(what) => {
            let v = b
                .slots
                .get(i)
                .copied()
                .filter(|v| !matches!(v, Value::Undef))
                .or(b.rest.first().copied());
            let actual = v.map(|v| vm.type_name(v)).unwrap_or_else(|| "None".into());
            let which = match sig.names.as_ref().and_then(|n| n.get(i)) {
                Some(n) => format!("argument '{n}'"),
                None => format!("argument {}", i + 1),
            };
            exc::type_error(format!(
                "{}() {which} must be {what}, not {actual}",
                sig.name
            ))
        }
    }
}

/// A Rust function or closure that scripts can call. Implemented for `Fn(A, B, ...) -> R`
/// and `Fn(&mut Vm, A, B, ...) -> R` with up to 8 arguments convertible by [`FromValue`] and
/// a result convertible by [`IntoValue`] (`Result<T, PyErr>` raises the error).
pub trait NativeFunction<Marker>: Send + Sync + 'static {
    fn kinds() -> Vec<ParamKind>;
    fn invoke(&self, vm: &mut Vm, sig: &Signature, b: &Bound) -> PyResult<Value>;
}

/// Marker for functions that take the VM as their first parameter.
pub struct WithVm;

macro_rules! native_functions {
    ($($P:ident $i:tt),*) => {
        impl<F, R, $($P,)*> NativeFunction<fn($($P,)*) -> R> for F
        where
            F: Fn($($P),*) -> R + Send + Sync + 'static,
            R: IntoValue,
            $($P: FromValue,)*
        {
            fn kinds() -> Vec<ParamKind> {
                vec![$($P::KIND),*]
            }

            #[allow(unused_variables)]
            fn invoke(&self, vm: &mut Vm, sig: &Signature, b: &Bound) -> PyResult<Value> {
                (self)($(extract::<$P>(vm, sig, $i, b)?),*).into_value(vm)
            }
        }

        impl<F, R, $($P,)*> NativeFunction<(WithVm, fn($($P,)*) -> R)> for F
        where
            F: Fn(&mut Vm, $($P),*) -> R + Send + Sync + 'static,
            R: IntoValue,
            $($P: FromValue,)*
        {
            fn kinds() -> Vec<ParamKind> {
                vec![$($P::KIND),*]
            }

            #[allow(unused_variables)]
            fn invoke(&self, vm: &mut Vm, sig: &Signature, b: &Bound) -> PyResult<Value> {
                $(let $P = extract::<$P>(vm, sig, $i, b)?;)*
                (self)(vm, $($P),*).into_value(vm)
            }
        }
    };
}

#[allow(non_snake_case)]
mod impls {
    use super::*;
    native_functions!();
    native_functions!(A 0);
    native_functions!(A 0, B 1);
    native_functions!(A 0, B 1, C 2);
    native_functions!(A 0, B 1, C 2, D 3);
    native_functions!(A 0, B 1, C 2, D 3, E 4);
    native_functions!(A 0, B 1, C 2, D 3, E 4, G 5);
    native_functions!(A 0, B 1, C 2, D 3, E 4, G 5, H 6);
    native_functions!(A 0, B 1, C 2, D 3, E 4, G 5, H 6, I 7);
}

/// A typed Rust function with its signature and parameter shape.
struct Typed<M, F> {
    f: F,
    sig: Signature,
    shape: Shape,
    _marker: std::marker::PhantomData<fn() -> M>,
}

impl<M, F: NativeFunction<M>> Typed<M, F> {
    fn run(&self, vm: &mut Vm, pos: &[Value], kw: &[(ObjRef, Value)]) -> PyResult<Value> {
        let b = bind(vm, &self.sig, &self.shape, pos, kw, 0)?;
        self.f.invoke(vm, &self.sig, &b)
    }
}

impl<M, F: NativeFunction<M>> NativeCallable for Typed<M, F> {
    fn call(&self, vm: &mut Vm, args: Args) -> PyResult<Value> {
        self.run(vm, &args.pos, &args.kw)
    }

    fn call_pos(&self, vm: &mut Vm, pos: &[Value]) -> PyResult<Value> {
        self.run(vm, pos, &[])
    }
}

/// Wrap `f` as the VM's native closure type.
pub fn closure<M: 'static, F: NativeFunction<M>>(
    f: F,
    sig: Signature,
) -> crate::object::NativeClosure {
    Arc::new(Typed {
        shape: Shape::new(F::kinds()),
        f,
        sig,
        _marker: std::marker::PhantomData,
    })
}
