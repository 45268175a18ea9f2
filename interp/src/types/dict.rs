//! The storage of `dict` (and of instance and class namespaces): insertion-ordered entries
//! with a hash index, like CPython's compact dict.
//!
//! Key equality is supplied by the caller: the VM decides whether two keys are equal (it may
//! have to call `__eq__`), this type only stores and finds.
//!
//! Small dicts (instance namespaces, keyword arguments) have no hash index: a scan of up to
//! `SMALL` entries in one allocation beats chasing a second pointer to the index's control
//! bytes, and saves its memory. The index is built when the dict grows past that.

use crate::value::{ObjRef, Value};
use hashbrown::HashTable;

#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// Entries (live or not) a dict holds before it builds its hash index.
const SMALL: usize = 8;

#[derive(Debug, Default)]
pub struct Dict {
    entries: Vec<Entry>,
    /// Entry indices by hash; used only when `indexed`.
    index: HashTable<u32>,
    indexed: bool,
    len: usize,
    /// Bumped on every insertion or deletion (not on value updates): iterators check it.
    pub version: u32,
}

impl Dict {
    pub fn new() -> Self {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Self {
        Dict {
            entries: Vec::with_capacity(n),
            index: if n > SMALL {
                HashTable::with_capacity(n)
            } else {
                HashTable::new()
            },
            indexed: false,
            len: 0,
            version: 0,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Index of the entry whose key satisfies `eq`, among entries with this hash.
    #[inline]
    pub fn find(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        if !self.indexed {
            // Tombstones have key Undef, which no caller's `eq` accepts.
            return entries
                .iter()
                .position(|e| e.hash == hash && !matches!(e.key, Value::Undef) && eq(e.key));
        }
        self.index
            .find(hash as u64, |&i| {
                let e = &entries[i as usize];
                e.hash == hash && eq(e.key)
            })
            .map(|&i| i as usize)
    }

    /// Every live entry index with this hash (for keys whose equality needs the VM).
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        let entries = &self.entries;
        if !self.indexed {
            return (0..entries.len())
                .filter(|&i| entries[i].hash == hash && !matches!(entries[i].key, Value::Undef))
                .collect();
        }
        self.index
            .iter_hash(hash as u64)
            .map(|&i| i as usize)
            .filter(|&i| entries[i].hash == hash)
            .collect()
    }

    #[inline]
    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries
            .get(i)
            .filter(|e| !matches!(e.key, Value::Undef))
    }

    /// The value at entry `i` if its key is the string object `name` itself: how the VM's
    /// per-site caches check a remembered slot (keys are unique, so then it is the binding).
    #[inline]
    pub fn value_if_key_at(&self, i: usize, name: ObjRef) -> Option<Value> {
        let e = self.entry(i)?;
        matches!(e.key, Value::Obj(k) if k == name).then_some(e.value)
    }

    #[inline]
    pub fn value_at(&self, i: usize) -> Value {
        self.entries[i].value
    }

    #[inline]
    pub fn key_at(&self, i: usize) -> Value {
        self.entries[i].key
    }

    #[inline]
    pub fn set_value_at(&mut self, i: usize, v: Value) {
        self.entries[i].value = v;
    }

    /// Append a key known to be absent; its entry index.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) -> usize {
        let i = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        if self.indexed {
            let entries = &self.entries;
            self.index
                .insert_unique(hash as u64, i, |&j| entries[j as usize].hash as u64);
        } else if self.entries.len() > SMALL {
            self.reindex();
        }
        self.len += 1;
        self.version = self.version.wrapping_add(1);
        i as usize
    }

    pub fn remove_at(&mut self, i: usize) -> Entry {
        let e = self.entries[i];
        if self.indexed {
            if let Ok(slot) = self.index.find_entry(e.hash as u64, |&j| j as usize == i) {
                slot.remove();
            }
        }
        self.entries[i].key = Value::Undef;
        self.entries[i].value = Value::Undef;
        self.len -= 1;
        self.version = self.version.wrapping_add(1);
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        e
    }

    fn compact(&mut self) {
        self.entries.retain(|e| !matches!(e.key, Value::Undef));
        self.reindex();
    }

    /// Rebuild the index from the entries (or drop it, for a small dict).
    fn reindex(&mut self) {
        self.index.clear();
        self.indexed = self.entries.len() > SMALL;
        if !self.indexed {
            return;
        }
        for (i, e) in self.entries.iter().enumerate() {
            if matches!(e.key, Value::Undef) {
                continue;
            }
            let entries = &self.entries;
            self.index.insert_unique(e.hash as u64, i as u32, |&j| {
                entries[j as usize].hash as u64
            });
        }
    }

    /// Remove and return the most recently inserted entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let i = self
            .entries
            .iter()
            .rposition(|e| !matches!(e.key, Value::Undef))?;
        let e = self.remove_at(i);
        // Trailing tombstones are dead weight; drop them.
        while matches!(self.entries.last(), Some(x) if matches!(x.key, Value::Undef)) {
            self.entries.pop();
        }
        Some(e)
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.indexed = false;
        self.len = 0;
        self.version = self.version.wrapping_add(1);
    }

    /// Upper bound for entry indices (iteration walks `0..capacity_index()`).
    #[inline]
    pub fn capacity_index(&self) -> usize {
        self.entries.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries
            .iter()
            .filter(|e| !matches!(e.key, Value::Undef))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key).collect()
    }

    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        for e in self.iter() {
            if let Value::Obj(r) = e.key {
                out.push(r);
            }
            if let Value::Obj(r) = e.value {
                out.push(r);
            }
        }
    }

    pub fn size_estimate(&self) -> usize {
        self.entries.capacity() * 40 + self.index.capacity() * 8
    }

    /// A copy with the same entries in the same order.
    pub fn copy(&self) -> Dict {
        let mut d = Dict::with_capacity(self.len);
        for e in self.iter() {
            d.insert_new(e.hash, e.key, e.value);
        }
        d
    }
}
