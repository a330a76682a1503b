"""Text of an acta in, facts out (../shared/CONTRACT.md). Pure: no I/O.

    parse_acta(text: str, catalogo: etl.partidos.Catalogo | None = None) -> dict

Returns the contract's object without `archivo` and `sha256` (the caller, which read the file,
adds them). Raises etl.errors.NotAnActaError (one Spanish sentence) when the text is not the
minutes of a session, and nothing else on any text. Whatever it cannot read with confidence, or
finds contradictory in the acta itself, it reports in `avisos` with the line.

The reading goes in the order a person reads: the heading and opening paragraph (the session),
the agenda, where each agenda item starts in the body (so that every later fact is placed at the
item under way), the roster and signatures (who), arrivals and departures, the votes, and what
the votes and requests did to documents.
"""
import bisect
import functools
import re

from etl.patrones import compilar
from etl.errors import NotAnActaError
from etl.numeros import NUMBER_WORDS_RE, ORDINAL_WORDS_RE, find_dates, fold, minutes_between, parse_time, to_int
from etl.partidos import load_catalogo
from etl.personas import display_name, speaker_label, strip_label
from etl.texto import Texto
from etl.votos import parse_votaciones
from etl.vocabulario import SESSION_TYPES
from etl.frases import (APERTURA, CIERRE_DEL_ACTA, CLAUSURA, MODALIDAD_MIXTA, MODALIDAD_PRESENCIAL,
                        MODALIDAD_VIRTUAL, QUORUM_NO, QUORUM_SI)
from etl.documentos import parse_correcciones, parse_correcciones_atendidas, parse_documentos
from etl.asistencia import parse_asistentes


@functools.lru_cache(maxsize=1)
def _default_catalogo():
    """The bundled party catalog, read once (data/catalogos/partidos.csv)."""
    return load_catalogo()


def parse_acta(text, catalogo=None):
    """The facts of one acta. See the module docstring."""
    doc = Texto(text or "")
    _check_is_acta(doc)
    return Lector(doc, catalogo or _default_catalogo()).read()


def check_session(facts, nombre="El documento"):
    """NotAnActaError unless `facts` (parse_acta's) record a session that took place: its heading
    (the kind of session, or its agenda) with its date, a roll call of two people or more, and
    its development (a vote, or the hour it closed). The one check of what an acta is, for
    `build`, «Cargar acta» and `parse` (etl/lectura.py, etl/cli.py).

    A summary of a process (tests/fixtures/proceso2/CONCLUSIONES.md: «S2: ordinaria 1,
    2024-01-30, 17:00–18:10») names dates, people and votes, but no session of its own heading
    («ACTA DE LA PRIMERA SESIÓN ORDINARIA …») nor an agenda; a README, a letter or an agenda
    names a session and a date but no roll call nor how it went."""
    sesion = facts.get("sesion") or {}
    faltas = [falta for falta, hay in [
        ("el encabezado de una sesión (su tipo u orden del día)",
         sesion.get("tipo") or facts.get("orden_del_dia")),
        ("su fecha", sesion.get("fecha")),
        ("la lista de asistencia", len(facts.get("asistentes") or []) >= 2),
        ("su desarrollo (votaciones o la hora en que terminó)",
         facts.get("votaciones") or sesion.get("hora_fin"))] if not hay]
    if faltas:
        lista = faltas[0] if len(faltas) == 1 else f"{', '.join(faltas[:-1])} ni {faltas[-1]}"
        raise NotAnActaError(f"{nombre} no parece un acta: no se encontró {lista}; revise que sea "
                             "el archivo del acta (un resumen, una carta o un orden del día no "
                             "se cargan).")


_CHECK_IS_ACTA_RE = re.compile(r"\b(sesion|reunion)\b")
_CHECK_IS_ACTA_RE2 = re.compile(r"orden del dia|quorum|asistencia|votacion|se aprueba|aprobad[oa] por")


def _check_is_acta(doc):
    """Refuse texts that are not minutes: an acta names a session, and has a date or a time,
    and speaks of the agenda, the quorum, attendance or votes."""
    body = fold(" ".join(p.text for p in doc.paragraphs))
    if not body.strip():
        raise NotAnActaError("El documento no contiene texto: revise que sea el archivo correcto del acta.")
    head = doc.paragraphs[:15]   # a date or a time is nearly always in the heading or the opening
    dated = any(find_dates(p.text) or parse_time(p.text) for p in head) or \
        bool(find_dates(body[:20000])) or parse_time(body[:20000]) is not None
    signals = [
        bool(_CHECK_IS_ACTA_RE.search(body)),
        dated,
        bool(_CHECK_IS_ACTA_RE2.search(body)),
    ]
    if not all(signals):
        raise NotAnActaError(
            "El documento no parece un acta de sesión (no se encontró la sesión, su fecha y su "
            "desarrollo): revise que sea el archivo correcto.")


_NUM_TOKEN = rf"(?:\d+\b|[ivxlc]+\b|{NUMBER_WORDS_RE}\b)"
SESSION_RE = compilar(
    rf"(?:\b(?P<ordinal>(?:(?:vigesim|trigesim|decim)[oa]\s+)?\w+\.?)\s+)?sesion(?:es)?\s+(?:publica\s+|virtual\s+|remota\s+|de\s+caracter\s+)?"
    rf"(?P<tipo>extraordinaria|ordinaria|especial|solemne|de instalacion|instalacion)"
    rf"(?:\s+(?:(?:urgente|virtual|publica|no|num|numero|n°|nº|#)\.?\s*){{0,2}}(?P<numero>{_NUM_TOKEN}))?")
def _is_word_char(char):
    return char.isalnum() or char == "_"      # what `\w` is in a str pattern


def _session_starts(folded):
    """Every offset where a match of `SESSION_RE` could begin: each «sesion», and the first
    letter of the one or two words just before it (the optional ordinal, «decima primera»,
    «2.», then spaces). A superset: `SESSION_RE.match` decides."""
    starts, found = set(), folded.find("sesion")
    while found >= 0:
        starts.add(found)
        at = found
        for _ in range(2):            # «primera sesion», «decima primera sesion»
            end = at
            while at and folded[at - 1].isspace():
                at -= 1
            if at == end:
                break
            if at and folded[at - 1] == ".":
                at -= 1
            end = at
            while at and _is_word_char(folded[at - 1]):
                at -= 1
            if at == end:
                break
            starts.add(at)
        found = folded.find("sesion", found + 1)
    return sorted(starts)


def session_matches(folded):
    """`SESSION_RE.finditer(folded)`, the same matches, trying the pattern only where one could
    begin (`_session_starts`) instead of at every character of the paragraph: leftmost first,
    the next from where the last one ended, as `finditer` does (a match is never empty).
    0.55 -> 0.14 ms an acta."""
    pos = 0
    for start in _session_starts(folded):
        if start >= pos:
            match = SESSION_RE.regex.match(folded, start)
            if match:
                yield match
                pos = match.end()


THIS_SESSION_BEFORE = re.compile(
    r"(esta|presente|celebrar la|celebrar|clausurada la|concluida la|instalada|inicio a la|da inicio a la|"
    r"apertura de la|desarrollo de la|convocad[oa]s? a la|asistencia a esta|celebrada la|clausura de la|"
    r"levanta la|termino de la|siendo la|a la)\s*$")


