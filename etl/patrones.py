"""Regular expressions compiled once, with the words every match must contain tested first.

Python's `re` tries a pattern that starts with an alternation or a `\\b` at every position of the
text; a phrase like «(observaciones|correcciones…)… (fue|fueron…) (atendid|solventad…)» costs
hundreds of nanoseconds a character, on every paragraph of the acta, to find nothing in most of
them. `compilar` reads the pattern once and derives, from its own syntax, sets of words such that
every match contains one word of each set («atendid», «solventad», …): a paragraph without them
is answered at once with a substring test (`in`, thousands of times faster than the search), and
only the others are searched. The answers are those of the pattern itself, always: the words are
a necessary condition computed from the pattern, never a rule written beside it.

    ATTENDED_RE = compilar(r"…")          # instead of re.compile(r"…")
    ATTENDED_RE.search(folded)            # same methods and results as a compiled pattern
"""
import itertools
import re
import string
import sys
from re import _casefix
from re import _constants as sre
from re import _parser as sre_parse

_MAX_WORDS = 48          # more alternatives than this in one set: testing them is not cheaper
_MIN_SCORE = 3           # «de», «a»: in every paragraph, they rule nothing out
_RARE = set("?¿¡!«»()[]|/_*#@$%&=+<>{}~\\")


def _score(words):
    """How much a set of words rules out: its shortest word's length (a rare sign counts as a
    word), fewer alternatives better."""
    shortest = min((len(w) + 2 * sum(c in _RARE for c in w)) for w in words)
    return shortest, -len(words)


def _useful(words):
    return bool(words) and "" not in words and len(words) <= _MAX_WORDS and _score(words)[0] >= _MIN_SCORE


def _best(clauses):
    clauses = [c for c in clauses if _useful(c)]
    return max(clauses, key=_score) if clauses else None


def _cased(char, flags):
    return bool(flags & re.IGNORECASE) and (char.lower() != char or char.upper() != char)


def _sequence(items, flags):
    """(exact, clauses) of a sequence of parsed items: `exact` every string it can match when they
    are few (else None); `clauses` sets of words one of each of which every match contains."""
    clauses, run, broken = [], {""}, False
    for op, av in items:
        exact, inner = _item(op, av, flags)
        clauses += inner
        if exact is not None and len(run) * len(exact) <= 64:
            run = {a + b for a in run for b in exact}
            continue
        if run != {""}:
            clauses.append(frozenset(run))
        run, broken = (set(exact) if exact is not None else {""}), True
    if run != {""}:
        clauses.append(frozenset(run))
    return (None if broken else frozenset(run)), clauses


def _item(op, av, flags):
    if op is sre.LITERAL:
        char = chr(av)
        return (None, []) if _cased(char, flags) else (frozenset([char]), [])
    if op is sre.IN:
        chars = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] < 8:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None, []
        if len(chars) > 8 or any(_cased(c, flags) for c in chars):
            return None, []
        return frozenset(chars), []
    if op in (sre.AT, sre.ASSERT_NOT):
        return frozenset([""]), []
    if op is sre.ASSERT:           # what a lookaround sees is in the text too
        exact, clauses = _sequence(av[1], flags)
        return frozenset([""]), clauses + ([exact] if exact is not None else [])
    if op is sre.SUBPATTERN:
        _, add, remove, items = av
        return _sequence(items, (flags | add) & ~remove)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, flags)
    if op is sre.BRANCH:
        # Every match is one alternative's: a set holding one necessary set of each alternative is
        # necessary. Three such sets, from each alternative's best, second and third.
        exacts, ranked = set(), []
        for alternative in av[1]:
            exact, clauses = _sequence(alternative, flags)
            if exacts is not None:
                exacts = (exacts | exact) if exact is not None else None
            useful = sorted({c for c in clauses + ([exact] if exact is not None else []) if _useful(c)},
                            key=_score, reverse=True)
            ranked.append(useful)
        exact = frozenset(exacts) if exacts is not None and len(exacts) <= 64 else None
        if not all(ranked):
            return exact, []
        if len(ranked) <= 4:       # few alternatives: every choice of one of each one's two best sets
            choices = itertools.product(*(useful[:2] for useful in ranked))
        else:
            choices = (tuple(useful[min(k, len(useful) - 1)] for useful in ranked) for k in range(3))
        unions = {frozenset().union(*choice) for choice in choices}
        return exact, sorted((u for u in unions if _useful(u)), key=_score, reverse=True)[:3]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, items = av
        exact, clauses = _sequence(items, flags)
        if low == 0:
            return (exact | {""} if exact is not None and high == 1 else None), []
        if exact is not None:
            clauses = clauses + [exact]
        return (exact if low == high == 1 else None), clauses
    return None, []


