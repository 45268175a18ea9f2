//! Arithmetic and comparisons on unboxed ints and floats, for the eval loop to try before the
//! generic operator protocol. Each case gives exactly CPython's result; anything that could
//! overflow, raise, or needs Python's big ints returns None and takes the slow path.

use crate::code::{BinaryOp, CompareOp};
use crate::value::Value;

/// Ints up to 2**53 convert to float exactly, so mixed comparisons and arithmetic agree with
/// CPython's exact int/float rules.
const EXACT: i64 = 1 << 53;

#[inline(always)]
fn exact_f64(i: i64) -> Option<f64> {
    (-EXACT..=EXACT).contains(&i).then_some(i as f64)
}

#[inline(always)]
pub fn binary(a: Value, b: Value, op: BinaryOp) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_binary(x, y, op),
        (Value::Float(x), Value::Float(y)) => float_binary(x, y, op),
        (Value::Int(x), Value::Float(y)) => float_binary(exact_f64(x)?, y, op),
        (Value::Float(x), Value::Int(y)) => float_binary(x, exact_f64(y)?, op),
        _ => None,
    }
}

#[inline(always)]
fn int_binary(x: i64, y: i64, op: BinaryOp) -> Option<Value> {
    Some(Value::Int(match op {
        BinaryOp::Add => x.checked_add(y)?,
        BinaryOp::Sub => x.checked_sub(y)?,
        BinaryOp::Mul => x.checked_mul(y)?,
        BinaryOp::FloorDiv | BinaryOp::Mod => {
            let q = x.checked_div(y)?;
            let r = x.checked_rem(y)?;
            // Python rounds toward negative infinity: the remainder takes the divisor's sign.
            let (q, r) = if r != 0 && ((r < 0) != (y < 0)) {
                (q - 1, r + y)
            } else {
                (q, r)
            };
            if op == BinaryOp::Mod {
                r
            } else {
                q
            }
        }
        BinaryOp::TrueDiv => {
            if y == 0 {
                return None;
            }
            return Some(Value::Float(exact_f64(x)? / exact_f64(y)?));
        }
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        BinaryOp::RShift if (0..64).contains(&y) => x >> y,
        BinaryOp::LShift if (0..63).contains(&y) => {
            let r = x << y;
            if r >> y != x {
                return None;
            }
            r
        }
        _ => return None,
    }))
}

#[inline(always)]
fn float_binary(x: f64, y: f64, op: BinaryOp) -> Option<Value> {
    Some(Value::Float(match op {
        BinaryOp::Add => x + y,
        BinaryOp::Sub => x - y,
        BinaryOp::Mul => x * y,
        BinaryOp::TrueDiv if y != 0.0 => x / y,
        _ => return None,
    }))
}

#[inline(always)]
pub fn compare(a: Value, b: Value, op: CompareOp) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(cmp(x, y, op)),
        (Value::Float(x), Value::Float(y)) => Some(fcmp(x, y, op)),
        (Value::Int(x), Value::Float(y)) => Some(fcmp(exact_f64(x)?, y, op)),
        (Value::Float(x), Value::Int(y)) => Some(fcmp(x, exact_f64(y)?, op)),
        _ => None,
    }
}

#[inline(always)]
fn cmp(x: i64, y: i64, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => x < y,
        CompareOp::Le => x <= y,
        CompareOp::Eq => x == y,
        CompareOp::Ne => x != y,
        CompareOp::Gt => x > y,
        CompareOp::Ge => x >= y,
    }
}

/// IEEE comparisons are Python's for floats (NaN compares unequal to everything).
#[inline(always)]
fn fcmp(x: f64, y: f64, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => x < y,
        CompareOp::Le => x <= y,
        CompareOp::Eq => x == y,
        CompareOp::Ne => x != y,
        CompareOp::Gt => x > y,
        CompareOp::Ge => x >= y,
    }
}
