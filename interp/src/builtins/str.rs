//! Methods of `str`, and str indexing/slicing.

use super::{arg, casing, check_method, take_kw};
use crate::object::{Args, Obj};
use crate::types::text::Text;
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self, ExcKind, PyErr};
use crate::vm::{PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let c = vm.types.str_;
    let methods: &[(&str, crate::object::NativeFnPtr)] = &[
        ("upper", s_upper),
        ("lower", s_lower),
        ("casefold", s_casefold),
        ("title", s_title),
        ("capitalize", s_capitalize),
        ("swapcase", s_swapcase),
        ("strip", s_strip),
        ("lstrip", s_lstrip),
        ("rstrip", s_rstrip),
        ("split", s_split),
        ("rsplit", s_rsplit),
        ("splitlines", s_splitlines),
        ("join", s_join),
        ("replace", s_replace),
        ("find", s_find),
        ("rfind", s_rfind),
        ("index", s_index),
        ("rindex", s_rindex),
        ("count", s_count),
        ("startswith", s_startswith),
        ("endswith", s_endswith),
        ("isdigit", s_isdigit),
        ("isdecimal", s_isdecimal),
        ("isnumeric", s_isnumeric),
        ("isalpha", s_isalpha),
        ("isalnum", s_isalnum),
        ("isspace", s_isspace),
        ("isupper", s_isupper),
        ("islower", s_islower),
        ("istitle", s_istitle),
        ("isidentifier", s_isidentifier),
        ("isprintable", s_isprintable),
        ("isascii", s_isascii),
        ("zfill", s_zfill),
        ("center", s_center),
        ("ljust", s_ljust),
        ("rjust", s_rjust),
        ("partition", s_partition),
        ("rpartition", s_rpartition),
        ("format", s_format),
        ("format_map", s_format_map),
        ("encode", s_encode),
        ("expandtabs", s_expandtabs),
        ("removeprefix", s_removeprefix),
        ("removesuffix", s_removesuffix),
        ("translate", s_translate),
        ("__len__", s_len),
        ("__contains__", s_contains),
        ("__getitem__", s_getitem_m),
        ("__add__", s_add),
        ("__mul__", s_mul),
        ("__mod__", s_mod),
        ("__eq__", s_eq),
        ("__lt__", s_lt),
        ("__hash__", s_hash),
        ("__iter__", s_iter),
        ("__str__", s_str),
    ];
    for &(n, f) in methods {
        vm.add_method(c, n, f);
    }
    vm.add_class_method(c, "maketrans", s_maketrans, true);
}

/// The receiver of a str method, for a method that takes no arguments.
fn this0(vm: &Vm, args: &Args, name: &str) -> PyResult<Text> {
    let s = this(vm, args, name)?;
    check_method(vm, args, name, 0, 0)?;
    Ok(s)
}

/// The receiver of a str method. Methods that accept keywords take them out of
/// `args` first, so any keyword still here is one the method does not know.
fn this(vm: &Vm, args: &Args, name: &str) -> PyResult<Text> {
    if let Some((k, _)) = args.kw.first() {
        if name != "format" {
            return Err(exc::type_error(
                if matches!(
                    name,
                    "split" | "rsplit" | "splitlines" | "encode" | "expandtabs"
                ) {
                    format!(
                        "'{}' is an invalid keyword argument for {name}()",
                        vm.str_ref(*k)
                    )
                } else {
                    format!("str.{name}() takes no keyword arguments")
                },
            ));
        }
    }
    match args.pos.first().map(|&v| vm.unwrap_base(v)) {
        Some(v) => match text_of(vm, v) {
            Some(s) => Ok(s),
            None => Err(exc::type_error(format!(
                "descriptor '{name}' requires a 'str' object but received a '{}'",
                vm.type_name(v)
            ))),
        },
        None => Err(exc::type_error(format!(
            "unbound method str.{name}() needs an argument"
        ))),
    }
}