STATES_RE = (r"Aguascalientes|Ags\.|Baja California Sur|B\.C\.S\.|Baja California|B\.C\.|Campeche|Camp\.|Chiapas|Chis\.|"
             r"Chihuahua|Chih\.|Coahuila|Coah\.|Colima|Col\.|Ciudad de M[ée]xico|CDMX|Durango|Dgo\.|Guanajuato|Gto\.|"
             r"Guerrero|Gro\.|Hidalgo|Hgo\.|Jalisco|Jal\.|Estado de M[ée]xico|M[ée]x\.|Michoac[áa]n|Mich\.|Morelos|Mor\.|"
             r"Nayarit|Nay\.|Nuevo Le[óo]n|N\.\s?L\.|Oaxaca|Oax\.|Puebla|Pue\.|Quer[ée]taro|Qro\.|Quintana Roo|Q\.\s?Roo|"
             r"San Luis Potos[íi]|S\.L\.P\.|Sinaloa|Sin\.|Sonora|Son\.|Tabasco|Tab\.|Tamaulipas|Tamps\.|Tlaxcala|Tlax\.|"
             r"Veracruz|Ver\.|Yucat[áa]n|Yuc\.|Zacatecas|Zac\.")


_FIND_OPENING_RE = re.compile(r"orden del dia")
_CHECK_DATES_OF_THIS_SESSION_RE = re.compile(r"(presente|esta)( acta de la)?\s*$")
_CHECK_DATES_OF_THIS_SESSION_RE2 = re.compile(r"[^.;]{0,30}?celebrada\s+(?:el|en)\s+(?:d[ií]a\s+)?([^.;]{5,70})", re.IGNORECASE)
_PARSE_LUGAR_RE = re.compile(r"\b[Ee]n (?:la |el )?(?:(?:[Hh]eroica |H\. )?[Cc]iudad|[Mm]unicipio|[Ll]ocalidad|"
                              r"[Pp]oblaci[óo]n|[Vv]illa) de (.+?)(?:,?\s+(?:siendo|a los|a las|el d[íi]a|del d[íi]a|"
                              r"en las instalaciones|en la sala|en el|se reuni|reunid|con fecha)\b)")
_PARSE_LUGAR_RE2 = re.compile(r"^[Ee]n ([A-ZÁÉÍÓÚ][\w.áéíóúñ ]+(?:, [A-ZÁÉÍÓÚ][\w.áéíóúñ ]+)?),\s+(?:siendo|a los|a las|el d[íi]a)\b")
_PARSE_LUGAR_RE3 = re.compile(r"(?:horas|hrs\.?)\s+(?:en\s+)?([A-ZÁÉÍÓÚ][\w áéíóúñ]+,\s*[A-Z][\w.]+\.?)")
_PARSE_LUGAR_RE4 = re.compile(r"(?i)(el|la|en|del|de|siendo)$")
_PARSE_ORDEN_DEL_DIA_RE = re.compile(r"orden del dia\W*$|orden del dia\b[^.]{0,50}:\s*$")
_PARSE_ORDEN_DEL_DIA_RE2 = re.compile(r"orden del dia\b[^.]{0,60}:\s*$")
_PARSE_ORDEN_DEL_DIA_RE3 = re.compile(r"orden del dia\b[^.:]{0,80}:")
_AGENDA_FROM_HEADINGS_RE = re.compile(r"(?<=[a-záéíóúñ]{3})\.\s+(?=[A-ZÁÉÍÓÚ][a-z])")
_PARSE_PUNTOS_RE = re.compile(r"\b(siguiente punto|punto siguiente)\W*$")
_PARSE_PUNTOS_RE2 = re.compile(r"(continu\w+|pas\w+|procedi\w+|prosigui\w+) (con |a )?(el |al )?(desahogo del? )?"
                             r"(\w+ )?punto[^.]{0,40}\W*$")
_IMPLICIT_MARKERS_RE = re.compile(r"aprob|aprueb|votacion|somet|consideracion|lectura")


_PARSE_LUGAR_STATE_RE = re.compile(rf"([A-ZÁÉÍÓÚ][\wÁÉÍÓÚáéíóúñÑ.]+(?:\s+(?:de\s+|DE\s+)?[A-ZÁÉÍÓÚ][\wÁÉÍÓÚáéíóúñÑ.]+){{0,3}}),\s*({STATES_RE})\b", re.IGNORECASE)


