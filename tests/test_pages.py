"""Every page of the dashboard under streamlit.testing.v1.AppTest, against databases built by the
real ETL: no exception, and the numbers a person reads. Also the empty state, the frame, the URL
that reopens a view, and a rebuild seen without a restart."""
import os
import re
import shutil
from pathlib import Path

import pytest
import streamlit as st

from conftest import abrir_pagina

from tablero.paginas import PAGINAS

ROOT = Path(__file__).resolve().parent.parent
PROPIAS = [archivo for archivo, _, _ in PAGINAS[:7]]      # the dashboard's own pages
TITULOS = {archivo: titulo for archivo, titulo, _ in PAGINAS}


pytestmark = pytest.mark.usefixtures("caches_limpias")


abrir = abrir_pagina


def metricas(at):
    return {m.label: m.value for m in at.metric}


def textos(at):
    partes = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return "\n".join(partes)


def sin_errores(at):
    assert not at.exception, at.exception[0].message
    assert not at.error, at.error[0].value


@pytest.mark.parametrize("archivo", PROPIAS)
def test_cada_pagina_con_el_acta_real(archivo, monkeypatch, db_real):
    at = abrir(archivo, monkeypatch, db_real)
    sin_errores(at)
    assert at.title[0].value == TITULOS[archivo]
    assert "desde 1 acta (1 sesión)" in textos(at)                # the footer


@pytest.mark.parametrize("archivo", PROPIAS)
def test_cada_pagina_con_el_proceso(archivo, monkeypatch, db_proceso):
    at = abrir(archivo, monkeypatch, db_proceso)
    sin_errores(at)
    assert at.title[0].value == TITULOS[archivo]


@pytest.mark.parametrize("archivo", PROPIAS + ["dashboard.py"])
def test_sin_base_de_datos_dice_el_comando(archivo, monkeypatch, tmp_path):
    at = abrir(archivo, monkeypatch, tmp_path / "no-existe.duckdb")
    assert not at.exception
    assert at.info[0].value == "No hay base de datos: ejecute `python -m etl build`"


def test_resumen(monkeypatch, db_real):
    at = abrir("paginas/resumen.py", monkeypatch, db_real)
    m = metricas(at)
    assert m["Sesiones celebradas"] == "1"
    assert m["Duración total"] == "25 min"
    assert m["Votaciones unánimes"] == "100 %"
    assert m["Correcciones pendientes"] == "3"
    # The dictamen «no será sometido a votación» and the prototype likewise: presented, done.
    assert m["Documentos en proceso"] == "0"
    assert "9 de 9 votaciones" in textos(at)
    assert "8 de 11 representaciones acreditadas" in textos(at)


def test_asistencia(monkeypatch, db_real):
    at = abrir("paginas/asistencia.py", monkeypatch, db_real)
    m = metricas(at)
    assert m["Llegadas tarde"] == "3"
    assert m["Ausencias"] == "3"
    llegadas = next(t.value for t in at.markdown if t.value.startswith("**Llegaron tarde:**"))
    for partido, punto in (("RSP", 5), ("PRI", 7), ("MORENA", 9)):
        assert f"{partido} (punto {punto}, 28 de enero de 2021)" in llegadas


def test_votaciones(monkeypatch, db_real):
    at = abrir("paginas/votaciones.py", monkeypatch, db_real)
    m = metricas(at)
    assert m["Votaciones"] == "9"
    assert m["Unánimes"] == "9 de 9"
    assert m["Nominales / económicas"] == "9 / 0"
    assert at.success[0].value == "Las 9 votaciones de las sesiones elegidas fueron unánimes."


def test_sesiones(monkeypatch, db_real):
    at = abrir("paginas/sesiones.py", monkeypatch, db_real)
    sin_errores(at)
    m = metricas(at)
    assert m["Fecha"] == "28 de enero de 2021"
    assert m["Duración"] == "25 min"
    assert m["Horario"] == "17:00–17:25 h"
    assert at.header[0].value == "Sesión ordinaria 2 · 28 de enero de 2021"
    votos = [e for e in at.expander if e.label.startswith("Punto")]
    assert len(votos) == 9
    assert all("por unanimidad" in e.label for e in votos)
    # the acta's own words, on demand, under each vote
    assert "aprobado por unanimidad" in "\n".join(m.value for m in votos[0].markdown)
    assert at.query_params["sesion"] == "cotaprep-durango-2021-01-28-ordinaria-02"