/// The text of str `v`: a copy of its own, so the VM is free while a method works on it
/// (inline for short strings: no allocation).
fn text_of(vm: &Vm, v: Value) -> Option<Text> {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::Str(s) => Some(s.s.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn str_arg(vm: &Vm, v: Value, what: &str) -> PyResult<Text> {
    match text_of(vm, vm.unwrap_base(v)) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            Err(exc::type_error(if what.is_empty() {
                format!("must be str, not {t}")
            } else {
                format!("{what} must be str, not {t}")
            }))
        }
    }
}

fn ret(vm: &mut Vm, s: impl crate::object::StrSource) -> PyResult<Value> {
    Ok(vm.new_str(s))
}

fn s_upper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "upper")?;
    ret(vm, s.to_uppercase())
}

fn s_lower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "lower")?;
    ret(vm, s.to_lowercase())
}

/// `str.__str__`: the plain str value (also of a str subclass instance).
fn s_str(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "__str__")?;
    ret(vm, s)
}

fn s_casefold(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "casefold")?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        casing::push_fold(&mut out, c);
    }
    ret(vm, out)
}

fn s_swapcase(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "swapcase")?;
    let out: String = s
        .chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                c.to_uppercase().collect::<Vec<_>>()
            }
        })
        .collect();
    ret(vm, out)
}

fn s_title(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "title")?;
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            casing::push_title(&mut out, c);
        }
        prev_cased = casing::is_cased(c);
    }
    ret(vm, out)
}

fn s_capitalize(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "capitalize")?;
    let mut cs = s.chars();
    let mut out = String::with_capacity(s.len());
    if let Some(f) = cs.next() {
        casing::push_title(&mut out, f);
        out.extend(cs.flat_map(|c| c.to_lowercase()));
    }
    ret(vm, out)
}

fn strip_impl(vm: &mut Vm, a: Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    check_method(vm, &a, name, 0, 1)?;
    let s = this(vm, &a, name)?;
    let chars = match a.pos.get(1) {
        None | Some(Value::None) => None,
        Some(&v) => match vm.as_str(vm.unwrap_base(v)) {
            Some(s) => Some(s.to_string()),
            None => return Err(exc::type_error(format!("{name} arg must be None or str"))),
        },
    };
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(c),
        None => c.is_whitespace(),
    };
    let mut t: &str = &s;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    let t = t.to_string();
    ret(vm, t)
}

fn s_strip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, a, "strip", true, true)
}

fn s_lstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, a, "lstrip", true, false)
}

fn s_rstrip(vm: &mut Vm, a: Args) -> PyResult<Value> {
    strip_impl(vm, a, "rstrip", false, true)
}

fn split_args(vm: &mut Vm, a: &mut Args, name: &str) -> PyResult<(Text, Option<Text>, i64)> {
    let sep_kw = take_kw(vm, a, "sep");
    let max_kw = take_kw(vm, a, "maxsplit");
    let s = this(vm, a, name)?;
    let sep = match a.pos.get(1).copied().or(sep_kw) {
        None | Some(Value::None) => None,
        Some(v) => Some(str_arg(vm, v, "must be str or None,").map_err(|_| {
            exc::type_error(format!("must be str or None, not {}", vm.type_name(v)))
        })?),
    };
    if sep.as_deref() == Some("") {
        return Err(exc::value_error("empty separator"));
    }
    let max = match a.pos.get(2).copied().or(max_kw) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    Ok((s, sep, max))
}

fn s_split(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let (s, sep, max) = split_args(vm, &mut a, "split")?;
    // Parts are slices of `s` (a copy, so the VM is free), each copied once, into its `str`.
    let mut out = Vec::new();
    match sep {
        Some(ref sep) => {
            let limit = usize::try_from(max).map_or(usize::MAX, |m| m.saturating_add(1));
            // A one-byte separator is searched for as a byte (memchr), not as a substring.
            match sep.as_bytes() {
                &[b] if b.is_ascii() => {
                    let n = s.bytes().filter(|&c| c == b).count();
                    out.reserve_exact(n.min(limit - 1) + 1);
                    for p in s.splitn(limit, b as char) {
                        out.push(vm.new_str(p));
                    }
                }
                _ => {
                    for p in s.splitn(limit, sep.as_str()) {
                        out.push(vm.new_str(p));
                    }
                }
            }
        }
        None => {
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(vm.new_str(rest));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(vm.new_str(&rest[..end]));
                rest = rest[end..].trim_start();
            }
        }
    }
    Ok(vm.new_list(out))
}

