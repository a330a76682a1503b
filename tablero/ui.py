"""Streamlit helpers every page shares: the database connection, cached queries, the sidebar's
filters (kept in the URL), tables with their downloads, the acta's own words, party colours, the
empty states and the footer.

    from tablero import queries, ui
    ui.encabezado("Votaciones")                 # page config when run alone + title
    f = ui.filtros()                            # the sidebar's filters, as query keyword arguments
    df = ui.consulta(queries.votaciones, **f)   # cached by database identity
    ui.tabla(df, "votaciones", {"fecha": "Fecha", "asunto": "Asunto", "linea": "Línea"})
"""
import datetime as dt
import functools
import importlib
import io
import re
import threading

import altair as alt
import pandas as pd
import streamlit as st

from etl.errors import DatabaseError
from tablero import db, formato, queries, seguimiento
from tablero.almacen import Almacen, AlmacenError

COMANDO_BUILD = "python -m etl build"
SIN_BASE = f"No hay base de datos: ejecute `{COMANDO_BUILD}`"
TODOS = "Todos"
TODOS_COMITES = "todos"
PARAMETROS_FILTRO = ("comite", "desde", "hasta", "tipo")
FILAS_MAXIMAS = 1000        # rows a table shows on screen; its downloads hold them all


# ───────────────────────────── Conexión y consultas ─────────────────────────────

_ABIERTAS = {}
_CANDADO = threading.Lock()


def _conexion(identidad):
    """The process's one read-only connection to the file with this identity. DuckDB hands a new
    connect() on an open path the database already open, so after `build` swaps a new file in,
    the old connection is closed first; otherwise the rebuild would stay invisible."""
    with _CANDADO:
        conexion = _ABIERTAS.get(identidad)
        if conexion is None:
            for vieja in list(_ABIERTAS):
                _ABIERTAS.pop(vieja).close()
            conexion = _ABIERTAS[identidad] = db.connect_readonly(identidad[0])
        return conexion


@st.cache_resource(max_entries=64, show_spinner=False)
def _cursor(identidad, hilo):
    return _conexion(identidad).cursor()


def identidad():
    """The database file's (path, mtime, size): a rebuild changes it, and with it every cache key."""
    return db.file_identity(db.db_path())


def cursor():
    """This thread's read-only cursor on the current database file; DatabaseError if there is none."""
    ident = identidad()
    if ident[1] is None:
        raise DatabaseError(SIN_BASE)
    return _cursor(ident, threading.get_ident())


@st.cache_data(max_entries=1024, show_spinner=False)
def _consulta(ident, modulo, nombre, argumentos):
    funcion = getattr(importlib.import_module(modulo), nombre)
    return funcion(cursor(), **dict(argumentos))


def consulta(funcion, **argumentos):
    """funcion(cursor, **argumentos) from the query layer, cached until the database is rebuilt.
    Returns a copy: pages may add columns freely."""
    clave = tuple(sorted(argumentos.items()))
    return _consulta(identidad(), funcion.__module__, funcion.__name__, clave).copy()


@st.cache_data(max_entries=64, show_spinner=False)
def _estado_correcciones(ident, carpeta, version_almacen, al):
    return seguimiento.estado_al(cursor(), Almacen(carpeta), None if isinstance(al, tuple) else al)


def estado_correcciones(sesion_ids=None, al=None):
    """Every correction's status on `al` (default today, with days pending counted to the last
    session loaded of each committee) by the one rule, tablero.seguimiento.estado_al: what the
    actas say merged with what staff entered. Only the corrections asked in `sesion_ids` when
    given. Cached until the database is rebuilt or staff save a change (and, without `al`, for
    the day); a store that cannot be read stops the page with its one line."""
    almacen = Almacen()
    try:
        estado = _estado_correcciones(identidad(), str(almacen.carpeta),
                                      almacen.version(), al or ("hoy", dt.date.today()))
    except AlmacenError as error:
        st.error(str(error), icon=":material/error:")
        st.stop()
    if sesion_ids is not None:
        estado = estado[estado["sesion_id"].isin(list(sesion_ids))]
    return estado.reset_index(drop=True)


