//! Conversions between Rust values and script values: [`FromValue`] for arguments,
//! [`IntoValue`] for results.

use super::{NativeData, NativeType};
use crate::object::Obj;
use crate::value::{ObjRef, Value};
use crate::vm::exc;
use crate::vm::{ExcKind, PyErr, PyResult, Vm};
use indexmap::IndexMap;
use std::collections::HashMap;
use std::hash::Hash;

/// Why an argument did not convert.
#[derive(Debug)]
pub enum ArgError {
    /// Wrong type: the message says "must be {expected}, not {actual type}".
    Expected(&'static str),
    /// Right type, bad value (OverflowError for an int out of range, ...).
    Err(PyErr),
}

impl From<PyErr> for ArgError {
    fn from(e: PyErr) -> Self {
        ArgError::Err(e)
    }
}

/// How a parameter binds: a plain parameter, an optional one (`Option<T>`: may be left out),
/// or the rest of the positional arguments ([`Rest<T>`], like `*args`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    Required,
    Optional,
    Rest,
}

/// A Rust type a script value converts into (function arguments, call results).
pub trait FromValue: Sized {
    const KIND: ParamKind = ParamKind::Required;

    fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError>;

    /// A left-out optional argument.
    fn missing() -> Option<Self> {
        None
    }

    /// The remaining positional arguments (only for [`ParamKind::Rest`] types).
    fn from_rest(_vm: &mut Vm, _rest: &[Value]) -> Result<Self, ArgError> {
        Err(ArgError::Expected("a rest parameter"))
    }
}

/// A Rust value that becomes a script value. `Result<T, E>` converts its error into the
/// script exception `E` describes (see [`PyErr::new`]).
pub trait IntoValue {
    fn into_value(self, vm: &mut Vm) -> PyResult<Value>;
}

/// The remaining positional arguments of a native function, like `*args`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rest<T>(pub Vec<T>);

// ----- scalars -----

impl FromValue for Value {
    fn from_value(_vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
        Ok(v)
    }
}

impl IntoValue for Value {
    fn into_value(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(self)
    }
}

impl IntoValue for () {
    fn into_value(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(Value::None)
    }
}

impl FromValue for bool {
    fn from_value(_vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
        match v {
            Value::Bool(b) => Ok(b),
            _ => Err(ArgError::Expected("bool")),
        }
    }
}

impl IntoValue for bool {
    fn into_value(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(Value::Bool(self))
    }
}

/// An int argument as an i128 (wide enough to range-check every Rust integer type).
fn int_arg(vm: &mut Vm, v: Value) -> Result<i128, ArgError> {
    match v {
        Value::Int(i) => Ok(i as i128),
        Value::Bool(b) => Ok(b as i128),
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::BigInt(b) => Ok(i128::try_from(b).unwrap_or(
                if b.sign() == num_bigint::Sign::Minus {
                    i128::MIN
                } else {
                    i128::MAX
                },
            )),
            Obj::Instance(_) => {
                // Subclasses of int, and objects with __index__.
                let ix = vm.names.__index__;
                match vm.call_dunder(v, ix, &[])? {
                    Some(Value::Int(i)) => Ok(i as i128),
                    _ => Err(ArgError::Expected("int")),
                }
            }
            _ => Err(ArgError::Expected("int")),
        },
        _ => Err(ArgError::Expected("int")),
    }
}

macro_rules! int_conversions {
    ($($t:ty),*) => {$(
        impl FromValue for $t {
            fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
                let i = int_arg(vm, v)?;
                <$t>::try_from(i).map_err(|_| {
                    let msg = if i < 0 && <$t>::MIN == 0 {
                        "can't convert negative int to unsigned".to_string()
                    } else {
                        format!("Python int too large to convert to Rust {}", stringify!($t))
                    };
                    ArgError::Err(PyErr::new(ExcKind::OverflowError, msg))
                })
            }
        }

        impl IntoValue for $t {
            fn into_value(self, vm: &mut Vm) -> PyResult<Value> {
                Ok(match i64::try_from(self) {
                    Ok(i) => Value::Int(i),
                    Err(_) => vm.int_from_big(num_bigint::BigInt::from(self)),
                })
            }
        }
    )*};
}

int_conversions!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, i128, u128);

