"""Scanned actas (etl/ocr.py): the real acta printed, dirtied and scanned to an image-only PDF is
read by `python -m etl parse` and scored like its text; a photographed page loads through
«Cargar acta»; blank scans, too many pages and too long a reading each get one Spanish sentence.

OCR is slow (seconds a page), so the real acta is scanned and read once per session; the cache
folder is a session temporary one, shared by the CLI runs and the in-process ones.
"""
import hashlib
import json
import os
import subprocess
import sys
import time

import pytest

from bench.escaneos import escanear, escanear_en_blanco, fotografiar
from conftest import ACTAS, ROOT, SHARED

import test_parse_fixtures as fixtures

REAL = "cotaprep-durango-2021-01-28-ordinaria-02"


@pytest.fixture(scope="module", autouse=True)
def cache_ocr(tmp_path_factory):
    """A session's own OCR cache (not data/.cache), seen by subprocesses too; and a time limit
    that a machine busy with other work cannot reach (the limit has its own test)."""
    carpeta = tmp_path_factory.mktemp("cache-ocr")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TABLERO_OCR_CACHE", str(carpeta))
        mp.setenv("TABLERO_OCR_SEGUNDOS", "3600")
        yield carpeta


@pytest.fixture(scope="module")
def escaneo_real(tmp_path_factory):
    """The real acta as an image-only PDF (300 dpi, grain, specks, ±1.5°, a stamp)."""
    lineas = (ACTAS / f"{REAL}.txt").read_text(encoding="utf-8").splitlines()
    destino = tmp_path_factory.mktemp("escaneos") / f"{REAL}.pdf"
    escanear(lineas, destino, semilla=1)
    return destino


