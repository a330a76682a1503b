"""Búsqueda: words or «"frases exactas"» in the text of every acta, accents and case aside, best
first; each hit with its session, the agenda item under way, the speaker and a snippet, and a link
that opens the acta at that line. The search and its filters live in the URL
(?q=…&organo=…&orador=…, plus the sidebar's dates and session type), so a search can be shared."""
import pandas as pd
import streamlit as st

from etl.errors import TableroError
from tablero import busqueda, formato, queries, ui

AYUDA = ("Escriba palabras (deben aparecer todas, en cualquier orden) o una «\"frase exacta\"» "
         "entre comillas, que se encuentra aunque cruce un salto de línea o un encabezado de "
         "página. No importan acentos ni mayúsculas: «sintesis» encuentra «síntesis». "
         "«audit*» encuentra las palabras que empiezan así.")
TODOS = ui.TODOS
POR_PAGINA = 20             # hits drawn at once; the others a page away, all in the download


def _elegido(clave_url, opciones, clave_estado):
    """A selector's initial value from the URL when it names one of `opciones`."""
    if st.session_state.get(clave_estado) not in opciones:
        pedido = st.query_params.get(clave_url)
        st.session_state[clave_estado] = pedido if pedido in opciones else TODOS


def _url(clave, valor):
    if valor in (None, "", TODOS):
        if clave in st.query_params:
            del st.query_params[clave]
    elif st.query_params.get(clave) != valor:
        st.query_params[clave] = valor


def formulario(con_comite):
    """The search box and the page's own filters: the committee (unless the sidebar already
    scopes one, `con_comite`) and the speaker. Returns (texto, organo, persona_id)."""
    if "f_q" not in st.session_state:
        st.session_state["f_q"] = st.query_params.get("q", "")
    texto = st.text_input("Buscar en el texto de las actas", key="f_q",
                          placeholder='p. ej. ente auditor, "síntesis curricular"', help=AYUDA)
    comites = ui.consulta(queries.comites_busqueda)
    oradores = ui.consulta(queries.oradores)
    nombres = dict(zip(oradores["persona_id"].astype(str), oradores["nombre"]))
    opciones_comite = [TODOS] + comites["comite"].tolist()
    opciones_orador = [TODOS] + list(nombres)
    _elegido("organo", opciones_comite, "f_organo")
    _elegido("orador", opciones_orador, "f_orador")
    izquierda, derecha = st.columns(2)
    organo = TODOS
    if not con_comite:
        organo = izquierda.selectbox("Comité", opciones_comite, key="f_organo",
                                     help="El órgano y su instituto, como los nombran las actas.")
    orador = derecha.selectbox("Quién habla", opciones_orador, key="f_orador",
                               format_func=lambda o: nombres.get(o, o),
                               help="Sólo las líneas de las intervenciones de esta persona (las "
                                    "que siguen a su nombre como orador en el acta).")
    _url("q", texto.strip())
    _url("organo", organo)
    _url("orador", orador)
    return (texto.strip(), None if organo == TODOS else organo,
            None if orador == TODOS else int(orador))


def resultado(hit):
    """One hit: where (session, item, speaker), the snippet with the words in bold, the link."""
    with st.container(border=True):
        donde = [f"**{hit.sesion_nombre}**", f"`{hit.archivo}`, línea {hit.linea}"]
        if pd.notna(hit.punto):
            titulo = formato.texto(hit.titulo_punto, defecto="")
            donde.append(f"punto {int(hit.punto)}" + (f": {ui.escapar(titulo[:90])}"
                                                      + ("…" if len(titulo) > 90 else "")
                                                      if titulo else ""))
        if hit.orador:
            donde.append(f"habla {hit.orador}")
        st.markdown(" · ".join(donde))
        texto = ui.escapar(busqueda.marcar(hit.fragmento, "\x02", "\x03"))
        st.markdown(texto.replace("\x02", ":orange-background[**").replace("\x03", "**]"))
        fila = st.container(horizontal=True, gap="small")
        with fila:
            ui.enlace(ui.PAGINA_SESIONES, f"Abrir el acta en la línea {hit.linea}",
                      ":material/open_in_new:", sesion=hit.clave, linea=int(hit.linea))
            if pd.notna(hit.persona_id):
                ui.enlace_persona(hit.persona_id, hit.orador, prefijo="Ficha de ")


def buscar():
    ui.encabezado("Búsqueda", "Palabras o frases en el texto de todas las actas, con la sesión, "
                              "el punto del orden del día y quién habla.")
    filtros = ui.filtros()
    texto, organo, persona_id = formulario("comite" in filtros)
    if organo is not None:
        filtros["comite"] = organo
    st.caption("Las fechas y el tipo de sesión de la barra lateral también filtran. Copie la "
               "dirección del navegador para compartir esta búsqueda con sus filtros.")
    if not texto:
        st.info(AYUDA, icon=":material/search:")
        ui.fin()
        return
    if busqueda.consulta_fts(texto) is None:
        st.info("Escriba al menos una palabra que buscar.", icon=":material/search:")
        ui.fin()
        return
    try:
        hits = ui.consulta(queries.buscar, texto=texto, persona_id=persona_id, **filtros)
    except TableroError as error:
        st.error(str(error), icon=":material/error:")
        st.stop()
    if hits.empty:
        st.info(f"Ninguna línea de las actas elegidas coincide con «{texto}». Pruebe con menos "
                "palabras, sin comillas, o amplíe los filtros.", icon=":material/search_off:")
        ui.fin()
        return
    hits = ui.con_sesion(hits)
    limite = 100
    st.markdown(f"**{len(hits)} {'línea' if len(hits) == 1 else 'líneas'}**, las más "
                "pertinentes primero" + (f" (se muestran las {limite} mejores; afine la búsqueda "
                                         "o use los filtros)" if len(hits) >= limite else "") + ".")
    if bool(hits["parcial"].iloc[0]):
        st.caption(f"Más de {busqueda.RANQUEO_MAXIMO:,} líneas contienen lo buscado: se ordenaron "
                   "por pertinencia sólo las de las actas cargadas más recientemente. Agregue "
                   "palabras, use una frase entre comillas o los filtros para ver todas."
                   .replace(",", " "))
    ui.descargas(lambda: _tabla(hits), f"busqueda {texto}", key="busqueda")
    lista = st.container()
    paginas = -(-len(hits) // POR_PAGINA)
    pagina = 1
    if paginas > 1:          # a new search starts on its first page
        pagina = st.pagination(paginas, key=f"pagina-{hash((texto, organo, persona_id))}")
    with lista:
        for hit in hits.iloc[(pagina - 1) * POR_PAGINA:pagina * POR_PAGINA].itertuples():
            resultado(hit)
    ui.fin()


def _tabla(hits):
    tabla = hits.assign(fragmento=hits["fragmento"].map(
        lambda f: busqueda.marcar(f, "[", "]")))
    return tabla[["archivo", "linea", "sesion_nombre", "punto", "titulo_punto", "orador",
                  "fragmento"]].rename(columns={
        "archivo": "Archivo", "linea": "Línea", "sesion_nombre": "Sesión", "punto": "Punto",
        "titulo_punto": "Asunto del punto", "orador": "Quién habla", "fragmento": "Fragmento"})


buscar()
