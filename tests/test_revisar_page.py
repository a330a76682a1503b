"""«Revisar acta» under AppTest, on the real acta: without a sign-in it shows the text, the facts and
the to-do list and no control that changes data; signed in, a corrected attendance is stored,
audited, rebuilt into the database with origen = revision and shown as such; the acta can be
given as reviewed, withdrawn and given back."""
import re
import shutil
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from etl.load import build
from tablero import cuentas
from tablero.almacen import Almacen

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "actas" / "cotaprep-durango-2021-01-28-ordinaria-02.txt"
CLAVE = "clave de prueba larga"
MARTIN = "Martín Gallardo García"


@pytest.fixture(scope="module")
def hash_ana():
    return cuentas.hash_password(CLAVE)


@pytest.fixture
def entorno(tmp_path, monkeypatch):
    st.cache_data.clear()
    st.cache_resource.clear()
    actas = tmp_path / "actas"
    actas.mkdir()
    shutil.copy(REAL, actas)
    base = tmp_path / "tablero.duckdb"
    monkeypatch.setenv("TABLERO_ACTAS", str(actas))
    monkeypatch.setenv("TABLERO_DB", str(base))
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(tmp_path / "seguimiento"))
    build(actas, base, progress=False)
    yield actas, base, Almacen(tmp_path / "seguimiento")
    st.cache_data.clear()
    st.cache_resource.clear()


def _abrir(hash_ana=None):
    at = AppTest.from_file(str(ROOT / "paginas" / "revisar.py"), default_timeout=60)
    if hash_ana:
        at.secrets["cuentas"] = {"ana": {"nombre": "Ana López", "hash": hash_ana}}
    return at.run()


def _entrar(at):
    at.sidebar.text_input(key="acceso-usuario").input("ana")
    at.sidebar.text_input(key="acceso-password").input(CLAVE)
    next(b for b in at.sidebar.button if b.label == "Iniciar sesión").click()
    return _ok(at.run())


def _ok(at):
    assert not at.exception, at.exception[0].message
    assert not at.error, at.error[0].value
    return at


def _boton(at, etiqueta):
    return next(b for b in at.button if b.label == etiqueta)


def _asistencia(base, nombre):
    with duckdb.connect(str(base), read_only=True) as con:
        return con.execute("SELECT llegada_punto, origen, revisado_por FROM asistencias "
                           "WHERE nombre = ?", [nombre]).fetchone()


def _elegir_martin(at):
    at.radio(key="rev-seccion").set_value("asistentes").run()
    hecho = at.selectbox(key="rev-hecho-asistentes")
    indice = next(i for i, o in enumerate(hecho.options) if MARTIN in o)
    hecho.set_value(indice)
    return _ok(at.run()), indice


def test_sin_sesion_muestra_el_acta_y_lo_que_se_leyo_sin_controles(entorno, hash_ana):
    at = _ok(_abrir(hash_ana))
    assert at.title[0].value == "Revisar acta"
    assert any("sin revisar" in m.value for m in at.markdown)
    assert "Por revisar" in [h.value for h in at.subheader]
    lineas = at.code[0].value.split("\n")           # numbered as fuente.linea numbers them
    assert at.code[0].proto.show_line_numbers
    assert lineas[24 - 1].startswith("DRA. ALEJANDRA DEL CARMEN ARREOLA DELGADO")
    assert lineas[88 - 1] == "-El orden del día es aprobado por unanimidad."
    assert not {"Guardar corrección", "Agregar", "Retirar acta", "Dar por revisada"} & \
        {b.label for b in at.button}
    por_revisar = at.dataframe[0].value
    assert "número 2" in " ".join(por_revisar["Detalle"])       # the parser's aviso, first


def test_corregir_una_asistencia_desde_la_pagina(entorno, hash_ana):
    actas, base, almacen = entorno
    assert _asistencia(base, MARTIN) == (None, "acta", None)
    at = _entrar(_abrir(hash_ana))
    at, indice = _elegir_martin(at)
    formulario = f"rev-editar-asistentes-{indice}"
    at.text_input(key=f"{formulario}-llegada_punto").input("5")
    at.text_input(key=f"{formulario}-nota").input("Se conectó durante el punto 5")
    _boton(at, "Guardar corrección").click()
    at = _ok(at.run())
    assert any("corrección guardada" in s.value for s in at.success)
    assert _asistencia(base, MARTIN) == (5, "revision", "Ana López")
    cambios = almacen.auditoria()
    corregir = cambios[cambios["accion"] == "corregir"]
    assert list(corregir["nota"]) == ["Se conectó durante el punto 5"]
    assert list(corregir["usuario"]) == ["ana"]
    tabla = next(d.value for d in at.dataframe if "Origen" in d.value.columns)
    fila = tabla[tabla["Nombre"] == MARTIN].iloc[0]
    assert fila["Llega en el punto"] == "5"
    assert fila["Origen"].startswith("corregido por Ana López el ")
    assert any("en revisión" in m.value for m in at.markdown)


