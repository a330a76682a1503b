"""Votaciones: how often the committee decided unanimously (overall, per session, per kind of
document), the votes that were not unanimous with each ballot, how often each voting member voted
with the majority, and nominal versus show-of-hands votes."""
import altair as alt
import pandas as pd
import streamlit as st

from tablero import formato, queries, ui

SENTIDO = {"a favor": "A favor", "en contra": "En contra", "abstencion": "Abstención"}
FORMA = {"nominal": "Nominal", "economica": "Económica (a mano alzada)"}


def _etiqueta(v):
    return (f"Punto {int(v.punto) if pd.notna(v.punto) else '¿?'} · {formato.texto(v.asunto, v.titulo_punto, defecto='Votación')} — "
            f"{v.resultado} {v.a_favor}-{v.en_contra}-{v.abstenciones}")


def _rotular_votaciones(todas):
    todas = ui.con_sesion(todas)
    todas["Forma"] = todas["forma"].map(FORMA)
    todas["Unánime"] = ui.etiquetas(todas["unanimidad"], formato.si_no)
    todas["Documento"] = ui.etiquetas(todas["tipo_documento"], formato.tipo_documento)
    todas["Asunto"] = todas["asunto"].fillna(todas["titulo_punto"])
    return todas


def _rotular_votos(boletas):
    boletas = ui.con_sesion(boletas)
    boletas["Sentido"] = boletas["sentido"].map(SENTIDO)
    return boletas


def _detalle(v):
    """One non-unanimous vote: each ballot and the acta's words (fetched for this vote only)."""
    with st.container(border=True):
        st.markdown(f"**{v.sesion_nombre} · {_etiqueta(v)}**")
        suyas = ui.consulta(queries.votos_de_votacion, votacion_id=int(v.votacion_id))
        if suyas.empty:                     # not an empty table that says «empty»
            st.caption("Votación económica: el acta no consigna el sentido de cada voto."
                       if v.forma == "economica" else
                       "El acta no consigna el sentido de cada voto de esta votación.")
        else:
            suyas["Sentido"] = suyas["sentido"].map(SENTIDO)
            suyas, columnas = ui.con_origen(suyas, {"nombre": "Integrante", "Sentido": "Sentido"})
            st.dataframe(suyas[list(columnas)].rename(columns=columnas), hide_index=True)
        ui.lineas_acta(v.acta_id, v.linea, hecho=v)