fn s_rsplit(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let (s, sep, max) = split_args(vm, &mut a, "rsplit")?;
    let mut parts: Vec<String> = match sep {
        Some(sep) => {
            if max < 0 {
                s.split(sep.as_str()).map(|x| x.to_string()).collect()
            } else {
                let mut v: Vec<String> = s
                    .rsplitn(max as usize + 1, sep.as_str())
                    .map(|x| x.to_string())
                    .collect();
                v.reverse();
                v
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest
                    .rfind(char::is_whitespace)
                    .map(|i| i + rest[i..].chars().next().map_or(1, |c| c.len_utf8()))
                    .unwrap_or(0);
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end();
            }
            out.reverse();
            out
        }
    };
    if parts.is_empty() {
        parts = Vec::new();
    }
    let vals: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(vals))
}

fn s_splitlines(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let keep_kw = take_kw(vm, &mut a, "keepends");
    let s = this(vm, &a, "splitlines")?;
    let keep = match a.pos.get(1).copied().or(keep_kw) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = i + 1;
            if c == '\r' && i + 1 < chars.len() && chars[i + 1] == '\n' {
                end = i + 2;
            }
            let line: String = if keep {
                chars[start..end].iter().collect()
            } else {
                chars[start..i].iter().collect()
            };
            out.push(line);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect());
    }
    let vals: Vec<Value> = out.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(vals))
}

fn s_join(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "join", 1, 1)?;
    let sep = this(vm, &a, "join")?;
    let items = vm.iterate(a.pos[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match vm.as_str(vm.unwrap_base(*it)) {
            Some(s) => out.push_str(s),
            None => {
                let t = vm.type_name(*it);
                return Err(exc::type_error(format!(
                    "sequence item {i}: expected str instance, {t} found"
                )));
            }
        }
    }
    vm.reserve(out.len())?;
    ret(vm, out)
}

fn s_replace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "replace", 2, 3)?;
    let s = this(vm, &a, "replace")?;
    let old = str_arg(vm, a.pos[1], "replace() argument 1")?;
    let new = str_arg(vm, a.pos[2], "replace() argument 2")?;
    let count = match a.pos.get(3) {
        Some(&v) => vm.index_value(v)?,
        None => -1,
    };
    let out = if count < 0 {
        if old.is_empty() {
            let mut o = new.to_string();
            for c in s.chars() {
                o.push(c);
                o.push_str(&new);
            }
            o
        } else {
            s.replace(&*old, &new)
        }
    } else {
        s.replacen(&*old, &new, count as usize)
    };
    ret(vm, out)
}

/// Resolve optional start/end arguments to char offsets. A start past the end
/// comes back as `start > end`, which every caller treats as "not found" (CPython
/// clamps only `end`, so `''.find('', 2)` is -1, not 0).
fn range_args(vm: &mut Vm, a: &Args, from: usize, len: usize) -> PyResult<(usize, usize)> {
    let get = |vm: &mut Vm, i: usize, default: i64| -> PyResult<i64> {
        match a.pos.get(i) {
            None | Some(Value::None) => Ok(default),
            Some(&v) => vm.index_value(v),
        }
    };
    let n = len as i64;
    let fix = |x: i64| -> usize {
        let y = if x < 0 { x + n } else { x };
        y.clamp(0, n) as usize
    };
    let raw_start = get(vm, from, 0)?;
    let end = fix(get(vm, from + 1, n)?);
    if raw_start > n {
        return Ok((len + 1, len));
    }
    Ok((fix(raw_start), end))
}