def test_correcciones(monkeypatch, db_real):
    at = abrir("paginas/correcciones.py", monkeypatch, db_real)
    m = metricas(at)
    assert (m["Solicitadas"], m["Pendientes"], m["Atendidas"]) == ("3", "3", "0")


def test_documentos(monkeypatch, db_real):
    at = abrir("paginas/documentos.py", monkeypatch, db_real)
    assert any(t.value.startswith("**Dictamen IEPC/UTC/PREP/DICT/001/2021**: presentado")
               for t in at.markdown)


def test_calidad(monkeypatch, db_real):
    at = abrir("paginas/calidad.py", monkeypatch, db_real)
    m = metricas(at)
    assert int(m["Números de sesión"]) >= 1           # «sesión ordinaria número uno», line 51
    assert (m["Conteos"], m["Unanimidad"], m["Quórum"]) == ("0", "0", "0")
    assert at.subheader[0].value.startswith("Números de sesión contradictorios")


def test_el_marco_abre_el_resumen(monkeypatch, db_real):
    at = abrir("dashboard.py", monkeypatch, db_real)
    sin_errores(at)
    assert at.title[0].value == "Resumen"
    assert at.sidebar.selectbox(key="f_tipo").value == "Todos"


def test_los_filtros_viven_en_la_url(monkeypatch, db_real):
    at = abrir("dashboard.py", monkeypatch, db_real, {"tipo": "ordinaria"})
    assert at.sidebar.selectbox(key="f_tipo").value == "ordinaria"
    assert at.query_params["tipo"] == "ordinaria"


def test_cambiar_un_filtro_reescribe_la_url(monkeypatch, db_real):
    # AppTest reruns only the page of a st.navigation app, so the rerun is tested on a page run
    # alone (it draws the same sidebar); the browser test covers the frame.
    at = abrir("paginas/resumen.py", monkeypatch, db_real, {"tipo": "ordinaria"})
    assert metricas(at)["Sesiones celebradas"] == "1"
    at.sidebar.selectbox(key="f_tipo").set_value("Todos").run()
    assert "tipo" not in at.query_params
    assert metricas(at)["Sesiones celebradas"] == "1"


def test_un_filtro_sin_sesiones_lo_dice(monkeypatch, db_real):
    at = abrir("paginas/resumen.py", monkeypatch, db_real, {"tipo": "x"})   # unknown: ignored
    assert metricas(at)["Sesiones celebradas"] == "1"
    assert "tipo" not in at.query_params
    at = abrir("paginas/votaciones.py", monkeypatch, db_real,
               {"proceso": "Proceso Electoral Local 2020-2021"})
    assert metricas(at)["Votaciones"] == "9"


def test_un_enlace_reabre_la_sesion_elegida(monkeypatch, db_proceso):
    from tablero import db, queries
    con = db.connect_readonly(db_proceso)
    sesiones = queries.sesiones(con)
    con.close()
    primera = sesiones.iloc[0]
    at = abrir("paginas/sesiones.py", monkeypatch, db_proceso, {"sesion": primera["clave"]})
    sin_errores(at)
    assert at.selectbox(key="f_sesion").value == primera["clave"]
    from tablero import formato
    assert at.header[0].value == formato.nombre_sesion(primera["tipo"], primera["numero"],
                                                        primera["fecha"])
    assert at.query_params["sesion"] == primera["clave"]


def test_una_reconstruccion_se_ve_sin_reiniciar(monkeypatch, tmp_path, db_real, db_proceso):
    from tablero import db, formato, queries
    con = db.connect_readonly(db_proceso)
    esperado = queries.sesiones(con)
    con.close()
    base = tmp_path / "tablero.duckdb"
    shutil.copy(db_real, base)
    at = abrir("paginas/resumen.py", monkeypatch, base)
    assert metricas(at)["Duración total"] == "25 min"
    nueva = tmp_path / "nueva.duckdb"
    shutil.copy(db_proceso, nueva)
    os.replace(nueva, base)                                 # as `python -m etl build` swaps it in
    at.run()
    m = metricas(at)
    assert m["Sesiones celebradas"] == str(len(esperado))
    assert m["Duración total"] == formato.duracion(esperado["duracion_min"].sum())


