//! Text conversions: `repr`, `str`, `format` (the format-spec mini-language), `%`-formatting
//! and `str.format`.

use crate::object::{DictView, GenState, Obj};
use crate::value::{ObjRef, Value};
use crate::vm::exc::{self, ExcKind, PyErr};
use crate::vm::format_spec::{
    code_point, format_float, group_digits, group_size, pad, pad_number, parse_spec, radix_prefix,
    u64_digits, Spec, SpecError,
};
use crate::vm::{PyResult, Vm, MAX_NATIVE_DEPTH};
use num_traits::{Signed, ToPrimitive};

/// CPython's `repr(float)`: shortest round-trip digits, fixed notation for exponents in
/// [-4, 16), scientific otherwise.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // Shortest round-tripping digit count, then the correctly rounded digits of that length
    // (CPython's choice; the shortest-digits algorithm alone may break exact ties differently).
    let shortest = format!("{:e}", f);
    let ndigits = shortest
        .split_once('e')
        .map_or(1, |(m, _)| m.chars().filter(|c| c.is_ascii_digit()).count());
    let rounded = format!("{:.*e}", ndigits.saturating_sub(1), f);
    let e = if rounded.parse::<f64>().ok() == Some(f) {
        rounded
    } else {
        shortest
    };
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out.push_str(&digits);
                for _ in digits.len()..int_len {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!(
            "e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        ));
    }
    out
}

/// `repr(str)`: CPython's quote choice and escapes.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if !is_printable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Roughly Python's `str.isprintable` for a char.
pub fn is_printable(c: char) -> bool {
    let n = c as u32;
    if n < 0x20 || (0x7f..0xa0).contains(&n) || n == 0xad {
        return false;
    }
    if (0x2028..=0x2029).contains(&n) || (0xd800..0xe000).contains(&n) || n == 0xfeff {
        return false;
    }
    if (0x200b..=0x200f).contains(&n)
        || (0x202a..=0x202e).contains(&n)
        || (0x2060..=0x206f).contains(&n)
    {
        return false;
    }
    if (0xe000..0xf900).contains(&n) || n >= 0xf0000 || (0xfff0..=0xfff8).contains(&n) {
        return false;
    }
    !c.is_whitespace() || c == ' '
}

pub fn bytes_repr(b: &[u8], prefix: &str) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(prefix);
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            _ => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

impl Vm {
    /// `repr(v)`
    fn expect_str_result(&mut self, s: Value, what: &str) -> PyResult<String> {
        match self.as_str(s) {
            Some(t) => Ok(t.to_string()),
            None => Err(exc::type_error(format!(
                "{what} returned non-string (type {})",
                self.type_name(s)
            ))),
        }
    }

    pub fn repr_value(&mut self, v: Value) -> PyResult<String> {
        match v {
            Value::None => Ok("None".into()),
            Value::Bool(b) => Ok(if b { "True" } else { "False" }.into()),
            Value::Int(i) => Ok(i.to_string()),
            Value::Float(f) => Ok(float_repr(f)),
            Value::Undef => Ok("<undefined>".into()),
            Value::Obj(r) => self.repr_obj(v, r),
        }
    }

