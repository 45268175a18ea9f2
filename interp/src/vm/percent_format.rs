//! `fmt % args`: printf-style formatting of str.
//!
//! One pass over the format, writing straight into the result: literal runs are copied as
//! slices, `%s` of a str and `%d` of a small int are written in place, and the other
//! conversions build a [`Spec`] directly (no spec text to parse) for the shared number and
//! padding layout.

use crate::object::Obj;
use crate::value::Value;
use crate::vm::exc;
use crate::vm::format_spec::{
    code_point, format_float, i64_text, pad, pad_number, radix_prefix, Spec,
};
use crate::vm::ops::Num;
use crate::vm::{PyResult, Vm};
use num_bigint::Sign;

/// One conversion's flags, width and precision (`%-08.3f`).
#[derive(Default)]
struct Conversion {
    left: bool,
    zero: bool,
    plus: bool,
    space: bool,
    alt: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

impl Conversion {
    fn is_plain(&self) -> bool {
        !(self.left || self.zero || self.plus || self.space || self.alt)
            && self.width.is_none()
            && self.precision.is_none()
    }

    /// The layout of a numeric conversion: zero padding goes after the sign unless the field
    /// is left-justified.
    fn number_spec(&self, ty: char) -> Spec {
        let sign = if self.plus {
            Some('+')
        } else if self.space {
            Some(' ')
        } else {
            None
        };
        let zero = self.zero && !self.left;
        Spec {
            align: self.left.then_some('<'),
            sign,
            alt: self.alt,
            zero,
            width: self.width,
            ty,
            ..Spec::default()
        }
    }

    /// Text justified in the field (`%-10s`, `%10r`).
    fn text_spec(&self) -> Spec {
        Spec {
            align: Some(if self.left { '<' } else { '>' }),
            width: self.width,
            ..Spec::default()
        }
    }
}

impl Vm {
    /// `fmt % args`
    pub fn percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        // A copy: conversions call back into the VM (`__str__`, `__repr__`, `__getitem__`).
        let f = self.as_str(fmt).unwrap_or("").to_string();
        let (tuple_len, mapping) = match args {
            Value::Obj(r) => match self.heap.get(r) {
                Obj::Tuple(xs) => (Some(xs.len()), None),
                Obj::Dict(_) => (None, Some(args)),
                Obj::Instance(_) => {
                    let k = self.names.keys;
                    let keyed = self.get_attr_opt(args, k)?.is_some();
                    (None, keyed.then_some(args))
                }
                _ => (None, None),
            },
            _ => (None, None),
        };
        let n_items = tuple_len.unwrap_or(1);
        let item = |vm: &Vm, k: usize| -> Option<Value> {
            match (tuple_len, args) {
                (Some(_), Value::Obj(r)) => match vm.heap.get(r) {
                    Obj::Tuple(xs) => xs.get(k).copied(),
                    _ => None,
                },
                _ => (k == 0).then_some(args),
            }
        };
        let b = f.as_bytes();
        let mut out = String::with_capacity(f.len() + 16);
        let mut ai = 0;
        let mut keyed = false;
        let mut i = 0;
        while i < b.len() {
            let run = i;
            while i < b.len() && b[i] != b'%' {
                i += 1;
            }
            out.push_str(&f[run..i]);
            if i == b.len() {
                break;
            }
            i += 1;
            if i >= b.len() {
                return Err(exc::value_error("incomplete format"));
            }
            let mut key_val = None;
            if b[i] == b'(' {
                let mut depth = 1;
                let start = i + 1;
                i += 1;
                while i < b.len() && depth > 0 {
                    match b[i] {
                        b'(' => depth += 1,
                        b')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                if depth > 0 {
                    return Err(exc::value_error("incomplete format key"));
                }
                let Some(m) = mapping else {
                    return Err(exc::type_error("format requires a mapping"));
                };
                let k = self.new_str(&f[start..i - 1]);
                key_val = Some(self.get_item(m, k)?);
            }
            let mut c = Conversion::default();
            while i < b.len() {
                match b[i] {
                    b'-' => c.left = true,
                    b'0' => c.zero = true,
                    b'+' => c.plus = true,
                    b' ' => c.space = true,
                    b'#' => c.alt = true,
                    _ => break,
                }
                i += 1;
            }
            if i < b.len() && b[i] == b'*' {
                let w = item(self, ai).unwrap_or(Value::None);
                ai += 1;
                let w = self.index_value(w)?;
                // A negative `*` width left-justifies.
                c.left |= w < 0;
                c.width = Some(usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX));
                i += 1;
            }
            let digits = |i: &mut usize| {
                let start = *i;
                while *i < b.len() && b[*i].is_ascii_digit() {
                    *i += 1;
                }
                start
            };
            let w = digits(&mut i);
            if i > w {
                c.width = f[w..i].parse().ok();
            }
            if i < b.len() && b[i] == b'.' {
                i += 1;
                if i < b.len() && b[i] == b'*' {
                    let p = item(self, ai).unwrap_or(Value::None);
                    ai += 1;
                    let p = self.index_value(p)?;
                    c.precision = Some(usize::try_from(p).unwrap_or(0));
                    i += 1;
                } else {
                    let p = digits(&mut i);
                    c.precision = Some(f[p..i].parse().unwrap_or(0));
                }
            }
            while i < b.len() && matches!(b[i], b'h' | b'l' | b'L') {
                i += 1;
            }
            let Some(conv) = f[i..].chars().next() else {
                return Err(exc::value_error("incomplete format"));
            };
            i += conv.len_utf8();
            if conv == '%' {
                out.push('%');
                continue;
            }
            let arg = match key_val {
                Some(v) => {
                    keyed = true;
                    v
                }
                // After a `%(key)` conversion, CPython has no positional arguments left.
                None if keyed => {
                    return Err(exc::type_error("not enough arguments for format string"))
                }
                None => {
                    let v = item(self, ai);
                    ai += 1;
                    v.ok_or_else(|| exc::type_error("not enough arguments for format string"))?
                }
            };
            self.percent_convert(conv, &c, arg, &f, i, &mut out)?;
        }
        if mapping.is_none() && ai < n_items && !self.percent_subscriptable(args) {
            return Err(exc::type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(self.new_str(out))
    }

    /// One conversion (`conv`, with its flags in `c`) of `arg`, appended to `out`. `fmt` and
    /// `end` (the byte after the conversion character) place an error.
    fn percent_convert(
        &mut self,
        conv: char,
        c: &Conversion,
        arg: Value,
        fmt: &str,
        end: usize,
        out: &mut String,
    ) -> PyResult<()> {
        match conv {
            's' | 'r' | 'a' => {
                if conv == 's' && c.is_plain() {
                    if let Some(s) = self.as_str(arg) {
                        out.push_str(s);
                        return Ok(());
                    }
                }
                let mut s = match conv {
                    's' => self.str_value(arg)?,
                    _ => self.repr_value(arg)?,
                };
                if conv == 'a' {
                    s = crate::builtins::ascii_escape(&s);
                }
                if let Some(n) = c.precision {
                    if let Some((cut, _)) = s.char_indices().nth(n) {
                        s.truncate(cut);
                    }
                }
                out.push_str(&pad(&s, &c.text_spec(), '<'));
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = self.percent_int(arg, conv)?;
                let ty = if matches!(conv, 'x' | 'X' | 'o') {
                    conv
                } else {
                    'd'
                };
                if let (Value::Int(x), 'd', true) = (n, ty, c.is_plain()) {
                    out.push_str(i64_text(x, &mut [0; 21]));
                    return Ok(());
                }
                // An int subclass formats as its int value (no `__format__`).
                let n = self.unwrap_base(n);
                let spec = c.number_spec(ty);
                let piece = match c.precision {
                    // A precision is a minimum digit count here.
                    Some(p) => {
                        let big = self.to_bigint(n).unwrap_or_default();
                        let (radix, prefix) = radix_prefix(ty);
                        let mut digits = big.magnitude().to_str_radix(radix);
                        if ty == 'X' {
                            digits.make_ascii_uppercase();
                        }
                        if digits.len() < p {
                            digits.insert_str(0, &"0".repeat(p - digits.len()));
                        }
                        let sign = spec.sign_text(big.sign() == Sign::Minus);
                        let prefix = if c.alt { prefix } else { "" };
                        pad_number(sign, prefix, &digits, &spec)
                    }
                    None => self.format_builtin(n, &spec, false)?,
                };
                out.push_str(&piece);
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let fv = match self.num(arg) {
                    Some(n) => crate::vm::ops::num_to_f64(&n),
                    None => {
                        let t = self.type_name(arg);
                        return Err(exc::type_error(format!("must be real number, not {t}")));
                    }
                };
                let mut spec = c.number_spec(conv);
                spec.precision = Some(c.precision.unwrap_or(6));
                out.push_str(&format_float(fv, &spec, false)?);
            }
            'c' => {
                let s = self.percent_char(arg)?;
                out.push_str(&pad(&s, &c.text_spec(), '<'));
            }
            other => {
                let at = fmt[..end].chars().count() - 1;
                // CPython shows only an ASCII character itself.
                let shown = if other.is_ascii() { other } else { '?' };
                return Err(exc::value_error(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {at}",
                    other as u32
                )));
            }
        }
        Ok(())
    }

