"""The hand-made expectations of the t2 held-out actas are well formed and point at the right lines.

These tests do not run the parser: they check the expectations themselves, so that a wrong
`fuente.linea` or a malformed fact is caught before anyone measures the parser against them.
The acta's text is read with `etl.extract.extract_text`, the same text the parser gets (for the
PDF, its text layer).
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT
from etl.extract import extract_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_acta  # noqa: E402  (vendored scorer, tests/check_acta.py)

FIXTURES = ROOT / "tests" / "fixtures"
EXPECTED = sorted(FIXTURES.glob("**/t2-*.expected.json"))
FORMATOS = (".txt", ".md", ".pdf", ".docx")


def fold(text):
    text = unicodedata.normalize("NFKD", str(text or ""))
    return " ".join(re.sub(r"[^\w/]+", " ", "".join(c for c in text if not unicodedata.combining(c)).lower()).split())


def acta_de(expected):
    stem = expected.name[: -len(".expected.json")]
    for formato in FORMATOS:
        path = expected.with_name(stem + formato)
        if path.exists():
            return path
    raise AssertionError(f"{expected.name} no tiene acta junto a él")


def near(lines, linea, words, before, after):
    window = fold(" ".join(lines[max(0, linea - 1 - before): linea + after]))
    return [w for w in words if fold(w) not in window]


def test_there_are_five():
    assert len(EXPECTED) == 5


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name)
def test_scores_itself_100(expected):
    exp = json.loads(expected.read_text(encoding="utf-8"))
    score = check_acta.compare(exp, exp)
    assert (score.right, score.extras) == (score.total, 0), score.notes


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name)
def test_lines_say_what_the_fact_says(expected):
    exp = json.loads(expected.read_text(encoding="utf-8"))
    lines = extract_text(acta_de(expected)).split("\n")
    assert 150 <= len(lines) <= 400
    for person in exp["asistentes"]:
        surname = person["nombre"].split()[-2]
        assert not near(lines, person["fuente"]["linea"], [surname], 2, 2), person["nombre"]
    for vote in exp["votaciones"]:
        said = near(lines, vote["fuente"]["linea"], ["vot"], 3, 3)
        said = said and near(lines, vote["fuente"]["linea"], ["unanimidad"], 3, 3)
        assert not said, vote
        for ballot in vote.get("votos", []):
            assert any(p["nombre"] == ballot["nombre"] and p["con_voto"] for p in exp["asistentes"])
    for fix in exp["correcciones"] + exp["correcciones_atendidas"]:
        surname = fix["solicitante"].split()[-2]
        assert not near(lines, fix["fuente"]["linea"], [surname], 2, 2), fix
    estado = {"aprobado": "aprob", "presentado": "present", "rechazado": "rechaz", "retirado": "retir"}
    for doc in exp["documentos"]:
        named = not near(lines, doc["fuente"]["linea"], [doc.get("clave") or doc["tipo"]], 6, 6)
        stated = not near(lines, doc["fuente"]["linea"], [estado[doc["estado"]]], 1, 1) or \
            doc["estado"] == "presentado" and not near(lines, doc["fuente"]["linea"], ["rendido"], 1, 1)
        assert named or stated, doc


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda p: p.name)
def test_votes_add_up(expected):
    exp = json.loads(expected.read_text(encoding="utf-8"))
    for vote in exp["votaciones"]:
        cast = (vote["a_favor"], vote["en_contra"], vote["abstenciones"])
        assert vote["unanimidad"] == (cast[0] > 0 and cast[1:] == (0, 0) or cast[1] > 0 and cast[::2] == (0, 0))
        if "votos" in vote:
            senses = [b["sentido"] for b in vote["votos"]]
            assert cast == (senses.count("a favor"), senses.count("en contra"), senses.count("abstencion"))
        assert vote["resultado"] == ("aprobado" if cast[0] > cast[1] else "rechazado")


def test_pdf_tables_one_cell_per_line():
    """The PDF's roster comes out of the text layer one cell per line, in reading order."""
    pdf = next(FIXTURES.glob("**/t2-*.pdf"))
    lines = extract_text(pdf).split("\n")
    start = lines.index("Nombre")
    assert lines[start:start + 10] == [
        "Nombre", "Cargo", "Representación", "Calidad", "Asistencia",
        "Dra. Ana Cecilia Berumen Llamas", "Asesora Técnica", "No aplica", "No aplica", "Presente"]
    assert sum(1 for line in lines if line.startswith("Página ") or " Página " in line) == 5
