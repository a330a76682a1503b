"""Personas: one person's record across the actas — every session with role, party,
propietario/suplente, arrivals and departures; every ballot and how often it went with the
majority; every correction asked; the spellings the actas use of the name. Reached from any name
of the tablero by ?persona=ID (the sidebar's filters apply)."""
import pandas as pd
import streamlit as st

from etl.errors import TableroError
from tablero import formato, queries, ui

ROL = {"integrante": "Integrante", "secretario": "Secretaría Técnica",
       "representante": "Representación de partido", "invitado": "Invitado", "otro": "Otro"}
SENTIDO = {"a favor": "A favor", "en contra": "En contra", "abstencion": "Abstención"}


def elegir_persona():
    """A selector of one person, kept in the URL as ?persona=ID."""
    todas = ui.consulta(queries.personas)
    if todas.empty:
        st.info("Las actas cargadas no nombran a ninguna persona.", icon=":material/person_off:")
        st.stop()
    ids = todas["persona_id"].astype(int).tolist()
    etiquetas = {int(p.persona_id): p.nombre + (f" — {p.partido}" if pd.notna(p.partido) else "")
                 for p in todas.itertuples()}
    enlazada = _entero(st.query_params.get("persona"))
    if enlazada in ids and enlazada != st.session_state.get("_persona"):
        st.session_state["f_persona"] = enlazada
    elif st.session_state.get("f_persona") not in ids:
        st.session_state["f_persona"] = ids[0]
    pedida = st.query_params.get("persona")
    if pedida and enlazada not in ids:
        st.warning(ui.plano(f"No hay ninguna persona con la clave «{pedida}» en las actas "
                            "cargadas: elija una de la lista de personas."),
                   icon=":material/person_off:")
    persona_id = st.selectbox("Persona", ids, format_func=etiquetas.get, key="f_persona")
    st.session_state["_persona"] = persona_id
    if st.query_params.get("persona") != str(persona_id):
        st.query_params["persona"] = str(persona_id)
    return persona_id


def _entero(texto):
    try:
        return int(texto)
    except (TypeError, ValueError):
        return None


def conteo_correcciones(correcciones):
    """(asked, reported attended): the rows of queries.persona_correcciones by «que», counted once
    for the card and the tab, so both say the same numbers in the same words."""
    que = correcciones["que"]
    return int((que == "pedida").sum()), int((que == "reportada atendida").sum())


def titulo_correcciones(correcciones):
    """«Correcciones (1 pedida · 1 reportada atendida)»: the tab names what its rows are."""
    pedidas, reportadas = conteo_correcciones(correcciones)
    partes = [f"{pedidas} {'pedida' if pedidas == 1 else 'pedidas'}"]
    if reportadas:
        partes.append(f"{reportadas} {'reportada atendida' if reportadas == 1 else 'reportadas atendidas'}")
    return f"Correcciones ({' · '.join(partes)})"


def cifras(sesiones, votos, correcciones, turnos):
    presentes = sesiones[sesiones["presente"]]
    con_mayoria = votos["con_mayoria"].dropna()
    columnas = st.columns(5, border=True)
    columnas[0].metric("Sesiones", len(presentes),
                       help="Sesiones en que el acta la registra presente.")
    columnas[1].metric("Ausencias", int((~sesiones["presente"]).sum()))
    columnas[2].metric("Llegadas tarde / retiros",
                       f"{int(presentes['llegada_punto'].notna().sum())} / "
                       f"{int(presentes['retiro_punto'].notna().sum())}")
    columnas[3].metric("Votos con la mayoría",
                       f"{int(con_mayoria.sum())} de {len(con_mayoria)}" if len(con_mayoria)
                       else "—",
                       help="Votos nominales que emitió en el sentido de la mayoría (una votación "
                            "empatada no tiene mayoría y no cuenta).")
    pedidas, reportadas = conteo_correcciones(correcciones)
    columnas[4].metric("Correcciones pedidas", pedidas,
                       help="Correcciones que pidió en las sesiones de los filtros; la pestaña "
                            "«Correcciones» las lista junto con las que una sesión reporta "
                            f"atendidas ({reportadas}).")
    if turnos:
        st.caption(f"Habla en {turnos['actas']} {'acta' if turnos['actas'] == 1 else 'actas'} "
                   f"({turnos['lineas']} líneas de intervenciones).")


