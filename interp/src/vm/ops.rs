//! Operators: truth, hashing, equality, arithmetic, comparison, containment, subscripts.
//!
//! Small ints, floats and strs take fast paths; everything else goes through the dunder
//! protocol with CPython's reflected-operand rules.

use crate::code::{BinaryOp, CompareOp, UnaryOp};
use crate::object::Obj;
use crate::value::{ObjRef, Triple, Value};
use crate::vm::exc::{self, ExcKind, PyErr};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

const HASH_MODULUS: u64 = (1 << 61) - 1;
const HASH_INF: i64 = 314159;

/// CPython's str hash with hash randomisation off (`PYTHONHASHSEED=0`): SipHash-1-3 with a
/// zero key over the PEP 393 representation (1, 2 or 4 bytes per char). Matching it makes
/// sets of strings iterate in CPython's order; scripts cannot rely on more than that.
pub fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    // ASCII text is its own one-byte representation: hashed in place, no copy.
    if s.is_ascii() {
        return fix_hash(siphash13(s.as_bytes()) as i64);
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let h = if max < 0x100 {
        let data: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
        siphash13(&data)
    } else if max < 0x10000 {
        let data: Vec<u8> = s
            .chars()
            .flat_map(|c| (c as u32 as u16).to_le_bytes())
            .collect();
        siphash13(&data)
    } else {
        let data: Vec<u8> = s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
        siphash13(&data)
    };
    fix_hash(h as i64)
}

/// `hash(bytes)`, as CPython computes it with a zero hash key.
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    fix_hash(siphash13(b) as i64)
}