@pytest.fixture(scope="module")
def leida_real(escaneo_real):
    """`python -m etl parse` of the scan: (exit status, JSON or None, stderr)."""
    done = subprocess.run([sys.executable, "-m", "etl", "parse", str(escaneo_real)], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    return done.returncode, json.loads(done.stdout) if done.returncode == 0 else None, done.stderr


def _parse_error(path, **env):
    done = subprocess.run([sys.executable, "-m", "etl", "parse", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, env={**os.environ, **env})
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("Error: ") and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr
    return done.stderr.strip()


def test_the_scan_has_no_text_layer(escaneo_real):
    from pypdf import PdfReader

    reader = PdfReader(escaneo_real)
    assert len(reader.pages) >= 6
    assert "".join(page.extract_text() or "" for page in reader.pages).strip() == ""


def test_scanned_real_acta_reads_as_its_text(leida_real):
    """At least 95 % of the real acta's facts, line numbers aside, and no more extras than
    its clean text gives."""
    from etl.parse import parse_acta

    status, hechos, stderr = leida_real
    assert status == 0, stderr
    expected = json.loads((SHARED / "actas" / f"{REAL}.expected.json").read_text(encoding="utf-8"))
    sin_lineas = fixtures._without_fuente(expected)
    limpio = fixtures.check_acta.compare(
        sin_lineas, parse_acta((ACTAS / f"{REAL}.txt").read_text(encoding="utf-8")), None)
    score = fixtures.check_acta.compare(sin_lineas, hechos, None)
    resumen = f"hechos {score.right}/{score.total} · extras {score.extras}\n" + \
        "\n".join(score.notes)
    assert score.right >= 0.95 * score.total, resumen
    assert score.extras <= limpio.extras, resumen


def test_lines_pages_and_confidence_travel_with_the_facts(leida_real):
    _, hechos, _ = leida_real
    ocr = hechos["ocr"]
    assert ocr["paginas"] >= 6 and ocr["motor"].startswith("tesseract")
    paginas = ocr["pagina_de_linea"]
    assert paginas == sorted(paginas) and set(paginas) <= set(range(1, ocr["paginas"] + 1))
    assert all(0 <= c <= 100 for c in ocr["confianza_pagina"].values())
    for asistente in hechos["asistentes"]:
        assert 1 <= asistente["fuente"]["linea"] <= len(paginas)
    for aviso in hechos["avisos"]:
        if "OCR leyó con poca confianza" in aviso["mensaje"]:
            assert f"(página {paginas[aviso['linea'] - 1]})" in aviso["mensaje"]


def test_the_reading_is_cached_by_bytes_and_a_build_reuses_it(escaneo_real, leida_real,
                                                               cache_ocr, tmp_path, monkeypatch):
    from etl import ocr
    from etl.load import build

    sha = hashlib.sha256(escaneo_real.read_bytes()).hexdigest()
    guardado = json.loads((cache_ocr / f"{sha}.json").read_text(encoding="utf-8"))
    assert guardado["texto"].count("\n") + 1 == len(guardado["pagina_de_linea"])
    palabra = guardado["paginas"][0]["lineas"][0]["palabras"][0]
    assert isinstance(palabra[0], str) and 0 <= palabra[1] <= 100

    def sin_tesseract(*args, **kwargs):
        raise AssertionError("OCR again: the cache was not used")

    monkeypatch.setattr(ocr, "_tesseract", sin_tesseract)
    ocr._memoria.clear()                         # from the file, as a later process reads it
    actas = tmp_path / "actas"
    actas.mkdir()
    (actas / escaneo_real.name).write_bytes(escaneo_real.read_bytes())
    report = build(actas, tmp_path / "tablero.duckdb", progress=False)
    assert report.ok and report.loaded == [escaneo_real.name]

    import duckdb
    con = duckdb.connect(str(tmp_path / "tablero.duckdb"), read_only=True)
    formato, texto, paginas = con.execute("SELECT formato, texto, paginas FROM actas").fetchone()
    con.close()
    assert formato == "pdf" and texto == guardado["texto"]
    assert paginas == guardado["pagina_de_linea"]


def test_page_image_of_a_line_for_review(escaneo_real, leida_real):
    from etl import ocr

    _, hechos, _ = leida_real
    linea = hechos["asistentes"][0]["fuente"]["linea"]
    imagen, caja = ocr.page_image_of_line(escaneo_real, linea, dpi=100)
    assert imagen.width == pytest.approx(8.5 * 100, abs=2)
    izquierda, arriba, derecha, abajo = caja
    assert 0 <= izquierda < derecha <= imagen.width and 0 <= arriba < abajo <= imagen.height


def test_blank_scans_get_one_sentence(tmp_path):
    path = escanear_en_blanco(tmp_path / "vacias.pdf", n=2)
    assert _parse_error(path) == ("Error: El archivo vacias.pdf no tiene texto legible: sus 2 "
                                  "páginas parecen en blanco o sin letras; revise que el escaneo sea el del "
                                  "acta.")


def test_too_many_pages_are_refused_before_reading(tmp_path):
    path = escanear_en_blanco(tmp_path / "larga.pdf", n=3)
    assert _parse_error(path, TABLERO_OCR_PAGINAS="2") == (
        "Error: El archivo larga.pdf tiene 3 páginas escaneadas y el límite es 2: divídalo en "
        "partes más pequeñas o súbalo con su capa de texto.")


def test_a_refused_scan_does_not_stop_the_build(tmp_path, monkeypatch):
    """A scan over the page limit is refused before any page is read; the others load."""
    import shutil

    from etl.load import build

    monkeypatch.setenv("TABLERO_OCR_PAGINAS", "2")
    actas = tmp_path / "actas"
    actas.mkdir()
    shutil.copy(ACTAS / f"{REAL}.txt", actas)
    escanear_en_blanco(actas / "larga.pdf", n=3)
    report = build(actas, tmp_path / "tablero.duckdb", progress=False)
    assert report.loaded == [f"{REAL}.txt"]
    assert report.failed == [("larga.pdf", "El archivo larga.pdf tiene 3 páginas escaneadas y el "
                              "límite es 2: divídalo en partes más pequeñas o súbalo con su capa "
                              "de texto.")]


def test_too_long_a_reading_stops_at_its_limit(tmp_path):
    """The issue asks for a time bound: a scan that would take longer is refused near it."""
    lineas = (ROOT / "tests" / "fixtures" / "proceso" /
              "cotaprep-colima-2024-02-21-ordinaria-02.txt").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "lenta.pdf"
    paginas = escanear(lineas, path, semilla=2, dpi=200)
    inicio = time.monotonic()
    mensaje = _parse_error(path, TABLERO_OCR_SEGUNDOS="1",
                           TABLERO_OCR_CACHE=str(tmp_path / "otra-cache"))
    assert time.monotonic() - inicio < 30
    assert mensaje == (f"Error: La lectura por OCR de lenta.pdf pasó del límite de 1 s ({paginas} "
                       "páginas): divídalo en partes más pequeñas o aumente TABLERO_OCR_SEGUNDOS.")


def test_a_damaged_image_gets_one_sentence(tmp_path):
    path = tmp_path / "rota.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 no es una foto")
    assert _parse_error(path) == ("Error: La imagen rota.jpg está dañada o no es una imagen: "
                                  "vuelva a escanearla o a exportarla.")


# --- A photographed page through «Cargar acta» ---------------------------------------------

from test_cargar_page import NUEVA, PROCESO, _abrir, _entrar, _sin_errores, entorno, hash_ana  # noqa: E402,F401


def test_a_photographed_page_loads_through_cargar_acta(entorno, hash_ana, tmp_path):
    from tablero import db, queries

    actas, base, _ = entorno
    foto = fotografiar((PROCESO / NUEVA).read_text(encoding="utf-8").splitlines(),
                       tmp_path / "acta-colima.jpg", semilla=3)
    at = _entrar(_abrir("cargar.py", hash_ana))
    at.file_uploader[0].upload(foto.name, foto.read_bytes(), "image/jpeg")
    at.run(timeout=300)
    _sin_errores(at)
    assert not at.error, at.error[0].value
    assert at.subheader[0].value == f"Lo que se leyó de {foto.name}"
    assert any("extraordinaria" in m.value.lower() for m in at.markdown)
    at.button(key="carga-aceptar").click()
    at.run(timeout=300)
    _sin_errores(at)
    assert at.success[0].value == f"{foto.name} se guardó en la carpeta de actas y la base se " \
                                  "reconstruyó."
    with db.connect_readonly(base) as con:
        assert len(queries.sesiones(con)) == 5
        assert con.execute("SELECT formato FROM actas WHERE archivo = ?",
                           [foto.name]).fetchone() == ("jpg",)


# --- Cleaning the raw OCR lines (pure: no Tesseract) -----------------------------------------

def _linea(y, *palabras, alto=30):
    """A raw OCR line at height y: each word as its text, or (text, left, confidence) with left
    None for «a space after the previous word»; 18 px a letter, confidence 95 by default."""
    filas, fin = [], 188
    for p in palabras:
        texto, izquierda, confianza = (p, None, 95) if isinstance(p, str) else p
        izquierda = fin + 12 if izquierda is None else izquierda
        filas.append([texto, confianza, izquierda, y, 18 * len(texto), alto])
        fin = izquierda + 18 * len(texto)
    return {"palabras": filas, "caja": [filas[0][2], y, filas[-1][2] + filas[-1][4], y + alto]}


def _pagina(n, *lineas):
    return {"pagina": n, "ancho": 2550, "alto": 3300, "lineas": list(lineas)}


def test_cleaning_keeps_columns_paragraphs_and_pages_and_drops_the_noise():
    from etl.ocr import limpiar

    encabezado = "COMITÉ", "TÉCNICO", "ASESOR"
    paginas = [
        _pagina(1, _linea(100, *encabezado),
                _linea(160, "Se", "aprobó", "la", "convo-"),
                _linea(220, "catoria", "por", "unanimidad."),
                _linea(340, "DRA.", "ANA", "PÉREZ", ("ASESORA", 1400, 95)),
                _linea(400, ("|", 2400, 20), ("°", 2450, 10)),                # specks
                _linea(3100, ("Página", 2000, 95), "1", "de", "2")),
        _pagina(2, _linea(100, *encabezado),
                _linea(160, ("Ña", 50, 12), ("Siguiente", 200, 95), "punto."),
                _linea(220, "Gracias."),
                _linea(3100, ("2", 1270, 95))),
    ]
    texto, pagina_de_linea, _ = limpiar(paginas)
    assert texto.split("\n") == [
        "COMITÉ TÉCNICO ASESOR",
        "Se aprobó la convocatoria",
        "por unanimidad.",
        "",
        "DRA. ANA PÉREZ\tASESORA",
        "Siguiente punto.",
        "Gracias.",
    ]
    assert pagina_de_linea == [1, 1, 1, 1, 1, 2, 2]


def test_document_keys_agree_and_capitals_lose_their_slips():
    from etl.ocr import limpiar

    paginas = [_pagina(1,
                       _linea(100, "Dictamen", ("JEPC/UTC/PREP/DICT/001/2021,", None, 70)),
                       _linea(160, "el", ("IEPC/UTC/PREP/DlCT/001/2021", None, 45)),
                       _linea(220, ("IEPC/UTC/PREP/DICT/001/2021.", None, 93)),
                       _linea(280, "DEL", "P.R.l.", "-", "Á", "favor."),
                       _linea(340, ("IEPC/CG13/2020", None, 60), ("IEPC/CG14/2020", None, 96)))]
    assert limpiar(paginas)[0].split("\n") == [
        "Dictamen IEPC/UTC/PREP/DICT/001/2021,", "el IEPC/UTC/PREP/DICT/001/2021",
        "IEPC/UTC/PREP/DICT/001/2021.", "DEL P.R.I. - A favor.", "IEPC/CG13/2020 IEPC/CG14/2020"]


def test_agenda_numbers_garbled_by_ocr_are_read_back():
    from etl.ocr import limpiar

    renglones = [["1.", "Lista"], ["ll,", "Lectura"], ["!ll.", "Acta"], ["V,", "Dictamen"],
                 ["9,", "Asuntos"], ["En", "el", "punto", "!ll,", "antes"], ["EI", "orden"]]
    paginas = [_pagina(1, *(_linea(100 + 60 * i, *r) for i, r in enumerate(renglones)))]
    assert limpiar(paginas)[0].split("\n") == [
        "I. Lista", "II. Lectura", "III. Acta", "V. Dictamen", "9. Asuntos",
        "En el punto III, antes", "El orden"]
