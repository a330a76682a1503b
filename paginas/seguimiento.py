"""Seguimiento: the status of every correction as of a date (pending since the session that
approved it, attended by a later acta or by a staff mark), the links to confirm, the audit trail
of staff changes and each document's timeline. Reading is open; the forms that change data are
drawn only for signed-in staff (tablero/acceso.py)."""
import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from etl.errors import TableroError
from tablero import acceso, formato, queries, seguimiento as sg, ui
from tablero.almacen import Almacen

ESTADOS = {"pendiente": "#C0392B", "atendida": "#2E7D32", "no aprobada": "#9E9E9E"}
EVENTOS = {"presentado": "#1565C0", "aprobado": "#2E7D32", "rechazado": "#C62828",
           "retirado": "#757575", "corrección pedida": "#EF6C00",
           "corrección atendida": "#6A1B9A"}
AVISO = "seg-aviso"


def _etiqueta(fila):
    return (f"{formato.fecha_corta(fila.fecha)} · {fila.documento} · {fila.solicitante or '—'}: "
            f"{(fila.descripcion or '')[:80]}")


def _guardar(accion, mensaje):
    """Run a save; on success rerun with a note, on an expected failure show its one line."""
    try:
        accion()
    except TableroError as error:
        st.error(str(error), icon=":material/error:")
        return
    st.session_state[AVISO] = mensaje
    st.rerun()


def _filtrar(estado):
    izquierda, centro, derecha = st.columns(3)
    documentos = izquierda.multiselect("Documento", sorted(estado["documento"].dropna().unique()),
                                       key="seg-documento", placeholder=ui.TODOS)
    personas = centro.multiselect("Solicitante",
                                  sorted(estado["solicitante"].dropna().unique()),
                                  key="seg-solicitante", placeholder=ui.TODOS)
    estados = derecha.multiselect("Estado", list(ESTADOS), key="seg-estado",
                                  placeholder=ui.TODOS)
    if documentos:
        estado = estado[estado["documento"].isin(documentos)]
    if personas:
        estado = estado[estado["solicitante"].isin(personas)]
    if estados:
        estado = estado[estado["estado"].isin(estados)]
    return estado


def _correcciones(estado, al):
    pendientes = estado[estado["estado"] == "pendiente"]
    columnas = st.columns(4, border=True)
    columnas[0].metric("Pedidas", len(estado))
    columnas[1].metric("Pendientes", len(pendientes))
    columnas[2].metric("Atendidas", int((estado["estado"] == "atendida").sum()))
    columnas[3].metric("Por confirmar", int(estado["por_confirmar"].sum()),
                       help="Pendientes que un acta posterior quizá atiende: el vínculo es "
                            "ambiguo y el personal debe confirmarlo o rechazarlo.")
    if estado.empty:
        st.info("Ninguna corrección coincide: cambie la fecha o los filtros.")
        return
    tabla = estado.assign(
        Pedida=ui.etiquetas(estado["fecha"], formato.fecha_corta),
        Atendida=ui.etiquetas(estado["atendida_el"], lambda f: "" if f is None or pd.isna(f)
                              else formato.fecha_corta(f)),
        Confirmar=estado["por_confirmar"].map(lambda v: "por confirmar" if v else ""))
    ui.tabla(tabla, "seguimiento de correcciones", {
        "estado": "Estado", "Confirmar": "Vínculo", "Pedida": "Pedida el",
        "documento": "Documento", "solicitante": "Solicitante", "descripcion": "Corrección",
        "dias_pendiente": "Días pendiente", "Atendida": "Atendida el",
        "evidencia": "Evidencia", "linea": "Línea"}, key="seg-correcciones")
    st.caption(f"Correcciones pedidas en las sesiones de la barra lateral, en su estado al "
               f"{formato.fecha_larga(al)}. «Días pendiente»: desde la sesión que la pidió hasta "
               "su atención o hasta esa fecha.")


def _evidencia(estado):
    por_acta = estado[estado["atendida_por"] == "acta"]
    if por_acta.empty:
        return
    with st.expander("Leer en el acta la atención de una corrección"):
        opciones = list(por_acta.index)
        elegida = st.selectbox("Corrección atendida", opciones, key="seg-evidencia",
                               format_func=lambda i: _etiqueta(por_acta.loc[i]))
        fila = por_acta.loc[elegida]
        st.caption(f"Vínculo: {fila['vinculo']}")
        ui.lineas_acta(fila["atendida_acta_id"], fila["atendida_linea"])


