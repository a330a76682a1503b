"""Revisar acta: staff see what was read from an acta next to its text, and correct any fact.

The to-do list first (the parser's avisos, the self-checks of etl.revision.comprobaciones and any
correction that no longer applies); then the acta's text with line numbers on one side and its
facts, grouped as the contract groups them, on the other. Signed-in staff edit a field, add a
missing fact or delete a wrong one, with a note; each save is stored against the acta's bytes and
the fact's stable key (tablero/revision.py, etl/revision.py), audited, and the database is rebuilt
so every page shows the reviewed facts. The review status is per acta: sin revisar, en revisión,
revisada por X el …; an acta can be withdrawn (its file moved aside) and given back."""
import copy

import pandas as pd
import streamlit as st

from etl import revision as reglas
from etl.errors import TableroError
from etl.load import etl_version
from tablero import acceso, carga, formato, queries, revision, ui
from tablero.almacen import Almacen

AVISO = "rev-aviso"
SI_NO = {True: "sí", False: "no", None: "sin dato"}
TIPOS_SESION = ["ordinaria", "extraordinaria", "especial", "instalacion", "solemne"]

# Each section: its label, and its fields (contract key, label, kind: texto, entero, bool, or a
# list of allowed values). «linea» is the fact's fuente.linea.
SECCIONES = {
    "sesion": ("Sesión", [
        ("tipo", "Tipo", TIPOS_SESION), ("numero", "Número", "entero"),
        ("fecha", "Fecha (AAAA-MM-DD)", "texto"), ("hora_inicio", "Hora de inicio", "texto"),
        ("hora_fin", "Hora de fin", "texto"), ("duracion_min", "Duración (min)", "entero"),
        ("modalidad", "Modalidad", ["virtual", "presencial", "mixta"]),
        ("lugar", "Lugar", "texto"), ("quorum", "Quórum", "bool"),
        ("organo", "Órgano", "texto"), ("instituto", "Instituto", "texto"),
        ("proceso", "Proceso", "texto")]),
    "asistentes": ("Asistencia", [
        ("nombre", "Nombre", "texto"), ("grado", "Grado", "texto"), ("cargo", "Cargo", "texto"),
        ("rol", "Rol", ["integrante", "secretario", "representante", "invitado", "otro"]),
        ("con_voto", "Con voto", "bool"), ("partido", "Partido", "texto"),
        ("calidad", "Calidad", ["propietario", "suplente"]), ("presente", "Presente", "bool"),
        ("llegada_punto", "Llega en el punto", "entero"),
        ("retiro_punto", "Se retira en el punto", "entero"), ("linea", "Línea", "entero")]),
    "orden_del_dia": ("Orden del día", [
        ("numero", "Número", "entero"), ("titulo", "Título", "texto"),
        ("linea", "Línea", "entero")]),
    "votaciones": ("Votaciones", [
        ("punto", "Punto", "entero"), ("asunto", "Asunto", "texto"),
        ("forma", "Forma", ["nominal", "economica"]),
        ("resultado", "Resultado", ["aprobado", "rechazado"]),
        ("unanimidad", "Unanimidad", "bool"), ("a_favor", "A favor", "entero"),
        ("en_contra", "En contra", "entero"), ("abstenciones", "Abstenciones", "entero"),
        ("linea", "Línea", "entero")]),
    "votos": ("Votos", [
        ("nombre", "Nombre", "texto"),
        ("sentido", "Sentido", ["a favor", "en contra", "abstencion"])]),
    "correcciones": ("Correcciones", [
        ("punto", "Punto", "entero"), ("documento", "Documento", "texto"),
        ("solicitante", "Solicitante", "texto"), ("descripcion", "Descripción", "texto"),
        ("aprobada", "Aprobada", "bool"), ("linea", "Línea", "entero")]),
    "correcciones_atendidas": ("Correcciones atendidas", [
        ("punto", "Punto", "entero"), ("documento", "Documento", "texto"),
        ("solicitante", "Solicitante", "texto"), ("descripcion", "Descripción", "texto"),
        ("linea", "Línea", "entero")]),
    "documentos": ("Documentos", [
        ("tipo", "Tipo", ["acta", "informe", "dictamen", "acuerdo", "plan", "presentacion",
                          "otro"]),
        ("clave", "Clave", "texto"), ("titulo", "Título", "texto"), ("punto", "Punto", "entero"),
        ("estado", "Estado", ["presentado", "aprobado", "rechazado", "retirado"]),
        ("linea", "Línea", "entero")]),
}


