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

impl Value {
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