_STEM = 4               # the shortest beginning of a word `_stems` offers in place of the word
_WORD_RE = re.compile(r"\w+")


def _stems(words):
    """A smaller set such that each of `words` contains one of its words: «de las observaciones»,
    «a los acuerdos», … (forty phrases, forty substring tests on every paragraph) -> «observacion»,
    «acuerdo». Any text holding one of `words` holds one of these, so they are necessary too, and
    most paragraphs lacking them are ruled out at a fraction of the tests. Greedy: the piece (a
    whole word, or the beginning of one of its words) in most of the words not yet covered,
    longest first."""
    pieces = set(words)
    for word in words:
        for token in _WORD_RE.findall(word):
            pieces.update(token[:n] for n in range(_STEM, len(token) + 1))
    covers = {piece: frozenset(w for w in words if piece in w) for piece in pieces}
    uncovered, chosen = set(words), []
    while uncovered:
        best = max(covers, key=lambda piece: (len(covers[piece] & uncovered), len(piece), piece))
        chosen.append(best)
        uncovered -= covers[best]
    return frozenset(chosen)


def palabras_necesarias(pattern, flags=0):
    """Sets of words such that every match of `pattern` contains one word of each set; [] when
    the pattern promises no word. The most telling three sets (the longest words, the fewest
    alternatives) and their `_stems`, fewest words first (a stem set before the set it stems
    from): most paragraphs are ruled out by the first, short set, and one that holds a stem is
    still tested against the exact words."""
    tree = sre_parse.parse(pattern, flags)
    exact, clauses = _sequence(list(tree), tree.state.flags)
    if exact is not None:
        clauses = clauses + [exact]
    useful = sorted({frozenset(c) for c in clauses if _useful(c)}, key=_score, reverse=True)[:3]
    stems = sorted({_stems(c) for c in useful} - set(useful), key=lambda c: (len(c), sorted(c)))
    return [tuple(sorted(c, key=lambda w: (-len(w), w))) for c in sorted(stems + useful, key=len)]


def _implica(antes, despues):
    """Whether a text holding one word of `antes` surely holds one of `despues`: each word of
    `antes` contains one of `despues`."""
    return all(any(word in earlier for word in despues) for earlier in antes)


def sin_implicados(palabras):
    """The sets of `palabras` in their order, without those an earlier one implies («punto»,
    «desahogo»… and then the same words and «)»): testing them after it could never answer
    «no», it only read the text again (a seventh of the substring tests of a reading)."""
    kept = []
    for words in palabras:
        if not any(_implica(earlier, words) for earlier in kept):
            kept.append(words)
    return kept


def anclas(words):
    """One set of necessary words as the strings to look for and, for those that are no word of
    the set but a stem of some, the words around them: (stems, {stem: ((word, offset), …)}). A
    text holds one of `words` exactly when it holds a stem without words around it, or a stem
    with one of its words around one of its places. «quedaron debidamente presentad», «tuvo por
    recibid»… (46 phrases: 46 readings of a paragraph lacking them all) are found by their
    `_stems` «presentad», «recibid»… (4 readings): a word holding its stem at `offset` occurs at
    `at - offset` for some place `at` where the stem occurs, so trying each such place with
    `startswith` answers what `word in text` answers. A stem that is one of the words answers
    alone. Sets that no stem shortens stay as they are: (words, {})."""
    stems = _stems(frozenset(words))
    if len(stems) >= len(words):
        return tuple(words), {}
    order, around, left = sorted(stems, key=lambda s: (-len(s), s)), {}, list(words)
    for stem in order:
        mine = [word for word in left if stem in word]
        left = [word for word in left if stem not in word]
        if stem not in mine:
            around[stem] = tuple((word, word.index(stem)) for word in mine)
    return tuple(order), around