class Invalido(ValueError):
    """A value typed in a form that the field cannot take."""


# ───────────────────────────── The acta and its review ─────────────────────────────

@st.cache_data(max_entries=32, ttl="10m", show_spinner=False)
def _parse(sha256, version, texto, archivo):
    """(the parser's facts of the acta's text, None) or (None, the sentence of a refusal), cached
    by bytes and parser version: the parse runs in a reader worker with the limits of every
    reading (tablero/revision.py), and a refusal is not paid again on every rerun."""
    try:
        return revision.parsear(texto, archivo), None
    except TableroError as error:
        return None, " ".join(str(error).split())


def _elegir_acta(actas):
    """The acta chosen, by its bytes (sha256: the same across rebuilds), preselected from the
    link's ?acta=<archivo>."""
    por_sha = actas.set_index("sha256")
    pedida = st.query_params.get("acta")
    indice = next((i for i, a in enumerate(actas["archivo"]) if a == pedida), 0)
    nombres = dict(zip(actas["sha256"], _nombres_actas(actas)))   # once: thousands of actas
    sha = st.selectbox("Acta", list(por_sha.index), index=indice, key="rev-acta",
                       format_func=lambda s: nombres.get(s, s[:16]))
    fila = por_sha.loc[sha].copy()
    fila["sha256"] = sha
    st.query_params["acta"] = fila["archivo"]
    return int(fila["acta_id"]), fila


def _nombres_actas(actas):
    return [f"{formato.nombre_sesion(t, n, f)} · {a}" for t, n, f, a in
            zip(actas["tipo"], actas["numero"], actas["fecha"], actas["archivo"])]


def _estado(fila):
    """«revisada por Ana López el 1 de diciembre de 2026», «en revisión», «sin revisar»."""
    if fila["revision_estado"] == reglas.REVISADA:
        return (f"revisada por {fila['revisada_por']} el "
                f"{formato.fecha_larga(pd.Timestamp(fila['revisada_en']).date())}")
    return fila["revision_estado"]


class Revision:
    """One acta's review on screen: its parse, its corrections, its reviewed facts."""

    def __init__(self, acta_id, fila, persona, almacen):
        self.acta_id, self.fila, self.persona, self.almacen = acta_id, fila, persona, almacen
        self.sha, self.archivo = fila["sha256"], fila["archivo"]
        self.texto = ui.consulta(queries.texto_acta, acta_id=acta_id)["texto"].iloc[0]
        with st.spinner("Leyendo el acta…"):
            self.parse, rechazo = _parse(self.sha, etl_version(), self.texto, self.archivo)
        if rechazo:
            raise TableroError(rechazo)
        self.revisiones = almacen.revisiones(self.sha)
        self.revisados, self.notas = revision.revisar(self.parse, self.revisiones)

    def guardar(self, revisado, nota, hecho):
        """Store what changed from the reviewed facts to `revisado`, rebuild, and rerun."""
        try:
            n = revision.guardar(self.almacen, self.sha, self.archivo, self.parse,
                                 self.revisados, revisado, self.persona["usuario"],
                                 self.persona["nombre"], nota)
            if n == 0:
                st.info("No cambió nada: los valores son los que ya tenía.",
                        icon=":material/info:")
                return
            with st.spinner("Guardando y reconstruyendo la base…"):
                informe = revision.reconstruir(self.almacen)
        except TableroError as error:
            st.error(f"Error: {' '.join(str(error).split())}", icon=":material/error:")
            return
        _listo(f"{hecho} ({n} {'cambio' if n == 1 else 'cambios'}). {informe.summary()}")


def _listo(mensaje):
    st.session_state[AVISO] = mensaje
    st.rerun()


# ───────────────────────────── To-do list and status ─────────────────────────────

