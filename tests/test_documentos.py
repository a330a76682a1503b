"""Helpers of etl/documentos.py that read an agenda item's paragraphs at once."""
from pathlib import Path

import pytest

from etl.documentos import (_JOINABLE, CONCLUDED_RE, CORRECTION_WORDS_RE, REQUEST_RE, SHOWN_RE, WITHDRAWN_RE,
                            _first_line, _never_matches_line_break, _request_sentence_end)
from etl.frases import TENIDO_POR_PRESENTADO
from etl.texto import Parrafo, Texto
from etl.vocabulario import fold

ROOT = Path(__file__).resolve().parent.parent
STATE_PATTERNS = [WITHDRAWN_RE, CONCLUDED_RE, SHOWN_RE, TENIDO_POR_PRESENTADO.regex]


def _one_by_one(regex, paragraphs):
    for paragraph in paragraphs:
        match = regex.search(fold(paragraph.text))
        if match:
            return paragraph.linea_at(match.start())
    return None


def _first(regex, paragraphs):
    return _first_line(regex, paragraphs, [fold(p.text) for p in paragraphs])


def test_la_primera_retirada_y_su_linea():
    paragraphs = [Parrafo("El Secretario dio cuenta del proyecto.", [(0, 10)]),
                  Parrafo("Por acuerdo de las personas integrantes, el proyecto se retira del orden del día; "
                          "el informe queda retirado también.", [(0, 12), (40, 13), (70, 14)]),
                  Parrafo("Se retira el punto.", [(0, 16)])]
    assert _first(WITHDRAWN_RE, paragraphs) == _one_by_one(WITHDRAWN_RE, paragraphs) == 13
    assert _first(WITHDRAWN_RE, paragraphs[:1]) is None
    assert _first(WITHDRAWN_RE, []) is None
    # the break between two paragraphs never completes a phrase
    assert _first(WITHDRAWN_RE, [Parrafo("el proyecto", [(0, 1)]), Parrafo("se retira", [(0, 2)])]) is None


@pytest.mark.parametrize("patron, seguro", [
    (r"\bse retira (el|del) punto\b", True), (r"[a-z]\d+\w(?=\w)(?<!x)", True), (r"\bab\B", True),
    (r"a\sb", False), (r"a.b", False), (r"^ab", False), (r"ab$", False), (r"[^a]", False), (r"\Wx", False),
    (r"x(?=\s)", False), (r"(a)\1", False), (r"[\n]", False), (r"[\x00-\x20]", False),
])
def test_solo_se_unen_los_parrafos_para_un_patron_que_no_cruza_saltos(patron, seguro):
    assert _never_matches_line_break(patron) is seguro


def test_los_patrones_del_estado_de_un_documento_buscan_de_una_vez():
    assert all(_never_matches_line_break(p.pattern, p.flags) for p in STATE_PATTERNS)
    assert all(_JOINABLE[(p.pattern, p.flags)] for p in STATE_PATTERNS if p is not CONCLUDED_RE)


def test_una_busqueda_sobre_los_parrafos_unidos_da_lo_mismo_que_una_por_parrafo():
    """On every acta the project keeps, from each paragraph on, the joined search gives the line
    one search per paragraph gives."""
    actas = sorted([*(ROOT / "tests" / "fixtures").rglob("*.txt"), *(ROOT / "data" / "actas").glob("*.txt")])
    found = 0
    for acta in actas:
        paragraphs = Texto(acta.read_text(encoding="utf-8", errors="replace")).paragraphs
        for regex in STATE_PATTERNS:
            found += _first(regex, paragraphs) is not None
            for start in range(0, len(paragraphs), 7):
                assert _first(regex, paragraphs[start:]) == _one_by_one(regex, paragraphs[start:]), \
                    (acta.name, regex.pattern[:30], start)
    assert found >= 20


# One word for each alternative of the two patterns: each must be found in a sentence (a pattern
# made faster must keep every one).
CORRECTION_WORDS = ["corrija", "corregir", "correccion", "correcciones", "corregido", "errores de ortografia",
                    "errores de forma", "modificacion", "modificar", "modifique", "sustituir", "cambio de",
                    "cambiar", "quitar", "eliminar", "elimine", "suprimir", "agregar", "agregue", "adicionar",
                    "precisar", "precise", "precisen", "ajuste", "observacion", "numerar", "renumerar",
                    "incisos", "leyenda", "redaccion", "ortografia", "erratas", "incluye", "incluir",
                    "incluyan", "incorporar", "anadir", "agregaron"]