class Lector:
    """Reads one normalised acta. Each `_parse_x` reads one field; results gather in `facts`."""

    def __init__(self, doc, catalogo):
        self.doc = doc
        self.catalogo = catalogo
        self.avisos = []
        self.paragraphs = doc.paragraphs

    def aviso(self, mensaje, linea=None):
        if not any(a["mensaje"] == mensaje and a["linea"] == linea for a in self.avisos):
            self.avisos.append({"mensaje": mensaje, "linea": linea})

    # ---- the whole reading -------------------------------------------------------------------

    def read(self):
        self.opening = self._find_opening()
        self.heading = self._heading_paragraphs()
        organo, instituto, proceso = self._parse_organo()
        self.organo = organo
        orden, self.agenda_lines = self._parse_orden_del_dia()
        for numero, titulo, linea in orden:
            if not titulo:
                self.aviso(f"El punto {numero} del orden del día no tiene título.", linea)
        sesion = self._parse_sesion()
        self.orden = orden
        self.puntos = self._parse_puntos(orden)
        self.closing_line = self._closing_line()
        asistentes = parse_asistentes(self)
        votaciones = parse_votaciones(self, asistentes)
        documentos = parse_documentos(self, votaciones)
        correcciones = parse_correcciones(self, votaciones, documentos, asistentes)
        atendidas = parse_correcciones_atendidas(self, documentos, asistentes)
        self._mark_voters(asistentes, votaciones)
        for votacion in votaciones:      # the readers' working keys («_llamado», «_propuesta») are no facts
            for key in [key for key in votacion if key.startswith("_")]:
                del votacion[key]
        return {
            "organo": organo, "instituto": instituto, "proceso": proceso,
            "sesion": sesion,
            "asistentes": [p.as_fact() for p in asistentes],
            "orden_del_dia": [{"numero": n, "titulo": t, "fuente": {"linea": l}} for n, t, l in orden],
            "votaciones": votaciones,
            "correcciones": correcciones,
            "correcciones_atendidas": atendidas,
            "documentos": documentos,
            "avisos": self.avisos,
        }

    # ---- where things are --------------------------------------------------------------------

    def field(self, label):
        """A field-style header near the top: '**Hora de inicio:** 18:20 horas', 'Fecha: 11 de
        marzo de 2021', 'Modalidad: virtual'. The value and its line, or (None, None)."""
        regex = _compiled(rf"^\W*(?:{label})\s*:\s*(?P<v>.+)$")
        for paragraph, folded in self._field_paragraphs():
            match = regex.match(folded)
            if match:
                value = paragraph.text[match.start("v"):].strip(" *")
                return value + self._field_continuation(paragraph.ultima_linea), paragraph.linea
        return None, None

    def _field_paragraphs(self):
        """The paragraphs near the top that can hold a field, folded, read once for the five
        fields asked: those with a «:» (every field's label ends with one)."""
        if getattr(self, "_fields_of", None) is not self.paragraphs:
            folded = ((paragraph, paragraph.plegado) for paragraph in self.paragraphs[:40])
            self._fields_of, self._fields = self.paragraphs, [pair for pair in folded if ":" in pair[1]]
        return self._fields

    def _field_continuation(self, last):
        """A form's value wrapped onto the next line, indented under the value:
            Lugar:           Sala de Juntas de la Dirección Ejecutiva de Organización y Logística
                             Electoral, Morelos 501 Ote., Zona Centro, Cd. Victoria, Tamaulipas"""
        raw = self.doc.raw_lines[last] if last < len(self.doc.raw_lines) else ""
        if len(raw) - len(raw.lstrip(" ")) >= 8 and raw.strip() and not FIELD_LABEL_RE.match(raw.strip()):
            return " " + " ".join(raw.split())
        return ""

    def _find_opening(self):
        """The opening paragraph. Expecting text like: 'En la Ciudad de Victoria de Durango,
        Dgo., siendo las 17:00 (diecisiete) horas del día jueves 28 … se reunieron de manera
        virtual los integrantes del Comité …'."""
        agenda = next((p.linea for p in self.paragraphs if _FIND_OPENING_RE.search(p.plegado)), 10 ** 9)
        for paragraph in self.paragraphs[:60]:
            folded = paragraph.plegado
            if paragraph.linea > agenda:
                break
            if len(folded) > 80 and APERTURA.search(folded):
                return paragraph
        return None

    def _heading_paragraphs(self):
        """Paragraphs above the opening: the title block («ACTA DE LA SESIÓN ORDINARIA NÚMERO 2
        28 de enero de 2021 17:00 horas Durango, Dgo.»)."""
        limit = self.opening.linea if self.opening else 30
        return [p for p in self.paragraphs if p.linea < limit and p.linea <= 40]

    def _closing_line(self):
        """The line where the session is closed, or where signatures begin."""
        for paragraph in reversed(self.paragraphs):
            folded = paragraph.plegado
            if CIERRE_DEL_ACTA.search(folded):
                closing = paragraph.linea
                break
        else:
            closing = None
        for paragraph in reversed(self.paragraphs):
            folded = paragraph.plegado
            if CLAUSURA.search(folded) and parse_time(paragraph.text):
                return min(paragraph.ultima_linea + 1, closing or 10 ** 9)
        return closing

    def punto_at(self, line):
        """The agenda item under way at `line` (by bisection: a long acta asks it thousands of
        times over hundreds of items)."""
        if getattr(self, "_puntos_of", None) is not self.puntos:
            self._puntos_of, self._punto_starts = self.puntos, [start for start, _ in self.puntos]
        index = bisect.bisect_right(self._punto_starts, line)
        return self.puntos[index - 1][1] if index else None

    def speaker_at(self, line):
        """The last speaker named by a label («Secretario Técnico, Ing. Jorge Galo Solano García:»)
        at or before `line`. The labels are read once, so a long acta stays linear."""
        if not hasattr(self, "_labels"):
            labelled = [(p.linea, speaker_label(p.text)) for p in self.paragraphs]
            self._labels = [label for _, label in labelled if label]
            self._label_lines = [linea for linea, label in labelled if label]
        index = bisect.bisect_right(self._label_lines, line)
        return self._labels[index - 1] if index else None

    def paragraph_index(self, line):
        """How many paragraphs start before `line` (paragraphs are in line order): looking
        around one vote by bisection, not by walking the whole acta, keeps reading linear."""
        if getattr(self, "_starts_of", None) is not self.paragraphs:
            self._starts_of, self._starts = self.paragraphs, [p.linea for p in self.paragraphs]
        return bisect.bisect_left(self._starts, line)

    def paragraphs_between(self, first, last):
        """The paragraphs that start on lines first..last."""
        return self.paragraphs[self.paragraph_index(first):self.paragraph_index(last + 1)]

    # ---- organo, instituto, proceso ----------------------------------------------------------

    def _parse_organo(self):
        """Expecting a heading like: 'Comité Técnico Asesor del Programa de Resultados Electorales
        Preliminares del Instituto Electoral y de Participación Ciudadana del Estado de Durango
        Proceso Electoral Local 2020-2021'."""
        head = _join_heading(self.heading)
        opening = self.opening.text if self.opening else ""
        sources = [head, opening, " ".join(p.text for p in self.paragraphs[:40])]
        organo = instituto = proceso = None
        for text in sources:
            instituto = instituto or _instituto_in(text)
            proceso = proceso or _proceso_in(text)
        for text in sources:
            organo = organo or _organo_in(text, instituto)
        if organo is None:
            self.aviso("No se encontró el nombre del órgano que sesiona.")
        return organo, instituto, proceso

    # ---- sesion ------------------------------------------------------------------------------

    def _parse_sesion(self):
        tipo, numero = self._parse_tipo_numero()
        fecha = self._parse_fecha()
        inicio, fin = self._parse_horas()
        duracion = minutes_between(inicio, fin)
        if duracion is not None and duracion > 16 * 60:
            self.aviso(f"La duración calculada ({duracion} minutos) es improbable: revise las horas de inicio y clausura.")
        return {
            "tipo": tipo, "numero": numero, "fecha": fecha, "hora_inicio": inicio, "hora_fin": fin,
            "duracion_min": duracion, "modalidad": self._parse_modalidad(), "lugar": self._parse_lugar(),
            "quorum": self._parse_quorum(),
        }

    def _session_mentions(self):
        """Every «sesión <tipo> número N» of the text: (tipo, numero, line, phrase, is_heading),
        read once."""
        if getattr(self, "_mentions", None) is None:
            self._mentions = list(self._find_session_mentions())
        return self._mentions

    def _find_session_mentions(self):
        heading_ids = {id(p) for p in self.heading}
        for paragraph in self.paragraphs:
            folded = paragraph.plegado
            if "sesion" not in folded:
                continue
            for match in session_matches(folded):
                tipo = SESSION_TYPES[match.group("tipo")]
                numero = _session_number(match, folded)
                word = match.start() + match.group(0).find("sesion")
                start = word if match.group("ordinal") and not _ordinal_value(match.group("ordinal")) else match.start()
                same = len(folded) == len(paragraph.text)
                phrase = paragraph.text[start:match.end()] if same else match.group(0)
                after = paragraph.text[match.end():match.end() + 90] if same else folded[match.end():match.end() + 90]
                yield (tipo, numero, paragraph.linea_at(match.start()), phrase.strip(), id(paragraph) in heading_ids,
                       folded[max(0, start - 40):start], after)

    def _parse_tipo_numero(self):
        """Expecting text like: 'ACTA DE LA SESIÓN ORDINARIA NÚMERO 2', 'Décima Sesión
        Extraordinaria', 'SESIÓN ORDINARIA XII', 'Sesión de Instalación'. Mentions of this same
        session that give another number are reported («declaro formalmente instalada esta
        sesión ordinaria número uno»)."""
        mentions = list(self._session_mentions())
        own = [m for m in mentions if m[4] and not _refers_to_other_session(m)]
        opening_lines = (self.opening.linea, self.opening.ultima_linea) if self.opening else (0, -1)
        in_opening = [m for m in mentions if opening_lines[0] <= m[2] <= opening_lines[1]
                      and not _refers_to_other_session(m)]
        this = [m for m in mentions if not m[4] and THIS_SESSION_BEFORE.search(m[5]) and not _refers_to_other_session(m)]
        chosen = next(iter(own + in_opening + this), None)
        if chosen is None:
            self.aviso("No se encontró el tipo ni el número de la sesión.")
            return None, None
        tipo, numero = chosen[0], chosen[1]
        if numero is None:
            numero = next((m[1] for m in own + in_opening + this if m[0] == tipo and m[1] is not None), None)
        if numero is None and tipo != "instalacion":
            self.aviso("No se encontró el número de la sesión.", chosen[2])
        for mention in own + in_opening + this:
            if mention[0] == tipo and mention[1] is not None and numero is not None and mention[1] != numero:
                self.aviso(f"El acta dice «{mention[3]}» y su título, número {numero}.", mention[2])
            elif mention[0] != tipo and mention[1] is not None and mention[2] != chosen[2]:
                self.aviso(f"El acta dice «{mention[3]}» y su título, sesión {tipo}.", mention[2])
        return tipo, numero

    def _parse_fecha(self):
        """Expecting text like: '28 de enero de 2021' (heading), 'del día jueves 28 (veintiocho)
        de enero de 2021 (dos mil veintiuno)', 'a los veinticinco días del mes de marzo del año
        dos mil veinticuatro' (opening)."""
        heading = [(d, p.linea_at(s)) for p in self.heading for d, s, _ in find_dates(p.text)]
        value, line = self.field(r"fecha(?: de la sesion)?")
        if value and find_dates(value):
            heading.insert(0, (find_dates(value)[0][0], line))
        opening = [(d, self.opening.linea_at(s)) for d, s, _ in find_dates(self.opening.text)
                   if not _is_reference_date(self.opening.text, s)] if self.opening else []
        candidates = heading[:1] + opening[:1]
        if not candidates:
            for paragraph in self.paragraphs[:80]:
                dates = [(d, paragraph.linea_at(s)) for d, s, _ in find_dates(paragraph.text)
                         if not _is_reference_date(paragraph.text, s)]
                if dates:
                    candidates = dates[:1]
                    break
        if not candidates:
            self.aviso("No se encontró la fecha de la sesión.")
            return None
        fecha = candidates[0][0]
        for other, line in candidates[1:]:
            if other != fecha:
                self.aviso(f"El acta da dos fechas para la sesión: {fecha} y {other}.", line)
        self._check_dates_of_this_session(fecha)
        return fecha

    def _check_dates_of_this_session(self, fecha):
        """«La presente acta de la sesión ordinaria número 6, celebrada el dieciséis de abril…»
        when the session was held on the 15th."""
        for mention in self._session_mentions():
            if mention[4] or _refers_to_other_session(mention) or not _CHECK_DATES_OF_THIS_SESSION_RE.search(mention[5]):
                continue
            match = _CHECK_DATES_OF_THIS_SESSION_RE2.match(mention[6])
            if not match:
                continue
            dates = find_dates(match.group(1))
            if dates and dates[0][0] != fecha:
                words = match.group(1)[:dates[0][2]].strip()
                self.aviso(f"El acta dice «celebrada el {words}» y la sesión fue el {fecha}.", mention[2])

    def _parse_horas(self):
        """Start: 'siendo las 17:00 (diecisiete) horas' in the opening (or the heading's '17:00
        horas'). End: 'Siendo las diecisiete horas con veinticinco minutos del día de su inicio,
        se declara clausurada la Sesión'."""
        inicio = None
        value, _ = self.field(r"hora de inicio|inicio|hora")
        if value:
            inicio = parse_time(value)
        if inicio is None and self.opening:
            inicio = parse_time(_after(self.opening.text, r"siendo las|siendo la|a las|en punto de las")) or \
                parse_time(self.opening.text)
        if inicio is None:
            inicio = next((t for t in (parse_time(p.text) for p in self.heading) if t), None)
        if inicio is None:
            self.aviso("No se encontró la hora de inicio de la sesión.")
        value, _ = self.field(r"hora de (?:termino|conclusion|clausura|cierre)|termino|conclusion|clausura")
        fin = parse_time(value) if value else None
        for paragraph in reversed(self.paragraphs if fin is None else []):
            folded = paragraph.plegado
            if CLAUSURA.search(folded):
                fin = parse_time(_after(paragraph.text, r"siendo las|siendo la|a las|las")) or parse_time(paragraph.text)
                if fin:
                    break
        if fin is None:
            self.aviso("No se encontró la hora de clausura de la sesión.")
        return inicio, fin

    def _parse_modalidad(self):
        """Expecting text like: 'se reunieron de manera virtual', 'a distancia', 'mediante
        videoconferencia', 'en modalidad semipresencial', 'en la Sala de Sesiones'."""
        value, _ = self.field(r"modalidad")
        places = [value or "", self.opening.text if self.opening else "", " ".join(p.text for p in self.heading)]
        places.append(" ".join(p.text for p in self.paragraphs[:25]))
        for text in places:
            folded = fold(text)
            if MODALIDAD_MIXTA.search(folded):
                return "mixta"
            if MODALIDAD_VIRTUAL.search(folded):
                return "virtual"
            if MODALIDAD_PRESENCIAL.search(folded):
                return "presencial"
        return None

    def _parse_lugar(self):
        """Expecting text like: 'En la Ciudad de Victoria de Durango, Dgo., siendo las …',
        'En Hermosillo, Sonora, a los …', or the heading's '… 17:00 horas Durango, Dgo.'."""
        value, _ = self.field(r"lugar|sede")
        if value:
            return value.strip(" .")
        texts = [self.opening.text] if self.opening else []
        for text in texts:
            match = _PARSE_LUGAR_RE.search(text)
            if not match:
                match = _PARSE_LUGAR_RE2.search(text)
            if match:
                return match.group(1).strip(" ,")
        head = " ".join(p.text for p in self.heading)
        match = _PARSE_LUGAR_RE3.search(head)
        if match:
            return match.group(1).strip()
        for text in [head] + texts:
            match = _PARSE_LUGAR_STATE_RE.search(text)
            if match and not _PARSE_LUGAR_RE4.match(match.group(1)):
                place = f"{match.group(1)}, {match.group(2)}"
                return display_name(place) if place.isupper() else place
        return None

    def _parse_quorum(self):
        """Expecting text like: 'me permito informar que existe quórum legal para sesionar',
        'se declara la existencia del quórum', 'no existe el quórum requerido'."""
        for paragraph in self.paragraphs:
            folded = paragraph.plegado
            if QUORUM_NO.search(folded):
                self._quorum_line = paragraph.linea
                return False
            if QUORUM_SI.search(folded) and not (paragraph.linea in self.agenda_lines and AGENDA_ITEM_RE.match(paragraph.text)):
                self._quorum_line = paragraph.linea
                return True
        self.aviso("El acta no dice si hubo quórum.")
        return None

    # ---- orden del día -----------------------------------------------------------------------

    def _parse_orden_del_dia(self):
        """Expecting a list under a header like 'ORDEN DEL DÍA' or '…bajo el siguiente orden del
        día:', items numbered '1.', 'IV.', 'A)', some wrapped over several lines."""
        lines = self.doc.lines
        for index, line in enumerate(lines):
            folded = fold(line).strip()
            if not _PARSE_ORDEN_DEL_DIA_RE.search(folded) or len(folded) > 300 \
                    or AGENDA_ITEM_RE.match(line):
                continue
            items, used = _agenda_items(lines, index + 1)
            if len(items) >= 2 and items[0][0] <= 1:
                return items, used | {index + 1}
        for paragraph in self.paragraphs:
            folded = paragraph.plegado
            if _PARSE_ORDEN_DEL_DIA_RE2.search(folded[-160:]):
                items, used = _agenda_items(lines, paragraph.ultima_linea)
                if len(items) >= 2 and items[0][0] <= 1:
                    return items, used | {paragraph.ultima_linea}
        for paragraph in self.paragraphs:
            folded = paragraph.plegado
            match = _PARSE_ORDEN_DEL_DIA_RE3.search(folded)
            if match:
                items = _inline_agenda(paragraph, match.end())
                if len(items) >= 2:
                    return items, set(range(paragraph.linea, paragraph.ultima_linea + 1))
        for paragraph in self.paragraphs:    # read in a turn: «SECRETARIO: Uno. Lista … Dos. …»
            body = strip_label(paragraph.text)
            if LIST_OPENING_RE.match(fold(body)):
                items = _inline_agenda(paragraph, len(paragraph.text) - len(body))
                if len(items) >= 3:
                    return items, set(range(paragraph.linea, paragraph.ultima_linea + 1))
        items = self._agenda_from_headings()
        if items:
            return items, set()
        self.aviso("No se encontró el orden del día.")
        return [], set()

    def _agenda_from_headings(self):
        """No agenda list, but each item opens its part of the body: «PUNTO NÚMERO TRES.- LECTURA
        Y, EN SU CASO, APROBACIÓN DEL ACTA …» (wrapped). Those headings are the agenda."""
        items = []
        for index, paragraph in enumerate(self.paragraphs):
            match = HEADING_ITEM_RE.match(paragraph.plegado)
            if not match:
                continue
            numero = to_int(match.group("n"))
            if numero != len(items) + 1:
                continue
            title = paragraph.text[match.start("t"):]
            for following in self.paragraphs[index + 1:index + 4]:   # a heading wrapped in capitals
                if following.linea != paragraph.ultima_linea + 1 or not following.text.isupper():
                    break
                title += " " + following.text
                paragraph = following
            title = title.strip(" .:-–")
            title = _AGENDA_FROM_HEADINGS_RE.split(title)[0]
            items.append((numero, _clean_title(sentence_case(title) if title.isupper() else title), paragraph.linea))
        return items if len(items) >= 2 else []

    def _parse_puntos(self, orden):
        """Where each agenda item starts in the body: 'El siguiente punto del orden del día es el
        número **cinco**', 'PUNTO 3.', 'IV. Asuntos generales.', 'En desahogo del cuarto punto'."""
        numbers = {n for n, _, _ in orden}
        markers, following = [], []
        agenda_start = min(self.agenda_lines) if self.agenda_lines else 0
        body_numbered = self._body_numbered(numbers, agenda_start)
        titles = {n: t for n, t, _ in orden}
        for paragraph in self.paragraphs:
            if paragraph.linea in self.agenda_lines:
                continue
            if paragraph.linea < agenda_start:
                # The body may open an item before the agenda is read out: «2. Lectura y, en su
                # caso, aprobación del orden del día.» heading the part where the list is read.
                heading = AGENDA_ITEM_RE.match(paragraph.text)
                numero = to_int(heading.group("num")) if heading else None
                if numero and numero > 1 and numero in titles and len(paragraph.text) < 200 and \
                        _similar_title(titles[numero], paragraph.text):
                    markers.append((paragraph.linea, numero))
                continue
            text = strip_label(paragraph.text)
            folded = fold(text)
            numero = _punto_marker(text, orden, body_numbered)
            announced = NEXT_ITEM_RE.search(folded) if numero is None and numbers else None
            if announced and re.search(r"\b(dictamen|informe|documento|acta|acuerdo|tema)s? (del|en el) $",
                                       folded[max(0, announced.start() - 40):announced.start()]):
                announced = None    # «… se analiza en el dictamen del punto siguiente» names, not moves
            if announced:
                numero = _item_by_title(text[announced.end():], orden)
            if numero is None and numbers and announced:
                line = paragraph.linea
                if _PARSE_PUNTOS_RE.search(folded) and len(text) > 40:
                    line = paragraph.ultima_linea + 1
                following.append(line)
            elif numero is not None and (not numbers or numero in numbers):
                line = paragraph.linea
                if _PARSE_PUNTOS_RE2.search(folded) and len(text) > 80:
                    line = paragraph.ultima_linea + 1   # «…por lo que continuó con el desahogo del tercer punto.»
                if not markers or markers[-1][1] != numero:
                    markers.append((line, numero))
        markers = self._implicit_markers(orden, markers)
        if orden and (not markers or markers[0][1] != orden[0][0]):
            markers.insert(0, (0, orden[0][0]))
        return _advance_markers(markers, following, numbers)

    def _body_numbered(self, numbers, agenda_start):
        """Whether the body numbers its paragraphs beyond the agenda («1.» … «26.» under an
        agenda of seven items): then those numbers are paragraphs, not items."""
        if not numbers:
            return False
        beyond = 0
        for paragraph in self.paragraphs:
            if paragraph.linea in self.agenda_lines or paragraph.linea < agenda_start:
                continue
            match = BODY_NUMBER_RE.match(paragraph.text)
            if match and int(match.group(1)) > max(numbers):
                beyond += 1
        return beyond >= 2

    def _implicit_markers(self, orden, markers):
        """Items the body never announces by number but whose subject a decision names: 'En
        votación económica, el orden del día se aprobó por unanimidad' is item 2, «Aprobación
        del orden del día», when the body has not moved past it."""
        marked = {n for _, n in markers}
        start = max(self.agenda_lines) if self.agenda_lines else 0
        for numero, titulo, _ in orden:
            if numero in marked:
                continue
            key = _subject_key(titulo)
            if key is None:
                continue
            opens = key.startswith("^")
            before = [l for l, n in markers if n < numero]
            after = [l for l, n in markers if n > numero]
            low = max(before + [start])
            high = min(after + [10 ** 9])
            for paragraph in self.paragraphs:
                if low < paragraph.linea < high and _compiled(key).search(fold(strip_label(paragraph.text))) and \
                        (opens or _IMPLICIT_MARKERS_RE.search(paragraph.plegado)):
                    # The agenda is voted right after it is read: the item starts there.
                    at_agenda = "orden del dia" in key and low == start
                    markers.append((low + 1 if at_agenda else paragraph.linea, numero))
                    break
        markers.sort()
        return markers

    def _mark_voters(self, asistentes, votaciones):
        """Who votes: the committee's members, and whoever casts a nominal ballot."""
        voters = {v["nombre"] for votacion in votaciones for v in votacion["votos"]}
        for persona in asistentes:
            if persona.rol == "integrante" or display_name(persona.nombre) in voters:
                persona.con_voto = True