def _pendientes(rev):
    filas = [{"linea": a.get("linea"), "que": "Aviso del lector", "mensaje": a.get("mensaje")}
             for a in rev.parse.get("avisos") or []]
    filas += [{"linea": c["linea"], "que": "Comprobación", "mensaje": c["mensaje"]}
              for c in reglas.comprobaciones(rev.revisados)]
    filas += [{"linea": n["linea"], "que": "Corrección del personal", "mensaje": n["mensaje"]}
              for n in rev.notas]
    st.subheader("Por revisar")
    if not filas:
        st.success("El lector no dejó avisos y las comprobaciones están en orden.",
                   icon=":material/task_alt:")
        return
    st.caption("Lo que el lector no pudo leer con seguridad y lo que no cuadra: revíselo primero.")
    tabla = pd.DataFrame(filas)
    tabla["linea"] = tabla["linea"].astype("Int64")
    st.dataframe(tabla.rename(columns={"linea": "Línea", "que": "Qué", "mensaje": "Detalle"}),
                 hide_index=True, width="stretch")


def _estado_revision(rev):
    st.markdown(f"**Estado de la revisión:** {_estado(rev.fila)} · "
                f"{len(rev.revisiones)} correcciones del personal")
    if rev.persona is None:
        return
    with st.form("rev-estado", clear_on_submit=True, border=False):
        nota = st.text_input("Nota de la revisión (opcional)", key="rev-estado-nota")
        columnas = st.columns(2)
        revisada = columnas[0].form_submit_button("Dar por revisada", icon=":material/verified:")
        reabrir = columnas[1].form_submit_button("Volver a «en revisión»",
                                                 icon=":material/undo:")
    if revisada or reabrir:
        estado = reglas.REVISADA if revisada else reglas.EN_REVISION
        try:
            rev.almacen.marcar_revision(rev.sha, estado, rev.persona["usuario"],
                                        rev.persona["nombre"], rev.archivo, nota or None)
            informe = revision.reconstruir(rev.almacen)
        except TableroError as error:
            st.error(f"Error: {' '.join(str(error).split())}", icon=":material/error:")
            return
        _listo(f"El acta quedó «{estado}». {informe.summary()}")


# ───────────────────────────── Facts: show, edit, add, delete ─────────────────────────────

def _mostrar(valor):
    if isinstance(valor, bool) or valor is None:
        return SI_NO.get(valor, str(valor)) if isinstance(valor, bool) else ""
    return str(valor)


def _valor(item, campo):
    if campo == "linea":
        fuente = item.get("fuente")
        return fuente.get("linea") if isinstance(fuente, dict) else None
    return item.get(campo)


def _tabla_hechos(items, campos):
    if not items:
        st.caption("El acta no tiene hechos de esta sección (o el lector no los leyó).")
        return
    filas = [{etiqueta: _mostrar(_valor(i, campo)) for campo, etiqueta, _ in campos}
             | {ui.ORIGEN: ui.marca_origen(i)} for i in items]
    st.dataframe(pd.DataFrame(filas), hide_index=True, width="stretch")


def _widget(clave, campo, etiqueta, tipo, actual):
    if tipo == "bool":
        opciones = [True, False, None]
        return st.selectbox(etiqueta, opciones, index=opciones.index(actual)
                            if actual in opciones else 2, format_func=SI_NO.get, key=clave)
    if isinstance(tipo, list):
        opciones = [None] + tipo + ([actual] if actual not in tipo and actual else [])
        return st.selectbox(etiqueta, opciones, index=opciones.index(actual),
                            format_func=lambda v: "sin dato" if v is None else v, key=clave)
    return st.text_input(etiqueta, value="" if actual is None else str(actual), key=clave)


def _leer(tipo, etiqueta, valor):
    if tipo == "entero":
        texto = (valor or "").strip()
        if not texto:
            return None
        if not texto.isdigit():
            raise Invalido(f"«{etiqueta}» debe ser un número entero, no «{texto}».")
        return int(texto)
    if tipo == "texto":
        return (valor or "").strip() or None
    return valor


def _formulario(clave, campos, item, boton, icono):
    """A form with one widget per field, filled from `item`; the new fact, or None."""
    with st.form(clave, clear_on_submit=False):
        valores = {campo: _widget(f"{clave}-{campo}", campo, etiqueta, tipo, _valor(item, campo))
                   for campo, etiqueta, tipo in campos}
        nota = st.text_input("Nota (por qué)", key=f"{clave}-nota")
        enviado = st.form_submit_button(boton, icon=icono)
    if not enviado:
        return None, None
    nuevo = copy.deepcopy(item)
    try:
        for campo, etiqueta, tipo in campos:
            valor = _leer(tipo, etiqueta, valores[campo])
            if campo == "linea":
                nuevo["fuente"] = {**(nuevo.get("fuente") or {}), "linea": valor}
            else:
                nuevo[campo] = valor
    except Invalido as error:
        st.error(str(error), icon=":material/error:")
        return None, None
    return nuevo, nota


