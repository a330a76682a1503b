"""The «informe parcial de actividades» (tablero/informe.py, pages/informe.py, `python -m etl
informe`), read back the way a person reads it: opened with python-docx, table by table.

The databases are the real ETL's: `db_real` from data/actas/, `db_proceso` from the fictional
process of tests/fixtures/proceso/ (tests/conftest.py)."""
import datetime as dt
import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import docx
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tablero import informe, seguimiento as sg
from tablero.almacen import Almacen
from tablero.db import connect_readonly

ROOT = Path(__file__).resolve().parent.parent
ACTA_REAL = ROOT / "data" / "actas" / "cotaprep-durango-2021-01-28-ordinaria-02.txt"
ENERO = (dt.date(2021, 1, 1), dt.date(2021, 1, 31))


def generar(db, desde, hasta, almacen=None):
    con = connect_readonly(db)
    try:
        return informe.build_informe(con, desde, hasta, almacen)[1]
    finally:
        con.close()


def abrir(datos):
    return docx.Document(io.BytesIO(datos))


def tabla(documento, *encabezado):
    """The rows (cell texts) of the first table whose header row begins with `encabezado`."""
    for t in documento.tables:
        filas = [[celda.text for celda in fila.cells] for fila in t.rows]
        if tuple(filas[0][:len(encabezado)]) == encabezado:
            return filas[1:]
    raise AssertionError(f"no hay tabla con encabezado {encabezado}")


def texto(documento):
    return "\n".join(p.text for p in documento.paragraphs)


@pytest.fixture(scope="module")
def enero(db_real):
    return generar(db_real, *ENERO)


# ───────────────────────────── Enero de 2021, del acta real ─────────────────────────────

def test_enero_portada_y_corte(enero):
    doc = abrir(enero)
    cuerpo = texto(doc)
    assert "Instituto Electoral y de Participación Ciudadana del Estado de Durango" in cuerpo
    assert "INFORME PARCIAL DE ACTIVIDADES" in cuerpo
    assert "Periodo: del 1 al 31 de enero de 2021" in cuerpo
    assert "Fecha de corte: 31 de enero de 2021" in cuerpo
    assert "Proceso Electoral Local 2020-2021" in cuerpo


def test_enero_sesion_del_28_con_sus_25_minutos(enero):
    sesiones = tabla(abrir(enero), "Sesión", "Fecha", "Horario", "Duración", "Modalidad")
    assert sesiones == [["Sesión Ordinaria número 2", "jueves 28 de enero de 2021",
                         "17:00 a 17:25 h", "25 minutos", "Virtual"]]


def test_enero_asistencia_con_llegadas_tardias(enero):
    filas = tabla(abrir(enero), "Integrante o partido", "Nombre", "Calidad", "Asistencia")
    por_partido = {fila[0]: fila for fila in filas}
    assert por_partido["RSP"] == ["RSP", "Jorge Alfredo Salas Berumen", "Suplente",
                                  "Se incorporó durante el punto 5"]
    assert por_partido["PRI"] == ["PRI", "Miguel Ángel Olvera Escalera", "Propietario",
                                  "Se incorporó durante el punto 7"]
    assert por_partido["MORENA"] == ["MORENA", "Alejandro Ruiz Ramírez", "Suplente",
                                     "Se incorporó durante el punto 9"]
    assert por_partido["PAN"][3] == "Desde el inicio"
    # Accredited in the process (data/catalogos/acreditaciones.csv) but named nowhere in the acta.
    for ausente in ("PRD", "FXM", "PD"):
        assert por_partido[ausente][1:] == ["Sin representante", "—", "Ausente"]
    assert sum(1 for fila in filas if fila[3] == "Desde el inicio") == 4 + 5


def test_enero_resumen_por_partido(enero):
    partidos = {f[0]: f[2:] for f in tabla(abrir(enero), "Partido", "Nombre",
                                          "Sesiones con representación")}
    assert partidos["PRI"] == ["1", "1", "0", "0"]
    assert partidos["PRD"] == ["0", "0", "0", "1"]