@st.cache_data(max_entries=64, show_spinner=False)
def _del_almacen(ident, modulo, nombre, carpeta, version_almacen):
    funcion = getattr(importlib.import_module(modulo), nombre)
    return funcion(cursor(), Almacen(carpeta))


def del_almacen(funcion):
    """funcion(cursor, almacen) of tablero.seguimiento (links, orphan marks…), cached until the
    database is rebuilt or staff save a change; a store that cannot be read stops the page."""
    almacen = Almacen()
    try:
        return _del_almacen(identidad(), funcion.__module__, funcion.__name__,
                            str(almacen.carpeta), almacen.version()).copy()
    except AlmacenError as error:
        st.error(str(error), icon=":material/error:")
        st.stop()


def exigir_base():
    """Stop the page with the one command to run when there is no database or it holds no session."""
    try:
        cursor()
    except DatabaseError as error:
        mensaje = str(error)
        st.info(SIN_BASE if mensaje == SIN_BASE or not db.db_path().exists() else mensaje,
                icon=":material/database:")
        st.stop()
    if consulta(queries.carga).iloc[0]["sesiones"] == 0:
        st.info(f"La base de datos no tiene ninguna sesión: copie las actas en `data/actas/` y "
                f"ejecute `{COMANDO_BUILD}`", icon=":material/database:")
        st.stop()


def encabezado(titulo, descripcion=None):
    """Page config (only takes effect when the page runs alone), the empty state, and the title."""
    if not st.session_state.get("_marco"):
        st.set_page_config(page_title=f"{titulo} · Tablero COTAPREP", layout="wide")
    exigir_base()
    st.title(titulo)
    if descripcion:
        st.caption(descripcion)


# ───────────────────────────── Filtros (barra lateral y URL) ─────────────────────────────

def _fecha_param(texto):
    try:
        return dt.date.fromisoformat(str(texto))
    except ValueError:
        return None


def _iniciar(clave, valor):
    if clave not in st.session_state:
        st.session_state[clave] = valor


def comites():
    """The committees loaded, the most recent first (queries.comites)."""
    return consulta(queries.comites)


