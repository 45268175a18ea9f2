//! Run-time support for `match` statements: the sequence/mapping tests, key lookup and
//! class patterns (CPython's MATCH_* instructions).

use super::exc;
use super::{PyResult, Vm};
use crate::object::{Obj, TypeKind};
use crate::value::{ObjRef, Value};

/// Abstract base classes that mark a user class as a sequence or mapping for matching.
const SEQUENCE_ABCS: &[&str] = &["Sequence", "MutableSequence", "deque"];
const MAPPING_ABCS: &[&str] = &["Mapping", "MutableMapping"];

impl Vm {
    fn mro_has_kind_or_name(&self, v: Value, kinds: &[TypeKind], names: &[&str]) -> bool {
        let cls = self.class_of(v);
        self.mro(cls).iter().any(|&m| match self.heap.get(m) {
            Obj::Class(c) => {
                (c.builtin && kinds.contains(&c.kind))
                    || (!c.builtin && names.contains(&c.name.as_str()))
            }
            _ => false,
        })
    }

    /// Sequence patterns match lists, tuples, ranges and their kin, never str/bytes/bytearray.
    pub fn match_is_sequence(&self, v: Value) -> bool {
        if self.mro_has_kind_or_name(
            v,
            &[TypeKind::Str, TypeKind::Bytes, TypeKind::ByteArray],
            &[],
        ) {
            return false;
        }
        self.mro_has_kind_or_name(
            v,
            &[TypeKind::List, TypeKind::Tuple, TypeKind::Range],
            SEQUENCE_ABCS,
        )
    }

    pub fn match_is_mapping(&self, v: Value) -> bool {
        self.mro_has_kind_or_name(v, &[TypeKind::Dict], MAPPING_ABCS)
    }

    /// The values of `keys` in `subject`, or None if one is missing. Like CPython, anything
    /// but an exact dict is asked through its `get` method (so `defaultdict` adds nothing).
    pub fn match_keys(&mut self, subject: Value, keys: Value) -> PyResult<Value> {
        let keys = self.tuple_items(keys);
        let exact_dict = match subject {
            Value::Obj(r) => matches!(self.heap.get(r), Obj::Dict(_)),
            _ => false,
        };
        let mut values = Vec::with_capacity(keys.len());
        let getter = if exact_dict {
            None
        } else {
            Some(self.get_attr_str(subject, "get")?)
        };
        // A fresh object no mapping can hold, to tell "missing" from any stored value.
        let missing = self.new_list(Vec::new());
        for (i, &k) in keys.iter().enumerate() {
            if keys[..i].iter().any(|&p| p.is(k)) || self.keys_repeat(&keys[..i], k)? {
                let r = self.repr_value(k)?;
                return Err(exc::value_error(format!(
                    "mapping pattern checks duplicate key ({r})"
                )));
            }
            let v = match (getter, subject) {
                (None, Value::Obj(d)) => self.dict_lookup(d, k)?,
                (Some(get), _) => {
                    let v = self.call(get, &[k, missing])?;
                    (!v.is(missing)).then_some(v)
                }
                _ => None,
            };
            match v {
                Some(v) => values.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(values))
    }

    fn keys_repeat(&mut self, before: &[Value], k: Value) -> PyResult<bool> {
        for &p in before {
            if self.eq(p, k)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `{**rest}`: a new dict of `subject`'s items minus `keys`.
    pub fn copy_dict_without_keys(&mut self, subject: Value, keys: Value) -> PyResult<Value> {
        let rest = self.new_dict_ref();
        self.dict_update_from(rest, subject)?;
        for k in self.tuple_items(keys) {
            self.dict_remove(rest, k)?;
        }
        Ok(Value::Obj(rest))
    }

    /// A class pattern: the attributes its sub-patterns test, or None when `subject` is not
    /// an instance of `cls` or lacks one of them.
    pub fn match_class(
        &mut self,
        subject: Value,
        cls: Value,
        nargs: usize,
        kwnames: Value,
    ) -> PyResult<Value> {
        let Some(cls_ref) = self.is_class(cls) else {
            return Err(exc::type_error("called match pattern must be a type"));
        };
        if !self.isinstance(subject, cls_ref) {
            return Ok(Value::None);
        }
        let cls_name = self.class_name(cls_ref);
        let mut seen: Vec<ObjRef> = Vec::new();
        let mut attrs = Vec::new();
        if nargs > 0 {
            let key = self.intern("__match_args__");
            let match_args = self.get_attr_opt(cls, key)?;
            let (names, match_self) = match match_args {
                Some(m) => match m {
                    Value::Obj(r) if matches!(self.heap.get(r), Obj::Tuple(_)) => {
                        (self.tuple_items(m), false)
                    }
                    _ => {
                        return Err(exc::type_error(format!(
                            "{cls_name}.__match_args__ must be a tuple (got {})",
                            self.type_name(m)
                        )))
                    }
                },
                None => (Vec::new(), self.matches_self(cls_ref)),
            };
            let allowed = if match_self { 1 } else { names.len() };
            if allowed < nargs {
                return Err(exc::type_error(format!(
                    "{cls_name}() accepts {allowed} positional sub-pattern{} ({nargs} given)",
                    if allowed == 1 { "" } else { "s" }
                )));
            }
            if match_self {
                attrs.push(subject);
            } else {
                for &name in &names[..nargs] {
                    let Some(n) = self.str_obj(name) else {
                        return Err(exc::type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        )));
                    };
                    match self.match_attr(subject, &cls_name, n, &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        for name in self.tuple_items(kwnames) {
            let Some(n) = self.str_obj(name) else {
                continue;
            };
            match self.match_attr(subject, &cls_name, n, &mut seen)? {
                Some(v) => attrs.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(attrs))
    }

    fn match_attr(
        &mut self,
        subject: Value,
        cls_name: &str,
        name: ObjRef,
        seen: &mut Vec<ObjRef>,
    ) -> PyResult<Option<Value>> {
        let text = self.str_ref(name).to_string();
        if seen.iter().any(|&s| self.str_ref(s) == text) {
            return Err(exc::type_error(format!(
                "{cls_name}() got multiple sub-patterns for attribute '{text}'"
            )));
        }
        seen.push(name);
        self.get_attr_opt(subject, name)
    }

    /// Builtin types whose single positional sub-pattern matches the subject itself.
    fn matches_self(&self, cls: ObjRef) -> bool {
        let base = self.builtin_base_of(cls);
        matches!(
            self.heap.get(base),
            Obj::Class(c) if matches!(
                c.kind,
                TypeKind::Bool
                    | TypeKind::ByteArray
                    | TypeKind::Bytes
                    | TypeKind::Dict
                    | TypeKind::Float
                    | TypeKind::FrozenSet
                    | TypeKind::Int
                    | TypeKind::List
                    | TypeKind::Set
                    | TypeKind::Str
                    | TypeKind::Tuple
            )
        )
    }

    /// The items of `t` if it is a tuple (empty otherwise).
    pub(crate) fn tuple_items(&self, t: Value) -> Vec<Value> {
        match t {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Tuple(xs) => xs.to_vec(),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    fn str_obj(&self, v: Value) -> Option<ObjRef> {
        match v {
            Value::Obj(r) if self.as_str(v).is_some() => Some(r),
            _ => None,
        }
    }
}
