//! Where a global name was last found, so `LoadGlobal` skips hashing and probing: the entry
//! index in the module dict, or in the builtins dict while the module dict has not changed
//! shape (CPython 3.11 specializes LOAD_GLOBAL the same way, PEP 659).
//!
//! A hit is always re-checked: the entry at the cached index must still hold this very name
//! (keys are unique in a dict, so then it is the binding; values may change freely). A
//! builtins hit also needs the module dict's version (bumped by insertions and deletions)
//! unchanged, proving the name is still not global. Entries die with each collection, after
//! which a dict's handle may name a new dict.

use crate::types::dict::Dict;
use crate::value::{ObjRef, Value};

const SIZE: usize = 256;

#[derive(Clone, Copy)]
struct Entry {
    collections: u64,
    globals: ObjRef,
    name: ObjRef,
    /// The module dict's version when the name was found in builtins.
    version: u32,
    index: u32,
    in_builtins: bool,
}

pub struct GlobalCache {
    entries: Box<[Entry]>,
}

impl Default for GlobalCache {
    fn default() -> Self {
        let empty = Entry {
            collections: u64::MAX,
            globals: ObjRef(0),
            name: ObjRef(0),
            version: 0,
            index: 0,
            in_builtins: false,
        };
        GlobalCache {
            entries: vec![empty; SIZE].into_boxed_slice(),
        }
    }
}

/// A found binding, as `GlobalCache::record` takes it.
#[derive(Clone, Copy)]
pub enum Found {
    Global(usize),
    Builtin(usize),
}

#[inline]
fn slot(globals: ObjRef, name: ObjRef) -> usize {
    let h = globals.0.wrapping_mul(0x9E37_79B1) ^ name.0.wrapping_mul(0x85EB_CA77);
    (h >> 16) as usize % SIZE
}

#[inline]
fn holds(d: &Dict, index: u32, name: ObjRef) -> Option<Value> {
    match d.entry(index as usize) {
        Some(e) if matches!(e.key, Value::Obj(k) if k == name) => Some(e.value),
        _ => None,
    }
}

impl GlobalCache {
    /// The cached binding of `name`, if still valid.
    #[inline]
    pub fn get(
        &self,
        collections: u64,
        globals: ObjRef,
        gdict: &Dict,
        builtins: &Dict,
        name: ObjRef,
    ) -> Option<(Value, Found)> {
        let e = &self.entries[slot(globals, name)];
        if e.collections != collections || e.globals != globals || e.name != name {
            return None;
        }
        if !e.in_builtins {
            return holds(gdict, e.index, name).map(|v| (v, Found::Global(e.index as usize)));
        }
        if gdict.version != e.version {
            return None;
        }
        holds(builtins, e.index, name).map(|v| (v, Found::Builtin(e.index as usize)))
    }

    pub fn record(
        &mut self,
        collections: u64,
        globals: ObjRef,
        version: u32,
        name: ObjRef,
        found: Found,
    ) {
        let (index, in_builtins) = match found {
            Found::Global(i) => (i, false),
            Found::Builtin(i) => (i, true),
        };
        self.entries[slot(globals, name)] = Entry {
            collections,
            globals,
            name,
            version,
            index: index as u32,
            in_builtins,
        };
    }
}
