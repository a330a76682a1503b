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

paginas = [st.Page(archivo, title=titulo, icon=icono, default=(n == 0))
           for n, (archivo, titulo, icono) in enumerate(PAGINAS)]
pagina = st.navigation(paginas)

st.sidebar.markdown("**Tablero COTAPREP** · lo que hizo el Comité, acta por acta")
ui.exigir_base()
ui.barra_lateral()
for parametro, suya in PARAMETROS_DE_PAGINA.items():
    if pagina.url_path != suya and parametro in st.query_params:
        del st.query_params[parametro]
pagina.run()
ui.pie()