# ───────── staff marks: every page states the same status (tablero.seguimiento.estado_al) ─────────
# In tests/fixtures/proceso the actas leave one correction pending: Ricardo Enrique Zamora
# Vizcaíno's, of the January report (ordinaria 2, 21/02/2024). Staff mark it attended.

RICARDO = "Ricardo Enrique Zamora Vizcaíno"
ORDINARIA_2 = "cotaprep-colima-2024-02-21-ordinaria-02"


def marcar_la_de_ricardo(base, monkeypatch, tmp_path):
    """A staff store in TABLERO_SEGUIMIENTO where Ana López marked Ricardo's correction attended
    on 01/04/2024."""
    import datetime as dt

    from tablero import db, seguimiento as sg
    from tablero.almacen import Almacen
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(tmp_path / "seguimiento"))
    almacen = Almacen()
    with db.connect_readonly(base) as con:
        pendientes = sg.estado_al(con, almacen).query("estado == 'pendiente'")
        assert pendientes["solicitante"].tolist() == [RICARDO]
        sg.marcar(con, almacen, pendientes["clave"].iloc[0], dt.date(2024, 4, 1),
                  "Oficio 12: anexo corregido", "ana", "Ana López")


def test_resumen_cuenta_la_marca_del_personal(monkeypatch, tmp_path, db_proceso):
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(tmp_path / "seguimiento"))
    at = abrir("paginas/resumen.py", monkeypatch, db_proceso)
    assert metricas(at)["Correcciones pendientes"] == "1"
    assert not (tmp_path / "seguimiento").exists()          # reading never creates the store
    marcar_la_de_ricardo(db_proceso, monkeypatch, tmp_path)
    at.run()                                                # a save is seen without a restart
    sin_errores(at)
    assert metricas(at)["Correcciones pendientes"] == "0"


def test_correcciones_muestra_la_marca_del_personal(monkeypatch, tmp_path, db_proceso):
    marcar_la_de_ricardo(db_proceso, monkeypatch, tmp_path)
    at = abrir("paginas/correcciones.py", monkeypatch, db_proceso)
    sin_errores(at)
    m = metricas(at)
    assert (m["Solicitadas"], m["Pendientes"], m["Atendidas"]) == ("2", "0", "2")
    cada = at.dataframe[0].value.set_index("Solicitante")
    assert cada.loc[RICARDO, "Estado"] == "atendida"
    assert cada.loc[RICARDO, "Atendida el"] == "1 de abril de 2024"
    assert cada.loc[RICARDO, "Atendida según"] == ("Marcada por Ana López (ana): Oficio 12: "
                                                   "anexo corregido")
    por_documento = next(df.value for df in at.dataframe if "Documento" in df.value.columns
                         and "Pendientes" in df.value.columns)
    assert por_documento["Pendientes"].sum() == 0


def test_sesiones_muestra_la_marca_del_personal(monkeypatch, tmp_path, db_proceso):
    marcar_la_de_ricardo(db_proceso, monkeypatch, tmp_path)
    at = abrir("paginas/sesiones.py", monkeypatch, db_proceso, {"sesion": ORDINARIA_2})
    sin_errores(at)
    pedidas = next(df.value for df in at.dataframe if "Corrección" in df.value.columns
                   and "Estado" in df.value.columns)
    assert pedidas[["Solicitante", "Estado"]].values.tolist() == [[RICARDO, "atendida"]]


# -- Facts corrected by staff say so wherever they cite their acta line -----------------------