    fn repr_obj(&mut self, v: Value, r: ObjRef) -> PyResult<String> {
        if matches!(self.heap.get(r), Obj::Class(_)) {
            let rn = self.names.__repr__;
            if let Some(s) = self.meta_dunder(v, rn, &[])? {
                return self.expect_str_result(s, "__repr__");
            }
        }
        match self.heap.get(r) {
            Obj::Str(s) => return Ok(str_repr(&s.s)),
            Obj::BigInt(b) => {
                // CPython 3.11's guard against quadratic-time conversions.
                let limit = self.int_max_str_digits;
                if limit > 0 && (b.bits() as f64) * std::f64::consts::LOG10_2 > limit as f64 + 1.0 {
                    let s = b.to_string();
                    let digits = s.trim_start_matches('-').len();
                    if digits > limit {
                        return Err(exc::value_error(format!(
                            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
                        )));
                    }
                    return Ok(s);
                }
                return Ok(b.to_string());
            }
            Obj::Bytes(b) => return Ok(bytes_repr(b, "b")),
            Obj::ByteArray(b) => return Ok(format!("bytearray({})", bytes_repr(b, "b"))),
            Obj::Complex(a, b) => return Ok(complex_repr(*a, *b)),
            Obj::Tuple(xs) => {
                if r == self.ellipsis {
                    return Ok("Ellipsis".into());
                }
                if r == self.not_implemented {
                    return Ok("NotImplemented".into());
                }
                let xs = xs.clone();
                if xs.len() == 1 {
                    let s = self.repr_nested(r, &xs, "(", ",)")?;
                    return Ok(s);
                }
                return self.repr_nested(r, &xs, "(", ")");
            }
            Obj::List(xs) => {
                let xs = xs.clone();
                return self.repr_nested(r, &xs, "[", "]");
            }
            Obj::Dict(_) => return self.repr_dict(r),
            Obj::Set(s) | Obj::FrozenSet(s) => {
                let is_frozen = matches!(self.heap.get(r), Obj::FrozenSet(_));
                let items: Vec<Value> = s.iter().map(|(k, _)| k).collect();
                let name = self.type_name(v);
                if items.is_empty() {
                    return Ok(format!("{name}()"));
                }
                let inner = self.repr_nested(r, &items, "{", "}")?;
                return Ok(if is_frozen || name != "set" {
                    format!("{name}({inner})")
                } else {
                    inner
                });
            }
            Obj::Range(parts) => {
                let [a, b, c] = parts.get();
                let (a, b) = (self.repr_value(a)?, self.repr_value(b)?);
                if matches!(c, Value::Int(1)) {
                    return Ok(format!("range({a}, {b})"));
                }
                let c = self.repr_value(c)?;
                return Ok(format!("range({a}, {b}, {c})"));
            }
            Obj::Slice(parts) => {
                let [a, b, c] = parts.get();
                return Ok(format!(
                    "slice({}, {}, {})",
                    self.repr_value(a)?,
                    self.repr_value(b)?,
                    self.repr_value(c)?
                ));
            }
            Obj::Function(f) => {
                return Ok(format!("<function {} at 0x{:012x}>", f.qualname, addr(r)))
            }
            Obj::Native(n) => {
                let name = n.name.clone();
                return Ok(match n.owner {
                    Some(o) => {
                        let cname = self.class_name(o);
                        format!("<method '{name}' of '{cname}' objects>")
                    }
                    None => format!("<built-in function {name}>"),
                });
            }
            Obj::BoundMethod { receiver, func } => {
                let (recv, func) = (*receiver, *func);
                if let Value::Obj(fr) = func {
                    if let Obj::Native(n) = self.heap.get(fr) {
                        let name = n.name.clone();
                        // `<built-in method append of list object at 0x...>`; class receivers
                        // (classmethods such as dict.fromkeys) read "of type object".
                        let (what, at) = match self.is_class(recv) {
                            Some(c) => ("type".to_string(), addr(c)),
                            None => (self.type_name(recv), recv.as_obj().map_or(0, addr)),
                        };
                        return Ok(format!(
                            "<built-in method {name} of {what} object at 0x{at:012x}>"
                        ));
                    }
                }
                let qual = match func {
                    Value::Obj(fr) => match self.heap.get(fr) {
                        Obj::Function(f) => f.qualname.clone(),
                        _ => "?".into(),
                    },
                    _ => "?".into(),
                };
                let rs = self.repr_value(recv)?;
                return Ok(format!("<bound method {qual} of {rs}>"));
            }
            Obj::Class(c) => {
                let module = c.module;
                let qual = c.qualname.clone();
                let m = self.as_str(module).unwrap_or("builtins").to_string();
                return Ok(if m == "builtins" {
                    format!("<class '{qual}'>")
                } else {
                    format!("<class '{m}.{qual}'>")
                });
            }
            Obj::Module(m) => {
                let name = m.name.clone();
                return Ok(
                    if matches!(
                        name.as_str(),
                        "sys"
                            | "builtins"
                            | "math"
                            | "time"
                            | "random"
                            | "itertools"
                            | "functools"
                            | "operator"
                            | "collections"
                            | "kaa"
                    ) {
                        format!("<module '{name}' (built-in)>")
                    } else {
                        let d = m.dict;
                        let f = self.names.__file__;
                        match self.ns_get(d, f) {
                            Some(p) if self.as_str(p).is_some() => {
                                format!("<module '{name}' from '{}'>", self.as_str(p).unwrap_or(""))
                            }
                            _ => format!("<module '{name}'>"),
                        }
                    },
                );
            }
            Obj::Cell(_) => return Ok(format!("<cell at 0x{:012x}>", addr(r))),
            Obj::Code(c) => {
                return Ok(format!(
                    "<code object {} at 0x{:012x}, file \"{}\", line {}>",
                    c.name,
                    addr(r),
                    c.filename,
                    c.firstlineno
                ))
            }
            Obj::Generator(g) => {
                let kind = if g.coroutine {
                    "coroutine"
                } else {
                    "generator"
                };
                let qualname = match self.heap.get(g.func) {
                    Obj::Function(f) => f.qualname.as_str(),
                    _ => "",
                };
                return Ok(format!("<{kind} object {qualname} at 0x{:012x}>", addr(r)));
            }
            Obj::Iter(_) => {
                let t = self.type_name(v);
                return Ok(format!("<{t} object at 0x{:012x}>", addr(r)));
            }
            Obj::Property(_) => return Ok(format!("<property object at 0x{:012x}>", addr(r))),
            // CPython 3.10+: the wrapped callable's repr inside.
            &Obj::StaticMethod(f) => return Ok(format!("<staticmethod({})>", self.repr_value(f)?)),
            &Obj::ClassMethod(f) => return Ok(format!("<classmethod({})>", self.repr_value(f)?)),
            Obj::Super { class, .. } => {
                let n = self.class_name(*class);
                return Ok(format!("<super: <class '{n}'>, <{n} object>>"));
            }
            Obj::DictView(d, view) => {
                let (d, view) = (*d, *view);
                let it = self.get_iter(v)?;
                let _ = d;
                let mut items = Vec::new();
                while let Some(x) = self.iter_next(it)? {
                    items.push(x);
                }
                let name = match view {
                    DictView::Keys => "dict_keys",
                    DictView::Values => "dict_values",
                    DictView::Items => "dict_items",
                };
                let inner = self.repr_nested(r, &items, "[", "]")?;
                return Ok(format!("{name}({inner})"));
            }
            Obj::Host(h) => return Ok(format!("<{:?}>", h)),
            Obj::Instance(_) => {}
        }
        // Instances: __repr__ from the class.
        let rn = self.names.__repr__;
        let cls = self.class_of(v);
        if let Some(f) = self.lookup_type_attr(cls, rn) {
            if !self.is_builtin_object_slot(f) {
                let res = self.call_bound(f, v, &[])?;
                return match self.as_str(res) {
                    Some(s) => Ok(s.to_string()),
                    None => {
                        let t = self.type_name(res);
                        Err(exc::type_error(format!(
                            "__repr__ returned non-string (type {t})"
                        )))
                    }
                };
            }
        }
        self.default_repr(v)
    }

