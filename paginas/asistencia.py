"""Asistencia: which parties were represented in each session, who came late or left early, which
accredited parties were absent, propietario or suplente, and each person's sessions and arrivals."""
import altair as alt
import pandas as pd
import streamlit as st

from tablero import formato, queries, ui

NOTA_TIEMPO = (
    "**Tiempo representado.** Se mide por puntos del orden del día: quien llega durante el punto 5 "
    "de una sesión de 11 puntos cuenta desde ese punto, 7 de 11 (64 %); quien se retira durante el "
    "punto 8 cuenta hasta ese punto. Entre sesiones, cada sesión pesa según su duración. "
    "Un partido es **ausente** sólo si debía estar: acreditado ante el Comité en ese proceso (o, "
    "si no hay lista de acreditación, presente en alguna otra sesión del proceso) y el acta no "
    "registra a ninguna de sus representaciones. Las representaciones, la Secretaría Técnica y los "
    "invitados tienen voz pero no voto: nunca cuentan como ausentes de una votación.")

ETIQUETA_ESTADO = {"desde el inicio": "✓", "ausente": "—"}


def _celda(fila):
    if fila.estado in ETIQUETA_ESTADO:
        return ETIQUETA_ESTADO[fila.estado]
    partes = []
    if pd.notna(fila.llegada_punto):
        partes.append(f"desde p. {int(fila.llegada_punto)}")
    if pd.notna(fila.retiro_punto):
        partes.append(f"hasta p. {int(fila.retiro_punto)}")
    return " ".join(partes)


# A column's short session name: «28/01/2021 Ord. 2», «28/11/2023 Inst.» (never «De .»).
TIPO_CORTO = {"ordinaria": "Ord.", "extraordinaria": "Ext.", "especial": "Esp.",
              "instalacion": "Inst.", "solemne": "Sol."}


def _columna(fecha, tipo, numero):
    partes = [formato.fecha_corta(fecha), TIPO_CORTO.get(tipo, formato.tipo_sesion(tipo))]
    if pd.notna(numero):
        partes.append(str(int(numero)))
    return " ".join(partes)


def rejilla(grid):
    """Session × party grid in each party's colour: faded by the share of the session it was
    represented, grey when absent, the arrival item written in the cell."""
    grid = ui.con_sesion(grid.copy())
    grid["celda"] = [_celda(f) for f in grid.itertuples()]
    grid["Sesión"] = [_columna(f, t, n) for f, t, n in zip(grid["fecha"], grid["tipo"], grid["numero"])]
    grid["Tiempo"] = grid["fraccion"].map(formato.porcentaje)
    grid["Estado"] = grid["estado"]
    orden = grid.drop_duplicates("sesion_id")["Sesión"].tolist()
    base = alt.Chart(grid).encode(
        x=alt.X("Sesión:N", sort=orden, title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("partido:N", title=None, sort=sorted(grid["partido"].unique())))
    celdas = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.condition("datum.presente", alt.Color(
            "partido:N", scale=ui.escala_partidos(grid["partido"].unique()), legend=None),
            alt.value("#e3e3e3")),
        opacity=alt.Opacity("fraccion:Q", scale=alt.Scale(domain=[0, 1], range=[0.35, 1]),
                            legend=None),
        tooltip=[alt.Tooltip("partido:N", title="Partido"),
                 alt.Tooltip("sesion_nombre:N", title="Sesión"),
                 alt.Tooltip("Estado:N"), alt.Tooltip("Tiempo:N", title="Tiempo representado"),
                 alt.Tooltip("representantes:N", title="Representación"),
                 alt.Tooltip("calidad:N", title="Calidad")])
    texto = base.mark_text(fontSize=12, fontWeight="bold").encode(
        text="celda:N",
        color=alt.condition("datum.presente", alt.value("white"), alt.value("#777777")))
    alto = 34 * grid["partido"].nunique() + 40
    ancho = alt.Step(110) if len(orden) < 8 else "container"
    return (celdas + texto).properties(height=alto, width=ancho)


def _rotular_rejilla(grid):
    grid = ui.con_sesion(grid)
    grid["Acreditado"] = ui.etiquetas(grid["acreditado"], formato.si_no)
    grid["Llegada"] = ui.etiquetas(grid["llegada_punto"], formato.punto)
    grid["Retiro"] = ui.etiquetas(grid["retiro_punto"], lambda p: "hasta el final" if pd.isna(p)
                                  else f"punto {int(p)}")
    return grid


def _detalle_persona(fila):
    """The selected person: a link to their page, and the acta's words that list them."""
    ui.enlace_persona(fila["persona_id"], fila["nombre"])
    ui.lineas_acta(fila["acta_id"], fila["linea"], hecho=fila)


