"""Issue 15: the hostile inputs that took the server down, made here, each refused within its limit
in one Spanish sentence (tablero/sql.py, etl/aislado.py, etl/lectura.py, etl/extract.py,
tablero/cuentas.py, etl/load.py). Time bounds are the limits themselves plus a margin for a busy
machine; memory is the peak the child process reported or that was read from /proc before it was
killed."""
import io
import os
import re
import time
import zipfile
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from etl import lectura
from etl.load import build, remove_stale
from tablero import carga, cuentas
from tablero.almacen import Almacen
from tablero.sql import LIMITE_BYTES, LIMITE_MEMORIA_MB, Consola, ConsultaError

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "actas" / "cotaprep-durango-2021-01-28-ordinaria-02.txt"
MARGEN = 5                                     # seconds, for a machine shared with other work
MEMORIA_KB = (LIMITE_MEMORIA_MB + 300) * 1024  # the limit plus what the child holds at the fork
TIEMPO = "La consulta superó el límite de {} segundos y fue interrumpida."
MEMORIA = re.compile(r"^La consulta necesitó más memoria de la permitida")
ARCHIVOS = "La consulta intenta leer archivos del servidor, lo cual no está permitido."


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    path = tmp_path_factory.mktemp("limites") / "tablero.duckdb"
    con = duckdb.connect(str(path))
    con.execute((ROOT / "etl" / "schema.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO partidos VALUES ('PAN', 'Partido Acción Nacional', '#0059b3', 'nacional', true)")
    con.execute("INSERT INTO actas (acta_id, archivo, sha256, formato, bytes, texto, cargada_en) "
                "VALUES (1, 'a.txt', 'abc', 'txt', 10, 'texto', now())")
    con.execute("INSERT INTO sesiones (sesion_id, acta_id, organo, instituto, proceso, tipo, "
                "numero, fecha, hora_inicio, hora_fin, duracion_min, modalidad, lugar, quorum) "
                "VALUES (1, 1, 'COTAPREP', 'IEPC', 'PEL 2020-2021', 'ordinaria', 2,"
                " DATE '2021-01-28', '17:00', '18:25', 85, 'virtual', 'Durango', true)")
    con.close()
    return path


def refused(consola, sql):
    started = time.monotonic()
    with pytest.raises(ConsultaError) as error:
        consola.run(sql)
    return str(error.value), time.monotonic() - started, error.value.pico_kb


# -- 1. The time limit holds inside one function call --------------------------------------------

def test_one_long_function_call_is_killed_at_the_limit(base):
    """`levenshtein` of two 200,000-character strings is one call: it ran 82 s past a 10 s limit."""
    with Consola(base) as consola:
        frase, segundos, pico = refused(
            consola, "SELECT levenshtein(repeat('a', 200000), repeat('b', 200000))")
    assert frase == TIEMPO.format(10)
    assert 9 < segundos < 10 + MARGEN
    assert pico < MEMORIA_KB


def test_a_two_gigabyte_string_is_refused(base):
    with Consola(base) as consola:
        frase, segundos, pico = refused(consola, "SELECT length(repeat('x', 2000000000))")
    assert MEMORIA.match(frase), frase
    assert segundos < 10 + MARGEN
    assert pico < MEMORIA_KB


# -- 2. Memory and the result cap ----------------------------------------------------------------

def test_three_hundred_million_rows_do_not_pass_the_memory_limit(base):
    with Consola(base) as consola:
        try:
            resultado = consola.run("SELECT unnest(range(0, 300000000))")
        except ConsultaError as error:
            assert MEMORIA.match(str(error)) or str(error) == TIEMPO.format(10), str(error)
            pico = error.pico_kb
        else:
            assert resultado.incompleto and resultado.filas <= 1_000_000
            pico = resultado.pico_kb
    assert pico < MEMORIA_KB


def test_two_gigabytes_of_text_are_cut_or_refused_and_the_page_keeps_little(base):
    """`repeat('x', 1000000) FROM range(2000)` kept 1.9 GB in the server for ten minutes."""
    with Consola(base) as consola:
        try:
            resultado = consola.run("SELECT repeat('x', 1000000) AS texto FROM range(2000)")
        except ConsultaError as error:
            assert MEMORIA.match(str(error)), str(error)
            assert error.pico_kb < MEMORIA_KB
        else:
            assert resultado.incompleto
            assert resultado.tabla.nbytes < LIMITE_BYTES + 256 * 2**20
            assert resultado.pico_kb < MEMORIA_KB


def test_no_english_message_from_the_arrow_stream(base):
    """Three hundred 10 MB texts: one Arrow batch of them passes 2 GB, which ended in DuckDB's
    English «Arrow Appender» message."""
    with Consola(base) as consola:
        try:
            resultado = consola.run("SELECT repeat('x', 10000000) AS texto FROM range(300)")
        except ConsultaError as error:
            assert MEMORIA.match(str(error)), str(error)
        else:
            assert resultado.incompleto


# -- 3. The database file's bytes and the server's paths -----------------------------------------

@pytest.mark.parametrize("como", ["absoluta", "relativa", "con ..", "glob"])
def test_the_attached_file_cannot_be_read_as_bytes(base, como):
    ruta = {"absoluta": str(base), "relativa": base.name, "con ..": f"../{base.parent.name}/{base.name}",
            "glob": str(base)}[como]
    sql = (f"SELECT * FROM glob('{ruta}')" if como == "glob"
           else f"SELECT octet_length(content) FROM read_blob('{ruta}')")
    with Consola(base) as consola:
        assert refused(consola, sql)[0] == ARCHIVOS
        assert refused(consola, "SELECT * FROM glob('*')")[0] == ARCHIVOS


def test_settings_and_catalog_show_no_server_path(base):
    with Consola(base) as consola:
        textos = []
        for sql in ["SELECT * FROM duckdb_settings()", "SELECT * FROM duckdb_databases()",
                    "SELECT * FROM pragma_database_list", "SELECT current_setting('allowed_paths')",
                    "SELECT current_setting('home_directory'), current_setting('secret_directory')"]:
            textos.append(consola.run(sql).df.to_csv())
    todo = "\n".join(textos)
    assert str(base.parent) not in todo
    assert str(Path.home()) not in todo or str(Path.home()) == "/"
    assert "/root" not in todo


# -- 4. A link waits for a click; errors are plain text ------------------------------------------

def test_a_link_does_not_run_and_an_error_shows_no_link(monkeypatch, base):
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("TABLERO_DB", str(base))
    trampa = 'SELECT * FROM "[Inicie sesión aquí](https://ejemplo.invalid/entrar)"'
    at = AppTest.from_file(str(ROOT / "paginas" / "consultas.py"), default_timeout=30)
    at.query_params["sql"] = trampa
    at.run()
    assert not at.exception and not at.error            # nothing ran on opening the link
    next(b for b in at.button if b.label == "Ejecutar").click()
    at.run()
    assert not at.exception
    [error] = [e.value for e in at.error]
    assert "](" not in error and "\\[Inicie" in error   # Markdown shows the brackets, no link
    assert re.sub(r"\\(.)", r"\1", error).startswith(
        "No existe la tabla o vista «[Inicie sesión aquí](https://ejemplo.invalid/entrar)»")
    st.cache_data.clear()
    st.cache_resource.clear()


def test_duplicate_column_names_are_suffixed(base):
    """Issue 16 item 5: `SELECT * FROM votaciones v JOIN sesiones s ON …` ended in a traceback."""
    with Consola(base) as consola:
        resultado = consola.run("SELECT * FROM partidos a JOIN partidos b ON a.partido = b.partido")
    columnas = list(resultado.df.columns)
    assert columnas[:5] == ["partido", "nombre", "color", "ambito", "en_catalogo"]
    assert columnas[5:] == ["partido_2", "nombre_2", "color_2", "ambito_2", "en_catalogo_2"]
    assert resultado.mostrado()["nombre_2"][0] == "Partido Acción Nacional"


# -- 5. Hostile .docx files, in the reader worker ------------------------------------------------

def _docx(documento, extra=()):
    """A minimal .docx whose word/document.xml is `documento` (bytes or an iterable of chunks)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            for chunk in ([documento] if isinstance(documento, bytes) else documento):
                member.write(chunk)
        for nombre, datos in extra:
            zf.writestr(nombre, datos)
    return buffer.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
    'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _lectura(tmp_path, nombre, datos):
    ruta = tmp_path / nombre
    ruta.write_bytes(datos)
    started = time.monotonic()
    [(texto, motivo, _)] = lectura.read_files([ruta])
    return texto, motivo, time.monotonic() - started


def test_three_hundred_megabytes_of_paragraphs_are_refused_before_inflating(tmp_path):
    parrafo = f"<w:p><w:r><w:t>{'Se aprueba por unanimidad. ' * 40}</w:t></w:r></w:p>".encode()
    cuerpo = (parrafo for _ in range(300 * 2**20 // len(parrafo)))
    datos = _docx(itertools_chain(f"<w:document {W}><w:body>".encode(), cuerpo, b"</w:body></w:document>"))
    assert len(datos) < 2 * 2**20
    texto, motivo, segundos = _lectura(tmp_path, "parrafos.docx", datos)
    assert texto is None
    assert motivo.startswith("El documento parrafos.docx declara 300 MB sin comprimir en una parte "
                             "(word/document.xml) y el límite es 25 MB: no se abrió;"), motivo
    assert segundos < 10 + MARGEN
    assert lectura.pico_kb < 400 * 1024      # nothing was inflated (it grew past 5.4 GB)


def itertools_chain(*partes):
    for parte in partes:
        yield from ([parte] if isinstance(parte, bytes) else parte)


def test_a_zip_bomb_is_refused_from_its_declared_size(tmp_path):
    ceros = (bytes(2**20) for _ in range(200))
    datos = _docx(f"<w:document {W}><w:body/></w:document>".encode(),
                  extra=[("word/media/imagen.bin", b"".join(ceros))])
    assert len(datos) < 2 * 2**20
    texto, motivo, segundos = _lectura(tmp_path, "bomba.docx", datos)
    assert texto is None
    assert motivo.startswith("El documento bomba.docx declara 200 MB sin comprimir en una parte "
                             "(word/media/imagen.bin)"), motivo
    assert segundos < 10 + MARGEN
    assert lectura.pico_kb < 400 * 1024


def test_a_member_that_lies_about_its_size_is_damaged_not_inflated(tmp_path):
    """50 MB of paragraphs declared as 1 KB: zipfile stops at the declared size and the CRC fails."""
    parrafo = "<w:p><w:r><w:t>Se aprueba por unanimidad.</w:t></w:r></w:p>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/document.xml", f"<w:document {W}><w:body>"
                    + parrafo * (50 * 2**20 // len(parrafo)) + "</w:body></w:document>")
    datos = bytearray(buffer.getvalue())
    central = datos.find(b"word/document.xml", datos.find(b"PK\x01\x02")) - 46   # its entry
    assert datos[central + 46:central + 46 + 17] == b"word/document.xml"
    datos[central + 24:central + 28] = (1024).to_bytes(4, "little")     # «uncompressed size»
    texto, motivo, _ = _lectura(tmp_path, "miente.docx", bytes(datos))
    assert texto is None
    assert motivo == ("El documento miente.docx está dañado o no es un .docx: ábralo y guárdelo de "
                      "nuevo como .docx.")
    assert lectura.pico_kb < 400 * 1024


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
              for i in range(1, 10))
    + f']><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
XXE = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')
DTD = ("El documento {} contiene definiciones de entidades XML (DTD), que Word nunca escribe: no se "
       "abrió por seguridad; ábralo y guárdelo de nuevo como .docx.")


@pytest.mark.parametrize("nombre, xml", [("risas.docx", BILLION_LAUGHS), ("xxe.docx", XXE)])
def test_entities_in_a_docx_are_refused(tmp_path, nombre, xml):
    texto, motivo, segundos = _lectura(tmp_path, nombre, _docx(xml.encode()))
    assert texto is None
    assert motivo == DTD.format(nombre)
    assert segundos < 10 + MARGEN


def test_the_upload_reads_in_the_worker_and_says_one_sentence(tmp_path):
    with pytest.raises(carga.CargaError.__mro__[1]) as error:     # TableroError
        carga.leer("risas.docx", _docx(BILLION_LAUGHS.encode()), actas=tmp_path)
    assert str(error.value) == DTD.format("risas.docx")


def test_a_file_name_of_three_hundred_characters(tmp_path):
    nombre = "a" * 296 + ".txt"
    lectura_ = carga.leer(nombre, REAL.read_bytes(), actas=tmp_path)
    assert lectura_.nombre.endswith(".txt") and len(lectura_.nombre.encode()) <= 150
    assert lectura_.hechos["sesion"]["fecha"] == "2021-01-28"


def test_an_upload_past_the_size_limit_is_refused_before_reading(tmp_path):
    datos = REAL.read_bytes() * (lectura.LIMITE_MB * 2**20 // len(REAL.read_bytes()) + 1)
    with pytest.raises(Exception) as error:
        carga.leer("enorme.txt", datos, actas=tmp_path)
    assert str(error.value).startswith(f"El archivo enorme.txt pesa {len(datos) / 2**20:.1f} MB y el "
                                       f"límite es {lectura.LIMITE_MB} MB por acta: no se leyó;")


# -- 6. Reading is linear, and a file that takes too long is stopped -----------------------------

def _acta_de(mb):
    texto = REAL.read_text(encoding="utf-8")
    return texto * (int(mb * 2**20) // len(texto.encode()) + 1)


def _parse_times(*sizes):
    """Processor time of this process to parse an acta of each size in MB (the wall clock of a
    shared machine measures the other jobs)."""
    from etl.parse import parse_acta
    from etl.partidos import load_catalogo

    catalogo = load_catalogo()
    parse_acta(REAL.read_text(encoding="utf-8"), catalogo)       # patterns compiled, caches warm
    tiempos = {}
    for mb in sizes:
        texto = _acta_de(mb)
        started = time.process_time()
        parse_acta(texto, catalogo)
        tiempos[mb] = time.process_time() - started
    print("lectura:", ", ".join(f"{mb} MB {t:.2f} s" for mb, t in tiempos.items()))
    return tiempos


@pytest.fixture(scope="module")
def tiempos():
    return _parse_times(1, 4)


def test_reading_is_linear(tiempos):
    """A 4 MB acta in at most 5× the time of a 1 MB acta (it was 12×: 8 s and 97 s)."""
    assert tiempos[4] <= 5 * tiempos[1]


def test_a_megabyte_reads_in_under_two_seconds(tiempos):
    """Processor time, so the other jobs of a shared machine count less. 0.31-0.37 s on 1 December
    2026 after issue 10's fifth speed round (0.47 s before it, 0.85 s measured in a slower hour,
    1.46-2.03 s before the third); the bound is issue 15's."""
    assert tiempos[1] < 2