    /// `object.__repr__`, and reprs of exceptions and builtin subclasses.
    pub fn default_repr(&mut self, v: Value) -> PyResult<String> {
        let Value::Obj(r) = v else {
            return self.repr_value(v);
        };
        let cls = self.class_of(v);
        if let Some(d) = self.exc_data(r) {
            let args = d.args;
            let name = self.class_name(cls);
            let items = self.tuple_items(args);
            if items.len() == 1 {
                let s = self.repr_value(items[0])?;
                return Ok(format!("{name}({s})"));
            }
            let t = self.repr_value(args)?;
            return Ok(format!("{name}{t}"));
        }
        if let Obj::Instance(i) = self.heap.get(r) {
            if !matches!(i.base, Value::Undef) {
                let b = i.base;
                return self.repr_value(b);
            }
        }
        let (module, qual) = match self.heap.get(cls) {
            Obj::Class(c) => (c.module, c.qualname.clone()),
            _ => (Value::None, "object".into()),
        };
        let m = self.as_str(module).unwrap_or("builtins").to_string();
        let name = if m == "builtins" {
            qual
        } else {
            format!("{m}.{qual}")
        };
        Ok(format!("<{name} object at 0x{:012x}>", addr(r)))
    }

    fn repr_nested(
        &mut self,
        r: ObjRef,
        items: &[Value],
        open: &str,
        close: &str,
    ) -> PyResult<String> {
        if self.repr_stack.contains(&r) {
            return Ok(format!("{open}...{close}").replace(",)", ")"));
        }
        if self.repr_stack.len() as u32 >= MAX_NATIVE_DEPTH * 4
            || self.native_depth >= MAX_NATIVE_DEPTH
        {
            return Err(exc::recursion_error(
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.repr_stack.push(r);
        let mut out = String::from(open);
        let mut res = Ok(());
        for (i, &x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            match crate::parser::guard(|| self.repr_value(x)) {
                Ok(s) => out.push_str(&s),
                Err(e) => {
                    res = Err(e);
                    break;
                }
            }
        }
        self.repr_stack.pop();
        res?;
        out.push_str(close);
        Ok(out)
    }

    fn repr_dict(&mut self, r: ObjRef) -> PyResult<String> {
        if self.repr_stack.contains(&r) {
            return Ok("{...}".into());
        }
        if self.repr_stack.len() as u32 >= MAX_NATIVE_DEPTH * 4 {
            return Err(exc::recursion_error(
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        let entries: Vec<(Value, Value)> = match self.heap.get(r) {
            Obj::Dict(d) => d.iter().map(|e| (e.key, e.value)).collect(),
            _ => Vec::new(),
        };
        self.repr_stack.push(r);
        let mut out = String::from("{");
        let mut res = Ok(());
        for (i, (k, v)) in entries.into_iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            match crate::parser::guard(|| {
                self.repr_value(k)
                    .and_then(|ks| Ok((ks, self.repr_value(v)?)))
            }) {
                Ok((ks, vs)) => {
                    out.push_str(&ks);
                    out.push_str(": ");
                    out.push_str(&vs);
                }
                Err(e) => {
                    res = Err(e);
                    break;
                }
            }
        }
        self.repr_stack.pop();
        res?;
        out.push('}');
        Ok(out)
    }

    /// `str(v)`
    pub fn str_value(&mut self, v: Value) -> PyResult<String> {
        if let Value::Obj(r) = v {
            if matches!(self.heap.get(r), Obj::Class(_)) {
                let sn = self.names.__str__;
                if let Some(s) = self.meta_dunder(v, sn, &[])? {
                    return self.expect_str_result(s, "__str__");
                }
            }
        }
        if let Value::Obj(r) = v {
            match self.heap.get(r) {
                Obj::Str(s) => return Ok(s.s.to_string()),
                Obj::Instance(_) => {
                    let sn = self.names.__str__;
                    let cls = self.class_of(v);
                    if let Some(f) = self.lookup_type_attr(cls, sn) {
                        if !self.is_builtin_object_slot(f) {
                            let res = self.call_bound(f, v, &[])?;
                            return match self.as_str(res) {
                                Some(s) => Ok(s.to_string()),
                                None => {
                                    let t = self.type_name(res);
                                    Err(exc::type_error(format!(
                                        "__str__ returned non-string (type {t})"
                                    )))
                                }
                            };
                        }
                    }
                    if let Some(d) = self.exc_data(r) {
                        return self.exception_str(r, d.args);
                    }
                    if let Obj::Instance(i) = self.heap.get(r) {
                        if !matches!(i.base, Value::Undef)
                            && self
                                .lookup_type_attr(cls, self.names.__repr__)
                                .is_none_or(|f| self.is_builtin_object_slot(f))
                        {
                            let b = i.base;
                            return self.str_value(b);
                        }
                    }
                }
                _ => {}
            }
        }
        self.repr_value(v)
    }

    pub(crate) fn exception_str(&mut self, r: ObjRef, args: Value) -> PyResult<String> {
        let items = self.tuple_items(args);
        if self.isinstance(Value::Obj(r), self.exc_class(ExcKind::SyntaxError)) {
            return self.syntax_error_str(r, args);
        }
        let is_key_error = self.isinstance(Value::Obj(r), self.exc_class(ExcKind::KeyError));
        match items.len() {
            0 => Ok(String::new()),
            1 => {
                if is_key_error {
                    self.repr_value(items[0])
                } else {
                    self.str_value(items[0])
                }
            }
            _ => self.repr_value(args),
        }
    }

    /// CPython's SyntaxError.__str__: "msg (file.py, line 3)" with the file's base name, or
    /// whichever of the two parts is there.
    fn syntax_error_str(&mut self, r: ObjRef, args: Value) -> PyResult<String> {
        let dict = match self.heap.get(r) {
            Obj::Instance(i) => i.dict,
            _ => return self.repr_value(args),
        };
        let attr = |vm: &mut Self, name: &str| {
            let k = vm.intern(name);
            vm.ns_get(dict, k).unwrap_or(Value::None)
        };
        let msg = attr(self, "msg");
        let msg = self.str_value(msg)?;
        let filename = attr(self, "filename");
        let file = self
            .as_str(filename)
            .map(|f| f.rsplit(['/', '\\']).next().unwrap_or_default().to_string());
        let line = match attr(self, "lineno") {
            Value::Int(n) => Some(n),
            Value::Bool(b) => Some(b as i64),
            _ => None,
        };
        Ok(match (file, line) {
            (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(l)) => format!("{msg} (line {l})"),
            (None, None) => msg,
        })
    }

    // ----- format() -----

    /// `format(v, spec)`
    pub fn format_value(&mut self, v: Value, spec: &str) -> PyResult<String> {
        if let Value::Obj(r) = v {
            if let Obj::Instance(_) = self.heap.get(r) {
                let f = self.names.__format__;
                let cls = self.class_of(v);
                if let Some(m) = self.lookup_type_attr(cls, f) {
                    if !self.is_builtin_object_slot(m) {
                        let sv = self.new_str(spec);
                        let res = self.call_bound(m, v, &[sv])?;
                        return match self.as_str(res) {
                            Some(s) => Ok(s.to_string()),
                            None => Err(exc::type_error("__format__ must return a str")),
                        };
                    }
                }
                let base = self.unwrap_base(v);
                if base.is(v) {
                    if !spec.is_empty() {
                        let t = self.type_name(v);
                        return Err(exc::type_error(format!(
                            "unsupported format string passed to {t}.__format__"
                        )));
                    }
                    return self.str_value(v);
                }
                if spec.is_empty() {
                    return self.str_value(v);
                }
                return self.format_value(base, spec);
            }
        }
        // Types without a spec language of their own (object.__format__) refuse any spec
        // before it is parsed.
        let has_spec_language = match v {
            Value::Bool(_) | Value::Int(_) | Value::Float(_) => true,
            Value::Obj(r) => matches!(self.heap.get(r), Obj::Str(_) | Obj::BigInt(_)),
            _ => false,
        };
        if !has_spec_language {
            return self.format_builtin(v, &Spec::default(), spec.is_empty());
        }
        let s = parse_spec(spec).map_err(|e| match e {
            SpecError::MissingPrecision => exc::value_error("Format specifier missing precision"),
            SpecError::Invalid => exc::value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{}'",
                self.type_name(v)
            )),
        })?;
        self.format_builtin(v, &s, spec.is_empty())
    }

    /// `v`, not an instance with its own `__format__`, laid out by a parsed spec. `bare`: the
    /// spec was empty.
    pub(crate) fn format_builtin(&mut self, v: Value, s: &Spec, bare: bool) -> PyResult<String> {
        match v {
            Value::Bool(_) | Value::Int(_) => {
                if s.ty == '\0' && bare {
                    return self.str_value(v);
                }
                self.format_int(v, s, bare)
            }
            Value::Float(f) => format_float(f, s, bare),
            Value::None => {
                if bare {
                    Ok("None".into())
                } else {
                    Err(exc::type_error(
                        "unsupported format string passed to NoneType.__format__",
                    ))
                }
            }
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Str(st) => {
                    if !matches!(s.ty, '\0' | 's') {
                        return Err(exc::value_error(format!(
                            "Unknown format code '{}' for object of type 'str'",
                            s.ty
                        )));
                    }
                    match s.sign {
                        Some(' ') => {
                            return Err(exc::value_error(
                                "Space not allowed in string format specifier",
                            ))
                        }
                        Some(_) => {
                            return Err(exc::value_error(
                                "Sign not allowed in string format specifier",
                            ))
                        }
                        None => {}
                    }
                    if s.alt {
                        return Err(exc::value_error(
                            "Alternate form (#) not allowed in string format specifier",
                        ));
                    }
                    if let Some(g) = s.grouping {
                        return Err(exc::value_error(format!("Cannot specify '{g}' with 's'.")));
                    }
                    if s.align == Some('=') {
                        return Err(exc::value_error(
                            "'=' alignment not allowed in string format specifier",
                        ));
                    }
                    // A leading 0 means "fill with zeros" for strings too.
                    let mut sp = *s;
                    if sp.zero && sp.fill.is_none() {
                        sp.fill = Some('0');
                    }
                    let text = st.s.as_str();
                    Ok(match s.precision {
                        Some(p) => {
                            let end = text.char_indices().nth(p).map_or(text.len(), |(i, _)| i);
                            pad(&text[..end], &sp, '<')
                        }
                        None => pad(text, &sp, '<'),
                    })
                }
                Obj::BigInt(_) => self.format_int(v, s, bare),
                _ => {
                    if bare {
                        self.str_value(v)
                    } else {
                        let t = self.type_name(v);
                        Err(exc::type_error(format!(
                            "unsupported format string passed to {t}.__format__"
                        )))
                    }
                }
            },
            Value::Undef => Ok(String::new()),
        }
    }

    fn format_int(&mut self, v: Value, s: &Spec, bare: bool) -> PyResult<String> {
        // Small ints skip the big-int conversion (an allocation) on the common paths.
        // (is negative, magnitude) of an int that fits a machine word.
        let small = match v {
            Value::Int(i) => Some((i < 0, i.unsigned_abs())),
            Value::Bool(x) => Some((false, x as u64)),
            _ => None,
        };
        let b = match (small, s.ty) {
            (Some(_), 'b' | 'o' | 'x' | 'X' | 'd' | 'n' | '\0') => Default::default(),
            _ => self.to_bigint(v).unwrap_or_default(),
        };
        match s.ty {
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
                let f = b.to_f64().unwrap_or(f64::INFINITY);
                return format_float(f, s, bare);
            }
            'b' | 'o' | 'x' | 'X' | 'd' | 'n' | '\0' | 'c' => {}
            c => {
                let t = self.type_name(v);
                return Err(exc::value_error(format!(
                    "Unknown format code '{c}' for object of type '{t}'"
                )));
            }
        }
        if s.no_neg_zero {
            return Err(exc::value_error(
                "Negative zero coercion (z) not allowed in integer format specifier",
            ));
        }
        if s.ty == 'c' {
            if s.sign.is_some() {
                return Err(exc::value_error(
                    "Sign not allowed with integer format specifier 'c'",
                ));
            }
            if s.alt {
                return Err(exc::value_error(
                    "Alternate form (#) not allowed with integer format specifier 'c'",
                ));
            }
            if let Some(g) = s.grouping {
                return Err(exc::value_error(format!("Cannot specify '{g}' with 'c'.")));
            }
            if s.precision.is_some() {
                return Err(exc::value_error(
                    "Precision not allowed in integer format specifier",
                ));
            }
            if b.to_i64().is_none() {
                return Err(exc::overflow_error(
                    "Python int too large to convert to C long",
                ));
            }
            let c = code_point(&b)
                .ok_or_else(|| exc::overflow_error("%c arg not in range(0x110000)"))?;
            return Ok(pad(&c.to_string(), s, '>'));
        }
        if s.precision.is_some() {
            return Err(exc::value_error(
                "Precision not allowed in integer format specifier",
            ));
        }
        let neg = small.map_or_else(|| b.is_negative(), |(neg, _)| neg);
        let sign = s.sign_text(neg);
        // Small ints format without big-int arithmetic, decimal ones without an allocation.
        if let (Some((_, m)), 'd' | 'n' | '\0', None) = (small, s.ty, s.grouping) {
            let mut buf = [0u8; 20];
            return Ok(pad_number(sign, "", u64_digits(m, &mut buf), s));
        }
        let (radix, prefix) = radix_prefix(s.ty);
        let mut digits = match small {
            Some((_, m)) => match radix {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                16 => format!("{m:x}"),
                _ => m.to_string(),
            },
            None => b.magnitude().to_str_radix(radix),
        };
        if s.ty == 'X' {
            digits.make_ascii_uppercase();
        }
        if let Some(g) = s.grouping {
            digits = group_digits(&digits, g, group_size(s.ty));
        }
        let prefix = if s.alt { prefix } else { "" };
        Ok(pad_number(sign, prefix, &digits, s))
    }

    /// `str.format(*args, **kwargs)`
    pub fn str_format(
        &mut self,
        fmt: &str,
        args: &[Value],
        kwargs: &[(ObjRef, Value)],
    ) -> PyResult<String> {
        let (mut auto, mut manual) = (0usize, false);
        self.str_format_with(fmt, args, kwargs, &mut auto, &mut manual, None)
    }

    /// `str.format_map(mapping)`: names are looked up with `mapping[name]` (so a dict
    /// subclass's `__missing__` takes part).
    pub fn str_format_map(&mut self, fmt: &str, mapping: Value) -> PyResult<String> {
        let (mut auto, mut manual) = (0usize, false);
        self.str_format_with(fmt, &[], &[], &mut auto, &mut manual, Some(mapping))
    }

    /// `str.format` with the automatic field counter shared by nested fields (`"{:{}}"`).
    fn str_format_with(
        &mut self,
        fmt: &str,
        args: &[Value],
        kwargs: &[(ObjRef, Value)],
        auto: &mut usize,
        manual: &mut bool,
        mapping: Option<Value>,
    ) -> PyResult<String> {
        let chars: Vec<char> = fmt.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' {
                if i + 1 < chars.len() && chars[i + 1] == '{' {
                    out.push('{');
                    i += 2;
                    continue;
                }
                // Find the matching close brace (nested fields in the spec).
                let mut depth = 1;
                let start = i + 1;
                let mut in_spec = false;
                i += 1;
                while i < chars.len() && depth > 0 {
                    match chars[i] {
                        // An index in the field name may hold braces: skip to its ']'.
                        '[' if !in_spec && depth == 1 => {
                            while i < chars.len() && chars[i] != ']' {
                                i += 1;
                            }
                            if i >= chars.len() {
                                return Err(exc::value_error("expected '}' before end of string"));
                            }
                        }
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ':' => in_spec = true,
                        '!' if !in_spec && i + 1 >= chars.len() => {
                            return Err(exc::value_error(
                                "end of string while looking for conversion specifier",
                            ));
                        }
                        _ => {}
                    }
                    i += 1;
                }
                if depth > 0 {
                    return Err(exc::value_error("expected '}' before end of string"));
                }
                let field: String = chars[start..i - 1].iter().collect();
                let (name_part, conv, spec) = split_field(&field)?;
                let (first, rest) = split_first_name(&name_part);
                // The field's own value is numbered before the fields nested in its spec.
                let own_index = if first.is_empty() {
                    if *manual {
                        return Err(exc::value_error(
                            "cannot switch from manual field specification to automatic field numbering",
                        ));
                    }
                    *auto += 1;
                    Some(*auto - 1)
                } else {
                    None
                };
                let spec = if spec.contains('{') {
                    self.str_format_with(&spec, args, kwargs, auto, manual, mapping)?
                } else {
                    spec
                };
                let mut v = if let Some(n) = own_index {
                    args.get(n).copied().ok_or_else(|| {
                        exc::index_error(format!(
                            "Replacement index {n} out of range for positional args tuple"
                        ))
                    })?
                } else if let Ok(n) = first.parse::<usize>() {
                    if *auto > 0 {
                        return Err(exc::value_error(
                            "cannot switch from automatic field numbering to manual field specification",
                        ));
                    }
                    *manual = true;
                    args.get(n).copied().ok_or_else(|| {
                        exc::index_error(format!(
                            "Replacement index {n} out of range for positional args tuple"
                        ))
                    })?
                } else {
                    let found = kwargs
                        .iter()
                        .find(|(k, _)| self.str_ref(*k) == first)
                        .map(|(_, v)| *v);
                    match (found, mapping) {
                        (Some(v), _) => v,
                        (None, Some(m)) => {
                            let k = self.new_str(first.clone());
                            self.get_item(m, k)?
                        }
                        (None, None) => {
                            let k = self.new_str(first.clone());
                            return Err(self.key_error(k));
                        }
                    }
                };
                for part in rest {
                    match part {
                        FieldPart::Attr(a) => v = self.get_attr_str(v, &a)?,
                        FieldPart::Index(k) => {
                            let key = match k.parse::<i64>() {
                                Ok(n) => Value::Int(n),
                                Err(_) => self.new_str(k),
                            };
                            v = self.get_item(v, key)?;
                        }
                    }
                }
                let v = match conv {
                    Some('r') => {
                        let s = self.repr_value(v)?;
                        self.new_str(s)
                    }
                    Some('s') => {
                        let s = self.str_value(v)?;
                        self.new_str(s)
                    }
                    Some('a') => {
                        let s = self.repr_value(v)?;
                        self.new_str(crate::builtins::ascii_escape(&s))
                    }
                    Some(other) => {
                        return Err(exc::value_error(format!(
                            "Unknown conversion specifier {other}"
                        )))
                    }
                    None => v,
                };
                out.push_str(&self.format_value(v, &spec)?);
                continue;
            }
            if c == '}' {
                if i + 1 < chars.len() && chars[i + 1] == '}' {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return Err(exc::value_error("Single '}' encountered in format string"));
            }
            out.push(c);
            i += 1;
        }
        Ok(out)
    }
}

