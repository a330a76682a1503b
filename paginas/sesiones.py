"""Sesiones: how long each session lasted, and one session's page: its header facts, agenda,
attendance with arrivals, every vote with its ballots, corrections, documents and avisos, each with
the acta's own words on demand, and the acta itself: its original file and its whole text with
numbered lines. The selected session lives in the URL (?sesion=…), and a line of its acta too
(?sesion=…&linea=63: «acta X, línea N» opens there)."""
import html

import altair as alt
import pandas as pd
import streamlit as st

from tablero import formato, queries, ui

SENTIDO = {"a favor": "A favor", "en contra": "En contra", "abstencion": "Abstención"}
ROL = {"integrante": "Integrante", "secretario": "Secretaría Técnica",
       "representante": "Representación de partido", "invitado": "Invitado", "otro": "Otro"}


def duraciones(sesiones):
    st.subheader("Duración de las sesiones")
    sesiones = ui.con_sesion(sesiones.copy())
    sesiones["Tipo"] = ui.etiquetas(sesiones["tipo"], formato.tipo_sesion)
    sesiones["Fecha"] = ui.etiquetas(sesiones["fecha"], formato.fecha_corta)
    sesiones["Duración"] = ui.etiquetas(sesiones["duracion_min"], formato.duracion)
    izquierda, derecha = st.columns([3, 2])
    with izquierda:
        barras = ui.recientes(sesiones, 50, "las sesiones")
    ancho = 36 if len(barras) <= 12 else alt.Undefined
    izquierda.altair_chart(alt.Chart(barras).mark_bar(size=ancho).encode(
        x=alt.X("Fecha:N", sort=None, title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("duracion_min:Q", title="Minutos"),
        color=alt.Color("Tipo:N", title="Tipo"),
        tooltip=[alt.Tooltip("sesion_nombre:N", title="Sesión"), alt.Tooltip("Duración:N"),
                 alt.Tooltip("hora_inicio:N", title="Inicio"), alt.Tooltip("hora_fin:N", title="Fin")]
    ).properties(height=240, title="Por sesión"), width="stretch")
    derecha.altair_chart(alt.Chart(sesiones).mark_tick(thickness=3, size=28).encode(
        x=alt.X("duracion_min:Q", title="Minutos"),
        y=alt.Y("Tipo:N", title=None),
        color=alt.Color("Tipo:N", legend=None),
        tooltip=[alt.Tooltip("sesion_nombre:N", title="Sesión"), alt.Tooltip("Duración:N")]
    ).properties(height=240, title="Distribución por tipo"), width="stretch")


def cabecera(sesion):
    st.header(formato.nombre_sesion(sesion.tipo, sesion.numero, sesion.fecha))
    st.caption(" · ".join(t for t in (formato.texto(sesion.organo), formato.texto(sesion.instituto),
                                       formato.texto(sesion.proceso)) if t))
    arriba = st.columns([2, 1.4, 1], border=True)
    arriba[0].metric("Fecha", formato.fecha_larga(sesion.fecha))
    arriba[1].metric("Horario", f"{formato.texto(sesion.hora_inicio, defecto='¿?')}–"
                                f"{formato.texto(sesion.hora_fin, defecto='¿?')} h")
    arriba[2].metric("Duración", formato.duracion(sesion.duracion_min))
    abajo = st.columns([2, 1.4, 1], border=True)
    abajo[0].metric("Lugar", formato.texto(sesion.lugar, defecto="sin dato"))
    abajo[1].metric("Modalidad", formato.texto(sesion.modalidad, defecto="sin dato").capitalize())
    abajo[2].metric("Quórum", formato.quorum(sesion.quorum))
    st.caption(f"Acta: `{sesion.archivo}`")
    if ui.corregido(sesion):
        st.caption(f"Algún dato de la sesión fue {ui.marca_origen(sesion)} (en «Revisar acta»).",
                   help=ui.AYUDA_ORIGEN)


def pestana_orden(sesion):
    orden = ui.consulta(queries.orden_del_dia, sesion_id=sesion.sesion_id)
    if orden.empty:
        st.info("El acta no trae orden del día.")
        return
    ui.tabla(orden, f"orden del dia {sesion.clave}",
             {"numero": "Punto", "titulo": "Asunto", "linea": "Línea del acta"}, key="orden")


def pestana_asistencia(sesion):
    gente = ui.consulta(queries.asistentes, sesion_id=sesion.sesion_id)
    tarde = gente[gente["llegada_punto"].notna()]
    for persona in tarde.itertuples():
        izquierda, derecha = st.columns([4, 1])
        izquierda.markdown(f"**{formato.texto(persona.partido, ROL.get(persona.rol, persona.rol))}** llegó durante "
                           f"el punto {int(persona.llegada_punto)}: {persona.nombre}")
        with derecha:
            ui.fuente(sesion.acta_id, persona.linea, hecho=persona)
    gente["Ficha"] = [ui.url_persona(p) if pd.notna(p) else None for p in gente["persona_id"]]
    gente["Ficha del partido"] = [ui.url_partido(p) if pd.notna(p) else None
                                  for p in gente["partido"]]
    gente["Rol"] = gente["rol"].map(lambda r: ROL.get(r, r))
    gente["Voto"] = gente["con_voto"].map({True: "Con voto", False: "Voz sin voto"})
    gente["Asistencia"] = gente["presente"].map({True: "Presente", False: "Ausente"})
    gente["Llegada"] = gente["llegada_punto"].map(formato.punto)
    gente["Retiro"] = gente["retiro_punto"].map(
        lambda p: "hasta el final" if pd.isna(p) else f"punto {int(p)}")
    ui.tabla(gente, f"asistencia {sesion.clave}", {
        "nombre": "Nombre", "grado": "Grado", "Rol": "Rol", "partido": "Partido",
        "calidad": "Calidad", "Voto": "Voto", "Asistencia": "Asistencia", "Llegada": "Llegada",
        "Retiro": "Retiro", "Ficha": "Ficha", "Ficha del partido": "Ficha del partido",
        "linea": "Línea del acta"}, key="asistentes",
        column_config={"Ficha": ui.columna_enlace("Ficha", "Ver ficha"),
                       "Ficha del partido": ui.columna_enlace("Ficha del partido",
                                                              r"partido=(.+)$")})


def pestana_votaciones(sesion):
    votaciones = ui.consulta(queries.votaciones, sesion_id=sesion.sesion_id)
    if votaciones.empty:
        st.info("En esta sesión no hubo votaciones.")
        return
    boletas = ui.consulta(queries.votos, sesion_id=sesion.sesion_id)
    unanimes = int(votaciones["unanimidad"].sum())
    st.markdown(f"**{len(votaciones)} votaciones, {unanimes} unánimes.**")
    for v in votaciones.itertuples():
        unanime = "por unanimidad" if v.unanimidad is True else "por mayoría"
        titulo = (f"Punto {int(v.punto) if pd.notna(v.punto) else '¿?'} · "
                  f"{formato.texto(v.asunto, v.titulo_punto, defecto='Votación')} — {v.resultado} {unanime} "
                  f"({v.a_favor} a favor, {v.en_contra} en contra, {v.abstenciones} abstenciones)")
        with st.expander(titulo, icon=":material/how_to_vote:" if v.unanimidad is True else ":material/warning:"):
            suyas = boletas[boletas["votacion_id"] == v.votacion_id].copy()
            if suyas.empty:
                st.caption("Votación económica: el acta sólo da los conteos.")
            else:
                suyas["Sentido"] = suyas["sentido"].map(SENTIDO)
                suyas, columnas = ui.con_origen(suyas, {"nombre": "Integrante",
                                                        "Sentido": "Sentido"})
                st.dataframe(suyas[list(columnas)].rename(columns=columnas), hide_index=True)
            ui.lineas_acta(v.acta_id, v.linea, hecho=v)


def pestana_correcciones(sesion):
    pedidas = ui.estado_correcciones([sesion.sesion_id])
    atendidas = ui.consulta(queries.correcciones_atendidas, sesion_id=sesion.sesion_id)
    if pedidas.empty and atendidas.empty:
        st.info("En esta sesión no se pidieron ni se reportaron correcciones.")
        return
    if not pedidas.empty:
        st.markdown(f"**Correcciones solicitadas: {len(pedidas)}**")
        pedidas["Aprobada"] = pedidas["aprobada"].map(formato.si_no)
        ui.tabla(pedidas, f"correcciones {sesion.clave}", {
            "punto": "Punto", "documento": "Documento", "solicitante": "Solicitante",
            "descripcion": "Corrección", "Aprobada": "Aprobada", "estado": "Estado",
            "linea": "Línea del acta"}, key="correcciones")
    if not atendidas.empty:
        st.markdown(f"**Correcciones reportadas como atendidas: {len(atendidas)}**")
        ui.tabla(atendidas, f"correcciones atendidas {sesion.clave}", {
            "punto": "Punto", "documento": "Documento", "solicitante": "Solicitante",
            "descripcion": "Corrección", "linea": "Línea del acta"}, key="atendidas")


def pestana_documentos(sesion):
    eventos = ui.consulta(queries.documento_eventos, sesion_id=sesion.sesion_id)
    if eventos.empty:
        st.info("El acta no registra documentos en esta sesión.")
        return
    eventos["Tipo"] = eventos["tipo_documento"].map(formato.tipo_documento)
    eventos["Documento"] = eventos["clave"].fillna(eventos["titulo"])
    ui.tabla(eventos, f"documentos {sesion.clave}", {
        "punto": "Punto", "Tipo": "Tipo", "Documento": "Documento", "estado": "Estado",
        "linea": "Línea del acta"}, key="documentos")


def pestana_avisos(sesion):
    avisos = ui.consulta(queries.avisos_sesion, sesion_id=sesion.sesion_id)
    if avisos.empty:
        st.success("El lector no dejó avisos sobre esta acta.")
        return
    ui.tabla(avisos, f"avisos {sesion.clave}", {"mensaje": "Aviso", "linea": "Línea del acta"},
             key="avisos")


def linea_pedida():
    """The acta line the URL asks for (?linea=63), or None."""
    try:
        linea = int(st.query_params.get("linea", ""))
    except ValueError:
        return None
    return linea if linea > 0 else None


def texto_numerado(texto, clave, resaltada=None):
    """The acta's text as HTML, one numbered row per line with an anchor (#linea-N) and a link
    that reopens the page on it. Line N is the N-th line of the extracted text, blank lines
    included: the same numbering as fuente.linea and every «Línea del acta» of the tablero."""
    filas = []
    for numero, linea in enumerate(texto.replace("\r", "").split("\n"), start=1):
        clase = ' class="resaltada"' if numero == resaltada else ""
        enlace = html.escape(ui.url_linea(clave, numero).rsplit("?", 1)[-1])
        filas.append(f'<div id="linea-{numero}"{clase}><a href="?{enlace}">{numero}</a>'
                     f"<span>{html.escape(linea) or '&nbsp;'}</span></div>")
    return ('<style>.acta-texto{font-family:monospace;font-size:.85rem;white-space:pre-wrap;'
            'line-height:1.45}.acta-texto div{display:flex;gap:.8rem}.acta-texto a{min-width:3.2em;'
            'text-align:right;color:#888;text-decoration:none;flex-shrink:0}'
            '.acta-texto .resaltada{background:#fff3b0;font-weight:600}</style>'
            f'<div class="acta-texto">{"".join(filas)}</div>')


def acta(sesion, linea):
    """The acta itself: its original file (the bytes loaded, with their sha256) and its text."""
    original = ui.consulta(queries.texto_acta, acta_id=sesion.acta_id)
    with st.expander("Texto completo del acta", icon=":material/article:", expanded=bool(linea)):
        info = ui.consulta(queries.archivo_original_datos, acta_id=sesion.acta_id).iloc[0]
        st.caption(f"Archivo `{info['archivo']}` · {int(info['bytes']):,} bytes · sha256 "
                   f"`{info['sha256']}`".replace(",", " "))
        fila = st.container(horizontal=True, gap="small")
        fila.download_button(
            "Descargar el acta original", lambda: _bytes_originales(sesion.acta_id),
            file_name=info["archivo"].rsplit("/", 1)[-1], mime=MIME.get(info["formato"]),
            icon=":material/download:", key="acta-original", on_click="ignore")
        fila.download_button(
            "Descargar el texto extraído", original["texto"].iloc[0].encode("utf-8"),
            file_name=info["archivo"].rsplit("/", 1)[-1].rsplit(".", 1)[0] + ".texto.txt",
            mime="text/plain", icon=":material/download:", key="acta-texto", on_click="ignore")
        st.html(texto_numerado(original["texto"].iloc[0], sesion.clave, linea))
    if linea:
        # Scroll the page to the requested line once the text is drawn (`linea` is an int: no
        # outside text reaches this script).
        st.iframe(f"""<script>
            let intentos = 25;
            const ir = () => {{
              const el = window.parent.document.getElementById("linea-{linea}");
              if (el) el.scrollIntoView({{block: "center"}});
              else if (--intentos > 0) setTimeout(ir, 200);
            }};
            setTimeout(ir, 300);
            </script>""", height=1)


MIME = {"txt": "text/plain", "md": "text/markdown", "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _bytes_originales(acta_id):
    contenido = queries.archivo_original(ui.cursor(), acta_id)["contenido"].iloc[0]
    return bytes(contenido) if contenido is not None else b""


def linea_citada(sesion, linea):
    """«Acta X, línea N»: the requested line with its neighbours, above the session's tabs."""
    st.subheader(f"Acta {sesion.archivo}, línea {linea}")
    ui.lineas_acta(sesion.acta_id, linea, contexto=5)
    st.caption("El texto completo del acta está abajo, abierto en esa línea.")


def enlace_fuera(pedida):
    """A link (?sesion=…) to a session the page cannot show: one that no acta loaded has (a
    mistyped or stale key), or one the sidebar's filters leave out. `pedida` is what the URL
    says: shown as plain text."""
    if ui.consulta(queries.sesion_por_clave, clave=pedida).empty:
        st.warning(ui.plano(f"No hay ninguna sesión con la clave «{pedida}» en las actas "
                            "cargadas: elija una de la lista de sesiones."),
                   icon=":material/search_off:")
        ui.enlace(ui.PAGINA_SESIONES, "Ver la lista de sesiones", ":material/list:",
                  **ui.parametros_url())
    else:
        st.warning(ui.plano(f"La sesión del enlace ({pedida}) no está entre las que eligen los "
                            "filtros de la barra lateral: elija «Todos» o amplíe las fechas para "
                            "verla."), icon=":material/filter_alt_off:")


def sesiones():
    ui.encabezado("Sesiones", "Cada sesión con lo que consta en su acta.")
    filtros = ui.filtros()
    todas = ui.consulta(queries.sesiones, **filtros)
    pedida = st.query_params.get("sesion")
    if pedida and pedida not in set(todas["clave"]):
        enlace_fuera(pedida)
    ui.sin_sesiones(todas)
    duraciones(todas)

    st.divider()
    sesion = ui.elegir_sesion(todas)
    linea = linea_pedida() if sesion.clave == pedida else None
    if linea is None and "linea" in st.query_params:
        del st.query_params["linea"]        # another session was chosen: the line was its acta's
    cabecera(sesion)
    if linea:
        linea_citada(sesion, linea)
    pestanas = st.tabs(["Orden del día", "Asistencia", "Votaciones", "Correcciones",
                        "Documentos", f"Avisos ({int(sesion.avisos)})"])
    for pestana, dibujar in zip(pestanas, (pestana_orden, pestana_asistencia, pestana_votaciones,
                                           pestana_correcciones, pestana_documentos,
                                           pestana_avisos)):
        with pestana:
            dibujar(sesion)
    acta(sesion, linea)
    ui.fin()


sesiones()