fn char_to_byte(s: &str, ci: usize) -> usize {
    s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
}

fn byte_to_char(s: &str, bi: usize) -> usize {
    s[..bi].chars().count()
}

fn find_impl(vm: &mut Vm, a: &Args, name: &str, rev: bool) -> PyResult<i64> {
    check_method(vm, a, name, 1, 3)?;
    let s = this(vm, a, name)?;
    let sub = str_arg(vm, a.pos[1], "")?;
    let n = s.chars().count();
    let (start, end) = range_args(vm, a, 2, n)?;
    if start > end {
        return Ok(-1);
    }
    let (bs, be) = (char_to_byte(&s, start), char_to_byte(&s, end));
    let hay = &s[bs..be];
    let found = if rev {
        hay.rfind(&*sub)
    } else {
        hay.find(&*sub)
    };
    Ok(match found {
        Some(b) => (start + byte_to_char(hay, b)) as i64,
        None => -1,
    })
}

fn s_find(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &a, "find", false)?))
}

fn s_rfind(vm: &mut Vm, a: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &a, "rfind", true)?))
}

fn s_index(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match find_impl(vm, &a, "index", false)? {
        -1 => Err(exc::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn s_rindex(vm: &mut Vm, a: Args) -> PyResult<Value> {
    match find_impl(vm, &a, "rindex", true)? {
        -1 => Err(exc::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn s_count(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "count", 1, 3)?;
    let s = this(vm, &a, "count")?;
    let sub = str_arg(vm, a.pos[1], "")?;
    let n = s.chars().count();
    let (start, end) = range_args(vm, &a, 2, n)?;
    if start > end {
        return Ok(Value::Int(0));
    }
    let hay = &s[char_to_byte(&s, start)..char_to_byte(&s, end)];
    let c = if sub.is_empty() {
        hay.chars().count() + 1
    } else {
        hay.matches(&*sub).count()
    };
    Ok(Value::Int(c as i64))
}

fn prefix_impl(vm: &mut Vm, a: Args, name: &str, ends: bool) -> PyResult<Value> {
    check_method(vm, &a, name, 1, 3)?;
    let s = this(vm, &a, name)?;
    let n = s.chars().count();
    let (start, end) = range_args(vm, &a, 2, n)?;
    if start > end {
        return Ok(Value::Bool(false));
    }
    let hay = &s[char_to_byte(&s, start)..char_to_byte(&s, end)];
    let cands: Vec<Value> = match a.pos[1] {
        Value::Obj(r) if matches!(vm.heap.get(r), Obj::Tuple(_)) => vm.iterate(a.pos[1])?,
        v => {
            if vm.as_str(v).is_none() {
                let t = vm.type_name(v);
                return Err(exc::type_error(format!(
                    "{name} first arg must be str or a tuple of str, not {t}"
                )));
            }
            vec![v]
        }
    };
    for c in cands {
        let p = str_arg(vm, c, "tuple for startswith must only contain str, not")?;
        if (ends && hay.ends_with(&*p)) || (!ends && hay.starts_with(&*p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn s_startswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    prefix_impl(vm, a, "startswith", false)
}

fn s_endswith(vm: &mut Vm, a: Args) -> PyResult<Value> {
    prefix_impl(vm, a, "endswith", true)
}

fn pred(vm: &mut Vm, a: Args, name: &str, f: fn(char) -> bool) -> PyResult<Value> {
    let s = this0(vm, &a, name)?;
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn s_isdigit(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, a, "isdigit", |c| {
        is_decimal_char(c) || matches!(c, '²' | '³' | '¹' | '⁰'..='⁹' | '₀'..='₉' | '①'..='⑨')
    })
}

fn s_isdecimal(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, a, "isdecimal", is_decimal_char)
}

/// The value of a Unicode decimal digit.
pub fn decimal_value(c: char) -> Option<u8> {
    let n = c as u32;
    DIGIT_ZEROS
        .iter()
        .find(|&&z| n >= z && n < z + 10)
        .map(|&z| (n - z) as u8)
}

/// Unicode decimal digits (category Nd): each script's digits are ten consecutive code points.
pub fn is_decimal_char(c: char) -> bool {
    decimal_value(c).is_some()
}

const DIGIT_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0,
    0x11730, 0x118E0, 0x16A60, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E950,
];

fn s_isnumeric(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, a, "isnumeric", |c| c.is_numeric())
}

fn s_isalpha(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, a, "isalpha", |c| c.is_alphabetic())
}

fn s_isalnum(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, a, "isalnum", |c| c.is_alphanumeric())
}

fn s_isspace(vm: &mut Vm, a: Args) -> PyResult<Value> {
    pred(vm, a, "isspace", |c| c.is_whitespace())
}

fn s_isascii(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "isascii")?;
    Ok(Value::Bool(s.is_ascii()))
}

fn s_isprintable(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "isprintable")?;
    Ok(Value::Bool(s.chars().all(crate::vm::repr::is_printable)))
}

fn s_isupper(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "isupper")?;
    Ok(Value::Bool(
        s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase()),
    ))
}