# ---- helpers used by several readers ---------------------------------------------------------

@functools.lru_cache(maxsize=64)
def _compiled(pattern, flags=0):
    """A pattern given as an argument, compiled once."""
    return re.compile(pattern, flags)


def _after(text, pattern):
    match = _compiled(pattern, re.IGNORECASE).search(text)
    return text[match.start():] if match else text


_SESSION_NUMBER_RE = re.compile(r"[ivxlc]+")
_SESSION_NUMBER_RE2 = re.compile(r"\b(numero|no)\s*\.?\s*$")


DATE_AFTER_NUMBER_RE = re.compile(r"\s*(?:\(\w+\)\s*)?de\s+(" + "|".join(
    ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
     "septiembre", "octubre", "noviembre", "diciembre"]) + r")\b")


@functools.lru_cache(maxsize=1 << 10)
def _number_of(token):
    """`to_int`, once per word an acta: the word before every «sesión» («la», «esta», «décima») is
    read as a possible ordinal at each mention, twice."""
    return to_int(token)


def _session_number(match, folded):
    """The session's number from «número 2», «XII», «dos», or an ordinal before «sesión»."""
    token = match.group("numero")
    if token:
        tail = folded[match.end("numero"):match.end("numero") + 20]
        if DATE_AFTER_NUMBER_RE.match(tail):   # «sesión … del 28 de enero»: a day, not a number
            token = None
        elif _SESSION_NUMBER_RE.fullmatch(token) and token in {"i", "c", "l"} and not _SESSION_NUMBER_RE2.search(folded[:match.start("numero")]):
            token = None
    value = _number_of(token) if token else None
    if value is None and match.group("ordinal"):
        value = _number_of(match.group("ordinal"))
        if value is not None and match.group("ordinal").isdigit():
            value = None
    return value if value and value < 500 else None


