"""The speed-ups of the parser answer exactly what the slow forms answered.

- `etl.patrones.compilar`: the words it tests before a search are necessary — on every paragraph
  of every fixture (as written and folded) and every phrase example, a text it rules out is one
  the pattern does not match, and every method gives the pattern's own result.
- `etl.vocabulario.fold` by `replace` equals the former `str.translate` + decomposition.
- `GRADO_RE` as a prefix tree in any case matches where the former `(?i:…)` alternation did.
"""
import random
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from etl.frases import FAMILIAS
from etl.patrones import Minusculas, Patron, _stems, compilar, palabras_necesarias, sin_implicados
from etl.texto import Texto
from etl.vocabulario import GRADO_RE, GRADOS, fold

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted(p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in (".txt", ".md")
               and "README" not in p.name and p.name != "CONCLUSIONES.md") + sorted((ROOT / "data" / "actas").glob("*.txt"))


@pytest.fixture(scope="module")
def parrafos():
    found = []
    for path in TEXTS:
        for paragraph in Texto(path.read_text(encoding="utf-8")).paragraphs:
            found += [paragraph.text, fold(paragraph.text)]
    return found


def _patrones():
    import etl.parse  # noqa: F401  (imports every reader)
    found = {}
    for name, module in sorted(sys.modules.items()):
        if name.startswith("etl."):
            found.update({f"{name}.{key}": value for key, value in vars(module).items() if isinstance(value, Patron)})
    found.update({f"familia {name}": f.regex for name, f in FAMILIAS.items() if isinstance(f.regex, Patron)})
    return found


def test_compilar_is_used_and_finds_words():
    patrones = _patrones()
    assert len(patrones) >= 15
    assert all(p.palabras for p in patrones.values())
    assert any("atendid" in words for words in palabras_necesarias(r"(fueron|han sido) (atendid|solventad)\w* las observaciones"))


def test_a_set_an_earlier_one_implies_is_not_tested_again():
    sets = [("punto", "desahogo"), ("punto", "desahogo", ")"), ("(punto ", "desahogo"), ("punto del", "orden")]
    # «punto…» or «desahogo» in the text: «punto» or «desahogo» or «)» is; «punto del» is not.
    assert sin_implicados(sets) == [("punto", "desahogo"), ("(punto ", "desahogo"), ("punto del", "orden")]
    assert sin_implicados([("retir",), ("se retira", "se retiro")]) == [("retir",), ("se retira", "se retiro")]
    assert sin_implicados([("se retira", "se retiro"), ("retir",)]) == [("se retira", "se retiro")]


@pytest.mark.parametrize("nombre", sorted(_patrones()))
def test_necessary_words_never_hide_a_match(nombre, parrafos):
    patron = _patrones()[nombre]
    examples = [e for f in FAMILIAS.values() for entrada in f.entradas for e in entrada.ejemplos]
    for text in parrafos + examples + [fold(e) for e in examples]:
        expected = patron.regex.search(text)
        assert (patron.search(text) is None) == (expected is None), (nombre, text[:120])
        if expected is not None:
            assert patron.puede(text)
            assert [m.span() for m in patron.finditer(text)] == [m.span() for m in patron.regex.finditer(text)]
            assert patron.sub("", text) == patron.regex.sub("", text)
            assert patron.split(text) == patron.regex.split(text)


def test_stems_cover_every_word_with_fewer_tests():
    words = frozenset(f"{a} {b} {c}" for a in ("de", "a") for b in ("los", "las")
                      for c in ("observaciones", "modificaciones", "acuerdos"))
    stems = _stems(words)
    assert stems == {"observaciones", "modificaciones", "acuerdos"}
    assert _stems(frozenset({"retira", "retirado", "retiramos"})) == {"retira"}
    assert _stems(frozenset({"a favor", "en contra"})) == {"a favor", "en contra"}   # nothing shared: as they are
    assert _stems(frozenset({"se retiro", "fue retirado"})) == {"retir"}
    for pattern in (r"se retira (del orden del dia|el punto|el proyecto) (de la|del) (sesion|orden)",
                    r"(fueron|han sido) (atendid|solventad)\w* las observaciones"):
        sets = palabras_necesarias(pattern)
        assert [len(s) for s in sets] == sorted(len(s) for s in sets)     # the cheapest test first
        for text in ("se retira el punto de la sesion", "fueron atendidas las observaciones"):
            if re.search(pattern, text):
                assert all(any(w in text for w in s) for s in sets)


