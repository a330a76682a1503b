"""The committee's «informe parcial de actividades» for a period, as a Word document.

One code path for the page «Informe» and for `python -m etl informe`: `build_secciones` turns the
database into a list of blocks (titles, paragraphs, tables, charts); `render_docx` writes those
blocks as a .docx, and the page shows the same blocks as its preview.

`hasta` is the cut-off date. A correction's status at the cut-off is the dashboard's
(tablero.seguimiento.estado_al over the database and the staff store): a staff mark counts when
the date staff gave is on or before the cut-off, and the report lists every staff entry it rests
on, with who and when. Nothing in the document depends on the clock: the core properties carry
the cut-off date, the zip entries a fixed time and a fixed order, so the same database, staff
store and period give the same bytes.
"""
import datetime as dt
import io
import re
import sys
import zipfile
from dataclasses import dataclass, field

import altair as alt
import docx
import pandas as pd
import vl_convert
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from etl.errors import TableroError
from tablero import narrativa, plantilla, queries, seguimiento
from tablero.genero import calidad_con_genero, cargo_con_genero, genero
from tablero.almacen import Almacen
from tablero.db import connect_readonly

COMITE = "Comité Técnico Asesor del Programa de Resultados Electorales Preliminares"
AUTOR = "Tablero COTAPREP"
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"]
DIAS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
TIPOS_SESION = {"ordinaria": "Ordinaria", "extraordinaria": "Extraordinaria",
                "especial": "Especial", "instalacion": "de Instalación", "solemne": "Solemne"}
TIPOS_DOCUMENTO = {"dictamen": "Dictamen", "informe": "Informe", "acta": "Acta",
                   "acuerdo": "Acuerdo", "plan": "Plan", "presentacion": "Presentación",
                   "otro": "Otro"}
MODALIDADES = {"virtual": "Virtual", "presencial": "Presencial", "mixta": "Mixta"}
TIPOS_PLURAL = {"ordinaria": ("ordinaria", "ordinarias"),
                "extraordinaria": ("extraordinaria", "extraordinarias"),
                "especial": ("especial", "especiales"),
                "instalacion": ("de instalación", "de instalación"),
                "solemne": ("solemne", "solemnes"), "otro": ("sin tipo", "sin tipo")}
ROLES = {"integrante": "Integrante", "secretario": "Secretaría Técnica"}
NO_CONSTA = "No consta"


class InformeError(TableroError):
    """The report cannot be made for that period (no sessions, dates out of order)."""


# --- The blocks: what both the document and the page show ----------------------------------


@dataclass(frozen=True)
class Titulo:
    texto: str
    nivel: int = 1


@dataclass(frozen=True)
class Parrafo:
    texto: str


@dataclass(frozen=True)
class Tabla:
    datos: pd.DataFrame          # every cell already a string, in the order shown
    anchos: tuple = ()           # column widths in cm; empty lets Word decide


@dataclass(frozen=True)
class Grafica:
    grafica: alt.Chart
    pie: str                     # the caption under the image

    def png(self):
        """The chart as PNG, rendered locally by vl-convert (no browser, no network)."""
        return vl_convert.vegalite_to_png(self.grafica.to_dict(), scale=2)


@dataclass(frozen=True)
class Firmas:
    personas: tuple              # (name with title, cargo), in roster order


@dataclass
class Informe:
    desde: dt.date
    hasta: dt.date
    instituto: str
    organo: str
    proceso: str
    sesiones: int
    bloques: list = field(default_factory=list)
    secciones: dict = field(default_factory=dict)    # template field → blocks
    narrativa: dict = field(default_factory=dict)    # template field → staff's text

    @property
    def titulo(self):
        return f"Informe parcial de actividades del COTAPREP, {periodo_texto(self.desde, self.hasta)}"


# --- Spanish words for dates, sessions and states --------------------------------------------


def fecha_texto(fecha):
    """28 de enero de 2021."""
    return f"{fecha.day} de {MESES[fecha.month - 1]} de {fecha.year}"


def fecha_larga(fecha):
    """jueves 28 de enero de 2021."""
    return f"{DIAS[fecha.weekday()]} {fecha_texto(fecha)}"


def fecha_corta(fecha):
    return f"{fecha.day:02d}/{fecha.month:02d}/{fecha.year}"


def periodo_texto(desde, hasta):
    """«del 1 al 31 de enero de 2021», «del 1 de diciembre de 2020 al 31 de enero de 2021»."""
    if (desde.year, desde.month) == (hasta.year, hasta.month):
        return f"del {desde.day} al {fecha_texto(hasta)}"
    if desde.year == hasta.year:
        return f"del {desde.day} de {MESES[desde.month - 1]} al {fecha_texto(hasta)}"
    return f"del {fecha_texto(desde)} al {fecha_texto(hasta)}"


def _vacio(valor):
    return valor is None or valor is pd.NA or (isinstance(valor, float) and pd.isna(valor))


def _fecha(valor):
    """DuckDB dates come back from pandas as Timestamps; the report speaks in dates."""
    return pd.Timestamp(valor).date()


def sesion_nombre(tipo, numero):
    """Sesión Ordinaria número 2; Sesión de Instalación."""
    nombre = f"Sesión {TIPOS_SESION.get(tipo, tipo or '').strip()}".strip()
    return nombre if _vacio(numero) else f"{nombre} número {int(numero)}"


def sesion_corta(fila):
    """Ordinaria 2 (28/01/2021): how tables name a session."""
    tipo = TIPOS_SESION.get(fila.tipo, fila.tipo or "Sesión")
    numero = "" if _vacio(fila.numero) else f" {int(fila.numero)}"
    return f"{tipo[0].upper()}{tipo[1:]}{numero} ({fecha_corta(_fecha(fila.fecha))})"