fn fix_hash(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

fn siphash13(data: &[u8]) -> u64 {
    let (k0, k1) = (0u64, 0u64);
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    macro_rules! half_round {
        ($a:ident, $b:ident, $c:ident, $d:ident, $s:expr, $t:expr) => {
            $a = $a.wrapping_add($b);
            $c = $c.wrapping_add($d);
            $b = $b.rotate_left($s) ^ $a;
            $d = $d.rotate_left($t) ^ $c;
            $a = $a.rotate_left(32);
        };
    }
    macro_rules! round {
        () => {
            half_round!(v0, v1, v2, v3, 13, 16);
            half_round!(v2, v1, v0, v3, 17, 21);
        };
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let m = u64::from_le_bytes(w);
        v3 ^= m;
        round!();
        v0 ^= m;
    }
    let mut t = [0u8; 8];
    let rest = chunks.remainder();
    t[..rest.len()].copy_from_slice(rest);
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(t);
    v3 ^= b;
    round!();
    v0 ^= b;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    (v0 ^ v1) ^ (v2 ^ v3)
}

/// CPython's hash of an int: the value modulo 2**61 - 1, keeping the sign.
pub fn hash_i64(i: i64) -> i64 {
    let neg = i < 0;
    let m = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if neg { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// CPython's `_Py_HashDouble` (NaN hashes by identity there; we use 0).
pub fn hash_f64(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if v.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & HASH_MODULUS) | (x >> (61 - e));
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || v.is_nan() || v.is_infinite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// CPython 3.11's tuple hash (xxHash-based).
pub fn hash_tuple(items: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// A numeric view of a value.
pub enum Num<'a> {
    I(i64),
    B(&'a BigInt),
    F(f64),
}

impl Vm {
    pub fn num(&self, v: Value) -> Option<Num<'_>> {
        match v {
            Value::Int(i) => Some(Num::I(i)),
            Value::Bool(b) => Some(Num::I(b as i64)),
            Value::Float(f) => Some(Num::F(f)),
            Value::Obj(r) => match self.heap.get(r) {
                Obj::BigInt(b) => Some(Num::B(b)),
                Obj::Instance(i) if !matches!(i.base, Value::Undef) => {
                    if matches!(i.base, Value::Int(_) | Value::Float(_) | Value::Bool(_)) {
                        self.num(i.base)
                    } else {
                        None
                    }
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// An int (or bool) value as BigInt.
    pub fn to_bigint(&self, v: Value) -> Option<BigInt> {
        match self.num(v)? {
            Num::I(i) => Some(BigInt::from(i)),
            Num::B(b) => Some(b.clone()),
            Num::F(_) => None,
        }
    }

    /// Normalise a BigInt result: small values become immediate ints.
    pub fn int_from_big(&mut self, b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::Obj(self.heap.alloc(Obj::BigInt(b))),
        }
    }

    pub fn is_int(&self, v: Value) -> bool {
        matches!(self.num(v), Some(Num::I(_) | Num::B(_)))
    }

    // ----- truth -----

    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        if let Value::Obj(r) = v {
            if matches!(self.heap.get(r), Obj::Class(_)) {
                let b = self.intern("__bool__");
                if let Some(res) = self.meta_dunder(v, b, &[])? {
                    return self.truthy(res);
                }
                let l = self.names.__len__;
                if let Some(res) = self.meta_dunder(v, l, &[])? {
                    return Ok(self.index_value(res)? != 0);
                }
            }
        }
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => b,
            Value::Int(i) => i != 0,
            Value::Float(f) => f != 0.0,
            Value::Undef => false,
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(s) => !s.s.is_empty(),
                Obj::List(xs) | Obj::Tuple(xs) => !xs.is_empty(),
                Obj::Dict(d) => !d.is_empty(),
                Obj::Set(s) | Obj::FrozenSet(s) => !s.is_empty(),
                Obj::BigInt(b) => !b.is_zero(),
                Obj::Bytes(b) | Obj::ByteArray(b) => !b.is_empty(),
                Obj::Complex(a, b) => *a != 0.0 || *b != 0.0,
                Obj::Range(_) => self.range_len(r)? != 0,
                Obj::Instance(_) => return self.instance_truthy(v),
                Obj::DictView(d, _) => match self.heap.get(*d) {
                    Obj::Dict(d) => !d.is_empty(),
                    _ => true,
                },
                _ => true,
            },
        })
    }

    fn instance_truthy(&mut self, v: Value) -> PyResult<bool> {
        let b = self.names.__bool__;
        if let Some(r) = self.call_dunder(v, b, &[])? {
            return match r {
                Value::Bool(b) => Ok(b),
                _ => {
                    let t = self.type_name(r);
                    Err(exc::type_error(format!(
                        "__bool__ should return bool, returned {t}"
                    )))
                }
            };
        }
        let l = self.names.__len__;
        if let Some(r) = self.call_dunder(v, l, &[])? {
            let n = self.index_value(r)?;
            if n < 0 {
                return Err(exc::value_error("__len__() should return >= 0"));
            }
            return Ok(n != 0);
        }
        if let Value::Obj(r) = v {
            if let Obj::Instance(i) = self.heap.get(r) {
                if !matches!(i.base, Value::Undef) {
                    let base = i.base;
                    return self.truthy(base);
                }
            }
        }
        Ok(true)
    }

    // ----- hashing and equality -----

    pub fn hash_value(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::None => Ok(0x5f3759df),
            Value::Bool(b) => Ok(b as i64),
            Value::Int(i) => Ok(hash_i64(i)),
            Value::Float(f) => Ok(if f.fract() == 0.0 && f.abs() < 9.2e18 {
                hash_i64(f as i64)
            } else {
                hash_f64(f)
            }),
            Value::Undef => Ok(0),
            Value::Obj(r) => {
                match self.heap.get(r) {
                    Obj::Str(_) => return Ok(self.str_hash(r)),
                    Obj::BigInt(b) => return Ok(hash_bigint(b)),
                    Obj::Bytes(b) => return Ok(hash_bytes(b)),
                    Obj::Tuple(items) => {
                        let items = items.clone();
                        let mut hs = Vec::with_capacity(items.len());
                        for x in items {
                            hs.push(crate::parser::guard(|| self.hash_value(x))?);
                        }
                        return Ok(hash_tuple(&hs));
                    }
                    Obj::FrozenSet(s) => {
                        // CPython's frozenset hash mixes the element hashes order-independently.
                        let mut hash: u64 = 0;
                        for (_, h) in s.iter() {
                            let h = h as u64;
                            hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
                        }
                        hash ^= (s.len() as u64 + 1).wrapping_mul(1927868237);
                        hash ^= (hash >> 11) ^ (hash >> 25);
                        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
                        let h = hash as i64;
                        return Ok(if h == -1 { 590923713 } else { h });
                    }
                    Obj::Complex(a, b) => {
                        let (a, b) = (*a, *b);
                        let ha = self.hash_value(Value::Float(a))?;
                        let hb = self.hash_value(Value::Float(b))?;
                        let h = ha.wrapping_add(hb.wrapping_mul(1000003));
                        return Ok(if h == -1 { -2 } else { h });
                    }
                    Obj::List(_)
                    | Obj::Dict(_)
                    | Obj::Set(_)
                    | Obj::ByteArray(_)
                    | Obj::DictView(..) => {
                        let t = self.type_name(v);
                        return Err(exc::type_error(format!("unhashable type: '{t}'")));
                    }
                    Obj::Slice(_) => {
                        return Err(exc::type_error("unhashable type: 'slice'"));
                    }
                    Obj::Instance(_) => {}
                    _ => return Ok(hash_i64(r.0 as i64 * 16 + 0x1000)),
                }
                // Instances: __hash__ from the class (None means unhashable).
                let cls = self.class_of(v);
                let h = self.names.__hash__;
                match self.lookup_type_attr(cls, h) {
                    Some(Value::None) => {
                        let t = self.type_name(v);
                        Err(exc::type_error(format!("unhashable type: '{t}'")))
                    }
                    Some(f) if !self.is_builtin_object_slot(f) => {
                        let res = self.call_bound(f, v, &[])?;
                        match self.num(res) {
                            Some(Num::I(i)) => Ok(if i == -1 { -2 } else { i }),
                            Some(Num::B(b)) => Ok(hash_bigint(b)),
                            _ => Err(exc::type_error("__hash__ method should return an integer")),
                        }
                    }
                    _ => {
                        if let Obj::Instance(i) = self.heap.get(r) {
                            if !matches!(i.base, Value::Undef) {
                                let b = i.base;
                                return self.hash_value(b);
                            }
                        }
                        Ok(hash_i64(r.0 as i64 * 16 + 0x1000))
                    }
                }
            }
        }
    }

    /// Is `f` one of `object`'s own slot implementations (so the default behaviour applies)?
    pub fn is_builtin_object_slot(&self, f: Value) -> bool {
        match f {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Native(n) => n.owner == Some(self.types.object),
                _ => false,
            },
            _ => false,
        }
    }

    /// Equality without calling into scripts, when it can be decided that way.
    pub fn fast_eq(&self, a: Value, b: Value) -> Option<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x == y),
            (Value::Float(x), Value::Float(y)) => Some(x == y),
            (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => {
                Some((x as f64) == y && int_float_eq(x, y))
            }
            (Value::Bool(x), Value::Bool(y)) => Some(x == y),
            (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => {
                Some(x as i64 == y)
            }
            (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => {
                Some(x as i64 as f64 == y)
            }
            (Value::None, Value::None) => Some(true),
            (Value::None, _) | (_, Value::None) => {
                if let Value::Obj(r) = if a.is_none() { b } else { a } {
                    if matches!(self.heap.get(r), Obj::Instance(_)) {
                        return None;
                    }
                }
                Some(false)
            }
            (Value::Obj(x), Value::Obj(y)) => {
                if x == y {
                    // Identity implies equality for containers (CPython's rule), except NaN.
                    return match self.heap.get(x) {
                        Obj::Instance(_) => None,
                        _ => Some(true),
                    };
                }
                match (self.heap.get(x), self.heap.get(y)) {
                    (Obj::Str(s1), Obj::Str(s2)) => Some(s1.s == s2.s),
                    (Obj::BigInt(b1), Obj::BigInt(b2)) => Some(b1 == b2),
                    (Obj::Bytes(b1), Obj::Bytes(b2)) => Some(b1 == b2),
                    (Obj::Str(_), Obj::Instance(_))
                    | (Obj::Instance(_), _)
                    | (_, Obj::Instance(_)) => None,
                    (Obj::Str(_), _) | (_, Obj::Str(_)) => Some(false),
                    (Obj::Tuple(t1), Obj::Tuple(t2)) => {
                        // Items first, then lengths (CPython compares a tuple's items before
                        // its length, and an item's `__eq__` may print).
                        for (p, q) in t1.iter().zip(t2.iter()) {
                            if !p.is(*q) && !self.fast_eq(*p, *q)? {
                                return Some(false);
                            }
                        }
                        Some(t1.len() == t2.len())
                    }
                    (Obj::Complex(r1, i1), Obj::Complex(r2, i2)) => Some(r1 == r2 && i1 == i2),
                    (p, q) if identity_eq(p) && identity_eq(q) => Some(false),
                    (p, q) if identity_eq(p) || identity_eq(q) => {
                        // An identity-compared object never equals a different value kind,
                        // except that containers compare among themselves.
                        Some(false)
                    }
                    _ => None,
                }
            }
            (Value::Obj(r), Value::Int(_) | Value::Float(_) | Value::Bool(_))
            | (Value::Int(_) | Value::Float(_) | Value::Bool(_), Value::Obj(r)) => {
                match self.heap.get(r) {
                    Obj::BigInt(_) => {
                        let (x, y) = (self.num(a)?, self.num(b)?);
                        Some(num_cmp(&x, &y) == Some(std::cmp::Ordering::Equal))
                    }
                    Obj::Complex(re, im) => {
                        if *im != 0.0 {
                            return Some(false);
                        }
                        let other = if matches!(a, Value::Obj(_)) { b } else { a };
                        Some(self.fast_eq(Value::Float(*re), other).unwrap_or(false))
                    }
                    Obj::Instance(_) => None,
                    _ => Some(false),
                }
            }
            _ => Some(false),
        }
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let Some(r) = self.fast_eq(a, b) {
            return Ok(r);
        }
        if a.is(b) {
            if let Value::Obj(r) = a {
                if matches!(self.heap.get(r), Obj::Instance(_)) {
                    let v = self.compare(a, b, CompareOp::Eq)?;
                    return self.truthy(v);
                }
            }
            return Ok(true);
        }
        let v = self.compare(a, b, CompareOp::Eq)?;
        self.truthy(v)
    }

    // ----- comparison -----

    pub fn compare(&mut self, a: Value, b: Value, op: CompareOp) -> PyResult<Value> {
        // Fast numeric paths.
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => return Ok(Value::Bool(cmp_ord(x.cmp(&y), op))),
            (Value::Float(x), Value::Float(y)) => {
                return Ok(Value::Bool(super::fast_ops::float_cmp(x, y, op)))
            }
            _ => {}
        }
        if let (Value::Obj(x), Value::Obj(y)) = (a, b) {
            match (self.heap.get(x), self.heap.get(y)) {
                (Obj::Str(s1), Obj::Str(s2)) => {
                    return Ok(Value::Bool(cmp_ord(s1.s.cmp(&s2.s), op)))
                }
                // Lists and tuples have no user-defined comparison (subclasses are instances).
                (Obj::List(_), Obj::List(_)) | (Obj::Tuple(_), Obj::Tuple(_)) => {
                    return self.seq_compare(x, y, op).map(Value::Bool)
                }
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            if !self.is_instance_value(a) && !self.is_instance_value(b) {
                return Ok(Value::Bool(match num_cmp(&x, &y) {
                    Some(o) => cmp_ord(o, op),
                    None => op == CompareOp::Ne,
                }));
            }
        }
        // Rich comparison protocol, with the reflected operand first when b's type is a
        // subclass of a's.
        let ta = self.class_of(a);
        let tb = self.class_of(b);
        let reflected_first =
            ta != tb && self.is_subclass(tb, ta) && self.has_own_dunder(tb, op.swapped().dunder());
        if reflected_first {
            if let Some(r) = self.try_compare_dunder(b, a, op.swapped())? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_compare_dunder(a, b, op)? {
            return Ok(r);
        }
        if !reflected_first {
            if let Some(r) = self.try_compare_dunder(b, a, op.swapped())? {
                return Ok(r);
            }
        }
        // Instances of subclasses of builtins (an IntEnum member, a str subclass) compare
        // by the builtin value they wrap.
        let (ua, ub) = (self.unwrap_base(a), self.unwrap_base(b));
        if !ua.is(a) || !ub.is(b) {
            return self.compare(ua, ub, op);
        }
        match op {
            CompareOp::Eq => Ok(Value::Bool(a.is(b))),
            CompareOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => {
                let (na, nb) = (self.type_name(a), self.type_name(b));
                Err(exc::type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    na,
                    nb
                )))
            }
        }
    }

    fn is_instance_value(&self, v: Value) -> bool {
        matches!(v, Value::Obj(r) if matches!(self.heap.get(r), Obj::Instance(_)))
    }

    fn has_own_dunder(&mut self, cls: ObjRef, name: &str) -> bool {
        let n = self.intern(name);
        match self.heap.get(cls) {
            Obj::Class(c) => !c.builtin && self.lookup_type_attr(cls, n).is_some(),
            _ => false,
        }
    }

    /// Builtin comparisons of containers, then `__op__` methods. None: NotImplemented.
    fn try_compare_dunder(&mut self, a: Value, b: Value, op: CompareOp) -> PyResult<Option<Value>> {
        if let Some(r) = self.builtin_compare(a, b, op)? {
            return Ok(Some(Value::Bool(r)));
        }
        if !self.is_instance_value(a) {
            return Ok(None);
        }
        let name = self.intern(op.dunder());
        let cls = self.class_of(a);
        let found = self.lookup_type_attr(cls, name);
        if op == CompareOp::Ne && found.is_none_or(|f| self.is_builtin_object_slot(f)) {
            // object.__ne__: the inverse of a user __eq__, unless that is NotImplemented.
            let eqn = self.names.__eq__;
            if let Some(eqf) = self.lookup_type_attr(cls, eqn) {
                if !self.is_builtin_object_slot(eqf) {
                    let r = self.call_bound(eqf, a, &[b])?;
                    if r.is(self.not_implemented()) {
                        return Ok(None);
                    }
                    return Ok(Some(Value::Bool(!self.truthy(r)?)));
                }
            }
        }
        match found {
            Some(f) if !self.is_builtin_object_slot(f) => {
                let r = self.call_bound(f, a, &[b])?;
                if r.is(self.not_implemented()) {
                    Ok(None)
                } else {
                    Ok(Some(r))
                }
            }
            _ => {
                // Subclasses of builtins compare by their builtin value.
                if let Value::Obj(r) = a {
                    if let Obj::Instance(i) = self.heap.get(r) {
                        if !matches!(i.base, Value::Undef) {
                            let base = i.base;
                            let bb = self.unwrap_base(b);
                            return self
                                .builtin_compare(base, bb, op)
                                .map(|o| o.map(Value::Bool));
                        }
                    }
                }
                Ok(None)
            }
        }
    }

    pub fn unwrap_base(&self, v: Value) -> Value {
        if let Value::Obj(r) = v {
            if let Obj::Instance(i) = self.heap.get(r) {
                if !matches!(i.base, Value::Undef) {
                    return i.base;
                }
            }
        }
        v
    }

    /// Lexicographic comparison of two lists or two tuples, CPython's `list_richcompare`:
    /// find the first index where the items differ (by identity, then `==`), then compare
    /// those items, or the lengths when one is a prefix of the other. Items are read by index
    /// each step, not copied: an item's `__eq__` may change a list, and the lengths are
    /// re-read as CPython does.
    fn seq_compare(&mut self, x: ObjRef, y: ObjRef, op: CompareOp) -> PyResult<bool> {
        let item = |vm: &Vm, r: ObjRef, i: usize| match vm.heap.get(r) {
            Obj::List(v) | Obj::Tuple(v) => (v.get(i).copied(), v.len()),
            _ => (None, 0),
        };
        if matches!(op, CompareOp::Eq | CompareOp::Ne) {
            // Lists of different lengths are unequal without comparing items (tuples compare
            // their items first in CPython too).
            if let (Obj::List(v), Obj::List(w)) = (self.heap.get(x), self.heap.get(y)) {
                if v.len() != w.len() {
                    return Ok(op == CompareOp::Ne);
                }
            }
        }
        let mut i = 0;
        loop {
            let ((p, lp), (q, lq)) = (item(self, x, i), item(self, y, i));
            let (Some(p), Some(q)) = (p, q) else {
                return Ok(cmp_ord(lp.cmp(&lq), op));
            };
            i += 1;
            if p.is(q) {
                continue;
            }
            // Numbers and strings, the usual sort keys, compare without the general protocol.
            let same = match (p, q) {
                (Value::Int(a), Value::Int(b)) => Some(a.cmp(&b)),
                (Value::Obj(a), Value::Obj(b)) => match (self.heap.get(a), self.heap.get(b)) {
                    (Obj::Str(s1), Obj::Str(s2)) => Some(s1.s.cmp(&s2.s)),
                    _ => None,
                },
                _ => None,
            };
            if let Some(o) = same {
                if o == std::cmp::Ordering::Equal {
                    continue;
                }
                return Ok(match op {
                    CompareOp::Eq => false,
                    CompareOp::Ne => true,
                    _ => cmp_ord(o, op),
                });
            }
            if !crate::parser::guard(|| self.eq(p, q))? {
                // `__eq__` may have shortened either list: re-read the items, and compare the
                // lengths when one ran out.
                let ((p, lp), (q, lq)) = (item(self, x, i - 1), item(self, y, i - 1));
                let (Some(p), Some(q)) = (p, q) else {
                    return Ok(cmp_ord(lp.cmp(&lq), op));
                };
                return match op {
                    CompareOp::Eq => Ok(false),
                    CompareOp::Ne => Ok(true),
                    _ => {
                        let r = crate::parser::guard(|| self.compare(p, q, op))?;
                        self.truthy(r)
                    }
                };
            }
        }
    }

    /// Comparisons between builtin containers of the same kind.
    fn builtin_compare(&mut self, a: Value, b: Value, op: CompareOp) -> PyResult<Option<bool>> {
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else {
            if let (Some(_), Some(_)) = (self.num(a), self.num(b)) {
                if !self.is_instance_value(a) && !self.is_instance_value(b) {
                    let r = self.compare(a, b, op)?;
                    return Ok(Some(matches!(r, Value::Bool(true))));
                }
            }
            return Ok(None);
        };
        enum K {
            Seq,
            Dict,
            Set,
            Ordered(std::cmp::Ordering),
            Range,
            None,
        }
        let k = match (self.heap.get(x), self.heap.get(y)) {
            (Obj::List(_), Obj::List(_)) | (Obj::Tuple(_), Obj::Tuple(_)) => K::Seq,
            (Obj::Dict(_), Obj::Dict(_)) => K::Dict,
            (Obj::Set(_) | Obj::FrozenSet(_), Obj::Set(_) | Obj::FrozenSet(_)) => K::Set,
            (Obj::Bytes(p) | Obj::ByteArray(p), Obj::Bytes(q) | Obj::ByteArray(q)) => {
                K::Ordered(p.cmp(q))
            }
            (Obj::Str(p), Obj::Str(q)) => K::Ordered(p.s.cmp(&q.s)),
            (Obj::Range(_), Obj::Range(_)) => K::Range,
            (Obj::DictView(_, v1), Obj::DictView(_, v2))
                if v1 == v2 && *v1 != crate::object::DictView::Values =>
            {
                K::Set
            }
            _ => K::None,
        };
        Ok(match k {
            K::None => None,
            K::Ordered(o) => Some(cmp_ord(o, op)),
            K::Seq => Some(self.seq_compare(x, y, op)?),
            K::Dict => match op {
                CompareOp::Eq | CompareOp::Ne => {
                    let e = self.dict_equal(x, y)?;
                    Some(if op == CompareOp::Eq { e } else { !e })
                }
                _ => None,
            },
            K::Set => {
                let xs = self.iterate(a)?;
                let ys = self.iterate(b)?;
                let sub = |vm: &mut Vm, s: &[Value], t: Value| -> PyResult<bool> {
                    for &v in s {
                        if !vm.contains(t, v)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                };
                Some(match op {
                    CompareOp::Eq => xs.len() == ys.len() && sub(self, &xs, b)?,
                    CompareOp::Ne => !(xs.len() == ys.len() && sub(self, &xs, b)?),
                    CompareOp::Le => xs.len() <= ys.len() && sub(self, &xs, b)?,
                    CompareOp::Lt => xs.len() < ys.len() && sub(self, &xs, b)?,
                    CompareOp::Ge => xs.len() >= ys.len() && sub(self, &ys, a)?,
                    CompareOp::Gt => xs.len() > ys.len() && sub(self, &ys, a)?,
                })
            }
            K::Range => match op {
                CompareOp::Eq | CompareOp::Ne => {
                    let p: Vec<Value> = self.iterate(a)?;
                    let q: Vec<Value> = self.iterate(b)?;
                    let mut same = p.len() == q.len();
                    if same {
                        for (u, w) in p.iter().zip(q.iter()) {
                            if !self.eq(*u, *w)? {
                                same = false;
                                break;
                            }
                        }
                    }
                    Some(if op == CompareOp::Eq { same } else { !same })
                }
                _ => None,
            },
        })
    }

    fn dict_equal(&mut self, x: ObjRef, y: ObjRef) -> PyResult<bool> {
        let entries: Vec<(Value, Value)> = match self.heap.get(x) {
            Obj::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
            _ => return Ok(false),
        };
        let ylen = match self.heap.get(y) {
            Obj::Dict(d) => d.len(),
            _ => return Ok(false),
        };
        if entries.len() != ylen {
            return Ok(false);
        }
        for (k, v) in entries {
            match self.dict_lookup(y, k)? {
                Some(w) => {
                    if !self.eq(v, w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    pub fn compare_bool(&mut self, a: Value, b: Value, op: CompareOp) -> PyResult<bool> {
        match self.compare(a, b, op)? {
            Value::Bool(x) => Ok(x),
            r => self.truthy(r),
        }
    }

    /// `a < b` for sorting.
    pub fn less_than(&mut self, a: Value, b: Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            _ => self.compare_bool(a, b, CompareOp::Lt),
        }
    }

    // ----- containment -----

    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let cn = self.names.__contains__;
        if let Some(r) = self.meta_dunder(container, cn, &[item])? {
            return self.truthy(r);
        }
        if let Value::Obj(r) = container {
            match self.heap.get(r) {
                Obj::Str(s) => {
                    return match self.as_str(item) {
                        Some(sub) => Ok(s.s.contains(sub)),
                        None => {
                            let t = self.type_name(item);
                            Err(exc::type_error(format!(
                                "'in <string>' requires string as left operand, not {t}"
                            )))
                        }
                    };
                }
                Obj::List(xs) | Obj::Tuple(xs) => {
                    let n = xs.len();
                    for i in 0..n {
                        let x = match self.heap.get(r) {
                            Obj::List(xs) | Obj::Tuple(xs) => match xs.get(i) {
                                Some(&x) => x,
                                None => break,
                            },
                            _ => break,
                        };
                        if x.is(item) || self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Obj::Dict(_) => return Ok(self.dict_lookup(r, item)?.is_some()),
                Obj::Set(_) | Obj::FrozenSet(_) => return self.set_contains(r, item),
                Obj::DictView(d, view) => {
                    let (d, view) = (*d, *view);
                    return match view {
                        crate::object::DictView::Keys => Ok(self.dict_lookup(d, item)?.is_some()),
                        crate::object::DictView::Items => {
                            let pair = self.iterate(item)?;
                            if pair.len() != 2 {
                                return Ok(false);
                            }
                            match self.dict_lookup(d, pair[0])? {
                                Some(v) => self.eq(v, pair[1]),
                                None => Ok(false),
                            }
                        }
                        crate::object::DictView::Values => {
                            let vals: Vec<Value> = match self.heap.get(d) {
                                Obj::Dict(dd) => dd.iter().map(|e| e.value).collect(),
                                _ => Vec::new(),
                            };
                            for v in vals {
                                if self.eq(v, item)? {
                                    return Ok(true);
                                }
                            }
                            Ok(false)
                        }
                    };
                }
                Obj::Range(_) if self.is_int(item) => {
                    return self.range_contains(r, item);
                }
                Obj::Bytes(b) | Obj::ByteArray(b) => {
                    if self.is_int(item) && !self.is_instance_value(item) {
                        return match self.num(item) {
                            Some(Num::I(i)) if (0..256).contains(&i) => Ok(b.contains(&(i as u8))),
                            _ => Err(exc::value_error("byte must be in range(0, 256)")),
                        };
                    }
                    if let Value::Obj(o) = item {
                        if let Obj::Bytes(sub) | Obj::ByteArray(sub) = self.heap.get(o) {
                            return Ok(
                                sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..])
                            );
                        }
                    }
                    if !self.is_instance_value(item) {
                        let t = self.type_name(item);
                        return Err(exc::type_error(format!(
                            "a bytes-like object is required, not '{t}'"
                        )));
                    }
                }
                Obj::Instance(_) => {
                    let c = self.names.__contains__;
                    if let Some(r) = self.call_dunder(container, c, &[item])? {
                        return self.truthy(r);
                    }
                }
                _ => {}
            }
        }
        // Fall back to iteration.
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) => {
                if self.err_matches(&e, ExcKind::TypeError) {
                    let t = self.type_name(container);
                    return Err(exc::type_error(format!(
                        "argument of type '{t}' is not iterable"
                    )));
                }
                return Err(e);
            }
        };
        while let Some(x) = self.iter_next(it)? {
            if x.is(item) || self.eq(x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ----- arithmetic -----

    pub fn unary_op(&mut self, op: UnaryOp, v: Value) -> PyResult<Value> {
        match op {
            UnaryOp::Not => return Ok(Value::Bool(!self.truthy(v)?)),
            UnaryOp::Neg => match v {
                Value::Int(i) => {
                    return Ok(match i.checked_neg() {
                        Some(n) => Value::Int(n),
                        None => self.int_from_big(-BigInt::from(i)),
                    })
                }
                Value::Bool(b) => return Ok(Value::Int(-(b as i64))),
                Value::Float(f) => return Ok(Value::Float(-f)),
                _ => {}
            },
            UnaryOp::Pos => match v {
                Value::Int(_) | Value::Float(_) => return Ok(v),
                Value::Bool(b) => return Ok(Value::Int(b as i64)),
                _ => {}
            },
            UnaryOp::Invert => match v {
                Value::Int(i) => return Ok(Value::Int(!i)),
                Value::Bool(b) => return Ok(Value::Int(!(b as i64))),
                _ => {}
            },
        }
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Obj::BigInt(b) => {
                    let b = b.clone();
                    return Ok(match op {
                        UnaryOp::Neg => self.int_from_big(-b),
                        UnaryOp::Pos => v,
                        _ => self.int_from_big(-b - 1),
                    });
                }
                Obj::Complex(a, b) => {
                    let (a, b) = (*a, *b);
                    match op {
                        UnaryOp::Neg => {
                            return Ok(Value::Obj(self.heap.alloc(Obj::Complex(-a, -b))))
                        }
                        UnaryOp::Pos => return Ok(v),
                        _ => {}
                    }
                }
                Obj::Instance(_) => {
                    let name = match op {
                        UnaryOp::Neg => self.names.__neg__,
                        UnaryOp::Pos => self.names.__pos__,
                        _ => self.names.__invert__,
                    };
                    if let Some(r) = self.call_dunder(v, name, &[])? {
                        return Ok(r);
                    }
                }
                _ => {}
            }
        }
        let sym = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            _ => "~",
        };
        let t = self.type_name(v);
        Err(exc::type_error(format!(
            "bad operand type for unary {sym}: '{t}'"
        )))
    }

    /// `a op b` (or `a op= b` when `inplace`), with the full dunder protocol.
    pub fn binary_op(
        &mut self,
        a: Value,
        b: Value,
        op: BinaryOp,
        inplace: bool,
    ) -> PyResult<Value> {
        // Fast paths for small ints and floats.
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => {
                if let Some(v) = super::fast_ops::int_op(x, y, op) {
                    return Ok(v);
                }
            }
            (Value::Float(x), Value::Float(y)) => {
                if let Some(v) = float_op(x, y, op)? {
                    return Ok(Value::Float(v));
                }
            }
            _ => {}
        }
        // bool & | ^ bool stays a bool.
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinaryOp::And => return Ok(Value::Bool(x & y)),
                BinaryOp::Or => return Ok(Value::Bool(x | y)),
                BinaryOp::Xor => return Ok(Value::Bool(x ^ y)),
                _ => {}
            }
        }
        if let Some(v) = self.builtin_binary(a, b, op, inplace)? {
            return Ok(v);
        }
        // Dunder protocol.
        let (lname, rname, iname) = op.dunders();
        if inplace && self.is_instance_value(a) {
            let n = self.intern(iname);
            if let Some(r) = self.call_dunder(a, n, &[b])? {
                if !r.is(self.not_implemented()) {
                    return Ok(r);
                }
            }
        }
        let ta = self.class_of(a);
        let tb = self.class_of(b);
        let rn = self.intern(rname);
        let ln = self.intern(lname);
        let b_sub = ta != tb && self.is_subclass(tb, ta) && self.is_instance_value(b);
        if b_sub {
            if let Some(r) = self.call_dunder(b, rn, &[a])? {
                if !r.is(self.not_implemented()) {
                    return Ok(r);
                }
            }
        }
        if self.is_instance_value(a) {
            if let Some(r) = self.call_dunder(a, ln, &[b])? {
                if !r.is(self.not_implemented()) {
                    return Ok(r);
                }
            }
            // Subclass of a builtin: operate on the wrapped value.
            let ua = self.unwrap_base(a);
            if !ua.is(a) {
                let ub = self.unwrap_base(b);
                if let Some(v) = self.builtin_binary(ua, ub, op, false)? {
                    return Ok(v);
                }
            }
        }
        if !b_sub && ta != tb && self.is_instance_value(b) {
            if let Some(r) = self.call_dunder(b, rn, &[a])? {
                if !r.is(self.not_implemented()) {
                    return Ok(r);
                }
            }
        } else if !b_sub && ta == tb && self.is_instance_value(b) {
            // Same type: __rop__ is not tried.
        }
        // Classes: a metaclass's operator, else `X | Y` makes a types.UnionType.
        if let Some(r) = self.meta_dunder(a, ln, &[b])? {
            if !r.is(self.not_implemented()) {
                return Ok(r);
            }
        }
        if let Some(r) = self.meta_dunder(b, rn, &[a])? {
            if !r.is(self.not_implemented()) {
                return Ok(r);
            }
        }
        if op == BinaryOp::Or && !inplace {
            if let Some(u) = crate::builtins::union::make_union(self, a, b)? {
                return Ok(u);
            }
        }
        let (na, nb) = (self.type_name(a), self.type_name(b));
        let sym = if inplace {
            format!("{}=", op.symbol().split(' ').next().unwrap_or(""))
        } else {
            op.symbol().to_string()
        };
        if op == BinaryOp::Pow && !inplace {
            return Err(exc::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{na}' and '{nb}'"
            )));
        }
        let is_seq = |vm: &Vm, v: Value| matches!(v, Value::Obj(r) if vm.is_sequence(r));
        if op == BinaryOp::Mul && (is_seq(self, a) || is_seq(self, b)) {
            let other = if is_seq(self, a) {
                nb.clone()
            } else {
                na.clone()
            };
            return Err(exc::type_error(format!(
                "can't multiply sequence by non-int of type '{other}'"
            )));
        }
        if op == BinaryOp::Add && self.as_str(a).is_some() && !inplace {
            return Err(exc::type_error(format!(
                "can only concatenate str (not \"{nb}\") to str"
            )));
        }
        if op == BinaryOp::Add
            && matches!(a, Value::Obj(r) if matches!(self.heap.get(r), Obj::List(_)))
        {
            return Err(exc::type_error(format!(
                "can only concatenate list (not \"{nb}\") to list"
            )));
        }
        if op == BinaryOp::Add
            && matches!(a, Value::Obj(r) if matches!(self.heap.get(r), Obj::Tuple(_)))
        {
            return Err(exc::type_error(format!(
                "can only concatenate tuple (not \"{nb}\") to tuple"
            )));
        }
        Err(exc::type_error(format!(
            "unsupported operand type(s) for {sym}: '{na}' and '{nb}'"
        )))
    }

    /// Operations between builtin values. None: not supported by the builtins.
    fn builtin_binary(
        &mut self,
        a: Value,
        b: Value,
        op: BinaryOp,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        // Numbers.
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            if self.is_instance_value(a) || self.is_instance_value(b) {
                return Ok(None);
            }
            let any_float = matches!(x, Num::F(_)) || matches!(y, Num::F(_));
            if any_float
                && matches!(
                    op,
                    BinaryOp::And
                        | BinaryOp::Or
                        | BinaryOp::Xor
                        | BinaryOp::LShift
                        | BinaryOp::RShift
                )
            {
                return Ok(None);
            }
            if op == BinaryOp::Pow && any_float {
                let (fx, fy) = (num_to_f64(&x), num_to_f64(&y));
                if fx < 0.0 && fy.is_finite() && fy.fract() != 0.0 {
                    // A negative base to a fractional power is complex in Python 3.
                    return self.complex_binary(a, b, op);
                }
            }
            return self.num_binary(x_own(&x), x_own(&y), op).map(Some);
        }
        let (Value::Obj(ra), _) = (a, b) else {
            // int * str etc.
            if let (Some(Num::I(_) | Num::B(_)), Value::Obj(rb)) = (self.num(a), b) {
                if op == BinaryOp::Mul && self.is_sequence(rb) {
                    return self.seq_repeat(b, a).map(Some);
                }
                if let Obj::Complex(..) = self.heap.get(rb) {
                    return self.complex_binary(a, b, op);
                }
            }
            if let (Value::Float(_), Value::Obj(rb)) = (a, b) {
                if let Obj::Complex(..) = self.heap.get(rb) {
                    return self.complex_binary(a, b, op);
                }
            }
            return Ok(None);
        };
        match (self.heap.get(ra), op) {
            (Obj::Str(_), BinaryOp::Add) => {
                let (b_len, b_chars) = match b {
                    Value::Obj(rb) => match self.heap.get(rb) {
                        Obj::Str(p) => (p.s.len(), p.char_count()),
                        _ => return Ok(None),
                    },
                    _ => return Ok(None),
                };
                if self.str_ref(ra).len() + b_len <= 1 {
                    // "" + "a": the interned one-char string, as `new_str` gives.
                    let s = format!("{}{}", self.str_ref(ra), self.as_str(b).unwrap_or(""));
                    return Ok(Some(self.new_str(s)));
                }
                self.reserve(b_len)?;
                let (Obj::Str(pa), Some(sb)) = (self.heap.get(ra), self.as_str(b)) else {
                    return Ok(None);
                };
                // SAFETY: the only text borrowed from the heap here is `sb` (allowed).
                let text = unsafe { crate::types::text::Text::concat(&pa.s, sb, b_chars) };
                let s = crate::object::PyStr::new(text);
                return Ok(Some(Value::Obj(self.heap.alloc(Obj::Str(s)))));
            }
            (Obj::Str(_), BinaryOp::Mul)
            | (Obj::List(_), BinaryOp::Mul)
            | (Obj::Tuple(_), BinaryOp::Mul)
            | (Obj::Bytes(_), BinaryOp::Mul)
                if self.is_int(b) =>
            {
                if inplace {
                    if let Obj::List(_) = self.heap.get(ra) {
                        let n = self.index_value(b)?;
                        let items = match self.heap.get(ra) {
                            Obj::List(xs) => xs.clone(),
                            _ => Vec::new(),
                        };
                        let n = n.max(0) as usize;
                        self.reserve(items.len().saturating_mul(n).saturating_mul(16))?;
                        let mut out = Vec::with_capacity(items.len() * n);
                        for _ in 0..n {
                            out.extend_from_slice(&items);
                        }
                        if let Obj::List(xs) = self.heap.get_mut(ra) {
                            *xs = out;
                        }
                        return Ok(Some(a));
                    }
                }
                return self.seq_repeat(a, b).map(Some);
            }
            (Obj::Str(_), BinaryOp::Mod) => return self.percent_format(a, b).map(Some),
            (Obj::Bytes(fmt), BinaryOp::Mod) => {
                // Bytes formatting: bytes arguments stand for their latin-1 text.
                let f: String = fmt.iter().map(|&c| c as char).collect();
                let conv = |vm: &mut Vm, v: Value| -> Value {
                    if let Value::Obj(r) = v {
                        if let Obj::Bytes(x) | Obj::ByteArray(x) = vm.heap.get(r) {
                            let s: String = x.iter().map(|&c| c as char).collect();
                            return vm.new_str(s);
                        }
                    }
                    v
                };
                let args = match b {
                    Value::Obj(r) if matches!(self.heap.get(r), Obj::Tuple(_)) => {
                        let items = self.iterate(b)?;
                        let conv_items: Vec<Value> =
                            items.into_iter().map(|v| conv(self, v)).collect();
                        self.new_tuple(conv_items)
                    }
                    other => conv(self, other),
                };
                let fv = self.new_str(f);
                let out = self.percent_format(fv, args).map_err(|e| match e {
                    PyErr::New(k, m) => {
                        PyErr::New(k, m.replace("string formatting", "bytes formatting"))
                    }
                    other => other,
                })?;
                let text = self.as_str(out).unwrap_or("").to_string();
                let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
                return Ok(Some(Value::Obj(self.heap.alloc(Obj::Bytes(bytes)))));
            }
            (Obj::ByteArray(_), BinaryOp::Add) | (Obj::ByteArray(_), BinaryOp::Mul) => {
                // bytearray + bytes-like / bytearray * n; `+=` and `*=` mutate in place.
                let rhs: Option<Vec<u8>> = match (op, b) {
                    (BinaryOp::Add, Value::Obj(rb)) => match self.heap.get(rb) {
                        Obj::Bytes(y) | Obj::ByteArray(y) => Some(y.clone()),
                        _ => None,
                    },
                    _ => None,
                };
                let x = match self.heap.get(ra) {
                    Obj::ByteArray(x) => x.clone(),
                    _ => Vec::new(),
                };
                let out = if op == BinaryOp::Add {
                    let Some(y) = rhs else {
                        if self.is_instance_value(b) {
                            return Ok(None);
                        }
                        let t = self.type_name(b);
                        return Err(exc::type_error(format!("can't concat {t} to bytearray")));
                    };
                    self.reserve(x.len() + y.len())?;
                    let mut x = x;
                    x.extend_from_slice(&y);
                    x
                } else {
                    if !self.is_int(b) {
                        return Ok(None);
                    }
                    let n = self.index_value(b)?.max(0) as usize;
                    let total = x.len().saturating_mul(n);
                    if !self.heap.can_grow(total) {
                        return Err(exc::memory_error(""));
                    }
                    x.repeat(n)
                };
                if inplace {
                    if let Obj::ByteArray(t) = self.heap.get_mut(ra) {
                        *t = out;
                    }
                    return Ok(Some(a));
                }
                return Ok(Some(Value::Obj(self.heap.alloc(Obj::ByteArray(out)))));
            }
            (Obj::Bytes(_), BinaryOp::Add) => {
                if let Value::Obj(rb) = b {
                    if let Obj::Bytes(y) | Obj::ByteArray(y) = self.heap.get(rb) {
                        let mut x = match self.heap.get(ra) {
                            Obj::Bytes(x) => x.clone(),
                            _ => Vec::new(),
                        };
                        x.extend_from_slice(y);
                        return Ok(Some(Value::Obj(self.heap.alloc(Obj::Bytes(x)))));
                    }
                }
                if !self.is_instance_value(b) {
                    let t = self.type_name(b);
                    return Err(exc::type_error(format!("can't concat {t} to bytes")));
                }
            }
            (Obj::BigInt(_), BinaryOp::Mul) => {
                if let Value::Obj(rb) = b {
                    if self.is_sequence(rb) {
                        return self.seq_repeat(b, a).map(Some);
                    }
                }
            }
            (Obj::List(_), BinaryOp::Add) => {
                if let Value::Obj(rb) = b {
                    if let Obj::List(y) = self.heap.get(rb) {
                        let y = y.clone();
                        self.reserve(y.len() * 16)?;
                        if inplace {
                            if let Obj::List(x) = self.heap.get_mut(ra) {
                                x.extend(y);
                            }
                            return Ok(Some(a));
                        }
                        let mut x = match self.heap.get(ra) {
                            Obj::List(x) => x.clone(),
                            _ => Vec::new(),
                        };
                        x.extend(y);
                        return Ok(Some(self.new_list(x)));
                    }
                    if inplace {
                        let items = self.iterate(b)?;
                        self.reserve(items.len() * 16)?;
                        if let Obj::List(x) = self.heap.get_mut(ra) {
                            x.extend(items);
                        }
                        return Ok(Some(a));
                    }
                }
            }
            (Obj::Tuple(_), BinaryOp::Add) => {
                if let Value::Obj(rb) = b {
                    if let Obj::Tuple(y) = self.heap.get(rb) {
                        let mut x = match self.heap.get(ra) {
                            Obj::Tuple(x) => x.clone(),
                            _ => Vec::new(),
                        };
                        x.extend_from_slice(y);
                        return Ok(Some(self.new_tuple(x)));
                    }
                }
            }
            (
                Obj::Set(_) | Obj::FrozenSet(_),
                BinaryOp::Or | BinaryOp::And | BinaryOp::Sub | BinaryOp::Xor,
            ) => {
                if let Value::Obj(rb) = b {
                    match self.heap.get(rb) {
                        Obj::Set(_) | Obj::FrozenSet(_) => {
                            return crate::builtins::set::set_binary(self, a, b, op, inplace)
                                .map(Some);
                        }
                        Obj::DictView(_, v) if *v != crate::object::DictView::Values => {
                            let items = self.iterate(b)?;
                            let sb = crate::builtins::set::new_set_from(self, &items)?;
                            return crate::builtins::set::set_binary(self, a, sb, op, inplace)
                                .map(Some);
                        }
                        _ => {}
                    }
                }
            }
            (Obj::Dict(_), BinaryOp::Or) => {
                if let Value::Obj(rb) = b {
                    if matches!(self.heap.get(rb), Obj::Dict(_)) {
                        let target = if inplace {
                            a
                        } else {
                            let d = match self.heap.get(ra) {
                                Obj::Dict(d) => d.copy(),
                                _ => crate::types::dict::Dict::new(),
                            };
                            self.new_dict(d)
                        };
                        if let Value::Obj(t) = target {
                            self.dict_update_from(t, b)?;
                        }
                        return Ok(Some(target));
                    }
                }
                // `d |= pairs` takes anything dict.update takes.
                if inplace && !self.is_instance_value(b) {
                    self.dict_update_from(ra, b)?;
                    return Ok(Some(a));
                }
            }
            (Obj::DictView(..), BinaryOp::Or | BinaryOp::And | BinaryOp::Sub | BinaryOp::Xor) => {
                let items = self.iterate(a)?;
                let s = crate::builtins::set::new_set_from(self, &items)?;
                return crate::builtins::set::set_binary(self, s, b, op, false).map(Some);
            }
            (Obj::Complex(..), _) => return self.complex_binary(a, b, op),
            _ => {}
        }
        Ok(None)
    }

    fn complex_binary(&mut self, a: Value, b: Value, op: BinaryOp) -> PyResult<Option<Value>> {
        let get = |vm: &Vm, v: Value| -> Option<(f64, f64)> {
            match v {
                Value::Obj(r) => match vm.heap.get(r) {
                    Obj::Complex(x, y) => Some((*x, *y)),
                    _ => vm.num(v).map(|n| (num_to_f64(&n), 0.0)),
                },
                _ => vm.num(v).map(|n| (num_to_f64(&n), 0.0)),
            }
        };
        let (Some(x), Some(y)) = (get(self, a), get(self, b)) else {
            return Ok(None);
        };
        let (r, i) = match op {
            BinaryOp::Add => (x.0 + y.0, x.1 + y.1),
            BinaryOp::Sub => (x.0 - y.0, x.1 - y.1),
            BinaryOp::Mul => c_prod(x, y),
            BinaryOp::TrueDiv => {
                if y.0 == 0.0 && y.1 == 0.0 {
                    return Err(exc::zero_division("complex division by zero"));
                }
                c_quot(x, y)
            }
            BinaryOp::Pow => c_pow(x, y)?,
            _ => return Ok(None),
        };
        Ok(Some(Value::Obj(self.heap.alloc(Obj::Complex(r, i)))))
    }

    fn is_sequence(&self, r: ObjRef) -> bool {
        matches!(
            self.heap.get(r),
            Obj::Str(_) | Obj::List(_) | Obj::Tuple(_) | Obj::Bytes(_) | Obj::ByteArray(_)
        )
    }

    fn seq_repeat(&mut self, seq: Value, n: Value) -> PyResult<Value> {
        let n = match self.num(n) {
            Some(Num::I(i)) => i,
            Some(Num::B(b)) => {
                if b.is_negative() {
                    0
                } else {
                    return Err(exc::overflow_error(
                        "cannot fit 'int' into an index-sized integer",
                    ));
                }
            }
            _ => 0,
        };
        let n = n.max(0) as usize;
        let Value::Obj(r) = seq else { return Ok(seq) };
        match self.heap.get(r) {
            Obj::Str(s) => {
                let total = s.s.len().saturating_mul(n);
                if !self.heap.can_grow(total) || total > isize::MAX as usize / 2 {
                    return Err(exc::memory_error(""));
                }
                let out = self.str_ref(r).repeat(n);
                Ok(self.new_str(out))
            }
            Obj::Bytes(b) => {
                let total = b.len().saturating_mul(n);
                if !self.heap.can_grow(total) {
                    return Err(exc::memory_error(""));
                }
                let out = b.repeat(n);
                Ok(Value::Obj(self.heap.alloc(Obj::Bytes(out))))
            }
            Obj::ByteArray(b) => {
                let total = b.len().saturating_mul(n);
                if !self.heap.can_grow(total) {
                    return Err(exc::memory_error(""));
                }
                let out = b.repeat(n);
                Ok(Value::Obj(self.heap.alloc(Obj::ByteArray(out))))
            }
            Obj::List(xs) | Obj::Tuple(xs) => {
                let is_list = matches!(self.heap.get(r), Obj::List(_));
                let total = xs.len().saturating_mul(n);
                if !self.heap.can_grow(total.saturating_mul(16)) {
                    return Err(exc::memory_error(""));
                }
                let mut out = Vec::with_capacity(total);
                for _ in 0..n {
                    out.extend_from_slice(xs);
                }
                Ok(if is_list {
                    self.new_list(out)
                } else {
                    self.new_tuple(out)
                })
            }
            _ => Ok(seq),
        }
    }

    fn num_binary(&mut self, x: NumOwned, y: NumOwned, op: BinaryOp) -> PyResult<Value> {
        use NumOwned::*;
        match (x, y) {
            (F(a), b) => Ok(Value::Float(float_op_checked(a, b.to_f64()?, op)?)),
            (a, F(b)) => {
                if matches!(
                    op,
                    BinaryOp::LShift
                        | BinaryOp::RShift
                        | BinaryOp::And
                        | BinaryOp::Or
                        | BinaryOp::Xor
                ) {
                    return Err(exc::type_error(format!(
                        "unsupported operand type(s) for {}: 'int' and 'float'",
                        op.symbol()
                    )));
                }
                Ok(Value::Float(float_op_checked(a.to_f64()?, b, op)?))
            }
            (I(a), I(b)) => {
                if let Some(v) = super::fast_ops::int_op(a, b, op) {
                    return Ok(v);
                }
                self.big_op(BigInt::from(a), BigInt::from(b), op)
            }
            (a, b) => self.big_op(a.into_big(), b.into_big(), op),
        }
    }

    /// Charge fuel for a big-int operation on operands of these bit sizes and check that
    /// the result (estimated as `result_bits`) stays under the VM's int size cap.
    fn charge_big(&mut self, work: f64, result_bits: f64) -> PyResult<()> {
        if result_bits / 8.0 > self.heap.limit.saturating_sub(self.heap.bytes) as f64 {
            return Err(exc::memory_error(""));
        }
        if result_bits > self.max_int_bits as f64 {
            return Err(exc::overflow_error(format!(
                "integer too large (Kaa limits ints to {} bits)",
                self.max_int_bits
            )));
        }
        // One fuel unit per ~256 limb operations: a budget bounds big-int work too.
        self.fuel -= (work / 256.0).min(i64::MAX as f64 / 4.0) as i64;
        Ok(())
    }

    fn big_op(&mut self, a: BigInt, b: BigInt, op: BinaryOp) -> PyResult<Value> {
        let (la, lb) = ((a.bits() / 64 + 1) as f64, (b.bits() / 64 + 1) as f64);
        match op {
            BinaryOp::Mul => self.charge_big(la * lb, (a.bits() + b.bits()) as f64)?,
            BinaryOp::FloorDiv | BinaryOp::Mod | BinaryOp::TrueDiv => {
                self.charge_big(la * lb, a.bits() as f64)?
            }
            BinaryOp::Pow => {
                if let Some(e) = b.to_u64() {
                    let bits = a.bits() as f64 * e as f64;
                    if a.bits() > 1 || a.is_negative() {
                        let limbs = bits / 64.0;
                        self.charge_big(limbs.powf(1.6), bits)?;
                    }
                }
            }
            BinaryOp::LShift => {
                if let Some(s) = b.to_u64() {
                    if !a.is_zero() {
                        self.charge_big(la + s as f64 / 64.0, a.bits() as f64 + s as f64)?;
                    }
                }
            }
            _ => self.charge_big(la + lb, 0.0)?,
        }
        let r = match op {
            BinaryOp::Add => a + b,
            BinaryOp::Sub => a - b,
            BinaryOp::Mul => {
                let bits = a.bits() + b.bits();
                if !self.heap.can_grow((bits / 8) as usize) {
                    return Err(exc::memory_error(""));
                }
                a * b
            }
            BinaryOp::TrueDiv => {
                if b.is_zero() {
                    return Err(exc::zero_division("division by zero"));
                }
                return Ok(Value::Float(big_truediv(&a, &b)?));
            }
            BinaryOp::FloorDiv => {
                if b.is_zero() {
                    return Err(exc::zero_division("integer division or modulo by zero"));
                }
                a.div_floor(&b)
            }
            BinaryOp::Mod => {
                if b.is_zero() {
                    return Err(exc::zero_division("integer modulo by zero"));
                }
                a.mod_floor(&b)
            }
            BinaryOp::Pow => {
                if b.is_negative() {
                    let (fa, fb) = (big_to_f64(&a)?, big_to_f64(&b)?);
                    if fa == 0.0 {
                        return Err(exc::zero_division(
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    return Ok(Value::Float(fa.powf(fb)));
                }
                let e = match b.to_u64() {
                    Some(e) => e,
                    None => {
                        if a.is_zero() || a.is_one() {
                            return Ok(self.int_from_big(a));
                        }
                        if a == BigInt::from(-1) {
                            return Ok(self.int_from_big(if b.is_even() {
                                BigInt::one()
                            } else {
                                a
                            }));
                        }
                        return Err(exc::memory_error(""));
                    }
                };
                let bits = (a.bits() as f64) * (e as f64);
                if bits > 8.0 * (self.heap.limit.saturating_sub(self.heap.bytes)) as f64
                    || bits > 1e10
                {
                    if a.is_zero() || a.is_one() || a == BigInt::from(-1) {
                        // Small results whatever the exponent.
                    } else {
                        return Err(exc::memory_error(""));
                    }
                }
                Pow::pow(a, e)
            }
            BinaryOp::LShift => {
                if b.is_negative() {
                    return Err(exc::value_error("negative shift count"));
                }
                let s = b.to_u64().unwrap_or(u64::MAX);
                if a.is_zero() {
                    return Ok(Value::Int(0));
                }
                if s > 1 << 34 || !self.heap.can_grow((s / 8) as usize) {
                    return Err(exc::memory_error(""));
                }
                a << s
            }
            BinaryOp::RShift => {
                if b.is_negative() {
                    return Err(exc::value_error("negative shift count"));
                }
                match b.to_u64() {
                    Some(s) if s < (1 << 34) => a >> s,
                    _ => {
                        if a.is_negative() {
                            BigInt::from(-1)
                        } else {
                            BigInt::zero()
                        }
                    }
                }
            }
            BinaryOp::And => a & b,
            BinaryOp::Or => a | b,
            BinaryOp::Xor => a ^ b,
            BinaryOp::MatMul => {
                return Err(exc::type_error(
                    "unsupported operand type(s) for @: 'int' and 'int'",
                ))
            }
        };
        Ok(self.int_from_big(r))
    }

    // ----- subscripts -----

    /// An int usable as an index (`__index__`).
    pub fn index_value(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::Obj(r) => match self.heap.get(r) {
                Obj::BigInt(_) => Err(PyErr::new(
                    ExcKind::IndexError,
                    "cannot fit 'int' into an index-sized integer",
                )),
                Obj::Instance(_) => {
                    let n = self.names.__index__;
                    match self.call_dunder(v, n, &[])? {
                        Some(Value::Int(i)) => Ok(i),
                        Some(Value::Bool(b)) => Ok(b as i64),
                        _ => {
                            let t = self.type_name(v);
                            Err(exc::type_error(format!(
                                "'{t}' object cannot be interpreted as an integer"
                            )))
                        }
                    }
                }
                _ => {
                    let t = self.type_name(v);
                    Err(exc::type_error(format!(
                        "'{t}' object cannot be interpreted as an integer"
                    )))
                }
            },
            _ => {
                let t = self.type_name(v);
                Err(exc::type_error(format!(
                    "'{t}' object cannot be interpreted as an integer"
                )))
            }
        }
    }

    /// Normalise a sequence index, raising IndexError with `what` ("list index out of range").
    pub fn seq_index(&mut self, idx: Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match idx {
            Value::Int(i) => i,
            _ => match self.index_value(idx) {
                Ok(i) => i,
                Err(e) => {
                    if self.err_matches(&e, ExcKind::IndexError) {
                        return Err(PyErr::new(
                            ExcKind::IndexError,
                            "cannot fit 'int' into an index-sized integer".to_string(),
                        ));
                    }
                    return Err(e);
                }
            },
        };
        let n = len as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(exc::index_error(if what.is_empty() {
                "index out of range".to_string()
            } else {
                format!("{what} index out of range")
            }));
        }
        Ok(j as usize)
    }

    /// The indices a slice selects from a sequence of `len` items: (start, stop, step, count).
    pub fn slice_indices(&mut self, slice: ObjRef, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let (a, b, c) = match self.heap.get(slice) {
            Obj::Slice(parts) => parts.get().into(),
            _ => (Value::None, Value::None, Value::None),
        };
        let conv = |vm: &mut Vm, v: Value| -> PyResult<Option<i64>> {
            if v.is_none() {
                return Ok(None);
            }
            match vm.num(v) {
                Some(Num::B(b)) => Ok(Some(if b.is_negative() {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                })),
                _ => match vm.index_value(v) {
                    Ok(i) => Ok(Some(i)),
                    Err(_) => Err(exc::type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )),
                },
            }
        };
        let step = conv(self, c)?.unwrap_or(1);
        if step == 0 {
            return Err(exc::value_error("slice step cannot be zero"));
        }
        let n = len as i64;
        let (lower, upper) = if step < 0 { (-1, n - 1) } else { (0, n) };
        let fix = |x: Option<i64>, default: i64| -> i64 {
            match x {
                None => default,
                Some(i) if i < 0 => (i + n).max(lower),
                Some(i) => i.min(upper),
            }
        };
        let start = fix(conv(self, a)?, if step < 0 { upper } else { lower });
        let stop = fix(conv(self, b)?, if step < 0 { lower } else { upper });
        let count = if step > 0 {
            if stop > start {
                ((stop - start - 1) / step + 1) as usize
            } else {
                0
            }
        } else if start > stop {
            ((start - stop - 1) / (-step) + 1) as usize
        } else {
            0
        };
        Ok((start, stop, step, count))
    }

    pub fn get_item(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        let gi = self.names.__getitem__;
        if let Some(v) = self.meta_dunder(obj, gi, &[key])? {
            return Ok(v);
        }
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Obj::List(xs) | Obj::Tuple(xs) => {
                    if let Value::Int(i) = key {
                        let n = xs.len() as i64;
                        let j = if i < 0 { i + n } else { i };
                        if j >= 0 && j < n {
                            return Ok(xs[j as usize]);
                        }
                    }
                    let is_list = matches!(self.heap.get(r), Obj::List(_));
                    let len = match self.heap.get(r) {
                        Obj::List(xs) | Obj::Tuple(xs) => xs.len(),
                        _ => 0,
                    };
                    if let Some(s) = self.as_slice(key) {
                        let (start, _, step, count) = self.slice_indices(s, len)?;
                        let items: Vec<Value> = match self.heap.get(r) {
                            Obj::List(xs) | Obj::Tuple(xs) => (0..count)
                                .map(|k| xs[(start + k as i64 * step) as usize])
                                .collect(),
                            _ => Vec::new(),
                        };
                        return Ok(if is_list {
                            self.new_list(items)
                        } else {
                            self.new_tuple(items)
                        });
                    }
                    let what = if is_list { "list" } else { "tuple" };
                    if !self.is_int(key) && !self.is_instance_value(key) {
                        let t = self.type_name(key);
                        return Err(exc::type_error(format!(
                            "{what} indices must be integers or slices, not {t}"
                        )));
                    }
                    let j = self.seq_index(key, len, what)?;
                    return Ok(match self.heap.get(r) {
                        Obj::List(xs) | Obj::Tuple(xs) => xs[j],
                        _ => Value::None,
                    });
                }
                Obj::Dict(_) => {
                    return match self.dict_lookup(r, key)? {
                        Some(v) => Ok(v),
                        None => Err(self.key_error(key)),
                    };
                }
                Obj::Str(_) => return crate::builtins::str::str_getitem(self, r, key),
                Obj::Bytes(_) | Obj::ByteArray(_) => {
                    return crate::builtins::bytes::bytes_getitem(self, r, key)
                }
                Obj::Range(_) => return self.range_getitem(r, key),
                Obj::Class(_) => {
                    let n = self.names.__class_getitem__;
                    if let Some(f) = self.lookup_type_attr(r, n) {
                        // An implicit classmethod: bound to the class being subscripted.
                        let f = match f {
                            Value::Obj(fr) => match self.heap.get(fr) {
                                Obj::ClassMethod(inner) => *inner,
                                _ => f,
                            },
                            _ => f,
                        };
                        return self.call(f, &[obj, key]);
                    }
                    // `list[int]` and friends: a types.GenericAlias.
                    if let Obj::Class(c) = self.heap.get(r) {
                        if c.builtin {
                            return crate::builtins::union::make_alias(self, obj, key);
                        }
                    }
                    let name = self.class_name(r);
                    return Err(exc::type_error(format!(
                        "type '{name}' is not subscriptable"
                    )));
                }
                Obj::Instance(_) => {
                    let n = self.names.__getitem__;
                    if let Some(v) = self.call_dunder(obj, n, &[key])? {
                        return Ok(v);
                    }
                    let base = self.unwrap_base(obj);
                    if !base.is(obj) {
                        return self.get_item(base, key);
                    }
                }
                _ => {}
            }
        }
        let t = self.type_name(obj);
        Err(exc::type_error(format!(
            "'{t}' object is not subscriptable"
        )))
    }

    pub fn as_slice(&self, v: Value) -> Option<ObjRef> {
        match v {
            Value::Obj(r) if matches!(self.heap.get(r), Obj::Slice(_)) => Some(r),
            _ => None,
        }
    }

    pub fn set_item(&mut self, obj: Value, key: Value, val: Value) -> PyResult<()> {
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Obj::List(xs) => {
                    let len = xs.len();
                    if let Some(s) = self.as_slice(key) {
                        return self.list_set_slice(r, s, val);
                    }
                    if !self.is_int(key) && !self.is_instance_value(key) {
                        let t = self.type_name(key);
                        return Err(exc::type_error(format!(
                            "list indices must be integers or slices, not {t}"
                        )));
                    }
                    let j = self.seq_index(key, len, "list assignment")?;
                    if let Obj::List(xs) = self.heap.get_mut(r) {
                        xs[j] = val;
                    }
                    return Ok(());
                }
                Obj::Dict(_) => return self.dict_set(r, key, val),
                Obj::ByteArray(b) => {
                    let len = b.len();
                    if let Some(sl) = self.as_slice(key) {
                        return self.bytearray_set_slice(r, sl, val);
                    }
                    let j = self.seq_index(key, len, "bytearray")?;
                    let v = self.index_value(val)?;
                    if !(0..256).contains(&v) {
                        return Err(exc::value_error("byte must be in range(0, 256)"));
                    }
                    if let Obj::ByteArray(b) = self.heap.get_mut(r) {
                        b[j] = v as u8;
                    }
                    return Ok(());
                }
                Obj::Instance(_) => {
                    let n = self.names.__setitem__;
                    if self.call_dunder(obj, n, &[key, val])?.is_some() {
                        return Ok(());
                    }
                    let base = self.unwrap_base(obj);
                    if !base.is(obj) {
                        return self.set_item(base, key, val);
                    }
                }
                _ => {}
            }
        }
        let t = self.type_name(obj);
        Err(exc::type_error(format!(
            "'{t}' object does not support item assignment"
        )))
    }

    pub fn del_item(&mut self, obj: Value, key: Value) -> PyResult<()> {
        if let Value::Obj(r) = obj {
            match self.heap.get(r) {
                Obj::List(xs) => {
                    let len = xs.len();
                    if let Some(s) = self.as_slice(key) {
                        let (start, _, step, count) = self.slice_indices(s, len)?;
                        if let Obj::List(xs) = self.heap.get_mut(r) {
                            delete_slice(xs, start, step, count);
                        }
                        return Ok(());
                    }
                    let j = self.seq_index(key, len, "list assignment")?;
                    if let Obj::List(xs) = self.heap.get_mut(r) {
                        xs.remove(j);
                    }
                    return Ok(());
                }
                Obj::ByteArray(b) => {
                    let len = b.len();
                    if let Some(s) = self.as_slice(key) {
                        let (start, _, step, count) = self.slice_indices(s, len)?;
                        if let Obj::ByteArray(b) = self.heap.get_mut(r) {
                            delete_slice(b, start, step, count);
                        }
                        return Ok(());
                    }
                    let j = self.seq_index(key, len, "bytearray")?;
                    if let Obj::ByteArray(b) = self.heap.get_mut(r) {
                        b.remove(j);
                    }
                    return Ok(());
                }
                Obj::Dict(_) => {
                    return match self.dict_remove(r, key)? {
                        Some(_) => Ok(()),
                        None => Err(self.key_error(key)),
                    };
                }
                Obj::Instance(_) => {
                    let n = self.names.__delitem__;
                    if self.call_dunder(obj, n, &[key])?.is_some() {
                        return Ok(());
                    }
                    let base = self.unwrap_base(obj);
                    if !base.is(obj) {
                        return self.del_item(base, key);
                    }
                }
                _ => {}
            }
        }
        let t = self.type_name(obj);
        Err(exc::type_error(format!(
            "'{t}' object doesn't support item deletion"
        )))
    }

    fn bytearray_set_slice(&mut self, arr: ObjRef, slice: ObjRef, val: Value) -> PyResult<()> {
        let len = match self.heap.get(arr) {
            Obj::ByteArray(b) => b.len(),
            _ => 0,
        };
        let items: Vec<u8> = match val {
            Value::Obj(v) if matches!(self.heap.get(v), Obj::Bytes(_) | Obj::ByteArray(_)) => {
                match self.heap.get(v) {
                    Obj::Bytes(x) | Obj::ByteArray(x) => x.clone(),
                    _ => Vec::new(),
                }
            }
            Value::Int(_) | Value::Bool(_) => {
                return Err(exc::type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ))
            }
            _ => {
                if self.as_str(val).is_some() {
                    return Err(exc::type_error(
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    ));
                }
                let mut out = Vec::new();
                for v in self.iterate(val)? {
                    let n = self.index_value(v)?;
                    if !(0..256).contains(&n) {
                        return Err(exc::value_error("byte must be in range(0, 256)"));
                    }
                    out.push(n as u8);
                }
                out
            }
        };
        let (start, stop, step, count) = self.slice_indices(slice, len)?;
        if step == 1 {
            let stop = stop.max(start);
            if let Obj::ByteArray(b) = self.heap.get_mut(arr) {
                b.splice(start as usize..stop as usize, items);
            }
            return Ok(());
        }
        if items.len() != count {
            return Err(exc::value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                items.len(),
                count
            )));
        }
        if let Obj::ByteArray(b) = self.heap.get_mut(arr) {
            for (k, v) in items.into_iter().enumerate() {
                b[(start + k as i64 * step) as usize] = v;
            }
        }
        Ok(())
    }

    fn list_set_slice(&mut self, list: ObjRef, slice: ObjRef, val: Value) -> PyResult<()> {
        let len = match self.heap.get(list) {
            Obj::List(xs) => xs.len(),
            _ => 0,
        };
        let items = if Value::Obj(list).is(val) {
            match self.heap.get(list) {
                Obj::List(xs) => xs.clone(),
                _ => Vec::new(),
            }
        } else {
            match self.iterate(val) {
                Ok(v) => v,
                Err(e) => {
                    if self.err_matches(&e, ExcKind::TypeError) {
                        return Err(exc::type_error("can only assign an iterable"));
                    }
                    return Err(e);
                }
            }
        };
        let (start, stop, step, count) = self.slice_indices(slice, len)?;
        if step == 1 {
            let stop = stop.max(start);
            if let Obj::List(xs) = self.heap.get_mut(list) {
                xs.splice(start as usize..stop as usize, items);
            }
            return Ok(());
        }
        if items.len() != count {
            return Err(exc::value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                count
            )));
        }
        if let Obj::List(xs) = self.heap.get_mut(list) {
            for (k, v) in items.into_iter().enumerate() {
                xs[(start + k as i64 * step) as usize] = v;
            }
        }
        Ok(())
    }

    // ----- range helpers -----

    pub fn range_parts(&self, r: ObjRef) -> (Value, Value, Value) {
        match self.heap.get(r) {
            Obj::Range(parts) => parts.get().into(),
            _ => (Value::Int(0), Value::Int(0), Value::Int(1)),
        }
    }

    pub fn range_len(&mut self, r: ObjRef) -> PyResult<i64> {
        let (a, b, c) = self.range_parts(r);
        if let (Value::Int(a), Value::Int(b), Value::Int(c)) = (a, b, c) {
            return Ok(range_len_i64(a, b, c));
        }
        let (a, b, c) = (
            self.to_bigint(a).unwrap_or_default(),
            self.to_bigint(b).unwrap_or_default(),
            self.to_bigint(c).unwrap_or_default(),
        );
        let n = big_range_len(&a, &b, &c);
        n.to_i64()
            .ok_or_else(|| exc::overflow_error("Python int too large to convert to C ssize_t"))
    }

    fn range_getitem(&mut self, r: ObjRef, key: Value) -> PyResult<Value> {
        let (a, b, c) = self.range_parts(r);
        if let Some(s) = self.as_slice(key) {
            let len = self.range_len(r)? as usize;
            let (start, stop, step, _) = self.slice_indices(s, len)?;
            let (Value::Int(a), Value::Int(_), Value::Int(c)) = (a, b, c) else {
                return Err(exc::overflow_error("range too large"));
            };
            let nstart = a + start * c;
            let nstop = a + stop * c;
            let nstep = c * step;
            return Ok(Value::Obj(self.heap.alloc(Obj::Range(Triple::new([
                Value::Int(nstart),
                Value::Int(nstop),
                Value::Int(nstep),
            ])))));
        }
        if !self.is_int(key) && !self.is_instance_value(key) {
            let t = self.type_name(key);
            return Err(exc::type_error(format!(
                "range indices must be integers or slices, not {t}"
            )));
        }
        let small = matches!(
            (a, b, c, key),
            (
                Value::Int(_),
                Value::Int(_),
                Value::Int(_),
                Value::Int(_) | Value::Bool(_)
            )
        );
        if !small {
            // Past i64 (a range of big ints, or a big index): exact, as CPython's.
            let k = match self.to_bigint(key) {
                Some(k) => k,
                None => BigInt::from(self.index_value(key)?),
            };
            let (a, b, c) = (
                self.to_bigint(a).unwrap_or_default(),
                self.to_bigint(b).unwrap_or_default(),
                self.to_bigint(c).unwrap_or_default(),
            );
            let n = big_range_len(&a, &b, &c);
            let k = if k.sign() == num_bigint::Sign::Minus {
                k + &n
            } else {
                k
            };
            if k.sign() == num_bigint::Sign::Minus || k >= n {
                return Err(PyErr::new(
                    ExcKind::IndexError,
                    "range object index out of range",
                ));
            }
            return Ok(self.int_from_big(a + c * k));
        }
        let len = self.range_len(r)? as usize;
        let i = self.seq_index(key, len, "range object")?;
        match (a, c) {
            (Value::Int(a), Value::Int(c)) => Ok(Value::Int(a + i as i64 * c)),
            _ => {
                let (a, c) = (
                    self.to_bigint(a).unwrap_or_default(),
                    self.to_bigint(c).unwrap_or_default(),
                );
                Ok(self.int_from_big(a + c * BigInt::from(i)))
            }
        }
    }

    fn range_contains(&mut self, r: ObjRef, item: Value) -> PyResult<bool> {
        let (a, b, c) = self.range_parts(r);
        let (Some(a), Some(b), Some(c), Some(x)) = (
            self.to_bigint(a),
            self.to_bigint(b),
            self.to_bigint(c),
            self.to_bigint(item),
        ) else {
            return Ok(false);
        };
        let inside = if c.is_positive() {
            x >= a && x < b
        } else {
            x <= a && x > b
        };
        Ok(inside && ((&x - &a) % &c).is_zero())
    }
}

