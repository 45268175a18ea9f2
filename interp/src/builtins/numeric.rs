//! Dunder methods of `int`, `bool` and `float` as attributes (`(1).__add__(2)`, `int.__lt__`),
//! for code that calls them directly or through `super()`. The operators themselves take
//! faster paths in the eval loop.

use crate::code::{BinaryOp, CompareOp, UnaryOp};
use crate::object::{Args, NativeFnPtr};
use crate::value::Value;
use crate::vm::exc;
use crate::vm::ops::Num;
use crate::vm::{PyResult, Vm};

/// Operands an `int` method accepts (ints and bools), or a `float` method (numbers).
fn accepts(vm: &Vm, float_method: bool, v: Value) -> bool {
    match vm.num(v) {
        Some(Num::F(_)) => float_method,
        Some(_) => true,
        None => false,
    }
}

fn receiver(vm: &Vm, a: &Args, name: &str) -> PyResult<Value> {
    a.pos
        .first()
        .map(|&v| vm.unwrap_base(v))
        .ok_or_else(|| exc::type_error(format!("descriptor '{name}' needs an argument")))
}

fn binary(vm: &mut Vm, a: Args, op: BinaryOp, reflected: bool, name: &str) -> PyResult<Value> {
    let me = receiver(vm, &a, name)?;
    let Some(&other) = a.pos.get(1) else {
        return Err(exc::type_error("expected 1 argument, got 0"));
    };
    let float_method = matches!(me, Value::Float(_));
    if !accepts(vm, float_method, other) || vm.is_instance_like(other) {
        return Ok(vm.not_implemented());
    }
    let (x, y) = if reflected { (other, me) } else { (me, other) };
    vm.binary_op(x, y, op, false)
}

fn compare(vm: &mut Vm, a: Args, op: CompareOp, name: &str) -> PyResult<Value> {
    let me = receiver(vm, &a, name)?;
    let Some(&other) = a.pos.get(1) else {
        return Err(exc::type_error("expected 1 argument, got 0"));
    };
    if vm.num(other).is_none() || vm.is_instance_like(other) {
        return Ok(vm.not_implemented());
    }
    vm.compare(me, other, op)
}

fn unary(vm: &mut Vm, a: Args, op: UnaryOp, name: &str) -> PyResult<Value> {
    let me = receiver(vm, &a, name)?;
    vm.unary_op(op, me)
}

macro_rules! binops {
    ($($f:ident, $rf:ident, $op:ident, $n:literal, $rn:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> { binary(vm, a, BinaryOp::$op, false, $n) }
            fn $rf(vm: &mut Vm, a: Args) -> PyResult<Value> { binary(vm, a, BinaryOp::$op, true, $rn) }
        )*
        const ARITH: &[(&str, NativeFnPtr)] = &[$(($n, $f), ($rn, $rf)),*];
    };
}

binops! {
    add, radd, Add, "__add__", "__radd__";
    sub, rsub, Sub, "__sub__", "__rsub__";
    mul, rmul, Mul, "__mul__", "__rmul__";
    truediv, rtruediv, TrueDiv, "__truediv__", "__rtruediv__";
    floordiv, rfloordiv, FloorDiv, "__floordiv__", "__rfloordiv__";
    modulo, rmodulo, Mod, "__mod__", "__rmod__";
    power, rpower, Pow, "__pow__", "__rpow__";
}

macro_rules! intops {
    ($($f:ident, $rf:ident, $op:ident, $n:literal, $rn:literal;)*) => {
        $(
            fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> { binary(vm, a, BinaryOp::$op, false, $n) }
            fn $rf(vm: &mut Vm, a: Args) -> PyResult<Value> { binary(vm, a, BinaryOp::$op, true, $rn) }
        )*
        const BITS: &[(&str, NativeFnPtr)] = &[$(($n, $f), ($rn, $rf)),*];
    };
}

intops! {
    and, rand, And, "__and__", "__rand__";
    or, ror, Or, "__or__", "__ror__";
    xor, rxor, Xor, "__xor__", "__rxor__";
    lshift, rlshift, LShift, "__lshift__", "__rlshift__";
    rshift, rrshift, RShift, "__rshift__", "__rrshift__";
}

macro_rules! cmpops {
    ($($f:ident, $op:ident, $n:literal;)*) => {
        $( fn $f(vm: &mut Vm, a: Args) -> PyResult<Value> { compare(vm, a, CompareOp::$op, $n) } )*
        const CMP: &[(&str, NativeFnPtr)] = &[$(($n, $f)),*];
    };
}

cmpops! {
    lt, Lt, "__lt__";
    le, Le, "__le__";
    gt, Gt, "__gt__";
    ge, Ge, "__ge__";
    eq, Eq, "__eq__";
    ne, Ne, "__ne__";
}

fn neg(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, a, UnaryOp::Neg, "__neg__")
}

fn pos(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, a, UnaryOp::Pos, "__pos__")
}

fn invert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    unary(vm, a, UnaryOp::Invert, "__invert__")
}

fn abs_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(vm, &a, "__abs__")?;
    let abs = vm.intern("abs");
    let f = vm.load_global(vm.module_dict(vm.builtins), abs)?;
    vm.call(f, &[me])
}

fn bool_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(vm, &a, "__bool__")?;
    Ok(Value::Bool(vm.truthy(me)?))
}

fn float_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(vm, &a, "__float__")?;
    super::to_float(vm, me)
}

fn int_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(vm, &a, "__int__")?;
    super::to_int(vm, me)
}

fn repr_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(vm, &a, "__repr__")?;
    let s = vm.repr_value(me)?;
    Ok(vm.new_str(s))
}

fn hash_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(vm, &a, "__hash__")?;
    Ok(Value::Int(vm.hash_value(me)?))
}

fn format_(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let me = receiver(vm, &a, "__format__")?;
    let spec = a
        .pos
        .get(1)
        .and_then(|&s| vm.as_str(s).map(|x| x.to_string()))
        .unwrap_or_default();
    let s = vm.format_value(me, &spec)?;
    Ok(vm.new_str(s))
}

pub fn install(vm: &mut Vm) {
    let common: &[(&str, NativeFnPtr)] = &[
        ("__neg__", neg),
        ("__pos__", pos),
        ("__abs__", abs_),
        ("__bool__", bool_),
        ("__float__", float_),
        ("__int__", int_),
        ("__repr__", repr_),
        ("__hash__", hash_),
        ("__format__", format_),
    ];
    for cls in [vm.types.int, vm.types.float] {
        for &(n, f) in ARITH.iter().chain(CMP).chain(common) {
            vm.add_method(cls, n, f);
        }
    }
    let int = vm.types.int;
    for &(n, f) in BITS {
        vm.add_method(int, n, f);
    }
    vm.add_method(int, "__invert__", invert);
}
