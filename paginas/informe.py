"""Informe: the committee's «informe parcial de actividades» for a period, previewed here in the
template's order and downloaded as .docx. The page and `python -m etl informe` share one code path
(tablero.informe.build_informe): what this page shows is what the document says. Signed-in staff
write the sections the actas cannot give and choose the Word template."""
import calendar
import re

import pandas as pd
import streamlit as st

from tablero import acceso, informe, narrativa, plantilla, queries, ui
from tablero.almacen import Almacen, AlmacenError

MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_MARKDOWN = re.compile(r"([\\`*_{}\[\]#|>~<$])")


@st.cache_data(max_entries=16, show_spinner="Generando el informe…")
def _generar(identidad, carpeta, version_almacen, plantilla_datos, desde, hasta):
    """(blocks, .docx bytes), cached until the database is rebuilt (its identity changes), staff
    save a change in their store (its version changes) or the template changes."""
    doc = informe.build_secciones(ui.cursor(), desde, hasta, Almacen(carpeta))
    return doc, informe.render_docx(doc, plantilla_datos)


def _periodo_inicial():
    """The month of the latest session: the report staff write after each month's session."""
    ultima = pd.Timestamp(ui.consulta(queries.rango_fechas).iloc[0]["hasta"]).date()
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
    elif isinstance(bloque, informe.Firmas):
        st.dataframe(pd.DataFrame(bloque.personas, columns=["Firma", "Cargo"]), hide_index=True)


def _vista_previa(doc, datos_plantilla):
    _portada(doc)
    for titulo, campo in plantilla.estructura(datos_plantilla):
        if campo in plantilla.CAMPOS and campo not in doc.secciones and \
                campo not in narrativa.SECCIONES:
            continue
        if titulo:
            st.markdown(f"### {_escapar(titulo)}")
        if campo in doc.secciones:
            for bloque in doc.secciones[campo]:
                _bloque(bloque)
        else:
            for parrafo in informe.parrafos_narrativa(doc, campo):
                st.markdown(_escapar(parrafo))


def _redactar(doc, persona, almacen):
    """The staff's sections of this informe, saved as a draft with its audit."""
    if not persona:
        st.info("Inicie sesión (barra lateral) para redactar los apartados que no salen de las "
                "actas: antecedentes, actividades sustantivas, recomendaciones y conclusiones.",
                icon=":material/lock:")
        return
    clave = informe.clave_informe(doc)
    with st.form("narrativa"):
        textos = {campo: st.text_area(titulo, value=doc.narrativa.get(campo, ""), height=160,
                                      key=f"narrativa-{campo}",
                                      placeholder=("Texto base: " + narrativa.texto({}, campo, doc.instituto))
                                      if narrativa.SECCIONES[campo][1] else "Sin redactar")
                  for campo, (titulo, _) in narrativa.SECCIONES.items()}
        guardar = st.form_submit_button("Guardar borrador", icon=":material/save:", type="primary")
    if guardar:
        try:
            cambios = sum(narrativa.guardar(almacen, clave, campo, texto, persona["usuario"],
                                            persona["nombre"]) for campo, texto in textos.items())
        except AlmacenError as error:
            st.error(str(error), icon=":material/error:")
            return
        st.cache_data.clear()
        st.toast(f"Borrador guardado ({cambios} apartado{'s' if cambios != 1 else ''} con cambios).")
        st.rerun()


def _plantilla(persona, almacen):
    en_uso = plantilla.ruta_plantilla()
    st.markdown("El informe se genera con una plantilla de Word: la institución decide el orden "
                "de los apartados, el membrete y las fuentes. Descargue la plantilla base, "
                "edítela en Word conservando los campos `{{ … }}` y súbala.")
    st.caption(f"Plantilla en uso: {'la base del tablero' if en_uso is None else en_uso.name}. "
               f"Campos obligatorios: {', '.join(plantilla.OBLIGATORIOS)}.")
    st.download_button("Descargar la plantilla base (.docx)", plantilla.plantilla_base(),
                       file_name="plantilla-informe-cotaprep.docx", mime=MIME_DOCX,
                       icon=":material/download:", on_click="ignore", key="plantilla_base")
    if not persona:
        return
    subida = st.file_uploader("Subir una plantilla propia (.docx)", type=["docx"], key="plantilla_subida")
    if subida is not None and st.button("Usar esta plantilla", key="plantilla_usar", type="primary"):
        try:
            plantilla.guardar_personal(subida.getvalue(), persona["usuario"], almacen)
        except (plantilla.PlantillaError, AlmacenError) as error:
            st.error(str(error), icon=":material/error:")
            return
        st.cache_data.clear()
        st.rerun()
    if en_uso is not None and st.button("Volver a la plantilla base", key="plantilla_base_volver"):
        plantilla.guardar_personal(None, persona["usuario"], almacen)
        st.cache_data.clear()
        st.rerun()


def pagina_informe():
    ui.encabezado("Informe", "El informe parcial de actividades del Comité para un periodo, "
                             "generado de las actas: revíselo aquí y descárguelo en Word.")
    persona = acceso.sesion()
    inicio, fin = _periodo_inicial()
    izquierda, derecha = st.columns(2)
    desde = izquierda.date_input("Desde", value=inicio, format="DD/MM/YYYY", key="informe_desde")
    hasta = derecha.date_input("Hasta (fecha de corte)", value=fin, format="DD/MM/YYYY",
                               key="informe_hasta")
    st.caption("El informe abarca todas las sesiones del periodo elegido aquí (los filtros de la "
               "barra lateral no se aplican); el estado de las correcciones es el que consta en "
               "las actas hasta la fecha de corte y en las marcas del personal (Seguimiento) con "
               "fecha hasta ese día.")
    almacen = Almacen()
    try:
        datos_plantilla = plantilla.bytes_plantilla()
        doc, datos = _generar(ui.identidad(), str(almacen.carpeta), almacen.version(),
                              datos_plantilla, desde, hasta)
    except informe.InformeError as error:
        st.info(str(error), icon=":material/event_busy:")
        ui.fin()
        st.stop()
    except (AlmacenError, plantilla.PlantillaError) as error:
        st.error(str(error), icon=":material/error:")
        _plantilla(persona, almacen)
        st.stop()
    st.download_button("Descargar informe (.docx)", datos, mime=MIME_DOCX, type="primary",
                       file_name=f"informe-cotaprep-{desde.isoformat()}-{hasta.isoformat()}.docx",
                       icon=":material/download:", on_click="ignore", key="informe_docx")
    previa, redactar, plantillas = st.tabs(["Vista previa", "Redactar apartados", "Plantilla"])
    with previa:
        _vista_previa(doc, datos_plantilla)
    with redactar:
        _redactar(doc, persona, almacen)
    with plantillas:
        _plantilla(persona, almacen)
    ui.fin()


pagina_informe()