def barra_lateral():
    """The sidebar's scope: the committee (one body of one institute in one process), then its
    sessions by date and type. A link opens with the scope its URL carries
    (?comite=…&desde=…&hasta=…&tipo=…); changing a filter rewrites the URL.

    With one committee loaded it is chosen silently (its name is shown). With several, the one
    with the most recent session is chosen unless the URL names another; «Todos los comités»
    can be chosen, and then every page says that it adds up several committees."""
    qp = st.query_params
    lista = comites()
    claves = lista["comite"].tolist()
    nombres = dict(zip(lista["comite"], lista["nombre"]))
    opciones = claves + ([TODOS_COMITES] if len(claves) > 1 else [])
    if st.session_state.get("f_comite") not in opciones:
        st.session_state.pop("f_comite", None)
    pedido = qp.get("comite")
    _iniciar("f_comite", pedido if pedido in opciones else (claves[0] if claves else None))
    comite = st.session_state.get("f_comite")
    en_comite = None if comite in (None, TODOS_COMITES) else comite

    tipos = [TODOS] + consulta(queries.tipos_sesion, comite=en_comite)["tipo"].tolist()
    rango = consulta(queries.rango_fechas, comite=en_comite).iloc[0]
    minimo, maximo = _a_date(rango["desde"]), _a_date(rango["hasta"])

    # A rebuild or another committee may bring other types or dates: a choice they lack resets.
    if st.session_state.get("f_tipo") not in tipos:
        st.session_state.pop("f_tipo", None)
    if st.session_state.get("_rango") != (minimo, maximo):
        st.session_state.pop("f_fechas", None)
        st.session_state["_rango"] = (minimo, maximo)
    _iniciar("f_tipo", qp.get("tipo") if qp.get("tipo") in tipos else TODOS)
    if minimo is not None:
        desde = _fecha_param(qp.get("desde")) or minimo
        hasta = _fecha_param(qp.get("hasta")) or maximo
        desde, hasta = min(max(desde, minimo), maximo), max(min(hasta, maximo), minimo)
        _iniciar("f_fechas", (min(desde, hasta), max(desde, hasta)))

    with st.sidebar:
        st.header("Filtros")
        if len(claves) > 1:
            st.selectbox("Comité", opciones, key="f_comite",
                         format_func=lambda c: f"Todos los comités ({len(claves)})"
                         if c == TODOS_COMITES else nombres.get(c, c))
        elif claves:
            st.caption(f"Comité: **{nombres[claves[0]]}**")
        fechas = (None, None)
        if minimo is not None:
            fechas = st.date_input("Fechas de sesión", min_value=minimo, max_value=maximo,
                                   format="DD/MM/YYYY", key="f_fechas")
        tipo = st.selectbox("Tipo de sesión", tipos, key="f_tipo",
                            format_func=lambda t: t if t == TODOS else formato.tipo_sesion(t))
        st.caption("Copie la dirección del navegador para compartir esta vista con sus filtros.")

    desde, hasta = (tuple(fechas) + (None, None))[:2] if fechas else (None, None)
    hasta = hasta or maximo
    filtros = {
        "comite": en_comite,
        "desde": desde if desde and desde != minimo else None,
        "hasta": hasta if hasta and hasta != maximo else None,
        "tipo": None if tipo == TODOS else tipo,
    }
    url = dict(filtros, comite=comite if len(claves) > 1 else None)
    _escribir_url({k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in url.items()})
    st.session_state["_filtros"] = filtros
    st.session_state["_comites"] = [] if en_comite else [nombres[c] for c in claves]
    return dict(filtros)


def aviso_varios_comites():
    """On the page, under its title: the figures add up several committees (never silently)."""
    varios = st.session_state.get("_comites") or []
    if len(varios) > 1:
        st.warning(f"Estas cifras suman las sesiones de {len(varios)} comités distintos "
                   f"({'; '.join(varios)}): elija uno en la barra lateral para ver lo que hizo "
                   "cada comité.", icon=":material/warning:")


def comite_en_alcance():
    """The committee the sidebar has in scope (its key), or None for all of them; for pages that
    do not take the sidebar's dates and types (Informe, Seguimiento, Consultas)."""
    if st.session_state.get("_marco") and "_filtros" in st.session_state:
        return st.session_state["_filtros"].get("comite")
    return barra_lateral().get("comite")


def _escribir_url(valores):
    for clave, valor in valores.items():
        if valor is None:
            if clave in st.query_params:
                del st.query_params[clave]
        elif st.query_params.get(clave) != valor:
            st.query_params[clave] = valor


def filtros():
    """The filters as keyword arguments for the query layer. Under the frame (dashboard.py) the
    sidebar is already drawn; a page run alone draws it itself."""
    if st.session_state.get("_marco") and "_filtros" in st.session_state:
        valores = dict(st.session_state["_filtros"])
    else:
        valores = barra_lateral()
    aviso_varios_comites()
    return valores


def parametros_url(**extra):
    """The current view's query parameters (filters plus `extra`), to build links that reopen it."""
    valores = {k: st.query_params.get(k) for k in PARAMETROS_FILTRO if st.query_params.get(k)}
    valores.update({k: v for k, v in extra.items() if v is not None})
    return valores


def elegir_sesion(sesiones):
    """A selector of one session among `sesiones` (queries.sesiones), kept in the URL as
    ?sesion=<clave> (the acta's file name without extension, stable across rebuilds)."""
    claves = sesiones["clave"].tolist()
    etiquetas = dict(zip(claves, con_sesion(sesiones[["tipo", "numero", "fecha"]].copy())
                         ["sesion_nombre"]))
    enlazada = st.query_params.get("sesion")
    if enlazada in claves and enlazada != st.session_state.get("_sesion"):
        st.session_state["f_sesion"] = enlazada     # a link to another session was followed
    elif st.session_state.get("f_sesion") not in claves:
        pedida = enlazada or st.session_state.get("_sesion")
        st.session_state["f_sesion"] = pedida if pedida in claves else claves[-1]
    clave = st.selectbox("Sesión", claves, format_func=etiquetas.get, key="f_sesion")
    st.session_state["_sesion"] = clave
    _escribir_url({"sesion": clave})
    return sesiones[sesiones["clave"] == clave].iloc[0]