def asistencia():
    ui.encabezado("Asistencia", "Representaciones de los partidos y asistencia de cada persona.")
    filtros = ui.filtros()
    ui.sin_sesiones(ui.consulta(queries.sesiones, **filtros))
    grid = ui.consulta(queries.asistencia_partidos, **filtros)
    partidos = ui.consulta(queries.asistencia_por_partido, **filtros)
    personas = ui.consulta(queries.asistencia_personas, **filtros)

    acreditadas = grid[grid["acreditado"]]
    columnas = st.columns(4, border=True)
    columnas[0].metric("Partidos presentes", f"{int(acreditadas['presente'].sum())} de {len(acreditadas)}",
                       help="Representaciones presentes entre las acreditadas, sumando sesiones.")
    columnas[1].metric("Llegadas tarde", int(partidos["llegadas_tarde"].sum()))
    columnas[2].metric("Retiros anticipados", int(partidos["retiros_anticipados"].sum()))
    columnas[3].metric("Ausencias", int(partidos["ausencias"].sum()),
                       help="Partidos que debían estar (acreditados) y el acta no registra.")
    tarde = grid[grid["presente"] & grid["llegada_punto"].notna()]
    if not tarde.empty:
        tarde = ui.recientes(tarde, 50, "las llegadas tarde")
        st.markdown("**Llegaron tarde:** " + "; ".join(
            f"{f.partido} (punto {int(f.llegada_punto)}, {formato.fecha_larga(f.fecha)})"
            for f in tarde.itertuples()))

    st.subheader("Sesión × partido")
    st.caption("✓ desde el inicio · «desde p. 5» llegó durante el punto 5 · — ausente. "
               "El color se aclara según la parte de la sesión sin representación.")
    ultimas = ui.recientes(grid.drop_duplicates("sesion_id"), 50, "las sesiones")
    ui.grafica(rejilla(grid[grid["sesion_id"].isin(ultimas["sesion_id"])]))

    st.subheader("Por partido")
    partidos["Tiempo"] = partidos["tiempo_representado"]
    partidos["Ficha"] = partidos["partido"].map(ui.url_partido)
    barras = alt.Chart(partidos).mark_bar().encode(
        x=alt.X("tiempo_representado:Q", title="Tiempo de sesión representado",
                axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        y=alt.Y("partido:N", sort="-x", title=None),
        color=alt.Color("partido:N", scale=ui.escala_partidos(partidos["partido"]), legend=None),
        tooltip=[alt.Tooltip("partido:N", title="Partido"),
                 alt.Tooltip("tiempo_representado:Q", title="Tiempo representado", format=".1%"),
                 alt.Tooltip("sesiones_representado:Q", title="Sesiones representado"),
                 alt.Tooltip("llegadas_tarde:Q", title="Llegadas tarde"),
                 alt.Tooltip("ausencias:Q", title="Ausencias")])
    ui.grafica(barras.properties(height=28 * len(partidos) + 40))
    ui.tabla(partidos, "asistencia por partido", {
        "partido": "Partido", "sesiones_acreditado": "Sesiones acreditado",
        "sesiones_representado": "Sesiones representado", "llegadas_tarde": "Llegadas tarde",
        "retiros_anticipados": "Retiros anticipados", "ausencias": "Ausencias",
        "como_propietario": "Como propietario", "como_suplente": "Como suplente",
        "Tiempo": "Tiempo representado", "Ficha": "Ficha"},
        column_config={"Tiempo representado": st.column_config.ProgressColumn(
            format="percent", min_value=0, max_value=1),
            "Ficha": ui.columna_enlace("Ficha", r"partido=(.+)$")},
        detalle=lambda fila: ui.enlace_partido(fila["partido"]))
    st.markdown(NOTA_TIEMPO)

    st.subheader("Detalle por sesión y partido")
    ui.tabla(grid, "asistencia sesión por partido", {
        "sesion_nombre": "Sesión", "partido": "Partido", "Acreditado": "Acreditado",
        "estado": "Estado", "representantes": "Representación", "calidad": "Calidad",
        "Llegada": "Llegada", "Retiro": "Retiro", "fraccion": "Tiempo representado",
        "linea": "Línea del acta"}, ultimas=True, preparar=_rotular_rejilla,
        column_config={"Tiempo representado": st.column_config.ProgressColumn(
            format="percent", min_value=0, max_value=1)})

    st.subheader("Por persona")
    personas["Con voto"] = ui.etiquetas(personas["con_voto"], formato.si_no)
    personas["Ficha"] = personas["persona_id"].map(ui.url_persona)
    ui.tabla(personas, "asistencia por persona", {
        "nombre": "Nombre", "rol": "Rol", "cargo": "Cargo", "partido": "Partido",
        "Con voto": "Con voto", "sesiones": "Sesiones", "ausencias": "Ausencias",
        "llegadas_tarde": "Llegadas tarde", "llegadas": "Llegó en",
        "retiros_anticipados": "Retiros anticipados", "votos_emitidos": "Votos emitidos",
        "votaciones_sin_voto": "Votaciones sin su voto", "Ficha": "Ficha",
        "linea": "Línea del acta"},
        column_config={"Ficha": ui.columna_enlace("Ficha", "Ver ficha")},
        detalle=_detalle_persona)
    st.caption("«Votaciones sin su voto» sólo se cuenta para quien tiene voto; para quien tiene voz "
               "pero no voto queda vacío.")
    ui.fin()


asistencia()
