"""One vocabulary (etl/vocabulario.py) for the parser, the loader and the pages: one fold, one
list of titles, one document-key pattern. Issue 10, item 2."""
from pathlib import Path

import pytest

from etl.load import DocumentFinder, persona_clave
from etl.personas import canonical_grado
from etl.vocabulario import CLAVE_DOCUMENTO_RE, GRADOS, fold
from tablero.genero import genero

ROOT = Path(__file__).resolve().parents[1]


def _fuentes():
    for carpeta in ("etl", "tablero", "paginas"):
        yield from sorted((ROOT / carpeta).rglob("*.py"))
    yield ROOT / "dashboard.py"


def test_un_solo_plegado_de_acentos():
    """No module folds accents its own way: they all call etl.vocabulario.fold."""
    propios = [str(f.relative_to(ROOT)) for f in _fuentes()
               if f.name != "vocabulario.py" and any(f'normalize("{forma}"' in f.read_text(encoding="utf-8")
                                                      for forma in ("NFD", "NFKD"))]
    assert propios == []


@pytest.mark.parametrize("grado", sorted(set(GRADOS.values())))
def test_la_clave_de_una_persona_quita_cada_grado_del_parser(grado):
    assert persona_clave(f"{grado} José Ruiz Núñez") == "jose ruiz nunez"
    assert persona_clave(f"{grado.upper()} JOSÉ RUIZ NÚÑEZ") == "jose ruiz nunez"


def test_la_clave_de_una_persona_sin_grado():
    assert persona_clave("Carlos Cruz") == "carlos cruz"          # «C» of Carlos is not «C.»
    assert persona_clave("Licenciada Inés Díaz") == "ines diaz"


@pytest.mark.parametrize("clave", ["CTA-PREP/DIC/02/2018", "IEPC/UTC/PREP/DICT/001/2021",
                                   "COTAPREP/DICT/01/2024", "CMIRA/012/2024"])
def test_el_cargador_reconoce_las_claves_que_lee_el_parser(clave):
    assert CLAVE_DOCUMENTO_RE.search(f"el dictamen {clave}, relativo").group(0) == clave
    finder = DocumentFinder([(7, clave, "Dictamen de prueba"), (8, "OTRO/DOC/01/2020", "Otro")])
    assert finder.find(f"corregir el considerando IV del {clave.lower()}.") == 7


def test_el_genero_de_un_grado_es_el_del_vocabulario():
    assert genero("Ruiz Soto", "Dña.", None) == "f"
    assert genero("Ruiz Soto", "Mtra.", None) == "f"
    assert genero("Ruiz Soto", "Dr.", None) == "m"
    assert genero("Ruiz Soto", canonical_grado("Arquitecta"), None) is None   # «Arq.» says no gender
    assert fold("Ñuñoa ÁRBOL") == "nunoa arbol"


def _fold_long_way(text):
    """fold as it was written before text of the first 256 characters went byte by byte."""
    import re
    import unicodedata
    spanish = tuple(zip("áéíóúüñàèìòùÁÉÍÓÚÜÑÀÈÌÒÙ", "aeiouunaeiouAEIOUUNAEIOU"))
    text = text or ""
    folded = text.lower()
    if folded.isascii():
        return folded
    for accented, plain in spanish[:12]:
        folded = folded.replace(accented, plain)
    if folded.isascii():
        return folded
    for accented, plain in spanish:
        text = text.replace(accented, plain)
    return re.sub(r"[^\x00-\x7f]+", lambda run: "".join(c for c in run.group() if not unicodedata.combining(c)),
                  unicodedata.normalize("NFKD", text)).lower()


def test_plegar_byte_a_byte_es_plegar_letra_a_letra():
    """fold's one pass over a Latin-1 text gives what lowering and replacing gave, on every line
    of the actas, on each of the first 12 288 characters and on random mixtures."""
    import random

    from bench.instantanea import actas
    texts = [chr(code) for code in range(0x3000)] + [None, ""]
    for ruta in actas():
        texts += ruta.read_text(encoding="utf-8", errors="replace").split("\n")
    rng = random.Random(5)
    alphabet = "aAáÁéÉñÑüÜºª¿¡«»ÇçßÿµİıſK—“”é\u0301ÂÀàèìòùÈÌÒÙ xyz.,Σς"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    for text in texts:
        assert fold.__wrapped__(text) == _fold_long_way(text), repr(text)
