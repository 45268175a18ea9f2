//! Inline caches keyed by bytecode site (CPython 3.11's specializations, PEP 659): instance
//! attribute loads and stores (LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE), method
//! loads on instances and builtin values (LOAD_METHOD_WITH_DICT, LOAD_METHOD_NO_DICT),
//! property getters and setters, builtins read by `LoadGlobal` (LOAD_GLOBAL_BUILTIN), and a
//! dict-slot hint per site for module globals and namespace names.
//!
//! One direct-mapped, two-way table per VM, indexed by the instruction's site (its code
//! object's base site plus its offset), so `Code` stays immutable and shareable between VMs.
//! An entry says what the last lookup at a site found for one class (see [`Kind`]).
//!
//! Every hit is re-validated, so a collision between sites or a stale entry only costs a
//! miss: the class, the name and the heap's class epoch must match (the epoch moves whenever
//! any class changes and at every collection, as for the type cache), and a dict entry at a
//! recorded index must still hold this very name (keys are unique in a dict).

use crate::code::Code;
use crate::value::ObjRef;
use std::cell::Cell;

/// Sites: instructions of the running program map onto these in order (see
/// `Code::cache_base`); a program larger than this shares slots, each hit still validated.
const SIZE: usize = 2048;
/// Entries per site: a site that sees two classes (a base-class method running on instances
/// of two subclasses) keeps both.
const WAYS: usize = 2;

/// What an entry caches.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Empty,
    /// The class has no attribute of this name, or only plain data (a default value, which
    /// the instance dict shadows); the instance dict holds it at `index`.
    Load,
    /// As `Load`, and the class has no `__setattr__` of its own: stores go into the dict.
    Store,
    /// The class attribute is a plain function, `index` its handle.
    Method,
    /// As `Method`, for a value of a builtin type (a list, str, dict...): no instance dict
    /// can shadow it.
    ValueMethod,
    /// The class attribute is a property whose getter is a script function, `index` its
    /// handle (a data descriptor: the instance dict does not matter).
    Getter,
    /// As `Getter`, with a native getter (the fields of host types).
    NativeGetter,
    /// `LoadGlobal` of a builtin: `class` is the module dict, `index` the builtins dict
    /// entry, `epoch` the collection count and module dict version (insertions and
    /// deletions) when the name was found missing from the module.
    Builtin,
    /// The class attribute is a property with a setter, `index` its handle. Host references
    /// are answered by their handler before any property, but a class's instances are all
    /// references or none, so what the last store found holds for the class.
    Setter,
}

#[derive(Clone, Copy)]
pub struct Entry {
    pub epoch: u64,
    pub class: ObjRef,
    pub name: ObjRef,
    pub index: u32,
    pub kind: Kind,
}

pub struct AttrCache {
    entries: Box<[Cell<Entry>]>,
    /// Per site: the dict entry index where a namespace name (`LoadName`/`StoreName` in
    /// module and class bodies) was last found. Only a hint: the entry's key is checked.
    hints: Box<[Cell<u32>]>,
}

impl Default for AttrCache {
    fn default() -> Self {
        let empty = Entry {
            epoch: 0,
            class: ObjRef(0),
            name: ObjRef(0),
            index: 0,
            kind: Kind::Empty,
        };
        AttrCache {
            entries: (0..SIZE * WAYS).map(|_| Cell::new(empty)).collect(),
            hints: (0..SIZE).map(|_| Cell::new(0)).collect(),
        }
    }
}

/// The cache slot of instruction `ip` of `code`.
#[inline]
pub fn site(code: &Code, ip: usize) -> usize {
    (code.cache_base as usize).wrapping_add(ip) & (SIZE - 1)
}

impl AttrCache {
    /// The entry at `site` for this class, name and epoch, of any kind.
    #[inline]
    pub fn lookup(&self, site: usize, class: ObjRef, name: ObjRef, epoch: u64) -> Option<Entry> {
        let hit = |e: &Entry| e.class == class && e.name == name && e.epoch == epoch;
        let e = self.entries[site * WAYS].get();
        if hit(&e) {
            return Some(e);
        }
        let e = self.entries[site * WAYS + 1].get();
        (hit(&e) && e.kind != Kind::Empty).then_some(e)
    }

    /// The entry at `site` if it is of `kind` for this class, name and epoch.
    #[inline]
    pub fn get(
        &self,
        site: usize,
        kind: Kind,
        class: ObjRef,
        name: ObjRef,
        epoch: u64,
    ) -> Option<Entry> {
        let hit =
            |e: &Entry| e.kind == kind && e.class == class && e.name == name && e.epoch == epoch;
        let e = self.entries[site * WAYS].get();
        if hit(&e) {
            return Some(e);
        }
        let e = self.entries[site * WAYS + 1].get();
        hit(&e).then_some(e)
    }

    #[inline]
    pub fn hint(&self, site: usize) -> usize {
        self.hints[site].get() as usize
    }

    #[inline]
    pub fn set_hint(&self, site: usize, index: usize) {
        self.hints[site].set(index as u32);
    }

    /// Record `e` at `site`, keeping the previous entry of another class in the second way.
    #[inline]
    pub fn put(&self, site: usize, e: Entry) {
        let first = &self.entries[site * WAYS];
        let old = first.get();
        if old.class != e.class || old.name != e.name || old.kind != e.kind {
            self.entries[site * WAYS + 1].set(old);
        }
        first.set(e);
    }
}
