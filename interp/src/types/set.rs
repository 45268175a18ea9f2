//! The storage of `set` and `frozenset`: CPython's open-addressing table (linear probes, then
//! perturbed probing), reproduced so that iteration order — visible whenever a script prints a
//! set of ints — is the same as CPython's.

use crate::value::{ObjRef, Value};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The hash of a deleted ("dummy") slot; real hashes are never -1.
const DUMMY: i64 = -1;

/// A slot: the hash and the key's payload, 16 bytes (CPython's `setentry` size). The key's
/// kind lives in the parallel `tags` byte array: stored whole, a `Value` made a slot 24 bytes,
/// and a set of a million ints took 48 MiB of table where CPython takes 32.
#[derive(Debug, Clone, Copy)]
struct Slot {
    hash: i64,
    payload: u64,
}

/// An unused slot: hash 0 for never used, [`DUMMY`] for deleted; its tag is [`FREE`].
const EMPTY: Slot = Slot {
    hash: 0,
    payload: 0,
};

/// The tag of an unused or deleted slot (`Value::Undef`'s kind: keys are never `Undef`);
/// active slots carry their key's kind ([`Value::split`]).
const FREE: u8 = 0;

#[derive(Debug)]
pub struct Set {
    table: Vec<Slot>,
    /// Per slot: the key's kind, or [`FREE`].
    tags: Vec<u8>,
    /// Active + dummy slots.
    fill: usize,
    used: usize,
    /// Bumped on every change of membership: iterators check it.
    pub version: u32,
}

impl Default for Set {
    fn default() -> Self {
        Set::new()
    }
}

impl Set {
    pub fn new() -> Self {
        Set {
            table: vec![EMPTY; MIN_SIZE],
            tags: vec![FREE; MIN_SIZE],
            fill: 0,
            used: 0,
            version: 0,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    #[inline]
    fn is_active(&self, j: usize) -> bool {
        self.tags[j] != FREE
    }

    #[inline]
    fn key(&self, j: usize) -> Value {
        Value::join(self.tags[j], self.table[j].payload)
    }

    /// Slot of the key that satisfies `eq` among those with this hash.
    pub fn find(&self, hash: i64, mut eq: impl FnMut(Value) -> bool) -> Option<usize> {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let h = self.table[j].hash;
                if self.is_active(j) {
                    if h == hash && eq(self.key(j)) {
                        return Some(j);
                    }
                } else if h == 0 {
                    return None;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Every active slot with this hash (for keys whose equality needs the VM).
    pub fn candidates(&self, hash: i64) -> Vec<usize> {
        (0..self.table.len())
            .filter(|&j| self.is_active(j) && self.table[j].hash == hash)
            .collect()
    }

    /// Insert a key known to be absent.
    pub fn insert_absent(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut freeslot = None;
        let found = 'outer: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                if !self.is_active(j) {
                    let h = self.table[j].hash;
                    if h == 0 {
                        break 'outer j;
                    }
                    if h == DUMMY && freeslot.is_none() {
                        freeslot = Some(j);
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        };
        self.version = self.version.wrapping_add(1);
        let (tag, payload) = key.split();
        if let Some(f) = freeslot {
            self.table[f] = Slot { hash, payload };
            self.tags[f] = tag;
            self.used += 1;
            return;
        }
        self.table[found] = Slot { hash, payload };
        self.tags[found] = tag;
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            self.resize(if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![EMPTY; newsize]);
        let old_tags = std::mem::replace(&mut self.tags, vec![FREE; newsize]);
        self.fill = self.used;
        let mask = newsize - 1;
        for (s, &tag) in old.iter().zip(&old_tags) {
            if tag != FREE {
                insert_clean(&mut self.table, &mut self.tags, mask, *s, tag);
            }
        }
    }

    pub fn remove_slot(&mut self, j: usize) -> Value {
        let k = self.key(j);
        self.table[j] = Slot {
            hash: DUMMY,
            payload: 0,
        };
        self.tags[j] = FREE;
        self.used -= 1;
        self.version = self.version.wrapping_add(1);
        k
    }

    pub fn clear(&mut self) {
        *self = Set {
            version: self.version.wrapping_add(1),
            ..Set::new()
        };
    }

    /// Key and hash at a slot, if active (iteration walks `0..slots()`).
    #[inline]
    pub fn slot(&self, j: usize) -> Option<(Value, i64)> {
        match self.tags.get(j) {
            Some(&tag) if tag != FREE => {
                Some((Value::join(tag, self.table[j].payload), self.table[j].hash))
            }
            _ => None,
        }
    }

    pub fn slots(&self) -> usize {
        self.table.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Value, i64)> + '_ {
        self.table
            .iter()
            .zip(&self.tags)
            .filter(|(_, &tag)| tag != FREE)
            .map(|(s, &tag)| (Value::join(tag, s.payload), s.hash))
    }

    /// `pop()`: CPython takes the first active slot from a moving finger; we take the first.
    pub fn pop_first(&mut self) -> Option<Value> {
        let j = self.tags.iter().position(|&t| t != FREE)?;
        Some(self.remove_slot(j))
    }

    /// A new set with this one's keys, laid out as CPython's `set_merge` into an empty set.
    pub fn copy(&self) -> Set {
        let mut s = Set::new();
        s.merge_from(self);
        s
    }

    /// Add every key of `other` that is not already here (`set_merge`). `eq` decides key
    /// equality for keys with equal hashes.
    pub fn merge_from(&mut self, other: &Set) {
        self.merge_from_with(other, |a, b| a.is(b));
    }

    pub fn merge_from_with(&mut self, other: &Set, mut eq: impl FnMut(Value, Value) -> bool) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        self.version = self.version.wrapping_add(1);
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table.clone_from(&other.table);
            self.tags.clone_from(&other.tags);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            let mask = self.mask();
            for (s, &tag) in other.table.iter().zip(&other.tags) {
                if tag != FREE {
                    insert_clean(&mut self.table, &mut self.tags, mask, *s, tag);
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for (k, h) in other.iter() {
            if self.find(h, |x| eq(x, k)).is_none() {
                self.insert_absent(h, k);
            }
        }
    }

    /// An exact copy of the table (same layout), for reading while the VM is borrowed.
    pub fn copy_raw(&self) -> Set {
        Set {
            table: self.table.clone(),
            tags: self.tags.clone(),
            fill: self.fill,
            used: self.used,
            version: self.version,
        }
    }

    /// Grow ahead of merging `extra` keys, as CPython's set_merge does.
    pub fn reserve_for_merge(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.used + extra) * 2);
        }
    }

    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        for (k, _) in self.iter() {
            if let Value::Obj(r) = k {
                out.push(r);
            }
        }
    }

    pub fn size_estimate(&self) -> usize {
        self.table.len() * (std::mem::size_of::<Slot>() + 1)
    }
}

/// Place an active slot in a table with no dummies, at the first free slot of its probe
/// sequence (CPython's `set_insert_clean`).
fn insert_clean(table: &mut [Slot], tags: &mut [u8], mask: usize, s: Slot, tag: u8) {
    let mut i = (s.hash as u64 as usize) & mask;
    let mut perturb = s.hash as u64;
    loop {
        if tags[i] == FREE {
            table[i] = s;
            tags[i] = tag;
            return;
        }
        if i + LINEAR_PROBES <= mask {
            if let Some(j) = (i + 1..=i + LINEAR_PROBES).find(|&j| tags[j] == FREE) {
                table[j] = s;
                tags[j] = tag;
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}
