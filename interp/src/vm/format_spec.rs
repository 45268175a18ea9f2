//! The format-spec mini-language (`format(v, spec)`, f-string `{v:spec}`, `str.format`):
//! parsing a spec, and laying out ints, floats and text by it.
//!
//! These run once per formatted field, so they parse the spec in place (no `Vec<char>`, no
//! temporary strings) and build each result in one buffer: `f"{i:05d}"` used to cost five
//! allocations and ~2,500 instructions, most of them here.

use crate::vm::exc;
use crate::vm::PyResult;

/// A parsed format spec.
#[derive(Debug, Default, Clone, Copy)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alt: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: char,
    /// `z`: a float that rounds to zero loses its minus sign.
    pub no_neg_zero: bool,
}

/// Why a spec does not parse (each has its own message).
#[derive(Debug, PartialEq)]
pub enum SpecError {
    Invalid,
    MissingPrecision,
}

impl Spec {
    /// The sign a number shows: `-` when negative, else what the spec asks for (`+` or a
    /// space), else none.
    pub fn sign_text(&self, negative: bool) -> &'static str {
        match (negative, self.sign) {
            (true, _) => "-",
            (false, Some('+')) => "+",
            (false, Some(' ')) => " ",
            _ => "",
        }
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`; `Invalid` when `spec` has
/// anything else (the caller words that error for its type).
pub fn parse_spec(spec: &str) -> Result<Spec, SpecError> {
    let mut s = Spec::default();
    let mut cs = spec.chars();
    let rest = match (cs.next(), cs.next()) {
        (Some(f), Some(a)) if is_align(a) => {
            s.fill = Some(f);
            s.align = Some(a);
            &spec[f.len_utf8() + 1..]
        }
        (Some(a), _) if is_align(a) => {
            s.align = Some(a);
            &spec[1..]
        }
        _ => spec,
    };
    // Everything after fill and align is ASCII but the type (checked at the end).
    let b = rest.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        start
    };
    if i < b.len() && matches!(b[i], b'+' | b'-' | b' ') {
        s.sign = Some(b[i] as char);
        i += 1;
    }
    if i < b.len() && b[i] == b'z' {
        s.no_neg_zero = true;
        i += 1;
    }
    if i < b.len() && b[i] == b'#' {
        s.alt = true;
        i += 1;
    }
    if i < b.len() && b[i] == b'0' {
        s.zero = true;
        i += 1;
    }
    let w = digits(&mut i);
    if i > w {
        s.width = rest[w..i].parse().ok();
    }
    if i < b.len() && matches!(b[i], b',' | b'_') {
        s.grouping = Some(b[i] as char);
        i += 1;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let p = digits(&mut i);
        if i == p {
            return Err(SpecError::MissingPrecision);
        }
        s.precision = rest[p..i].parse().ok();
    }
    let mut tail = rest[i..].chars();
    s.ty = tail.next().unwrap_or('\0');
    if tail.next().is_some() {
        return Err(SpecError::Invalid);
    }
    Ok(s)
}

/// Digits per group: four for binary, octal and hex, three otherwise.
pub fn group_size(ty: char) -> usize {
    if matches!(ty, 'b' | 'o' | 'x' | 'X') {
        4
    } else {
        3
    }
}

pub fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let (int, frac) = match digits.find('.') {
        Some(p) => (&digits[..p], &digits[p..]),
        None => (digits, ""),
    };
    let mut out = String::new();
    let n = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out.push_str(frac);
    out
}

/// How `n` fill characters split before and after the text for an alignment.
fn fill_sides(align: char, n: usize) -> (usize, usize) {
    match align {
        '<' => (0, n),
        '^' => (n / 2, n - n / 2),
        _ => (n, 0),
    }
}

fn push_fill(out: &mut String, fill: char, n: usize) {
    out.extend(std::iter::repeat_n(fill, n));
}

/// `text` padded to the spec's width (`default_align` when the spec names none).
pub fn pad(text: &str, s: &Spec, default_align: char) -> String {
    let width = s.width.unwrap_or(0);
    // Counting chars is only needed when there is a width to reach.
    let len = if width == 0 { 0 } else { text.chars().count() };
    if len >= width {
        return text.to_string();
    }
    let fill = s.fill.unwrap_or(if s.zero { '0' } else { ' ' });
    let n = width - len;
    let (before, after) = fill_sides(s.align.unwrap_or(default_align), n);
    let mut out = String::with_capacity(text.len() + n * fill.len_utf8());
    push_fill(&mut out, fill, before);
    out.push_str(text);
    push_fill(&mut out, fill, after);
    out
}

/// A number's sign, prefix (`0x`) and digits laid out by the spec: zero padding goes between
/// the sign and the digits, as does `=` alignment's fill.
pub fn pad_number(sign: &str, prefix: &str, digits: &str, s: &Spec) -> String {
    let width = s.width.unwrap_or(0);
    // Digits are ASCII but for inf/nan spellings, which are ASCII too.
    let body_len = sign.len() + prefix.len() + digits.len();
    if s.zero && s.align.is_none() && s.fill.is_none() {
        if body_len >= width {
            return concat(&[sign, prefix, digits]);
        }
        let zeros = width - body_len;
        if let Some(g) = s.grouping {
            let mut d = "0".repeat(zeros);
            d.push_str(digits);
            let raw: String = d.chars().filter(|c| *c != g).collect();
            let every = group_size(s.ty);
            let mut grouped = group_digits(raw.trim_start_matches('0'), g, every);
            while sign.len() + prefix.len() + grouped.chars().count() < width {
                let digits_only: String = grouped.chars().filter(|c| *c != g).collect();
                grouped = group_digits(&format!("0{digits_only}"), g, every);
            }
            return concat(&[sign, prefix, &grouped]);
        }
        let mut out = String::with_capacity(width);
        out.push_str(sign);
        out.push_str(prefix);
        push_fill(&mut out, '0', zeros);
        out.push_str(digits);
        return out;
    }
    if body_len >= width {
        return concat(&[sign, prefix, digits]);
    }
    if s.align == Some('=') {
        let fill = s.fill.unwrap_or(if s.zero { '0' } else { ' ' });
        let mut out = String::with_capacity(width);
        out.push_str(sign);
        out.push_str(prefix);
        push_fill(&mut out, fill, width - body_len);
        out.push_str(digits);
        return out;
    }
    let fill = s.fill.unwrap_or(if s.zero { '0' } else { ' ' });
    let n = width - body_len;
    let (before, after) = fill_sides(s.align.unwrap_or('>'), n);
    let mut out = String::with_capacity(width + n * (fill.len_utf8() - 1));
    push_fill(&mut out, fill, before);
    out.push_str(sign);
    out.push_str(prefix);
    out.push_str(digits);
    push_fill(&mut out, fill, after);
    out
}

/// Join a few pieces (cheaper than `format!` on hot formatting paths).
fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// Writes the decimal digits of `m` at the end of `buf` (long enough for them); returns where
/// they start.
fn digits_from_end(mut m: u64, buf: &mut [u8]) -> usize {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            return i;
        }
    }
}

/// The decimal digits of `m`, written into `buf` (no allocation).
pub fn u64_digits(m: u64, buf: &mut [u8; 20]) -> &str {
    let i = digits_from_end(m, buf);
    // Only ASCII digits were written.
    std::str::from_utf8(&buf[i..]).unwrap_or_default()
}

/// `str(i)`, written into `buf` (no allocation).
pub fn i64_text(v: i64, buf: &mut [u8; 21]) -> &str {
    let mut i = digits_from_end(v.unsigned_abs(), buf);
    if v < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    std::str::from_utf8(&buf[i..]).unwrap_or_default()
}

/// The radix and the `#` prefix of an integer presentation type (`d`, `n` and none: decimal).
pub fn radix_prefix(ty: char) -> (u32, &'static str) {
    match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    }
}

