"""Correcciones: corrections the committee asked of its documents, pending and attended, per
document and per requester, with the days each has been pending. The status is today's by the one
rule (tablero.seguimiento.estado_al): a later acta or a staff mark attends a correction."""
import altair as alt
import pandas as pd
import streamlit as st

from tablero import formato, queries, seguimiento, ui

ESTADOS = {"pendiente": "#C0392B", "atendida": "#2E7D32", "no aprobada": "#9E9E9E"}


def correcciones():
    ui.encabezado("Correcciones", "Lo que el Comité pidió corregir y si ya está atendido: según una "
                                  "sesión posterior o según el personal (vea Seguimiento).")
    filtros = ui.filtros()
    sesiones = ui.consulta(queries.sesiones, **filtros)
    ui.sin_sesiones(sesiones)
    todas = ui.estado_correcciones(sesiones["sesion_id"])
    atendidas = ui.consulta(queries.correcciones_atendidas, **filtros)

    pendientes = todas[todas["estado"] == "pendiente"]
    columnas = st.columns(4, border=True)
    columnas[0].metric("Solicitadas", len(todas))
    columnas[1].metric("Pendientes", len(pendientes))
    columnas[2].metric("Atendidas", int((todas["estado"] == "atendida").sum()))
    columnas[3].metric("Días de la más antigua pendiente",
                       int(pendientes["dias_pendiente"].max()) if not pendientes.empty else "—",
                       help="Días desde la sesión que la pidió hasta hoy.")
    if todas.empty:
        st.info("En las sesiones elegidas no se pidieron correcciones.")
    else:
        todas = ui.con_sesion(ui.con_fecha(todas))
        todas["Aprobada"] = todas["aprobada"].map(formato.si_no)
        todas["Ficha"] = [ui.url_persona(p) if pd.notna(p) else None for p in todas["persona_id"]]
        todas["Atendida el"] = todas["atendida_el"].map(
            lambda f: "" if pd.isna(f) else formato.fecha_larga(f))
        todas = todas.sort_values(["estado", "fecha", "linea"], ascending=[False, True, True],
                                  kind="stable")
        st.subheader("Cada corrección")
        ui.tabla(todas, "correcciones", {
            "estado": "Estado", "sesion_nombre": "Pedida en", "punto": "Punto",
            "documento": "Documento", "solicitante": "Solicitante", "descripcion": "Corrección",
            "Aprobada": "Aprobada por el Comité", "dias_pendiente": "Días pendiente",
            "Atendida el": "Atendida el", "evidencia": "Atendida según",
            "Ficha": "Ficha del solicitante", "linea": "Línea del acta"},
            column_config={"Ficha del solicitante": ui.columna_enlace(
                "Ficha del solicitante", "Ver ficha")})
        st.caption("«Días pendiente»: desde la sesión que la pidió hasta hoy, o hasta su atención "
                   "(la sesión que la reportó atendida o la fecha que registró el personal).")

        izquierda, derecha = st.columns(2)
        with izquierda:
            st.subheader("Por documento")
            por_doc = seguimiento.por_documento(todas)
            grafica = todas
            if len(por_doc) > 50:       # the most pending first
                st.caption(f"La gráfica muestra los 50 documentos con más correcciones pendientes "
                           f"de {len(por_doc)}; la tabla los tiene todos.")
                grafica = todas[todas["documento"].isin(por_doc["documento"].head(50))]
            ui.grafica(alt.Chart(grafica).mark_bar().encode(
                x=alt.X("count():Q", title="Correcciones"),
                y=alt.Y("documento:N", title=None, sort="-x"),
                color=alt.Color("estado:N", title="Estado",
                                scale=alt.Scale(domain=list(ESTADOS), range=list(ESTADOS.values()))),
                tooltip=[alt.Tooltip("documento:N", title="Documento"),
                         alt.Tooltip("estado:N", title="Estado"),
                         alt.Tooltip("count():Q", title="Correcciones")]
            ).properties(height=60 + 30 * grafica["documento"].nunique()))
            ui.tabla(por_doc, "correcciones por documento", {
                "documento": "Documento", "solicitadas": "Solicitadas", "pendientes": "Pendientes",
                "atendidas": "Atendidas", "dias_max_pendiente": "Días de la más antigua pendiente"})
        with derecha:
            st.subheader("Por solicitante")
            por_persona = seguimiento.por_solicitante(todas)
            ui.tabla(por_persona, "correcciones por solicitante", {
                "solicitante": "Solicitante", "solicitadas": "Solicitadas",
                "pendientes": "Pendientes", "atendidas": "Atendidas"})

    st.subheader("Reportadas como atendidas")
    if atendidas.empty:
        st.info("Ninguna sesión elegida reporta correcciones atendidas.")
    else:
        atendidas = ui.con_sesion(atendidas)
        atendidas["Pedida el"] = atendidas["solicitada_el"].map(
            lambda f: "sin vincular" if pd.isna(f) else formato.fecha_larga(f))
        ui.tabla(atendidas, "correcciones atendidas", {
            "sesion_nombre": "Reportada en", "documento": "Documento",
            "solicitante": "Solicitante", "descripcion": "Corrección", "Pedida el": "Pedida el",
            "vinculo": "Vínculo con la solicitud", "linea": "Línea del acta"})
    ui.fin()


correcciones()