/// Objects whose `==` is identity (no `__eq__` of their own).
fn identity_eq(o: &Obj) -> bool {
    matches!(
        o,
        Obj::Function(_)
            | Obj::Native(_)
            | Obj::Class(_)
            | Obj::Module(_)
            | Obj::Cell(_)
            | Obj::Code(_)
            | Obj::Generator(_)
            | Obj::Iter(_)
            | Obj::Property(_)
            | Obj::StaticMethod(_)
            | Obj::ClassMethod(_)
            | Obj::Super { .. }
            | Obj::Host(_)
    )
}

pub fn range_len_i64(a: i64, b: i64, c: i64) -> i64 {
    let (a, b, c) = (a as i128, b as i128, c as i128);
    let n = if c > 0 {
        if b > a {
            (b - a - 1) / c + 1
        } else {
            0
        }
    } else if a > b {
        (a - b - 1) / (-c) + 1
    } else {
        0
    };
    n.min(i64::MAX as i128) as i64
}

pub fn big_range_len(a: &BigInt, b: &BigInt, c: &BigInt) -> BigInt {
    if c.is_positive() {
        if b > a {
            (b - a - 1) / c + 1
        } else {
            BigInt::zero()
        }
    } else if a > b {
        (a - b - 1) / (-c) + 1
    } else {
        BigInt::zero()
    }
}