def sin_sesiones(df):
    """Stop with a note when the filters leave no session."""
    if df.empty:
        st.info("Ninguna sesión coincide con los filtros de la barra lateral: amplíe las fechas o "
                "elija «Todos».", icon=":material/filter_alt_off:")
        pie()
        st.stop()


def _a_date(valor):
    if valor is None or valor is pd.NaT or (isinstance(valor, float) and pd.isna(valor)):
        return None
    if isinstance(valor, pd.Timestamp):
        return valor.date()
    if isinstance(valor, dt.datetime):
        return valor.date()
    return valor


# ───────────────────────────── Tablas y descargas ─────────────────────────────

def _excel(df, hoja):
    buffer = io.BytesIO()
    salida = df.copy()
    for columna in salida.columns:
        if isinstance(salida[columna].dtype, pd.DatetimeTZDtype):
            salida[columna] = salida[columna].dt.tz_localize(None)
    salida.to_excel(buffer, index=False, sheet_name=hoja[:31] or "datos", engine="openpyxl")
    return buffer.getvalue()


def descargas(df, nombre, key=None):
    """CSV and Excel download buttons for `df`, a DataFrame or a function that returns it: both
    files are built only when clicked (a table of 100 000 ballots costs a second to write)."""
    archivo = re.sub(r"[^\w-]+", "-", nombre.lower()).strip("-") or "datos"
    key = key or archivo
    datos = df if callable(df) else (lambda: df)
    fila = st.container(horizontal=True, gap="small")
    fila.download_button("CSV", lambda: datos().to_csv(index=False).encode("utf-8-sig"),
                         file_name=f"{archivo}.csv", mime="text/csv",
                         icon=":material/download:", key=f"csv-{key}", on_click="ignore")
    fila.download_button("Excel", lambda: _excel(datos(), archivo), file_name=f"{archivo}.xlsx",
                         mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         icon=":material/download:", key=f"xlsx-{key}", on_click="ignore")


def _visible(df, columnas):
    visible = df[list(columnas)].rename(columns=columnas)
    for columna in visible.columns:     # a fact the acta does not state reads blank, not «None»
        if visible[columna].dtype == object or pd.api.types.is_string_dtype(visible[columna]):
            visible[columna] = visible[columna].astype(object).where(visible[columna].notna(), "")
    return visible


