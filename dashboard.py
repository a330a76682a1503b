"""Tablero COTAPREP: the frame. Page set-up, the shared sidebar (filters kept in the URL) and
st.navigation over the pages of tablero/paginas.py. No SQL here: pages ask tablero.queries.

    streamlit run dashboard.py
"""
import streamlit as st

from tablero import ui
from tablero.paginas import PAGINAS, PARAMETROS_DE_PAGINA

st.set_page_config(page_title="Tablero COTAPREP", page_icon=":material/how_to_vote:",
                   layout="wide")
st.session_state["_marco"] = True

paginas = [st.Page(archivo, title=titulo, icon=icono) for archivo, titulo, icono in PAGINAS]


def inicio():
    """The app's root: the first page, at its own address («/resumen») with the link's filters.
    Streamlit serves the default page only at «/», so a shared «/resumen?…» would otherwise open
    on a «Page not found» dialog."""
    st.switch_page(paginas[0], query_params=st.query_params.to_dict())


pagina = st.navigation([st.Page(inicio, title=PAGINAS[0][1], url_path="inicio", default=True,
                                visibility="hidden")] + paginas,
                      expanded=True)     # every page, never «View 5 more»

st.sidebar.markdown("**Tablero COTAPREP** · lo que hizo el Comité, acta por acta")
ui.exigir_base()
ui.barra_lateral()
for parametro, suya in PARAMETROS_DE_PAGINA.items():
    if pagina.url_path != suya and parametro in st.query_params:
        del st.query_params[parametro]
pagina.run()
ui.pie()