@pytest.fixture(scope="module")
def db_corregida(tmp_path_factory):
    """The real acta with staff corrections (tablero/revision.py, as «Revisar acta» stores them)
    of an attendance (Martín Gallardo, and the PRI's representative), a vote, a correction and a
    document, built; (database, store folder)."""
    from etl.load import build
    from tablero import revision
    from tablero.almacen import Almacen

    carpeta = tmp_path_factory.mktemp("corregida")
    actas, almacen = carpeta / "actas", Almacen(carpeta / "seguimiento")
    actas.mkdir()
    archivo = actas / "cotaprep-durango-2021-01-28-ordinaria-02.txt"
    shutil.copy(ROOT / "data" / "actas" / archivo.name, archivo)
    datos = revision.exportar(archivo, almacen)
    next(a for a in datos["asistentes"] if a["nombre"] == "Martín Gallardo García")[
        "llegada_punto"] = 5
    next(a for a in datos["asistentes"] if a["partido"] == "PRI")["retiro_punto"] = 9
    datos["votaciones"][0]["asunto"] = "Aprobación del orden del día"
    datos["correcciones"][0]["descripcion"] += " (revisada)"
    next(d for d in datos["documentos"] if d["clave"])["estado"] = "aprobado"
    assert revision.aplicar(archivo, datos, "Ana López", "revisión de prueba", almacen) >= 5
    base = carpeta / "tablero.duckdb"
    assert build(actas, base, progress=False, almacen=almacen.carpeta).ok
    return base, almacen.carpeta


def _origenes(at):
    """Every «Origen» cell of every table on the page."""
    return [valor for df in at.dataframe if "Origen" in df.value.columns
            for valor in df.value["Origen"]]


@pytest.mark.parametrize("archivo, parametros", [
    ("paginas/asistencia.py", {}),
    ("paginas/votaciones.py", {}),
    ("paginas/correcciones.py", {}),
    ("paginas/documentos.py", {}),
    ("paginas/sesiones.py", {}),
    ("paginas/partido.py", {"partido": "PRI"}),
])
def test_lo_corregido_por_el_personal_lo_dice_junto_a_su_linea(archivo, parametros, monkeypatch,
                                                               db_corregida):
    base, almacen = db_corregida
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(almacen))
    at = abrir(archivo, monkeypatch, base, parametros)
    sin_errores(at)
    origenes = _origenes(at)
    assert any(re.fullmatch(r"corregido por Ana López el \d\d/\d\d/\d{4} a las \d\d:\d\d UTC", o)
               for o in origenes), origenes
    assert "acta" in origenes or archivo == "paginas/partido.py"     # the others: from the acta
    for df in at.dataframe:                   # «Origen» right after the line it qualifies
        columnas = list(df.value.columns)
        if "Origen" in columnas and any(c.startswith("Línea del acta") for c in columnas):
            assert columnas[columnas.index("Origen") - 1].startswith("Línea del acta")


def test_la_ficha_de_la_persona_y_sus_palabras_del_acta_dicen_la_correccion(monkeypatch,
                                                                           db_corregida):
    from tablero import db as tablero_db

    base, almacen = db_corregida
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(almacen))
    with tablero_db.connect_readonly(base) as con:
        martin = con.execute("SELECT persona_id FROM personas WHERE nombre = "
                             "'Martín Gallardo García'").fetchone()[0]
    at = abrir("paginas/persona.py", monkeypatch, base, {"persona": str(martin)})
    sin_errores(at)
    assert any(o.startswith("corregido por Ana López el ") for o in _origenes(at))
    # Sesiones: his late arrival cites its line in a popover that says it was corrected, and
    # the acta's words inside start with the mark.
    at = abrir("paginas/sesiones.py", monkeypatch, base)
    lineas = [p for p in at.get("popover") if p.proto.popover.label.startswith("Acta, línea ")]
    corregidas = [p for p in lineas if p.proto.popover.label.endswith(" · corregido")]
    assert corregidas and len(corregidas) < len(lineas), [p.proto.popover.label for p in lineas]
    popover = corregidas[0]
    marcas = [c.value for c in popover.caption if c.value.startswith("Dato corregido")]
    assert marcas and re.fullmatch(r"Dato corregido por Ana López el [\d/]+ a las [\d:]+ UTC; "
                                   r"el acta dice:", marcas[0])


def test_sin_correcciones_no_hay_columna_origen(monkeypatch, db_real):
    at = abrir("paginas/sesiones.py", monkeypatch, db_real)
    assert not _origenes(at)
