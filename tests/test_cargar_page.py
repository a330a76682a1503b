"""The pages that change data, under AppTest: without a sign-in they draw no control that changes
data; signed in, an upload shows what was read before anything changes, «Aceptar» saves and
rebuilds, a bad file gets its one-line error and changes nothing; a correction marked from the
Seguimiento page lands in the audit trail."""
import re
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from etl.load import build
from tablero import cuentas, db, queries
from tablero.almacen import Almacen

ROOT = Path(__file__).resolve().parent.parent
PROCESO = ROOT / "tests" / "fixtures" / "proceso"
NUEVA = "cotaprep-colima-2024-04-10-extraordinaria-01.txt"
CLAVE = "clave de prueba larga"
CONTROLES = {"Marcar como atendida", "Guardar decisión", "Quitar marca", "Aceptar"}


def plain(value):
    """The sentence a person reads: error boxes escape every punctuation mark (tablero.ui.plano)."""
    return re.sub(r"\\(.)", r"\1", value)


@pytest.fixture(scope="module")
def hash_ana():
    return cuentas.hash_password(CLAVE)


@pytest.fixture
def entorno(tmp_path, monkeypatch):
    """Four of the five Colima actas in a tmp folder, built; the fifth is the upload."""
    st.cache_data.clear()
    st.cache_resource.clear()
    actas = tmp_path / "actas"
    actas.mkdir()
    for acta in PROCESO.glob("*.txt"):
        if acta.name != NUEVA:
            shutil.copy(acta, actas)
    base = tmp_path / "tablero.duckdb"
    build(actas, base, progress=False)
    monkeypatch.setenv("TABLERO_ACTAS", str(actas))
    monkeypatch.setenv("TABLERO_DB", str(base))
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(tmp_path / "seguimiento"))
    yield actas, base, Almacen(tmp_path / "seguimiento")
    st.cache_data.clear()
    st.cache_resource.clear()


def _abrir(pagina, hash_ana=None):
    at = AppTest.from_file(str(ROOT / "paginas" / pagina), default_timeout=30)
    if hash_ana:
        at.secrets["cuentas"] = {"ana": {"nombre": "Ana López", "hash": hash_ana}}
    return at.run()


def _entrar(at, clave=CLAVE):
    at.sidebar.text_input(key="acceso-usuario").input("ana")
    at.sidebar.text_input(key="acceso-password").input(clave)
    next(b for b in at.sidebar.button if b.label == "Iniciar sesión").click()
    return at.run()


def _sin_errores(at):
    assert not at.exception, at.exception[0].message


def _etiquetas(at):
    return {b.label for b in at.button}


@pytest.mark.parametrize("pagina", ["seguimiento.py", "cargar.py"])
def test_sin_sesion_no_hay_controles_que_cambien_datos(pagina, entorno, hash_ana):
    at = _abrir(pagina, hash_ana)
    _sin_errores(at)
    assert not at.error
    assert not (_etiquetas(at) & CONTROLES)
    assert len(at.file_uploader) == 0
    assert len(at.text_area) == 0
    assert [d.label for d in at.main.date_input] in ([], ["Estado al"])
    assert {b.label for b in at.sidebar.button} == {"Iniciar sesión"}     # only the sign-in


@pytest.mark.parametrize("pagina", ["seguimiento.py", "cargar.py"])
def test_sin_cuentas_la_pagina_dice_como_crearlas(pagina, entorno):
    at = _abrir(pagina)
    _sin_errores(at)
    assert "python -m etl cuenta" in "\n".join(c.value for c in at.sidebar.caption)
    assert not (_etiquetas(at) & CONTROLES)


def test_una_clave_equivocada_no_abre_nada(entorno, hash_ana):
    _, _, almacen = entorno
    at = _entrar(_abrir("cargar.py", hash_ana), clave="otra cosa")
    _sin_errores(at)
    assert plain(at.error[0].value) == "Usuario o contraseña incorrectos."
    assert len(at.file_uploader) == 0
    assert almacen.intento("ana")[0] == 1
    assert almacen.auditoria()[["usuario", "accion"]].values.tolist() == [
        ["ana", "inicio de sesión fallido"]]


def test_cargar_un_acta_buena(entorno, hash_ana):
    actas, base, almacen = entorno
    at = _entrar(_abrir("cargar.py", hash_ana))
    _sin_errores(at)
    assert at.sidebar.caption[0].value == "Sesión iniciada: Ana López (ana)"
    datos = (PROCESO / NUEVA).read_bytes()
    at.file_uploader[0].upload(NUEVA, datos, "text/plain")
    at.run()
    _sin_errores(at)
    assert not at.error
    assert at.subheader[0].value == f"Lo que se leyó de {NUEVA}"
    assert "Sesión extraordinaria 1" in at.markdown[0].value or \
        any("extraordinaria" in m.value.lower() for m in at.markdown)
    assert not (actas / NUEVA).exists()                      # nothing changed yet
    with db.connect_readonly(base) as con:
        assert len(queries.sesiones(con)) == 4

    at.button(key="carga-aceptar").click()
    at.run()
    _sin_errores(at)
    assert at.success[0].value == f"{NUEVA} se guardó en la carpeta de actas y la base se " \
                                  "reconstruyó."
    assert "Cargadas: 1" in at.code[0].value
    assert (actas / NUEVA).read_bytes() == datos
    with db.connect_readonly(base) as con:
        assert len(queries.sesiones(con)) == 5
    auditoria = almacen.auditoria()
    assert auditoria[["usuario", "accion", "clave"]].values.tolist() == [
        ["ana", "cargar acta", NUEVA], ["ana", "iniciar sesión", "ana"]]

    # the same bytes again: said so, nothing to accept
    at.file_uploader[0].upload(NUEVA, datos, "text/plain")
    at.run()
    assert any("ya está en la carpeta con los mismos bytes" in i.value for i in at.info)
    assert "Aceptar" not in _etiquetas(at)