/// Owned numeric operand.
pub enum NumOwned {
    I(i64),
    B(BigInt),
    F(f64),
}

impl NumOwned {
    fn to_f64(&self) -> PyResult<f64> {
        match self {
            NumOwned::I(i) => Ok(*i as f64),
            NumOwned::B(b) => big_to_f64(b),
            NumOwned::F(f) => Ok(*f),
        }
    }

    fn into_big(self) -> BigInt {
        match self {
            NumOwned::I(i) => BigInt::from(i),
            NumOwned::B(b) => b,
            NumOwned::F(f) => BigInt::from(f as i64),
        }
    }
}

fn x_own(n: &Num) -> NumOwned {
    match n {
        Num::I(i) => NumOwned::I(*i),
        Num::B(b) => NumOwned::B((*b).clone()),
        Num::F(f) => NumOwned::F(*f),
    }
}

pub fn num_to_f64(n: &Num) -> f64 {
    match n {
        Num::I(i) => *i as f64,
        Num::B(b) => b.to_f64().unwrap_or(f64::INFINITY),
        Num::F(f) => *f,
    }
}

pub fn big_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(exc::overflow_error("int too large to convert to float")),
    }
}

/// True division of big ints, correctly rounded where it matters.
fn big_truediv(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Ok(x as f64 / y as f64);
        }
    }
    // Correctly rounded, as CPython's long_true_divide: a quotient of 55-56 bits, rounded
    // half-to-even to the 53 a float keeps (fewer in the subnormal range), then scaled.
    let too_large = || exc::overflow_error("integer division result too large for a float");
    let neg = a.is_negative() != b.is_negative();
    let signed = |f: f64| if neg { -f } else { f };
    let (a, b) = (a.abs(), b.abs());
    if a.is_zero() {
        return Ok(signed(0.0));
    }
    const MANT: i64 = 53;
    const MIN_EXP: i64 = -1021;
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > 1024 {
        return Err(too_large());
    }
    if diff < MIN_EXP - MANT - 1 {
        return Ok(signed(0.0));
    }
    let shift = diff.max(MIN_EXP) - MANT - 2;
    let mut inexact = false;
    let x = if shift <= 0 {
        &a << ((-shift) as usize)
    } else {
        let kept = &a >> (shift as usize);
        inexact = &kept << (shift as usize) != a;
        kept
    };
    let (q, r) = x.div_rem(&b);
    inexact |= !r.is_zero();
    let Some(mut q) = q.to_u64() else {
        return Err(too_large());
    };
    let qbits = 64 - q.leading_zeros() as i64;
    let extra = qbits.max(MIN_EXP - shift) - MANT;
    if extra > 0 {
        let mask = 1u64 << (extra - 1);
        let low = q | inexact as u64;
        if low & mask != 0 && low & (3 * mask - 1) != 0 {
            q += mask;
        }
        q &= !(2 * mask - 1);
    }
    // q * 2**shift is exact now; scale in two halves so no step leaves the normal range.
    let e1 = shift / 2;
    let e2 = shift - e1;
    let f = q as f64 * 2f64.powi(e1 as i32) * 2f64.powi(e2 as i32);
    if f.is_infinite() {
        return Err(too_large());
    }
    Ok(signed(f))
}

