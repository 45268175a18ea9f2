//! `bytes` and `bytearray` (the basics: construction, indexing, decode, common methods).

use super::{check_method, take_kw};
use crate::object::{Args, Obj, TypeKind};
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self, PyErr};
use crate::vm::{ExcKind, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let common: &[(&str, crate::object::NativeFnPtr)] = &[
        ("decode", b_decode),
        ("hex", b_hex),
        ("startswith", b_startswith),
        ("endswith", b_endswith),
        ("find", b_find),
        ("rfind", b_rfind),
        ("index", b_index),
        ("rindex", b_rindex),
        ("count", b_count),
        ("join", b_join),
        ("upper", b_upper),
        ("lower", b_lower),
        ("swapcase", b_swapcase),
        ("capitalize", b_capitalize),
        ("title", b_title),
        ("strip", b_strip),
        ("lstrip", b_lstrip),
        ("rstrip", b_rstrip),
        ("split", b_split),
        ("rsplit", b_rsplit),
        ("splitlines", b_splitlines),
        ("partition", b_partition),
        ("rpartition", b_rpartition),
        ("replace", b_replace),
        ("removeprefix", b_removeprefix),
        ("removesuffix", b_removesuffix),
        ("center", b_center),
        ("ljust", b_ljust),
        ("rjust", b_rjust),
        ("zfill", b_zfill),
        ("expandtabs", b_expandtabs),
        ("translate", b_translate),
        ("isalnum", b_isalnum),
        ("isalpha", b_isalpha),
        ("isascii", b_isascii),
        ("isdigit", b_isdigit),
        ("islower", b_islower),
        ("isupper", b_isupper),
        ("isspace", b_isspace),
        ("istitle", b_istitle),
    ];
    for c in [vm.types.bytes, vm.types.bytearray] {
        for &(n, f) in common {
            vm.add_method(c, n, f);
        }
        vm.add_class_method(c, "fromhex", b_fromhex, false);
        vm.add_class_method(c, "maketrans", b_maketrans, true);
    }
    let ba = vm.types.bytearray;
    let array_only: &[(&str, crate::object::NativeFnPtr)] = &[
        ("append", ba_append),
        ("extend", ba_extend),
        ("insert", ba_insert),
        ("pop", ba_pop),
        ("remove", ba_remove),
        ("reverse", ba_reverse),
        ("clear", ba_clear),
        ("copy", ba_copy),
    ];
    for &(n, f) in array_only {
        vm.add_method(ba, n, f);
    }
    vm.class_set_attr(ba, "__hash__", Value::None);
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

/// The receiver's bytes and whether it is a bytearray (results keep its kind).
fn recv(vm: &Vm, a: &Args, name: &str) -> PyResult<(Vec<u8>, bool)> {
    let Some(&v) = a.pos.first() else {
        return Err(exc::type_error(format!(
            "unbound method {name}() needs an argument"
        )));
    };
    let is_array =
        matches!(vm.unwrap_base(v), Value::Obj(r) if matches!(vm.heap.get(r), Obj::ByteArray(_)));
    data(vm, v)
        .map(|d| (d, is_array))
        .ok_or_else(|| exc::type_error(format!("descriptor '{name}' requires a 'bytes' object")))
}

fn make(vm: &mut Vm, is_array: bool, b: Vec<u8>) -> Value {
    Value::Obj(vm.heap.alloc(if is_array {
        Obj::ByteArray(b)
    } else {
        Obj::Bytes(b)
    }))
}

/// A bytes-like argument, with CPython's "a bytes-like object is required" error.
fn bytes_arg(vm: &Vm, v: Value) -> PyResult<Vec<u8>> {
    data(vm, v).ok_or_else(|| {
        exc::type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// The needle of find/count/index: bytes-like, or an int naming one byte.
fn needle(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(d) = data(vm, v) {
        return Ok(d);
    }
    if vm.is_int(v) {
        let n = vm.index_value(v)?;
        if !(0..256).contains(&n) {
            return Err(exc::value_error("byte must be in range(0, 256)"));
        }
        return Ok(vec![n as u8]);
    }
    Err(exc::type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    )))
}

/// Optional start/end (slice semantics); `None` when start is past the end.
fn span(vm: &mut Vm, a: &Args, from: usize, len: usize) -> PyResult<Option<(usize, usize)>> {
    let n = len as i64;
    let get = |vm: &mut Vm, i: usize, d: i64| -> PyResult<i64> {
        match a.pos.get(i) {
            None | Some(Value::None) => Ok(d),
            Some(&v) => vm.index_value(v),
        }
    };
    let fix = |x: i64| -> i64 {
        if x < 0 {
            (x + n).max(0)
        } else {
            x.min(n)
        }
    };
    let raw_start = get(vm, from, 0)?;
    let end = fix(get(vm, from + 1, n)?);
    if raw_start > n {
        return Ok(None);
    }
    let start = fix(raw_start);
    if start > end {
        return Ok(None);
    }
    Ok(Some((start as usize, end as usize)))
}

fn find_in(hay: &[u8], sub: &[u8], rev: bool) -> Option<usize> {
    if sub.is_empty() {
        return Some(if rev { hay.len() } else { 0 });
    }
    if sub.len() > hay.len() {
        return None;
    }
    let mut positions = hay.windows(sub.len()).enumerate();
    if rev {
        positions.rev().find(|(_, w)| *w == sub).map(|(i, _)| i)
    } else {
        positions.find(|(_, w)| *w == sub).map(|(i, _)| i)
    }
}

fn find_impl(vm: &mut Vm, a: &Args, name: &str, rev: bool) -> PyResult<i64> {
    check_method(vm, a, name, 1, 3)?;
    let (b, _) = recv(vm, a, name)?;
    let sub = needle(vm, a.pos[1])?;
    let Some((s, e)) = span(vm, a, 2, b.len())? else {
        return Ok(-1);
    };
    Ok(find_in(&b[s..e], &sub, rev).map_or(-1, |i| (s + i) as i64))
}

fn b_find(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &a, "find", false)?))
}

