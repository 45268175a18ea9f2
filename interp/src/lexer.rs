//! Source text → tokens, with INDENT/DEDENT and f-string parts.
//!
//! Positions are (line, column) with 1-based lines and 0-based *character* columns, the same
//! numbers CPython's AST carries (after its byte → char conversion), so tracebacks can underline
//! exactly what CPython underlines.

use num_bigint::BigInt;
use num_traits::Num;

/// One token and where it stands in the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: Tok,
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Name(String),
    Int(BigInt),
    Float(f64),
    Imag(f64),
    Str(String),
    Bytes(Vec<u8>),
    FStr(Vec<FPart>),
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    Eof,
}

/// A piece of an f-string: literal text or a replacement field.
#[derive(Debug, Clone, PartialEq)]
pub enum FPart {
    Lit(String),
    Expr {
        /// The expression's source text, parsed later by the parser.
        src: String,
        line: u32,
        col: u32,
        /// `!r`, `!s` or `!a`.
        conv: Option<char>,
        /// The format spec, itself made of parts (it may hold nested fields).
        spec: Option<Vec<FPart>>,
        /// For `f"{x=}"`: the text `x=` printed before the value.
        debug: Option<String>,
    },
}

/// A lexing failure; becomes a SyntaxError (or IndentationError / TabError).
#[derive(Debug, Clone, PartialEq)]
pub struct LexError {
    pub msg: String,
    pub line: u32,
    pub col: u32,
    pub kind: LexErrorKind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LexErrorKind {
    Syntax,
    Indentation,
}

/// Tokenize a whole source file.
pub fn tokenize(src: &str) -> Result<Vec<Token>, LexError> {
    tokenize_partial(src).map_err(|(_, e)| e)
}

/// Tokenize; on an error also return the tokens before it (ending in `Eof`), so that the
/// parser can report an earlier syntax error first, as CPython's lazy tokenizer does.
pub fn tokenize_partial(src: &str) -> Result<Vec<Token>, (Vec<Token>, LexError)> {
    let mut lx = Lexer::new(src);
    match lx.run_inner() {
        Ok(()) => Ok(lx.toks),
        Err(e) => {
            let (line, col) = (lx.line, lx.col());
            lx.toks.push(Token {
                kind: Tok::Eof,
                line,
                col,
                end_line: line,
                end_col: col,
            });
            Err((lx.toks, e))
        }
    }
}

const OPS3: &[&str] = &["**=", "//=", ">>=", "<<=", "...", "!="];
const OPS2: &[&str] = &[
    "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
    "^=", "@=", ":=",
];
const OPS1: &[&str] = &[
    "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",",
    ":", ".", ";", "=",
];

struct Lexer {
    chars: Vec<char>,
    pos: usize,
    line: u32,
    line_start: usize,
    indents: Vec<u32>,
    brackets: Vec<(char, u32, u32)>,
    toks: Vec<Token>,
    at_line_start: bool,
}

impl Lexer {
    fn new(src: &str) -> Self {
        let mut chars: Vec<char> = src.chars().collect();
        // Normalise newlines: \r\n and \r become \n.
        let mut i = 0;
        let mut out = Vec::with_capacity(chars.len());
        while i < chars.len() {
            if chars[i] == '\r' {
                out.push('\n');
                if i + 1 < chars.len() && chars[i + 1] == '\n' {
                    i += 1;
                }
            } else {
                out.push(chars[i]);
            }
            i += 1;
        }
        chars = out;
        Lexer {
            chars,
            pos: 0,
            line: 1,
            line_start: 0,
            indents: vec![0],
            brackets: Vec::new(),
            toks: Vec::new(),
            at_line_start: true,
        }
    }

    fn col(&self) -> u32 {
        (self.pos - self.line_start) as u32
    }

    fn peek(&self) -> char {
        self.chars.get(self.pos).copied().unwrap_or('\0')
    }

    fn peek_at(&self, n: usize) -> char {
        self.chars.get(self.pos + n).copied().unwrap_or('\0')
    }