def votaciones():
    ui.encabezado("Votaciones", "Sentido de las votaciones del Comité, con cada voto nominal.")
    filtros = ui.filtros()
    ui.sin_sesiones(ui.consulta(queries.sesiones, **filtros))
    todas = ui.consulta(queries.votaciones, **filtros)
    if todas.empty:
        st.info("Las sesiones elegidas no registran votaciones.")
        ui.fin()
        return
    formas = ui.consulta(queries.formas_votacion, **filtros)

    total, unanimes = len(todas), int(todas["unanimidad"].sum())
    columnas = st.columns(4, border=True)
    columnas[0].metric("Votaciones", total)
    columnas[1].metric("Unánimes", f"{unanimes} de {total}")
    columnas[2].metric("Proporción unánime", formato.porcentaje(unanimes / total))
    nominales = int(formas.loc[formas["forma"] == "nominal", "votaciones"].sum())
    columnas[3].metric("Nominales / económicas", f"{nominales} / {total - nominales}",
                       help="Nominal: cada integrante dice su voto. Económica: a mano alzada, "
                            "el acta sólo da los conteos.")

    st.subheader("Votaciones no unánimes")
    divididas = todas[~todas["unanimidad"]]
    if divididas.empty:
        st.success(f"Las {total} votaciones de las sesiones elegidas fueron unánimes.",
                   icon=":material/check_circle:")
    else:
        st.caption(f"{len(divididas)} de {total} votaciones, la más reciente primero; debajo de "
                   "la tabla, cada voto de la elegida y las palabras del acta.")
        divididas = ui.con_sesion(divididas.iloc[::-1].reset_index(drop=True))
        divididas["Asunto"] = divididas["asunto"].fillna(divididas["titulo_punto"])
        ui.tabla(divididas, "votaciones no unanimes", {
            "sesion_nombre": "Sesión", "punto": "Punto", "Asunto": "Asunto",
            "resultado": "Resultado", "a_favor": "A favor", "en_contra": "En contra",
            "abstenciones": "Abstenciones", "linea": "Línea del acta"},
            altura=250, detalle=_detalle)

    izquierda, derecha = st.columns(2)
    with izquierda:
        st.subheader("Unanimidad por sesión")
        por_sesion = ui.con_sesion(ui.consulta(queries.unanimidad_por_sesion, **filtros))
        por_sesion["Fecha"] = ui.etiquetas(por_sesion["fecha"], formato.fecha_corta)
        grafica = ui.recientes(por_sesion, 50, "las sesiones")
        ancho = 36 if len(grafica) <= 12 else alt.Undefined
        ui.grafica(alt.Chart(grafica).mark_bar(color="#7A1F5C", size=ancho).encode(
            x=alt.X("Fecha:N", sort=None, title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("proporcion:Q", title="Unánimes", axis=alt.Axis(format="%"),
                    scale=alt.Scale(domain=[0, 1])),
            tooltip=[alt.Tooltip("sesion_nombre:N", title="Sesión"),
                     alt.Tooltip("votaciones:Q", title="Votaciones"),
                     alt.Tooltip("unanimes:Q", title="Unánimes"),
                     alt.Tooltip("proporcion:Q", title="Proporción", format=".0%")]
        ).properties(height=220))
        ui.tabla(por_sesion, "unanimidad por sesion", {
            "sesion_nombre": "Sesión", "votaciones": "Votaciones", "unanimes": "Unánimes",
            "proporcion": "Proporción"}, ultimas=True,
            column_config={"Proporción": st.column_config.ProgressColumn(
                format="percent", min_value=0, max_value=1)})
    with derecha:
        st.subheader("Por tipo de documento")
        por_doc = ui.consulta(queries.unanimidad_por_tipo_documento, **filtros)
        por_doc["Documento"] = por_doc["tipo_documento"].map(formato.tipo_documento)
        ui.grafica(alt.Chart(por_doc).mark_bar(color="#7A1F5C").encode(
            x=alt.X("proporcion:Q", title="Unánimes", axis=alt.Axis(format="%"),
                    scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("Documento:N", sort="-x", title=None),
            tooltip=[alt.Tooltip("Documento:N"), alt.Tooltip("votaciones:Q", title="Votaciones"),
                     alt.Tooltip("unanimes:Q", title="Unánimes"),
                     alt.Tooltip("proporcion:Q", title="Proporción", format=".0%")]
        ).properties(height=220))
        ui.tabla(por_doc, "unanimidad por tipo de documento", {
            "Documento": "Documento", "votaciones": "Votaciones", "unanimes": "Unánimes",
            "proporcion": "Proporción"},
            column_config={"Proporción": st.column_config.ProgressColumn(
                format="percent", min_value=0, max_value=1)})

    st.subheader("Cada integrante con voto: ¿vota con la mayoría?")
    mayoria = ui.consulta(queries.votos_con_mayoria, **filtros)
    mayoria["Ficha"] = [ui.url_persona(p) if pd.notna(p) else None for p in mayoria["persona_id"]]
    ui.tabla(mayoria, "votos con la mayoria", {
        "nombre": "Integrante", "votos": "Votos emitidos", "con_mayoria": "Con la mayoría",
        "contra_mayoria": "Contra la mayoría", "en_contra": "En contra",
        "abstenciones": "Abstenciones", "proporcion": "Con la mayoría (%)", "Ficha": "Ficha"},
        column_config={"Con la mayoría (%)": st.column_config.ProgressColumn(
            format="percent", min_value=0, max_value=1),
            "Ficha": ui.columna_enlace("Ficha", "Ver ficha")},
        detalle=lambda fila: ui.enlace_persona(fila["persona_id"], fila["nombre"]))
    st.caption("Sólo votan las y los integrantes con voto; las representaciones de partidos y la "
               "Secretaría Técnica tienen voz pero no voto y no aparecen aquí.")

    st.subheader("Todas las votaciones")
    ui.tabla(todas, "votaciones", {
        "sesion_nombre": "Sesión", "punto": "Punto", "Asunto": "Asunto", "Documento": "Documento",
        "Forma": "Forma", "resultado": "Resultado", "Unánime": "Unánime", "a_favor": "A favor",
        "en_contra": "En contra", "abstenciones": "Abstenciones", "linea": "Línea del acta"},
        ultimas=True, preparar=_rotular_votaciones)

    st.subheader("Cada voto nominal")
    ui.tabla(ui.consulta(queries.votos, **filtros), "votos", {
        "sesion_nombre": "Sesión", "punto": "Punto", "asunto": "Asunto", "nombre": "Integrante",
        "Sentido": "Sentido", "linea": "Línea del acta"}, ultimas=True, preparar=_rotular_votos)
    ui.fin()


votaciones()