def _sesion(rev, revisado):
    campos = SECCIONES["sesion"][1]
    sesion = {**(revisado.get("sesion") or {}),
              **{c: revisado.get(c) for c in reglas.CAMPOS_ACTA}}
    _tabla_hechos([sesion], campos)
    if rev.persona is None:
        return
    nuevo, nota = _formulario("rev-sesion", campos, sesion, "Guardar corrección", ":material/save:")
    if nuevo is not None:
        for campo in reglas.CAMPOS_ACTA:
            revisado[campo] = nuevo.pop(campo)
        revisado["sesion"] = nuevo
        rev.guardar(revisado, nota, "Sesión corregida")


def _etiqueta_hecho(seccion, item):
    if seccion in ("asistentes", "votos"):
        return item.get("nombre") or "(sin nombre)"
    if seccion == "orden_del_dia":
        return f"{item.get('numero')}. {item.get('titulo') or ''}"[:90]
    texto = item.get("asunto") or item.get("titulo") or item.get("documento") or \
        item.get("descripcion") or ""
    return f"Punto {item.get('punto')}, línea {_valor(item, 'linea')}: {texto}"[:110]


def _repetido(seccion, nuevo, items):
    """A person, agenda item or vote that is already there (they are known by who or which)."""
    if seccion == "votos":
        return reglas.clave_persona(nuevo.get("nombre")) in \
            {reglas.clave_persona(v.get("nombre")) for v in items}
    if seccion in ("asistentes", "orden_del_dia"):
        return reglas.claves(seccion, [nuevo])[0] in set(reglas.claves(seccion, items))
    return False


def _lista(rev, seccion, items, revisado, contenedor):
    """Table, then (signed in) edit / add / delete for one list of facts `items` (a list inside
    `revisado`, changed in place before saving)."""
    etiqueta_seccion, campos = SECCIONES[seccion]
    _tabla_hechos(items, campos)
    elegido = None
    if items:
        elegido = st.selectbox("Hecho", list(range(len(items))), key=f"rev-hecho-{seccion}",
                               format_func=lambda i: _etiqueta_hecho(seccion, items[i]))
        with contenedor:
            ui.lineas_acta(rev.acta_id, _valor(items[elegido], "linea"), contexto=4)
            _escaneo(rev, _valor(items[elegido], "linea"))
    if rev.persona is None:
        return elegido
    if items:
        st.markdown("**Corregir el hecho elegido**")
        nuevo, nota = _formulario(f"rev-editar-{seccion}-{elegido}", campos, items[elegido],
                                  "Guardar corrección", ":material/save:")
        if nuevo is not None:
            items[elegido] = nuevo
            rev.guardar(revisado, nota, f"{etiqueta_seccion}: corrección guardada")
        with st.form(f"rev-borrar-{seccion}", clear_on_submit=True):
            nota = st.text_input("Nota (por qué se borra)", key=f"rev-borrar-{seccion}-nota")
            borrar = st.form_submit_button("Borrar el hecho elegido", icon=":material/delete:")
        if borrar:
            del items[elegido]
            rev.guardar(revisado, nota, f"{etiqueta_seccion}: hecho borrado")
    with st.expander(f"Agregar a {etiqueta_seccion.lower()} un hecho que el lector no leyó"):
        nuevo, nota = _formulario(f"rev-agregar-{seccion}", campos, {}, "Agregar",
                                  ":material/add:")
        if nuevo is not None and _repetido(seccion, nuevo, items):
            st.error(f"Ya hay en {etiqueta_seccion.lower()} un hecho con esa identidad "
                     f"({_etiqueta_hecho(seccion, nuevo)}): corríjalo en lugar de agregarlo.",
                     icon=":material/error:")
        elif nuevo is not None:
            items.append(nuevo)
            rev.guardar(revisado, nota, f"{etiqueta_seccion}: hecho agregado")
    return elegido