def test_un_nombre_ocupado_por_otro_archivo_no_se_sobrescribe(entorno, hash_ana):
    actas, _, _ = entorno
    ocupado = sorted(actas.glob("*.txt"))[0]
    original = ocupado.read_bytes()
    at = _entrar(_abrir("cargar.py", hash_ana))
    at.file_uploader[0].upload(ocupado.name, (PROCESO / NUEVA).read_bytes(), "text/plain")
    at.run()
    _sin_errores(at)
    assert plain(at.error[0].value).startswith(f"Ya hay otro archivo llamado {ocupado.name}")
    assert "Aceptar" not in _etiquetas(at)
    assert ocupado.read_bytes() == original


def test_un_archivo_vacio_da_su_error_y_no_cambia_nada(entorno, hash_ana):
    actas, base, almacen = entorno
    antes = sorted(p.name for p in actas.iterdir()), db.file_identity(base)
    at = _entrar(_abrir("cargar.py", hash_ana))
    at.file_uploader[0].upload("vacia.txt", b"", "text/plain")
    at.run()
    _sin_errores(at)
    assert len(at.error) == 1
    mensaje = plain(at.error[0].value)
    assert mensaje.startswith("Error: El archivo vacia.txt está vacío")
    assert mensaje.endswith("No se cambió nada.")
    assert "\n" not in mensaje
    assert "Aceptar" not in _etiquetas(at)
    assert (sorted(p.name for p in actas.iterdir()), db.file_identity(base)) == antes
    assert almacen.auditoria()["accion"].tolist() == ["iniciar sesión"]


def test_marcar_desde_la_pagina_de_seguimiento(entorno, hash_ana):
    _, _, almacen = entorno
    at = _entrar(_abrir("seguimiento.py", hash_ana))
    _sin_errores(at)
    assert "Marcar como atendida" in _etiquetas(at)
    pendientes_antes = next(m.value for m in at.metric if m.label == "Pendientes")
    at.text_area[0].input("Oficio 15/2024")
    next(b for b in at.button if b.label == "Marcar como atendida").click()
    at.run()
    _sin_errores(at)
    assert at.success[0].value == "Corrección marcada como atendida."
    assert next(m.value for m in at.metric if m.label == "Pendientes") == \
        str(int(pendientes_antes) - 1)
    auditoria = almacen.auditoria()
    assert auditoria[["usuario", "accion", "nota"]].values.tolist()[0] == \
        ["ana", "marcar atendida", "Oficio 15/2024"]
    assert auditoria["accion"].tolist()[1:] == ["iniciar sesión"]


CARTA = """Victoria de Durango, Dgo., a 3 de febrero de 2021.

Oficio IEPC/SE/123/2021

Lic. Persona Destinataria
Presente

Por este medio le convoco a la sesión ordinaria del Comité Técnico Asesor del PREP que se
celebrará el 25 de febrero de 2021 a las 17:00 horas, con el siguiente orden del día:
1. Lista de asistencia y verificación del quórum.
2. Aprobación del orden del día.

Atentamente,
La Secretaría Ejecutiva
"""


@pytest.mark.parametrize("nombre, datos", [
    ("README.md", (ROOT / "README.md").read_bytes()),
    ("CONCLUSIONES.md", (ROOT / "tests" / "fixtures" / "proceso2" / "CONCLUSIONES.md").read_bytes()),
    ("oficio-convocatoria.txt", CARTA.encode("utf-8")),
    ("orden-del-dia.txt", (ROOT.parent / "shared" / "otros-organos" /
                           "congreso_morelos_orden_del_dia_2025-09-04.txt").read_bytes()
     if (ROOT.parent / "shared" / "otros-organos").is_dir() else CARTA.encode("utf-8")),
])
def test_lo_que_no_es_un_acta_se_rechaza_con_una_frase(nombre, datos, entorno, hash_ana):
    actas, base, almacen = entorno
    antes = sorted(p.name for p in actas.iterdir()), db.file_identity(base)
    at = _entrar(_abrir("cargar.py", hash_ana))
    at.file_uploader[0].upload(nombre, datos, "text/plain")
    at.run()
    _sin_errores(at)
    [error] = [plain(e.value) for e in at.error]
    assert error.startswith(f"Error: {nombre} no parece un acta: no se encontró ")
    assert error.endswith("; revise que sea el archivo del acta (un resumen, una carta o un "
                          "orden del día no se cargan). No se cambió nada.")
    assert "Aceptar" not in _etiquetas(at)
    assert (sorted(p.name for p in actas.iterdir()), db.file_identity(base)) == antes
    assert almacen.auditoria()["accion"].tolist() == ["iniciar sesión"]


def test_las_comprobaciones_se_muestran_antes_de_aceptar(entorno, hash_ana):
    texto = (PROCESO / NUEVA).read_text(encoding="utf-8")
    sin_hora_fin = texto.replace("siendo las 10:35 horas del mismo día, ", "")
    assert sin_hora_fin != texto
    at = _entrar(_abrir("cargar.py", hash_ana))
    at.file_uploader[0].upload(NUEVA, sin_hora_fin.encode("utf-8"), "text/plain")
    at.run()
    _sin_errores(at)
    assert any("comprobaciones por revisar" in w.value for w in at.warning)
    tabla = at.dataframe[0].value
    assert "No se leyó la hora de fin de la sesión." in set(tabla["Detalle"])
    assert "Aceptar" in _etiquetas(at)