fn b_rfind(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &a, "rfind", true)?))
}

fn b_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match find_impl(vm, &a, "index", false)? {
        -1 => Err(exc::value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn b_rindex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match find_impl(vm, &a, "rindex", true)? {
        -1 => Err(exc::value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn b_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "count", 1, 3)?;
    let (b, _) = recv(vm, &a, "count")?;
    let p = needle(vm, a.pos[1])?;
    let Some((s, e)) = span(vm, &a, 2, b.len())? else {
        return Ok(Value::Int(0));
    };
    let hay = &b[s..e];
    if p.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while i + p.len() <= hay.len() {
        if hay[i..i + p.len()] == p[..] {
            n += 1;
            i += p.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(n))
}

fn affix_impl(vm: &mut Vm, a: &Args, name: &str, end: bool) -> PyResult<Value> {
    check_method(vm, a, name, 1, 3)?;
    let (b, _) = recv(vm, a, name)?;
    let Some((s, e)) = span(vm, a, 2, b.len())? else {
        return Ok(Value::Bool(false));
    };
    let hay = &b[s..e];
    let cands: Vec<Value> = match a.pos[1] {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Tuple(_)) => vm.iterate(a.pos[1])?,
        v => vec![v],
    };
    for c in cands {
        let Some(p) = data(vm, c) else {
            return Err(exc::type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                vm.type_name(c)
            )));
        };
        let hit = if end {
            hay.ends_with(&p)
        } else {
            hay.starts_with(&p)
        };
        if hit {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn b_startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(vm, &a, "startswith", false)
}

fn b_endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    affix_impl(vm, &a, "endswith", true)
}

fn b_join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "join", 1, 1)?;
    let (sep, is_array) = recv(vm, &a, "join")?;
    let items = vm.iterate(a.pos[1])?;
    let mut out = Vec::new();
    for (i, it) in items.into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match data(vm, it) {
            Some(d) => out.extend(d),
            None => {
                return Err(exc::type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(make(vm, is_array, out))
}

fn map_bytes(vm: &mut Vm, a: &Args, name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    check_method(vm, a, name, 0, 0)?;
    let (b, is_array) = recv(vm, a, name)?;
    let out = f(&b);
    Ok(make(vm, is_array, out))
}

fn b_upper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, &a, "upper", |b| b.to_ascii_uppercase())
}