def test_a_file_past_its_time_is_stopped_and_the_rest_loads(tmp_path):
    # 4 MB took 1.5 s of processor after issue 10's fifth speed round (1 December 2026), inside
    # the 1-2 s the kernel grants for «1 second», and the file was read; 12 MB take about 4.5 s:
    # past the limit with room for a faster parser, well under the 50 MB per file.
    lento = tmp_path / "lento.txt"
    lento.write_text(_acta_de(12), encoding="utf-8")
    started = time.monotonic()
    resultados = lectura.read_files([lento, REAL], segundos=1)
    assert time.monotonic() - started < 1 + 5 + MARGEN
    assert resultados[0] == (None, "La lectura de lento.txt superó el límite de 1 segundo y se "
                                   "detuvo: revise que sea un acta y no un archivo enorme o dañado "
                                   "(o suba TABLERO_ACTA_SEGUNDOS).", None)
    assert resultados[1][1]["sesion"]["fecha"] == "2021-01-28"


def test_a_worker_past_its_memory_is_replaced(tmp_path, monkeypatch):
    monkeypatch.setattr(lectura, "LIMITE_MEMORIA_MB", 64)
    grande = tmp_path / "grande.txt"
    grande.write_bytes(b"Acta de la sesi\xc3\xb3n ordinaria.\r\n" * (45 * 2**20 // 34))   # 45 MB
    resultados = lectura.read_files([grande, REAL])
    assert resultados[0] == (None, "La lectura de grande.txt necesitó más de 64 MB de memoria y se "
                                   "detuvo: revise que sea un acta y no un archivo enorme o dañado "
                                   "(o suba TABLERO_LECTOR_MEMORIA_MB).", None)
    assert resultados[1][1]["sesion"]["fecha"] == "2021-01-28"


# -- «Revisar acta» parses in the worker too ------------------------------------------------------

HOSTIL = "hostil.txt"


@pytest.fixture
def revision_hostil(tmp_path, monkeypatch):
    """The real acta and a second one whose text in the database is the real one repeated to
    8 MB (as if the database had been built under looser limits): its review is refused in the
    worker, the real acta reviews."""
    st.cache_data.clear()
    st.cache_resource.clear()
    actas = tmp_path / "actas"
    actas.mkdir()
    (actas / REAL.name).write_bytes(REAL.read_bytes())
    (actas / HOSTIL).write_bytes(REAL.read_bytes() + b"\n")
    base = tmp_path / "tablero.duckdb"
    assert build(actas, base, progress=False).ok
    with duckdb.connect(str(base)) as con:
        con.execute("UPDATE actas SET texto = ? WHERE archivo = ?", [_acta_de(8), HOSTIL])
    monkeypatch.setenv("TABLERO_ACTAS", str(actas))
    monkeypatch.setenv("TABLERO_DB", str(base))
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(tmp_path / "seguimiento"))
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def _revisar(archivo):
    at = AppTest.from_file(str(ROOT / "paginas" / "revisar.py"), default_timeout=60)
    at.query_params["acta"] = archivo
    started = time.monotonic()
    at.run()
    assert not at.exception
    assert "Traceback" not in " ".join(str(e.value) for e in [*at.error, *at.markdown, *at.code])
    return at, time.monotonic() - started


def _sin_escapes(texto):
    return re.sub(r"\\(.)", r"\1", texto)


def test_the_review_of_a_text_past_the_size_limit_is_refused(revision_hostil, monkeypatch):
    monkeypatch.setattr(lectura, "LIMITE_MB", 5)
    at, _ = _revisar(HOSTIL)
    assert [_sin_escapes(e.value) for e in at.error] == [
        f"Error: El archivo {HOSTIL} pesa 8.0 MB y el límite es 5 MB por acta: no se leyó; "
        "guárdelo sin imágenes o divídalo (o suba TABLERO_ACTA_MB)."]
    assert not at.code                    # no half-read review under the error


def test_the_review_of_a_text_past_its_time_stops_in_the_worker(revision_hostil, monkeypatch):
    monkeypatch.setattr(lectura, "LIMITE_SEGUNDOS", 1)
    at, segundos = _revisar(HOSTIL)
    assert [_sin_escapes(e.value) for e in at.error] == [
        f"Error: La lectura de {HOSTIL} superó el límite de 1 segundo y se detuvo: revise que "
        "sea un acta y no un archivo enorme o dañado (o suba TABLERO_ACTA_SEGUNDOS)."]
    assert segundos < 1 + 5 + MARGEN + 10     # the limit, the wall-clock margin, the page itself
    at, _ = _revisar(REAL.name)              # the same limits: a real acta still reviews
    assert not at.error
    assert at.code[0].value.split("\n")[88 - 1] == "-El orden del día es aprobado por unanimidad."
    assert "Por revisar" in [h.value for h in at.subheader]


def test_the_review_parse_is_the_builds(revision_hostil):
    """What the worker parses for the review is what the parser reads in-process."""
    from etl.parse import parse_acta
    from etl.partidos import load_catalogo
    from tablero import revision

    texto = REAL.read_text(encoding="utf-8")
    assert revision.parsear(texto, REAL.name) == parse_acta(texto, load_catalogo())


# -- OCR progress crosses from the worker --------------------------------------------------------

def test_the_worker_reports_each_page_of_a_scan(tmp_path, monkeypatch):
    """A two-page scan read in the worker: the caller hears of page 1 and page 2, in order, then
    gets the reading (here the sentence for blank pages); the worker's limits are the same."""
    from bench.escaneos import escanear_en_blanco

    monkeypatch.setenv("TABLERO_OCR_CACHE", str(tmp_path / "cache"))
    escaneo = escanear_en_blanco(tmp_path / "vacias.pdf", n=2)
    paginas = []
    [(texto, motivo, _)] = lectura.read_files([escaneo], al_avanzar=lambda *a: paginas.append(a))
    assert paginas == [("vacias.pdf", 1, 2), ("vacias.pdf", 2, 2)]
    assert texto is None and motivo.startswith("El archivo vacias.pdf no tiene texto legible")


def test_the_upload_page_callback_hears_each_page(tmp_path, monkeypatch):
    """«Cargar acta» passes its progress bar's function to carga.leer: it is called per page."""
    from bench.escaneos import escanear_en_blanco

    monkeypatch.setenv("TABLERO_OCR_CACHE", str(tmp_path / "cache"))
    datos = escanear_en_blanco(tmp_path / "vacias.pdf", n=3).read_bytes()
    paginas = []
    with pytest.raises(carga.CargaError.__mro__[1]) as error:     # TableroError
        carga.leer("escaneo.pdf", datos, actas=tmp_path, progreso=lambda *a: paginas.append(a))
    assert paginas == [("escaneo.pdf", i, 3) for i in (1, 2, 3)]
    assert str(error.value).startswith("El archivo escaneo.pdf no tiene texto legible: sus 3")


def test_the_upload_page_reads_a_scan_with_its_bar_and_one_sentence(tmp_path, monkeypatch, base):
    """The page's bar function runs for each page the worker reports (inside the page's own
    run: a failure there would be an exception here); the refusal is the reader's sentence."""
    from bench.escaneos import escanear_en_blanco

    monkeypatch.setenv("TABLERO_OCR_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(tmp_path / "seguimiento"))
    monkeypatch.setenv("TABLERO_DB", str(base))
    monkeypatch.setenv("TABLERO_ACTAS", str(tmp_path / "actas"))
    datos = escanear_en_blanco(tmp_path / "vacias.pdf", n=2).read_bytes()
    at = AppTest.from_file(str(ROOT / "paginas" / "cargar.py"), default_timeout=60)
    at.secrets["cuentas"] = {"ana": {"nombre": "Ana", "hash": cuentas.hash_password("una clave larga")}}
    at.run()
    at.sidebar.text_input(key="acceso-usuario").input("ana")
    at.sidebar.text_input(key="acceso-password").input("una clave larga")
    next(b for b in at.sidebar.button if b.label == "Iniciar sesión").click()
    at.run()
    at.file_uploader[0].upload("escaneo.pdf", datos, "application/pdf")
    at.run()
    assert not at.exception
    [error] = [_sin_escapes(e.value) for e in at.error]
    assert error.startswith("Error: El archivo escaneo.pdf no tiene texto legible: sus 2 páginas")
    assert error.endswith("No se cambió nada.")
    assert not at.get("progress")                    # the bar is gone once the reading is back


def test_a_scan_waits_for_the_ocr_limit_not_the_readers(monkeypatch):
    """Tesseract's processor time is not the worker's: a scan may take the OCR's own limit of
    wall-clock time, which stops it first with its own sentence; any other file its 120 s."""
    monkeypatch.setenv("TABLERO_OCR_SEGUNDOS", "300")
    assert lectura.reloj("acta.txt", 120) == 125
    assert lectura.reloj("acta.docx", 120) == 125
    assert lectura.reloj("escaneo.PDF", 120) == 305
    assert lectura.reloj("foto.jpg", 120) == 305


# -- 7. Sign-in, file names, stale copies --------------------------------------------------------

def test_made_up_user_names_cannot_grow_the_store(tmp_path):
    import datetime as dt

    almacen = Almacen(tmp_path)
    registradas = {"ana": {"nombre": "Ana", "hash": cuentas.hash_password("una clave larga")}}
    ahora = dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc)
    for i in range(100):
        ahora += dt.timedelta(days=1)          # past every wait: each one is checked and fails
        with pytest.raises(cuentas.AccesoError):
            cuentas.iniciar_sesion(f"{i}" + "x" * 100_000, "otra", registradas, almacen, ahora=ahora)
    assert (tmp_path / "seguimiento.sqlite3").stat().st_size < 200 * 1024   # 200 grew 39 MB
    assert len(almacen.leer("SELECT * FROM intentos")) == 1
    auditoria = almacen.auditoria()
    assert len(auditoria) == 100
    assert set(auditoria["usuario"]) == {cuentas.NO_VALIDO}
    assert set(auditoria["accion"]) == {"inicio de sesión fallido"}


def test_sign_in_and_sign_out_are_audited(tmp_path, monkeypatch, base):
    hash_ = cuentas.hash_password("una clave larga")
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(tmp_path / "seguimiento"))
    monkeypatch.setenv("TABLERO_DB", str(base))
    at = AppTest.from_file(str(ROOT / "paginas" / "cargar.py"), default_timeout=30)
    at.secrets["cuentas"] = {"ana": {"nombre": "Ana", "hash": hash_}}
    at.run()
    at.sidebar.text_input(key="acceso-usuario").input("ana")
    at.sidebar.text_input(key="acceso-password").input("una clave larga")
    next(b for b in at.sidebar.button if b.label == "Iniciar sesión").click()
    at.run()
    next(b for b in at.sidebar.button if b.label == "Cerrar sesión").click()
    at.run()
    assert not at.exception
    auditoria = Almacen(tmp_path / "seguimiento").auditoria()
    assert auditoria["accion"].tolist() == ["cerrar sesión", "iniciar sesión"]
    assert set(auditoria["usuario"]) == {"ana"}


