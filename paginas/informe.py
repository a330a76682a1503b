"""Informe: the committee's «informe parcial de actividades» for a period, previewed here and
downloaded as .docx. The page and `python -m etl informe` share one code path
(tablero.informe.build_informe): what this page shows is what the document says."""
import calendar
import re

import pandas as pd
import streamlit as st

from tablero import informe, queries, ui
from tablero.almacen import Almacen, AlmacenError

MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_MARKDOWN = re.compile(r"([\\`*_{}\[\]#|>~<$])")


@st.cache_data(max_entries=16, show_spinner="Generando el informe…")
def _generar(identidad, carpeta, version_almacen, desde, hasta, comite):
    """(blocks, .docx bytes), cached until the database is rebuilt (its identity changes) or
    staff save a change in their store (its version changes)."""
    return informe.build_informe(ui.cursor(), desde, hasta, Almacen(carpeta), comite=comite)


def _periodo_inicial(comite):
    """The month of the committee's latest session: the report staff write after each month's
    session."""
    ultima = pd.Timestamp(ui.consulta(queries.rango_fechas, comite=comite).iloc[0]["hasta"]).date()
    fin = calendar.monthrange(ultima.year, ultima.month)[1]
    return ultima.replace(day=1), ultima.replace(day=fin)


def _escapar(texto):
    return _MARKDOWN.sub(r"\\\1", texto)


def _portada(doc):
    with st.container(border=True):
        st.markdown(f"**{_escapar(doc.instituto)}**  \n{_escapar(doc.organo)} (COTAPREP)  \n"
                    f"{_escapar(doc.proceso)}")
        st.markdown(f"### Informe parcial de actividades\nPeriodo: "
                    f"{informe.periodo_texto(doc.desde, doc.hasta)} · fecha de corte: "
                    f"{informe.fecha_texto(doc.hasta)}")


def _bloque(bloque):
    """One block of the report, as the document has it."""
    if isinstance(bloque, informe.Titulo):
        st.markdown("#" * (bloque.nivel + 2) + " " + _escapar(bloque.texto))
    elif isinstance(bloque, informe.Parrafo):
        st.markdown(_escapar(bloque.texto))
    elif isinstance(bloque, informe.Tabla):
        st.dataframe(bloque.datos, hide_index=True)
    elif isinstance(bloque, informe.Grafica):
        ui.grafica(bloque.grafica)
        st.caption(bloque.pie)


def pagina_informe():
    ui.encabezado("Informe", "El informe parcial de actividades del Comité para un periodo, "
                             "generado de las actas: revíselo aquí y descárguelo en Word.")
    comite = ui.comite_en_alcance()
    inicio, fin = _periodo_inicial(comite)
    izquierda, derecha = st.columns(2)
    desde = izquierda.date_input("Desde", value=inicio, format="DD/MM/YYYY", key="informe_desde")
    hasta = derecha.date_input("Hasta (fecha de corte)", value=fin, format="DD/MM/YYYY",
                               key="informe_hasta")
    st.caption("El informe es del comité elegido en la barra lateral y abarca todas sus sesiones "
               "del periodo elegido aquí (las fechas y el tipo de la barra lateral no se aplican); "
               "el estado de las correcciones es el que consta en "
               "las actas hasta la fecha de corte y en las marcas del personal (Seguimiento) con "
               "fecha hasta ese día.")
    almacen = Almacen()
    try:
        doc, datos = _generar(ui.identidad(), str(almacen.carpeta), almacen.version(), desde,
                              hasta, comite)
    except informe.InformeError as error:
        st.info(str(error), icon=":material/event_busy:")
        ui.fin()
        st.stop()
    except AlmacenError as error:
        st.error(str(error), icon=":material/error:")
        st.stop()
    st.download_button("Descargar informe (.docx)", datos, mime=MIME_DOCX, type="primary",
                       file_name=f"informe-cotaprep-{desde.isoformat()}-{hasta.isoformat()}.docx",
                       icon=":material/download:", on_click="ignore", key="informe_docx")
    _portada(doc)
    for bloque in doc.bloques:
        _bloque(bloque)
    ui.fin()


pagina_informe()
