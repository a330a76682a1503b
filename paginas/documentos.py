"""Dictámenes y documentos: each document (dictámenes by clave, informes, actas…) with its states
across sessions, as a table and a timeline."""
import altair as alt
import streamlit as st

from tablero import formato, queries, ui

ESTADOS = {"presentado": "#1565C0", "aprobado": "#2E7D32", "rechazado": "#C0392B",
           "retirado": "#9E9E9E"}


def _dicho(serie):
    """The values the acta states: not null and not blank."""
    return serie.notna() & serie.astype(object).astype(str).str.strip().ne("")


def _nombre(df):
    """The document's clave, or «Informe: <título>» when it has none (column-wise: thousands)."""
    titulo = df["titulo"].astype(object).where(_dicho(df["titulo"]), "sin título")
    otro = ui.etiquetas(df["tipo_documento"], formato.tipo_documento) + ": " + titulo.astype(str)
    return df["clave"].astype(object).where(_dicho(df["clave"]), otro).astype(str).tolist()


def _rotular_documentos(docs):
    docs["Documento"] = _nombre(docs)
    docs["Tipo"] = ui.etiquetas(docs["tipo_documento"], formato.tipo_documento)
    docs["Desde"] = ui.etiquetas(docs["primera_fecha"], formato.fecha_larga)
    return docs


def _rotular_eventos(eventos):
    eventos = ui.con_sesion(eventos)
    eventos["Documento"] = _nombre(eventos)
    eventos["Estado"] = eventos["estado"]
    eventos["Tipo"] = ui.etiquetas(eventos["tipo_documento"], formato.tipo_documento)
    return eventos


def _dictamen(d, eventos):
    """One dictamen: its states across the sessions and the acta's words for the latest."""
    with st.container(border=True):
        st.markdown(f"**Dictamen {formato.texto(d.clave, d.titulo)}**: {d.estado_actual} — "
                    f"{d.trayectoria}")
        suyos = ui.con_sesion(eventos[eventos["documento_id"] == d.documento_id].copy())
        suyos, columnas = ui.con_origen(suyos, {
            "sesion_nombre": "Sesión", "punto": "Punto", "estado": "Estado",
            "linea": "Línea del acta"})
        st.dataframe(suyos[list(columnas)].rename(columns=columnas), hide_index=True)
        ui.lineas_acta(d.acta_id, d.linea, hecho=d)


def documentos():
    ui.encabezado("Dictámenes y documentos",
                  "Cada documento que el Comité conoció y lo que pasó con él en cada sesión.")
    filtros = ui.filtros()
    ui.sin_sesiones(ui.consulta(queries.sesiones, **filtros))
    docs = ui.consulta(queries.documentos, **filtros)
    eventos = ui.consulta(queries.documento_eventos, **filtros)
    if docs.empty:
        st.info("Las sesiones elegidas no registran documentos.")
        ui.fin()
        return

    columnas = st.columns(4, border=True)
    columnas[0].metric("Documentos", len(docs))
    columnas[1].metric("Dictámenes", int((docs["tipo_documento"] == "dictamen").sum()))
    columnas[2].metric("Aprobados", int((docs["estado_actual"] == "aprobado").sum()))
    columnas[3].metric("En proceso", int(((docs["estado_actual"] == "presentado") & ~docs["concluye"]
                                          & (docs["tipo_documento"] != "presentacion")).sum()),
                       help="Último estado «presentado»: aún sin aprobar, rechazar ni retirar. "
                            "No cuenta el que se tuvo por presentado o por recibido, ni el que "
                            "no se someterá a votación: su trámite terminó.")

    dictamenes = docs[docs["tipo_documento"] == "dictamen"]
    if not dictamenes.empty:
        st.subheader("Dictámenes")
        st.caption(f"{len(dictamenes)} dictámenes, el más reciente primero; debajo de la tabla, "
                   "la trayectoria del elegido y las palabras del acta.")
        dictamenes = dictamenes.sort_values("ultima_fecha", ascending=False, kind="stable")
        ui.tabla(dictamenes.reset_index(drop=True), "dictamenes", {
            "clave": "Clave", "titulo": "Título", "estado_actual": "Estado actual",
            "sesiones": "Sesiones", "Desde": "Desde", "linea": "Línea del acta (último estado)"},
            altura=250, preparar=_rotular_documentos, detalle=lambda d: _dictamen(d, eventos))

    st.subheader("Línea de tiempo")
    ultimos = ui.recientes(docs, 50, "los documentos", columna="ultima_fecha")
    grafica = _rotular_eventos(eventos[eventos["documento_id"].isin(ultimos["documento_id"])].copy())
    base = alt.Chart(grafica).encode(
        x=alt.X("fecha:T", title="Fecha", axis=alt.Axis(format="%d/%m/%Y")),
        y=alt.Y("Documento:N", title=None, axis=alt.Axis(labelLimit=320)))
    lineas = base.mark_line(color="#BDBDBD").encode(detail="Documento:N")
    marcas = base.mark_point(filled=True, size=180).encode(
        color=alt.Color("Estado:N", scale=alt.Scale(domain=list(ESTADOS),
                                                    range=list(ESTADOS.values()))),
        shape=alt.Shape("Estado:N", scale=alt.Scale(domain=list(ESTADOS),
                                                    range=["circle", "diamond", "cross", "square"])),
        tooltip=[alt.Tooltip("Documento:N"), alt.Tooltip("Estado:N"),
                 alt.Tooltip("sesion_nombre:N", title="Sesión"), alt.Tooltip("punto:Q", title="Punto")])
    ui.grafica((lineas + marcas).properties(height=60 + 36 * grafica["Documento"].nunique()))

    st.subheader("Cada documento")
    ui.tabla(docs, "documentos", {
        "Tipo": "Tipo", "Documento": "Documento", "titulo": "Título",
        "estado_actual": "Estado actual", "trayectoria": "Estados por sesión",
        "sesiones": "Sesiones", "Desde": "Desde", "linea": "Línea del acta (último estado)"},
        preparar=_rotular_documentos)

    st.subheader("Estados por sesión")
    ui.tabla(eventos, "estados de documentos", {
        "sesion_nombre": "Sesión", "punto": "Punto", "Tipo": "Tipo", "Documento": "Documento",
        "estado": "Estado", "linea": "Línea del acta"}, ultimas=True, preparar=_rotular_eventos)
    ui.fin()


documentos()