def tabla(df, nombre, columnas, *, key=None, column_config=None, altura="auto", detalle=None,
          maximo=FILAS_MAXIMAS, ultimas=False, preparar=None):
    """A table with Spanish headers (`columnas`: column -> label, in order), its CSV and Excel
    downloads, and below it the selected row: `detalle(fila)` when given (the first row until one
    is selected), else, when `df` has `acta_id` and `linea`, the acta's words for that row. Only
    the one selected row fetches its detail, however long the table.

    The screen shows the first `maximo` rows (the last ones with `ultimas`, for tables in date
    order: the most recent), with a note; the downloads always hold every row. `preparar(df)`
    adds the columns the table shows (Spanish labels, session names): it runs on the rows shown,
    and on the rest only when a download is clicked. A browser table of 100 000 ballots costs
    seconds to send and nobody scrolls it: filters and the download serve that reader better."""
    key = key or re.sub(r"\W+", "-", nombre.lower())
    completa, preparar = df, preparar or (lambda x: x)
    if "linea" in columnas and hay_correcciones(df):      # «Origen» after the acta line
        columnas, preparado = _columnas_con_origen(columnas), preparar
        preparar = lambda x: _marcar(preparado(x))      # noqa: E731
    if maximo and len(df) > maximo:
        df = df.iloc[-maximo:] if ultimas else df.iloc[:maximo]
    df = preparar(df.copy())
    trazable = {"acta_id", "linea"} <= set(df.columns)
    visible = _visible(df, columnas)
    pantalla, column_config = _lineas_enlazadas(df, visible, columnas, column_config)
    evento = st.dataframe(pantalla, hide_index=True, column_config=column_config, height=altura,
                          key=f"tabla-{key}",
                          on_select="rerun" if trazable or detalle else "ignore",
                          selection_mode="single-row")
    if len(df) < len(completa):
        cuales = "últimas (las más recientes)" if ultimas else "primeras"
        st.caption(f"Se muestran las {cuales} {_miles(len(df))} filas de {_miles(len(completa))}; "
                   "use los filtros de la barra lateral o descargue la tabla completa.")
        descargas(lambda: _visible(preparar(completa.copy()), columnas), nombre, key=key)
    else:
        descargas(visible, nombre, key=key)
    if df.empty or not (trazable or detalle):
        return visible
    filas = evento.selection.rows if evento is not None and hasattr(evento, "selection") else []
    if detalle is not None:
        detalle(df.iloc[filas[0] if filas else 0])
        if not filas and len(df) > 1:
            st.caption("Seleccione otra fila de la tabla para ver su detalle.")
    elif filas:
        fila = df.iloc[filas[0]]
        lineas_acta(fila["acta_id"], fila["linea"], hecho=fila)
    else:
        st.caption("Seleccione una fila para leer las palabras del acta que la respaldan.")
    return visible


def _lineas_enlazadas(df, visible, columnas, column_config):
    """On screen (not in the downloads), a table's acta line is a link that opens the acta at
    that line («sesiones?sesion=…&linea=63», shown as «63»)."""
    if not ({"acta_id", "linea"} <= set(df.columns) and "linea" in columnas) or df.empty:
        return visible, column_config
    etiqueta = columnas["linea"]
    claves = df["acta_id"].map(lambda a: clave_de_acta(a)).to_numpy()
    pantalla = visible.copy()
    pantalla[etiqueta] = [url_linea(c, n) if c is not None and pd.notna(n) else None
                          for c, n in zip(claves, df["linea"].to_numpy())]
    config = dict(column_config or {})
    config.setdefault(etiqueta, columna_enlace(etiqueta, r"linea=(\d+)$",
                                               "Abre el acta en esta línea"))
    return pantalla, config


def _miles(n):
    return f"{n:,}".replace(",", " ")


def recientes(df, n, cosas, columna="fecha"):
    """The `n` rows of `df` with the latest `columna` (in their original order), and a note when
    more were left out: a chart or a list of thousands is read by no one. `cosas` is what the
    rows are, with its article: «las sesiones»."""
    if len(df) <= n:
        return df
    articulo, nombre = cosas.split(" ", 1)        # «las sesiones» -> «las 50 sesiones»
    st.caption(f"Se muestran {articulo} {n} {nombre} más recientes de {_miles(len(df))}; use "
               "los filtros de la barra lateral o descargue la tabla.")
    return df.loc[df[columna].sort_values(kind="stable").index[-n:]].sort_index()


# ───────────────────────────── Las palabras del acta ─────────────────────────────

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$])")


def _escapar(texto):
    return _MARKDOWN.sub(r"\\\1", texto)


_PUNTUACION = re.compile(r"([!-/:-@\[-`{-~])")


def plano(texto):
    """A message that st.error, st.warning and st.info show exactly as written: every ASCII
    punctuation mark escaped, so a link, an emphasis, an icon code or an address that Markdown
    would make clickable — a message may quote what someone typed — is only text."""
    return _PUNTUACION.sub(r"\\\1", str(texto))