fn b_lower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, &a, "lower", |b| b.to_ascii_lowercase())
}

fn b_swapcase(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, &a, "swapcase", |b| {
        b.iter()
            .map(|&c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

fn b_capitalize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, &a, "capitalize", |b| {
        b.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn b_title(vm: &mut Vm, a: Args) -> PyResult<Value> {
    map_bytes(vm, &a, "title", |b| {
        let mut prev = false;
        b.iter()
            .map(|&c| {
                let out = if prev {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev = c.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

const WS: &[u8] = b" \t\n\r\x0b\x0c";

fn strip_impl(vm: &mut Vm, a: &Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    check_method(vm, a, name, 0, 1)?;
    let (b, is_array) = recv(vm, a, name)?;
    let set = match a.pos.get(1) {
        None | Some(Value::None) => WS.to_vec(),
        Some(&v) => bytes_arg(vm, v)?,
    };
    let mut start = 0;
    let mut end = b.len();
    if left {
        while start < end && set.contains(&b[start]) {
            start += 1;
        }
    }
    if right {
        while end > start && set.contains(&b[end - 1]) {
            end -= 1;
        }
    }
    let out = b[start..end].to_vec();
    Ok(make(vm, is_array, out))
}

fn b_strip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, &a, "strip", true, true)
}

fn b_lstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, &a, "lstrip", true, false)
}

fn b_rstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, &a, "rstrip", false, true)
}

/// Receiver bytes, is-bytearray, separator (None: whitespace) and maxsplit.
type SplitArgs = (Vec<u8>, bool, Option<Vec<u8>>, i64);

fn split_args(vm: &mut Vm, a: &mut Args, name: &str) -> PyResult<SplitArgs> {
    let sep_kw = take_kw(vm, a, "sep");
    let max_kw = take_kw(vm, a, "maxsplit");
    super::reject_extra_kw(vm, a, name)?;
    check_method(vm, a, name, 0, 2)?;
    let (b, is_array) = recv(vm, a, name)?;
    let sep = match a.pos.get(1).copied().or(sep_kw) {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = bytes_arg(vm, v)?;
            if s.is_empty() {
                return Err(exc::value_error("empty separator"));
            }
            Some(s)
        }
    };
    let max = match a.pos.get(2).copied().or(max_kw) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    Ok((b, is_array, sep, max))
}

fn b_split(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let (b, is_array, sep, max) = split_args(vm, &mut a, "split")?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut cur = 0;
            let mut i = 0;
            while i + sep.len() <= b.len() && (max < 0 || (parts.len() as i64) < max) {
                if b[i..i + sep.len()] == sep[..] {
                    parts.push(b[cur..i].to_vec());
                    i += sep.len();
                    cur = i;
                } else {
                    i += 1;
                }
            }
            parts.push(b[cur..].to_vec());
        }
        None => {
            let mut i = 0;
            while i < b.len() {
                while i < b.len() && WS.contains(&b[i]) {
                    i += 1;
                }
                if i >= b.len() {
                    break;
                }
                if max >= 0 && parts.len() as i64 >= max {
                    // The remainder keeps its trailing whitespace, as in CPython.
                    parts.push(b[i..].to_vec());
                    break;
                }
                let st = i;
                while i < b.len() && !WS.contains(&b[i]) {
                    i += 1;
                }
                parts.push(b[st..i].to_vec());
            }
        }
    }
    let vals: Vec<Value> = parts.into_iter().map(|p| make(vm, is_array, p)).collect();
    Ok(vm.new_list(vals))
}

fn b_rsplit(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let (b, is_array, sep, max) = split_args(vm, &mut a, "rsplit")?;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = b.len();
            let mut i = b.len();
            while i >= sep.len() && (max < 0 || (parts.len() as i64) < max) {
                if b[i - sep.len()..i] == sep[..] {
                    parts.push(b[i..end].to_vec());
                    i -= sep.len();
                    end = i;
                } else {
                    i -= 1;
                }
            }
            parts.push(b[..end].to_vec());
        }
        None => {
            let mut i = b.len();
            while i > 0 {
                while i > 0 && WS.contains(&b[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if max >= 0 && parts.len() as i64 >= max {
                    parts.push(b[..i].to_vec());
                    break;
                }
                let end = i;
                while i > 0 && !WS.contains(&b[i - 1]) {
                    i -= 1;
                }
                parts.push(b[i..end].to_vec());
            }
        }
    }
    parts.reverse();
    let vals: Vec<Value> = parts.into_iter().map(|p| make(vm, is_array, p)).collect();
    Ok(vm.new_list(vals))
}

fn b_splitlines(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let keep_kw = take_kw(vm, &mut a, "keepends");
    check_method(vm, &a, "splitlines", 0, 1)?;
    let (b, is_array) = recv(vm, &a, "splitlines")?;
    let keep = match keep_kw.or_else(|| a.pos.get(1).copied()) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut i = 0;
    let mut st = 0;
    while i < b.len() {
        let eol = match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if eol > 0 {
            let end = if keep { i + eol } else { i };
            out.push(b[st..end].to_vec());
            i += eol;
            st = i;
        } else {
            i += 1;
        }
    }
    if st < b.len() {
        out.push(b[st..].to_vec());
    }
    let vals: Vec<Value> = out.into_iter().map(|p| make(vm, is_array, p)).collect();
    Ok(vm.new_list(vals))
}

fn partition_impl(vm: &mut Vm, a: &Args, name: &str, rev: bool) -> PyResult<Value> {
    check_method(vm, a, name, 1, 1)?;
    let (b, is_array) = recv(vm, a, name)?;
    let sep = bytes_arg(vm, a.pos[1])?;
    if sep.is_empty() {
        return Err(exc::value_error("empty separator"));
    }
    let parts = match find_in(&b, &sep, rev) {
        Some(i) => (b[..i].to_vec(), sep.clone(), b[i + sep.len()..].to_vec()),
        None if rev => (Vec::new(), Vec::new(), b.clone()),
        None => (b.clone(), Vec::new(), Vec::new()),
    };
    let vals = vec![
        make(vm, is_array, parts.0),
        make(vm, is_array, parts.1),
        make(vm, is_array, parts.2),
    ];
    Ok(vm.new_tuple(vals))
}

fn b_partition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, &a, "partition", false)
}