def test_a_pattern_without_words_stays_a_plain_pattern():
    assert isinstance(compilar(r"\w+\s+\d+"), re.Pattern)
    assert isinstance(compilar(r"(?i)se aprueba"), re.Pattern)        # any case: no word to test
    lento = compilar(r"\b(?:dio|da) cuenta (?:del|de) (?:estado|avance) de las observaciones")
    assert isinstance(lento, Patron) and lento.search("sin nada que ver") is None
    assert lento.search("el secretario dio cuenta del estado de las observaciones").start() == 14


_SPANISH = str.maketrans("áéíóúüñÁÉÍÓÚÜÑàèìòùÀÈÌÒÙ", "aeiouunAEIOUUNaeiouAEIOU")


def _fold_before(text):
    text = (text or "").translate(_SPANISH)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text.lower()


def test_fold_is_the_former_fold(parrafos):
    random.seed(7)
    pool = [chr(c) for c in range(0x20, 0x2100)] + ["\u212a", "İ", "ı", "ß", "ẞ", "ﬁ", "Ⅻ", "\u0301"]
    texts = parrafos + ["".join(random.choice(pool) for _ in range(random.randint(0, 12))) for _ in range(20000)]
    assert [t for t in texts if fold.__wrapped__(t) != _fold_before(t)] == []


def test_grado_re_reads_as_the_case_insensitive_alternation(parrafos):
    before = (r"(?:" + "|".join(r"\.?\s?".join(re.escape(part) for part in (g.split() if " " in g else list(g)
                                                                            if len(g) <= 3 else [g]))
                                 for g in sorted(GRADOS, key=len, reverse=True)) + r")\.?")
    random.seed(8)
    letters = "dramtoclipnsgfqbvzeu .İıſDRAMTOCLIPNSGFQBVZEU"
    texts = parrafos + ["".join(random.choice(letters) for _ in range(random.randint(1, 14))) for _ in range(20000)]
    for tail in (r"\s+[A-ZÁÉ]\w+", r"$", r"(?:\.|\s)"):
        old, new = re.compile(rf"(?<![\w.])(?i:{before}){tail}"), re.compile(rf"(?<![\w.]){GRADO_RE}{tail}")
        assert [t for t in texts if [m.span() for m in old.finditer(t)] != [m.span() for m in new.finditer(t)]] == []


def test_session_matches_are_those_of_finditer(parrafos):
    """`etl.parse.session_matches` tries `SESSION_RE` only before each «sesion»: the same matches
    as `finditer` on every paragraph, and on random runs of ordinals, numbers, dots and spaces."""
    from etl.parse import SESSION_RE, session_matches

    def found(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    pieces = ["sesion", "sesiones", "ordinaria", "extraordinaria", "decima", "primera", "vigesimo", "2.", "2",
              "numero", "no.", "xii", "de instalacion", "especial", "publica", "n°", "#", "dos", "asesion", "_",
              "sesionx", "\t", "\n"]
    rng = random.Random(7)
    texts = [fold(p) for p in parrafos] + [
        "".join(rng.choice(pieces) + rng.choice([" ", "", "  ", ".", ". "]) for _ in range(rng.randint(1, 12)))
        for _ in range(20000)]
    for text in texts:
        assert found(session_matches(text)) == found(SESSION_RE.finditer(text)), text[:120]


def test_ignorecase_patterns_searched_lower_cased_find_what_they_found(parrafos):
    """`Minusculas`: an IGNORECASE family searched on the lower-cased text finds the pattern's
    own match, also in text with «İ», «ı», «ſ», «K» (Kelvin), «ς», which IGNORECASE reads apart."""
    familias = [f for f in FAMILIAS.values() if isinstance(f.regex, Minusculas)]
    assert {"llamado", "sentido"} <= {f.nombre for f in familias}
    assert not isinstance(compilar(r"Se vota", re.IGNORECASE), Minusculas)    # an upper-case letter
    assert not isinstance(compilar(r"(vot)\1", re.IGNORECASE), Minusculas)   # a back-reference
    examples = [e for f in FAMILIAS.values() for entrada in f.entradas for e in entrada.ejemplos]
    odd = ["İ", "ı", "ſ", "\u212a", "ς", "Σ", "µ", "ẞ", "Ó", "ó", " ", "\n", "VOTACIÓN", "ſometo", "a FAVOR de",
           "A Su Consideración", "SÍRVANSE", "SE VOTÓ", "xse vota", "En Contra", "ABSTENCIÓN", "\u0307"]
    rng = random.Random(3)
    texts = parrafos + examples + [e.upper() for e in examples] + [
        "".join(rng.choice(odd) for _ in range(rng.randint(1, 10))) for _ in range(5000)]
    for familia in familias:
        for text in texts:
            for pos in (0, 3):
                found, expected = familia.regex.search(text, pos), familia.regex.regex.search(text, pos)
                assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))