fn int_float_eq(x: i64, y: f64) -> bool {
    if y.fract() != 0.0 || !y.is_finite() {
        return false;
    }
    if y.abs() < 9.2e18 {
        return (y as i64) == x;
    }
    false
}

/// Compare two numbers exactly (ints and floats mixed). None when unordered (NaN).
pub fn num_cmp(a: &Num, b: &Num) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::B(x), Num::B(y)) => Some(x.cmp(y)),
        (Num::I(x), Num::B(y)) => Some(BigInt::from(*x).cmp(y)),
        (Num::B(x), Num::I(y)) => Some((*x).cmp(&BigInt::from(*y))),
        (Num::F(x), other) => num_cmp(other, &Num::F(*x)).map(Ordering::reverse),
        (Num::I(x), Num::F(y)) => {
            if y.is_nan() {
                return None;
            }
            if y.is_infinite() {
                return Some(if *y > 0.0 {
                    Ordering::Less
                } else {
                    Ordering::Greater
                });
            }
            if x.unsigned_abs() < (1 << 53) {
                return (*x as f64).partial_cmp(y);
            }
            let fl = y.floor();
            let yb = BigInt::from(fl as i128);
            match BigInt::from(*x).cmp(&yb) {
                Ordering::Equal if *y > fl => Some(Ordering::Less),
                o => Some(o),
            }
        }
        (Num::B(x), Num::F(y)) => {
            if y.is_nan() {
                return None;
            }
            if y.is_infinite() {
                return Some(if *y > 0.0 {
                    Ordering::Less
                } else {
                    Ordering::Greater
                });
            }
            let xf = x.to_f64().unwrap_or(if x.is_negative() {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
            if xf.is_infinite() {
                return Some(if x.is_negative() {
                    Ordering::Less
                } else {
                    Ordering::Greater
                });
            }
            let fl = y.floor();
            let yb = num_bigint::BigInt::from(fl as i128);
            match (*x).cmp(&yb) {
                Ordering::Equal if *y > fl => Some(Ordering::Less),
                o => Some(o),
            }
        }
    }
}