def horario(inicio, fin):
    if _vacio(inicio) and _vacio(fin):
        return NO_CONSTA
    return f"{inicio or '—'} a {fin or '—'} h"


def duracion(minutos):
    if _vacio(minutos):
        return NO_CONSTA
    minutos = int(minutos)
    texto = f"{minutos} minutos"
    return texto if minutos < 60 else f"{texto} ({minutos // 60} h {minutos % 60:02d} min)"


def asistencia_texto(presente, llegada, retiro):
    """Desde el inicio; Se incorporó durante el punto 5; Se retiró durante el punto 8; Ausente."""
    if _vacio(presente) or not presente:
        return "Ausente"
    partes = []
    if not _vacio(llegada):
        partes.append(f"Se incorporó durante el punto {int(llegada)}")
    if not _vacio(retiro):
        partes.append(f"se retiró durante el punto {int(retiro)}")
    if not partes:
        return "Desde el inicio"
    texto = "; ".join(partes)
    return texto[0].upper() + texto[1:]


def _texto(valor, otro=NO_CONSTA):
    return otro if _vacio(valor) or valor == "" else str(valor)


ABREVIATURAS = (
    ("Comité Técnico Asesor del Programa de Resultados Electorales Preliminares", "COTAPREP"),
    ("Programa de Resultados Electorales Preliminares", "PREP"),
)
LARGO_DESCRIPCION = 280


def abreviar(texto):
    """Titles and subjects with the committee's and the programme's names shortened, as the
    cover defines them («Informe parcial de actividades del COTAPREP del Proceso …»)."""
    for largo, corto in ABREVIATURAS:
        texto = re.sub(re.escape(largo), corto, texto, flags=re.IGNORECASE)
    return texto


def resumir(texto, linea):
    """A correction's wording, cut at a word near LARGO_DESCRIPCION characters, with the acta's
    line where the whole of it is read."""
    texto = " ".join(_texto(texto).split())
    if len(texto) > LARGO_DESCRIPCION:
        texto = texto[:LARGO_DESCRIPCION].rsplit(" ", 1)[0].rstrip(",;:.") + "…"
    return texto if _vacio(linea) else f"{texto} (acta, línea {int(linea)})"


def _tabla(filas, columnas, anchos=()):
    return Tabla(pd.DataFrame(filas, columns=columnas, dtype="object"), tuple(anchos))


def _contar(n, singular, plural):
    return f"{n} {singular if n == 1 else plural}"


def _unico(serie, otro):
    """The one value of a column across the period's sessions (institute, committee, process);
    several are listed, none is `otro`."""
    valores = sorted({str(v) for v in serie if not _vacio(v) and v != ""})
    return "; ".join(valores) if valores else otro


# --- Building the report: the database to blocks ------------------------------------------


def clave_informe(informe):
    """The staff store's key for this informe's narrative: committee and period."""
    return narrativa.clave_informe(informe.instituto, informe.organo, informe.proceso,
                                   informe.desde, informe.hasta)


def build_secciones(con, desde, hasta, almacen=None):
    """The report for sessions held from `desde` to `hasta` (the cut-off), as blocks; the status
    of corrections from the actas and the staff store `almacen` (default: the dashboard's).

    Raises InformeError when the dates are out of order or no session was held in the period:
    an empty report would look like a committee that did nothing."""
    if desde > hasta:
        raise InformeError(f"La fecha inicial ({desde.isoformat()}) es posterior a la final "
                           f"({hasta.isoformat()}): corrija el periodo.")
    sesiones = queries.informe_sesiones(con, desde, hasta)
    if sesiones.empty:
        raise InformeError(f"No hay sesiones entre el {fecha_texto(desde)} y el "
                           f"{fecha_texto(hasta)}: elija un periodo que incluya alguna sesión "
                           "cargada, o cargue sus actas con «python -m etl build».")
    al_corte = queries.informe_sesiones_al_corte(con, hasta)
    etiquetas = {fila.sesion_id: sesion_corta(fila) for fila in al_corte.itertuples()}
    informe = Informe(desde, hasta, _unico(sesiones.instituto, NO_CONSTA),
                      _unico(sesiones.organo, COMITE), _unico(sesiones.proceso, NO_CONSTA),
                      len(sesiones))
    votaciones = queries.informe_votaciones(con, desde, hasta)
    documentos = queries.informe_documentos(con, desde, hasta)
    almacen = Almacen() if almacen is None else almacen
    correcciones = seguimiento.estado_al(con, almacen, hasta)
    correcciones["en_periodo"] = [f >= desde for f in correcciones["fecha"]]
    registros = seguimiento.registros_al(con, almacen, correcciones, hasta)
    asistencias = queries.informe_asistencias(con, desde, hasta)
    representaciones = queries.informe_representaciones(con, desde, hasta)
    secciones = {
        "presentacion": _presentacion(informe, sesiones, votaciones, documentos, correcciones)
        + _revisadas(queries.revision_sesiones(con, desde=desde, hasta=hasta)),
        "integracion": _integracion(asistencias, representaciones),
        "sesiones": _sesiones(sesiones),
        "asistencia": _asistencia(asistencias, representaciones, sesiones, etiquetas),
        "votaciones": _votaciones(votaciones, queries.informe_votos(con, desde, hasta), etiquetas),
        "documentos": _documentos(documentos, etiquetas),
        "correcciones": _correcciones(correcciones, etiquetas, hasta, registros),
        "pendientes": _pendientes(correcciones, queries.informe_documentos_en_tramite(con, hasta),
                                  etiquetas, hasta),
        "firmas": _firmas(asistencias),
        "fuentes": _fuentes(al_corte, sesiones, queries.informe_avisos(con, desde, hasta), hasta,
                            registros, etiquetas),
    }
    informe.secciones = {clave: bloques for clave, bloques in secciones.items()}
    informe.narrativa = narrativa.leer(almacen, clave_informe(informe))
    informe.bloques = [bloque for bloques in informe.secciones.values() for bloque in bloques]
    return informe