def test_enero_integrantes(enero):
    integrantes = tabla(abrir(enero), "Nombre", "Cargo", "Asistencias")
    assert [f[0] for f in integrantes] == ["Alejandra del Carmen Arreola Delgado",
                                           "José Luis Bautista Cabrera", "Martín Gallardo García",
                                           "Jorge Galo Solano García"]
    assert all(f[2:] == ["1", "0", "0", "0"] for f in integrantes)


def test_enero_nueve_votaciones(enero):
    doc = abrir(enero)
    votaciones = tabla(doc, "Núm.", "Sesión", "Punto", "Asunto", "Resultado")
    assert [v[0] for v in votaciones] == [str(n) for n in range(1, 10)]
    assert [v[2] for v in votaciones] == ["4", "5", "5", "6", "6", "6", "7", "7", "7"]
    assert all(v[4] == "Aprobado por unanimidad (3 votos a favor)" for v in votaciones)
    assert "Todas las votaciones del periodo fueron unánimes." in texto(doc)


def test_enero_tres_correcciones_pendientes(enero):
    doc = abrir(enero)
    correcciones = tabla(doc, "Sesión", "Documento", "Solicitante", "Descripción",
                         "Estado al corte")
    assert len(correcciones) == 3
    assert [c[4] for c in correcciones] == ["Pendiente"] * 3
    assert [c[2] for c in correcciones] == ["Alejandra del Carmen Arreola Delgado",
                                           "Jorge Galo Solano García", "Jorge Galo Solano García"]
    assert "IEPC/UTC/PREP/DICT/001/2021" in correcciones[1][1]
    assert len(tabla(doc, "Solicitada en", "Documento", "Descripción", "Días al corte")) == 3


def test_enero_dictamen_presentado(enero):
    doc = abrir(enero)
    documentos = tabla(doc, "Tipo", "Documento", "Sesión", "Punto", "Estado")
    assert ["Dictamen", "IEPC/UTC/PREP/DICT/001/2021", "Ordinaria 2 (28/01/2021)", "7",
            "Presentado"] in documentos
    assert any(d[0] == "Informe" and d[4] == "Aprobado" for d in documentos)
    assert any(d[0] == "Acta" and d[4] == "Aprobado" for d in documentos)
    sin_resolver = tabla(doc, "Tipo", "Documento", "Presentado en")
    assert ["Dictamen", "IEPC/UTC/PREP/DICT/001/2021", "Ordinaria 2 (28/01/2021)"] in sin_resolver


def test_enero_fuentes_con_sha256(enero):
    fuentes = tabla(abrir(enero), "Archivo", "Sesión", "Del periodo", "SHA-256")
    assert fuentes == [[ACTA_REAL.name, "Ordinaria 2 (28/01/2021)", "Sí",
                        hashlib.sha256(ACTA_REAL.read_bytes()).hexdigest()]]


def test_enero_dos_graficas_png(enero):
    doc = abrir(enero)
    assert len(doc.inline_shapes) == 2
    imagenes = [p for p in doc.part.package.parts if p.content_type == "image/png"]
    assert len(imagenes) == 2 and all(i.blob.startswith(b"\x89PNG") for i in imagenes)


def test_enero_reproducible(db_real, enero):
    """Same database and period, the same bytes: no clock anywhere in the document."""
    assert generar(db_real, *ENERO) == enero
    propiedades = abrir(enero).core_properties
    assert propiedades.created == propiedades.modified == dt.datetime(2021, 1, 31,
                                                                     tzinfo=dt.timezone.utc)
    assert propiedades.language == "es-MX"


def test_periodo_sin_sesiones(db_real):
    with pytest.raises(informe.InformeError) as error:
        generar(db_real, dt.date(2021, 2, 1), dt.date(2021, 2, 28))
    assert str(error.value) == (
        "No hay sesiones entre el 1 de febrero de 2021 y el 28 de febrero de 2021: elija un "
        "periodo que incluya alguna sesión cargada, o cargue sus actas con «python -m etl build».")


def test_periodo_al_reves(db_real):
    with pytest.raises(informe.InformeError, match="es posterior a la final"):
        generar(db_real, dt.date(2021, 1, 31), dt.date(2021, 1, 1))