pub fn cmp_ord(o: std::cmp::Ordering, op: CompareOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CompareOp::Lt => o == Less,
        CompareOp::Le => o != Greater,
        CompareOp::Eq => o == Equal,
        CompareOp::Ne => o != Equal,
        CompareOp::Gt => o == Greater,
        CompareOp::Ge => o != Less,
    }
}

#[inline]
fn float_op(x: f64, y: f64, op: BinaryOp) -> PyResult<Option<f64>> {
    if op == BinaryOp::Pow && x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        // Complex result: the slow path builds it.
        return Ok(None);
    }
    Ok(Some(match op {
        BinaryOp::Add => x + y,
        BinaryOp::Sub => x - y,
        BinaryOp::Mul => x * y,
        BinaryOp::TrueDiv => {
            if y == 0.0 {
                return Err(exc::zero_division("float division by zero"));
            }
            x / y
        }
        _ => return Ok(Some(float_op_checked(x, y, op)?)),
    }))
}

fn float_op_checked(x: f64, y: f64, op: BinaryOp) -> PyResult<f64> {
    Ok(match op {
        BinaryOp::Add => x + y,
        BinaryOp::Sub => x - y,
        BinaryOp::Mul => x * y,
        BinaryOp::TrueDiv => {
            if y == 0.0 {
                return Err(exc::zero_division("float division by zero"));
            }
            x / y
        }
        BinaryOp::FloorDiv => {
            if y == 0.0 {
                return Err(exc::zero_division("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        BinaryOp::Mod => {
            if y == 0.0 {
                return Err(exc::zero_division("float modulo"));
            }
            float_divmod(x, y).1
        }
        BinaryOp::Pow => {
            if x == 0.0 && y < 0.0 {
                return Err(exc::zero_division(
                    "0.0 cannot be raised to a negative power",
                ));
            }
            if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
                return Err(exc::value_error(
                    "math domain error: negative number cannot be raised to a fractional power",
                ));
            }
            let r = x.powf(y);
            if r.is_infinite() && x.is_finite() && y.is_finite() {
                return Err(PyErr::new(
                    ExcKind::OverflowError,
                    "(34, 'Numerical result out of range')",
                ));
            }
            r
        }
        _ => {
            return Err(exc::type_error(format!(
                "unsupported operand type(s) for {}: 'float' and 'float'",
                op.symbol()
            )))
        }
    })
}

/// Python's float divmod: the remainder has the sign of the divisor.
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// Value of an owned ObjRef-less big int comparison helper used by builtins.
pub fn big_sign(b: &BigInt) -> i32 {
    if b.is_negative() {
        -1
    } else if b.is_zero() {
        0
    } else {
        1
    }
}

type C64 = (f64, f64);

fn c_prod(a: C64, b: C64) -> C64 {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// CPython's `_Py_c_quot` (Smith's method, scaled to avoid overflow).
fn c_quot(a: C64, b: C64) -> C64 {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return (f64::NAN, f64::NAN);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom)
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom)
    } else {
        (f64::NAN, f64::NAN)
    }
}