fn b_rpartition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, &a, "rpartition", true)
}

fn b_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "replace", 2, 3)?;
    let (b, is_array) = recv(vm, &a, "replace")?;
    let (old, new) = (bytes_arg(vm, a.pos[1])?, bytes_arg(vm, a.pos[2])?);
    let mut count = match a.pos.get(3) {
        Some(&v) => vm.index_value(v)?,
        None => -1,
    };
    let mut out = Vec::new();
    if old.is_empty() {
        // Insert `new` before every byte and at the end, like str.replace.
        for &c in &b {
            if count != 0 {
                out.extend_from_slice(&new);
                count -= 1;
            }
            out.push(c);
        }
        if count != 0 {
            out.extend_from_slice(&new);
        }
        return Ok(make(vm, is_array, out));
    }
    let mut i = 0;
    while i < b.len() {
        if count != 0 && b[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            count -= 1;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(make(vm, is_array, out))
}

fn b_removeprefix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "removeprefix", 1, 1)?;
    let (b, is_array) = recv(vm, &a, "removeprefix")?;
    let p = bytes_arg(vm, a.pos[1])?;
    let out = b.strip_prefix(&p[..]).unwrap_or(&b).to_vec();
    Ok(make(vm, is_array, out))
}

fn b_removesuffix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "removesuffix", 1, 1)?;
    let (b, is_array) = recv(vm, &a, "removesuffix")?;
    let p = bytes_arg(vm, a.pos[1])?;
    let out = b.strip_suffix(&p[..]).unwrap_or(&b).to_vec();
    Ok(make(vm, is_array, out))
}

