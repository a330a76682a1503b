"""Corrections in one line and votes that name their object (etl/descripcion.py), on the real acta
and on the phrasings other secretaries use."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from etl.descripcion import asunto_de_omision, describir

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "actas" / "cotaprep-durango-2021-01-28-ordinaria-02.txt"


@pytest.fixture(scope="module")
def real():
    salida = subprocess.run([sys.executable, "-m", "etl", "parse", str(REAL)], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return json.loads(salida.stdout)


def test_las_tres_correcciones_del_acta_real_en_una_linea(real):
    descripciones = {c["fuente"]["linea"]: c["descripcion"] for c in real["correcciones"]}
    assert descripciones == {
        166: "antecedentes 9 y 27: «ayuntamientos» por «distritos»; ortografía en la página 10",
        227: "numeración de los incisos en la página 6, numeral 10",
        246: "quitar la leyenda «se anexa la síntesis curricular» en la página 11",
    }
    assert all(len(d) < 160 for d in descripciones.values())


def test_ninguna_votacion_del_acta_real_es_una_propuesta_sin_objeto(real):
    asuntos = [v["asunto"] for v in real["votaciones"]]
    for vago in ("La propuesta", "Omitir la lectura", "Las propuestas realizadas"):
        assert not any(a.startswith(vago) for a in asuntos), asuntos
    assert ("Omisión de la lectura del Dictamen IEPC/UTC/PREP/DICT/001/2021" in asuntos)
    assert ("Corrección al Dictamen IEPC/UTC/PREP/DICT/001/2021: numeración de los incisos en la "
            "página 6, numeral 10") in asuntos
    omision_informe = next(a for a in asuntos if a.startswith("Omisión de la lectura del Informe"))
    assert omision_informe.endswith("noviembre y diciembre")


@pytest.mark.parametrize("texto, esperado", [
    ('Solo para pedir que en la página 4 del proyecto de acta se corrija mi intervención: dice '
     '"tres simulacros" y debe decir "tres simulacros y un ejercicio de captura".',
     "página 4: «tres simulacros» por «tres simulacros y un ejercicio de captura»"),
    ('El Dr. Ernesto Favela solicita que en el apartado de conclusiones del Dictamen '
     'DICT/COTAPREP/05/2018 se sustituya la expresión "versión móvil" por "sitio adaptable", y que '
     'se elimine la tabla 4 por duplicar la información de la tabla 2.',
     "apartado de conclusiones: «versión móvil» por «sitio adaptable»; eliminar la tabla 4 por "
     "duplicar la información de la tabla 2"),
    ("Nancy Rocío Vilchis Estrada pidió corregir la hora de clausura, que aparece como 13:40 cuando "
     "la sesión concluyó a las 14:10 horas", "corregir la hora de clausura"),
    ("Francisco Encinas solicitó modificar el anexo 2 del Dictamen para que el CATD de San Luis Río "
     "Colorado se traslade a las instalaciones del consejo municipal", "modificar el anexo 2 del Dictamen"),
    ("El C. Rodolfo Hernández Bautista solicitó que el informe incluya el costo de cada simulacro; el "
     "Secretario Técnico señaló que no es procedente", "incluir el costo de cada simulacro"),
])
def test_otras_redacciones(texto, esperado):
    assert describir(texto) == esperado


def test_sin_cambio_reconocible_no_inventa_nada():
    assert describir("Gracias, Presidenta; me sumo a lo dicho por mis colegas.") is None


def test_omitir_la_lectura_dice_de_que():
    assert asunto_de_omision("Omitir la lectura", "Dictamen X/1/2021") == \
        "Omisión de la lectura del Dictamen X/1/2021"
    assert asunto_de_omision("Omitir la lectura del Acta de la sesión 3", "Acta") == \
        "Omisión de la lectura del Acta de la sesión 3"
    assert asunto_de_omision("El orden del día", "Acta") is None


def _patrones_con_palabras():
    """Each pattern searched only after its word test, with the words every match of it holds,
    and whether every match opens with one of them (then it is searched from the first)."""
    from etl import descripcion as d
    yield from zip(d.REEMPLAZOS, d.PALABRAS_DE_REEMPLAZO, d.REEMPLAZOS_QUE_ABREN_CON_SU_PALABRA)
    yield d.LEYENDA, ("leyenda",), False
    yield d.NUMERACION, d.NUMERACION_PALABRAS, False
    yield d.ORTOGRAFIA, ("ortograf",), False
    for tipo, patron in d.LUGARES:
        yield patron, d.PALABRAS_DE_LUGAR[tipo], tipo in d.LUGARES_QUE_ABREN_CON_SU_PALABRA


def _textos_de_actas():
    """Every text acta the project keeps (fixtures and data/actas), read whole."""
    return [p.read_text(encoding="utf-8", errors="replace")
            for p in sorted([*(ROOT / "tests" / "fixtures").rglob("*.txt"), *(ROOT / "data" / "actas").glob("*.txt")])]


def test_cada_coincidencia_contiene_una_de_las_palabras_que_se_prueban_antes():
    """The word test before each pattern (etl/descripcion.py, `_puede`) never skips a passage the
    pattern matches: every match, on every acta the project keeps and on phrasings in capitals and
    with accents, holds one of its words."""
    from etl.descripcion import _llano, _puede
    textos = _textos_de_actas()
    textos += ["EN LA PÁGINA 10, CAPÍTULO III, SECCIÓN 2, GRÁFICA DOS, CUADRO 4, ANEXO 2, NUMERAL 3.1, "
               "CONSIDERANDO IV, ANTECEDENTES 9 Y 27, EN EL INCISO B), ERRORES DE ORTOGRAFÍA; DICE \"A\" Y DEBE "
               "DECIR \"B\"; SUSTITUIR \"X\" POR \"Y\"; EL TÉRMINO ayuntamientos POR distritos; QUITAR LA LEYENDA "
               "QUE DICE ANEXO; LA NUMERACIÓN DE LOS PÁRRAFOS"]
    vistos = 0
    for patron, palabras, abre in _patrones_con_palabras():
        for texto in textos:
            for m in patron.finditer(texto):
                vistos += 1
                assert _puede(palabras, m.group(0).lower()), (patron.pattern[:40], m.group(0))
                if abre:
                    assert m.group(0).lower().startswith(palabras), (patron.pattern[:40], m.group(0))
    assert vistos > 100


def test_sin_minusculas_fiables_se_busca_siempre():
    """«ı», «ſ» and «İ» match ASCII letters in `re` with IGNORECASE but not after `str.lower`: with
    one of them in the passage no pattern is skipped."""
    from etl.descripcion import _llano, lugares_en
    assert _llano("En la PÁGINA 10") == "en la página 10"
    assert _llano("en la pagına 10") is None
    assert [l.texto() for l in lugares_en("en la pagına 10")] == ["la página 10"]


def test_la_mirada_adelante_sale_de_la_sintaxis_del_patron():
    """`_con_iniciales` reads the characters a pattern's matches open with (optional groups let the
    next item open them) and leaves the pattern alone when its syntax does not tell."""
    import re

    from etl.descripcion import _con_iniciales
    assert _con_iniciales(re.compile(r"\b(?:quitar|se\s+quite)\s+leyenda", re.I)).pattern == \
        r"(?=[qs])(?:\b(?:quitar|se\s+quite)\s+leyenda)"
    assert _con_iniciales(re.compile(r"(de )?x|[yz]")).pattern == r"(?=[dxyz])(?:(de )?x|[yz])"
    for opaco in (r"\w+ por", r"(a)?", r"[^a]b", r"[a-z]b"):
        assert _con_iniciales(re.compile(opaco)).pattern == opaco


def test_buscar_en_minusculas_da_las_mismas_coincidencias():
    """The patterns searched case-sensitively in the passage in lower case (`EN_MINUSCULAS`,
    `_encontrar`) give the matches of the pattern itself, same places and groups, on every acta
    the project keeps, on phrasings in capitals and with accents, and on random mixes of their
    words; patterns naming a capital letter or a letter range keep IGNORECASE."""
    import random
    import re

    from etl import descripcion as d
    textos = _textos_de_actas()
    textos += ["EN LA PÁGINA 10, GRÁFICA DOS, CUADRO 4, NUMERAL 3.1, ANTECEDENTES 9 Y 27, ERRORES DE ORTOGRAFÍA; "
               "DICE \"A\" Y DEBE DECIR \"B\"; SUSTITUIR \"X\" POR \"Y\"; EL TÉRMINO Ayuntamientos POR Distritos; "
               "QUITAR LA LEYENDA QUE DICE ANEXO; LA NUMERACIÓN DE LOS PÁRRAFOS; SE CORRIJA LA HORA; Se Agregue "
               "la visita; pagına 3 y errores de ortografıa"]
    azar = random.Random(7)
    piezas = ("se ", "Se ", "SE ", "corrija ", "AGREGUE ", "la ", "página ", "Página ", "10 ", "«x» ", "por ", "«y» ",
              "errores ", "de ", "ORTOGRAFÍA", "numeral ", "2.1", ", ", ". ", "; ", "palabra ", "ı", "İ", "ſ", "K")
    textos += ["".join(azar.choice(piezas) for _ in range(40)) for _ in range(300)]
    vistos = 0
    for patron in d.EN_MINUSCULAS:
        for texto in textos:
            esperado = [(m.span(), m.groups()) for m in patron.finditer(texto)]
            assert [(m.span(), m.groups()) for m in d._encontrar(patron, texto, d._llano(texto))] == esperado
            vistos += len(esperado)
    assert vistos > 100
    assert all(d.EN_MINUSCULAS.get(p) for p in (d.ACCION, d.ORTOGRAFIA, d.LLAMADO))
    for con_mayusculas in (r"anexo\s+([A-Z])", r"[IVX]+", r"(?-i:p)agina", r"(a)\1"):
        assert d._en_minusculas(re.compile(con_mayusculas, re.I)) is None
    assert d._en_minusculas(re.compile(r"p[aá]gina\s+[\wÁ]+", re.I)) is not None