    fn err(&self, msg: impl Into<String>, line: u32, col: u32) -> LexError {
        LexError {
            msg: msg.into(),
            line,
            col,
            kind: LexErrorKind::Syntax,
        }
    }

    fn push(&mut self, kind: Tok, line: u32, col: u32) {
        let (end_line, end_col) = (self.line, self.col());
        self.toks.push(Token {
            kind,
            line,
            col,
            end_line,
            end_col,
        });
    }

    fn newline(&mut self) {
        self.pos += 1;
        self.line += 1;
        self.line_start = self.pos;
    }

    fn run_inner(&mut self) -> Result<(), LexError> {
        loop {
            if self.at_line_start && self.brackets.is_empty() {
                self.at_line_start = false;
                if !self.indentation()? {
                    continue;
                }
            }
            let c = self.peek();
            if self.pos >= self.chars.len() {
                break;
            }
            let (line, col) = (self.line, self.col());
            match c {
                ' ' | '\t' | '\x0c' => self.pos += 1,
                '#' => {
                    while self.pos < self.chars.len() && self.peek() != '\n' {
                        self.pos += 1;
                    }
                }
                '\\' => {
                    if self.peek_at(1) == '\n' {
                        self.pos += 1;
                        self.newline();
                    } else if self.pos + 1 >= self.chars.len() {
                        return Err(self.err("unexpected EOF while parsing", line, col));
                    } else {
                        return Err(self.err(
                            "unexpected character after line continuation character",
                            line,
                            col + 1,
                        ));
                    }
                }
                '\n' => {
                    if self.brackets.is_empty() {
                        self.push(Tok::Newline, line, col);
                        self.at_line_start = true;
                    }
                    self.newline();
                }
                c if c.is_alphabetic() || c == '_' => {
                    let start = self.pos;
                    while self.peek().is_alphanumeric() || self.peek() == '_' {
                        self.pos += 1;
                    }
                    let word: String = self.chars[start..self.pos].iter().collect();
                    let q = self.peek();
                    if (q == '"' || q == '\'') && is_string_prefix(&word) {
                        self.string(&word.to_ascii_lowercase(), line, col)?;
                    } else {
                        self.push(Tok::Name(word), line, col);
                    }
                }
                '"' | '\'' => self.string("", line, col)?,
                c if c.is_ascii_digit() || (c == '.' && self.peek_at(1).is_ascii_digit()) => {
                    self.number(line, col)?
                }
                _ => self.operator(line, col)?,
            }
        }
        let (line, col) = (self.line, self.col());
        if let Some(&(b, bl, bc)) = self.brackets.last() {
            return Err(self.err(format!("'{b}' was never closed"), bl, bc));
        }
        if !matches!(self.toks.last().map(|t| &t.kind), None | Some(Tok::Newline)) {
            self.push(Tok::Newline, line, col);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, line, col);
        }
        self.push(Tok::Eof, line, col);
        Ok(())
    }

    /// Measure indentation at the start of a line. Returns false if the line is blank (and was
    /// consumed), true if tokens follow.
    fn indentation(&mut self) -> Result<bool, LexError> {
        let mut width = 0u32;
        while self.pos < self.chars.len() {
            match self.peek() {
                ' ' => width += 1,
                '\t' => width = (width / 8 + 1) * 8,
                '\x0c' => width = 0,
                _ => break,
            }
            self.pos += 1;
        }
        match self.peek() {
            '#' | '\n' => {
                while self.pos < self.chars.len() && self.peek() != '\n' {
                    self.pos += 1;
                }
                if self.pos < self.chars.len() {
                    self.newline();
                }
                self.at_line_start = true;
                return Ok(false);
            }
            '\\' if self.peek_at(1) == '\n' => {
                // A continuation line at the start: treat as part of this line.
            }
            '\0' if self.pos >= self.chars.len() => return Ok(false),
            _ => {}
        }
        let (line, col) = (self.line, self.col());
        let cur = *self.indents.last().unwrap_or(&0);
        if width > cur {
            self.indents.push(width);
            // CPython reports an unexpected indent one column before the text starts.
            self.push(Tok::Indent, line, col.saturating_sub(1));
        } else if width < cur {
            while width < *self.indents.last().unwrap_or(&0) {
                self.indents.pop();
                self.push(Tok::Dedent, line, col);
            }
            if width != *self.indents.last().unwrap_or(&0) {
                // CPython points just past the end of the offending line.
                let eol = self.chars[self.line_start..]
                    .iter()
                    .take_while(|&&c| c != '\n')
                    .count() as u32;
                return Err(LexError {
                    msg: "unindent does not match any outer indentation level".into(),
                    line,
                    col: eol,
                    kind: LexErrorKind::Indentation,
                });
            }
        }
        Ok(true)
    }

