//! The iteration protocol: `iter()` and `next()` for every builtin iterable, generators,
//! and user classes with `__iter__`/`__next__` or the old `__getitem__` protocol.

use crate::object::{DictView, FilterIter, IterKind, Obj};
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self, ExcKind, PyErr};
use crate::vm::{PyResult, Vm};

impl Vm {
    pub fn new_iter(&mut self, k: IterKind) -> Value {
        Value::Obj(self.heap.alloc(Obj::Iter(k)))
    }

    pub fn is_iterable(&mut self, v: Value) -> bool {
        match v {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(_)
                | Obj::List(_)
                | Obj::Tuple(_)
                | Obj::Dict(_)
                | Obj::Set(_)
                | Obj::FrozenSet(_)
                | Obj::Range(_)
                | Obj::Bytes(_)
                | Obj::ByteArray(_)
                | Obj::Iter(_)
                | Obj::Generator(_)
                | Obj::DictView(..) => true,
                Obj::Instance(_) => {
                    let cls = self.class_of(v);
                    let (i, g) = (self.names.__iter__, self.names.__getitem__);
                    self.lookup_type_attr(cls, i).is_some()
                        || self.lookup_type_attr(cls, g).is_some()
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// `iter(v)`
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let it_name = self.names.__iter__;
        if let Some(it) = self.meta_dunder(v, it_name, &[])? {
            return Ok(it);
        }
        if let Value::Obj(r) = v {
            let k = match self.heap.get(r) {
                Obj::List(_) | Obj::Tuple(_) => Some(IterKind::Seq { seq: r, idx: 0 }),
                Obj::Str(_) => Some(IterKind::Str { s: r, byte: 0 }),
                Obj::Bytes(_) | Obj::ByteArray(_) => Some(IterKind::Bytes { b: r, idx: 0 }),
                Obj::Dict(d) => Some(IterKind::Dict {
                    dict: r,
                    idx: 0,
                    view: DictView::Keys,
                    len: d.len(),
                }),
                Obj::DictView(d, view) => {
                    let len = match self.heap.get(*d) {
                        Obj::Dict(dd) => dd.len(),
                        _ => 0,
                    };
                    Some(IterKind::Dict {
                        dict: *d,
                        idx: 0,
                        view: *view,
                        len,
                    })
                }
                Obj::Set(s) | Obj::FrozenSet(s) => Some(IterKind::Set {
                    set: r,
                    idx: 0,
                    len: s.len(),
                }),
                Obj::Range(parts) => {
                    let [a, b, c] = parts.get();
                    match (a, b, c) {
                        (Value::Int(a), Value::Int(b), Value::Int(c)) => Some(IterKind::Range {
                            cur: a,
                            stop: b,
                            step: c,
                        }),
                        _ => {
                            let (a, b, c) = (
                                self.to_bigint(a).unwrap_or_default(),
                                self.to_bigint(b).unwrap_or_default(),
                                self.to_bigint(c).unwrap_or_default(),
                            );
                            Some(IterKind::BigRange(Box::new(crate::object::BigRange {
                                cur: a,
                                stop: b,
                                step: c,
                            })))
                        }
                    }
                }
                Obj::Iter(_) | Obj::Generator(_) => return Ok(v),
                Obj::Instance(_) => None,
                _ => None,
            };
            if let Some(k) = k {
                return Ok(self.new_iter(k));
            }
            if let Obj::Instance(_) = self.heap.get(r) {
                let cls = self.class_of(v);
                let it = self.names.__iter__;
                if let Some(f) = self.lookup_type_attr(cls, it) {
                    if f.is_none() {
                        let t = self.type_name(v);
                        return Err(exc::type_error(format!("'{t}' object is not iterable")));
                    }
                    let res = self.call_bound(f, v, &[])?;
                    let nx = self.names.__next__;
                    let rc = self.class_of(res);
                    if self.lookup_type_attr(rc, nx).is_none()
                        && !matches!(res, Value::Obj(x) if matches!(self.heap.get(x), Obj::Iter(_) | Obj::Generator(_)))
                    {
                        let t = self.type_name(res);
                        return Err(exc::type_error(format!(
                            "iter() returned non-iterator of type '{t}'"
                        )));
                    }
                    return Ok(res);
                }
                let gi = self.names.__getitem__;
                if self.lookup_type_attr(cls, gi).is_some() {
                    return Ok(self.new_iter(IterKind::GetItem { obj: v, idx: 0 }));
                }
                let base = self.unwrap_base(v);
                if !base.is(v) {
                    return self.get_iter(base);
                }
            }
        }
        let t = self.type_name(v);
        Err(exc::type_error(format!("'{t}' object is not iterable")))
    }

    /// `next(it)` for native callers (`sum`, `list`, `sorted`, ...): each element costs one
    /// unit of fuel, so a native loop over a huge iterator cannot outrun the budget.
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        self.charge_native(1)?;
        self.iter_next_unmetered(it)
    }

    /// Charge `n` units of fuel for work native code does without a safe point. Native code
    /// cannot be suspended, so past the budget it may run into the overdraft, then fails.
    pub fn charge_native(&mut self, n: i64) -> PyResult<()> {
        self.fuel -= n;
        if self.fuel > 0 || !self.fuel_limited {
            return Ok(());
        }
        if self.fuel_reserve > 0 {
            let expired = self
                .deadline
                .is_some_and(|d| std::time::Instant::now() >= d);
            if !expired {
                let chunk = self.fuel_reserve.min(crate::vm::FUEL_CHUNK.max(n));
                self.fuel_reserve -= chunk;
                self.fuel += chunk;
                if self.fuel > 0 {
                    return Ok(());
                }
            } else {
                self.fuel_reserve = 0;
            }
        }
        if self.fuel > -self.native_overdraft {
            return Ok(());
        }
        self.fuel = 0;
        Err(PyErr::new(
            ExcKind::RuntimeError,
            "script ran out of fuel inside a native call",
        ))
    }

    /// `next(it)` from the eval loop (which charges fuel at its own safe points).
    pub fn iter_next_unmetered(&mut self, it: Value) -> PyResult<Option<Value>> {
        let Value::Obj(r) = it else {
            let t = self.type_name(it);
            return Err(exc::type_error(format!("'{t}' object is not an iterator")));
        };
        match self.heap.get(r) {
            Obj::Iter(_) => self.builtin_iter_next(r),
            Obj::Generator(_) => self.gen_next(r),
            Obj::Instance(_) => {
                let nx = self.names.__next__;
                let cls = self.class_of(it);
                match self.lookup_type_attr(cls, nx) {
                    Some(f) => match self.call_bound(f, it, &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) => {
                            if self.err_matches(&e, ExcKind::StopIteration) {
                                Ok(None)
                            } else {
                                Err(e)
                            }
                        }
                    },
                    None => {
                        let t = self.type_name(it);
                        Err(exc::type_error(format!("'{t}' object is not an iterator")))
                    }
                }
            }
            _ => {
                let t = self.type_name(it);
                Err(exc::type_error(format!("'{t}' object is not an iterator")))
            }
        }
    }

