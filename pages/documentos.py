"""Dictámenes y documentos: each document (dictámenes by clave, informes, actas…) with its states
across sessions, as a table and a timeline."""
import altair as alt
import streamlit as st

from tablero import formato, queries, ui

ESTADOS = {"presentado": "#1565C0", "aprobado": "#2E7D32", "rechazado": "#C0392B",
           "retirado": "#9E9E9E"}


def _nombre(df):
    return [formato.texto(c) or f"{formato.tipo_documento(t)}: {formato.texto(ti, defecto='sin título')}"
            for c, t, ti in zip(df["clave"], df["tipo_documento"], df["titulo"])]


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
    columnas[3].metric("En proceso", int(((docs["estado_actual"] == "presentado")
                                          & (docs["tipo_documento"] != "presentacion")).sum()),
                       help="Último estado «presentado»: aún sin aprobar, rechazar ni retirar.")

    docs["Documento"] = _nombre(docs)
    docs["Tipo"] = docs["tipo_documento"].map(formato.tipo_documento)
    docs["Desde"] = docs["primera_fecha"].map(formato.fecha_larga)
    dictamenes = docs[docs["tipo_documento"] == "dictamen"]
    for d in dictamenes.itertuples():
        izquierda, derecha = st.columns([5, 1])
        izquierda.markdown(f"**Dictamen {formato.texto(d.clave, d.titulo)}**: {d.estado_actual} — {d.trayectoria}")
        with derecha:
            ui.fuente(d.acta_id, d.linea)

    st.subheader("Línea de tiempo")
    eventos["Documento"] = _nombre(eventos)
    eventos = ui.con_sesion(eventos)
    eventos["Estado"] = eventos["estado"]
    base = alt.Chart(eventos).encode(
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
    ui.grafica((lineas + marcas).properties(height=60 + 36 * eventos["Documento"].nunique()))

    st.subheader("Cada documento")
    ui.tabla(docs, "documentos", {
        "Tipo": "Tipo", "Documento": "Documento", "titulo": "Título",
        "estado_actual": "Estado actual", "trayectoria": "Estados por sesión",
        "sesiones": "Sesiones", "Desde": "Desde", "linea": "Línea del acta (último estado)"})

    st.subheader("Estados por sesión")
    eventos["Tipo"] = eventos["tipo_documento"].map(formato.tipo_documento)
    ui.tabla(eventos, "estados de documentos", {
        "sesion_nombre": "Sesión", "punto": "Punto", "Tipo": "Tipo", "Documento": "Documento",
        "estado": "Estado", "linea": "Línea del acta"})
    ui.fin()


documentos()