def _hechos(rev, contenedor):
    seccion = st.radio("Sección", list(SECCIONES), horizontal=True, key="rev-seccion",
                       format_func=lambda s: SECCIONES[s][0])
    revisado = copy.deepcopy(rev.revisados)
    if seccion == "sesion":
        _sesion(rev, revisado)
        return
    if seccion != "votos":
        revisado[seccion] = revisado.get(seccion) or []
        _lista(rev, seccion, revisado[seccion], revisado, contenedor)
        return
    votaciones = revisado.get("votaciones") or []
    if not votaciones:
        st.caption("El acta no tiene votaciones.")
        return
    i = st.selectbox("Votación", list(range(len(votaciones))), key="rev-votacion",
                     format_func=lambda i: _etiqueta_hecho("votaciones", votaciones[i]))
    votaciones[i]["votos"] = votaciones[i].get("votos") or []
    with contenedor:
        ui.lineas_acta(rev.acta_id, _valor(votaciones[i], "linea"), contexto=4)
        _escaneo(rev, _valor(votaciones[i], "linea"))
    _lista(rev, "votos", votaciones[i]["votos"], revisado, st.container())


@st.cache_data(max_entries=16, show_spinner=False)
def _imagen_escaneo(ident, acta_id, linea):
    """revision.escaneo_de_linea of the acta's loaded bytes, once per database and line."""
    fila = queries.archivo_original(ui.cursor(), acta_id).iloc[0]
    paginas = fila["paginas"]          # NULL (not a list) for an acta that was not a scan
    if not hasattr(paginas, "__len__") or len(paginas) == 0 or fila["contenido"] is None:
        return None
    return revision.escaneo_de_linea(fila["archivo"], bytes(fila["contenido"]), list(paginas),
                                     linea)


def _escaneo(rev, linea):
    """A scanned acta: the page image of the line under review, beside its OCR text."""
    if linea is None or pd.isna(linea):
        return
    try:
        imagenes = _imagen_escaneo(ui.identidad(), rev.acta_id, int(linea))
    except TableroError as error:
        st.caption(f"No se pudo mostrar el escaneo: {' '.join(str(error).split())}")
        return
    if imagenes is None:
        return
    franja, pagina_completa, pagina = imagenes
    if franja is not None:
        st.image(franja, caption=f"El escaneo: página {pagina}, línea {int(linea)} resaltada",
                 width="stretch")
    with st.expander(f"Página {pagina} del escaneo", expanded=franja is None,
                     icon=":material/document_scanner:"):
        st.image(pagina_completa, width="stretch")


# ───────────────────────────── Old versions, withdrawal ─────────────────────────────

def _versiones_anteriores(rev, actas):
    """Corrections made on other bytes of a file with this name: kept, shown as belonging to the
    old version, and carried over one by one when staff choose (those already carried, or
    corrected anew on these bytes, are not offered again)."""
    todas = pd.DataFrame(rev.almacen.revisiones())
    if todas.empty:
        return
    vigentes = {(r["seccion"], r["clave"], r["campo"]) for r in rev.revisiones}
    viejas = todas[(todas["archivo"] == rev.archivo) & (todas["sha256"] != rev.sha)
                   & ~todas["sha256"].isin(list(actas["sha256"]))
                   & pd.Series([(s, c, f) not in vigentes for s, c, f in
                                zip(todas["seccion"], todas["clave"], todas["campo"])],
                               index=todas.index)]
    if viejas.empty:
        return
    st.subheader("Revisión de una versión anterior del archivo")
    st.caption(f"Estas correcciones se hicieron sobre otros bytes de {rev.archivo}: no se "
               "aplican a esta versión hasta que usted las traslade.")
    viejas = viejas.reset_index(drop=True)
    st.dataframe(viejas[["sha256", "seccion", "clave", "campo", "operacion", "valor", "usuario",
                         "en", "nota"]].assign(sha256=viejas["sha256"].str[:16],
                                               valor=viejas["valor"].map(str)),
                 hide_index=True, width="stretch")
    if rev.persona is None:
        return
    with st.form("rev-trasladar"):
        elegidas = st.multiselect("Correcciones a trasladar", list(viejas.index),
                                  format_func=lambda i: f"{viejas.loc[i, 'seccion']} · "
                                  f"{viejas.loc[i, 'clave']} · {viejas.loc[i, 'campo']}")
        enviar = st.form_submit_button("Trasladar a esta versión", icon=":material/move_down:")
    if enviar and elegidas:
        try:
            for i in elegidas:
                fila = viejas.loc[i]
                rev.almacen.trasladar(fila["sha256"], rev.sha, (fila["seccion"], fila["clave"],
                                      fila["campo"]), rev.persona["usuario"],
                                      rev.persona["nombre"], rev.archivo)
            informe = revision.reconstruir(rev.almacen)
        except TableroError as error:
            st.error(f"Error: {' '.join(str(error).split())}", icon=":material/error:")
            return
        _listo(f"{len(elegidas)} correcciones trasladadas. {informe.summary()}")