# ───────────────────────────── Un proceso de varias sesiones ─────────────────────────────
# tests/fixtures/proceso/: a fictional committee (Colima) over five sessions: installation on
# 15/11/2023, ordinarias 1-3 on 17/01, 21/02 and 20/03/2024, an extraordinaria on 10/04/2024.
# In ordinaria 1, Mariana Itzel Ceballos Larios asks corrections to the December report; the
# acta of ordinaria 3 reports them attended.

SOLICITANTE = "Mariana Itzel Ceballos Larios"


def correcciones_de(doc, solicitante=SOLICITANTE):
    filas = tabla(doc, "Sesión", "Documento", "Solicitante", "Descripción", "Estado al corte")
    return [f for f in filas if f[2] == solicitante]


def test_proceso_solo_las_sesiones_del_periodo(db_proceso):
    doc = abrir(generar(db_proceso, dt.date(2024, 1, 1), dt.date(2024, 3, 31)))
    sesiones = tabla(doc, "Sesión", "Fecha", "Horario", "Duración", "Modalidad")
    assert [s[:2] for s in sesiones] == [
        ["Sesión Ordinaria número 1", "miércoles 17 de enero de 2024"],
        ["Sesión Ordinaria número 2", "miércoles 21 de febrero de 2024"],
        ["Sesión Ordinaria número 3", "miércoles 20 de marzo de 2024"]]
    # The installation session is a source (corrections and documents before the period) but not
    # a session of the period; the extraordinaria of April is after the cut-off.
    fuentes = tabla(doc, "Archivo", "Sesión", "Del periodo", "SHA-256")
    assert [(f[0], f[2]) for f in fuentes] == [
        ("cotaprep-colima-2023-11-15-instalacion.txt", "No"),
        ("cotaprep-colima-2024-01-17-ordinaria-01.txt", "Sí"),
        ("cotaprep-colima-2024-02-21-ordinaria-02.txt", "Sí"),
        ("cotaprep-colima-2024-03-20-ordinaria-03.txt", "Sí")]
    assert {v[1] for v in tabla(doc, "Núm.", "Sesión")} <= {
        "Ordinaria 1 (17/01/2024)", "Ordinaria 2 (21/02/2024)", "Ordinaria 3 (20/03/2024)"}


def test_proceso_correccion_pendiente_antes_de_la_sesion_que_la_atiende(db_proceso):
    doc = abrir(generar(db_proceso, dt.date(2024, 1, 1), dt.date(2024, 3, 19)))
    pedidas = correcciones_de(doc)
    assert pedidas and all(f[0] == "Ordinaria 1 (17/01/2024)" for f in pedidas)
    assert all("diciembre" in f[1].lower() for f in pedidas)
    assert [f[4] for f in pedidas] == ["Pendiente"] * len(pedidas)


def test_proceso_correccion_atendida_despues(db_proceso):
    doc = abrir(generar(db_proceso, dt.date(2024, 1, 1), dt.date(2024, 3, 20)))
    pedidas = correcciones_de(doc)
    assert pedidas
    assert [f[4] for f in pedidas] == ["Atendida, Ordinaria 3 (20/03/2024)"] * len(pedidas)
    pendientes = tabla(doc, "Solicitada en", "Documento", "Descripción", "Días al corte")
    assert not any("diciembre" in p[1].lower() for p in pendientes)


def test_proceso_pendientes_de_periodos_anteriores(db_proceso):
    """February alone: the January correction is not «asked in the period», but at the cut-off
    (29/02/2024) it is still pending, 43 days after it was asked."""
    doc = abrir(generar(db_proceso, dt.date(2024, 2, 1), dt.date(2024, 2, 29)))
    assert correcciones_de(doc) == []
    pendientes = tabla(doc, "Solicitada en", "Documento", "Descripción", "Días al corte")
    de_enero = [p for p in pendientes if p[0] == "Ordinaria 1 (17/01/2024)"
                and "diciembre" in p[1].lower()]
    assert de_enero and all(p[3] == "43" for p in de_enero)