fn justify(vm: &mut Vm, a: &Args, name: &str, align: char) -> PyResult<Value> {
    check_method(vm, a, name, 1, 2)?;
    let (b, is_array) = recv(vm, a, name)?;
    let width = vm.index_value(a.pos[1])?.max(0) as usize;
    let fill = match a.pos.get(2) {
        None => b' ',
        Some(&v) => match data(vm, v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                return Err(exc::type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    if width <= b.len() {
        return Ok(make(vm, is_array, b));
    }
    vm.reserve(width)?;
    let n = width - b.len();
    let (l, r) = match align {
        '<' => (0, n),
        '>' => (n, 0),
        // CPython's centering puts the odd byte on the left when the width is odd.
        _ => {
            let left = n / 2 + (n & width & 1);
            (left, n - left)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&b);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(make(vm, is_array, out))
}

fn b_center(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, &a, "center", '^')
}

fn b_ljust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, &a, "ljust", '<')
}

fn b_rjust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, &a, "rjust", '>')
}

fn b_zfill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "zfill", 1, 1)?;
    let (b, is_array) = recv(vm, &a, "zfill")?;
    let width = vm.index_value(a.pos[1])?.max(0) as usize;
    if width <= b.len() {
        return Ok(make(vm, is_array, b));
    }
    vm.reserve(width)?;
    let n = width - b.len();
    let (sign, rest) = match b.first() {
        Some(&c) if c == b'+' || c == b'-' => (vec![c], &b[1..]),
        _ => (Vec::new(), &b[..]),
    };
    let mut out = sign;
    out.extend(std::iter::repeat_n(b'0', n));
    out.extend_from_slice(rest);
    Ok(make(vm, is_array, out))
}

fn b_expandtabs(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let ts_kw = take_kw(vm, &mut a, "tabsize");
    check_method(vm, &a, "expandtabs", 0, 1)?;
    let (b, is_array) = recv(vm, &a, "expandtabs")?;
    let ts = match ts_kw.or_else(|| a.pos.get(1).copied()) {
        Some(v) => vm.index_value(v)?.max(0) as usize,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0;
    for &c in &b {
        match c {
            b'\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.extend(std::iter::repeat_n(b' ', n));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(make(vm, is_array, out))
}

fn b_translate(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let del_kw = take_kw(vm, &mut a, "delete");
    check_method(vm, &a, "translate", 1, 2)?;
    let (b, is_array) = recv(vm, &a, "translate")?;
    let table = match a.pos[1] {
        Value::None => None,
        v => {
            let t = bytes_arg(vm, v)?;
            if t.len() != 256 {
                return Err(exc::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
    };
    let delete = match del_kw.or_else(|| a.pos.get(2).copied()) {
        Some(v) => bytes_arg(vm, v)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    Ok(make(vm, is_array, out))
}

fn b_maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::check_args(&a, "maketrans", 2, 2)?;
    let (from, to) = (bytes_arg(vm, a.pos[0])?, bytes_arg(vm, a.pos[1])?);
    if from.len() != to.len() {
        return Err(exc::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.into_iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(Value::Obj(vm.heap.alloc(Obj::Bytes(table))))
}

fn pred(vm: &mut Vm, a: &Args, name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    check_method(vm, a, name, 0, 0)?;
    let (b, _) = recv(vm, a, name)?;
    Ok(Value::Bool(f(&b)))
}

fn b_isalnum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, &a, "isalnum", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn b_isalpha(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, &a, "isalpha", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)
    })
}

fn b_isascii(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, &a, "isascii", |b| b.iter().all(u8::is_ascii))
}

fn b_isdigit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, &a, "isdigit", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_digit)
    })
}

fn b_isspace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, &a, "isspace", |b| {
        !b.is_empty() && b.iter().all(|c| WS.contains(c))
    })
}

fn b_islower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, &a, "islower", |b| {
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    })
}

fn b_isupper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, &a, "isupper", |b| {
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    })
}

fn b_istitle(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, &a, "istitle", |b| {
        let mut prev_cased = false;
        let mut any = false;
        for &c in b {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}

fn b_hex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "hex", 0, 2)?;
    let (b, _) = recv(vm, &a, "hex")?;
    let hexes: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let Some(&sep_v) = a.pos.get(1) else {
        return Ok(vm.new_str(hexes.concat()));
    };
    let sep = match vm.as_str(sep_v) {
        Some(s) => s.to_string(),
        None => match data(vm, sep_v) {
            Some(d) => d.iter().map(|&c| c as char).collect(),
            None => return Err(exc::type_error("sep must be str or bytes.")),
        },
    };
    if sep.chars().count() != 1 {
        return Err(exc::value_error("sep must be length 1."));
    }
    let per = match a.pos.get(2) {
        Some(&v) => vm.index_value(v)?,
        None => 1,
    };
    if per == 0 || hexes.is_empty() {
        return Ok(vm.new_str(hexes.concat()));
    }
    // Groups count from the right for a positive bytes_per_sep, from the left otherwise.
    let n = per.unsigned_abs() as usize;
    let len = hexes.len();
    let mut out = String::new();
    for (i, h) in hexes.iter().enumerate() {
        if i > 0 {
            let boundary = if per > 0 {
                (len - i).is_multiple_of(n)
            } else {
                i.is_multiple_of(n)
            };
            if boundary {
                out.push_str(&sep);
            }
        }
        out.push_str(h);
    }
    Ok(vm.new_str(out))
}