    /// CPython skips the "not all arguments converted" check for any argument that supports
    /// item access (lists, bytes, mappings), except tuples and strs.
    fn percent_subscriptable(&self, args: Value) -> bool {
        let Value::Obj(r) = args else {
            return false;
        };
        match self.heap.get(r) {
            Obj::List(_) | Obj::Dict(_) | Obj::Bytes(_) | Obj::ByteArray(_) | Obj::Range(_) => true,
            Obj::Instance(_) => {
                let cls = self.class_of(args);
                let gi = self.names.__getitem__;
                self.lookup_type_attr(cls, gi).is_some()
            }
            _ => false,
        }
    }

    fn percent_int(&mut self, arg: Value, conv: char) -> PyResult<Value> {
        let hex_or_octal = matches!(conv, 'x' | 'X' | 'o');
        match self.num(arg) {
            Some(Num::F(f)) => {
                if hex_or_octal {
                    return Err(exc::type_error(format!(
                        "%{conv} format: an integer is required, not float"
                    )));
                }
                crate::builtins::to_int(self, Value::Float(f))
            }
            Some(_) => Ok(arg),
            None => {
                let t = self.type_name(arg);
                let wanted = if hex_or_octal {
                    "an integer"
                } else {
                    "a real number"
                };
                Err(exc::type_error(format!(
                    "%{conv} format: {wanted} is required, not {t}"
                )))
            }
        }
    }

    /// `%c`: a code point or a one-character str.
    fn percent_char(&mut self, arg: Value) -> PyResult<String> {
        if let Some(s) = self.as_str(arg) {
            let mut cs = s.chars();
            if let (Some(c), None) = (cs.next(), cs.next()) {
                return Ok(c.to_string());
            }
        } else if let Some(Num::I(_) | Num::B(_)) = self.num(arg) {
            let n = self.to_bigint(arg).unwrap_or_default();
            return code_point(&n)
                .map(|c| c.to_string())
                .ok_or_else(|| exc::overflow_error("%c arg not in range(0x110000)"));
        }
        Err(exc::type_error("%c requires int or char"))
    }
}