def _ordinal_value(token):
    value = _number_of(token)
    return value if value and not token.strip(".").isdigit() else None


_REFERS_TO_OTHER_SESSION_RE = re.compile(r"\b(presente|esta) acta de la\s*$")
_REFERS_TO_OTHER_SESSION_RE2 = re.compile(r"\bacta(s)? de la\s*$")
_REFERS_TO_OTHER_SESSION_RE3 = re.compile(r"\b(anterior|pasada|previa|proxima|siguiente|celebrada el|celebrada en)\b")
_REFERS_TO_OTHER_SESSION_RE4 = re.compile(r"\b(anterior|proxima|siguiente|previa)\s*$")


def _refers_to_other_session(mention):
    """«…del Acta de la Sesión Ordinaria número 1 …, celebrada el martes 22 de diciembre»:
    a mention of another session, not this one («la presente acta de la sesión…» is this one)."""
    before, after = mention[5], fold(mention[6])
    if _REFERS_TO_OTHER_SESSION_RE.search(before):
        return False
    if _REFERS_TO_OTHER_SESSION_RE2.search(before) and not mention[4]:
        return True
    if _REFERS_TO_OTHER_SESSION_RE3.search(after[:40]) \
            and not mention[4]:
        return True
    return bool(_REFERS_TO_OTHER_SESSION_RE4.search(before))