fn b_fromhex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    super::check_args(&a, "fromhex", 2, 2)?;
    let Some(s) = vm.as_str(a.pos[1]).map(|s| s.to_string()) else {
        return Err(exc::type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(a.pos[1])
        )));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) if i + 1 >= chars.len() || chars[i + 1].is_ascii_whitespace() => {
                return Err(exc::value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
            (Some(_), None) => {
                return Err(exc::value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {}",
                    i + 1
                )))
            }
            (None, _) => {
                return Err(exc::value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {i}"
                )))
            }
        }
        i += 2;
    }
    // `bytearray.fromhex` makes a bytearray; a subclass gets constructed from the bytes.
    let cls = a.pos[0];
    let is_array = vm.is_class(cls) == Some(vm.types.bytearray);
    let v = make(vm, is_array, out);
    if vm.is_class(cls) == Some(vm.types.bytes) || is_array {
        return Ok(v);
    }
    vm.call(cls, &[v])
}

/// `bytes.decode` / `str(b, encoding, errors)`.
pub fn decode_bytes(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<Value> {
    let enc = encoding.to_ascii_lowercase().replace('_', "-");
    let codec = match enc.as_str() {
        "utf-8" | "utf8" | "u8" => "utf-8",
        "ascii" | "us-ascii" => "ascii",
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => "latin-1",
        _ => {
            return Err(PyErr::new(
                ExcKind::LookupError,
                format!("unknown encoding: {encoding}"),
            ))
        }
    };
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        // Decode a run, or find the next bad span (start, len, reason).
        let bad: (usize, &str) = match codec {
            "latin-1" => {
                out.extend(b[i..].iter().map(|&c| c as char));
                break;
            }
            "ascii" => {
                let run = b[i..].iter().take_while(|c| c.is_ascii()).count();
                out.extend(b[i..i + run].iter().map(|&c| c as char));
                i += run;
                if i >= b.len() {
                    break;
                }
                (1, "ordinal not in range(128)")
            }
            _ => match std::str::from_utf8(&b[i..]) {
                Ok(s) => {
                    out.push_str(s);
                    break;
                }
                Err(e) => {
                    let ok = e.valid_up_to();
                    out.push_str(std::str::from_utf8(&b[i..i + ok]).unwrap_or(""));
                    i += ok;
                    let lead = b[i];
                    match e.error_len() {
                        Some(n) => {
                            let bad_start = matches!(lead, 0x80..=0xBF | 0xC0 | 0xC1 | 0xF5..=0xFF);
                            (
                                n,
                                if bad_start {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                },
                            )
                        }
                        None => (b.len() - i, "unexpected end of data"),
                    }
                }
            },
        };
        let (n, reason) = bad;
        match errors {
            "strict" => {
                let what = if n == 1 {
                    format!("byte 0x{:02x} in position {i}", b[i])
                } else {
                    format!("bytes in position {i}-{}", i + n - 1)
                };
                return Err(PyErr::new(
                    ExcKind::UnicodeDecodeError,
                    format!("'{codec}' codec can't decode {what}: {reason}"),
                ));
            }
            "ignore" => {}
            "replace" => out.push('\u{FFFD}'),
            "backslashreplace" => {
                for &c in &b[i..i + n] {
                    out.push_str(&format!("\\x{c:02x}"));
                }
            }
            other => {
                return Err(PyErr::new(
                    ExcKind::LookupError,
                    format!("unknown error handler name '{other}'"),
                ))
            }
        }
        i += n;
    }
    Ok(vm.new_str(out))
}

