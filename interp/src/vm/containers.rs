//! Dict and set operations that may call back into scripts (`__hash__`, `__eq__`).
//!
//! Keys whose equality can be decided without the VM (numbers, strs, tuples of them, and
//! objects compared by identity) take a single pass through the table; other keys collect the
//! candidates with an equal hash first and compare them through the VM.

use crate::object::Obj;
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self};
use crate::vm::{PyResult, Vm};

fn identity_key(o: &Obj) -> bool {
    !matches!(
        o,
        Obj::Instance(_)
            | Obj::FrozenSet(_)
            | Obj::Set(_)
            | Obj::List(_)
            | Obj::Dict(_)
            | Obj::Complex(..)
            | Obj::Range(_)
            | Obj::Slice(_)
            | Obj::DictView(..)
            | Obj::ByteArray(_)
    )
}

impl Vm {
    /// Can equality with this key be decided by `fast_eq` alone?
    fn pure_key(&self, k: Value) -> bool {
        match k {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Tuple(xs) => xs.iter().all(|&x| self.pure_key(x)),
                Obj::Str(_) | Obj::BigInt(_) | Obj::Bytes(_) => true,
                o => identity_key(o),
            },
            _ => true,
        }
    }

    fn find_in_dict(&mut self, d: ObjRef, key: Value, h: i64) -> PyResult<Option<usize>> {
        if self.pure_key(key) {
            let found = match self.heap.get(d) {
                Obj::Dict(dict) => {
                    dict.find(h, |k| k.is(key) || self.fast_eq(key, k) == Some(true))
                }
                _ => None,
            };
            return Ok(found);
        }
        let cands = match self.heap.get(d) {
            Obj::Dict(dict) => dict.candidates(h),
            _ => Vec::new(),
        };
        for i in cands {
            let k = match self.heap.get(d) {
                Obj::Dict(dict) => match dict.entry(i) {
                    Some(e) => e.key,
                    None => continue,
                },
                _ => continue,
            };
            if k.is(key) || self.eq(key, k)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    /// `d[key]` without KeyError.
    pub fn dict_lookup(&mut self, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash_value(key)?;
        let i = self.find_in_dict(d, key, h)?;
        Ok(i.and_then(|i| match self.heap.get(d) {
            Obj::Dict(dict) => Some(dict.value_at(i)),
            _ => None,
        }))
    }

    pub fn dict_set(&mut self, d: ObjRef, key: Value, val: Value) -> PyResult<()> {
        let h = self.hash_value(key)?;
        let i = self.find_in_dict(d, key, h)?;
        match self.heap.get_mut_adding(d, &[key, val]) {
            Obj::Dict(dict) => match i {
                Some(i) => dict.set_value_at(i, val),
                None => {
                    dict.insert_new(h, key, val);
                    self.heap.grew(40);
                }
            },
            _ => return Err(exc::type_error("not a dict")),
        }
        Ok(())
    }

    pub fn dict_remove(&mut self, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
        let h = self.hash_value(key)?;
        let i = self.find_in_dict(d, key, h)?;
        Ok(match (i, self.heap.get_mut(d)) {
            (Some(i), Obj::Dict(dict)) => Some(dict.remove_at(i).value),
            _ => None,
        })
    }

    /// `target.update(src)` (merge: duplicate keys are an error, for `f(**a, **b)`).
    pub fn dict_merge_into(&mut self, target: ObjRef, src: Value, merge: bool) -> PyResult<()> {
        if let Value::Obj(s) = src {
            if let Obj::Dict(sd) = self.heap.get(s) {
                let entries: Vec<(Value, Value)> = sd.iter().map(|e| (e.key, e.value)).collect();
                for (k, v) in entries {
                    if merge && self.dict_lookup(target, k)?.is_some() {
                        let ks = self.str_of_value_lossy(k);
                        return Err(exc::type_error(format!(
                            "got multiple values for keyword argument '{ks}'"
                        )));
                    }
                    self.dict_set(target, k, v)?;
                }
                return Ok(());
            }
        }
        // A mapping: keys() then __getitem__.
        let keys_name = self.names.keys;
        let keys = match self.get_attr_opt(src, keys_name)? {
            Some(f) => self.call(f, &[])?,
            None => {
                let t = self.type_name(src);
                return Err(exc::type_error(format!("'{t}' object is not a mapping")));
            }
        };
        for k in self.iterate(keys)? {
            let v = self.get_item(src, k)?;
            self.dict_set(target, k, v)?;
        }
        Ok(())
    }

    /// `dict.update(other)` semantics: a mapping or an iterable of pairs.
    pub fn dict_update_from(&mut self, target: ObjRef, src: Value) -> PyResult<()> {
        let is_mapping = match src {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Dict(_) => true,
                Obj::Instance(_) => {
                    let k = self.names.keys;
                    self.get_attr_opt(src, k)?.is_some()
                }
                _ => false,
            },
            _ => false,
        };
        if is_mapping {
            return self.dict_merge_into(target, src, false);
        }
        let items = self.iterate(src)?;
        for (n, item) in items.into_iter().enumerate() {
            let pair = match self.iterate(item) {
                Ok(p) => p,
                Err(_) => {
                    let t = self.type_name(item);
                    return Err(exc::type_error(format!(
                        "cannot convert dictionary update sequence element #{n} to a sequence"
                    )))
                    .inspect_err(|_e| {
                        let _ = t;
                    });
                }
            };
            if pair.len() != 2 {
                return Err(exc::value_error(format!(
                    "dictionary update sequence element #{n} has length {}; 2 is required",
                    pair.len()
                )));
            }
            self.dict_set(target, pair[0], pair[1])?;
        }
        Ok(())
    }

    // ----- sets -----

    fn find_in_set(&mut self, s: ObjRef, key: Value, h: i64) -> PyResult<Option<usize>> {
        if self.pure_key(key) {
            return Ok(match self.heap.get(s) {
                Obj::Set(set) | Obj::FrozenSet(set) => {
                    set.find(h, |k| k.is(key) || self.fast_eq(key, k) == Some(true))
                }
                _ => None,
            });
        }
        let cands = match self.heap.get(s) {
            Obj::Set(set) | Obj::FrozenSet(set) => set.candidates(h),
            _ => Vec::new(),
        };
        for j in cands {
            let k = match self.heap.get(s) {
                Obj::Set(set) | Obj::FrozenSet(set) => match set.slot(j) {
                    Some((k, _)) => k,
                    None => continue,
                },
                _ => continue,
            };
            if k.is(key) || self.eq(key, k)? {
                return Ok(Some(j));
            }
        }
        Ok(None)
    }

    pub fn set_contains(&mut self, s: ObjRef, key: Value) -> PyResult<bool> {
        let h = match self.hash_value(key) {
            Ok(h) => h,
            Err(e) => {
                // `{1} in set_of_frozensets`: a set key is looked up as a frozenset.
                if let Value::Obj(kr) = key {
                    if let Obj::Set(inner) = self.heap.get(kr) {
                        let fs = inner.copy();
                        let f = Value::Obj(self.heap.alloc(Obj::FrozenSet(Box::new(fs))));
                        return self.set_contains(s, f);
                    }
                }
                return Err(e);
            }
        };
        Ok(self.find_in_set(s, key, h)?.is_some())
    }

    /// `xs.append(v)` on list `l` (nothing for other objects), through the collector's
    /// append barrier.
    #[inline]
    pub fn list_push(&mut self, l: ObjRef, v: Value) {
        if let Obj::List(xs) = self.heap.get_mut_adding(l, &[v]) {
            xs.push(v);
        }
    }

    pub fn set_add(&mut self, s: ObjRef, key: Value) -> PyResult<()> {
        let h = self.hash_value(key)?;
        if self.find_in_set(s, key, h)?.is_none() {
            if let Obj::Set(set) | Obj::FrozenSet(set) = self.heap.get_mut_adding(s, &[key]) {
                set.insert_absent(h, key);
            }
            self.heap.grew(24);
        }
        Ok(())
    }

    pub fn set_discard(&mut self, s: ObjRef, key: Value) -> PyResult<bool> {
        let h = self.hash_value(key)?;
        match self.find_in_set(s, key, h)? {
            Some(j) => {
                if let Obj::Set(set) = self.heap.get_mut(s) {
                    set.remove_slot(j);
                }
                Ok(true)
            }
            None => Ok(false),
        }
    }

    pub fn new_dict_ref(&mut self) -> ObjRef {
        self.heap.alloc(Obj::Dict(Box::default()))
    }
}