def lineas_acta(acta_id, linea, contexto=3, hecho=None):
    """The acta's lines around `linea`, the line that states the fact in bold with a marker; when
    `hecho` (the fact's row: origen, revisado_por, revisado_en) was corrected by staff, that
    first: what the tablero shows is the correction, not what the line says."""
    if corregido(hecho):
        st.caption(f"Dato {marca_origen(hecho)}; el acta dice:", help=AYUDA_ORIGEN)
    if acta_id is None or pd.isna(acta_id) or linea is None or pd.isna(linea):
        st.caption("El acta no indica la línea de este dato.")
        return
    lineas = consulta(queries.lineas_acta, acta_id=int(acta_id), linea=int(linea),
                      contexto=contexto)
    if lineas.empty:
        st.caption(f"La línea {int(linea)} no está en el texto del acta.")
        return
    primera, ultima = lineas["linea"].min(), lineas["linea"].max()
    st.caption(f"{lineas['archivo'].iloc[0]}, líneas {primera}–{ultima}")
    renglones = []
    for fila in lineas.itertuples():
        texto = _escapar(fila.texto.strip()) or "&nbsp;"
        numero = f"`{fila.linea:>4}`"
        renglones.append(f"{numero} ▶ **{texto}**" if fila.es_fuente else f"{numero} {texto}")
    st.markdown("  \n".join(renglones))
    clave = re.sub(r"\.[^.]+$", "", str(lineas["archivo"].iloc[0]))
    enlace(PAGINA_SESIONES, f"Abrir el acta en la línea {int(linea)}", ":material/open_in_new:",
           sesion=clave, linea=int(linea))


def fuente(acta_id, linea, etiqueta=None, contexto=3, hecho=None):
    """A popover «Acta, línea N» (« · corregido» when staff corrected the fact) that opens on
    the acta's own words."""
    if linea is None or pd.isna(linea):
        return
    etiqueta = etiqueta or f"Acta, línea {int(linea)}"
    with st.popover(f"{etiqueta} · corregido" if corregido(hecho) else etiqueta,
                    icon=":material/description:", type="tertiary"):
        lineas_acta(acta_id, linea, contexto, hecho=hecho)


# ───────────────────────────── De dónde sale un dato ─────────────────────────────
# A fact staff corrected in «Revisar acta» (etl/revision.py) carries origen = «revision», who
# (revisado_por) and when (revisado_en, UTC). Wherever a fact cites its acta line, the mark goes
# next to it: a table gets an «Origen» column after its «Línea del acta» when any of its rows
# was corrected, and the acta's words under a row say so first.

ORIGEN = "Origen"
AYUDA_ORIGEN = ("«acta»: lo leyó el lector en la línea citada; «corregido por …»: el personal lo "
                "corrigió o lo agregó en «Revisar acta» y el tablero muestra la corrección.")


def _valor(hecho, campo):
    try:
        valor = hecho[campo] if isinstance(hecho, (dict, pd.Series)) else getattr(hecho, campo)
    except (KeyError, AttributeError):
        return None
    return None if valor is None or (not isinstance(valor, str) and pd.isna(valor)) else valor


def corregido(hecho):
    """True when the fact (a row, a namedtuple or a dict with `origen`) was corrected by staff."""
    return hecho is not None and _valor(hecho, "origen") == "revision"


def marca_origen(hecho):
    """«acta», or «corregido por Ana López el 01/12/2026 a las 12:00 UTC»: the one wording of
    where a fact comes from, for every page (and «Revisar acta»)."""
    if not corregido(hecho):
        return "acta"
    marca = f"corregido por {_valor(hecho, 'revisado_por') or 'el personal'}"
    en = _valor(hecho, "revisado_en")
    try:
        cuando = pd.Timestamp(en) if en is not None else None
    except (TypeError, ValueError):
        cuando = None
    if cuando is None or pd.isna(cuando):
        return marca
    return f"{marca} el {cuando:%d/%m/%Y} a las {cuando:%H:%M} UTC"


def hay_correcciones(df):
    """True when some row of `df` is a fact staff corrected."""
    return "origen" in df.columns and bool((df["origen"] == "revision").any())