fn s_islower(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "islower")?;
    Ok(Value::Bool(
        s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase()),
    ))
}

fn s_istitle(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "istitle")?;
    let mut prev_cased = false;
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() || (casing::is_cased(c) && !c.is_lowercase()) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(any))
}

fn s_isidentifier(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "isidentifier")?;
    let mut cs = s.chars();
    let ok = match cs.next() {
        Some(c) => (c.is_alphabetic() || c == '_') && cs.all(|c| c.is_alphanumeric() || c == '_'),
        None => false,
    };
    Ok(Value::Bool(ok))
}

fn s_zfill(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "zfill", 1, 1)?;
    let s = this(vm, &a, "zfill")?;
    let w = vm.index_value(a.pos[1])?.max(0) as usize;
    let n = s.chars().count();
    if n >= w {
        return ret(vm, s);
    }
    let (sign, body) = if s.starts_with('+') || s.starts_with('-') {
        (&s[..1], &s[1..])
    } else {
        ("", &s[..])
    };
    let out = format!("{sign}{}{body}", "0".repeat(w - n));
    ret(vm, out)
}

fn justify(vm: &mut Vm, a: Args, name: &str, how: char) -> PyResult<Value> {
    check_method(vm, &a, name, 1, 2)?;
    let s = this(vm, &a, name)?;
    let w = vm.index_value(a.pos[1])?.max(0) as usize;
    let fill = match a.pos.get(2) {
        Some(&f) => {
            let fs = str_arg(vm, f, "The fill character")?;
            if fs.chars().count() != 1 {
                return Err(exc::type_error(
                    "The fill character must be exactly one character long",
                ));
            }
            fs.chars().next().unwrap_or(' ')
        }
        None => ' ',
    };
    let n = s.chars().count();
    if n >= w {
        return ret(vm, s);
    }
    let pad = w - n;
    let f = |k: usize| fill.to_string().repeat(k);
    let out = match how {
        '<' => format!("{s}{}", f(pad)),
        '>' => format!("{}{s}", f(pad)),
        _ => {
            // CPython's centering puts the extra char on the left when the width is odd.
            let left = pad / 2 + (pad & w & 1);
            format!("{}{s}{}", f(left), f(pad - left))
        }
    };
    ret(vm, out)
}

fn s_center(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, a, "center", '^')
}

fn s_ljust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, a, "ljust", '<')
}

fn s_rjust(vm: &mut Vm, a: Args) -> PyResult<Value> {
    justify(vm, a, "rjust", '>')
}