def _vinculos(con, almacen, persona, al, sesion_ids):
    st.subheader("Vínculos entre lo reportado y lo pedido")
    pares = ui.del_almacen(sg.vinculos)
    pares = pares[(pares["reportada_el"] <= al)
                  & pares["reportada_sesion_id"].isin(list(sesion_ids))]
    if pares.empty:
        st.info("Ningún acta hasta esa fecha reporta correcciones atendidas.")
        return
    abiertos = pares["estado"].isin(["por confirmar", "sin vincular"])
    if abiertos.any():
        st.warning(f"{int(abiertos.sum())} posibles vínculos esperan que el personal los "
                   "confirme o rechace; mientras tanto esas correcciones siguen pendientes.",
                   icon=":material/help:")
    pares = pares.assign(Reportada=pares["reportada_el"].map(formato.fecha_corta),
                         Pedida=pares["pedida_el"].map(formato.fecha_corta),
                         Decidio=pares["nombre"].fillna(""))
    ui.tabla(pares, "vinculos", {
        "estado": "Estado", "Reportada": "Reportada el", "reportada_archivo": "Acta",
        "reportada_linea": "Línea", "reportada_descripcion": "Lo que dice el acta",
        "Pedida": "Pedida el", "documento": "Documento", "solicitante": "Solicitante",
        "descripcion": "Corrección pedida", "vinculo": "Vínculo del ETL",
        "Decidio": "Decidió"}, key="seg-vinculos")
    if persona is None:
        return
    with st.form("seg-decidir", clear_on_submit=True):
        st.markdown("**Confirmar o rechazar un vínculo**")
        opciones = list(pares.index)
        elegido = st.selectbox("Vínculo", opciones, format_func=lambda i: (
            f"[{pares.loc[i, 'estado']}] {pares.loc[i, 'reportada_archivo']} línea "
            f"{pares.loc[i, 'reportada_linea']} → {_etiqueta(pares.loc[i].rename({'pedida_el': 'fecha'}))}"))
        decision = st.radio("Decisión", ["confirmado", "rechazado"], horizontal=True,
                            format_func={"confirmado": "Confirmar: atiende esa corrección",
                                         "rechazado": "Rechazar: no la atiende"}.get)
        nota = st.text_input("Nota (opcional)")
        enviar = st.form_submit_button("Guardar decisión", icon=":material/save:")
    if enviar:
        fila = pares.loc[elegido]
        _guardar(lambda: sg.decidir(con, almacen, fila["atendida"], fila["correccion"], decision,
                                    nota, persona["usuario"], persona["nombre"]),
                 f"Vínculo {decision}.")


def _marcar(con, almacen, persona, estado, al):
    st.subheader("Marcar como atendida")
    if persona is None:
        st.info("Inicie sesión en la barra lateral para marcar correcciones atendidas o "
                "confirmar vínculos.", icon=":material/lock:")
        return
    pendientes = estado[estado["estado"] == "pendiente"]
    if pendientes.empty:
        st.caption("No hay correcciones pendientes que marcar.")
    else:
        with st.form("seg-marcar", clear_on_submit=True):
            elegida = st.selectbox("Corrección pendiente", list(pendientes.index),
                                   format_func=lambda i: _etiqueta(pendientes.loc[i]))
            # By default the day the page shows the state of, so the mark shows in this view.
            fecha = st.date_input("Atendida el", value=min(al, dt.date.today()), format="DD/MM/YYYY",
                                  help="Por omisión, la fecha de «Estado al»; una marca cuenta "
                                       "desde la fecha que se le dé.")
            nota = st.text_area("Nota", placeholder="Qué se corrigió, dónde consta (oficio, "
                                                    "versión del documento…)")
            enviar = st.form_submit_button("Marcar como atendida", icon=":material/done:")
        if enviar:
            clave = pendientes.loc[elegida, "clave"]
            _guardar(lambda: sg.marcar(con, almacen, clave, fecha, nota, persona["usuario"],
                                       persona["nombre"]), "Corrección marcada como atendida.")
    marcadas = estado[estado["atendida_por"] == "personal"]
    if not marcadas.empty:
        with st.form("seg-desmarcar", clear_on_submit=True):
            elegida = st.selectbox("Quitar la marca de", list(marcadas.index),
                                   format_func=lambda i: _etiqueta(marcadas.loc[i]))
            nota = st.text_input("Motivo")
            enviar = st.form_submit_button("Quitar marca", icon=":material/undo:")
        if enviar:
            clave = marcadas.loc[elegida, "clave"]
            _guardar(lambda: sg.desmarcar(almacen, clave, nota, persona["usuario"]),
                     "Marca quitada: la corrección vuelve a su estado según las actas.")


def _bitacora(con, almacen):
    st.subheader("Bitácora de cambios del personal")
    cambios = sg.auditoria(almacen)
    if cambios.empty:
        st.caption("El personal aún no ha registrado cambios.")
    else:
        ui.tabla(cambios, "bitacora", {"en": "Cuándo (UTC)", "usuario": "Quién",
                                       "accion": "Qué", "clave": "Clave", "antes": "Antes",
                                       "despues": "Después", "nota": "Nota"},
                 key="seg-bitacora")
    huerfanas = ui.del_almacen(sg.huerfanas)
    if not huerfanas.empty:
        st.warning("Marcas del personal cuya corrección ya no está en las actas cargadas (el acta "
                   "se retiró o cambió): se conservan aquí.", icon=":material/link_off:")
        ui.tabla(huerfanas, "marcas sin correccion", {"clave": "Clave", "usuario": "Quién",
                                                      "en": "Cuándo",
                                                      "referencia": "Se refería a"},
                 key="seg-huerfanas")