def test_un_valor_que_no_es_numero_se_rechaza_con_una_frase(entorno, hash_ana):
    _, base, almacen = entorno
    at, indice = _elegir_martin(_entrar(_abrir(hash_ana)))
    at.text_input(key=f"rev-editar-asistentes-{indice}-llegada_punto").input("cinco")
    at.text_input(key=f"rev-editar-asistentes-{indice}-nota").input("x")
    _boton(at, "Guardar corrección").click()
    at = at.run()
    assert [e.value for e in at.error] == ["«Llega en el punto» debe ser un número entero, "
                                           "no «cinco»."]
    assert almacen.auditoria()["accion"].tolist() == ["iniciar sesión"]    # and nothing else
    assert _asistencia(base, MARTIN) == (None, "acta", None)


def test_dar_por_revisada_retirar_y_devolver(entorno, hash_ana):
    actas, base, almacen = entorno
    shutil.copy(ROOT / "tests" / "fixtures" / "proceso" /
                "cotaprep-colima-2023-11-15-instalacion.txt", actas)    # newer: listed first
    build(actas, base, progress=False)
    at = AppTest.from_file(str(ROOT / "paginas" / "revisar.py"), default_timeout=60)
    at.secrets["cuentas"] = {"ana": {"nombre": "Ana López", "hash": hash_ana}}
    at.query_params["acta"] = REAL.name                                  # a shared link
    at = _entrar(at.run())
    elegida = at.selectbox(key="rev-acta")
    assert REAL.name in elegida.options[elegida.index]
    _boton(at, "Dar por revisada").click()
    at = _ok(at.run())
    assert any("revisada por Ana López el" in m.value for m in at.markdown)
    with duckdb.connect(str(base), read_only=True) as con:
        assert con.execute("SELECT revision_estado, revisada_por FROM actas WHERE archivo = ?",
                           [REAL.name]).fetchone() == ("revisada", "Ana López")

    at.text_input(key="rev-retirar-motivo").input("Se cargó por error")
    _boton(at, "Retirar acta").click()
    at = _ok(at.run())
    assert not (actas / REAL.name).exists()
    assert (actas / ".retiradas" / REAL.name).exists()
    with duckdb.connect(str(base), read_only=True) as con:
        assert con.execute("SELECT archivo FROM actas").fetchall() == \
            [("cotaprep-colima-2023-11-15-instalacion.txt",)]
    assert "Actas retiradas" in [h.value for h in at.subheader]

    at.text_input(key="rev-devolver-nota").input("Era la correcta")
    _boton(at, "Devolver al tablero").click()
    _ok(at.run())
    assert (actas / REAL.name).exists()
    with duckdb.connect(str(base), read_only=True) as con:     # its review came back with it
        assert con.execute("SELECT revision_estado FROM actas WHERE archivo = ?",
                           [REAL.name]).fetchone() == ("revisada",)
    acciones = list(almacen.auditoria()["accion"])
    assert acciones[:3] == ["devolver acta", "retirar acta", "estado de revisión"]


def test_otra_version_del_archivo_conserva_la_revision_y_ofrece_trasladarla(entorno, hash_ana):
    actas, base, almacen = entorno
    at, indice = _elegir_martin(_entrar(_abrir(hash_ana)))
    at.text_input(key=f"rev-editar-asistentes-{indice}-llegada_punto").input("5")
    at.text_input(key=f"rev-editar-asistentes-{indice}-nota").input("llegó en el punto 5")
    _boton(at, "Guardar corrección").click()
    _ok(at.run())
    assert _asistencia(base, MARTIN)[:2] == (5, "revision")

    archivo = actas / REAL.name                          # a new version: other bytes, same name
    archivo.write_bytes(archivo.read_bytes() + b"\nFe de erratas: sin cambios en los hechos.\n")
    informe = build(actas, base, progress=False)
    assert informe.loaded == [REAL.name], informe.summary()
    at = _ok(at.run())            # the page lets go of the old file (DuckDB shares open files)
    assert _asistencia(base, MARTIN)[:2] == (None, "acta")      # not applied to other bytes

    assert "Revisión de una versión anterior del archivo" in [h.value for h in at.subheader]
    at.multiselect[0].set_value([0])
    _boton(at, "Trasladar a esta versión").click()
    at = _ok(at.run())
    assert _asistencia(base, MARTIN)[:2] == (5, "revision")
    assert "Revisión de una versión anterior del archivo" not in [h.value for h in at.subheader]
    acciones = list(almacen.auditoria()["accion"])
    assert acciones.count("trasladar corrección") == 1 and acciones.count("corregir") == 1


