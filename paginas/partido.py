"""Partidos: one party's record — its representatives over time (propietario and suplente), its
attendance session by session and the share of session time it was represented. Reached from any
party of the tablero by ?partido=SIGLAS (the sidebar's filters apply)."""
import altair as alt
import pandas as pd
import streamlit as st

from tablero import formato, queries, ui

NOTA = ("El tiempo representado se mide por puntos del orden del día: quien llega durante el "
        "punto 5 de una sesión de 11 puntos cuenta desde ese punto (7 de 11); entre sesiones, cada "
        "una pesa según su duración. «Ausente» sólo cuenta donde el partido debía estar "
        "(acreditado ante el Comité). Es la misma medida de la página Asistencia.")


def elegir_partido(filtros):
    """A selector of one party among those the actas show, kept in the URL as ?partido=…"""
    vistos = ui.consulta(queries.asistencia_por_partido, **filtros)["partido"].tolist()
    catalogo = ui.consulta(queries.partidos)
    nombres = dict(zip(catalogo["partido"], catalogo["nombre"]))
    opciones = sorted(set(vistos)) or sorted(nombres)
    if not opciones:
        st.info("Las actas cargadas no nombran ningún partido.", icon=":material/flag:")
        st.stop()
    enlazado = st.query_params.get("partido")
    if enlazado in opciones and enlazado != st.session_state.get("_partido"):
        st.session_state["f_partido"] = enlazado
    elif st.session_state.get("f_partido") not in opciones:
        st.session_state["f_partido"] = opciones[0]
    if enlazado and enlazado not in opciones:
        enlace_fuera(enlazado, nombres)
    partido = st.selectbox("Partido", opciones, key="f_partido",
                           format_func=lambda p: f"{p} — {nombres[p]}"
                           if nombres.get(p, p) != p else p)
    st.session_state["_partido"] = partido
    if st.query_params.get("partido") != partido:
        st.query_params["partido"] = partido
    return partido


def enlace_fuera(enlazado, nombres):
    """A link (?partido=…) to a party the page cannot show: one no acta names at all (a
    mistyped or unknown acronym), or one the sidebar's filters leave out."""
    if enlazado in set(ui.consulta(queries.asistencia_por_partido)["partido"]):
        texto = (f"El partido «{enlazado}» no aparece en las sesiones elegidas: elija uno de la "
                 "lista o amplíe los filtros.")
    elif enlazado in nombres:
        texto = (f"Ninguna de las actas cargadas nombra al partido «{enlazado}»: elija uno de la "
                 "lista de partidos.")
    else:
        texto = (f"No hay ningún partido con la clave «{enlazado}» en el catálogo ni en las actas "
                 "cargadas: elija uno de la lista de partidos.")
    st.warning(ui.plano(texto), icon=":material/flag:")


def cifras(resumen):
    columnas = st.columns(5, border=True)
    if resumen is None:
        for columna, etiqueta in zip(columnas, ("Sesiones representado", "Ausencias",
                                                "Llegadas tarde", "Retiros anticipados",
                                                "Tiempo representado")):
            columna.metric(etiqueta, "—")
        return
    columnas[0].metric("Sesiones representado", f"{int(resumen['sesiones_representado'])} de "
                                                 f"{int(resumen['sesiones_acreditado'])}",
                       help="Sesiones con alguna de sus representaciones presente, de las que "
                            "debía estar (acreditado).")
    columnas[1].metric("Ausencias", int(resumen["ausencias"]))
    columnas[2].metric("Llegadas tarde", int(resumen["llegadas_tarde"]))
    columnas[3].metric("Retiros anticipados", int(resumen["retiros_anticipados"]))
    columnas[4].metric("Tiempo representado", formato.porcentaje(resumen["tiempo_representado"]))


