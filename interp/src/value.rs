//! The value type: small, `Copy`, 16 bytes. Immediate for None, bools, small ints and floats;
//! a handle into the VM's heap for everything else.

/// A handle to an object in one VM's heap. Only meaningful with the heap that issued it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct ObjRef(pub(crate) u32);

impl ObjRef {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A script value.
///
/// `repr(u64)`: the tag is a whole word and every payload sits at offset 8, so a value is two
/// aligned words. With the default layout `Bool` put its payload at offset 1 and LLVM copied
/// values as overlapping unaligned pieces, stalling store-to-load forwarding on every push
/// (17% of `fib`'s time in one `mov`).
#[derive(Clone, Copy, Debug)]
#[repr(u64)]
pub enum Value {
    None,
    Bool(bool),
    /// A small int; results that overflow i64 are promoted to a heap big int.
    Int(i64),
    Float(f64),
    Obj(ObjRef),
    /// An unbound local slot or an absent stack entry. Never visible to scripts.
    Undef,
}

/// Three values in 32 bytes (three `Value`s take 48): a range's or a slice's start, stop and
/// step, kept in the heap slot instead of a separate allocation (a slice is made by every
/// `s[a:b]`).
#[derive(Clone, Copy, Debug)]
pub struct Triple {
    kinds: [u8; 3],
    bits: [u64; 3],
}

const _: () = assert!(std::mem::size_of::<Triple>() == 32);

impl Triple {
    pub fn new(values: [Value; 3]) -> Triple {
        let mut t = Triple {
            kinds: [0; 3],
            bits: [0; 3],
        };
        for (i, v) in values.into_iter().enumerate() {
            (t.kinds[i], t.bits[i]) = v.split();
        }
        t
    }

    #[inline]
    pub fn get(&self) -> [Value; 3] {
        std::array::from_fn(|i| Value::join(self.kinds[i], self.bits[i]))
    }
}

impl Value {
    /// The value as a kind byte and an 8-byte payload, for packed storage (set slots,
    /// [`Triple`]). Kind 0 is `Undef`, which packed storage also reads as "nothing here".
    #[inline]
    pub fn split(self) -> (u8, u64) {
        match self {
            Value::Undef => (0, 0),
            Value::None => (1, 0),
            Value::Bool(b) => (2, b as u64),
            Value::Int(i) => (3, i as u64),
            Value::Float(f) => (4, f.to_bits()),
            Value::Obj(r) => (5, r.0 as u64),
        }
    }

    /// The value [`Value::split`] made `(kind, payload)` of.
    #[inline]
    pub fn join(kind: u8, payload: u64) -> Value {
        match kind {
            1 => Value::None,
            2 => Value::Bool(payload != 0),
            3 => Value::Int(payload as i64),
            4 => Value::Float(f64::from_bits(payload)),
            5 => Value::Obj(ObjRef(payload as u32)),
            _ => Value::Undef,
        }
    }

    #[inline]
    pub fn is_none(self) -> bool {
        matches!(self, Value::None)
    }

    #[inline]
    pub fn as_obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }

    /// Identity, as Python's `is` sees it.
    #[inline]
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Undef, Value::Undef) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);
