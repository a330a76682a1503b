"""How the dashboard writes dates, durations, shares and session names: in Spanish, as people read
them in an acta («28 de enero de 2021», «25 min», «Sesión ordinaria 2»). No Streamlit here."""
import datetime as dt
import pandas as pd

MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre")

TIPOS_SESION = {
    "ordinaria": "Ordinaria",
    "extraordinaria": "Extraordinaria",
    "especial": "Especial",
    "instalacion": "De instalación",
    "solemne": "Solemne",
}

TIPOS_DOCUMENTO = {
    "acta": "Acta",
    "informe": "Informe",
    "dictamen": "Dictamen",
    "acuerdo": "Acuerdo",
    "plan": "Plan de trabajo",
    "presentacion": "Presentación",
    "orden del dia": "Orden del día",
    "otro": "Otro",
}


def _vacio(valor):
    """None, NaN, NaT and pandas' NA: a fact the acta does not state."""
    if valor is None:
        return True
    try:
        return bool(pd.isna(valor))
    except (TypeError, ValueError):
        return False


def _a_fecha(valor):
    if _vacio(valor):
        return None
    if isinstance(valor, str):
        return dt.date.fromisoformat(valor[:10])
    if isinstance(valor, pd.Timestamp):
        return valor.date()
    if isinstance(valor, dt.datetime):
        return valor.date()
    return valor


def fecha_larga(valor):
    """2021-01-28 -> «28 de enero de 2021»; «sin fecha» when there is none."""
    fecha = _a_fecha(valor)
    if fecha is None:
        return "sin fecha"
    return f"{fecha.day} de {MESES[fecha.month - 1]} de {fecha.year}"


def fecha_corta(valor):
    """2021-01-28 -> «28/01/2021»."""
    fecha = _a_fecha(valor)
    return "sin fecha" if fecha is None else fecha.strftime("%d/%m/%Y")


def fecha_hora(valor):
    """A load timestamp -> «22 de noviembre de 2025, 04:41 h»."""
    if _vacio(valor):
        return "fecha desconocida"
    if isinstance(valor, str):
        valor = dt.datetime.fromisoformat(valor)
    return f"{fecha_larga(valor)}, {valor:%H:%M} h"


def duracion(minutos):
    """25 -> «25 min»; 95 -> «1 h 35 min»; None -> «sin dato»."""
    if _vacio(minutos):
        return "sin dato"
    minutos = int(round(minutos))
    horas, resto = divmod(minutos, 60)
    if not horas:
        return f"{resto} min"
    return f"{horas} h" if not resto else f"{horas} h {resto:02d} min"


def porcentaje(fraccion, decimales=1):
    """0.727 -> «72.7 %» (decimal point, as Mexico writes it); None -> «sin dato»."""
    if _vacio(fraccion):
        return "sin dato"
    texto = f"{fraccion * 100:.{decimales}f}".rstrip("0").rstrip(".") if decimales else \
        f"{fraccion * 100:.0f}"
    return f"{texto} %"


def tipo_sesion(tipo):
    """«instalacion» -> «De instalación»."""
    if _vacio(tipo):
        return "Sin tipo"
    return TIPOS_SESION.get(tipo, str(tipo).capitalize())


def tipo_documento(tipo):
    if _vacio(tipo):
        return "Otro"
    return TIPOS_DOCUMENTO.get(tipo, str(tipo).capitalize())


def nombre_sesion(tipo, numero, fecha=None):
    """(«ordinaria», 2, 2021-01-28) -> «Sesión ordinaria 2 · 28 de enero de 2021»."""
    nombre = f"Sesión {tipo_sesion(tipo).lower()}"
    if not _vacio(numero):
        nombre += f" {int(numero)}"
    if fecha is not None and not _vacio(fecha):
        nombre += f" · {fecha_larga(fecha)}"
    return nombre


def si_no(valor):
    if _vacio(valor):
        return "sin dato"
    return "Sí" if valor else "No"


def punto(numero):
    """An agenda item number -> «punto 5»; None -> «desde el inicio»."""
    return "desde el inicio" if _vacio(numero) else f"punto {int(numero)}"


def texto(*valores, defecto=""):
    """The first of `valores` the acta states (not None/NA/empty), else `defecto`."""
    for valor in valores:
        if not _vacio(valor) and str(valor).strip():
            return str(valor)
    return defecto


def quorum(valor):
    if _vacio(valor):
        return "sin dato"
    return "Declarado" if valor else "No declarado"