# ───────── Staff marks count from their date (the dashboard's rule, tablero.seguimiento) ─────────
# The actas leave Ricardo Enrique Zamora Vizcaíno's correction of the January report (ordinaria 2,
# 21/02/2024) pending; staff mark it attended on 01/04/2024.

RICARDO = "Ricardo Enrique Zamora Vizcaíno"
MARCADA_EL = dt.date(2024, 4, 1)
REGISTROS = ("Corrección", "Registro", "Quién", "Registrado", "Nota")


@pytest.fixture
def marcada(db_proceso, tmp_path, monkeypatch):
    """The staff store (also as TABLERO_SEGUIMIENTO, for the command) with Ana's mark."""
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(tmp_path / "seguimiento"))
    almacen = Almacen()
    with connect_readonly(db_proceso) as con:
        pendientes = sg.estado_al(con, almacen).query("estado == 'pendiente'")
        assert pendientes["solicitante"].tolist() == [RICARDO]
        sg.marcar(con, almacen, pendientes["clave"].iloc[0], MARCADA_EL,
                  "Oficio 12: anexo corregido", "ana", "Ana López")
    return almacen


def test_marca_del_personal_atendida_al_corte_posterior(db_proceso, marcada):
    datos = generar(db_proceso, dt.date(2024, 1, 1), dt.date(2024, 4, 30), marcada)
    doc = abrir(datos)
    assert [f[4] for f in correcciones_de(doc, RICARDO)] == [
        "Atendida, 01/04/2024 (registro del personal)"]
    assert "Al 30 de abril de 2024 no hay correcciones pendientes." in texto(doc)
    assert "o cuando el personal del Comité registró en el tablero su atención" in texto(doc)
    registros = tabla(doc, *REGISTROS)
    assert len(registros) == 1
    correccion, registro, quien, registrado, nota = registros[0]
    assert correccion.startswith("Ordinaria 2 (21/02/2024), Informe mensual de actividades de "
                                 "enero de 2024: ")
    assert registro == "Marcada como atendida el 01/04/2024"
    assert quien == "Ana López (ana)"
    marcada_en = dt.datetime.fromisoformat(marcada.marcas()["marcada_en"].iloc[0])
    assert registrado == f"{marcada_en:%d/%m/%Y %H:%M} UTC"
    assert nota == "Oficio 12: anexo corregido"
    # the same database, store and period: the same bytes
    assert generar(db_proceso, dt.date(2024, 1, 1), dt.date(2024, 4, 30), marcada) == datos


