# textwrap: wrap/fill with indents, hyphen breaking, shorten, dedent and indent.
import textwrap
text = "The quick brown fox jumps over the lazy dog. " * 3 + "Well-known hyphenated-words break-nicely."
print(textwrap.fill(text, 30))
print(textwrap.wrap(text, 25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious is long", 10, break_long_words=False))
print(textwrap.fill("one two three four five six", width=12, max_lines=2))
print(textwrap.shorten("Hello  world, this is a long sentence", width=20))
print(textwrap.shorten("Hello world", width=11), textwrap.shorten("Hello world!", width=11, placeholder="..."))
print(repr(textwrap.dedent("""
    def f():
        return 1
""")), textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.indent("x\n\ny", "+", lambda line: True))
w = textwrap.TextWrapper(width=20, fix_sentence_endings=True)
print(w.wrap("End. Next sentence! And more? yes"))