_IS_REFERENCE_DATE_RE = re.compile(r"(celebrada|celebrado|aprobad[oa]|emitid[oa]|publicad[oa]|de fecha|fechad[oa]|"
                          r"mediante|acuerdo|publicacion|desde el|hasta el|a partir del?|plazo)\b[^.]*$")


def _is_reference_date(text, start):
    """A date that dates something else: 'celebrada el martes 22 de diciembre de 2020', 'el
    acuerdo de fecha…', 'aprobado el…'."""
    before = fold(text[max(0, start - 45):start])
    return bool(_IS_REFERENCE_DATE_RE.search(before))


def _join_heading(paragraphs):
    """The heading as one text; lines in capitals are separate elements of a letterhead
    («INSTITUTO … | CONSEJO DISTRITAL ELECTORAL 08 | CIUDAD JUÁREZ, CHIHUAHUA»), mixed-case
    lines are a title wrapped over several lines."""
    text = ""
    for index, paragraph in enumerate(paragraphs):
        if index:
            upper = paragraph.text.isupper() or paragraphs[index - 1].text.isupper()
            text += " | " if upper else " "
        text += paragraph.text
    return text


def _organo_in(text, instituto=None):
    for match in _ORGANO_RE.finditer(text):
        organo = " ".join(match.group(1).split())
        if len(organo.split()) < 2:
            continue
        organo = display_name(organo) if organo.isupper() else organo
        if instituto and fold(organo) in fold(instituto):
            continue
        return organo
    return None


_ORGANO_RE = re.compile(r"((?:Comit[ée]|Comisi[óo]n|Consejo|Junta|Pleno|COMIT[ÉE]|COMISI[ÓO]N|CONSEJO|JUNTA|PLENO)"
                      r"(?:[\s,]+(?:(?:de|del|la|las|los|y|para|el|DE|DEL|LA|LAS|LOS|Y|PARA|EL)\b|"
                      r"[A-ZÁÉÍÓÚ][\wáéíóúñÁÉÍÓÚÑ]+|\d{1,3}\b))*?)"
                      r"(?=\s+(?:del|de la|DEL|DE LA)\s+(?:Instituto|INSTITUTO|Organismo|ORGANISMO|Suprema|SUPREMA|"
                      r"Congreso|CONGRESO|Tribunal|TRIBUNAL|Consejo General|Comisi[óo]n Estatal)|\s*\(|\s*[.;:]|"
                      # «Comisión de Organización, Informática y Estadística»: a comma inside a list of names
                      r"\s*,(?!\s+[A-ZÁÉÍÓÚ][\wáéíóúñ]+(?:,\s+[A-ZÁÉÍÓÚ][\wáéíóúñ]+)*\s+(?:y|Y|E|e)\s+[A-ZÁÉÍÓÚ])|"
                      r"\s+(?:en|celebrad)|"
                      r"\s+(?:Proceso|PROCESO|Acta|ACTA|Sesi[óo]n|SESI[ÓO]N|Anexo|ANEXO)\b|\s*\||\s*$)")


_INSTITUTO_IN_RE = re.compile(r"((?i:Instituto|Organismo P[úu]blico Local|Suprema Corte|Congreso|"
                      r"Tribunal|Comisi[óo]n Estatal Electoral|Consejo Estatal Electoral)"
                      r"(?:\s+(?:(?:de|del|la|las|los|y|para|el|DE|DEL|LA|LAS|LOS|Y|PARA|EL)\b|[A-ZÁÉÍÓÚ][\wáéíóúñÁÉÍÓÚÑ]+))*)")
_INSTITUTO_IN_RE2 = re.compile(r"\s+(?:Proceso|PROCESO|ACTA|Acta|ANEXO|Anexo|Sesi[óo]n|SESI[ÓO]N|Comit[ée]|COMIT[ÉE]|"
                         r"Comisi[óo]n|COMISI[ÓO]N|Consejo|CONSEJO|Junta|JUNTA|Pleno|PLENO|Secretar[íi]a|SECRETAR[ÍI]A|"
                         r"Direcci[óo]n|DIRECCI[ÓO]N|Unidad|UNIDAD)\b|\s*\|")
_INSTITUTO_IN_RE3 = re.compile(r"\s+(?:de|del|la|y|DE|DEL|LA|Y)$")


def _instituto_in(text):
    match = _INSTITUTO_IN_RE.search(text)
    if not match:
        return None
    instituto = " ".join(match.group(1).split())
    instituto = _INSTITUTO_IN_RE2.split(instituto)[0]
    instituto = _INSTITUTO_IN_RE3.sub("", instituto)
    return display_name(instituto) if instituto.isupper() else instituto


_PROCESO_IN_RE = re.compile(r"(Proceso(?:\s+(?:Local|Federal|Estatal))?\s+Electoral(?:[\s,]+(?!\d)[\wÁÉÍÓÚáéíóúñÑ]+){0,10}?"
                      r"\s+\d{4}(?:\s*[-–]\s*\d{4})?)\b", re.IGNORECASE)