def _resumen_tipos(sesiones):
    """«1 ordinaria y 2 extraordinarias»."""
    partes = [_contar(int(n), *TIPOS_PLURAL.get(t, (t, t)))
              for t, n in sorted(sesiones.tipo.fillna("otro").value_counts().items())]
    return partes[0] if len(partes) == 1 else ", ".join(partes[:-1]) + " y " + partes[-1]


def _resumen_correcciones(en_periodo):
    if en_periodo.empty:
        return "no se solicitaron correcciones"
    if len(en_periodo) == 1:
        return f"se solicitó 1 corrección, que al corte está {en_periodo.estado.iloc[0]}"
    pendientes = int((en_periodo.estado == "pendiente").sum())
    quedan = "permanece pendiente" if pendientes == 1 else "permanecen pendientes"
    return (f"se solicitaron {_contar(len(en_periodo), 'corrección', 'correcciones')}, de las "
            f"cuales {pendientes} {quedan} al corte")


def _presentacion(informe, sesiones, votaciones, documentos, correcciones):
    unanimes = int(votaciones.unanimidad.sum())
    return [
        Parrafo(f"El presente informe da cuenta de las actividades del {informe.organo} "
                f"(COTAPREP) del {informe.instituto}, en el marco del {informe.proceso}, durante "
                f"el periodo comprendido {periodo_texto(informe.desde, informe.hasta)}. Se "
                f"elaboró a partir de las actas de las sesiones del Comité, con fecha de corte al "
                f"{fecha_texto(informe.hasta)}; las actas consultadas y su huella digital "
                "(SHA-256) se relacionan en el anexo «Actas consultadas»."),
        Parrafo(f"En el periodo el Comité celebró {_contar(len(sesiones), 'sesión', 'sesiones')} "
                f"({_resumen_tipos(sesiones)}), en {'la' if len(sesiones) == 1 else 'las'} que "
                f"{'se tomó' if len(votaciones) == 1 else 'se tomaron'} "
                f"{_contar(len(votaciones), 'votación', 'votaciones')} "
                f"({unanimes} por unanimidad); se dio cuenta de "
                f"{_contar(documentos.documento_id.nunique(), 'documento', 'documentos')} y "
                f"{_resumen_correcciones(correcciones[correcciones.en_periodo])}."),
    ]


def _revisadas(revision):
    """How many of the period's sessions staff reviewed (Revisar acta), and which, by whom."""
    revisadas = revision[revision.revisada]
    if revisadas.empty:
        return [Parrafo(f"Ninguna de las {_contar(len(revision), 'sesión', 'sesiones')} del "
                        "periodo ha sido revisada por el personal: sus hechos son los que leyó "
                        "la lectura automática de las actas.")]
    lista = "; ".join(f"{sesion_nombre(r.tipo, r.numero)} del {fecha_texto(_fecha(r.fecha))}, "
                      f"revisada por {r.revisada_por} el {fecha_texto(_fecha(r.revisada_en))}"
                      for r in revisadas.itertuples())
    return [Parrafo(f"De las {_contar(len(revision), 'sesión', 'sesiones')} del periodo, "
                    f"{len(revisadas)} {'fue revisada' if len(revisadas) == 1 else 'fueron revisadas'}"
                    f" por el personal: {lista}.")]


def _sesiones(sesiones):
    filas = [(sesion_nombre(s.tipo, s.numero), fecha_larga(_fecha(s.fecha)),
              horario(s.hora_inicio, s.hora_fin), duracion(s.duracion_min),
              MODALIDADES.get(s.modalidad, _texto(s.modalidad)))
             for s in sesiones.itertuples()]
    total = int(sesiones.duracion_min.dropna().sum())
    bloques = [
        _tabla(filas, ["Sesión", "Fecha", "Horario", "Duración", "Modalidad"],
               (4.6, 4.4, 2.8, 2.6, 2.2)),
        Parrafo(f"Tiempo total en sesión: {duracion(total)}."),
    ]
    if sesiones.duracion_min.notna().any():
        bloques.append(Grafica(grafica_duracion(sesiones), "Duración de las sesiones del periodo."))
    return bloques


