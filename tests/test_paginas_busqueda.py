"""The Búsqueda, Personas and Partidos pages and the acta on the Sesiones page, under AppTest
against databases built by the real ETL: what a person reads, and the links that open each view."""
import html
import re
from pathlib import Path

import pytest
import streamlit as st

from conftest import abrir_pagina

from tablero import db

ROOT = Path(__file__).resolve().parent.parent
REAL = "cotaprep-durango-2021-01-28-ordinaria-02"


pytestmark = pytest.mark.usefixtures("caches_limpias")


def abrir(archivo, monkeypatch, base, query_params=None):
    at = abrir_pagina(archivo, monkeypatch, base, query_params)
    assert not at.exception, at.exception[0].message
    assert not at.error, at.error[0].value
    return at


def plano(texto):
    """The sentence a person reads: warnings escape every punctuation mark (tablero.ui.plano)."""
    return re.sub(r"\\(.)", r"\1", texto)


def markdown(at):
    return [m.value for m in at.markdown]


def persona_id(base, patron):
    con = db.connect_readonly(base)
    try:
        return con.execute("SELECT persona_id FROM personas WHERE nombre LIKE ?",
                           [patron]).fetchone()[0]
    finally:
        con.close()


# -- Sesiones: the acta itself -----------------------------------------------------------------

def filas_html(at):
    """line number -> text of the acta's numbered text (st.html)."""
    cuerpo = at.get("html")[0].proto.body
    return {int(n): re.sub(r"<[^>]+>", "", texto).replace("&nbsp;", "")
            for n, texto in re.findall(r'<div id="linea-(\d+)"[^>]*><a [^>]*>\d+</a>'
                                       r"<span>(.*?)</span></div>", cuerpo)}


def test_el_texto_completo_numera_como_fuente_linea(monkeypatch, db_real):
    # The real acta begins with four blank lines: the numbering must count them.
    texto = (ROOT / "data" / "actas" / f"{REAL}.txt").read_text(encoding="utf-8")
    assert texto.startswith("\n\n\n\n")
    at = abrir("paginas/sesiones.py", monkeypatch, db_real)
    filas = filas_html(at)
    crudas = texto.split("\n")
    assert len(filas) == len(crudas)
    assert all(filas[n] == html.escape(crudas[n - 1]) for n in filas)
    assert "ente auditor" in filas[63] and filas[63].startswith("7. Presentación del Dictamen")
    # every vote's fuente.linea is the line whose text states it
    con = db.connect_readonly(db_real)
    votos = con.execute("SELECT linea FROM votaciones ORDER BY linea").fetchall()
    con.close()
    for (linea,) in votos:
        assert "unanimidad" in filas[linea].lower() or "aprob" in filas[linea].lower()


def test_un_enlace_abre_el_acta_en_su_linea(monkeypatch, db_real):
    at = abrir("paginas/sesiones.py", monkeypatch, db_real, {"sesion": REAL, "linea": "246"})
    assert f"Acta {REAL}.txt, línea 246" in [s.value for s in at.subheader]
    citada = next(m for m in markdown(at) if "▶" in m)
    assert "síntesis curricular" in citada
    cuerpo = at.get("html")[0].proto.body
    assert '<div id="linea-246" class="resaltada">' in cuerpo
    assert at.expander[-1].proto.expanded is True       # «Texto completo del acta», opened
    assert at.query_params["linea"] == "246"


def test_el_acta_original_se_ofrece_con_su_sha256(monkeypatch, db_real):
    at = abrir("paginas/sesiones.py", monkeypatch, db_real)
    etiquetas = [b.proto.label for b in at.get("download_button")]
    assert "Descargar el acta original" in etiquetas
    assert any("sha256 `" in c.value and f"{REAL}.txt" in c.value for c in at.caption)


# -- Búsqueda ----------------------------------------------------------------------------------

def test_buscar_desde_la_url(monkeypatch, db_real):
    at = abrir("paginas/buscar.py", monkeypatch, db_real, {"q": "sintesis curricular"})
    textos = markdown(at)
    assert textos[0] == "**2 líneas**, las más pertinentes primero."
    assert f"[Abrir el acta en la línea 246](sesiones?sesion={REAL}&linea=246)" in textos
    assert f"[Abrir el acta en la línea 227](sesiones?sesion={REAL}&linea=227)" in textos
    assert any(":orange-background[**síntesis curricular**]" in t
               or ":orange-background[**síntesis**] :orange-background[**curricular**]" in t
               for t in textos)
    donde = next(t for t in textos if "línea 246" in t and t.startswith("**Sesión"))
    assert "punto 7" in donde and "habla Jorge Galo Solano García" in donde
    assert at.text_input(key="f_q").value == "sintesis curricular"