_PROCESO_IN_RE2 = re.compile(r"\s*-\s*")


def _proceso_in(text):
    match = _PROCESO_IN_RE.search(text)
    if not match:
        return None
    proceso = " ".join(match.group(1).replace("–", "-").split())
    proceso = _PROCESO_IN_RE2.sub("-", proceso)
    return display_name(proceso) if proceso.isupper() else proceso


# «1. Lista…», «IV.- …», «a) …», «1°. …», «PRIMERO.- Lista…».
AGENDA_ITEM_RE = re.compile(rf"^\s*(?:punto\s+)?(?P<num>\d{{1,2}}(?:\s?[°º]|o\.)?|[IVXLC]{{1,7}}|[A-Z]|{ORDINAL_WORDS_RE})"
                            rf"\s*(?:[.)\-–:]|\.-|\.–)\s+(?P<titulo>\S.*)$", re.IGNORECASE)


def _agenda_items(lines, start):
    """Numbered items from `start` (0-based), joining wrapped lines; stops at the first paragraph
    that is not part of the list."""
    items, used, current, blank, letters = [], set(), None, 0, False
    index = start
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            blank += 1
            index += 1
            if blank > 3 and items:
                break
            continue
        match = AGENDA_ITEM_RE.match(line)
        number = None
        if match:
            token = match.group("num")
            if len(token) == 1 and token.isalpha() and token.upper() not in "IVXLC":
                number, letters = ord(token.upper()) - 64, True
            elif len(token) == 1 and token.isalpha() and letters:
                number = ord(token.upper()) - 64
            else:
                number = to_int(token)
        expected_next = (items[-1][0] + 1) if items else None
        if match and number is not None and (not items or number == expected_next or (number <= 1 and not items)):
            current = [number, match.group("titulo").strip(), index + 1]
            items.append(current)
            used.add(index + 1)
        elif items and current is not None and _continues_item(current[1], line, blank):
            current[1] += " " + line
            used.add(index + 1)
        elif not items and blank == 0 and index - start < 3:
            pass
        else:
            break
        blank = 0
        index += 1
    return [(n, _clean_title(t), l) for n, t, l in items], used


LIST_OPENING_RE = re.compile(r"^\W*(?:uno|primero)\s*[.,)-]\s+\w")
FIELD_LABEL_RE = re.compile(r"^[\wÁÉÍÓÚáéíóúñ ]{2,30}:")
HEADING_ITEM_RE = re.compile(rf"^\W*punto\s+(?:numero\s+|no\.?\s*)?(?P<n>\d{{1,2}}|[ivxl]{{1,6}}|{NUMBER_WORDS_RE}|\w+o)\s*(?:\.-|[.:\-–—])\s*(?P<t>\S.*)$")


_SENTENCE_CASE_RE = re.compile(r"[\d/]")
_SENTENCE_CASE_RE2 = re.compile(r"(?:[A-Z]\.){2,}")


def sentence_case(text):
    """«LECTURA Y, EN SU CASO, APROBACIÓN DEL DICTAMEN CTA-PREP/DIC/02/2018» -> «Lectura y, en su
    caso, aprobación del dictamen CTA-PREP/DIC/02/2018»: claves and acronyms keep their capitals."""
    from etl.personas import KEEP_UPPER

    words = []
    for index, word in enumerate(text.split()):
        bare = word.strip(".,;:()")
        if _SENTENCE_CASE_RE.search(word) or bare in KEEP_UPPER or _SENTENCE_CASE_RE2.fullmatch(bare + "."):
            words.append(word)
        else:
            words.append(word.lower() if index else word[:1] + word[1:].lower())
    return " ".join(words)


def _continues_item(title, line, blank):
    """A wrapped line of an agenda item: right below it and the item not finished with «;» or
    «.», or after a blank line but starting in lower case."""
    if len(line) > 400:
        return False
    if blank:
        return line[0].islower()
    return line[0].islower() or not title.rstrip().endswith((";", ".", ":"))


_INLINE_AGENDA_RE = re.compile(r"\W*(uno|primero)\s*[,.)-]")
_INLINE_AGENDA_RE2 = re.compile(r"(?:^|\s)(\d{1,2}|[IVX]{1,5})[.)]\s+")
_INLINE_AGENDA_RE3 = re.compile(r"(?<=[a-z]{3})\.\s+(?=[A-Z])")


def _inline_agenda(paragraph, offset):
    """'…bajo el siguiente orden del día: 1. Lista de asistencia; 2. Declaración del quórum; …'."""
    text = paragraph.text[offset:]
    if _INLINE_AGENDA_RE.match(fold(text)):
        return _inline_agenda_in_words(paragraph, offset)
    parts = _INLINE_AGENDA_RE2.split(text)
    items = []
    for index in range(1, len(parts) - 1, 2):
        number = to_int(parts[index])
        if number != len(items) + 1:
            break
        title = _INLINE_AGENDA_RE3.split(parts[index + 1])[0]
        items.append((number, _clean_title(title), paragraph.linea_at(offset)))
    return items


_INLINE_AGENDA_IN_WORDS_RE = re.compile(r",\s*$")
_INLINE_AGENDA_IN_WORDS_RE2 = re.compile(r"(?<=[\w)])\.\s+(?=[A-ZÁÉÍÓÚ])")


_INLINE_AGENDA_SPLIT_RE = re.compile(rf"(?:^|[;:]\s*|(?<=\w)\.\s+|,\s+y\s+|\s+y\s+)\W*({NUMBER_WORDS_RE}|{ORDINAL_WORDS_RE})\s*[,.)-]\s+")


def _inline_agenda_in_words(paragraph, offset):
    """'…los puntos siguientes: uno, lista de asistencia…; dos, lectura…; …, y cinco, clausura de
    la sesión.', 'Uno. Lista de asistencia… Dos. Lectura… Cinco. Proyecto… Es cuanto, Presidenta.'"""
    text = paragraph.text[offset:]
    pieces = _INLINE_AGENDA_SPLIT_RE.split(fold(text))
    items, cursor = [], 0
    for index in range(1, len(pieces) - 1, 2):
        number = to_int(pieces[index])
        if number != len(items) + 1:
            break
        start = fold(text).find(pieces[index + 1], cursor)
        cursor = start + len(pieces[index + 1])
        title = text[start:cursor].strip(" ;,.")
        title = _INLINE_AGENDA_IN_WORDS_RE.sub("", title)
        if index + 2 >= len(pieces) - 1:   # the last item ends at its sentence: «… 045/2024. Es cuanto.»
            title = _INLINE_AGENDA_IN_WORDS_RE2.split(title)[0]
        items.append((number, _clean_title(title[:1].upper() + title[1:]), paragraph.linea_at(offset + start)))
    return items


def _clean_title(title):
    title = " ".join(title.split()).strip(" ;,.")
    return title