def alineada(text, stem, words):
    """Whether one of `words` ((word, offset of `stem` in it)) occurs in `text` around a place
    where `stem` does (see `anclas`)."""
    at = text.find(stem)
    while at >= 0:
        for word, offset in words:
            if at >= offset and text.startswith(word, at - offset):
                return True
        at = text.find(stem, at + 1)
    return False


def pruebas(palabras):
    """The tests of a Patron, one per necessary set of `palabras` (`anclas`), in their order. The
    stems of a later set («presentad», «recibid»…), when they are an earlier set of their own,
    give way to the later set found by them (`anclas`): it reads the text as many times and
    answers for both."""
    sets = [frozenset(words) for words in palabras]
    tests, taken = [anclas(words) for words in palabras], set()
    for index, words in enumerate(sets):
        stems = _stems(words)
        if len(stems) < len(words) and stems in sets[:index] and sets.index(stems) not in taken:
            at = sets.index(stems)   # the stems' own test gives way to this one, in its place
            tests[at], tests[index] = tests[index], None
            taken.add(at)
    return tuple(test for test in tests if test is not None)


class Patron:
    """A compiled pattern that answers «no match» without searching a text lacking one word of
    each of its necessary sets (those no earlier set implies; each set read by its stems,
    `pruebas`). Same methods and results as `re.Pattern`."""

    __slots__ = ("regex", "palabras", "pruebas", "pattern", "flags", "groups", "groupindex")

    def __init__(self, regex, palabras):
        self.regex, self.palabras = regex, sin_implicados(palabras)
        self.pruebas = pruebas(self.palabras)
        self.pattern, self.flags, self.groups, self.groupindex = \
            regex.pattern, regex.flags, regex.groups, regex.groupindex

    def puede(self, text):
        """Whether `text` holds one word of each necessary set (else it cannot match)."""
        for stems, around in self.pruebas:
            for stem in stems:
                if stem in text and (stem not in around or alineada(text, stem, around[stem])):
                    break
            else:
                return False
        return True

    def search(self, text, *args):
        # `puede`, written out: the parser calls `search` 60 000 times an acta, a frame each.
        for stems, around in self.pruebas:
            for stem in stems:
                if stem in text and (stem not in around or alineada(text, stem, around[stem])):
                    break
            else:
                return None
        return self.regex.search(text, *args)

    def match(self, text, *args):
        for stems, around in self.pruebas:   # `puede`, written out, as in `search`
            for stem in stems:
                if stem in text and (stem not in around or alineada(text, stem, around[stem])):
                    break
            else:
                return None
        return self.regex.match(text, *args)

    def fullmatch(self, text, *args):
        return self.regex.fullmatch(text, *args) if self.puede(text) else None

    def finditer(self, text, *args):
        return self.regex.finditer(text, *args) if self.puede(text) else iter(())

    def findall(self, text, *args):
        return self.regex.findall(text, *args) if self.puede(text) else []

    def sub(self, repl, text, count=0):
        return self.regex.sub(repl, text, count) if self.puede(text) else text

    def subn(self, repl, text, count=0):
        return self.regex.subn(repl, text, count) if self.puede(text) else (text, 0)

    def split(self, text, maxsplit=0):
        return self.regex.split(text, maxsplit) if self.puede(text) else [text]

    def __repr__(self):
        return f"compilar({self.pattern!r})"


# Letters IGNORECASE holds equal to another whose lower case differs («ı» and «i», «ſ» and «s», «ς»
# and «σ»): a text with one of them is searched the slow way.
_OTHER_CASES = re.compile("[" + re.escape("".join(
    chr(c) for key, others in _casefix._EXTRA_CASES.items() for c in (key, *others) if c > 127)) + "]")