def test_la_pagina_sesiones_dice_el_origen_de_cada_asistencia(entorno, hash_ana):
    _, base, _ = entorno
    at, indice = _elegir_martin(_entrar(_abrir(hash_ana)))
    at.text_input(key=f"rev-editar-asistentes-{indice}-retiro_punto").input("9")
    at.text_input(key=f"rev-editar-asistentes-{indice}-nota").input("se retiró en el punto 9")
    _boton(at, "Guardar corrección").click()
    _ok(at.run())
    sesiones = _ok(AppTest.from_file(str(ROOT / "paginas" / "sesiones.py"),
                                     default_timeout=60).run())
    tabla = next(d.value for d in sesiones.dataframe if "Origen" in d.value.columns
                 and "Nombre" in d.value.columns)
    origen = dict(zip(tabla["Nombre"], tabla["Origen"]))
    assert origen[MARTIN].startswith("corregido por Ana López el ")
    assert origen["Alejandra del Carmen Arreola Delgado"] == "acta"


def test_agregar_una_persona_que_falta_y_no_dos_veces_la_misma(entorno, hash_ana):
    _, base, almacen = entorno
    at = _entrar(_abrir(hash_ana))
    at.radio(key="rev-seccion").set_value("asistentes").run()
    clave = "rev-agregar-asistentes"
    at.text_input(key=f"{clave}-nombre").input("Rosa María Invitada Pérez")
    at.selectbox(key=f"{clave}-rol").set_value("invitado")
    at.selectbox(key=f"{clave}-presente").set_value(True)
    at.text_input(key=f"{clave}-linea").input("38")
    at.text_input(key=f"{clave}-nota").input("El acta la nombra en la línea 38")
    _boton(at, "Agregar").click()
    at = _ok(at.run())
    with duckdb.connect(str(base), read_only=True) as con:
        assert con.execute("SELECT rol, presente, linea, origen FROM asistencias WHERE nombre = "
                           "'Rosa María Invitada Pérez'").fetchone() == \
            ("invitado", True, 38, "revision")

    at.text_input(key=f"{clave}-nombre").input("MARTÍN GALLARDO GARCÍA")
    at.text_input(key=f"{clave}-nota").input("repetido")
    _boton(at, "Agregar").click()
    at = at.run()
    assert [e.value for e in at.error] == [
        "Ya hay en asistencia un hecho con esa identidad (MARTÍN GALLARDO GARCÍA): corríjalo "
        "en lugar de agregarlo."]
    assert (almacen.auditoria()["accion"] == "corregir").sum() == 1


def test_si_el_lector_ahora_lee_otra_cosa_vale_la_correccion_y_se_muestra(entorno, hash_ana):
    """A correction made when the parser read «17:20» as the closing time; today it reads
    «17:25»: the correction («17:40») wins and the to-do list says so."""
    actas, base, almacen = entorno
    from tablero import revision
    sha, _, _ = revision.leer_archivo(actas / REAL.name)
    almacen.guardar_revision(sha, REAL.name, [(("sesion", "sesion", "hora_fin"), {
        "operacion": "cambiar", "valor": "17:40", "antes": "17:20"})], "ana", "Ana López",
        "la hora de cierre")
    build(actas, base, progress=False)
    at = _ok(_abrir(hash_ana))
    por_revisar = at.dataframe[0].value
    fila = por_revisar[por_revisar["Qué"] == "Corrección del personal"].iloc[0]
    assert fila["Detalle"] == ("El lector ahora lee «17:25» en «hora_fin» de la sesión; vale la "
                              "corrección del personal, «17:40».")
    with duckdb.connect(str(base), read_only=True) as con:
        assert con.execute("SELECT hora_fin, origen FROM sesiones").fetchone() == \
            ("17:40", "revision")
        assert con.execute("SELECT count(*) FROM avisos WHERE mensaje LIKE 'Revisión: El lector "
                           "ahora lee%'").fetchone() == (1,)


# -- A scanned acta: the page image beside the OCR text ----------------------------------------

COLIMA = ROOT / "tests" / "fixtures" / "proceso" / "cotaprep-colima-2024-04-10-extraordinaria-01.txt"