    fn operator(&mut self, line: u32, col: u32) -> Result<(), LexError> {
        let c = self.peek();
        for table in [OPS3, OPS2, OPS1] {
            for &op in table {
                let n = op.chars().count();
                if self.pos + n <= self.chars.len()
                    && op
                        .chars()
                        .zip(&self.chars[self.pos..self.pos + n])
                        .all(|(a, &b)| a == b)
                {
                    self.pos += n;
                    match op {
                        "(" | "[" | "{" => {
                            if self.brackets.len() >= 200 {
                                return Err(self.err("too many nested parentheses", line, col));
                            }
                            self.brackets.push((c, line, col));
                        }
                        ")" | "]" | "}" => {
                            let open = match op {
                                ")" => '(',
                                "]" => '[',
                                _ => '{',
                            };
                            match self.brackets.pop() {
                                None => {
                                    return Err(self.err(format!("unmatched '{op}'"), line, col))
                                }
                                Some((b, bl, _)) if b != open => {
                                    let msg = if bl == line {
                                        format!(
                                            "closing parenthesis '{op}' does not match opening parenthesis '{b}'"
                                        )
                                    } else {
                                        format!("closing parenthesis '{op}' does not match opening parenthesis '{b}' on line {bl}")
                                    };
                                    return Err(self.err(msg, line, col));
                                }
                                _ => {}
                            }
                        }
                        _ => {}
                    }
                    self.push(Tok::Op(op), line, col);
                    return Ok(());
                }
            }
        }
        if c == '!' {
            return Err(self.err("invalid syntax", line, col));
        }
        if c == '$' || c == '?' || c == '`' {
            return Err(self.err("invalid syntax", line, col));
        }
        let msg = if c.is_control() || !c.is_ascii() {
            format!("invalid non-printable character U+{:04X}", c as u32)
        } else {
            format!("invalid character '{c}' (U+{:04X})", c as u32)
        };
        let msg = if !c.is_control() && !c.is_ascii() {
            format!("invalid character '{c}' (U+{:04X})", c as u32)
        } else {
            msg
        };
        Err(self.err(msg, line, col))
    }

    /// Digits with single underscores between them. On a misplaced underscore, the error
    /// points at it (CPython's tokenizer does the same).
    fn digits(
        &mut self,
        ok: impl Fn(char) -> bool,
        kind: &str,
        line: u32,
    ) -> Result<String, LexError> {
        let mut out = String::new();
        loop {
            let c = self.peek();
            if ok(c) {
                out.push(c);
                self.pos += 1;
            } else if c == '_' {
                let at = self.col();
                self.pos += 1;
                if !ok(self.peek()) {
                    return Err(self.err(format!("invalid {kind} literal"), line, at));
                }
            } else {
                return Ok(out);
            }
        }
    }