def con_origen(df, columnas):
    """(df, columnas) with the «Origen» column placed right after the acta line (or last, in a
    table that does not show it: the ballots under a vote), when any row of `df` was corrected
    by staff; unchanged otherwise (a table read only from the actas)."""
    if not hay_correcciones(df):
        return df, columnas
    return _marcar(df), _columnas_con_origen(columnas)


def _marcar(df):
    df = df.copy()
    hechos = df.reindex(columns=["origen", "revisado_por", "revisado_en"]).to_dict("records")
    df[ORIGEN] = pd.Series([marca_origen(h) for h in hechos], index=df.index, dtype=object)
    return df


def _columnas_con_origen(columnas):
    nuevas = {}
    for columna, etiqueta in columnas.items():
        if columna != "origen":
            nuevas[columna] = etiqueta
        if columna == "linea":
            nuevas[ORIGEN] = ORIGEN
    nuevas.setdefault(ORIGEN, ORIGEN)
    return nuevas


# ───────────────────────────── Gráficas ─────────────────────────────

def escala_partidos(partidos=None):
    """Altair colour scale with each party's own colour from the catalog."""
    catalogo = consulta(queries.partidos)
    if partidos is not None:
        catalogo = catalogo[catalogo["partido"].isin(list(partidos))]
    return alt.Scale(domain=catalogo["partido"].tolist(), range=catalogo["color"].tolist())


def grafica(chart):
    st.altair_chart(chart, width="stretch")


# ───────────────────────────── Pie ─────────────────────────────

def pie():
    """When the data was loaded and from how many actas."""
    carga = consulta(queries.carga).iloc[0]
    actas = int(carga["actas"])
    texto = (f"Datos cargados el {formato.fecha_hora(carga['cargada_en'])} desde "
             f"{actas} {'acta' if actas == 1 else 'actas'} "
             f"({int(carga['sesiones'])} {'sesión' if carga['sesiones'] == 1 else 'sesiones'})")
    if carga["errores"]:
        texto += f" · {int(carga['errores'])} archivos no se pudieron cargar (vea Calidad)"
    st.divider()
    st.caption(texto + f" · `{db.db_path().name}`")


def fin():
    """The footer for a page run alone (under dashboard.py the frame draws it)."""
    if not st.session_state.get("_marco"):
        pie()


def etiquetas(serie, funcion):
    """serie.map(funcion), calling `funcion` once per distinct value: a column of 100 000 rows
    holds a handful of kinds of document or dates."""
    unicos = serie.drop_duplicates()
    return serie.map(pd.Series([funcion(v) for v in unicos], index=unicos, dtype=object))


def con_fecha(df, columna="fecha", destino="Fecha"):
    """Adds `destino`: the date in Spanish words («28 de enero de 2021»)."""
    df[destino] = etiquetas(df[columna], formato.fecha_larga) if not df.empty else pd.Series(dtype=str)
    return df


@functools.lru_cache(maxsize=1 << 16)
def _nombre_sesion(tipo, numero, fecha):
    return formato.nombre_sesion(tipo, numero, fecha)


@st.cache_resource(max_entries=2, show_spinner=False)
def _nombres_sesiones(ident):
    """Every session's name by sesion_id, computed once per database file (read-only, shared)."""
    sesiones = _consulta(ident, queries.sesiones.__module__, "sesiones", ())
    return pd.Series([_nombre_sesion(t, n, f) for t, n, f in
                      zip(sesiones["tipo"], sesiones["numero"], sesiones["fecha"])],
                     index=sesiones["sesion_id"].to_numpy(), dtype=object)