def representantes(reps, color):
    """Who represented the party, and when: one bar per person from first to last session."""
    if reps.empty:
        st.info("Ninguna sesión de los filtros registra representantes de este partido.")
        return
    por_persona = (reps.groupby(["persona_id", "nombre"], dropna=False)
                   .agg(calidad=("calidad", lambda c: ", ".join(sorted(set(c.dropna())))),
                        sesiones=("presente", "sum"), desde=("fecha", "min"),
                        hasta=("fecha", "max"))
                   .reset_index().sort_values("desde"))
    if por_persona["desde"].notna().any():
        barras = alt.Chart(por_persona).mark_bar(color=color, size=14).encode(
            x=alt.X("desde:T", title=None, axis=alt.Axis(format="%d/%m/%Y")), x2="hasta:T",
            y=alt.Y("nombre:N", sort=None, title=None),
            tooltip=[alt.Tooltip("nombre:N", title="Representante"),
                     alt.Tooltip("calidad:N", title="Calidad"),
                     alt.Tooltip("sesiones:Q", title="Sesiones presente"),
                     alt.Tooltip("desde:T", title="Desde", format="%d/%m/%Y"),
                     alt.Tooltip("hasta:T", title="Hasta", format="%d/%m/%Y")])
        puntos = alt.Chart(reps).mark_point(filled=True, color=color).encode(
            x=alt.X("fecha:T", axis=alt.Axis(format="%d/%m/%Y")),
            y=alt.Y("nombre:N", sort=por_persona["nombre"].tolist()))
        ui.grafica((barras + puntos).properties(height=34 * len(por_persona) + 40))
    por_persona["Ficha"] = [ui.url_persona(p) if pd.notna(p) else None
                            for p in por_persona["persona_id"]]
    por_persona["Desde"] = por_persona["desde"].map(formato.fecha_corta)
    por_persona["Hasta"] = por_persona["hasta"].map(formato.fecha_corta)
    ui.tabla(por_persona, "representantes del partido", {
        "nombre": "Representante", "calidad": "Calidad", "sesiones": "Sesiones presente",
        "Desde": "Primera sesión", "Hasta": "Última sesión", "Ficha": "Ficha"},
        key="partido-representantes",
        column_config={"Ficha": ui.columna_enlace("Ficha", "Ver ficha")},
        detalle=lambda fila: ui.enlace_persona(fila["persona_id"], fila["nombre"]))


def por_sesion(grid):
    grid = ui.con_sesion(grid.copy())
    grid["Acreditado"] = grid["acreditado"].map(formato.si_no)
    grid["Llegada"] = grid["llegada_punto"].map(formato.punto)
    grid["Retiro"] = grid["retiro_punto"].map(
        lambda p: "hasta el final" if pd.isna(p) else f"punto {int(p)}")
    ui.tabla(grid, "asistencia del partido", {
        "sesion_nombre": "Sesión", "Acreditado": "Acreditado", "estado": "Estado",
        "representantes": "Representación", "calidad": "Calidad", "Llegada": "Llegada",
        "Retiro": "Retiro", "fraccion": "Tiempo representado", "linea": "Línea del acta"},
        key="partido-sesiones", ultimas=True,
        column_config={"Tiempo representado": st.column_config.ProgressColumn(
            format="percent", min_value=0, max_value=1)})


def partido():
    ui.encabezado("Partidos", "Representaciones de cada partido ante el Comité.")
    filtros = ui.filtros()
    ui.sin_sesiones(ui.consulta(queries.sesiones, **filtros))
    siglas = elegir_partido(filtros)
    ficha = ui.consulta(queries.partido, partido=siglas)
    color = ficha["color"].iloc[0] if not ficha.empty else "#888888"
    nombre = ficha["nombre"].iloc[0] if not ficha.empty else siglas
    st.header(siglas if nombre == siglas else f"{siglas} · {nombre}")
    if not ficha.empty and not ficha["en_catalogo"].iloc[0]:
        st.caption("Partido nombrado por un acta que no está en data/catalogos/partidos.csv.")
    resumen = ui.consulta(queries.asistencia_por_partido, **filtros)
    resumen = resumen[resumen["partido"] == siglas]
    cifras(resumen.iloc[0] if not resumen.empty else None)
    st.caption(NOTA)
    st.subheader("Representantes")
    representantes(ui.consulta(queries.partido_representantes, partido=siglas, **filtros), color)
    st.subheader("Sesión por sesión")
    grid = ui.consulta(queries.asistencia_partidos, **filtros)
    por_sesion(grid[grid["partido"] == siglas].reset_index(drop=True))
    ui.fin()


partido()