@pytest.fixture(scope="module")
def escaneada(tmp_path_factory):
    """A Colima acta printed, dirtied and scanned to an image-only PDF (bench/escaneos.py, as
    tests/test_ocr.py makes them), read by OCR into its own cache and built; (actas, base,
    cache)."""
    from bench.escaneos import escanear

    carpeta = tmp_path_factory.mktemp("escaneada")
    actas, cache = carpeta / "actas", carpeta / "cache-ocr"
    actas.mkdir()
    escanear(COLIMA.read_text(encoding="utf-8").splitlines(), actas / "colima-escaneada.pdf",
             semilla=4, dpi=200)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TABLERO_OCR_CACHE", str(cache))
        mp.setenv("TABLERO_OCR_SEGUNDOS", "3600")
        informe = build(actas, carpeta / "tablero.duckdb", progress=False,
                        almacen=carpeta / "seguimiento")
    assert informe.loaded == ["colima-escaneada.pdf"], informe.summary()
    return actas, carpeta / "tablero.duckdb", cache


def _abrir_escaneada(monkeypatch, escaneada, cache=None):
    actas, base, cache_ocr = escaneada
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("TABLERO_ACTAS", str(actas))
    monkeypatch.setenv("TABLERO_DB", str(base))
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(base.parent / "seguimiento"))
    monkeypatch.setenv("TABLERO_OCR_CACHE", str(cache or cache_ocr))
    at = AppTest.from_file(str(ROOT / "paginas" / "revisar.py"), default_timeout=120)
    at.query_params["acta"] = "colima-escaneada.pdf"
    at = _ok(at.run())
    at.radio(key="rev-seccion").set_value("asistentes")
    return _ok(at.run())


def _imagenes(at):
    """(caption, media URL) of every image on the page."""
    return [(img.caption, img.url) for imagen in at.get("image") for img in imagen.proto.imgs]


def test_la_revision_de_un_escaneo_muestra_la_pagina_de_la_linea(monkeypatch, escaneada):
    from PIL import Image
    import io
    from tablero import db, queries, revision

    at = _abrir_escaneada(monkeypatch, escaneada)
    # The line under review, as the acta's words above the text mark it («`  16` ▶ **…**»).
    [linea] = [int(m.group(1)) for md in at.markdown
               for m in [re.search(r"`\s*(\d+)` ▶", md.value)] if m]
    with duckdb.connect(str(escaneada[1]), read_only=True) as con:
        pagina = con.execute("SELECT paginas[?] FROM actas", [linea]).fetchone()[0]
    imagenes = _imagenes(at)
    assert [c for c, _ in imagenes][0] == f"El escaneo: página {pagina}, línea {linea} resaltada"
    assert any(e.label == f"Página {pagina} del escaneo" for e in at.expander)
    # The band is the highlighted line of the scan, not a blank picture.
    con = db.connect_readonly(escaneada[1])
    fila = queries.archivo_original(con, 1).iloc[0]
    con.close()
    monkeypatch.setenv("TABLERO_OCR_CACHE", str(escaneada[2]))
    franja, completa, n = revision.escaneo_de_linea(fila["archivo"], bytes(fila["contenido"]),
                                                    list(fila["paginas"]), linea)
    assert n == pagina
    franja, completa = Image.open(io.BytesIO(franja)), Image.open(io.BytesIO(completa))
    assert franja.width == completa.width and franja.height < completa.height / 5
    import numpy as np
    rgb = np.asarray(franja.convert("RGB")).astype(int)
    amarillos = ((rgb[..., 0] > 200) & (rgb[..., 1] > 180) & (rgb[..., 2] < 150)).sum()
    assert amarillos > 500


def test_sin_la_cache_del_ocr_se_muestra_la_pagina_sin_marca(monkeypatch, escaneada, tmp_path):
    from etl import ocr

    monkeypatch.setattr(ocr, "_memoria", {})        # as a later process, with the cache gone
    at = _abrir_escaneada(monkeypatch, escaneada, cache=tmp_path / "vacia")
    assert not any((c or "").startswith("El escaneo:") for c, _ in _imagenes(at))
    [pagina] = [e for e in at.expander if e.label.startswith("Página ")]
    assert pagina.proto.expanded              # the page itself, open: no band to show


def test_un_acta_de_texto_no_muestra_escaneo(entorno, hash_ana):
    at = _ok(_abrir(hash_ana))
    at.radio(key="rev-seccion").set_value("asistentes")
    at = _ok(at.run())
    assert not _imagenes(at)
    assert not any(e.label.startswith("Página ") for e in at.expander)
