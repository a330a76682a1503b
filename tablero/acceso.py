"""Staff sign-in for the pages that change data (Seguimiento, Cargar acta, Revisar acta).

    usuario = acceso.sesion()     # the sidebar's sign-in form; {"usuario", "nombre"} or None
    if usuario: …controls that change data…

Reading is open: without a sign-in the pages draw no control that changes data. Accounts come
from st.secrets["cuentas"] (tablero/cuentas.py); failures are slowed down through the store.
"""
import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from tablero import cuentas, ui
from tablero.almacen import Almacen, AlmacenError

CLAVE = "_acceso"
COMANDO = "python -m etl cuenta USUARIO --nombre \"Nombre Apellido\" >> .streamlit/secrets.toml"


def _cuentas():
    try:
        return cuentas.cuentas_de(st.secrets.to_dict())
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return {}


def sesion():
    """The signed-in person, drawing the sidebar's sign-in (or sign-out) form."""
    actual = st.session_state.get(CLAVE)
    with st.sidebar:
        st.markdown("**Personal**")
        if actual:
            st.caption(f"Sesión iniciada: {actual['nombre']} ({actual['usuario']})")
            if st.button("Cerrar sesión", key="acceso-salir", icon=":material/logout:"):
                st.session_state.pop(CLAVE, None)
                try:
                    Almacen().registrar_acceso(actual["usuario"], "cerrar sesión")
                except AlmacenError:     # leaving must work even when the store cannot be written
                    pass
                st.rerun()
            return actual
        registradas = _cuentas()
        if not registradas:
            st.caption(f"No hay cuentas del personal. Para crear una: `{COMANDO}`")
            return None
        with st.form("acceso", clear_on_submit=True):
            usuario = st.text_input("Usuario", key="acceso-usuario", max_chars=cuentas.USUARIO_MAXIMO)
            password = st.text_input("Contraseña", type="password", key="acceso-password",
                                     max_chars=cuentas.PASSWORD_MAXIMA)
            entrar = st.form_submit_button("Iniciar sesión", icon=":material/login:")
        if entrar:
            try:
                nombre = cuentas.iniciar_sesion(usuario, password, registradas, Almacen())
            except (cuentas.AccesoError, AlmacenError) as error:
                st.error(ui.plano(error), icon=":material/lock:")
                return None
            st.session_state[CLAVE] = {"usuario": cuentas.normalizar(usuario), "nombre": nombre}
            st.rerun()
        st.caption("Leer es libre; marcar, confirmar, cargar y revisar actas piden iniciar "
                   "sesión.")
    return None