fn c_powu(x: C64, n: i64) -> C64 {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// CPython's complex power: small integer exponents by squaring, otherwise polar form.
fn c_pow(a: C64, b: C64) -> PyResult<C64> {
    if b.1 == 0.0 && b.0 == b.0.trunc() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            return Ok(c_powu(a, n));
        }
        if a == (0.0, 0.0) && n < 0 {
            return Err(exc::zero_division("0.0 to a negative or complex power"));
        }
        return Ok(c_quot((1.0, 0.0), c_powu(a, -n)));
    }
    if b == (0.0, 0.0) {
        return Ok((1.0, 0.0));
    }
    if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(exc::zero_division("0.0 to a negative or complex power"));
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// Remove the `count` elements of a slice (start, step) in one pass.
fn delete_slice<T>(xs: &mut Vec<T>, start: i64, step: i64, count: usize) {
    if count == 0 {
        return;
    }
    if step == 1 {
        xs.drain(start as usize..start as usize + count);
        return;
    }
    let (lo, hi, stride) = if step > 0 {
        (start, start + (count as i64 - 1) * step, step)
    } else {
        (start + (count as i64 - 1) * step, start, -step)
    };
    let mut i = 0i64;
    xs.retain(|_| {
        let keep = !(i >= lo && i <= hi && (i - lo) % stride == 0);
        i += 1;
        keep
    });
}
