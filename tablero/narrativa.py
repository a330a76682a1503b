"""The informe's sections that the actas cannot give (antecedentes, substantive activities,
recommendations, conclusions, the legal basis), written by staff on the Informe page.

Each is a draft kept in the staff store (`narrativas`), per informe (committee and period) and
section, saved in one transaction with its audit row, like every staff entry. The informe reads
the latest text; a section nobody wrote says so in the document instead of leaving a gap.
"""
from tablero.almacen import Almacen, AlmacenError, _iso, ahora_utc

FUNDAMENTO_BASE = (
    "El Comité Técnico Asesor del Programa de Resultados Electorales Preliminares se integra y "
    "funciona conforme al Reglamento de Elecciones del Instituto Nacional Electoral y a su Anexo "
    "13, relativo a los Lineamientos del Programa de Resultados Electorales Preliminares, así "
    "como al acuerdo del órgano superior de dirección del {instituto} que lo creó. Este informe "
    "parcial da cuenta de sus actividades en el periodo que se indica.")
SECCIONES = {
    # field: (title on the page, text when staff wrote nothing)
    "fundamento_legal": ("Fundamento legal", FUNDAMENTO_BASE),
    "antecedentes": ("Antecedentes", None),
    "actividades": ("Actividades sustantivas (reuniones de trabajo, auditoría, simulacros…)", None),
    "recomendaciones": ("Recomendaciones", None),
    "conclusiones": ("Conclusiones", None),
}
POR_REDACTAR = ("Apartado por redactar: el personal del Comité lo escribe en la página «Informe» "
                "del tablero.")
LARGO_MAXIMO = 20_000


def clave_informe(instituto, organo, proceso, desde, hasta):
    """One informe: its committee and its period."""
    return f"{instituto}|{organo}|{proceso}|{desde.isoformat()}|{hasta.isoformat()}"


def leer(almacen, clave):
    """{field: text} of what staff saved for this informe (only the sections they wrote)."""
    df = almacen.leer("SELECT seccion, texto FROM narrativas WHERE informe = ?", (clave,))
    return {} if df is None else dict(zip(df.seccion, df.texto))


def texto(narrativa, seccion, instituto):
    """What the document says in a staff section: their text, the base legal text, or that it is
    still to be written."""
    propio = (narrativa.get(seccion) or "").strip()
    if propio:
        return propio
    base = SECCIONES[seccion][1]
    return base.format(instituto=instituto) if base else POR_REDACTAR


def guardar(almacen, clave, seccion, nuevo, usuario, nombre=None):
    """Save one section (an empty text deletes it), audited. Returns True when it changed."""
    if seccion not in SECCIONES:
        raise AlmacenError(f"El apartado «{seccion}» no existe en el informe.")
    nuevo = (nuevo or "").strip()
    if len(nuevo) > LARGO_MAXIMO:
        raise AlmacenError(f"El apartado «{SECCIONES[seccion][0]}» pasa de {LARGO_MAXIMO:,} "
                           "caracteres: resúmalo.".replace(",", " "))
    with almacen.transaccion() as con:
        fila = Almacen._fila(con, "SELECT texto FROM narrativas WHERE informe = ? AND seccion = ?",
                             (clave, seccion))
        antes = fila["texto"] if fila else None
        if (antes or "") == nuevo:
            return False
        if nuevo:
            con.execute("INSERT INTO narrativas (informe, seccion, texto, usuario, nombre, guardado_en) "
                        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (informe, seccion) DO UPDATE SET "
                        "texto = excluded.texto, usuario = excluded.usuario, nombre = excluded.nombre, "
                        "guardado_en = excluded.guardado_en",
                        (clave, seccion, nuevo, usuario, nombre, _iso(ahora_utc())))
        else:
            con.execute("DELETE FROM narrativas WHERE informe = ? AND seccion = ?", (clave, seccion))
        Almacen.auditar(con, usuario, "narrativa", f"{clave}|{seccion}", antes, nuevo or None)
    return True
