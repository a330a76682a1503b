"""Consultas: ad hoc SQL on the tablero database, the way Datasette offers it, in Spanish.

The schema with every column explained, a SQL editor kept in the URL (?sql=…, and ?p_<nombre>=…
for each $parámetro) so a link reproduces the query (it runs when the person clicks «Ejecutar»,
never on opening a link someone sent), saved queries loaded with one click, the
result with its row count and time, and its downloads. Every query goes through tablero.sql, the
same safe executor as `python -m etl consulta`.
"""
import streamlit as st

from tablero import db, esquema, ui
from tablero.sql import (Consola, ConsultaError, parameters, saved_queries, to_csv, to_excel,
                         to_parquet)

TITULO = "Consultas"
EJEMPLO = "SELECT fecha, tipo, numero, duracion_min\nFROM sesiones\nORDER BY fecha"


@st.cache_resource(max_entries=2, show_spinner=False, on_release=lambda consola: consola.close())
def _consola(identidad):
    return Consola(identidad[0])


@st.cache_resource(max_entries=4, ttl=300, show_spinner="Ejecutando la consulta…")
def _ejecutar(identidad, sql, valores):
    """(Resultado, None) or (None, the Spanish sentence): errors are cached like results, so a
    rerun (a download click) never runs the query again. cache_resource, not cache_data: a
    Resultado is never modified, and a million rows should not be unpickled on every rerun.
    At most 4 results of at most TABLERO_CONSULTA_MB each stay in the server's memory."""
    try:
        return _consola(identidad).run(sql, dict(valores)), None
    except ConsultaError as error:
        return None, str(error)


@st.cache_data(max_entries=2, show_spinner=False)
def _inventario(identidad):
    resultado, error = _ejecutar(identidad, esquema.INVENTARIO_SQL, ())
    return esquema.inventory(resultado.df) if resultado else []


def _guardadas():
    return {g.nombre: g for g in saved_queries()}


def _por_omision():
    """Each $parameter's default, from the saved queries that use it; `$comite` is the committee
    the sidebar has in scope («todos» when it shows all of them), so a saved query answers for the
    committee the person is looking at."""
    defaults = {n: v for g in _guardadas().values() for n, v in g.parametros.items()}
    defaults["comite"] = ui.comite_en_alcance() or "todos"
    return defaults


def _cargar(nombre):
    """A saved query clicked: into the editor, with its defaults, and run."""
    guardada = _guardadas()[nombre]
    st.session_state["sql"] = guardada.sql
    for parametro in guardada.parametros:     # back to the default the input is created with
        st.session_state.pop(f"p_{parametro}", None)
    st.session_state["_ejecutada"] = guardada.sql


def _ejecutar_editor():
    st.session_state["_ejecutada"] = st.session_state.get("sql", "")


def editor():
    """The SQL box and the inputs of its $parameters, all bound to the URL; returns
    (the query to show, its parameter values)."""
    if "_ejecutada" not in st.session_state:    # a link fills the editor; it runs on a click
        st.session_state["_ejecutada"] = ""
    sql = st.text_area("Consulta SQL (solo lectura)", key="sql", height=220, bind="query-params",
                       placeholder=EJEMPLO,
                       help="Una sola instrucción SELECT. Use $nombre para un parámetro.")
    valores = {}
    defaults = _por_omision()
    for nombre in parameters(sql or ""):
        valores[nombre] = st.text_input(f"${nombre}", value=defaults.get(nombre, ""),
                                        key=f"p_{nombre}", bind="query-params")
    st.button("Ejecutar", type="primary", icon=":material/play_arrow:", on_click=_ejecutar_editor)
    ejecutada = st.session_state["_ejecutada"]
    if ejecutada and ejecutada != sql:
        st.caption("La consulta cambió: pulse «Ejecutar» para ver su resultado.")
    elif sql and not ejecutada:
        st.caption("Pulse «Ejecutar» para ver el resultado de esta consulta.")
    return ejecutada, valores


def resultado(identidad, sql, valores):
    """The result of the executed query: counts and time, the first rows, the downloads."""
    if not sql.strip():
        if not st.session_state.get("sql"):
            st.info("Escriba una consulta o elija una consulta guardada.", icon=":material/edit:")
        return
    nombres = set(parameters(sql))
    resultado, error = _ejecutar(identidad, sql, tuple(sorted(
        (n, v) for n, v in valores.items() if n in nombres)))
    if error:
        st.error(ui.plano(error), icon=":material/block:")
        return
    filas = f"{resultado.filas:,} {'fila' if resultado.filas == 1 else 'filas'}".replace(",", " ")
    st.caption(f"{filas} · {resultado.ms:,.0f} ms")
    if resultado.truncado:
        st.warning(f"Se muestran las primeras {resultado.limite_filas:,} filas; las descargas "
                   "llevan el resultado completo.".replace(",", " "), icon=":material/content_cut:")
    if resultado.incompleto:
        st.warning(f"El resultado pasa de {resultado.filas:,} filas y se cortó ahí, también en "
                   "las descargas: agregue filtros o agrupe.".replace(",", " "))
    st.dataframe(resultado.mostrado(), hide_index=True, key="resultado")
    descargas(resultado)


def descargas(resultado):
    csv, excel, parquet, _ = st.columns([1, 1, 1, 3])
    comunes = dict(icon=":material/download:", on_click="ignore")
    csv.download_button("CSV", lambda: to_csv(resultado), file_name="consulta.csv",
                        mime="text/csv", key="csv-consulta", **comunes)
    excel.download_button("Excel", lambda: to_excel(resultado), file_name="consulta.xlsx",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          key="xlsx-consulta", **comunes)
    parquet.download_button("Parquet", lambda: to_parquet(resultado), file_name="consulta.parquet",
                            mime="application/vnd.apache.parquet", key="parquet-consulta", **comunes)


def guardadas():
    st.subheader("Preguntas guardadas")  # not «Consultas…»: the title must be the only heading with that word
    for nombre, guardada in sorted(_guardadas().items(), key=lambda item: item[1].titulo):
        st.button(guardada.titulo, key=f"guardada-{nombre}", on_click=_cargar, args=(nombre,),
                  icon=":material/bookmark:", type="tertiary")
        st.caption(guardada.descripcion)
        with st.popover("Ver el SQL", icon=":material/code:", type="tertiary"):
            st.code(guardada.sql, language="sql")


def esquema_tablas(identidad):
    st.subheader("Tablas y vistas")
    for tabla, es_vista, descripcion, columnas in _inventario(identidad):
        with st.expander(f"{tabla}{' · vista' if es_vista else ''}", icon=":material/table:"):
            st.caption(descripcion or "Sin descripción.")
            st.dataframe({"columna": [c[0] for c in columnas], "tipo": [c[1] for c in columnas],
                          "descripción": [c[2] or "" for c in columnas]},
                         hide_index=True, key=f"esquema-{tabla}")


def pagina():
    ui.encabezado(TITULO, "Preguntas en SQL sobre las actas, de solo lectura: la consulta queda en "
                          "la dirección del navegador para compartirla.")
    identidad = db.file_identity(db.db_path())
    izquierda, derecha = st.columns([2, 1], gap="large")
    with izquierda:
        sql, valores = editor()
        resultado(identidad, sql, valores)
    with derecha:
        guardadas()
        esquema_tablas(identidad)


pagina()