def pestana_sesiones(sesiones):
    if sesiones.empty:
        st.info("Ninguna sesión de los filtros la registra.")
        return
    sesiones = ui.con_sesion(sesiones.copy())
    sesiones["Rol"] = sesiones["rol"].map(lambda r: ROL.get(r, r))
    sesiones["Asistencia"] = sesiones["presente"].map({True: "Presente", False: "Ausente"})
    sesiones["Llegada"] = sesiones["llegada_punto"].map(formato.punto)
    sesiones["Retiro"] = sesiones["retiro_punto"].map(
        lambda p: "hasta el final" if pd.isna(p) else f"punto {int(p)}")
    sesiones["Voto"] = sesiones["con_voto"].map({True: "Con voto", False: "Voz sin voto"})
    sesiones["Ficha del partido"] = [ui.url_partido(p) if pd.notna(p) else None
                                     for p in sesiones["partido"]]
    ui.tabla(sesiones, "sesiones de la persona", {
        "sesion_nombre": "Sesión", "Rol": "Rol", "cargo": "Cargo", "partido": "Partido",
        "calidad": "Calidad", "Voto": "Voto", "Asistencia": "Asistencia", "Llegada": "Llegada",
        "Retiro": "Retiro", "Ficha del partido": "Ficha del partido", "linea": "Línea del acta"},
        key="persona-sesiones", ultimas=True,
        column_config={"Ficha del partido": ui.columna_enlace("Ficha del partido",
                                                              r"partido=(.+)$")})


def pestana_votos(votos):
    if votos.empty:
        st.info("El acta no le registra votos nominales en las sesiones de los filtros.")
        return
    votos = ui.con_sesion(votos.copy())
    votos["Sentido"] = votos["sentido"].map(lambda s: SENTIDO.get(s, s))
    votos["Mayoría"] = votos["sentido_mayoria"].map(
        lambda s: "empate" if pd.isna(s) else SENTIDO.get(s, s))
    votos["Con la mayoría"] = votos["con_mayoria"].map(
        lambda c: "—" if pd.isna(c) else formato.si_no(bool(c)))
    ui.tabla(votos, "votos de la persona", {
        "sesion_nombre": "Sesión", "punto": "Punto", "asunto": "Asunto", "Sentido": "Su voto",
        "Mayoría": "Sentido de la mayoría", "Con la mayoría": "Con la mayoría",
        "resultado": "Resultado", "linea": "Línea del acta"}, key="persona-votos", ultimas=True)


def pestana_correcciones(correcciones):
    if correcciones.empty:
        st.info("No pidió correcciones en las sesiones de los filtros.")
        return
    correcciones = ui.con_sesion(correcciones.copy())
    estado = ui.estado_correcciones()[["correccion_id", "estado"]]
    pedidas = correcciones["que"] == "pedida"
    correcciones["Estado"] = correcciones["id"].map(
        dict(zip(estado["correccion_id"], estado["estado"]))).where(pedidas, "")
    correcciones["Aprobada"] = correcciones["aprobada"].map(
        lambda a: "" if pd.isna(a) else formato.si_no(bool(a)))
    ui.tabla(correcciones, "correcciones de la persona", {
        "sesion_nombre": "Sesión", "que": "Qué", "punto": "Punto", "documento": "Documento",
        "descripcion": "Corrección", "Aprobada": "Aprobada", "Estado": "Estado hoy",
        "linea": "Línea del acta"}, key="persona-correcciones")


def pestana_grafias(grafias):
    st.caption("Cómo escriben las actas su nombre: todas estas formas son la misma persona.")
    ui.tabla(grafias, "grafias del nombre", {
        "grafia": "Como lo escribe el acta", "donde": "Dónde", "veces": "Veces",
        "actas": "Actas", "linea": "Primera línea"}, key="persona-grafias")


def persona():
    ui.encabezado("Personas", "La trayectoria de cada persona en las actas.")
    filtros = ui.filtros()
    persona_id = elegir_persona()
    fila = ui.consulta(queries.persona, persona_id=persona_id).iloc[0]
    sesiones = ui.consulta(queries.persona_sesiones, persona_id=persona_id, **filtros)
    votos = ui.consulta(queries.persona_votos, persona_id=persona_id, **filtros)
    correcciones = ui.consulta(queries.persona_correcciones, persona_id=persona_id, **filtros)
    grafias = ui.consulta(queries.persona_grafias, persona_id=persona_id)
    try:
        oradores = ui.consulta(queries.oradores)
        turnos = oradores[oradores["persona_id"] == persona_id]
        turnos = turnos.iloc[0].to_dict() if not turnos.empty else None
    except TableroError:
        turnos = None                      # a database without its search index: no turns

    st.header(fila["nombre"])
    partidos = sorted(sesiones["partido"].dropna().unique())
    cargos = sorted(sesiones["cargo"].dropna().unique())
    if cargos:
        st.caption(" · ".join(cargos))
    enlaces = st.container(horizontal=True, gap="small")
    with enlaces:
        for partido in partidos:
            ui.enlace_partido(partido)
        if turnos:
            ui.enlace(ui.PAGINA_BUSCAR, "Buscar en sus intervenciones", ":material/search:",
                      orador=persona_id)
    cifras(sesiones, votos, correcciones, turnos)
    pestanas = st.tabs([f"Sesiones ({len(sesiones)})", f"Votos ({len(votos)})",
                        titulo_correcciones(correcciones),
                        f"Grafías del nombre ({len(grafias)})"])
    for pestana, dibujar, datos in zip(pestanas, (pestana_sesiones, pestana_votos,
                                                  pestana_correcciones, pestana_grafias),
                                       (sesiones, votos, correcciones, grafias)):
        with pestana:
            dibujar(datos)
    ui.fin()


persona()