fn partition_impl(vm: &mut Vm, a: Args, rev: bool) -> PyResult<Value> {
    check_method(vm, &a, "partition", 1, 1)?;
    let s = this(vm, &a, "partition")?;
    let sep = str_arg(vm, a.pos[1], "")?;
    if sep.is_empty() {
        return Err(exc::value_error("empty separator"));
    }
    let found = if rev { s.rfind(&*sep) } else { s.find(&*sep) };
    let (x, y, z) = match found {
        Some(i) => (
            s[..i].to_string(),
            sep.to_string(),
            s[i + sep.len()..].to_string(),
        ),
        None => {
            if rev {
                (String::new(), String::new(), s.to_string())
            } else {
                (s.to_string(), String::new(), String::new())
            }
        }
    };
    let vals = vec![vm.new_str(x), vm.new_str(y), vm.new_str(z)];
    Ok(vm.new_tuple(vals))
}

fn s_partition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, a, false)
}

fn s_rpartition(vm: &mut Vm, a: Args) -> PyResult<Value> {
    partition_impl(vm, a, true)
}

fn s_format(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this(vm, &a, "format")?;
    let out = vm.str_format(&s, &a.pos[1..], &a.kw)?;
    ret(vm, out)
}

fn s_format_map(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "format_map", 1, 1)?;
    let s = this(vm, &a, "format_map")?;
    let out = vm.str_format_map(&s, a.pos[1])?;
    ret(vm, out)
}

