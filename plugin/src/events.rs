//! Rust ↔ script messages. Rust systems write [`KaaTrigger`] to call a named handler on an
//! entity's script; scripts call `bevy.emit(name, payload)` and Rust systems read
//! [`ScriptMessage`]s. Payloads cross as [`ScriptValue`]s, plain data owned by Rust, so no
//! script object ever outlives its VM.

use bevy::ecs::message::Message;
use bevy::prelude::Entity;
use kaa::{ExcKind, PyErr, PyResult, Value, Vm};

/// Plain data passed between Rust and scripts.
#[derive(Debug, Clone, PartialEq)]
pub enum ScriptValue {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<ScriptValue>),
    /// A dict with string keys, in insertion order.
    Map(Vec<(String, ScriptValue)>),
    /// An entity (scripts see an `Entity` object).
    Entity(Entity),
}

/// Call `handler(*args)` on `entity`'s script (skipped if the script does not define it).
#[derive(Message, Debug, Clone)]
pub struct KaaTrigger {
    pub entity: Entity,
    pub handler: String,
    pub args: Vec<ScriptValue>,
}

impl KaaTrigger {
    pub fn new(entity: Entity, handler: impl Into<String>, args: Vec<ScriptValue>) -> Self {
        KaaTrigger {
            entity,
            handler: handler.into(),
            args,
        }
    }
}

/// A message a script emitted with `bevy.emit(name, payload)`.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct ScriptMessage {
    /// The entity whose script was running, if any.
    pub source: Option<Entity>,
    pub name: String,
    pub payload: ScriptValue,
}

const MAX_DEPTH: usize = 32;

impl ScriptValue {
    /// Copy a script value out of the VM.
    pub fn from_value(vm: &mut Vm, v: Value) -> PyResult<ScriptValue> {
        Self::from_value_at(vm, v, 0)
    }

    fn from_value_at(vm: &mut Vm, v: Value, depth: usize) -> PyResult<ScriptValue> {
        if depth > MAX_DEPTH {
            return Err(PyErr::new(
                ExcKind::ValueError,
                "message payload nested too deeply",
            ));
        }
        Ok(match v {
            Value::None | Value::Undef => ScriptValue::None,
            Value::Bool(b) => ScriptValue::Bool(b),
            Value::Int(i) => ScriptValue::Int(i),
            Value::Float(f) => ScriptValue::Float(f),
            Value::Obj(_) => {
                if let Some(s) = vm.as_str(v) {
                    return Ok(ScriptValue::Str(s.to_string()));
                }
                if let Ok(e) = vm.extract::<crate::bindings::EntityObj>(v) {
                    return Ok(ScriptValue::Entity(e.0));
                }
                if let Ok(items) = vm.extract::<Vec<Value>>(v) {
                    if vm.type_name(v) == "list" || vm.type_name(v) == "tuple" {
                        return items
                            .into_iter()
                            .map(|x| Self::from_value_at(vm, x, depth + 1))
                            .collect::<PyResult<Vec<_>>>()
                            .map(ScriptValue::List);
                    }
                }
                if let Ok(map) = vm.extract::<indexmap::IndexMap<String, Value>>(v) {
                    return map
                        .into_iter()
                        .map(|(k, x)| Ok((k, Self::from_value_at(vm, x, depth + 1)?)))
                        .collect::<PyResult<Vec<_>>>()
                        .map(ScriptValue::Map);
                }
                return Err(PyErr::new(
                    ExcKind::TypeError,
                    format!(
                        "cannot send a '{}' outside the script (use None, bool, int, float, str, \
                         list, tuple, dict with str keys, or Entity)",
                        vm.type_name(v)
                    ),
                ));
            }
        })
    }

    /// Make a script value in `vm`.
    pub fn to_value(&self, vm: &mut Vm) -> PyResult<Value> {
        Ok(match self {
            ScriptValue::None => Value::None,
            ScriptValue::Bool(b) => Value::Bool(*b),
            ScriptValue::Int(i) => Value::Int(*i),
            ScriptValue::Float(f) => Value::Float(*f),
            ScriptValue::Str(s) => vm.new_str(s.clone()),
            ScriptValue::List(items) => {
                let vals = items
                    .iter()
                    .map(|x| x.to_value(vm))
                    .collect::<PyResult<Vec<_>>>()?;
                vm.new_list(vals)
            }
            ScriptValue::Map(pairs) => {
                let d = vm.new_dict_ref();
                for (k, x) in pairs {
                    let kv = vm.new_str(k.clone());
                    let xv = x.to_value(vm)?;
                    vm.dict_set(d, kv, xv)?;
                }
                Value::Obj(d)
            }
            ScriptValue::Entity(e) => vm.to_value(crate::bindings::EntityObj(*e))?,
        })
    }
}