def minusculas_fiables(text):
    """`text` in lower case when a search of it stands for an IGNORECASE search of `text`: every
    character kept in its place (not so with «İ», two characters in lower case) and no letter that
    IGNORECASE holds equal to another (`_OTHER_CASES`); None otherwise, and the caller searches
    the text with the pattern itself. The one test of it for `Minusculas`, `Temprano` and
    `etl/descripcion.py`."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) and not _OTHER_CASES.search(lowered) else None


def _plain_lower(char):
    """A letter in lower case that IGNORECASE holds equal to its upper case only, or no letter."""
    return char == char.lower() and not _OTHER_CASES.match(char)


def solo_minusculas(items):
    """Whether a parsed pattern names no letter but in lower case (and no back-reference, no
    inline flag): then, case aside, it reads a lower-cased text as IGNORECASE reads the text. A
    class holding «\\w» (not negated) holds every letter in both cases anyway, so any letter or
    digit may stand in it; a negated class of lower-case letters excludes in the lowered text
    what IGNORECASE excludes in the text. The one test of it for `compilar` (`Minusculas`) and
    `etl/descripcion.py`."""
    for op, av in items:
        if op is sre.LITERAL:
            if not _plain_lower(chr(av)):
                return False
        elif op is sre.IN:
            palabra = any(kind is sre.CATEGORY and value is sre.CATEGORY_WORD for kind, value in av) \
                and not any(kind is sre.NEGATE for kind, _ in av)
            for kind, value in av:
                if kind is sre.LITERAL:
                    char = chr(value)
                    if not (_plain_lower(char) or (palabra and (char.isalnum() or char == "_"))):
                        return False
                elif kind is sre.RANGE:
                    if any(chr(c).lower() != chr(c).upper() for c in range(value[0], value[1] + 1)):
                        return False
                elif kind not in (sre.CATEGORY, sre.NEGATE):
                    return False
        elif op is sre.SUBPATTERN:
            if av[1] or av[2] or not solo_minusculas(av[3]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not solo_minusculas(av[2]):
                return False
        elif op is sre.BRANCH:
            if not all(solo_minusculas(alternative) for alternative in av[1]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not solo_minusculas(av[1]):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not solo_minusculas(av):
                return False
        elif op not in (sre.AT, sre.ANY, sre.CATEGORY):
            return False
    return True


class Minusculas:
    """An IGNORECASE pattern of lower-case words, found five times faster: a case-sensitive copy
    searches the lower-cased text for where the match starts (no letter of it can be upper case
    there), and the pattern itself is matched on the text at that place, so the match is the
    pattern's own. IGNORECASE holds a letter equal to its lower case, and to nothing else when
    the text has no «İ» (whose lower case is two letters) and none of `_OTHER_CASES`: such a
    text is searched by the pattern alone. Same methods and results as `re.Pattern`."""

    __slots__ = ("regex", "llano", "pattern", "flags", "groups", "groupindex")

    def __init__(self, regex, llano):
        self.regex, self.llano = regex, llano
        self.pattern, self.flags, self.groups, self.groupindex = \
            regex.pattern, regex.flags, regex.groups, regex.groupindex

    def search(self, text, pos=0, endpos=sys.maxsize):
        lowered = minusculas_fiables(text)
        if lowered is None:
            return self.regex.search(text, pos, endpos)
        found = self.llano.search(lowered, pos, endpos)
        return self.regex.match(text, found.start(), endpos) if found else None

    def __getattr__(self, name):          # match, finditer, sub…: the pattern's own
        if name in Minusculas.__slots__:  # not set yet (a copy being made): no recursion
            raise AttributeError(name)
        return getattr(self.regex, name)

    def __repr__(self):
        return f"compilar({self.pattern!r}, re.IGNORECASE)"


class Temprano:
    """A case-insensitive pattern searched from the first place a match can begin. Python's `re`
    tries an alternation read with IGNORECASE at every character («votaci[oó]n|someto|…» costs
    ~0.3 µs a character: 300 µs on a long call); the words every match begins with, read from the
    pattern itself, are found first with `str.find` on the lower-cased text, and the search starts
    at the first of them. The answer is the pattern's own: no match can begin before that place,
    and a search from it still sees what lies behind (`\\b`, lookbehinds). Where lower case would
    not keep the characters in place or in the pattern's sense (`minusculas_fiables`), the whole
    text is searched. `Minusculas` does the same for a pattern of lower-case words only, from
    `compilar`; this one serves any IGNORECASE pattern whose matches open with letters."""

    __slots__ = ("regex", "comienzos")

    def __init__(self, regex):
        self.regex = regex
        tree = sre_parse.parse(regex.pattern, regex.flags)
        self.comienzos = _starts(list(tree)) if tree.state.flags & re.IGNORECASE else None

    def search(self, text):
        if not self.comienzos:
            return self.regex.search(text)
        lowered = minusculas_fiables(text)
        if lowered is None:
            return self.regex.search(text)
        first = min((at for at in map(lowered.find, self.comienzos) if at >= 0), default=-1)
        return self.regex.search(text, first) if first >= 0 else None


_START_LETTERS = frozenset(string.ascii_lowercase + " ")
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def _starts(items):
    """The lower-case words one of which every match of a parsed sequence begins with (a leading
    run of literal letters, branching where the pattern branches), or None when a match may begin
    otherwise. A shorter word than the pattern allows is still a true beginning."""
    prefix = ""
    for op, av in items:
        if op in _ZERO_WIDTH and not prefix:
            continue   # «\b», a lookbehind: where the match begins is the next item
        if op is sre.LITERAL and chr(av).isascii() and chr(av).lower() in _START_LETTERS:
            prefix += chr(av).lower()
            continue
        inner = None
        if op is sre.SUBPATTERN and not av[1] and not av[2]:
            inner = _starts(list(av[3]))
        elif op is sre.BRANCH:
            branches = [_starts(list(alternative)) for alternative in av[1]]
            inner = None if any(b is None for b in branches) else {w for b in branches for w in b}
        if inner is not None:
            return {prefix + word for word in inner}
        break
    return {prefix} if prefix else None


def iniciales(items, principio_probado=False):
    """(chars, empty) of a parsed sequence (`sre_parse.parse(...)` as a list): the characters a
    match can begin with, and whether it may match nothing; chars is None when the syntax does not
    say (a class like «\\w», a range, a group with its own flags). Zero-width items («\\b», a
    lookaround) are passed over: the next item begins the match. With `principio_probado` (the
    caller always tries the text's start) a branch opening with «^» adds no character; without it
    «^» is passed over like «\\b». Case is the caller's: under IGNORECASE a character stands for
    its other case too. Used by `votos` (where a statement of a result may begin) and
    `descripcion` (a lookahead on the first letters)."""
    chars = set()
    for op, av in items:
        if principio_probado and op is sre.AT and av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
            return chars, False
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            return chars | {chr(av)}, False
        if op is sre.IN:
            if not all(kind is sre.LITERAL for kind, _ in av):
                return None, False
            return chars | {chr(value) for _, value in av}, False
        if op is sre.SUBPATTERN and not av[1] and not av[2]:
            inner, empty = iniciales(av[3], principio_probado)
        elif op is sre.BRANCH:
            branches = [iniciales(branch, principio_probado) for branch in av[1]]
            if any(inner is None for inner, _ in branches):
                return None, False
            inner, empty = set().union(*(inner for inner, _ in branches)), any(empty for _, empty in branches)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            inner, empty = iniciales(av[2], principio_probado)
            empty = empty or av[0] == 0
        else:
            return None, False
        if inner is None:
            return None, False
        chars |= inner
        if not empty:
            return chars, False
    return chars, True


def compilar(pattern, flags=0):
    """`re.compile(pattern, flags)`, with its necessary words tested first when it has any; an
    IGNORECASE pattern of lower-case words, searched on the lower-cased text (`Minusculas`)."""
    regex = re.compile(pattern, flags)
    palabras = palabras_necesarias(pattern, flags)
    if palabras:
        return Patron(regex, palabras)
    if flags & re.IGNORECASE and not flags & (re.LOCALE | re.ASCII) \
            and solo_minusculas(list(sre_parse.parse(pattern, flags))):
        return Minusculas(regex, re.compile(pattern, flags & ~re.IGNORECASE))
    return regex