fn b_decode(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let enc_kw = take_kw(vm, &mut a, "encoding");
    let err_kw = take_kw(vm, &mut a, "errors");
    super::reject_extra_kw(vm, &a, "decode")?;
    check_method(vm, &a, "decode", 0, 2)?;
    let (b, _) = recv(vm, &a, "decode")?;
    let text = |vm: &Vm, v: Option<Value>, what: &str, d: &str| -> PyResult<String> {
        match v {
            None => Ok(d.to_string()),
            Some(v) => vm.as_str(v).map(|s| s.to_string()).ok_or_else(|| {
                exc::type_error(format!(
                    "decode() argument '{what}' must be str, not {}",
                    vm.type_name(v)
                ))
            }),
        }
    };
    let enc = text(
        vm,
        enc_kw.or_else(|| a.pos.get(1).copied()),
        "encoding",
        "utf-8",
    )?;
    let errors = text(
        vm,
        err_kw.or_else(|| a.pos.get(2).copied()),
        "errors",
        "strict",
    )?;
    decode_bytes(vm, &b, &enc, &errors)
}

fn array_mut<'a>(vm: &'a mut Vm, a: &Args, name: &str) -> PyResult<&'a mut Vec<u8>> {
    let target = a.pos.first().map(|&v| vm.unwrap_base(v));
    match target {
        Some(Value::Obj(r)) => match vm.heap.get_mut(r) {
            Obj::ByteArray(b) => Ok(b),
            _ => Err(exc::type_error(format!(
                "descriptor '{name}' requires a 'bytearray' object"
            ))),
        },
        _ => Err(exc::type_error(format!(
            "descriptor '{name}' requires a 'bytearray' object"
        ))),
    }
}

fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let n = vm.index_value(v)?;
    if !(0..256).contains(&n) {
        return Err(exc::value_error("byte must be in range(0, 256)"));
    }
    Ok(n as u8)
}

fn ba_append(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "append", 1, 1)?;
    let n = byte_value(vm, a.pos[1])?;
    array_mut(vm, &a, "append")?.push(n);
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "extend", 1, 1)?;
    let add = match data(vm, a.pos[1]) {
        Some(d) => d,
        None => {
            if vm.as_str(a.pos[1]).is_some() {
                return Err(exc::type_error("expected iterable of integers; got: 'str'"));
            }
            let mut add = Vec::new();
            for v in vm.iterate(a.pos[1])? {
                add.push(byte_value(vm, v)?);
            }
            add
        }
    };
    array_mut(vm, &a, "extend")?.extend(add);
    Ok(Value::None)
}

fn ba_insert(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "insert", 2, 2)?;
    let i = vm.index_value(a.pos[1])?;
    let n = byte_value(vm, a.pos[2])?;
    let b = array_mut(vm, &a, "insert")?;
    let len = b.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    b.insert(at as usize, n);
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "pop", 0, 1)?;
    let i = match a.pos.get(1) {
        Some(&v) => vm.index_value(v)?,
        None => -1,
    };
    let b = array_mut(vm, &a, "pop")?;
    if b.is_empty() {
        return Err(exc::index_error("pop from empty bytearray"));
    }
    let len = b.len() as i64;
    let at = if i < 0 { i + len } else { i };
    if !(0..len).contains(&at) {
        return Err(exc::index_error("pop index out of range"));
    }
    Ok(Value::Int(b.remove(at as usize) as i64))
}

fn ba_remove(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "remove", 1, 1)?;
    let n = byte_value(vm, a.pos[1])?;
    let b = array_mut(vm, &a, "remove")?;
    match b.iter().position(|&c| c == n) {
        Some(i) => {
            b.remove(i);
            Ok(Value::None)
        }
        None => Err(exc::value_error("value not found in bytearray")),
    }
}

fn ba_reverse(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "reverse", 0, 0)?;
    array_mut(vm, &a, "reverse")?.reverse();
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "clear", 0, 0)?;
    array_mut(vm, &a, "clear")?.clear();
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "copy", 0, 0)?;
    let b = array_mut(vm, &a, "copy")?.clone();
    Ok(make(vm, true, b))
}