/// The character of a code point, as `%c` and the `c` type take it.
pub fn code_point(n: &num_bigint::BigInt) -> Option<char> {
    use num_traits::ToPrimitive;
    n.to_u32().and_then(char::from_u32)
}

/// Format a float by a spec (types e, f, g, %, n, or none). `bare`: the spec was empty
/// (`format(x, "")` is `str(x)`).
pub fn format_float(f: f64, s: &Spec, bare: bool) -> PyResult<String> {
    let neg = f.is_sign_negative() && !f.is_nan();
    let a = f.abs();
    let mut body = match s.ty {
        '\0' => {
            if bare {
                return Ok(super::repr::float_repr(f));
            }
            match s.precision {
                None => super::repr::float_repr(a),
                Some(_) if !a.is_finite() => nonfinite(a, false),
                Some(p) => format_g(a, p.max(1), true),
            }
        }
        'f' | 'F' => {
            if !a.is_finite() {
                nonfinite(a, s.ty == 'F')
            } else {
                let mut t = format!("{:.*}", s.precision.unwrap_or(6), a);
                if s.alt && !t.contains('.') {
                    t.push('.');
                }
                t
            }
        }
        'e' | 'E' => {
            if !a.is_finite() {
                nonfinite(a, s.ty == 'E')
            } else {
                let t = format_e(a, s.precision.unwrap_or(6));
                if s.ty == 'E' {
                    t.to_uppercase()
                } else {
                    t
                }
            }
        }
        'g' | 'G' => {
            if !a.is_finite() {
                nonfinite(a, s.ty == 'G')
            } else {
                let mut t = format_g(a, s.precision.unwrap_or(6).max(1), s.alt);
                if !s.alt {
                    t = strip_g(&t);
                } else if !t.contains('.') {
                    // `#` keeps the decimal point.
                    let at = t.find('e').unwrap_or(t.len());
                    t.insert(at, '.');
                }
                if s.ty == 'G' {
                    t.to_uppercase()
                } else {
                    t
                }
            }
        }
        '%' => {
            if !a.is_finite() {
                format!("{}%", nonfinite(a, false))
            } else {
                format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0)
            }
        }
        'n' => {
            if !a.is_finite() {
                nonfinite(a, false)
            } else {
                let t = format_g(a, s.precision.unwrap_or(6).max(1), s.alt);
                if s.alt {
                    t
                } else {
                    strip_g(&t)
                }
            }
        }
        c => {
            return Err(exc::value_error(format!(
                "Unknown format code '{c}' for object of type 'float'"
            )));
        }
    };
    if s.ty == '\0' && s.precision.is_some() {
        body = strip_g(&body);
        if !body.contains('.')
            && !body.contains('e')
            && !body.contains("inf")
            && !body.contains("nan")
        {
            body.push_str(".0");
        }
    }
    if let Some(g) = s.grouping {
        let (num, suffix) = match body.find(['e', '%']) {
            Some(p) => (body[..p].to_string(), body[p..].to_string()),
            None => (body.clone(), String::new()),
        };
        body = format!("{}{}", group_digits(&num, g, 3), suffix);
    }
    // `z`: no minus sign on a value that rounded to zero.
    let rounded_to_zero = || {
        let mantissa = body.split(['e', 'E']).next().unwrap_or_default();
        mantissa
            .bytes()
            .all(|c| matches!(c, b'0' | b'.' | b',' | b'_' | b'%'))
    };
    let neg = neg && !(s.no_neg_zero && rounded_to_zero());
    let sign = s.sign_text(neg && !(a == 0.0 && f.is_sign_positive()));
    // The common case, a number wider than the field, needs no second buffer.
    if sign.is_empty() && body.len() >= s.width.unwrap_or(0) {
        return Ok(body);
    }
    Ok(pad_number(sign, "", &body, s))
}