    fn number(&mut self, line: u32, col: u32) -> Result<(), LexError> {
        let c = self.peek();
        let radix = if c == '0' {
            match self.peek_at(1) {
                'x' | 'X' => 16,
                'o' | 'O' => 8,
                'b' | 'B' => 2,
                _ => 10,
            }
        } else {
            10
        };
        if radix != 10 {
            let kind = match radix {
                16 => "hexadecimal",
                8 => "octal",
                _ => "binary",
            };
            let prefix_col = col + 1;
            self.pos += 2;
            if self.peek() == '_' {
                self.pos += 1;
            }
            let digits = self.digits(|c| c.is_digit(radix), kind, line)?;
            let next = self.peek();
            if next.is_ascii_digit() {
                return Err(self.err(
                    format!("invalid digit '{next}' in {kind} literal"),
                    line,
                    self.col(),
                ));
            }
            if digits.is_empty() {
                let at = if self.chars[self.pos - 1] == '_' {
                    self.col() - 1
                } else {
                    prefix_col
                };
                return Err(self.err(format!("invalid {kind} literal"), line, at));
            }
            if next.is_ascii_digit() {
                return Err(self.err(
                    format!("invalid digit '{next}' in {kind} literal"),
                    line,
                    self.col(),
                ));
            }
            if next.is_alphanumeric() {
                return Err(self.err(format!("invalid {kind} literal"), line, self.col()));
            }
            let v = BigInt::from_str_radix(&digits, radix)
                .map_err(|_| self.err(format!("invalid {kind} literal"), line, col))?;
            self.push(Tok::Int(v), line, col);
            return Ok(());
        }
        let mut text = self.digits(|c| c.is_ascii_digit(), "decimal", line)?;
        let mut is_float = false;
        if self.peek() == '.' {
            is_float = true;
            self.pos += 1;
            text.push('.');
            text.push_str(&self.digits(|c| c.is_ascii_digit(), "decimal", line)?);
        }
        if matches!(self.peek(), 'e' | 'E') && !self.peek_at(1).is_ascii_digit() {
            // An exponent without digits: CPython reports the character before the gap.
            let signed = matches!(self.peek_at(1), '+' | '-');
            if !signed || !self.peek_at(2).is_ascii_digit() {
                let at = if signed {
                    self.col() + 1
                } else {
                    self.col().saturating_sub(1)
                };
                return Err(self.err("invalid decimal literal", line, at));
            }
        }
        if matches!(self.peek(), 'e' | 'E')
            && (self.peek_at(1).is_ascii_digit()
                || (matches!(self.peek_at(1), '+' | '-') && self.peek_at(2).is_ascii_digit()))
        {
            is_float = true;
            text.push('e');
            self.pos += 1;
            if matches!(self.peek(), '+' | '-') {
                text.push(self.peek());
                self.pos += 1;
            }
            text.push_str(&self.digits(|c| c.is_ascii_digit(), "decimal", line)?);
        }
        if matches!(self.peek(), 'j' | 'J') {
            self.pos += 1;
            if self.peek().is_alphanumeric() || self.peek() == '_' {
                return Err(self.err("invalid imaginary literal", line, self.col() - 1));
            }
            let v: f64 = text
                .parse()
                .map_err(|_| self.err("invalid imaginary literal", line, col))?;
            self.push(Tok::Imag(v), line, col);
            return Ok(());
        }
        if self.peek().is_alphabetic() || self.peek() == '_' {
            return Err(self.err(
                "invalid decimal literal",
                line,
                self.col().saturating_sub(1),
            ));
        }
        if is_float {
            let v: f64 = text
                .parse()
                .map_err(|_| self.err("invalid float literal", line, col))?;
            self.push(Tok::Float(v), line, col);
        } else {
            if text.len() > 1 && text.starts_with('0') && text.chars().any(|c| c != '0') {
                return Err(self.err(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    line,
                    col,
                ));
            }
            let v = BigInt::from_str_radix(&text, 10)
                .map_err(|_| self.err("invalid decimal literal", line, col))?;
            self.push(Tok::Int(v), line, col);
        }
        Ok(())
    }