def con_sesion(df, destino="sesion_nombre"):
    """Adds `destino`: «Sesión ordinaria 2 · 28 de enero de 2021». Each session is named once per
    database (tables of ballots repeat the same sessions a hundred thousand times), looked up by
    `sesion_id` when the frame has it."""
    if df.empty:
        df[destino] = []
        return df
    if "sesion_id" in df.columns:
        nombres = df["sesion_id"].map(_nombres_sesiones(identidad()))
        if nombres.notna().all():
            df[destino] = nombres.to_numpy()
            return df
    columnas = ["tipo", "numero", "fecha"]
    grupo = df.groupby(columnas, dropna=False, sort=False).ngroup().to_numpy()
    unicas = df.loc[~pd.Series(grupo).duplicated().to_numpy(), columnas]   # in group order
    nombres = [_nombre_sesion(t, n, f) for t, n, f in
               zip(unicas["tipo"], unicas["numero"], unicas["fecha"])]
    df[destino] = pd.Series(nombres, dtype=object).to_numpy()[grupo]
    return df


# ───────────────────────────── Enlaces ─────────────────────────────
# Every person, party, session, search and acta line has a URL that opens it directly and can be
# shared: «persona?persona=12», «partido?partido=PRI», «sesiones?sesion=<clave>&linea=63»,
# «buscar?q=…». The links are relative to the current page, so they work under any base path.

PAGINA_PERSONA, PAGINA_PARTIDO = "paginas/persona.py", "paginas/partido.py"
PAGINA_SESIONES, PAGINA_BUSCAR = "paginas/sesiones.py", "paginas/buscar.py"


def url(pagina, **parametros):
    """The relative URL of `pagina` (its file, paginas/x.py) with these query parameters."""
    from urllib.parse import urlencode

    ruta = pagina.rsplit("/", 1)[-1].removesuffix(".py")
    valores = {k: v for k, v in parametros.items() if v is not None and not
               (isinstance(v, float) and pd.isna(v))}
    return ruta + ("?" + urlencode(valores) if valores else "")


def url_persona(persona_id):
    return url(PAGINA_PERSONA, persona=int(persona_id))


def url_partido(partido):
    return url(PAGINA_PARTIDO, partido=partido)


def url_linea(clave, linea):
    """«acta X, línea N»: the session's page opened on that line of its acta."""
    return url(PAGINA_SESIONES, sesion=clave, linea=None if linea is None or pd.isna(linea)
               else int(linea))


def enlace(pagina, etiqueta, icono=None, **parametros):
    """A link to another page of the tablero with query parameters. Under the frame, a page link
    (same tab, no reload); a page run alone has no other pages, so a plain link."""
    parametros = {k: str(v) for k, v in parametros.items() if v is not None}
    if st.session_state.get("_marco"):
        st.page_link(pagina, label=etiqueta, icon=icono, query_params=parametros)
    else:
        st.markdown(f"[{_escapar(etiqueta)}]({url(pagina, **parametros)})")


def enlace_persona(persona_id, nombre, prefijo="Ficha de "):
    if persona_id is not None and not pd.isna(persona_id):
        enlace(PAGINA_PERSONA, f"{prefijo}{nombre}", ":material/person:",
               persona=int(persona_id))


def enlace_partido(partido, prefijo="Ficha del partido "):
    if partido and not pd.isna(partido):
        enlace(PAGINA_PARTIDO, f"{prefijo}{partido}", ":material/flag:", partido=partido)


def columna_enlace(etiqueta, texto=None, ayuda=None):
    """A table column of links (st.column_config.LinkColumn): `texto` is what each cell shows,
    or a regular expression whose group is taken from the URL."""
    return st.column_config.LinkColumn(etiqueta, display_text=texto, help=ayuda)


@st.cache_resource(max_entries=2, show_spinner=False)
def _claves_actas(ident):
    """acta_id -> the session's key (the acta's file name without extension), once per database."""
    sesiones = _consulta(ident, queries.sesiones.__module__, "sesiones", ())
    return pd.Series(sesiones["clave"].to_numpy(), index=sesiones["acta_id"].to_numpy(),
                     dtype=object)


def clave_de_acta(acta_id):
    if acta_id is None or pd.isna(acta_id):
        return None
    return _claves_actas(identidad()).get(int(acta_id))


def escapar(texto):
    """`texto` safe inside st.markdown: Markdown's marks taken literally."""
    return _escapar(str(texto))