fn s_encode(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let enc_kw = take_kw(vm, &mut a, "encoding");
    let err_kw = take_kw(vm, &mut a, "errors");
    let s = this(vm, &a, "encode")?;
    check_method(vm, &a, "encode", 0, 2)?;
    let get = |vm: &Vm, i: usize, kw: Option<Value>, what: &str, dflt: &str| match kw
        .or_else(|| a.pos.get(i).copied())
    {
        None => Ok(dflt.to_string()),
        Some(v) => str_arg(vm, v, what).map(|t| t.to_string()),
    };
    let enc = get(vm, 1, enc_kw, "encode() argument 'encoding'", "utf-8")?;
    let errors = get(vm, 2, err_kw, "encode() argument 'errors'", "strict")?;
    let bytes = match enc.to_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => s.as_bytes().to_vec(),
        "ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
            let limit = if enc.to_lowercase().starts_with("ascii") {
                128
            } else {
                256
            };
            let codec = if limit == 128 { "ascii" } else { "latin-1" };
            let chars: Vec<char> = s.chars().collect();
            let mut out = Vec::with_capacity(chars.len());
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i];
                if (c as u32) < limit {
                    out.push(c as u32 as u8);
                    i += 1;
                    continue;
                }
                // CPython reports the whole run of unencodable characters at once.
                let mut end = i + 1;
                while end < chars.len() && chars[end] as u32 >= limit {
                    end += 1;
                }
                match errors.as_str() {
                    "ignore" => {}
                    "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
                    "backslashreplace" => {
                        for &c in &chars[i..end] {
                            out.extend(escape_char(c).bytes());
                        }
                    }
                    "xmlcharrefreplace" => {
                        for &c in &chars[i..end] {
                            out.extend(format!("&#{};", c as u32).bytes());
                        }
                    }
                    "strict" => {
                        let what = if end - i == 1 {
                            format!("character '{}' in position {i}", escape_char(c))
                        } else {
                            format!("characters in position {i}-{}", end - 1)
                        };
                        return Err(PyErr::new(
                            ExcKind::UnicodeEncodeError,
                            format!("'{codec}' codec can't encode {what}: ordinal not in range({limit})"),
                        ));
                    }
                    other => {
                        return Err(PyErr::new(
                            ExcKind::LookupError,
                            format!("unknown error handler name '{other}'"),
                        ))
                    }
                }
                i = end;
            }
            out
        }
        other => {
            return Err(PyErr::new(
                ExcKind::LookupError,
                format!("unknown encoding: {other}"),
            ))
        }
    };
    Ok(Value::Obj(vm.heap.alloc(Obj::Bytes(bytes))))
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`, as CPython's codecs escape a character.
fn escape_char(c: char) -> String {
    match c as u32 {
        n if n < 0x100 => format!("\\x{n:02x}"),
        n if n < 0x10000 => format!("\\u{n:04x}"),
        n => format!("\\U{n:08x}"),
    }
}

fn s_expandtabs(vm: &mut Vm, mut a: Args) -> PyResult<Value> {
    let ts_kw = take_kw(vm, &mut a, "tabsize");
    let s = this(vm, &a, "expandtabs")?;
    check_method(vm, &a, "expandtabs", 0, 1)?;
    let ts = match ts_kw.or_else(|| a.pos.get(1).copied()) {
        Some(v) => vm.index_value(v)?.max(0) as usize,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.push_str(&" ".repeat(n));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    ret(vm, out)
}

fn s_removeprefix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "removeprefix", 1, 1)?;
    let s = this(vm, &a, "removeprefix")?;
    let p = str_arg(vm, a.pos[1], "removeprefix() argument")?;
    let out = s.strip_prefix(&*p).unwrap_or(&*s).to_string();
    ret(vm, out)
}

fn s_removesuffix(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "removesuffix", 1, 1)?;
    let s = this(vm, &a, "removesuffix")?;
    let p = str_arg(vm, a.pos[1], "removesuffix() argument")?;
    let out = if p.is_empty() {
        s.to_string()
    } else {
        s.strip_suffix(&*p).unwrap_or(&*s).to_string()
    };
    ret(vm, out)
}

fn s_maketrans(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let d = vm.new_dict_ref();
    match a.pos.len() {
        1 => {
            let src = a.pos[0];
            let items = vm.iterate(src)?;
            for k in items {
                let v = vm.get_item(src, k)?;
                let key = match vm.as_str(k) {
                    Some(s) => Value::Int(s.chars().next().map_or(0, |c| c as i64)),
                    None => k,
                };
                vm.dict_set(d, key, v)?;
            }
        }
        2 | 3 => {
            let x = str_arg(vm, a.pos[0], "maketrans() argument 1")?;
            let y = str_arg(vm, a.pos[1], "maketrans() argument 2")?;
            if x.chars().count() != y.chars().count() {
                return Err(exc::value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (c1, c2) in x.chars().zip(y.chars()) {
                vm.dict_set(d, Value::Int(c1 as i64), Value::Int(c2 as i64))?;
            }
            if let Some(&z) = a.pos.get(2) {
                let z = str_arg(vm, z, "maketrans() argument 3")?;
                for c in z.chars() {
                    vm.dict_set(d, Value::Int(c as i64), Value::None)?;
                }
            }
        }
        _ => return Err(exc::type_error("maketrans() takes 1 to 3 arguments")),
    }
    Ok(Value::Obj(d))
}

fn s_translate(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "translate", 1, 1)?;
    let s = this(vm, &a, "translate")?;
    let table = a.pos[1];
    let mut out = String::new();
    for c in s.chars() {
        match vm.get_item(table, Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(n)) => out.push(char::from_u32(n as u32).unwrap_or(c)),
            Ok(v) => match vm.as_str(v) {
                Some(t) => out.push_str(t),
                None => {
                    return Err(exc::type_error(
                        "character mapping must return integer, None or str",
                    ))
                }
            },
            Err(e) => {
                if vm.err_matches(&e, ExcKind::LookupError) {
                    out.push(c);
                } else {
                    return Err(e);
                }
            }
        }
    }
    ret(vm, out)
}

fn s_len(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let s = this0(vm, &a, "__len__")?;
    Ok(Value::Int(s.chars().count() as i64))
}

fn s_contains(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__contains__", 1, 1)?;
    let s = vm.unwrap_base(a.pos[0]);
    Ok(Value::Bool(vm.contains(s, a.pos[1])?))
}

fn s_getitem_m(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__getitem__", 1, 1)?;
    match vm.unwrap_base(a.pos[0]) {
        Value::Obj(r) => str_getitem(vm, r, a.pos[1]),
        _ => Err(exc::type_error(
            "descriptor '__getitem__' requires a 'str' object",
        )),
    }
}

fn s_add(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__add__", 1, 1)?;
    let x = vm.unwrap_base(a.pos[0]);
    if vm.as_str(a.pos[1]).is_none() {
        return Ok(vm.not_implemented());
    }
    vm.binary_op(x, a.pos[1], crate::code::BinaryOp::Add, false)
}

fn s_mul(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__mul__", 1, 1)?;
    let x = vm.unwrap_base(a.pos[0]);
    vm.binary_op(x, a.pos[1], crate::code::BinaryOp::Mul, false)
}

fn s_mod(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__mod__", 1, 1)?;
    let x = vm.unwrap_base(a.pos[0]);
    vm.percent_format(x, a.pos[1])
}

fn s_eq(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__eq__", 1, 1)?;
    let (x, y) = (vm.unwrap_base(a.pos[0]), vm.unwrap_base(a.pos[1]));
    match (vm.as_str(x), vm.as_str(y)) {
        (Some(p), Some(q)) => Ok(Value::Bool(p == q)),
        _ => Ok(vm.not_implemented()),
    }
}

fn s_lt(vm: &mut Vm, a: Args) -> PyResult<Value> {
    check_method(vm, &a, "__lt__", 1, 1)?;
    let (x, y) = (vm.unwrap_base(a.pos[0]), vm.unwrap_base(a.pos[1]));
    match (vm.as_str(x), vm.as_str(y)) {
        (Some(p), Some(q)) => Ok(Value::Bool(p < q)),
        _ => Ok(vm.not_implemented()),
    }
}

fn s_hash(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = vm.unwrap_base(arg(&a, 0, "__hash__")?);
    Ok(Value::Int(vm.hash_value(x)?))
}

fn s_iter(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let x = vm.unwrap_base(arg(&a, 0, "__iter__")?);
    vm.get_iter(x)
}

/// `s[i]` and `s[a:b:c]`.
pub fn str_getitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<Value> {
    let (ascii, nchars) = match vm.heap.get(r) {
        Obj::Str(s) => (s.is_ascii(), s.char_count()),
        _ => return Err(exc::type_error("not a str")),
    };
    if let Some(sl) = vm.as_slice(key) {
        let (start, _, step, count) = vm.slice_indices(sl, nchars)?;
        let s = vm.str_ref(r);
        let text = if step == 1 {
            // A contiguous run: one copy of its bytes (`Text::new` keeps short ones inline).
            let start = start as usize;
            let (a, b) = if ascii {
                (start, start + count)
            } else {
                let mut at = s.char_indices().map(|(i, _)| i).skip(start);
                let a = at.next().unwrap_or(s.len());
                let b = if count == 0 {
                    a
                } else {
                    at.nth(count - 1).unwrap_or(s.len())
                };
                (a, b)
            };
            Text::new(&s[a..b])
        } else if ascii {
            let b = s.as_bytes();
            let picked: Vec<u8> = (0..count)
                .map(|k| b[(start + k as i64 * step) as usize])
                .collect();
            Text::from_string(String::from_utf8(picked).unwrap_or_default())
        } else {
            let cs: Vec<char> = s.chars().collect();
            let picked: String = (0..count)
                .map(|k| cs[(start + k as i64 * step) as usize])
                .collect();
            Text::from_string(picked)
        };
        return Ok(vm.new_str(text));
    }
    if !vm.is_int(key) && !vm.is_instance_like(key) {
        let t = vm.type_name(key);
        return Err(exc::type_error(format!(
            "string indices must be integers, not '{t}'"
        )));
    }
    let i = vm.seq_index(key, nchars, "string")?;
    let s = vm.str_ref(r);
    let c = if ascii {
        s.as_bytes()[i] as char
    } else {
        s.chars().nth(i).unwrap_or(' ')
    };
    Ok(vm.new_str(&*c.encode_utf8(&mut [0; 4])))
}