    fn builtin_iter_next(&mut self, r: ObjRef) -> PyResult<Option<Value>> {
        // Take the state out so that callbacks (map, filter) can use the VM freely.
        let state = match self.heap.get_mut(r) {
            Obj::Iter(k) => std::mem::replace(k, IterKind::Exhausted),
            _ => return Ok(None),
        };
        let (state, out) = self.step_iter(state)?;
        if let Obj::Iter(k) = self.heap.get_mut(r) {
            *k = state;
        }
        Ok(out)
    }

    fn step_iter(&mut self, state: IterKind) -> PyResult<(IterKind, Option<Value>)> {
        Ok(match state {
            IterKind::Seq { seq, idx } => {
                let v = match self.heap.get(seq) {
                    Obj::List(xs) | Obj::Tuple(xs) => xs.get(idx).copied(),
                    _ => None,
                };
                match v {
                    Some(v) => (IterKind::Seq { seq, idx: idx + 1 }, Some(v)),
                    None => (IterKind::Exhausted, None),
                }
            }
            IterKind::Str { s, byte } => {
                let ch = match self.heap.get(s) {
                    Obj::Str(ps) => ps.s[byte..].chars().next(),
                    _ => None,
                };
                match ch {
                    Some(c) => {
                        let v = self.new_str(c.to_string());
                        (
                            IterKind::Str {
                                s,
                                byte: byte + c.len_utf8(),
                            },
                            Some(v),
                        )
                    }
                    None => (IterKind::Exhausted, None),
                }
            }
            IterKind::Bytes { b, idx } => {
                let v = match self.heap.get(b) {
                    Obj::Bytes(x) | Obj::ByteArray(x) => x.get(idx).copied(),
                    _ => None,
                };
                match v {
                    Some(v) => (
                        IterKind::Bytes { b, idx: idx + 1 },
                        Some(Value::Int(v as i64)),
                    ),
                    None => (IterKind::Exhausted, None),
                }
            }
            IterKind::Range { cur, stop, step } => {
                if (step > 0 && cur < stop) || (step < 0 && cur > stop) {
                    (
                        IterKind::Range {
                            cur: cur.wrapping_add(step),
                            stop,
                            step,
                        },
                        Some(Value::Int(cur)),
                    )
                } else {
                    (IterKind::Exhausted, None)
                }
            }
            IterKind::BigRange(mut b) => {
                use num_traits::Signed;
                let live = (b.step.is_positive() && b.cur < b.stop)
                    || (b.step.is_negative() && b.cur > b.stop);
                if live {
                    let v = self.int_from_big(b.cur.clone());
                    b.cur += &b.step;
                    (IterKind::BigRange(b), Some(v))
                } else {
                    (IterKind::Exhausted, None)
                }
            }
            IterKind::Dict {
                dict,
                idx,
                view,
                len,
            } => {
                let (cur_len, cap) = match self.heap.get(dict) {
                    Obj::Dict(d) => (d.len(), d.capacity_index()),
                    _ => (0, 0),
                };
                if cur_len != len {
                    return Err(exc::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                let mut i = idx;
                while i < cap {
                    let e = match self.heap.get(dict) {
                        Obj::Dict(d) => d.entry(i).copied(),
                        _ => None,
                    };
                    i += 1;
                    if let Some(e) = e {
                        let v = match view {
                            DictView::Keys => e.key,
                            DictView::Values => e.value,
                            DictView::Items => self.new_tuple(vec![e.key, e.value]),
                        };
                        return Ok((
                            IterKind::Dict {
                                dict,
                                idx: i,
                                view,
                                len,
                            },
                            Some(v),
                        ));
                    }
                }
                (IterKind::Exhausted, None)
            }
            IterKind::Set { set, idx, len } => {
                let (cur_len, slots) = match self.heap.get(set) {
                    Obj::Set(s) | Obj::FrozenSet(s) => (s.len(), s.slots()),
                    _ => (0, 0),
                };
                if cur_len != len {
                    return Err(exc::runtime_error("Set changed size during iteration"));
                }
                let mut i = idx;
                while i < slots {
                    let e = match self.heap.get(set) {
                        Obj::Set(s) | Obj::FrozenSet(s) => s.slot(i),
                        _ => None,
                    };
                    i += 1;
                    if let Some((k, _)) = e {
                        return Ok((IterKind::Set { set, idx: i, len }, Some(k)));
                    }
                }
                (IterKind::Exhausted, None)
            }
            IterKind::Enumerate(mut e) => match self.iter_next(e.it)? {
                Some(v) => {
                    let n = e.n;
                    e.n = self.binary_op(n, Value::Int(1), crate::code::BinaryOp::Add, false)?;
                    let t = self.new_tuple(vec![n, v]);
                    (IterKind::Enumerate(e), Some(t))
                }
                None => (IterKind::Exhausted, None),
            },
            IterKind::Zip { its, strict } => {
                let mut vals = Vec::with_capacity(its.len());
                for (i, &it) in its.iter().enumerate() {
                    match self.iter_next(it)? {
                        Some(v) => vals.push(v),
                        None => {
                            if strict {
                                if i > 0 {
                                    let s = if i == 1 { "" } else { "s" };
                                    return Err(exc::value_error(format!(
                                        "zip() argument {} is shorter than argument{s} 1{}",
                                        i + 1,
                                        if i > 1 {
                                            format!("-{i}")
                                        } else {
                                            String::new()
                                        }
                                    )));
                                }
                                for (j, &other) in its.iter().enumerate().skip(1) {
                                    if self.iter_next(other)?.is_some() {
                                        let s = if j == 1 { "" } else { "s" };
                                        return Err(exc::value_error(format!(
                                            "zip() argument {} is longer than argument{s} 1{}",
                                            j + 1,
                                            if j > 1 {
                                                format!("-{j}")
                                            } else {
                                                String::new()
                                            }
                                        )));
                                    }
                                }
                            }
                            return Ok((IterKind::Exhausted, None));
                        }
                    }
                }
                if its.is_empty() {
                    return Ok((IterKind::Exhausted, None));
                }
                let t = self.new_tuple(vals);
                (IterKind::Zip { its, strict }, Some(t))
            }
            IterKind::Map(m) => {
                let mut vals = Vec::with_capacity(m.its.len());
                for &it in &m.its {
                    match self.iter_next(it)? {
                        Some(v) => vals.push(v),
                        None => return Ok((IterKind::Exhausted, None)),
                    }
                }
                let v = self.call(m.func, &vals)?;
                (IterKind::Map(m), Some(v))
            }
            IterKind::Filter(f) => loop {
                let FilterIter { func, it, negate } = *f;
                match self.iter_next(it)? {
                    Some(v) => {
                        let keep = if func.is_none() {
                            self.truthy(v)?
                        } else {
                            let r = self.call(func, &[v])?;
                            self.truthy(r)?
                        };
                        if keep != negate {
                            return Ok((IterKind::Filter(f), Some(v)));
                        }
                    }
                    None => return Ok((IterKind::Exhausted, None)),
                }
            },
            IterKind::Reversed { seq, idx } => {
                if idx == 0 {
                    return Ok((IterKind::Exhausted, None));
                }
                let v = match self.heap.get(seq) {
                    Obj::List(xs) | Obj::Tuple(xs) => xs.get(idx - 1).copied(),
                    _ => None,
                };
                match v {
                    Some(v) => (IterKind::Reversed { seq, idx: idx - 1 }, Some(v)),
                    None => (IterKind::Exhausted, None),
                }
            }
            IterKind::Callable(c) => {
                let v = self.call(c.func, &[])?;
                if self.eq(v, c.sentinel)? {
                    (IterKind::Exhausted, None)
                } else {
                    (IterKind::Callable(c), Some(v))
                }
            }
            IterKind::GetItem { obj, idx } => match self.get_item(obj, Value::Int(idx)) {
                Ok(v) => (IterKind::GetItem { obj, idx: idx + 1 }, Some(v)),
                Err(e) => {
                    if self.err_matches(&e, ExcKind::IndexError)
                        || self.err_matches(&e, ExcKind::StopIteration)
                    {
                        (IterKind::Exhausted, None)
                    } else {
                        return Err(e);
                    }
                }
            },
            IterKind::Native(mut n) => {
                let v = n.next(self)?;
                match v {
                    Some(v) => (IterKind::Native(n), Some(v)),
                    None => (IterKind::Exhausted, None),
                }
            }
            IterKind::Exhausted => (IterKind::Exhausted, None),
        })
    }

    /// Collect an iterable into a Vec (fast for lists and tuples).
    pub fn iterate(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Obj::List(xs) | Obj::Tuple(xs) => return Ok(xs.clone()),
                _ => {}
            }
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.iter_next(it)? {
            if out.len() % 4096 == 4095 {
                self.reserve(4096 * 16)?;
            }
            out.push(x);
        }
        Ok(out)
    }

    /// `next(it)` raising StopIteration when exhausted.
    pub fn next_or_stop(&mut self, it: Value) -> PyResult<Value> {
        match self.iter_next(it)? {
            Some(v) => Ok(v),
            None => Err(PyErr::New(ExcKind::StopIteration, String::new())),
        }
    }
}

/// `i` as an index into a sequence of `len` items (negative counts from the end), if in range.
#[inline(always)]
pub(super) fn seq_index(len: usize, i: i64) -> Option<usize> {
    let j = if i < 0 { i.checked_add(len as i64)? } else { i };
    usize::try_from(j).ok().filter(|&j| j < len)
}

/// The next item of the list or tuple iterator `r`, read in place, advancing it; None when
/// `r` is another iterator or is exhausted (the general step then ends it). The index is
/// checked against the list's length every time: a list may change size while iterated.
#[inline(always)]
pub(super) fn seq_iter_next(heap: &mut crate::heap::Heap, r: ObjRef) -> Option<Value> {
    let Obj::Iter(IterKind::Seq { seq, idx }) = *heap.get(r) else {
        return None;
    };
    let item = match heap.get(seq) {
        Obj::List(xs) | Obj::Tuple(xs) => xs.get(idx).copied()?,
        _ => return None,
    };
    if let Obj::Iter(IterKind::Seq { idx, .. }) = heap.get_mut(r) {
        *idx += 1;
    }
    Some(item)
}