def test_a_file_name_with_a_newline_is_one_line_in_the_summary(tmp_path):
    actas = tmp_path / "actas"
    actas.mkdir()
    (actas / "mala\nlínea.txt").write_bytes(b"")
    informe = build(actas, tmp_path / "t.duckdb", progress=False)
    resumen = informe.summary().splitlines()
    assert resumen[-1].startswith("Error en mala\ufffdlínea.txt: El archivo mala\ufffdlínea.txt está vacío")
    assert len(resumen) == 2


def test_a_killed_builds_copy_is_removed(tmp_path):
    actas = tmp_path / "actas"
    actas.mkdir()
    (actas / REAL.name).write_bytes(REAL.read_bytes())
    db = tmp_path / "tablero.duckdb"
    muerto = 2**22 + 12345                          # above the kernel's pid_max default: no process
    restos = [tmp_path / f".tablero.duckdb.{muerto}.nuevo", tmp_path / f".tablero.duckdb.{muerto}.nuevo.wal"]
    vivo = tmp_path / f".tablero.duckdb.{os.getpid()}.nuevo"
    for resto in restos:
        resto.write_bytes(b"copia vieja")
    remove_stale(db)
    assert not any(r.exists() for r in restos)
    for resto in restos:
        resto.write_bytes(b"copia vieja")
    vivo.write_bytes(b"la de esta carga")
    remove_stale(db)
    assert vivo.exists()                            # our own pid: this build's file, not stale
    vivo.unlink()
    assert build(actas, db, progress=False).ok
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