def test_marca_del_personal_posterior_al_corte_no_cuenta(db_proceso, marcada, tmp_path):
    periodo = (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    datos = generar(db_proceso, *periodo, marcada)
    doc = abrir(datos)
    assert [f[4] for f in correcciones_de(doc, RICARDO)] == ["Pendiente"]
    pendientes = tabla(doc, "Solicitada en", "Documento", "Descripción", "Días al corte")
    assert [p[0] for p in pendientes] == ["Ordinaria 2 (21/02/2024)"]
    assert "Registros del personal" not in texto(doc)
    # as if staff had entered nothing: the document the actas alone give
    assert datos == generar(db_proceso, *periodo, Almacen(tmp_path / "vacio"))
    assert not (tmp_path / "vacio").exists()                # reading never creates the store


def test_el_personal_rechaza_el_vinculo_del_acta(db_proceso, tmp_path):
    """A link decision is a staff entry too: the report shows its effect and lists it."""
    almacen = Almacen(tmp_path / "seguimiento")
    with connect_readonly(db_proceso) as con:
        pares = sg.vinculos(con, almacen)
        del_acta = pares[pares["solicitante"] == SOLICITANTE].iloc[0]
        sg.decidir(con, almacen, del_acta["atendida"], del_acta["correccion"], "rechazado",
                   "Habla de otra tabla", "ana", "Ana López")
    doc = abrir(generar(db_proceso, dt.date(2024, 1, 1), dt.date(2024, 3, 20), almacen))
    assert [f[4] for f in correcciones_de(doc)] == ["Pendiente"]
    registros = tabla(doc, *REGISTROS)
    assert [r[1:3] for r in registros] == [
        ["Vínculo rechazado con lo que reporta cotaprep-colima-2024-03-20-ordinaria-03.txt, "
         "línea 39 (20/03/2024)", "Ana López (ana)"]]


def test_comando_lee_el_registro_del_personal(db_proceso, marcada, tmp_path):
    salida = tmp_path / "abril.docx"
    hecho = _comando("--desde", "2024-01-01", "--hasta", "2024-04-30", "--salida", str(salida),
                     "--db", str(db_proceso))
    assert hecho.returncode == 0, hecho.stderr
    assert salida.read_bytes() == generar(db_proceso, dt.date(2024, 1, 1), dt.date(2024, 4, 30),
                                          marcada)


# ───────────────────────────── El comando ─────────────────────────────

def _comando(*argumentos):
    return subprocess.run([sys.executable, "-m", "etl", "informe", *argumentos], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def test_comando_escribe_el_informe(db_real, enero, tmp_path):
    salida = tmp_path / "enero.docx"
    hecho = _comando("--desde", "2021-01-01", "--hasta", "2021-01-31", "--salida", str(salida),
                     "--db", str(db_real))
    assert hecho.returncode == 0, hecho.stderr
    assert hecho.stdout.strip() == (f"Informe escrito en {salida}: 1 sesión, del 1 al 31 de "
                                    "enero de 2021, corte al 31 de enero de 2021.")
    assert salida.read_bytes() == enero


def test_comando_periodo_sin_sesiones(db_real, tmp_path):
    salida = tmp_path / "febrero.docx"
    hecho = _comando("--desde", "2021-02-01", "--hasta", "2021-02-28", "--salida", str(salida),
                     "--db", str(db_real))
    assert hecho.returncode == 1
    assert hecho.stdout == ""
    assert hecho.stderr.splitlines() == [
        "Error: No hay sesiones entre el 1 de febrero de 2021 y el 28 de febrero de 2021: elija "
        "un periodo que incluya alguna sesión cargada, o cargue sus actas con «python -m etl "
        "build»."]
    assert not salida.exists()


def test_comando_fecha_invalida(db_real, tmp_path):
    hecho = _comando("--desde", "2021-13-01", "--hasta", "2021-01-31", "--salida",
                     str(tmp_path / "x.docx"), "--db", str(db_real))
    assert hecho.returncode == 1
    assert hecho.stderr.splitlines() == [
        "Error: La fecha inicial «2021-13-01» no es válida: escríbala como AAAA-MM-DD."]


# ───────────────────────────── La página ─────────────────────────────

@pytest.fixture
def pagina(db_real, monkeypatch):
    monkeypatch.setenv("TABLERO_DB", str(db_real))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield AppTest.from_file(str(ROOT / "paginas" / "informe.py"), default_timeout=30)
    st.cache_data.clear()
    st.cache_resource.clear()


def test_pagina_muestra_el_informe_de_enero(pagina):
    at = pagina.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Informe"]
    assert at.date_input(key="informe_desde").value == ENERO[0]
    assert at.date_input(key="informe_hasta").value == ENERO[1]
    assert [b.key for b in at.get("download_button")] == ["informe_docx", "plantilla_base"]
    tablas = [df.value for df in at.dataframe]
    sesiones = next(t for t in tablas if "Duración" in t.columns)
    assert sesiones["Duración"].tolist() == ["25 minutos"]
    votaciones = next(t for t in tablas if "Núm." in t.columns)
    assert len(votaciones) == 9
    assert any("### 9. Correcciones solicitadas y su seguimiento" == m.value for m in at.markdown)


def test_pagina_periodo_sin_sesiones(pagina):
    at = pagina.run()
    at.date_input(key="informe_desde").set_value(dt.date(2021, 2, 1)).run()
    at.date_input(key="informe_hasta").set_value(dt.date(2021, 2, 28)).run()
    assert not at.exception
    assert [i.value for i in at.info] == [
        "No hay sesiones entre el 1 de febrero de 2021 y el 28 de febrero de 2021: elija un "
        "periodo que incluya alguna sesión cargada, o cargue sus actas con «python -m etl build»."]
    assert len(at.get("download_button")) == 0