# «3. Lectura y aprobación del acta…» repeated in the body as the item's heading.
NUMBERED_LINE_RE = re.compile(r"^\s*(?:punto\s+)?(?P<n>\d{1,2}|[ivxl]{1,6})\s*(?:[.)\-–]|\.-)\s+\S")
# Each but the numbered line holds «punto»: `compilar` skips them on a paragraph without it.
PUNTO_MARKER_RES = [
    compilar(rf"\bpunto\s+(?:del\s+orden\s+del\s+dia\s+)?(?:que\s+corresponde\s+|es\s+|corresponde\s+)?"
               rf"(?:(?:el|al)\s+)?(?:(?:numero|no\.?|num\.?)\s+)?(?P<n>\d{{1,2}}\b|[ivxl]{{1,6}}\b|{NUMBER_WORDS_RE}\b)"),
    compilar(r"\b(?P<n>\w+)\s+punto\s+del\s+orden\s+del\s+dia"),
    compilar(r"\b(?:el|del|al)\s+(?P<n>(?:primer|segundo|tercer|cuarto|quinto|sexto|septimo|octavo|noveno|decimo|undecimo|"
               r"duodecimo)\w*(?:\s+\w+o)?)\s+punto\b"),
    NUMBERED_LINE_RE,
    compilar(rf"^\s*punto\s+(?:numero\s+|no\.?\s*)?(?P<n>\d{{1,2}}|[ivxl]{{1,6}}|{NUMBER_WORDS_RE}|\w+)\b"),
    # «Informe de actividades de abril (punto 4).»: a heading that names its item in parentheses.
    compilar(rf"^[^.]{{0,160}}\(punto\s+(?P<n>\d{{1,2}}|[ivxl]{{1,6}}|{NUMBER_WORDS_RE})\)\W*$"),
    # «En desahogo del punto TERCERO», «se pasó al punto SÉPTIMO»: the item by its ordinal.
    compilar(rf"\b(?:del|al|el|en)\s+punto\s+(?P<n>{ORDINAL_WORDS_RE})\b"),
]
BODY_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\.\s+[A-ZÁÉÍÓÚ]")
PUNTO_CONTEXT_RE = compilar(r"^\W*(?:\w+\s+){0,5}(?:en\s+)?(?:el|del|al)\s+(?:\w+\s+)?punto\b|siguiente punto|punto del orden|orden del dia|desahogo|pasamos al|pasando al|"
                              r"continuamos con|continuando con|en relacion (con|al)|punto numero|^\s*punto\b|"
                              r"corresponde al|procede al|siguiente asunto|\(punto \w+\)\W*$")


_PUNTO_MARKER_RE = re.compile(r"^\s*(\d{1,2}|[ivxl]{1,6})\s*[.)\-–]")
_PUNTO_MARKER_RE2 = re.compile(r"^\s*(?:punto\s+)?(?:\d{1,2}|[ivxl]{1,6})\s*(?:\.-|-|\.–)")


def _punto_marker(text, orden, body_numbered=False):
    """The agenda item a paragraph opens, or None. When the body numbers its own paragraphs
    («1.» to «26.»), a paragraph's number is not an item's."""
    folded = fold(text)
    head = folded[:400]
    if not PUNTO_CONTEXT_RE.search(head) and not _PUNTO_MARKER_RE.match(head):
        return None
    for index, regex in enumerate(PUNTO_MARKER_RES):
        match = next((m for m in regex.finditer(head) if not _decimal_point(head, m)), None)
        if not match:
            continue
        token = match.group("n")
        value = to_int(token)
        if value is None:
            continue
        if regex is NUMBERED_LINE_RE and body_numbered:
            continue
        if regex is NUMBERED_LINE_RE and orden:
            title = next((t for n, t, _ in orden if n == value), None)
            strong = _PUNTO_MARKER_RE2.match(head)
            if title is None or not (strong or _similar_title(title, text)):
                continue
        return value
    return None


def _decimal_point(head, match):
    """«noventa y siete punto dos por ciento»: «punto» between two numbers is a decimal point,
    not an agenda item."""
    before = head[:match.start()].split()
    return bool(before) and "punto" in match.group(0)[:12] and to_int(before[-1]) is not None


NEXT_ITEM_RE = compilar(r"\b(?:siguiente punto|punto siguiente)\b(?:\s+del\s+orden\s+del\s+dia)?")
_TITLE_STOP = {"lectura", "caso", "aprobacion", "presentacion", "proyecto", "para", "sobre", "desde", "entre", "relativo",
               "relativa", "cual", "conforme", "discusion", "analisis", "emision"}


_ITEM_BY_TITLE_RE = re.compile(r"[\w/.-]+")
_ITEM_BY_TITLE_RE2 = re.compile(r"\b[A-Z]{2,}[\w]*(?:[/.\-][\w]+){2,}")
_ITEM_BY_TITLE_RE3 = re.compile(r"\w+")


def _item_by_title(text, orden):
    """The agenda item a «siguiente punto es …» announcement names by its title: «El siguiente
    punto es el Proyecto de Acuerdo IEEH/CG/199/2024, por el que …» is the item with that
    clave or those words; None when no item stands out."""
    window = fold(text[:400])
    got = set(_ITEM_BY_TITLE_RE.findall(window))
    best, best_score = None, 0.0
    for numero, titulo, _ in orden:
        claves = _ITEM_BY_TITLE_RE2.findall(titulo)
        if claves and all(fold(c) in window for c in claves):
            return numero
        want = [w for w in _ITEM_BY_TITLE_RE3.findall(fold(titulo))[:14] if len(w) > 3 and w not in _TITLE_STOP][:8]
        if len(want) < 2:
            continue
        score = sum(1 for w in want if w in got) / len(want)
        if score > best_score:
            best, best_score = numero, score
    return best if best_score >= 0.7 else None


def _advance_markers(markers, following, numbers):
    """«El siguiente punto es el proyecto de acta…»: one item past the one in force there."""
    for line in sorted(following):
        current = None
        for start, numero in sorted(markers):
            if start > line:
                break
            current = numero
        nxt = (current or 0) + 1
        if nxt in numbers and not any(n == nxt and start <= line for start, n in markers):
            markers.append((line, nxt))
    return sorted(markers)


_SUBJECT_KEY_RE = re.compile(r"asuntos generales\b")
_SUBJECT_KEY_RE2 = re.compile(r"\bactas?\b")
_SUBJECT_KEY_RE3 = re.compile(r"\b(dictamen|informe)\b")


def _subject_key(titulo):
    """What a body paragraph says when it deals with an item that has no number announced."""
    folded = fold(titulo)
    if _SUBJECT_KEY_RE.match(folded):
        return r"^\W*(?:en\s+(?:el\s+(?:punto|apartado)\s+de\s+)?|respecto\s+(?:de|a)\s+(?:los\s+)?)?asuntos generales\b"
    if "orden del dia" in folded:
        return r"\borden del dia\b"
    if _SUBJECT_KEY_RE2.search(folded) and not _SUBJECT_KEY_RE3.search(folded):
        return r"\bactas?\b(?! de la presente)"
    return None


def _similar_title(title, text):
    want = {w for w in fold(title).split()[:8] if len(w) > 3}
    got = set(fold(text[:300]).split())
    if len(want & got) >= max(2, int(0.6 * len(want))):
        return True
    # A heading in capitals names the item's subject without the agenda's verbs: «IV. PLAN DE
    # TRABAJO Y CALENDARIO DE SESIONES DEL COMITÉ» for «Presentación y, en su caso, aprobación
    # del Plan de Trabajo y Calendario de Sesiones del Comité».
    palabras = {w for w in re.findall(r"[a-z]{4,}", fold(text[:300]))}
    return text.isupper() and len(palabras) >= 2 and palabras <= set(re.findall(r"[a-z]{4,}", fold(title)))