enum FieldPart {
    Attr(String),
    Index(String),
}

fn split_field(field: &str) -> PyResult<(String, Option<char>, String)> {
    let mut depth = 0;
    let chars: Vec<char> = field.chars().collect();
    let mut name_end = chars.len();
    let mut conv = None;
    let mut spec = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '[' => depth += 1,
            ']' => depth -= 1,
            '!' if depth == 0 => {
                name_end = name_end.min(i);
                conv = chars.get(i + 1).copied();
                if conv.is_none() {
                    return Err(exc::value_error(
                        "end of string while looking for conversion specifier",
                    ));
                }
                match chars.get(i + 2) {
                    Some(&':') => spec = chars[i + 3..].iter().collect(),
                    Some(_) => {
                        return Err(exc::value_error("expected ':' after conversion specifier"))
                    }
                    None => {}
                }
                break;
            }
            ':' if depth == 0 => {
                name_end = name_end.min(i);
                spec = chars[i + 1..].iter().collect();
                break;
            }
            _ => {}
        }
        i += 1;
    }
    Ok((chars[..name_end].iter().collect(), conv, spec))
}

fn split_first_name(name: &str) -> (String, Vec<FieldPart>) {
    let chars: Vec<char> = name.chars().collect();
    let mut i = 0;
    while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
        i += 1;
    }
    let first: String = chars[..i].iter().collect();
    let mut parts = Vec::new();
    while i < chars.len() {
        if chars[i] == '.' {
            let s = i + 1;
            i += 1;
            while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                i += 1;
            }
            parts.push(FieldPart::Attr(chars[s..i].iter().collect()));
        } else if chars[i] == '[' {
            let s = i + 1;
            while i < chars.len() && chars[i] != ']' {
                i += 1;
            }
            parts.push(FieldPart::Index(
                chars[s..i.min(chars.len())].iter().collect(),
            ));
            i += 1;
        } else {
            i += 1;
        }
    }
    (first, parts)
}