def test_buscar_con_orador_y_filtros_en_la_url(monkeypatch, db_real):
    alejandra = persona_id(db_real, "Alejandra del Carmen%")
    at = abrir("paginas/buscar.py", monkeypatch, db_real,
               {"q": "ente auditor", "orador": str(alejandra)})
    assert at.selectbox(key="f_orador").value == str(alejandra)
    assert at.info[0].value.startswith("Ninguna línea de las actas elegidas coincide")
    at.selectbox(key="f_orador").set_value("Todos").run()
    assert "orador" not in at.query_params
    assert markdown(at)[0] == "**4 líneas**, las más pertinentes primero."


def test_buscar_en_un_comite(monkeypatch, db_dos_comites):
    """The sidebar scopes the search to one committee (?comite=…); «todos» searches both."""
    colima = "cotaprep-iee-colima-pel-2023-2024"
    at = abrir("paginas/buscar.py", monkeypatch, db_dos_comites,
               {"q": '"Comité Técnico Asesor"', "comite": colima})
    assert at.sidebar.selectbox(key="f_comite").value == colima
    enlaces = [t for t in markdown(at) if t.startswith("[Abrir el acta")]
    assert enlaces and all("cotaprep-colima-2024-01-17-ordinaria-01" in t for t in enlaces)
    at.sidebar.selectbox(key="f_comite").set_value("todos").run()
    enlaces = [t for t in markdown(at) if t.startswith("[Abrir el acta")]
    assert any("durango" in t for t in enlaces) and any("colima" in t for t in enlaces)
    assert at.query_params["comite"] == "todos"


def test_buscar_sin_texto_explica_como(monkeypatch, db_real):
    at = abrir("paginas/buscar.py", monkeypatch, db_real)
    assert "frase exacta" in at.info[0].value


# -- Personas y partidos -----------------------------------------------------------------------

def test_la_ficha_de_una_persona(monkeypatch, db_real):
    alejandra = persona_id(db_real, "Alejandra del Carmen%")
    at = abrir("paginas/persona.py", monkeypatch, db_real, {"persona": str(alejandra)})
    assert at.header[0].value == "Alejandra del Carmen Arreola Delgado"
    m = {x.label: x.value for x in at.metric}
    assert m["Sesiones"] == "1"
    assert m["Votos con la mayoría"] == "9 de 9"
    assert m["Correcciones pedidas"] == "1"
    sesiones, votos, correcciones, grafias = (df.value for df in at.dataframe[:4])
    assert sesiones["Rol"].tolist() == ["Integrante"]
    assert len(votos) == 9 and set(votos["Con la mayoría"]) == {"Sí"}
    assert "Alejandra del Carmen Arreola Delgado" in grafias["Como lo escribe el acta"].tolist()
    assert at.query_params["persona"] == str(alejandra)


def test_la_ficha_de_un_partido(monkeypatch, db_real):
    at = abrir("paginas/partido.py", monkeypatch, db_real, {"partido": "PRI"})
    assert at.header[0].value == "PRI · Partido Revolucionario Institucional"
    m = {x.label: x.value for x in at.metric}
    assert m["Llegadas tarde"] == "1"
    assert m["Sesiones representado"] == "1 de 1"
    assert any(t.startswith("[Ficha de ") and "persona?persona=" in t for t in markdown(at))


def test_los_nombres_de_asistencia_llevan_a_su_ficha(monkeypatch, db_real):
    at = abrir("paginas/asistencia.py", monkeypatch, db_real)
    enlaces = [t for t in markdown(at) if t.startswith("[Ficha de ")]
    assert enlaces and re.fullmatch(r"\[Ficha de [^\]]+\]\(persona\?persona=\d+\)", enlaces[0])
    por_persona = next(df.value for df in at.dataframe if "Votos emitidos" in df.value.columns)
    assert por_persona["Ficha"].str.fullmatch(r"persona\?persona=\d+").all()


