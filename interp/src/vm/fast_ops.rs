//! Arithmetic and comparisons on unboxed ints and floats, for the eval loop to try before the
//! generic operator protocol. Each case gives exactly CPython's result; anything that could
//! overflow, raise, or needs Python's big ints returns None and takes the slow path.

use crate::code::{BinaryOp, CompareOp};
use crate::value::Value;
use num_integer::Integer;

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
        (Value::Int(x), Value::Int(y)) => int_op(x, y, op),
        (Value::Float(x), Value::Float(y)) => float_binary(x, y, op),
        (Value::Int(x), Value::Float(y)) => float_binary(exact_f64(x)?, y, op),
        (Value::Float(x), Value::Int(y)) => float_binary(x, exact_f64(y)?, op),
        _ => None,
    }
}

/// Small-int arithmetic that stays small; None when the result needs a big int (or is an
/// error or float the slow path produces).
#[inline]
pub fn int_op(x: i64, y: i64, op: BinaryOp) -> Option<Value> {
    Some(Value::Int(match op {
        BinaryOp::Add => x.checked_add(y)?,
        BinaryOp::Sub => x.checked_sub(y)?,
        BinaryOp::Mul => x.checked_mul(y)?,
        BinaryOp::FloorDiv => {
            if y == 0 || (x == i64::MIN && y == -1) {
                return None;
            }
            Integer::div_floor(&x, &y)
        }
        BinaryOp::Mod => {
            if y == 0 || (x == i64::MIN && y == -1) {
                return None;
            }
            Integer::mod_floor(&x, &y)
        }
        BinaryOp::TrueDiv => {
            if y == 0 || x.unsigned_abs() >= (1 << 53) || y.unsigned_abs() >= (1 << 53) {
                return None;
            }
            return Some(Value::Float(x as f64 / y as f64));
        }
        BinaryOp::And => x & y,
        BinaryOp::Or => x | y,
        BinaryOp::Xor => x ^ y,
        BinaryOp::LShift => {
            if !(0..64).contains(&y) {
                return None;
            }
            let r = x.checked_shl(y as u32)?;
            if (r >> y) != x {
                return None;
            }
            r
        }
        BinaryOp::RShift => {
            if y < 0 {
                return None;
            }
            if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }
        }
        BinaryOp::Pow => {
            if y < 0 {
                return None;
            }
            let e = u32::try_from(y).ok()?;
            x.checked_pow(e)?
        }
        BinaryOp::MatMul => return None,
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
        (Value::Int(x), Value::Int(y)) => Some(super::ops::cmp_ord(x.cmp(&y), op)),
        (Value::Float(x), Value::Float(y)) => Some(float_cmp(x, y, op)),
        (Value::Int(x), Value::Float(y)) => Some(float_cmp(exact_f64(x)?, y, op)),
        (Value::Float(x), Value::Int(y)) => Some(float_cmp(x, exact_f64(y)?, op)),
        _ => None,
    }
}

/// IEEE comparisons are Python's for floats (NaN compares unequal to everything).
#[inline]
pub fn float_cmp(x: f64, y: f64, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => x < y,
        CompareOp::Le => x <= y,
        CompareOp::Eq => x == y,
        CompareOp::Ne => x != y,
        CompareOp::Gt => x > y,
        CompareOp::Ge => x >= y,
    }
}