    fn string(&mut self, prefix: &str, line: u32, col: u32) -> Result<(), LexError> {
        let raw = prefix.contains('r');
        let bytes = prefix.contains('b');
        let fstr = prefix.contains('f');
        let q = self.peek();
        let triple = self.peek_at(1) == q && self.peek_at(2) == q;
        self.pos += if triple { 3 } else { 1 };
        let body_line = self.line;
        let body_col = self.col();
        let mut body = String::new();
        loop {
            if self.pos >= self.chars.len() {
                let msg = if triple {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {})",
                        self.line
                    )
                } else {
                    format!("unterminated string literal (detected at line {})", line)
                };
                return Err(self.err(msg, line, col));
            }
            let c = self.peek();
            if c == q {
                if !triple {
                    self.pos += 1;
                    break;
                }
                if self.peek_at(1) == q && self.peek_at(2) == q {
                    self.pos += 3;
                    break;
                }
            }
            if c == '\n' {
                if !triple {
                    return Err(self.err(
                        format!("unterminated string literal (detected at line {})", line),
                        line,
                        col,
                    ));
                }
                body.push('\n');
                self.newline();
                continue;
            }
            if c == '\\' {
                // Keep escapes in the body; they are decoded below (raw strings keep them).
                body.push('\\');
                self.pos += 1;
                if self.pos < self.chars.len() {
                    let n = self.peek();
                    body.push(n);
                    if n == '\n' {
                        self.newline();
                    } else {
                        self.pos += 1;
                    }
                }
                continue;
            }
            body.push(c);
            self.pos += 1;
        }
        if fstr {
            let parts = parse_fstring(&body, raw, body_line, body_col)
                .map_err(|m| self.err(m, line, col))?;
            self.push(Tok::FStr(parts), line, col);
        } else if bytes {
            let mut out = Vec::new();
            if raw {
                for ch in body.chars() {
                    if !ch.is_ascii() {
                        return Err(self.err(
                            "bytes can only contain ASCII literal characters",
                            line,
                            col,
                        ));
                    }
                    out.push(ch as u8);
                }
            } else {
                let s = unescape(&body, true).map_err(|m| self.err(m, line, col))?;
                for ch in s.chars() {
                    if (ch as u32) > 255 {
                        return Err(self.err(
                            "bytes can only contain ASCII literal characters",
                            line,
                            col,
                        ));
                    }
                    out.push(ch as u32 as u8);
                }
            }
            self.push(Tok::Bytes(out), line, col);
        } else {
            let s = if raw {
                body
            } else {
                unescape(&body, false).map_err(|m| self.err(m, line, col))?
            };
            self.push(Tok::Str(s), line, col);
        }
        Ok(())
    }
}

fn is_string_prefix(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "r" | "u" | "b" | "br" | "rb" | "f" | "fr" | "rf"
    )
}