def _documentos(comite):
    st.subheader("Documentos a lo largo de las sesiones")
    documentos = ui.consulta(sg.documentos)
    if comite is not None:
        documentos = documentos[documentos["comite"] == comite]
    eventos = ui.consulta(sg.linea_tiempo)
    eventos = eventos[eventos["documento_id"].isin(documentos["documento_id"])]
    if documentos.empty:
        st.info("Las actas no nombran documentos.")
        return
    ultimos = ui.recientes(documentos, 50, "los documentos", columna="ultima_fecha")
    grafica = eventos[eventos["documento_id"].isin(ultimos["documento_id"])].copy()
    grafica["Fecha"] = pd.to_datetime(grafica["fecha"])
    ui.grafica(alt.Chart(grafica).mark_point(filled=True, size=120).encode(
        x=alt.X("Fecha:T", title=None, axis=alt.Axis(format="%d/%m/%Y")),   # never «April»
        y=alt.Y("documento:N", title=None, sort=alt.EncodingSortField("Fecha", op="min"),
                axis=alt.Axis(labelLimit=320)),
        color=alt.Color("evento:N", title="Evento",
                        scale=alt.Scale(domain=list(EVENTOS), range=list(EVENTOS.values()))),
        shape=alt.Shape("evento:N", title="Evento"),
        tooltip=[alt.Tooltip("documento:N", title="Documento"),
                 alt.Tooltip("Fecha:T", title="Fecha", format="%d/%m/%Y"),
                 alt.Tooltip("evento:N", title="Evento"),
                 alt.Tooltip("detalle:N", title="Detalle")]
    ).properties(height=60 + 28 * grafica["documento"].nunique()))
    st.caption("El más reciente primero; debajo de la tabla, la trayectoria del documento "
               "elegido.")
    documentos = documentos.sort_values("ultima_fecha", ascending=False, kind="stable")
    ui.tabla(documentos.reset_index(drop=True), "documentos seguimiento", {
        "Tipo": "Tipo", "documento": "Documento", "sesiones": "Sesiones", "Desde": "Primera vez",
        "Hasta": "Última vez", "estado_actual": "Último estado",
        "correcciones": "Correcciones pedidas"}, key="seg-documentos",
        preparar=_rotular_documentos, detalle=lambda d: _trayectoria(d, eventos))


def _rotular_documentos(documentos):
    return documentos.assign(Tipo=ui.etiquetas(documentos["tipo"], formato.tipo_documento),
                             Desde=ui.etiquetas(documentos["primera_fecha"], formato.fecha_corta),
                             Hasta=ui.etiquetas(documentos["ultima_fecha"], formato.fecha_corta))


def _trayectoria(documento, eventos):
    """One document's events, each with its acta line."""
    st.markdown(f"**Trayectoria de {documento['documento']}**")
    uno = eventos[eventos["documento_id"] == documento["documento_id"]]
    uno = uno.assign(Fecha=uno["fecha"].map(formato.fecha_corta), detalle=uno["detalle"].fillna(""))
    ui.tabla(uno, "trayectoria", {"Fecha": "Fecha", "evento": "Evento", "detalle": "Detalle",
                                  "linea": "Línea"}, key="seg-trayectoria")


def seguimiento():
    ui.encabezado("Seguimiento", "Qué sigue abierto y desde cuándo: las correcciones al día que "
                                 "elija, lo que el personal registró y la historia de cada "
                                 "documento.")
    filtros = ui.filtros()
    sesiones = ui.consulta(queries.sesiones, **filtros)
    ui.sin_sesiones(sesiones)
    persona = acceso.sesion()
    if AVISO in st.session_state:
        st.success(st.session_state.pop(AVISO), icon=":material/check_circle:")
    almacen = Almacen()
    con = ui.cursor()
    # «Al día» of the committee: its last session loaded, not today (a 2021 process is over).
    ultima = ui.consulta(queries.rango_fechas, comite=filtros["comite"]).iloc[0]["hasta"]
    ultima = pd.Timestamp(ultima).date() if not pd.isna(ultima) else dt.date.today()
    al = st.date_input("Estado al", value=ultima, format="DD/MM/YYYY", key="seg-al",
                       help="Por omisión, la fecha de la última sesión cargada del comité.")
    st.caption(f"Última sesión cargada del comité: {formato.fecha_larga(ultima)}.")
    estado = _filtrar(ui.estado_correcciones(sesiones["sesion_id"], al))
    _correcciones(estado, al)
    _evidencia(estado)
    _vinculos(con, almacen, persona, al, sesiones["sesion_id"])
    _marcar(con, almacen, persona, estado, al)
    _bitacora(con, almacen)
    _documentos(filtros["comite"])
    ui.fin()


seguimiento()
