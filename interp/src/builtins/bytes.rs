//! `bytes` and `bytearray` (the basics: construction, indexing, decode, common methods).

use super::{check_method, take_kw};
use crate::object::{Args, Obj, TypeKind};
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self, PyErr};
use crate::vm::{ExcKind, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    for c in [vm.types.bytes, vm.types.bytearray] {
        vm.add_method(c, "decode", b_decode);
        vm.add_method(c, "hex", b_hex);
        vm.add_method(c, "startswith", b_startswith);
        vm.add_method(c, "endswith", b_endswith);
        vm.add_method(c, "find", b_find);
        vm.add_method(c, "count", b_count);
        vm.add_method(c, "join", b_join);
        vm.add_method(c, "upper", b_upper);
        vm.add_method(c, "lower", b_lower);
        vm.add_method(c, "strip", b_strip);
        vm.add_method(c, "split", b_split);
        vm.add_method(c, "replace", b_replace);
    }
    let ba = vm.types.bytearray;
    vm.add_method(ba, "append", ba_append);
    vm.add_method(ba, "extend", ba_extend);
    vm.class_set_attr(ba, "__hash__", Value::None);
    vm.add_class_method(vm.types.bytes, "fromhex", b_fromhex, false);
}

fn data(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    match vm.unwrap_base(v) {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Bytes(b) | Obj::ByteArray(b) => Some(b.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn this(vm: &Vm, a: &Args) -> PyResult<Vec<u8>> {
    a.pos
        .first()
        .and_then(|&v| data(vm, v))
        .ok_or_else(|| exc::type_error("descriptor requires a 'bytes' object"))
}

fn same_kind(vm: &mut Vm, a: &Args, b: Vec<u8>) -> Value {
    let is_array = matches!(a.pos.first(), Some(Value::Obj(r)) if matches!(vm.heap.get(*r), Obj::ByteArray(_)));
    Value::Obj(vm.heap.alloc(if is_array {
        Obj::ByteArray(b)
    } else {
        Obj::Bytes(b)
    }))
}

pub fn construct(vm: &mut Vm, kind: TypeKind, mut args: Args) -> PyResult<Value> {
    let enc = take_kw(vm, &mut args, "encoding");
    let name = if kind == TypeKind::Bytes {
        "bytes"
    } else {
        "bytearray"
    };
    super::check_args(&args, name, 0, 3)?;
    let mut out = Vec::new();
    if let Some(&src) = args.pos.first() {
        if let Some(s) = vm.as_str(src) {
            if enc.is_none() && args.pos.len() < 2 {
                return Err(exc::type_error("string argument without an encoding"));
            }
            out = s.as_bytes().to_vec();
        } else if let Some(d) = data(vm, src) {
            out = d;
        } else if let Value::Int(n) = src {
            if n < 0 {
                return Err(exc::value_error("negative count"));
            }
            vm.reserve(n as usize)?;
            out = vec![0; n as usize];
        } else {
            for v in vm.iterate(src)? {
                let n = vm.index_value(v)?;
                if !(0..256).contains(&n) {
                    return Err(exc::value_error("bytes must be in range(0, 256)"));
                }
                out.push(n as u8);
            }
        }
    }
    Ok(Value::Obj(vm.heap.alloc(if kind == TypeKind::Bytes {
        Obj::Bytes(out)
    } else {
        Obj::ByteArray(out)
    })))
}

pub fn bytes_getitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<Value> {
    let (b, is_array) = match vm.heap.get(r) {
        Obj::Bytes(b) => (b.clone(), false),
        Obj::ByteArray(b) => (b.clone(), true),
        _ => return Err(exc::type_error("not bytes")),
    };
    if let Some(s) = vm.as_slice(key) {
        let (start, _, step, count) = vm.slice_indices(s, b.len())?;
        let out: Vec<u8> = (0..count)
            .map(|k| b[(start + k as i64 * step) as usize])
            .collect();
        return Ok(Value::Obj(vm.heap.alloc(if is_array {
            Obj::ByteArray(out)
        } else {
            Obj::Bytes(out)
        })));
    }
    if !vm.is_int(key) && !vm.is_instance_like(key) {
        let t = vm.type_name(key);
        let what = if is_array { "bytearray" } else { "byte" };
        return Err(exc::type_error(format!(
            "{what} indices must be integers or slices, not {t}"
        )));
    }
    let i = vm.seq_index(key, b.len(), if is_array { "bytearray" } else { "" })?;
    Ok(Value::Int(b[i] as i64))
}

fn b_decode(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = this(vm, &a)?;
    match String::from_utf8(b) {
        Ok(s) => Ok(vm.new_str(s)),
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let byte = e.as_bytes()[pos];
            Err(PyErr::new(
                ExcKind::UnicodeDecodeError,
                format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: invalid start byte"),
            ))
        }
    }
}

fn b_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = this(vm, &a)?;
    let s: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(vm.new_str(s))
}

fn b_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s: String = vm
        .as_str(a.pos.get(1).copied().unwrap_or(Value::None))
        .unwrap_or("")
        .split_whitespace()
        .collect();
    if !s.len().is_multiple_of(2) {
        return Err(exc::value_error(
            "non-hexadecimal number found in fromhex() arg",
        ));
    }
    let mut out = Vec::new();
    for i in (0..s.len()).step_by(2) {
        out.push(
            u8::from_str_radix(&s[i..i + 2], 16)
                .map_err(|_| exc::value_error("non-hexadecimal number found in fromhex() arg"))?,
        );
    }
    Ok(Value::Obj(vm.heap.alloc(Obj::Bytes(out))))
}

