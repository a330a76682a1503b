"""Helpers of etl/documentos.py that read an agenda item's paragraphs at once."""
from pathlib import Path

import pytest

from etl.documentos import (_JOINABLE, CONCLUDED_RE, SHOWN_RE, WITHDRAWN_RE, _first_line,
                            _never_matches_line_break)
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