REQUEST_WORDS = ["solicito", "pido", "pidio", "pide", "piden", "pedir", "pedimos", "propongo", "propone",
                 "propuso", "propuesta", "sugiere", "sugerir", "sugiero", "sugirio", "convendria", "quisiera",
                 "me gustaria", "se corrija", "sean corregidos", "se modifique", "se sustituya", "se elimine",
                 "se agregue", "hacer la correccion", "senalo que", "formulo observaciones al",
                 "hizo observaciones al", "hace observaciones al", "hago observaciones al",
                 "realizo observaciones al", "presento observaciones al", "planteo observaciones al",
                 "expreso observaciones al", "tengo observaciones al", "tenemos observaciones al",
                 "tiene observaciones al", "una de las observaciones al", "unas observaciones al", "dos observaciones al",
                 "tres observaciones al", "mis observaciones al", "nuestras observaciones al",
                 "algunas observaciones al", "las siguientes observaciones al", "sus observaciones al"]


@pytest.mark.parametrize("regex, word", [(CORRECTION_WORDS_RE, w) for w in CORRECTION_WORDS]
                         + [(REQUEST_RE, w) for w in REQUEST_WORDS])
def test_every_correction_and_request_word_is_found(regex, word):
    assert regex.search(f"el consejero {word} en la pagina 3").group().startswith(word.split()[0][:4])


def test_request_sentence_end_needs_both_words_in_one_sentence():
    """A correction word in one sentence and a request in another are no request."""
    assert _request_sentence_end("la consejera solicito la palabra. hay errores de ortografia en el dictamen") is None
    text = "la consejera tomo la palabra. solicito corregir la pagina 13. gracias"
    assert _request_sentence_end(text) == text.index(". gracias")


def test_las_palabras_de_correccion_agrupadas_por_letra_dan_las_mismas_coincidencias():
    """CORRECTION_WORDS_RE, its words grouped by first letter, finds what the plain alternation of
    the same words finds (places and groups) on every paragraph of every acta the project keeps
    and on random mixes of its words."""
    import random
    import re

    from etl import documentos
    plain = re.compile(r"\b(?:" + "|".join(documentos.CORRECTION_WORDS) + ")")
    actas = sorted([*(ROOT / "tests" / "fixtures").rglob("*.txt"), *(ROOT / "data" / "actas").glob("*.txt")])
    texts = [fold(p.text) for acta in actas
             for p in Texto(acta.read_text(encoding="utf-8", errors="replace")).paragraphs]
    rng = random.Random(3)
    pieces = CORRECTION_WORDS + ["x", "de", "a", " ", ". ", "co", "err", "errores  de forma", "mcambiar"]
    texts += ["".join(rng.choice(pieces) + rng.choice(" ,;.") for _ in range(30)) for _ in range(500)]
    found = 0
    for text in texts:
        expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in CORRECTION_WORDS_RE.finditer(text)] == expected, text[:80]
        found += len(expected)
    assert found > 500


def test_quitar_sin_observaciones_no_crea_palabras_de_correccion_ni_de_fe_de_erratas():
    """`_request_sentence_end` answers a paragraph without correction words nor erratum words
    before removing «sin observaciones»: removing it never brings either in (what it removes opens
    and closes a word; the words hold no two signs in a row). On every paragraph of the kept actas
    and on texts built around the removed phrases."""
    import itertools
    import re

    from etl.frases import FE_DE_ERRATAS, SIN_OBSERVACIONES
    none, errata = SIN_OBSERVACIONES.regex, FE_DE_ERRATAS.regex
    assert not any(re.search(r"\W\W", word) for words in errata.palabras for word in words)
    actas = sorted([*(ROOT / "tests" / "fixtures").rglob("*.txt"), *(ROOT / "data" / "actas").glob("*.txt")])
    texts = [fold(p.text) for acta in actas
             for p in Texto(acta.read_text(encoding="utf-8", errors="replace")).paragraphs]
    around = ["errores", "errores ", "cambio", "debe", "debe ", "corr", "de ortografia", " de forma", "ser", " decir", ""]
    removed = ["sin observaciones", "no habiendo observaciones", "al no haber mas comentarios"]
    texts += [f"{a} {r} {b}" for a, r, b in itertools.product(around, removed, around)]
    texts += [f"{a}{r}{b}" for a, r, b in itertools.product(around, removed, around)]
    removals = 0
    for text in texts:
        cleaned = none.sub("", text)
        removals += cleaned != text
        if CORRECTION_WORDS_RE.search(cleaned):
            assert CORRECTION_WORDS_RE.search(text), text[:80]
        if errata.puede(cleaned):
            assert errata.puede(text), text[:80]
    assert removals > 50