impl FromValue for f64 {
    fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
        match v {
            Value::Float(f) => Ok(f),
            Value::Int(i) => Ok(i as f64),
            Value::Bool(b) => Ok(b as u8 as f64),
            Value::Obj(r) if matches!(vm.heap.get(r), Obj::BigInt(_)) => {
                match crate::builtins::to_float(vm, v)? {
                    Value::Float(f) => Ok(f),
                    _ => Err(ArgError::Expected("float")),
                }
            }
            Value::Obj(r) if matches!(vm.heap.get(r), Obj::Instance(_)) => {
                let fl = vm.intern("__float__");
                match vm.call_dunder(v, fl, &[])? {
                    Some(Value::Float(f)) => Ok(f),
                    _ => Err(ArgError::Expected("float")),
                }
            }
            _ => Err(ArgError::Expected("float")),
        }
    }
}

impl IntoValue for f64 {
    fn into_value(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(Value::Float(self))
    }
}

impl FromValue for f32 {
    fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
        f64::from_value(vm, v).map(|f| f as f32)
    }
}

impl IntoValue for f32 {
    fn into_value(self, _vm: &mut Vm) -> PyResult<Value> {
        Ok(Value::Float(self as f64))
    }
}

impl FromValue for String {
    fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
        vm.as_str(v)
            .map(str::to_string)
            .ok_or(ArgError::Expected("str"))
    }
}

impl IntoValue for String {
    fn into_value(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(vm.new_str(self))
    }
}

impl IntoValue for &str {
    fn into_value(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(vm.new_str(self))
    }
}

// ----- containers -----

impl<T: FromValue> FromValue for Option<T> {
    const KIND: ParamKind = ParamKind::Optional;

    fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
        if v.is_none() {
            Ok(None)
        } else {
            T::from_value(vm, v).map(Some)
        }
    }

    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: IntoValue> IntoValue for Option<T> {
    fn into_value(self, vm: &mut Vm) -> PyResult<Value> {
        match self {
            Some(v) => v.into_value(vm),
            None => Ok(Value::None),
        }
    }
}

impl<T: IntoValue, E: Into<PyErr>> IntoValue for Result<T, E> {
    fn into_value(self, vm: &mut Vm) -> PyResult<Value> {
        match self {
            Ok(v) => v.into_value(vm),
            Err(e) => Err(e.into()),
        }
    }
}

impl<T: FromValue> FromValue for Rest<T> {
    const KIND: ParamKind = ParamKind::Rest;

    fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
        Self::from_rest(vm, &[v])
    }

    fn from_rest(vm: &mut Vm, rest: &[Value]) -> Result<Self, ArgError> {
        rest.iter()
            .map(|&v| T::from_value(vm, v))
            .collect::<Result<Vec<_>, _>>()
            .map(Rest)
    }
}

/// The items of a list or tuple (other iterables are converted too, like `list(x)`).
fn sequence_items(vm: &mut Vm, v: Value, what: &'static str) -> Result<Vec<Value>, ArgError> {
    if let Value::Obj(r) = v {
        match vm.heap.get(r) {
            Obj::List(items) | Obj::Tuple(items) => return Ok(items.clone()),
            Obj::Str(_) | Obj::Dict(_) => return Err(ArgError::Expected(what)),
            _ => {}
        }
        return vm.iterate(v).map_err(|_| ArgError::Expected(what));
    }
    Err(ArgError::Expected(what))
}

impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
        let items = sequence_items(vm, v, "list")?;
        items.into_iter().map(|x| T::from_value(vm, x)).collect()
    }
}

impl<T: IntoValue> IntoValue for Vec<T> {
    fn into_value(self, vm: &mut Vm) -> PyResult<Value> {
        let items = self
            .into_iter()
            .map(|x| x.into_value(vm))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(vm.new_list(items))
    }
}

macro_rules! tuple_conversions {
    ($n:literal; $($T:ident $i:tt),*) => {
        impl<$($T: FromValue),*> FromValue for ($($T,)*) {
            fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
                let items = sequence_items(vm, v, "tuple")?;
                if items.len() != $n {
                    return Err(ArgError::Err(exc::value_error(format!(
                        "expected a sequence of {} items, got {}",
                        $n,
                        items.len()
                    ))));
                }
                Ok(($($T::from_value(vm, items[$i])?,)*))
            }
        }

        impl<$($T: IntoValue),*> IntoValue for ($($T,)*) {
            fn into_value(self, vm: &mut Vm) -> PyResult<Value> {
                let items = vec![$(self.$i.into_value(vm)?),*];
                Ok(vm.new_tuple(items))
            }
        }
    };
}