fn addr(r: ObjRef) -> u64 {
    0x7f00_0000_0000 + (r.0 as u64) * 0x30
}

pub fn complex_repr(a: f64, b: f64) -> String {
    let fmt = |x: f64| -> String {
        let s = float_repr(x);
        s.strip_suffix(".0").map(|t| t.to_string()).unwrap_or(s)
    };
    if a == 0.0 && a.is_sign_positive() {
        return format!("{}j", fmt(b));
    }
    let sign = if b < 0.0 || (b == 0.0 && b.is_sign_negative()) {
        "-"
    } else {
        "+"
    };
    format!("({}{}{}j)", fmt(a), sign, fmt(b.abs()))
}

impl Vm {
    /// The generator's state name for `inspect`-like introspection.
    pub fn gen_state_name(&self, r: ObjRef) -> &'static str {
        match self.heap.get(r) {
            Obj::Generator(g) => match g.state {
                GenState::Created => "GEN_CREATED",
                GenState::Suspended => "GEN_SUSPENDED",
                GenState::Running => "GEN_RUNNING",
                GenState::Finished => "GEN_CLOSED",
            },
            _ => "",
        }
    }

    /// Raise `err` unless it is a lazily-made error of `kind` (helper for natives).
    pub fn is_err_kind(&self, e: &PyErr, kind: ExcKind) -> bool {
        self.err_matches(e, kind)
    }
}
