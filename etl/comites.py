"""The committee an acta belongs to: instituto + órgano + proceso, with a stable key and a name a
person reads. Pure: text in, (clave, nombre) out.

    comite_de("Comité Técnico Asesor del Programa de Resultados Electorales Preliminares",
              "Instituto Electoral y de Participación Ciudadana del Estado de Durango",
              "Proceso Electoral Local 2020-2021")
    -> ("cotaprep-iepc-durango-pel-2020-2021", "COTAPREP · IEPC Durango · PEL 2020-2021")

Why a committee and not the process: «Proceso Electoral Local 2020-2021» is shared by Durango's
COTAPREP, Nuevo León's and a Chihuahua consejo distrital; only the three together name one body
in one process. The key is made of the three texts folded (accents, case, spacing), so the same
committee written «COMITÉ TÉCNICO ASESOR…» or «Comité Técnico Asesor…» is one committee, and the
same actas always give the same key, whatever else is loaded.
"""
import re

from etl.vocabulario import fold

ESTADOS = {
    "aguascalientes": "Aguascalientes", "baja california sur": "Baja California Sur",
    "baja california": "Baja California", "campeche": "Campeche", "chiapas": "Chiapas",
    "chihuahua": "Chihuahua", "ciudad de mexico": "Ciudad de México", "coahuila": "Coahuila",
    "colima": "Colima", "durango": "Durango", "guanajuato": "Guanajuato",
    "guerrero": "Guerrero", "hidalgo": "Hidalgo", "jalisco": "Jalisco",
    "estado de mexico": "Estado de México", "michoacan": "Michoacán", "morelos": "Morelos",
    "nayarit": "Nayarit", "nuevo leon": "Nuevo León", "oaxaca": "Oaxaca", "puebla": "Puebla",
    "queretaro": "Querétaro", "quintana roo": "Quintana Roo",
    "san luis potosi": "San Luis Potosí", "sinaloa": "Sinaloa", "sonora": "Sonora",
    "tabasco": "Tabasco", "tamaulipas": "Tamaulipas", "tlaxcala": "Tlaxcala",
    "veracruz": "Veracruz", "yucatan": "Yucatán", "zacatecas": "Zacatecas",
}
_ESTADO_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, ESTADOS), key=len, reverse=True))
                        + r")\b")
_MENORES = {"de", "del", "la", "las", "el", "los", "y", "e", "en", "para", "por", "a", "al"}
_AÑOS = re.compile(r"\b((?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2,4})?)\b")
SIN = {"organo": "sin órgano", "instituto": "sin instituto", "proceso": "sin proceso"}


def _siglas(texto):
    """«Instituto Electoral y de Participación Ciudadana» -> «IEPC»."""
    return "".join(w[0].upper() for w in re.findall(r"[^\W\d_]+", texto)
                   if fold(w) not in _MENORES)


def organo_corto(organo):
    """«Comité Técnico Asesor del Programa de Resultados Electorales Preliminares» -> COTAPREP;
    a short name stays as written («Consejo Distrital 08»); a long one, its initials."""
    if not organo:
        return SIN["organo"]
    plano = fold(organo)
    if "tecnico asesor" in plano and "resultados electorales preliminares" in plano:
        return "COTAPREP"
    if len(organo) <= 32:
        return " ".join(organo.split())
    numero = re.search(r"\b\d+\b", organo)
    return _siglas(organo) + (f" {numero.group(0)}" if numero else "")


def instituto_corto(instituto):
    """«Instituto Electoral y de Participación Ciudadana del Estado de Durango» -> «IEPC
    Durango»; «Instituto Nacional Electoral» -> «INE»."""
    if not instituto:
        return SIN["instituto"]
    plano = fold(instituto)
    estado = _ESTADO_RE.search(plano)
    if estado is None:
        return _siglas(instituto) if len(instituto) > 32 else " ".join(instituto.split())
    antes = instituto[:estado.start()].strip()
    sin_estado = re.sub(r"(?i)\b(del\s+estado\s+(libre\s+y\s+soberano\s+)?de|del\s+estado|de|del)\s*$",
                        "", antes).strip()
    siglas = _siglas(sin_estado)
    if len(siglas) <= 2 and re.search(r"(?i)\bestado\b", antes[len(sin_estado):]):
        siglas += "E"      # «Instituto Electoral del Estado de Colima» is the IEE, not the IE
    return f"{siglas} {ESTADOS[estado.group(1)]}".strip()


def proceso_corto(proceso):
    """«Proceso Electoral Local 2020-2021» -> «PEL 2020-2021»."""
    if not proceso:
        return SIN["proceso"]
    años = _AÑOS.search(proceso)
    if años is None:
        return _siglas(proceso) if len(proceso) > 32 else " ".join(proceso.split())
    periodo = re.sub(r"[–/]", "-", re.sub(r"\s+", "", años.group(1)))
    return f"{_siglas(proceso[:años.start()])} {periodo}".strip()


def _slug(texto):
    return re.sub(r"[^a-z0-9]+", "-", fold(texto)).strip("-")


def comite_de(organo, instituto, proceso):
    """(clave, nombre) of the committee of a session. The name is «órgano · instituto · proceso»
    in short forms; the key is that name as a slug. Two different committees whose short forms
    coincide are told apart by etl/load.py (it appends the folded texts' digest)."""
    partes = (organo_corto(organo), instituto_corto(instituto), proceso_corto(proceso))
    return _slug(" ".join(partes)), " · ".join(partes)


def identidad(organo, instituto, proceso):
    """What makes two sessions the same committee: the three texts folded."""
    return tuple(" ".join(fold(t or "").split()) for t in (organo, instituto, proceso))