/// Decode backslash escapes. `bytes` restricts \u, \U and \N (they stay literal in bytes).
pub fn unescape(s: &str, bytes: bool) -> Result<String, String> {
    let cs: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c != '\\' || i + 1 >= cs.len() {
            out.push(c);
            i += 1;
            continue;
        }
        let e = cs[i + 1];
        i += 2;
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                let mut n = 1;
                while n < 3 && i < cs.len() && cs[i].is_digit(8) {
                    v = v * 8 + cs[i].to_digit(8).unwrap_or(0);
                    i += 1;
                    n += 1;
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' if !(bytes && e != 'x') => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                if i + n > cs.len() || !cs[i..i + n].iter().all(|c| c.is_ascii_hexdigit()) {
                    let kind = if bytes {
                        "bytes"
                    } else {
                        "unicode error 'unicodeescape' codec can't decode bytes"
                    };
                    let _ = kind;
                    return Err(match e {
                        'x' => format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: truncated \\xXX escape", i - 2, (i + 1).min(cs.len())),
                        'u' => format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: truncated \\uXXXX escape", i - 2, (i + 3).min(cs.len())),
                        _ => format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: truncated \\UXXXXXXXX escape", i - 2, (i + 7).min(cs.len())),
                    });
                }
                let h: String = cs[i..i + n].iter().collect();
                i += n;
                let v = u32::from_str_radix(&h, 16).map_err(|_| "bad escape".to_string())?;
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => return Err("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character".into()),
                }
            }
            'N' if !bytes && i < cs.len() && cs[i] == '{' => {
                let end = cs[i..].iter().position(|&c| c == '}').map(|p| p + i);
                let Some(end) = end else {
                    return Err("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape".into());
                };
                let name: String = cs[i + 1..end].iter().collect();
                match unicode_name(&name) {
                    Some(ch) => out.push(ch),
                    None => return Err("(unicode error) 'unicodeescape' codec can't decode bytes: unknown Unicode character name".into()),
                }
                i = end + 1;
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// The few `\N{...}` names scripts commonly use; a full Unicode name table is not worth its size.
fn unicode_name(name: &str) -> Option<char> {
    Some(match name.to_ascii_uppercase().as_str() {
        "BULLET" => '•',
        "DEGREE SIGN" => '°',
        "EM DASH" => '—',
        "EN DASH" => '–',
        "HORIZONTAL ELLIPSIS" => '…',
        "GREEK SMALL LETTER ALPHA" => 'α',
        "GREEK SMALL LETTER BETA" => 'β',
        "GREEK SMALL LETTER PI" => 'π',
        "GREEK CAPITAL LETTER DELTA" => 'Δ',
        "BLACK STAR" => '★',
        "WHITE STAR" => '☆',
        "BLACK HEART SUIT" => '♥',
        "COPYRIGHT SIGN" => '©',
        "NO-BREAK SPACE" => '\u{a0}',
        "SPACE" => ' ',
        "LATIN SMALL LETTER A" => 'a',
        "LATIN CAPITAL LETTER A" => 'A',
        "SNOWMAN" => '☃',
        "CHECK MARK" => '✓',
        "MULTIPLICATION SIGN" => '×',
        "RIGHTWARDS ARROW" => '→',
        "LEFTWARDS ARROW" => '←',
        "EURO SIGN" => '€',
        "POUND SIGN" => '£',
        _ => return None,
    })
}

/// Split an f-string body into literal parts and replacement fields.
fn parse_fstring(body: &str, raw: bool, line: u32, col: u32) -> Result<Vec<FPart>, String> {
    let cs: Vec<char> = body.chars().collect();
    let mut i = 0;
    let (mut l, mut c) = (line, col);
    parse_fparts(&cs, &mut i, raw, &mut l, &mut c, false)
}

fn advance(cs: &[char], i: &mut usize, l: &mut u32, c: &mut u32) {
    if cs[*i] == '\n' {
        *l += 1;
        *c = 0;
    } else {
        *c += 1;
    }
    *i += 1;
}

fn parse_fparts(
    cs: &[char],
    i: &mut usize,
    raw: bool,
    l: &mut u32,
    c: &mut u32,
    in_spec: bool,
) -> Result<Vec<FPart>, String> {
    let mut parts = Vec::new();
    let mut lit = String::new();
    let flush = |lit: &mut String, parts: &mut Vec<FPart>| -> Result<(), String> {
        if !lit.is_empty() {
            let s = if raw {
                std::mem::take(lit)
            } else {
                unescape(&std::mem::take(lit), false)?
            };
            parts.push(FPart::Lit(s));
        }
        Ok(())
    };
    while *i < cs.len() {
        let ch = cs[*i];
        if in_spec && ch == '}' {
            break;
        }
        if ch == '{' {
            if !in_spec && cs.get(*i + 1) == Some(&'{') {
                lit.push('{');
                advance(cs, i, l, c);
                advance(cs, i, l, c);
                continue;
            }
            flush(&mut lit, &mut parts)?;
            advance(cs, i, l, c);
            parts.push(parse_field(cs, i, raw, l, c)?);
            continue;
        }
        if ch == '}' {
            if cs.get(*i + 1) == Some(&'}') {
                lit.push('}');
                advance(cs, i, l, c);
                advance(cs, i, l, c);
                continue;
            }
            return Err("f-string: single '}' is not allowed".into());
        }
        if ch == '\\' && !raw && *i + 1 < cs.len() {
            lit.push('\\');
            advance(cs, i, l, c);
        }
        lit.push(cs[*i]);
        advance(cs, i, l, c);
    }
    flush(&mut lit, &mut parts)?;
    Ok(parts)
}

fn parse_field(
    cs: &[char],
    i: &mut usize,
    raw: bool,
    l: &mut u32,
    c: &mut u32,
) -> Result<FPart, String> {
    let (sl, sc) = (*l, *c);
    let start = *i;
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    // Scan the expression up to a top-level '!', ':', '=' (debug) or '}'.
    while *i < cs.len() {
        let ch = cs[*i];
        if let Some(q) = quote {
            if ch == q {
                quote = None;
            }
            advance(cs, i, l, c);
            continue;
        }
        match ch {
            '\'' | '"' => quote = Some(ch),
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth > 0 => depth -= 1,
            '}' => break,
            '\\' => return Err("f-string expression part cannot include a backslash".into()),
            '#' => return Err("f-string expression part cannot include '#'".into()),
            '!' if depth == 0 && cs.get(*i + 1) != Some(&'=') => break,
            ':' if depth == 0 => break,
            '=' if depth == 0 => {
                let prev = if *i > start { cs[*i - 1] } else { ' ' };
                let next = cs.get(*i + 1).copied().unwrap_or(' ');
                if next != '=' && !matches!(prev, '=' | '!' | '<' | '>') {
                    break;
                }
                if next == '=' {
                    advance(cs, i, l, c);
                }
            }
            _ => {}
        }
        advance(cs, i, l, c);
    }
    if *i >= cs.len() {
        return Err("f-string: expecting '}'".into());
    }
    let src: String = cs[start..*i].iter().collect();
    if src.trim().is_empty() {
        return Err("f-string: empty expression not allowed".into());
    }
    let mut debug = None;
    if cs[*i] == '=' {
        advance(cs, i, l, c);
        let mut text = src.clone();
        text.push('=');
        while *i < cs.len() && cs[*i].is_whitespace() {
            text.push(cs[*i]);
            advance(cs, i, l, c);
        }
        debug = Some(text);
    }
    let mut conv = None;
    if *i < cs.len() && cs[*i] == '!' {
        advance(cs, i, l, c);
        match cs.get(*i) {
            Some(&ch @ ('r' | 's' | 'a')) => {
                conv = Some(ch);
                advance(cs, i, l, c);
            }
            _ => {
                return Err(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'".into(),
                )
            }
        }
    }
    let mut spec = None;
    if *i < cs.len() && cs[*i] == ':' {
        advance(cs, i, l, c);
        spec = Some(parse_fparts(cs, i, raw, l, c, true)?);
    }
    if *i >= cs.len() || cs[*i] != '}' {
        return Err("f-string: expecting '}'".into());
    }
    advance(cs, i, l, c);
    if debug.is_some() && conv.is_none() && spec.is_none() {
        conv = Some('r');
    }
    Ok(FPart::Expr {
        src,
        line: sl,
        col: sc,
        conv,
        spec,
        debug,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        tokenize(src).unwrap().into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn indents_and_dedents() {
        let k = kinds("if x:\n    y\nz\n");
        assert_eq!(
            k,
            vec![
                Tok::Name("if".into()),
                Tok::Name("x".into()),
                Tok::Op(":"),
                Tok::Newline,
                Tok::Indent,
                Tok::Name("y".into()),
                Tok::Newline,
                Tok::Dedent,
                Tok::Name("z".into()),
                Tok::Newline,
                Tok::Eof
            ]
        );
    }

    #[test]
    fn fstring_parts() {
        let k = kinds("f'a{x!r:>{w}}b{y=}'");
        let Tok::FStr(parts) = &k[0] else {
            panic!("not an f-string")
        };
        assert_eq!(parts.len(), 4);
        assert!(
            matches!(&parts[1], FPart::Expr { src, conv: Some('r'), spec: Some(_), .. } if src == "x")
        );
        assert!(matches!(&parts[3], FPart::Expr { debug: Some(d), .. } if d == "y="));
    }

    #[test]
    fn numbers() {
        assert_eq!(
            kinds("0x_ff 1_000 1.5e3 .5")[..4].to_vec(),
            vec![
                Tok::Int(255.into()),
                Tok::Int(1000.into()),
                Tok::Float(1500.0),
                Tok::Float(0.5)
            ]
        );
    }
}
