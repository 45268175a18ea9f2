//! The text of a `str`: up to 30 bytes inline in the heap slot (names, dict keys, words,
//! digits: most strings a script makes), longer text in one heap allocation. An inline string
//! costs no allocation and no pointer chase; a million short strings take half the memory.

use std::fmt;
use std::ops::Deref;

const INLINE: usize = 30;

#[derive(Clone)]
pub enum Text {
    /// Invariant: `buf[..len]` is valid UTF-8.
    Inline {
        len: u8,
        buf: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl Text {
    pub fn new(s: &str) -> Text {
        if s.len() <= INLINE {
            let mut buf = [0; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            Text::Inline {
                len: s.len() as u8,
                buf,
            }
        } else {
            Text::Heap(s.into())
        }
    }

    pub fn from_string(s: String) -> Text {
        if s.len() <= INLINE {
            Text::new(&s)
        } else {
            Text::Heap(s.into_boxed_str())
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Text::Inline { len, buf } => {
                // SAFETY: `buf[..len]` was copied from a `&str` (the invariant above).
                unsafe { std::str::from_utf8_unchecked(&buf[..*len as usize]) }
            }
            Text::Heap(s) => s,
        }
    }

    /// Bytes allocated outside the heap slot.
    pub fn heap_bytes(&self) -> usize {
        match self {
            Text::Inline { .. } => 0,
            Text::Heap(s) => s.len(),
        }
    }
}

impl Deref for Text {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    #[inline]
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn inline_and_heap_round_trip() {
        for s in [
            "",
            "a",
            "héllo wörld",
            &"x".repeat(30),
            &"y".repeat(31),
            &"é".repeat(20),
        ] {
            let t = Text::new(s);
            assert_eq!(t.as_str(), s);
            assert_eq!(Text::from_string(s.to_string()).as_str(), s);
            assert_eq!(matches!(t, Text::Inline { .. }), s.len() <= 30);
        }
        assert_eq!(std::mem::size_of::<Text>(), 32);
    }
}
