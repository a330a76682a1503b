"""Resumen: the committee's activity at a glance (sessions, time, attendance, unanimity, pending
corrections, documents in process) and the timeline of its sessions."""
import altair as alt
import streamlit as st

from tablero import formato, queries, ui


def resumen():
    ui.encabezado("Resumen", "Lo que hizo el Comité en las sesiones elegidas en la barra lateral.")
    filtros = ui.filtros()
    sesiones = ui.consulta(queries.sesiones, **filtros)
    ui.sin_sesiones(sesiones)
    ind = ui.consulta(queries.indicadores, **filtros).iloc[0]
    por_tipo = ui.consulta(queries.sesiones_por_tipo, **filtros)

    desglose = ", ".join(f"{n} {formato.tipo_sesion(t).lower()}"
                         + ("s" if n != 1 and not str(t).endswith("on") else "")
                         for t, n in zip(por_tipo["tipo"], por_tipo["sesiones"]))
    fila1 = st.columns(3, border=True)
    fila1[0].metric("Sesiones celebradas", int(ind["sesiones"]), help=desglose)
    fila1[0].caption(desglose)
    fila1[1].metric("Duración total", formato.duracion(ind["duracion_total"]))
    fila1[2].metric("Duración media", formato.duracion(ind["duracion_media"]))

    fila2 = st.columns(4, border=True)
    esperados, presentes = int(ind["partidos_esperados"]), int(ind["partidos_presentes"])
    fila2[0].metric("Asistencia de partidos",
                    formato.porcentaje(presentes / esperados) if esperados else "sin dato",
                    help="Representaciones presentes entre los partidos acreditados, por sesión "
                         "(una llegada tarde cuenta como presente; vea Asistencia).")
    fila2[0].caption(f"{presentes} de {esperados} representaciones acreditadas")
    votaciones, unanimes = int(ind["votaciones"]), int(ind["votaciones_unanimes"])
    fila2[1].metric("Votaciones unánimes",
                    formato.porcentaje(unanimes / votaciones) if votaciones else "sin votaciones")
    fila2[1].caption(f"{unanimes} de {votaciones} votaciones")
    correcciones = ui.estado_correcciones(sesiones["sesion_id"])
    fila2[2].metric("Correcciones pendientes", int((correcciones["estado"] == "pendiente").sum()),
                    help="Solicitadas y aprobadas, que hoy ni un acta posterior ni el personal "
                         "(vea Seguimiento) dan por atendidas.")
    fila2[3].metric("Documentos en proceso", int(ind["documentos_en_proceso"]),
                    help="Dictámenes, informes y otros documentos cuyo último estado es "
                         "«presentado» (sin aprobar, rechazar ni retirar todavía).")

    revision = ui.consulta(queries.revision_sesiones, **filtros)
    st.caption(f"Sesiones revisadas por el personal: {int(revision['revisada'].sum())} de "
               f"{len(revision)} (vea «Revisar acta»); las demás muestran lo que leyó el lector.")

    st.subheader("Línea de tiempo de las sesiones")
    sesiones = ui.con_sesion(ui.con_fecha(sesiones))
    sesiones["Tipo"] = ui.etiquetas(sesiones["tipo"], formato.tipo_sesion)
    sesiones["Duración"] = ui.etiquetas(sesiones["duracion_min"], formato.duracion)
    puntos = alt.Chart(sesiones).mark_circle(opacity=0.85).encode(
        x=alt.X("fecha:T", title="Fecha", axis=alt.Axis(format="%d/%m/%Y")),
        y=alt.Y("Tipo:N", title=None),
        size=alt.Size("duracion_min:Q", legend=None,
                      scale=alt.Scale(domain=[0, int(sesiones["duracion_min"].fillna(0).max()) or 1],
                                      range=[40, 900])),
        color=alt.Color("Tipo:N", title="Tipo de sesión", legend=None),
        tooltip=[alt.Tooltip("sesion_nombre:N", title="Sesión"),
                 alt.Tooltip("Duración:N"),
                 alt.Tooltip("hora_inicio:N", title="Inicio"),
                 alt.Tooltip("hora_fin:N", title="Fin"),
                 alt.Tooltip("votaciones:Q", title="Votaciones"),
                 alt.Tooltip("asistentes:Q", title="Asistentes")])
    ui.grafica(puntos.properties(height=90 + 40 * sesiones["Tipo"].nunique()))

    # A relative link that opens the session's page with the same filters (in a new tab).
    filtros_url = "".join(f"{k}={v}&" for k, v in ui.parametros_url().items())
    sesiones["enlace"] = "sesiones?" + filtros_url + "sesion=" + sesiones["clave"].astype(str)
    ui.tabla(sesiones, "sesiones", {
        "sesion_nombre": "Sesión", "Fecha": "Fecha", "hora_inicio": "Inicio", "hora_fin": "Fin",
        "Duración": "Duración", "modalidad": "Modalidad", "puntos": "Puntos del orden del día",
        "votaciones": "Votaciones", "asistentes": "Asistentes", "avisos": "Avisos",
        "enlace": "Detalle"}, ultimas=True,
        column_config={"Detalle": st.column_config.LinkColumn(display_text="Abrir sesión")})
    ui.fin()


resumen()