def test_cada_linea_citada_es_un_enlace(monkeypatch, db_real):
    at = abrir("paginas/calidad.py", monkeypatch, db_real)
    primera = at.dataframe[0].value
    assert primera["Línea del acta"].str.fullmatch(
        rf"sesiones\?sesion={REAL}&linea=\d+").all()


def test_el_marco_quita_los_parametros_de_otra_pagina(monkeypatch, db_real):
    # A «?persona=» carried to the Resumen (the default page) is dropped: each page keeps only
    # its own parameters and the sidebar's.
    at = abrir("dashboard.py", monkeypatch, db_real,
               {"persona": "1", "linea": "63", "q": "ente", "tipo": "ordinaria"})
    assert at.title[0].value == "Resumen"
    assert {k: v for k, v in at.query_params.items()} == {"tipo": "ordinaria"}


def test_la_pagina_dice_cuando_no_se_ordeno_todo(monkeypatch, db_real):
    from tablero import busqueda
    monkeypatch.setattr(busqueda, "RANQUEO_MAXIMO", 2)
    at = abrir("paginas/buscar.py", monkeypatch, db_real, {"q": "ente auditor"})
    assert any(c.value.startswith("Más de 2 líneas contienen lo buscado") for c in at.caption)


def test_un_enlace_a_una_sesion_fuera_de_los_filtros_lo_dice(monkeypatch, db_proceso):
    from tablero import queries
    con = db.connect_readonly(db_proceso)
    sesiones = queries.sesiones(con)
    con.close()
    primera = sesiones.iloc[0]
    otro_tipo = next(t for t in sesiones["tipo"] if t != primera["tipo"])
    at = abrir("paginas/sesiones.py", monkeypatch, db_proceso,
               {"sesion": primera["clave"], "linea": "5", "tipo": primera["tipo"]})
    assert not at.warning
    assert at.selectbox(key="f_sesion").value == primera["clave"]
    at = abrir("paginas/sesiones.py", monkeypatch, db_proceso,
               {"sesion": primera["clave"], "linea": "5", "tipo": otro_tipo})
    assert plano(at.warning[0].value).startswith(f"La sesión del enlace ({primera['clave']}) no "
                                                 "está entre las que eligen los filtros")
    assert "linea" not in at.query_params


# -- A link to something that does not exist says so -----------------------------------------

def test_un_enlace_a_una_sesion_que_no_existe_lo_dice(monkeypatch, db_real):
    at = abrir("paginas/sesiones.py", monkeypatch, db_real, {"sesion": "noexiste"})
    assert [plano(w.value) for w in at.warning] == [
        "No hay ninguna sesión con la clave «noexiste» en las actas cargadas: elija una de la "
        "lista de sesiones."]
    assert "[Ver la lista de sesiones](sesiones)" in markdown(at)
    assert at.selectbox(key="f_sesion").value == REAL       # the page still shows a session


def test_una_clave_con_marcas_se_muestra_como_texto(monkeypatch, db_real):
    at = abrir("paginas/sesiones.py", monkeypatch, db_real, {"sesion": "[x](http://otro.example)"})
    assert "\\[x\\]\\(http" in at.warning[0].value        # escaped: Markdown draws no link
    assert plano(at.warning[0].value).startswith("No hay ninguna sesión con la clave "
                                                 "«[x](http://otro.example)»")


@pytest.mark.parametrize("clave", ["999999", "abc"])
def test_un_enlace_a_una_persona_que_no_existe_lo_dice(clave, monkeypatch, db_real):
    at = abrir("paginas/persona.py", monkeypatch, db_real, {"persona": clave})
    assert [plano(w.value) for w in at.warning] == [
        f"No hay ninguna persona con la clave «{clave}» en las actas cargadas: elija una de la "
        "lista de personas."]
    assert at.header        # the first person is shown below


@pytest.mark.parametrize("clave, frase", [
    ("XYZ", "No hay ningún partido con la clave «XYZ» en el catálogo ni en las actas cargadas: "
            "elija uno de la lista de partidos."),
    ("PD", "Ninguna de las actas cargadas nombra al partido «PD»: elija uno de la lista de "
            "partidos."),
])
def test_un_enlace_a_un_partido_que_no_esta_lo_dice(clave, frase, monkeypatch, db_proceso):
    """Colima's actas name no Partido Duranguense (a local party of the catalog)."""
    at = abrir("paginas/partido.py", monkeypatch, db_proceso, {"partido": clave})
    assert [plano(w.value) for w in at.warning] == [frase]
