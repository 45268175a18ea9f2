//! The type attribute cache: `(class, name) -> what the MRO walk found`, so that attribute
//! and method lookups on instances do not walk the MRO and probe each class dict every time
//! (CPython's type cache plays the same part).
//!
//! Entries are valid for one `Heap::class_epoch`. The heap bumps the epoch whenever any class
//! object is borrowed mutably (its dict, bases or MRO may change) and on every collection
//! (a freed class's slot may be reused by a new class), so a stale entry can never be read.
//! Classes change rarely once a program runs; a script that keeps assigning class attributes
//! just runs uncached.

use crate::value::{ObjRef, Value};
use std::cell::Cell;

const SIZE: usize = 1024;

#[derive(Clone, Copy)]
struct Entry {
    epoch: u64,
    class: ObjRef,
    name: ObjRef,
    found: Option<Value>,
}

pub struct TypeCache {
    entries: Box<[Cell<Entry>]>,
}

impl Default for TypeCache {
    fn default() -> Self {
        let empty = Entry {
            // Epochs start at 1: no entry is valid before it is written.
            epoch: 0,
            class: ObjRef(0),
            name: ObjRef(0),
            found: None,
        };
        TypeCache {
            entries: (0..SIZE).map(|_| Cell::new(empty)).collect(),
        }
    }
}

impl TypeCache {
    #[inline]
    fn slot(&self, class: ObjRef, name: ObjRef) -> &Cell<Entry> {
        let h = class.0.wrapping_mul(0x9E37_79B1) ^ name.0.wrapping_mul(0x85EB_CA77);
        &self.entries[(h >> 16) as usize % SIZE]
    }

    /// What a lookup of `name` on `class` found in `epoch`, if cached.
    #[inline]
    pub fn get(&self, epoch: u64, class: ObjRef, name: ObjRef) -> Option<Option<Value>> {
        let e = self.slot(class, name).get();
        (e.epoch == epoch && e.class == class && e.name == name).then_some(e.found)
    }

    #[inline]
    pub fn put(&self, epoch: u64, class: ObjRef, name: ObjRef, found: Option<Value>) {
        self.slot(class, name).set(Entry {
            epoch,
            class,
            name,
            found,
        });
    }
}
