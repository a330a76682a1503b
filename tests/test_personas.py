"""People's names (etl/personas.py): the faster ways of reading them give what the plain ones give.

`names_in` scans for titled names with a pattern that begins with the character before the title
instead of a look-behind, and `resolve` tests a person's words all together before each spelling;
both must read exactly as `TITLED_NAME_RE.finditer` and `same_person` over every spelling do."""
import random
import re
from pathlib import Path

import pytest

from etl.personas import (_SPEAKER_LABEL_RE, _STRIP_LABEL_RE, GRADO_BACKWARDS_RE, TITLED_NAME_RE, Persona,
                          _may_have_bare_label, _may_have_label, _titled_names, first_titled_name, resolve,
                          same_person)
from etl.texto import Texto
from etl.vocabulario import GRADO_RE, GRADOS

FIXTURES = Path(__file__).parent / "fixtures"
ACTAS = Path(__file__).parents[1] / "data" / "actas"


@pytest.fixture(scope="module")
def parrafos():
    """Every paragraph of every fixture and bundled acta, and every line of them."""
    found = []
    for path in sorted(FIXTURES.rglob("*.txt")) + sorted(FIXTURES.rglob("*.md")) + sorted(ACTAS.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        found += [paragraph.text for paragraph in Texto(text).paragraphs] + text.splitlines()
    assert len(found) > 5000
    return found


def _random_texts(seed, count=100000):
    """Short runs of the characters a label turns on: letters, spaces, dashes, stops, dots."""
    rng = random.Random(seed)
    pool = list("ab A É.:-–—!?;,\t\n\u00a0")
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def _plain(text):
    return [(m.group("grado"), m.group("nombre"), m.start(), m.end()) for m in TITLED_NAME_RE.finditer(text)]


@pytest.mark.parametrize("text", [
    "Lic. Ana Ruiz Soto",                                    # a title at the very start
    "la Lic. Teresa Romo Delgado y Dra. Claudia Ivonne Martínez Luévano, integrantes",
    "Mtro.Juan Pérez López",                                 # no space after the dot: no name
    "etc.Lic. Ana Ruiz Soto",                                # a dot before the title: not a title
    "Juan D’Lic. Ana Ruiz Soto",                             # a name ending in an apostrophe, a title right after
    "Dr. Juan D’ Ing. Ana Ruiz",
    "DRA. ALEJANDRA DEL CARMEN ARREOLA DELGADO\tASESORA TÉCNICA",
    "M. en C. Rosa María Luna Paz, la C.P. Irma Solís Vera e Ing. Raúl Ochoa",
    "(Lic. Ana Ruiz Soto)«Dr. Pedro Gómez»",
    "",
    "Lic.",
])
def test_titled_names_read_as_the_plain_pattern(text):
    assert list(_titled_names(text)) == _plain(text)
    assert first_titled_name(text) == (_plain(text) or [None])[0]


def test_titled_names_read_as_the_plain_pattern_over_every_fixture():
    files = sorted(FIXTURES.rglob("*.txt")) + sorted(FIXTURES.rglob("*.md"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert list(_titled_names(text)) == _plain(text), path.name


def test_label_pretests_never_hide_a_label(parrafos):
    """`_may_have_label` and `_may_have_bare_label` answer «no» only where the pattern they stand
    before finds no match: on every paragraph and line of the actas and on random texts."""
    texts = parrafos + _random_texts(11)
    labels = [t for t in texts if _SPEAKER_LABEL_RE.match(t)]
    bare = [t for t in texts if _STRIP_LABEL_RE.match(t)]
    assert len(labels) > 1000 and len(bare) > 500
    assert all(_may_have_label(t) for t in labels)
    assert all(_may_have_bare_label(t) for t in bare)
    # and they do rule texts out: most paragraphs have no label
    assert sum(map(_may_have_label, parrafos)) < len(parrafos) / 2


def _title_spellings(rng, count):
    """Titles as actas might write them, and near misses: each letter in either case (or «İ», «ı»,
    «ſ»), dots and spaces between letters, a letter dropped, doubled or changed."""
    found = []
    for _ in range(count):
        letters = list(rng.choice(list(GRADOS)))
        if rng.random() < 0.3:
            at = rng.randrange(len(letters))
            letters[at:at + 1] = rng.choice([[], [letters[at]] * 2, [rng.choice("aeiorscl")]])
        text = ""
        for letter in letters:
            text += {"i": rng.choice("iIİı"), "s": rng.choice("sSſ")}.get(letter, rng.choice([letter, letter.upper()]))
            text += rng.choice(["", "", "", ".", " ", ". ", "\t"])
        found.append(text.rstrip(" \t") + rng.choice(["", "."]))
    return found


def test_titles_read_backwards_are_the_titles():
    """`GRADO_BACKWARDS_RE` reads a reversed text as `GRADO_RE` reads the text: a title whole."""
    forward, backward = re.compile(GRADO_RE), re.compile(GRADO_BACKWARDS_RE)
    spellings = _title_spellings(random.Random(12), 60000)
    titles = [s for s in spellings if forward.fullmatch(s)]
    assert len(titles) > 10000
    for text in spellings:
        assert bool(forward.fullmatch(text)) == bool(backward.fullmatch(text[::-1])), text


def _texts_with_titles(seed, count=40000):
    """Runs of titles, names, particles, lower-case words, punctuation and spaces."""
    rng = random.Random(seed)
    titles = _title_spellings(rng, 400)
    words = ["Ana", "Ruiz", "SOTO", "María", "D’Lic", "del", "de la", "y", "e", "presente", "C", "Dra", "a",
             "la", "PREP", "x", "Ruiz Soto", "Ana María Ruiz"]
    gaps = [" ", " ", "  ", ", ", ". ", "(", "«", "\t", "\n", "—", ".", ""]
    named = [title + rng.choice([" ", "  ", "\t", "\n"]) + rng.choice(["Ana Ruiz", "ANA DE LA LUZ", "Ana Ruiz y"])
             for title in titles]
    pieces = [titles, words, named]
    return ["".join(rng.choice(rng.choice(pieces)) + rng.choice(gaps) for _ in range(rng.randint(0, 10)))
            for _ in range(count)]


def test_titled_names_read_as_the_plain_pattern_over_every_paragraph(parrafos):
    """The backward test before the scan hides no name: every paragraph and line of the actas,
    and random runs of titles and names, read as `TITLED_NAME_RE.finditer` reads them."""
    made = _texts_with_titles(13)
    assert sum(1 for text in made if _plain(text)) > 5000
    texts = parrafos + made
    for text in texts:
        assert list(_titled_names(text)) == _plain(text), text


def _plain_resolve(name, people):
    matches = [p for p in people if any(same_person(name, s) for s in [p.nombre, *p.spellings])]
    return matches


def test_resolve_sees_spellings_added_after_the_person_was_made():
    ana = Persona(nombre="Ana Ruiz")
    pedro = Persona(nombre="Pedro Luis Gómez Vera")
    people = [ana, pedro]
    assert resolve("Sofía Soto", people) is None                   # not yet: no word of «Ana Ruiz»
    ana.add_spelling("Ana Sofía Ruiz Soto")
    assert ana.nombre == "Ana Sofía Ruiz Soto"
    assert resolve("Ana Sofía Ruiz Soto", people) is ana
    assert resolve("Ana Ruiz", people) is ana
    assert resolve("Sofía Soto", people) is ana                    # two words of the fuller spelling
    assert resolve("Pedro Gómez", people) is pedro
    assert resolve("Pedro", people) is None                        # one word designates no one…
    assert resolve("Vera", people, single_word=True) is pedro      # …except a lone surname, when asked


def test_resolve_matches_same_person_over_every_spelling():
    people = [Persona(nombre="Martín Gallardo García"), Persona(nombre="Martín Gallardo Ruiz"),
              Persona(nombre="Alejandra del Carmen Arreola Delgado"), Persona(nombre="Luis Ruiz")]
    people[3].add_spelling("LUIS RUIZ ARAUJO")
    for name in ["Martín Gallardo", "Martín Gallardo García", "Alejandra Arreola", "Dra. Arreola Delgado",
                 "Luis Ruiz Araujo", "Ruiz Araujo", "García", "Gallardo Ruiz", "Carmen Luis"]:
        plain = _plain_resolve(name, people)
        found = resolve(name, people)
        if len(plain) == 1:
            assert found is plain[0], name
        else:
            assert found is None or found in plain, name


@pytest.mark.parametrize("text", ["ALEJANDRA DEL CARMEN ARREOLA DELGADO", "  Ana   Ruiz ", "RPTE. SUP. P.A.N.",
                                  "Beatríz", "a_b", "Ana\tRuiz", "x²", "İSTANBUL", "ﬁn", "—", "", None])
def test_fold_is_fold_words(text):
    from etl.personas import fold
    from etl.vocabulario import fold_words
    assert fold.__wrapped__(text) == fold_words(text)