def test_lower_case_is_trusted_only_where_ignorecase_means_the_same():
    """`minusculas_fiables`, the one test of Minusculas, Temprano and descripcion: the text in lower
    case, or None where a lower-case search would not stand for an IGNORECASE one."""
    from etl.patrones import minusculas_fiables
    assert minusculas_fiables("Votación NOMINAL") == "votación nominal"
    for raro in ("DİCTAMEN", "dictamen ı", "ſesión", "Σ final ς"):
        assert minusculas_fiables(raro) is None


def test_a_set_read_by_its_stems_answers_what_its_words_answer(parrafos):
    """`anclas`/`alineada`: a set of words looked for by its stems and the words around them
    («presentad» for «quedaron debidamente presentad», …) is found in exactly the texts that hold
    one of its words: every set of every pattern, on every paragraph and on random texts made of
    its words' pieces (a word cut short, two stems side by side, a stem at the very start)."""
    from etl.patrones import alineada, anclas

    def holds(text, stems, around):
        return any(stem in text and (stem not in around or alineada(text, stem, around[stem])) for stem in stems)

    sets = {words for patron in _patrones().values() for words in patron.palabras}
    shortened = [words for words in sets if anclas(words)[1]]
    assert len(shortened) >= 5
    rng = random.Random(11)
    for words in sorted(sets):
        stems, around = anclas(words)
        pieces = list(words) + list(stems) + [w[:rng.randint(1, len(w))] for w in words] + [" ", "x", "."]
        texts = parrafos + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(300)]
        for text in texts:
            assert holds(text, stems, around) == any(word in text for word in words), (words, text[:120])
    # a stem that is one of the words answers alone; the others are tried around the stem's places
    assert anclas(("tuvo por recibid", "tuvo por presentad", "dio por recibid")) == \
        (("tuvo por presentad", "recibid"), {"recibid": (("tuvo por recibid", 9), ("dio por recibid", 8))})


def test_a_stems_set_gives_way_to_the_set_it_stems_from():
    """`pruebas`: the stems «recibid», «presentad», an earlier set of their own, give way to the
    first later set read by them (its test answers for both); a second such set keeps its own."""
    from etl.patrones import pruebas
    stems = ("recibid", "presentad")
    tuvo = ("tuvo por recibid", "tuvo por presentad", "dio por recibid", "dio por presentad")
    fue = ("fue recibid", "fue presentad", "quedo recibid", "quedo presentad")
    tests = pruebas([stems, tuvo, fue])
    assert [sorted(w for ws in around.values() for w, _ in ws) for _, around in tests] == [sorted(tuvo), sorted(fue)]
    assert pruebas([("retir",), ("se retira", "se retiro")]) == \
        ((("retir",), {"retir": (("se retira", 3), ("se retiro", 3))}),)


def test_the_characters_a_match_begins_with_are_read_from_the_pattern():
    """`patrones.iniciales`, shared by votos (where a result may begin) and descripcion (a
    lookahead on first letters)."""
    from re import _parser as sre_parse

    from etl.patrones import iniciales

    def first(pattern, principio_probado=True):
        chars, empty = iniciales(list(sre_parse.parse(pattern)), principio_probado)
        return None if chars is None else ("".join(sorted(chars)), empty)
    assert first(r"\b(?:es|son)\s+aprob") == ("es", False)
    assert first(r"(?<!\bsi )se aprueba|no se") == ("ns", False)
    assert first(r"^\W*aprobado|[.;]\s*no") == (".;", False)
    assert first(r"(?:no\s+)?aprobad") == ("an", False)
    assert first(r"(de ){2,3}x") == ("d", False)
    assert first(r"a?") == ("a", True)
    assert first(r"\w+ votos") is None and first(r"(?i:se)") is None and first(r"[^a]x") is None
    # without the text's start always tried, «^» is passed over like «\b»
    assert first(r"^ab|c", principio_probado=False) == ("ac", False)
    assert first(r"^ab|c") == ("c", False)
