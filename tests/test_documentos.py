"""Helpers of etl/documentos.py that read an agenda item's paragraphs at once."""
from pathlib import Path

from etl.documentos import WITHDRAWN_RE, _first_withdrawal
from etl.texto import Parrafo, Texto
from etl.vocabulario import fold

ROOT = Path(__file__).resolve().parent.parent


def _one_by_one(paragraphs):
    for paragraph in paragraphs:
        match = WITHDRAWN_RE.search(fold(paragraph.text))
        if match:
            return paragraph.linea_at(match.start())
    return None


def test_la_primera_retirada_y_su_linea():
    paragraphs = [Parrafo("El Secretario dio cuenta del proyecto.", [(0, 10)]),
                  Parrafo("Por acuerdo de las personas integrantes, el proyecto se retira del orden del día; "
                          "el informe queda retirado también.", [(0, 12), (40, 13), (70, 14)]),
                  Parrafo("Se retira el punto.", [(0, 16)])]
    assert _first_withdrawal(paragraphs) == _one_by_one(paragraphs) == 13
    assert _first_withdrawal(paragraphs[:1]) is None
    assert _first_withdrawal([]) is None


def test_una_busqueda_sobre_los_parrafos_unidos_da_lo_mismo_que_una_por_parrafo():
    """The joined search never crosses from one paragraph into the next: on every acta the
    project keeps, from each paragraph on, the same line as one search per paragraph."""
    actas = sorted([*(ROOT / "tests" / "fixtures").rglob("*.txt"), *(ROOT / "data" / "actas").glob("*.txt")])
    withdrawals = 0
    for acta in actas:
        paragraphs = Texto(acta.read_text(encoding="utf-8", errors="replace")).paragraphs
        withdrawals += _first_withdrawal(paragraphs) is not None
        for start in range(0, len(paragraphs), 7):
            assert _first_withdrawal(paragraphs[start:]) == _one_by_one(paragraphs[start:]), (acta.name, start)
    assert withdrawals >= 2       # actas where a document is withdrawn are among them
    # the break between two paragraphs never completes a phrase
    assert _first_withdrawal([Parrafo("el proyecto", [(0, 1)]), Parrafo("se retira", [(0, 2)])]) is None