def _retirar(rev):
    if rev.persona is None:
        return
    with st.expander("Retirar esta acta del tablero"):
        st.caption("El archivo no se borra: se aparta en la carpeta de actas (.retiradas/), "
                   "queda registrado quién, cuándo y por qué, y se puede devolver.")
        with st.form("rev-retirar", clear_on_submit=True):
            motivo = st.text_input("Motivo", key="rev-retirar-motivo")
            enviar = st.form_submit_button("Retirar acta", icon=":material/archive:")
        if enviar:
            try:
                informe = carga.retirar(rev.archivo, motivo, rev.persona["usuario"],
                                        rev.persona["nombre"], almacen=rev.almacen)
            except TableroError as error:
                st.error(f"Error: {' '.join(str(error).split())}", icon=":material/error:")
                return
            st.query_params.pop("acta", None)
            _listo(f"{rev.archivo} se retiró del tablero. {informe.summary()}")


def _retiradas(persona, almacen):
    retiradas = almacen.retiradas()
    if retiradas.empty:
        return
    st.subheader("Actas retiradas")
    st.dataframe(retiradas[["archivo", "motivo", "nombre", "usuario", "en", "destino"]].rename(
        columns={"archivo": "Archivo", "motivo": "Motivo", "nombre": "Quién", "usuario": "Usuario",
                 "en": "Cuándo (UTC)", "destino": "Dónde está"}), hide_index=True)
    if persona is None:
        return
    with st.form("rev-devolver", clear_on_submit=True):
        archivo = st.selectbox("Acta retirada", list(retiradas["archivo"]))
        nota = st.text_input("Nota", key="rev-devolver-nota")
        enviar = st.form_submit_button("Devolver al tablero", icon=":material/unarchive:")
    if enviar:
        try:
            informe = carga.devolver(archivo, persona["usuario"], nota, almacen=almacen)
        except TableroError as error:
            st.error(f"Error: {' '.join(str(error).split())}", icon=":material/error:")
            return
        _listo(f"{archivo} volvió al tablero. {informe.summary()}")


# ───────────────────────────── The page ─────────────────────────────

def revisar():
    ui.encabezado("Revisar acta", "Lo que se leyó de cada acta junto a su texto: corrija, "
                                  "agregue o borre cualquier hecho; la corrección se conserva "
                                  "al reconstruir la base.")
    persona = acceso.sesion()
    if AVISO in st.session_state:
        st.success(st.session_state.pop(AVISO), icon=":material/check_circle:")
    almacen = Almacen()
    actas = ui.consulta(queries.actas_revision)
    if actas.empty:
        st.info("No hay actas cargadas que revisar.", icon=":material/info:")
        _retiradas(persona, almacen)
        ui.fin()
        return
    acta_id, fila = _elegir_acta(actas)
    try:
        rev = Revision(acta_id, fila, persona, almacen)
    except TableroError as error:
        st.error(ui.plano(f"Error: {error}"), icon=":material/error:")
        _retiradas(persona, almacen)
        ui.fin()
        return
    if persona is None:
        st.info("Inicie sesión en la barra lateral para corregir hechos o dar el acta por "
                "revisada.", icon=":material/lock:")
    _estado_revision(rev)
    _pendientes(rev)
    texto, hechos = st.columns([2, 3])
    with texto:
        st.subheader("Texto del acta")
        seleccion = st.container()
        # st.code drops a leading blank line, which would shift every number shown against
        # fuente.linea: a space keeps line 1 there.
        texto = " " + rev.texto if rev.texto.startswith("\n") else rev.texto
        st.code(texto, language=None, line_numbers=True, wrap_lines=True, height=700)
    with hechos:
        st.subheader("Lo que se leyó")
        _hechos(rev, seleccion)
    _versiones_anteriores(rev, actas)
    _retirar(rev)
    _retiradas(persona, almacen)
    ui.fin()


revisar()