fn arg_bytes(vm: &Vm, a: &Args, i: usize) -> PyResult<Vec<u8>> {
    a.pos
        .get(i)
        .and_then(|&v| data(vm, v))
        .ok_or_else(|| exc::type_error("a bytes-like object is required"))
}

fn b_startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, p) = (this(vm, &a)?, arg_bytes(vm, &a, 1)?);
    Ok(Value::Bool(b.starts_with(&p)))
}

fn b_endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, p) = (this(vm, &a)?, arg_bytes(vm, &a, 1)?);
    Ok(Value::Bool(b.ends_with(&p)))
}

fn b_find(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, p) = (this(vm, &a)?, arg_bytes(vm, &a, 1)?);
    let pos = if p.is_empty() {
        Some(0)
    } else {
        b.windows(p.len()).position(|w| w == &p[..])
    };
    Ok(Value::Int(pos.map_or(-1, |x| x as i64)))
}

fn b_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let (b, p) = (this(vm, &a)?, arg_bytes(vm, &a, 1)?);
    if p.is_empty() {
        return Ok(Value::Int(b.len() as i64 + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while i + p.len() <= b.len() {
        if b[i..i + p.len()] == p[..] {
            n += 1;
            i += p.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(n))
}

fn b_join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let sep = this(vm, &a)?;
    let items = vm.iterate(a.pos.get(1).copied().unwrap_or(Value::None))?;
    let mut out = Vec::new();
    for (i, it) in items.into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend(data(vm, it).ok_or_else(|| {
            exc::type_error(format!("sequence item {i}: expected a bytes-like object"))
        })?);
    }
    Ok(same_kind(vm, &a, out))
}

fn b_upper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = this(vm, &a)?.to_ascii_uppercase();
    Ok(same_kind(vm, &a, b))
}

fn b_lower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = this(vm, &a)?.to_ascii_lowercase();
    Ok(same_kind(vm, &a, b))
}

fn b_strip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = this(vm, &a)?;
    let set = if a.pos.len() > 1 {
        arg_bytes(vm, &a, 1)?
    } else {
        b" \t\n\r\x0b\x0c".to_vec()
    };
    let start = b.iter().position(|c| !set.contains(c)).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|c| !set.contains(c))
        .map_or(start, |e| e + 1);
    let out = b[start..end.max(start)].to_vec();
    Ok(same_kind(vm, &a, out))
}

fn b_split(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = this(vm, &a)?;
    let parts: Vec<Vec<u8>> = if a.pos.len() > 1 && !a.pos[1].is_none() {
        let sep = arg_bytes(vm, &a, 1)?;
        if sep.is_empty() {
            return Err(exc::value_error("empty separator"));
        }
        let mut out = Vec::new();
        let mut cur = 0;
        let mut i = 0;
        while i + sep.len() <= b.len() {
            if b[i..i + sep.len()] == sep[..] {
                out.push(b[cur..i].to_vec());
                i += sep.len();
                cur = i;
            } else {
                i += 1;
            }
        }
        out.push(b[cur..].to_vec());
        out
    } else {
        b.split(|c| c.is_ascii_whitespace())
            .filter(|p| !p.is_empty())
            .map(|p| p.to_vec())
            .collect()
    };
    let vals: Vec<Value> = parts.into_iter().map(|p| same_kind(vm, &a, p)).collect();
    Ok(vm.new_list(vals))
}

fn b_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let b = this(vm, &a)?;
    let (old, new) = (arg_bytes(vm, &a, 1)?, arg_bytes(vm, &a, 2)?);
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !old.is_empty() && b[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(same_kind(vm, &a, out))
}

fn ba_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "append", 1, 1)?;
    let n = vm.index_value(a.pos[1])?;
    if !(0..256).contains(&n) {
        return Err(exc::value_error("byte must be in range(0, 256)"));
    }
    if let Value::Obj(r) = vm.unwrap_base(a.pos[0]) {
        if let Obj::ByteArray(b) = vm.heap.get_mut(r) {
            b.push(n as u8);
        }
    }
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "extend", 1, 1)?;
    let mut add = Vec::new();
    for v in vm.iterate(a.pos[1])? {
        add.push(vm.index_value(v)? as u8);
    }
    if let Value::Obj(r) = vm.unwrap_base(a.pos[0]) {
        if let Obj::ByteArray(b) = vm.heap.get_mut(r) {
            b.extend(add);
        }
    }
    Ok(Value::None)
}