fn nonfinite(a: f64, upper: bool) -> String {
    let t = if a.is_nan() { "nan" } else { "inf" };
    if upper {
        t.to_uppercase()
    } else {
        t.to_string()
    }
}

/// `{:.Ne}` in Python style (two-digit exponent with sign).
pub fn format_e(a: f64, prec: usize) -> String {
    let t = format!("{:.*e}", prec, a);
    let (m, e) = t.split_once('e').unwrap_or((&t, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `%g`: precision significant digits, fixed or scientific by the exponent.
pub fn format_g(a: f64, p: usize, _alt: bool) -> String {
    if a == 0.0 {
        return format!("{:.*}", p.saturating_sub(1), 0.0);
    }
    let e = format_e(a, p - 1);
    let exp: i32 = e
        .split_once('e')
        .map(|(_, x)| x.parse().unwrap_or(0))
        .unwrap_or(0);
    if exp < -4 || exp >= p as i32 {
        e
    } else {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        format!("{:.*}", decimals, a)
    }
}

fn strip_g(t: &str) -> String {
    if let Some((m, e)) = t.split_once('e') {
        let m = if m.contains('.') {
            m.trim_end_matches('0').trim_end_matches('.')
        } else {
            m
        };
        return format!("{m}e{e}");
    }
    if t.contains('.') {
        t.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        t.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_like_cpython() {
        let s = parse_spec("*^+#012,.3f").expect("valid");
        assert_eq!(
            (s.fill, s.align, s.sign, s.alt, s.zero),
            (Some('*'), Some('^'), Some('+'), true, true)
        );
        assert_eq!(
            (s.width, s.grouping, s.precision, s.ty),
            (Some(12), Some(','), Some(3), 'f')
        );
        let s = parse_spec("é<5").expect("a non-ASCII fill");
        assert_eq!(
            (s.fill, s.align, s.width, s.ty),
            (Some('é'), Some('<'), Some(5), '\0')
        );
        assert_eq!(parse_spec("").map(|s| s.ty), Ok('\0'));
        assert_eq!(parse_spec(">é").map(|s| s.ty), Ok('é'));
        assert_eq!(parse_spec("5.f").err(), Some(SpecError::MissingPrecision));
        assert_eq!(parse_spec("dd").err(), Some(SpecError::Invalid));
    }

    #[test]
    fn numbers_pad_around_sign_and_prefix() {
        let s = |t: &str| parse_spec(t).expect("valid");
        assert_eq!(pad_number("-", "", "42", &s("06")), "-00042");
        assert_eq!(pad_number("-", "0x", "2a", &s("=8")), "-0x   2a");
        assert_eq!(pad_number("", "", "7", &s("*^5")), "**7**");
        assert_eq!(pad_number("+", "", "7", &s("<4")), "+7  ");
        assert_eq!(pad("ab", &s("é>4"), '<'), "ééab");
        let mut buf = [0; 20];
        assert_eq!(u64_digits(u64::MAX, &mut buf), "18446744073709551615");
        assert_eq!(u64_digits(0, &mut buf), "0");
        let mut buf = [0; 21];
        assert_eq!(i64_text(i64::MIN, &mut buf), "-9223372036854775808");
        assert_eq!(i64_text(-7, &mut buf), "-7");
        assert_eq!(i64_text(0, &mut buf), "0");
    }
}