def grafica_duracion(sesiones):
    """One bar per session, in date order, labelled with its minutes."""
    con_duracion = sesiones[sesiones.duracion_min.notna()]
    datos = pd.DataFrame({"Sesión": [sesion_corta(s) for s in con_duracion.itertuples()],
                          "Minutos": con_duracion.duracion_min.astype(int).tolist()})
    orden = datos["Sesión"].tolist()
    base = alt.Chart(datos).encode(
        x=alt.X("Sesión:N", sort=orden, title=None, axis=alt.Axis(labelAngle=0 if len(orden) < 5 else -35)),
        y=alt.Y("Minutos:Q", title="Duración (minutos)"))
    barras = base.mark_bar(color="#7A1F3D", size=min(60, 360 // max(len(orden), 1)))
    cifras = base.mark_text(dy=-7, fontSize=12).encode(text="Minutos:Q")
    return (barras + cifras).properties(width=480, height=240,
                                        title="Duración de las sesiones (minutos)")


# --- Who the committee was: integration and signatures -------------------------------------

ROLES_INTEGRACION = {"integrante": 0, "secretario": 1, "representante": 2}


def _personas_del_periodo(asistencias):
    """One row per person who took part in the period (members, secretary, representatives),
    in roster order, with the cargo in their gender."""
    filas = {}
    for a in asistencias[asistencias.rol.isin(list(ROLES_INTEGRACION))].itertuples():
        fila = filas.setdefault(a.persona_id, {"nombre": a.nombre, "rol": a.rol, "grado": None,
                                               "cargo": None, "partido": None, "calidad": None,
                                               "sesiones": 0})
        for columna in ("grado", "cargo", "partido", "calidad"):
            valor = getattr(a, columna)
            if fila[columna] is None and not _vacio(valor) and valor:
                fila[columna] = valor
        if not _vacio(a.presente) and a.presente:
            fila["sesiones"] += 1
    personas = sorted(filas.values(), key=lambda f: ROLES_INTEGRACION[f["rol"]])
    for persona in personas:
        persona["cargo_texto"] = cargo_texto(persona)
    return personas


def cargo_texto(persona):
    """«Asesora Técnica»; «Representante propietaria del PAN»; the acta's cargo in the gender of
    the person who holds it."""
    sexo = genero(persona["nombre"], persona["grado"], persona["cargo"])
    if persona["rol"] == "representante":
        calidad = calidad_con_genero(persona["calidad"], sexo)
        partido = f" del {persona['partido']}" if persona["partido"] else ""
        return f"Representante {calidad}{partido}" if calidad else f"Representante{partido}"
    cargo = persona["cargo"] or ("Secretario Técnico" if persona["rol"] == "secretario"
                                 else "Asesor Técnico")
    if re.search(r"\b(rpte|representante)\b", cargo, re.I):
        cargo = "Representante"
    return cargo_con_genero(cargo, sexo)


def _integracion(asistencias, representaciones):
    personas = _personas_del_periodo(asistencias)
    if not personas:
        return [Parrafo("Las actas del periodo no consignan la integración del Comité.")]
    filas = [(f"{p['grado'] + ' ' if p['grado'] else ''}{p['nombre']}", p["cargo_texto"],
              str(p["sesiones"])) for p in personas]
    return [Parrafo("Personas que integraron el Comité o acudieron en representación de los "
                    "partidos políticos en las sesiones del periodo, con el cargo que consta en "
                    "las actas."),
            _tabla(filas, ["Nombre", "Cargo", "Sesiones con asistencia"], (7.0, 6.6, 3.0))]


def _firmas(asistencias):
    """The signature block: the committee's members and its secretary in the period."""
    firmantes = [p for p in _personas_del_periodo(asistencias)
                 if p["rol"] in ("integrante", "secretario")]
    if not firmantes:
        return [Parrafo("Las actas del periodo no consignan a los integrantes del Comité.")]
    return [Firmas(tuple((f"{p['grado'] + ' ' if p['grado'] else ''}{p['nombre']}", p["cargo_texto"])
                         for p in firmantes))]


# --- Attendance -------------------------------------------------------------------------------

ESTADOS_ASISTENCIA = ["Desde el inicio", "Incorporación tardía", "Retiro anticipado", "Ausente"]
COLORES_ASISTENCIA = ["#2E7D32", "#F9A825", "#5C6BC0", "#B0B0B0"]


def estado_asistencia(presente, llegada, retiro):
    """One word for a chart: late arrival wins over early departure."""
    if _vacio(presente) or not presente:
        return "Ausente"
    if not _vacio(llegada):
        return "Incorporación tardía"
    return "Retiro anticipado" if not _vacio(retiro) else "Desde el inicio"


def _asistencia(asistencias, representaciones, sesiones, etiquetas):
    representaciones = representaciones.copy()
    representaciones["estado"] = [estado_asistencia(r.presente, r.llegada_punto, r.retiro_punto)
                                  for r in representaciones.itertuples()]
    bloques = [
        Parrafo("Se registra la asistencia que consta en cada acta. El punto indicado es el del "
                "orden del día en curso cuando la persona se incorporó o se retiró; se cuenta como "
                "ausencia cada sesión en la que la persona no figura como presente y, para las "
                "representaciones, cada sesión sin representante de un partido acreditado ante "
                "el Comité."),
        Titulo("Integrantes del Comité", 2),
        _integrantes(asistencias, len(sesiones)),
        Titulo("Representaciones de los partidos políticos", 2),
        _partidos(representaciones),
        Grafica(grafica_asistencia(representaciones),
                "Asistencia de las representaciones de los partidos políticos, por sesión."),
        Titulo("Asistencia por sesión", 2),
    ]
    for sesion in sesiones.itertuples():
        bloques.append(Titulo(f"{sesion_nombre(sesion.tipo, sesion.numero)}, "
                              f"{fecha_larga(_fecha(sesion.fecha))}", 3))
        bloques.append(_asistencia_sesion(asistencias[asistencias.sesion_id == sesion.sesion_id],
                                          representaciones[representaciones.sesion_id
                                                           == sesion.sesion_id]))
    return bloques + _invitados(asistencias, etiquetas)


def _integrantes(asistencias, n_sesiones):
    miembros = asistencias[asistencias.rol.isin(list(ROLES))]
    filas = []
    for (persona_id, nombre), grupo in miembros.groupby(["persona_id", "nombre"], sort=False):
        presentes = grupo[grupo.presente.fillna(False).astype(bool)]
        cargo = next((c for c in grupo.cargo if not _vacio(c) and c), ROLES[grupo.rol.iloc[0]])
        filas.append((nombre, cargo, str(len(presentes)),
                      str(int(presentes.llegada_punto.notna().sum())),
                      str(int(presentes.retiro_punto.notna().sum())),
                      str(n_sesiones - len(presentes))))
    return _tabla(filas, ["Nombre", "Cargo", "Asistencias", "Llegadas tardías",
                          "Retiros anticipados", "Ausencias"], (4.6, 3.4, 2.2, 2.0, 2.2, 2.2))


def _partidos(representaciones):
    filas = []
    for partido, grupo in representaciones.groupby("partido", sort=True):
        por_sesion = grupo.groupby("sesion_id").estado.first()
        cuenta = por_sesion.value_counts()
        nombre = grupo.partido_nombre.iloc[0]
        filas.append((partido, _texto(nombre, partido),
                      str(int((por_sesion != "Ausente").sum())),
                      str(int(cuenta.get("Incorporación tardía", 0))),
                      str(int(cuenta.get("Retiro anticipado", 0))),
                      str(int(cuenta.get("Ausente", 0)))))
    return _tabla(filas, ["Partido", "Nombre", "Sesiones con representación",
                          "Incorporaciones tardías", "Retiros anticipados", "Ausencias"],
                  (2.0, 4.2, 3.0, 3.0, 2.4, 2.0))


def _asistencia_sesion(asistencias, representaciones):
    """Members first, then each party: who came, from when, until when."""
    filas = [(_texto(a.cargo, ROLES[a.rol]), a.nombre, "—",
              asistencia_texto(a.presente, a.llegada_punto, a.retiro_punto))
             for a in asistencias[asistencias.rol.isin(list(ROLES))].itertuples()]
    for r in representaciones.itertuples():
        if _vacio(r.persona_id):
            filas.append((r.partido, "Sin representante", "—", "Ausente"))
        else:
            filas.append((r.partido, r.nombre, _texto(r.calidad, "—").capitalize(),
                          asistencia_texto(r.presente, r.llegada_punto, r.retiro_punto)))
    return _tabla(filas, ["Integrante o partido", "Nombre", "Calidad", "Asistencia"],
                  (3.4, 5.8, 2.2, 5.2))


def _invitados(asistencias, etiquetas):
    invitados = asistencias[(asistencias.rol == "invitado") & asistencias.presente.fillna(False)]
    if invitados.empty:
        return []
    filas = [(etiquetas[i.sesion_id], i.nombre, _texto(i.cargo, "—"))
             for i in invitados.itertuples()]
    return [Titulo("Invitados", 2),
            _tabla(filas, ["Sesión", "Nombre", "Cargo"], (4.2, 7.0, 5.4))]


def grafica_asistencia(representaciones):
    """One horizontal bar per party, its sessions split by how it attended."""
    por_sesion = representaciones.groupby(["partido", "sesion_id"], sort=True).estado.first()
    datos = por_sesion.reset_index().groupby(["partido", "estado"]).size().reset_index(
        name="Sesiones").rename(columns={"partido": "Partido", "estado": "Asistencia"})
    datos["orden"] = datos["Asistencia"].map(ESTADOS_ASISTENCIA.index)
    partidos = sorted(datos["Partido"].unique())
    sesiones = representaciones.sesion_id.nunique()
    return alt.Chart(datos).mark_bar().encode(
        y=alt.Y("Partido:N", sort=partidos, title=None),
        x=alt.X("Sesiones:Q", title="Sesiones",
                axis=alt.Axis(values=list(range(sesiones + 1)), format="d")),
        color=alt.Color("Asistencia:N", sort=ESTADOS_ASISTENCIA,
                        scale=alt.Scale(domain=ESTADOS_ASISTENCIA, range=COLORES_ASISTENCIA),
                        legend=alt.Legend(orient="bottom", title=None)),
        order=alt.Order("orden:Q"),
    ).properties(width=440, height=22 * len(partidos),
                 title="Asistencia de las representaciones de los partidos")


# --- Votes, documents, corrections, what remains --------------------------------------------


def resultado_texto(v):
    """«Aprobado por unanimidad (3 votos a favor)»; «Rechazado por mayoría: 1 a favor, 2 en contra,
    0 abstenciones»."""
    resultado = _texto(v.resultado).capitalize()
    if v.unanimidad:
        return f"{resultado} por unanimidad ({_contar(int(v.a_favor), 'voto', 'votos')} a favor)"
    return (f"{resultado} por mayoría: {int(v.a_favor)} a favor, {int(v.en_contra)} en contra, "
            f"{_contar(int(v.abstenciones), 'abstención', 'abstenciones')}")


def asunto_texto(v):
    if not _vacio(v.asunto) and v.asunto:
        return abreviar(v.asunto)
    return abreviar(_texto(v.punto_titulo, "Asunto no consignado en el acta"))


def _votaciones(votaciones, votos, etiquetas):
    bloques = []
    if votaciones.empty:
        return bloques + [Parrafo("En el periodo no se sometió ningún asunto a votación.")]
    filas = [(str(n), etiquetas[v.sesion_id], _texto(v.punto, "—"), asunto_texto(v),
              resultado_texto(v)) for n, v in enumerate(votaciones.itertuples(), 1)]
    bloques.append(_tabla(filas, ["Núm.", "Sesión", "Punto", "Asunto", "Resultado"],
                          (1.2, 3.2, 1.4, 6.2, 4.6)))
    bloques.append(Titulo("Votaciones no unánimes", 2))
    divididas = [(n, v) for n, v in enumerate(votaciones.itertuples(), 1) if not v.unanimidad]
    if not divididas:
        return bloques + [Parrafo("Todas las votaciones del periodo fueron unánimes.")]
    for n, v in divididas:
        bloques.append(Parrafo(f"Votación {n}, {etiquetas[v.sesion_id]}, punto "
                               f"{_texto(v.punto, '—')}: {asunto_texto(v)}. "
                               f"{resultado_texto(v)}."))
        boletas = votos[votos.votacion_id == v.votacion_id]
        if boletas.empty:
            bloques.append(Parrafo("Votación económica: el acta no consigna el sentido de cada "
                                   "voto."))
        else:
            bloques.append(_tabla([(b.nombre, SENTIDOS.get(b.sentido, b.sentido))
                                   for b in boletas.itertuples()], ["Nombre", "Sentido del voto"],
                                  (9.0, 4.0)))
    return bloques


SENTIDOS = {"a favor": "A favor", "en contra": "En contra", "abstencion": "Abstención"}
ESTADOS_DOCUMENTO = {"presentado": "Presentado", "aprobado": "Aprobado",
                     "rechazado": "Rechazado", "retirado": "Retirado"}
ORDEN_DOCUMENTOS = list(TIPOS_DOCUMENTO)


def documento_texto(tipo, clave, titulo):
    """The clave when there is one (dictámenes), else the title, else the kind of document."""
    for valor in (clave, titulo):
        if not _vacio(valor) and valor:
            return abreviar(valor)
    return TIPOS_DOCUMENTO.get(tipo, _texto(tipo))


def _documentos(documentos, etiquetas):
    bloques = [Parrafo("Documentos de los que se dio cuenta en las sesiones del periodo y lo que "
                       "el Comité resolvió sobre cada uno: los dictámenes se identifican por su "
                       "clave.")]
    if documentos.empty:
        return bloques + [Parrafo("En el periodo no se presentaron documentos.")]
    orden = documentos.assign(_t=documentos.tipo.map(
        lambda t: ORDEN_DOCUMENTOS.index(t) if t in ORDEN_DOCUMENTOS else len(ORDEN_DOCUMENTOS)))
    orden = orden.sort_values("_t", kind="stable")
    filas = [(TIPOS_DOCUMENTO.get(d.tipo, _texto(d.tipo)), documento_texto(d.tipo, d.clave, d.titulo),
              etiquetas[d.sesion_id], _texto(d.punto, "—"),
              ESTADOS_DOCUMENTO.get(d.estado, _texto(d.estado)))
             for d in orden.itertuples()]
    return bloques + [_tabla(filas, ["Tipo", "Documento", "Sesión", "Punto", "Estado"],
                             (2.4, 6.6, 3.4, 1.3, 2.6))]


def estado_correccion(c, etiquetas):
    """Atendida, Ordinaria 3 (20/03/2024); Atendida, 01/04/2024 (registro del personal)."""
    if c.estado == "atendida" and c.atendida_por == "personal":
        return f"Atendida, {fecha_corta(c.atendida_el)} (registro del personal)"
    if c.estado == "atendida":
        return f"Atendida, {etiquetas.get(c.atendida_sesion_id, fecha_corta(c.atendida_el))}"
    return "No aprobada" if c.estado == "no aprobada" else "Pendiente"


def _correcciones(correcciones, etiquetas, hasta, registros):
    en_periodo = correcciones[correcciones.en_periodo]
    regla = (f"Correcciones solicitadas en el periodo y su estado al {fecha_texto(hasta)}: una "
             "corrección se tiene por atendida cuando el acta de una sesión celebrada hasta la "
             "fecha de corte da cuenta de su atención")
    if not registros.empty:
        regla += (", o cuando el personal del Comité registró en el tablero su atención con "
                  "fecha hasta el corte (los registros se relacionan en el anexo, «Registros del personal»)")
    bloques = [Parrafo(regla + "; mientras tanto, está pendiente.")]
    if en_periodo.empty:
        return bloques + [Parrafo("En el periodo no se solicitaron correcciones.")]
    filas = [(etiquetas[c.sesion_id], abreviar(_texto(c.documento)), _texto(c.solicitante),
              resumir(c.descripcion, c.linea), estado_correccion(c, etiquetas))
             for c in en_periodo.itertuples()]
    return bloques + [_tabla(filas, ["Sesión", "Documento", "Solicitante", "Descripción",
                                     "Estado al corte"], (2.6, 3.2, 2.8, 5.6, 2.4))]


def _pendientes(correcciones, en_tramite, etiquetas, hasta):
    pendientes = correcciones[correcciones.estado == "pendiente"]
    bloques = [Titulo("Correcciones pendientes", 2)]
    if pendientes.empty:
        bloques.append(Parrafo(f"Al {fecha_texto(hasta)} no hay correcciones pendientes."))
    else:
        bloques.append(Parrafo("Incluye las solicitadas en periodos anteriores que siguen sin "
                               "atenderse."))
        bloques.append(_tabla(
            [(etiquetas[c.sesion_id], abreviar(_texto(c.documento)),
              resumir(c.descripcion, c.linea),
              str((hasta - _fecha(c.fecha)).days)) for c in pendientes.itertuples()],
            ["Solicitada en", "Documento", "Descripción", "Días al corte"], (3.0, 4.0, 7.6, 2.0)))
    bloques.append(Titulo("Documentos sin resolución", 2))
    if en_tramite.empty:
        return bloques + [Parrafo("Ningún documento quedó presentado sin resolución al corte.")]
    bloques.append(Parrafo("Documentos cuyo último estado, al corte, es «presentado»: no han sido "
                           "aprobados, rechazados ni retirados por el Comité."))
    return bloques + [_tabla(
        [(TIPOS_DOCUMENTO.get(d.tipo, _texto(d.tipo)), documento_texto(d.tipo, d.clave, d.titulo),
          etiquetas[d.sesion_id]) for d in en_tramite.itertuples()],
        ["Tipo", "Documento", "Presentado en"], (2.6, 9.4, 4.6))]


def _fuentes(al_corte, sesiones, avisos, hasta, registros, etiquetas):
    del_periodo = set(sesiones.sesion_id)
    filas = [(a.archivo, sesion_corta(a), "Sí" if a.sesion_id in del_periodo else "No", a.sha256)
             for a in al_corte.itertuples()]
    mismos = ("las mismas actas, los mismos registros del personal y el mismo periodo"
              if not registros.empty else "las mismas actas y el mismo periodo")
    bloques = [Parrafo(f"Fecha de corte: {fecha_texto(hasta)}. Este informe se generó con el "
                       f"{AUTOR} a partir de las actas siguientes: las del periodo y, para el "
                       "estado de las correcciones y los documentos, las de sesiones anteriores. "
                       "La huella SHA-256 identifica el contenido exacto de cada archivo; "
                       f"{mismos} producen el mismo documento."),
               _tabla(filas, ["Archivo", "Sesión", "Del periodo", "SHA-256"], (5.0, 3.0, 1.6, 7.0))]
    if not registros.empty:
        bloques += _registros(registros, etiquetas, hasta)
    if avisos.empty:
        return bloques
    return bloques + [
        Titulo("Observaciones de la lectura de las actas", 2),
        Parrafo("Hechos que la lectura automática no pudo establecer con certeza, o en los que "
                "el acta se contradice; conviene verificarlos en el acta original."),
        _tabla([(a.archivo, _texto(a.linea, "—"), a.mensaje) for a in avisos.itertuples()],
               ["Archivo", "Línea", "Observación"], (5.0, 1.4, 10.2))]


def registro_texto(r):
    """Atendida el 01/04/2024; Vínculo confirmado: acta.txt, línea 39 (20/03/2024)."""
    if r.tipo == "marca":
        return f"Marcada como atendida el {fecha_corta(r.fecha)}"
    return (f"{r.tipo[0].upper()}{r.tipo[1:]} con lo que reporta {r.archivo}, línea "
            f"{_texto(r.archivo_linea, '—')} ({fecha_corta(r.fecha)})")


def registrado_texto(momento):
    """The store's UTC timestamp (2024-04-02T16:05:09+00:00) as 02/04/2024 16:05 UTC."""
    momento = dt.datetime.fromisoformat(momento)
    return f"{fecha_corta(momento)} {momento:%H:%M} UTC"


def quien_texto(nombre, usuario):
    """Ana López (ana); the account alone when staff gave no name."""
    return usuario if _vacio(nombre) or not nombre or nombre == usuario else f"{nombre} ({usuario})"


def _registros(registros, etiquetas, hasta):
    filas = [(f"{etiquetas[r.sesion_id]}, {abreviar(_texto(r.documento))}: "
              f"{resumir(r.descripcion, r.linea)}", registro_texto(r),
              quien_texto(r.nombre, r.usuario), registrado_texto(r.registrado_en),
              _texto(r.nota, "—"))
             for r in registros.itertuples()]
    return [Titulo("Registros del personal", 2),
            Parrafo(f"Además de las actas, el estado de las correcciones al {fecha_texto(hasta)} "
                    "toma en cuenta lo que el personal del Comité registró en el tablero: "
                    "correcciones marcadas como atendidas con fecha hasta el corte y decisiones "
                    "sobre qué corrección atiende lo que reporta un acta. Las marcas con fecha "
                    "posterior al corte no se toman en cuenta."),
            _tabla(filas, ["Corrección", "Registro", "Quién", "Registrado", "Nota"],
                   (5.0, 3.4, 2.6, 2.4, 3.2))]


# --- Rendering: blocks to a .docx ------------------------------------------------------------

COLOR_TITULOS = RGBColor(0x5A, 0x17, 0x2D)
GRIS_ENCABEZADO = "D9D9D9"
CONTENT_TYPES = "[Content_Types].xml"


def render_docx(informe, plantilla_datos=None):
    """The report as .docx bytes through the Word template (tablero/plantilla.py): the template
    gives the order, letterhead and fonts, the tablero fills the fields. Identical bytes for the
    same blocks, narrative, template and cut-off."""
    datos = plantilla_datos if plantilla_datos is not None else plantilla.bytes_plantilla()
    tpl, salida = plantilla.render(lambda tpl: contexto(informe, tpl), datos)
    documento = docx.Document(io.BytesIO(salida))
    _propiedades(documento, informe)
    final = io.BytesIO()
    documento.save(final)
    return zip_estable(final.getvalue(), informe.hasta)


def contexto(informe, tpl):
    """Every template field (plantilla.CAMPOS): text for the cover, sub-documents for sections."""
    valores = {
        "instituto": informe.instituto, "organo": informe.organo, "organo_corto": "COTAPREP",
        "proceso": informe.proceso, "comite": f"COTAPREP · {informe.instituto} · {informe.proceso}",
        "titulo": informe.titulo, "periodo": periodo_texto(informe.desde, informe.hasta),
        "fecha_corte": fecha_texto(informe.hasta),
    }
    for campo, bloques in informe.secciones.items():
        valores[campo] = _subdocumento(tpl, bloques)
    for campo in narrativa.SECCIONES:
        valores[campo] = _subdocumento(tpl, [Parrafo(p) for p in parrafos_narrativa(informe, campo)])
    return valores


def parrafos_narrativa(informe, campo):
    """A staff section's paragraphs (blank lines separate them)."""
    texto = narrativa.texto(informe.narrativa, campo, informe.instituto)
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", texto) if p.strip()]


def _subdocumento(tpl, bloques):
    sub = tpl.new_subdoc()
    for bloque in bloques:
        RENDER[type(bloque)](sub, bloque)
    return sub


def _titulo(documento, bloque):
    documento.add_heading(bloque.texto, level=bloque.nivel)


def _parrafo(documento, bloque):
    documento.add_paragraph(bloque.texto).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _tabla_docx(documento, bloque):
    datos = bloque.datos
    tabla = documento.add_table(rows=1, cols=len(datos.columns))
    tabla.style, tabla.alignment = documento.styles["Table Grid"], WD_TABLE_ALIGNMENT.CENTER
    encabezado = tabla.rows[0]
    _repetir_encabezado(encabezado)
    for celda, columna in zip(encabezado.cells, datos.columns):
        _texto_celda(celda, columna, negritas=True)
        _sombrear(celda, GRIS_ENCABEZADO)
    for fila in datos.itertuples(index=False):
        for celda, valor in zip(tabla.add_row().cells, fila):
            _texto_celda(celda, valor)
    if bloque.anchos:
        # Word reads the cells' widths, LibreOffice the grid's: set both.
        tabla.autofit = False
        for columna, ancho in zip(tabla.columns, bloque.anchos):
            columna.width = Cm(ancho)
            for celda in columna.cells:
                celda.width = Cm(ancho)
    documento.add_paragraph()


def _texto_celda(celda, texto, negritas=False):
    parrafo = celda.paragraphs[0]
    run = parrafo.add_run(str(texto))
    run.font.size, run.bold = Pt(9), negritas


def _sombrear(celda, color):
    sombra = OxmlElement("w:shd")
    for atributo, valor in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", color)):
        sombra.set(qn(atributo), valor)
    celda._tc.get_or_add_tcPr().append(sombra)


def _repetir_encabezado(fila):
    """The header row repeats on every page a long table runs over."""
    marca = OxmlElement("w:tblHeader")
    marca.set(qn("w:val"), "true")
    fila._tr.get_or_add_trPr().append(marca)


def _grafica_docx(documento, bloque):
    documento.add_picture(io.BytesIO(bloque.png()), width=Cm(15))
    documento.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    pie = documento.add_paragraph(bloque.pie, style="Caption")
    pie.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _firmas_docx(documento, bloque):
    """Two signatures a row: a line, the name, the cargo; no borders."""
    columnas = 2
    filas = -(-len(bloque.personas) // columnas)
    tabla = documento.add_table(rows=filas, cols=columnas)
    tabla.alignment = WD_TABLE_ALIGNMENT.CENTER
    for fila in tabla.rows:             # a signature never split across two pages
        no_dividir = OxmlElement("w:cantSplit")
        fila._tr.get_or_add_trPr().append(no_dividir)
    for n, (nombre, cargo) in enumerate(bloque.personas):
        celda = tabla.cell(n // columnas, n % columnas)
        parrafo = celda.paragraphs[0]
        parrafo.alignment = WD_ALIGN_PARAGRAPH.CENTER
        parrafo.paragraph_format.space_before = Pt(48)
        parrafo.add_run("_" * 34)
        for texto, negritas in ((nombre, True), (cargo, False)):
            linea = celda.add_paragraph()
            linea.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = linea.add_run(texto)
            run.font.size, run.bold = Pt(9.5), negritas
    documento.add_paragraph()


RENDER = {Titulo: _titulo, Parrafo: _parrafo, Tabla: _tabla_docx, Grafica: _grafica_docx,
          Firmas: _firmas_docx}


def _propiedades(documento, informe):
    """Core properties from the report, dated at the cut-off: nothing from the clock."""
    corte = dt.datetime.combine(informe.hasta, dt.time(0, 0))
    propiedades = documento.core_properties
    propiedades.title = informe.titulo
    propiedades.subject = f"{informe.organo}, {informe.proceso}"
    propiedades.author = propiedades.last_modified_by = AUTOR
    propiedades.keywords = "COTAPREP; PREP; informe parcial de actividades"
    propiedades.comments = f"Fecha de corte: {informe.hasta.isoformat()}"
    propiedades.language = "es-MX"
    propiedades.created = propiedades.modified = corte
    propiedades.revision = 1


def zip_estable(datos, fecha):
    """The same package with fixed entry times (the cut-off date), fixed attributes and a fixed
    order, [Content_Types].xml first: python-docx stamps every entry with the time of saving."""
    fijo = (max(fecha.year, 1980), fecha.month, fecha.day, 0, 0, 0)
    origen = zipfile.ZipFile(io.BytesIO(datos))
    nombres = sorted(origen.namelist(), key=lambda nombre: (nombre != CONTENT_TYPES, nombre))
    salida = io.BytesIO()
    with zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as destino:
        for nombre in nombres:
            entrada = zipfile.ZipInfo(nombre, date_time=fijo)
            entrada.compress_type, entrada.create_system = zipfile.ZIP_DEFLATED, 3
            entrada.external_attr = 0o100644 << 16
            destino.writestr(entrada, origen.read(nombre))
    return salida.getvalue()


# --- The one entry point for the page and the command -------------------------------------


def build_informe(con, desde, hasta, almacen=None, plantilla_ruta=None):
    """(blocks, .docx bytes) for the period: the page previews the blocks and offers the bytes.
    The template is checked first: a template the tablero cannot fill fails before any query."""
    datos = plantilla.bytes_plantilla(plantilla_ruta)
    plantilla.verificar(datos)
    informe = build_secciones(con, desde, hasta, almacen)
    return informe, render_docx(informe, datos)


def _fecha_argumento(valor, nombre):
    if isinstance(valor, dt.date):
        return valor
    try:
        return dt.date.fromisoformat(str(valor))
    except ValueError:
        raise InformeError(f"La fecha {nombre} «{valor}» no es válida: escríbala como "
                           "AAAA-MM-DD.") from None


def cli(args):
    """`python -m etl informe --desde --hasta --salida [--db]`: writes the .docx, says what it
    wrote on standard output; on failure one Spanish line `Error: …` on standard error, exit 1."""
    try:
        desde = _fecha_argumento(args.desde, "inicial")
        hasta = _fecha_argumento(args.hasta, "final")
        con = connect_readonly(getattr(args, "db", None))
        try:
            informe, datos = build_informe(con, desde, hasta,
                                           plantilla_ruta=getattr(args, "plantilla", None))
        finally:
            con.close()
        _escribir(args.salida, datos)
    except TableroError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    print(f"Informe escrito en {args.salida}: "
          f"{_contar(informe.sesiones, 'sesión', 'sesiones')}, "
          f"{periodo_texto(desde, hasta)}, corte al {fecha_texto(hasta)}.")
    return 0


def _escribir(ruta, datos):
    try:
        with open(ruta, "wb") as archivo:
            archivo.write(datos)
    except OSError as error:
        raise InformeError(f"No se pudo escribir {ruta}: {error.strerror}.") from None