tuple_conversions!(1; A 0);
tuple_conversions!(2; A 0, B 1);
tuple_conversions!(3; A 0, B 1, C 2);
tuple_conversions!(4; A 0, B 1, C 2, D 3);
tuple_conversions!(5; A 0, B 1, C 2, D 3, E 4);
tuple_conversions!(6; A 0, B 1, C 2, D 3, E 4, F 5);

/// Key/value pairs of a dict argument, in insertion order.
impl Vm {
    /// The (key, value) pairs of a dict, in order; None when `v` is not a dict.
    pub fn dict_pairs(&self, v: Value) -> Option<Vec<(Value, Value)>> {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Dict(d) => Some(d.iter().map(|e| (e.key, e.value)).collect()),
                _ => None,
            },
            _ => None,
        }
    }
}

fn dict_items(vm: &mut Vm, v: Value) -> Result<Vec<(Value, Value)>, ArgError> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Dict(d) => Ok(d.iter().map(|e| (e.key, e.value)).collect()),
            _ => Err(ArgError::Expected("dict")),
        },
        _ => Err(ArgError::Expected("dict")),
    }
}

fn build_dict(vm: &mut Vm, pairs: Vec<(Value, Value)>) -> PyResult<Value> {
    let d = vm.new_dict_ref();
    for (k, v) in pairs {
        vm.dict_set(d, k, v)?;
    }
    Ok(Value::Obj(d))
}

impl<K: FromValue + Eq + Hash, V: FromValue, S: std::hash::BuildHasher + Default> FromValue
    for HashMap<K, V, S>
{
    fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
        let mut out = HashMap::with_hasher(S::default());
        for (k, v) in dict_items(vm, v)? {
            out.insert(K::from_value(vm, k)?, V::from_value(vm, v)?);
        }
        Ok(out)
    }
}

impl<K: IntoValue, V: IntoValue, S> IntoValue for HashMap<K, V, S> {
    fn into_value(self, vm: &mut Vm) -> PyResult<Value> {
        let pairs = self
            .into_iter()
            .map(|(k, v)| Ok((k.into_value(vm)?, v.into_value(vm)?)))
            .collect::<PyResult<Vec<_>>>()?;
        build_dict(vm, pairs)
    }
}

impl<K: FromValue + Eq + Hash, V: FromValue> FromValue for IndexMap<K, V> {
    fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
        let mut out = IndexMap::new();
        for (k, v) in dict_items(vm, v)? {
            out.insert(K::from_value(vm, k)?, V::from_value(vm, v)?);
        }
        Ok(out)
    }
}

impl<K: IntoValue, V: IntoValue> IntoValue for IndexMap<K, V> {
    fn into_value(self, vm: &mut Vm) -> PyResult<Value> {
        let pairs = self
            .into_iter()
            .map(|(k, v)| Ok((k.into_value(vm)?, v.into_value(vm)?)))
            .collect::<PyResult<Vec<_>>>()?;
        build_dict(vm, pairs)
    }
}

// ----- native types -----

/// A native value by value: the argument is copied out of the script object.
impl<T: NativeType + Clone> FromValue for T {
    fn from_value(vm: &mut Vm, v: Value) -> Result<Self, ArgError> {
        match v {
            Value::Obj(r) => native_ref::<T>(vm, r)
                .cloned()
                .ok_or(ArgError::Expected(T::NAME)),
            _ => Err(ArgError::Expected(T::NAME)),
        }
    }
}

/// A native value becomes a new script object of its registered class.
impl<T: NativeType> IntoValue for T {
    fn into_value(self, vm: &mut Vm) -> PyResult<Value> {
        vm.new_native_object(self).map(Value::Obj)
    }
}

/// The native value inside object `r`, if it is a `T`.
pub fn native_ref<T: NativeType>(vm: &Vm, r: ObjRef) -> Option<&T> {
    match vm.heap.get(r) {
        Obj::Instance(i) => {
            // Upcast to `dyn Any` (no call) and downcast: one call through the vtable where
            // `as_any` made two. Natives read their receivers this way on every call.
            let n: &dyn std::any::Any = &**i.native.as_deref()?;
            n.downcast_ref::<T>()
        }
        _ => None,
    }
}

/// The native value inside object `r`, mutably, if it is a `T`.
pub fn native_mut<T: NativeType>(vm: &mut Vm, r: ObjRef) -> Option<&mut T> {
    match vm.heap.get_mut(r) {
        Obj::Instance(i) => i
            .native
            .as_deref_mut()
            .and_then(|n| NativeData::as_any_mut(&mut **n).downcast_mut::<T>()),
        _ => None,
    }
}
