"""Cargar acta: signed-in staff upload an acta (.txt, .md, .pdf, .docx, or a scan: .pdf without
text, .png, .jpg, .tif, read by OCR with a progress bar per page); the page shows what was
read (the session, counts, attendees, votes and the avisos) before anything changes; «Aceptar»
saves it in the actas folder and rebuilds the database (tablero/carga.py). A file that is not an
acta gets its one-line error and changes nothing."""
import pandas as pd
import streamlit as st

from etl.errors import TableroError
from etl.lectura import LIMITE_MB
from etl.revision import comprobaciones
from tablero import acceso, carga, formato, ui

RESULTADO = "carga-resultado"


def _sesion(hechos):
    sesion = hechos.get("sesion") or {}
    st.markdown(f"**{formato.nombre_sesion(sesion.get('tipo'), sesion.get('numero'), sesion.get('fecha'))}**")
    st.caption(" · ".join(x for x in [
        hechos.get("instituto"), hechos.get("proceso"),
        f"{sesion.get('hora_inicio') or '?'}–{sesion.get('hora_fin') or '?'}",
        sesion.get("modalidad"), sesion.get("lugar")] if x))


def _conteos(hechos):
    claves = [("asistentes", "Asistentes"), ("orden_del_dia", "Puntos del orden del día"),
              ("votaciones", "Votaciones"), ("correcciones", "Correcciones"),
              ("correcciones_atendidas", "Correcciones atendidas"), ("documentos", "Documentos"),
              ("avisos", "Avisos")]
    columnas = st.columns(len(claves), border=True)
    for columna, (clave, etiqueta) in zip(columnas, claves):
        columna.metric(etiqueta, len(hechos.get(clave) or []))


def _tabla(filas, columnas):
    df = pd.DataFrame(filas or [])
    if df.empty:
        st.caption("Ninguno.")
        return
    presentes = {c: e for c, e in columnas.items() if c in df.columns}
    st.dataframe(df[list(presentes)].rename(columns=presentes), hide_index=True)


def _lectura(lectura):
    hechos = lectura.hechos
    st.subheader(f"Lo que se leyó de {lectura.nombre}")
    _sesion(hechos)
    ocr = hechos.get("ocr")
    if ocr:
        confianzas = list((ocr.get("confianza_pagina") or {}).values())
        media = f", confianza media {sum(confianzas) / len(confianzas):.0f} de 100" if confianzas else ""
        st.info(f"Escaneo leído por OCR: {ocr.get('paginas')} páginas{media}. Compare con el "
                "documento los datos que el lector señala en los avisos.",
                icon=":material/document_scanner:")
    _conteos(hechos)
    avisos = [dict(a, que="Aviso del lector") for a in hechos.get("avisos") or []]
    avisos += [dict(c, que="Comprobación") for c in comprobaciones(hechos)]
    if avisos:
        st.warning(f"Hay {len(avisos)} avisos y comprobaciones por revisar: léalos antes de "
                   "aceptar; después podrá corregir cada hecho en «Revisar acta».",
                   icon=":material/warning:")
        _tabla(avisos, {"linea": "Línea", "que": "Qué", "mensaje": "Detalle"})
    st.markdown("**Asistentes**")
    _tabla(hechos.get("asistentes"), {"nombre": "Nombre", "grado": "Grado", "cargo": "Cargo",
                                      "rol": "Rol", "partido": "Partido", "presente": "Presente"})
    st.markdown("**Votaciones**")
    _tabla(hechos.get("votaciones"), {"punto": "Punto", "asunto": "Asunto",
                                      "resultado": "Resultado", "a_favor": "A favor",
                                      "en_contra": "En contra", "abstenciones": "Abstenciones"})


def _a_revisar(nombre):
    """Straight into the review of the acta just added."""
    if st.session_state.get("_marco"):
        st.page_link("paginas/revisar.py", label=f"Revisar {nombre}", icon=":material/rate_review:",
                     query_params={"acta": nombre})
    else:
        st.caption(f"Revísela en «Revisar acta» ({nombre}).")


def cargar():
    ui.encabezado("Cargar acta", "Agregue un acta al tablero: primero se muestra lo que se leyó; "
                                 "nada cambia hasta que usted acepta.")
    persona = acceso.sesion()
    if RESULTADO in st.session_state:
        nombre, resumen = st.session_state.pop(RESULTADO)
        st.success(f"{nombre} se guardó en la carpeta de actas y la base se reconstruyó.",
                   icon=":material/check_circle:")
        st.code(resumen, language=None)
        _a_revisar(nombre)
    if persona is None:
        st.info("Inicie sesión en la barra lateral para cargar un acta.", icon=":material/lock:")
        ui.fin()
        return
    subido = st.file_uploader("Acta (.txt, .md, .pdf, .docx, o escaneada: .pdf, .png, .jpg, .tif)",
                              type=[e.lstrip(".") for e in carga.EXTENSIONES],
                              max_upload_size=LIMITE_MB,    # the reader's own limit (TABLERO_ACTA_MB)
                              key=f"carga-archivo-{st.session_state.get('carga-n', 0)}")
    if subido is None:
        ui.fin()
        return
    barra = None

    def avance(archivo, hechas, total):     # OCR of a scan: the reader worker reports each page
        nonlocal barra
        texto = f"Leyendo página {hechas} de {total} de {archivo} (OCR)…"
        if barra is None:
            barra = st.progress(0.0, text=texto)
        barra.progress(hechas / total, text=texto)

    try:
        lectura = carga.leer(subido.name, subido.getvalue(), progreso=avance)
    except TableroError as error:
        lectura = error
    if barra is not None:
        barra.empty()
    if isinstance(lectura, TableroError):
        st.error(ui.plano(f"Error: {' '.join(str(lectura).split())} No se cambió nada."),
                 icon=":material/error:")
        ui.fin()
        return
    _lectura(lectura)
    if lectura.situacion == carga.IGUAL:
        st.info(f"Esta acta ya está en la carpeta con los mismos bytes ({lectura.existente}): "
                "no hay nada que cargar.", icon=":material/content_copy:")
    elif lectura.situacion == carga.OTRA:
        st.error(f"Ya hay otro archivo llamado {lectura.nombre} en la carpeta de actas, con otro "
                 "contenido: cambie el nombre del archivo y cárguelo de nuevo.",
                 icon=":material/error:")
    elif st.button("Aceptar", type="primary", icon=":material/upload_file:", key="carga-aceptar"):
        try:
            with st.spinner("Guardando el acta y reconstruyendo la base…"):
                informe = carga.aceptar(lectura, persona["usuario"])
        except TableroError as error:
            st.error(ui.plano(f"Error: {' '.join(str(error).split())}"), icon=":material/error:")
        else:
            st.session_state[RESULTADO] = (lectura.nombre, informe.summary())
            st.session_state["carga-n"] = st.session_state.get("carga-n", 0) + 1   # empty uploader
            st.rerun()
    ui.fin()


cargar()
