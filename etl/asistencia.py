"""Who attended: the roster, the signatures, people named in prose, arrivals and departures.

    parse_asistentes(lector) -> [Persona]

Reads, in order: roster lines in any layout (columns, «Nombre — Cargo», «Partido X: C. Nombre,
representante propietario», «Nombre, representante suplente del PAN, presente», name over cargo)
under their section headers («INTEGRANTES…», «REPRESENTANTES…», «INVITADOS:», «AUSENTES:»);
the signatures after «C O N S T E» (fuller names, calidad and party of late arrivals); people
named in prose as present or absent; speakers' labels; and arrivals and departures placed at the
agenda item under way.
"""
import functools
import re

from etl.estructura import pares, speaker_of
from etl.texto import BULLET_ITEM_RE, TITLE_AT_END_RE
from etl.frases import (AUSENCIA_OTRA_SESION, ASISTENCIA_NO, ASISTENCIA_SI, AUSENCIA, LLEGADA, LLEGADA_ANUNCIADA, PRESENCIA, PROPIA_VOZ,
                        SUSTITUCION,
                        RETIRO, RETIRO_DE_PUNTO)
from etl.numeros import to_int
from etl.patrones import compilar
from etl.vocabulario import fold as fold_accents
from etl.personas import (first_titled_name, same_person, speaker_label, strip_label, GRADO_RE, NAME_ONLY_RE, TITLED_NAME_RE, Persona, calidad_of, canonical_grado,
                          clean_name, display_name, fold, looks_like_name, name_after_cargo, name_words, names_in,
                          resolve,
                          rol_of)

# Through `compilar` (etl/patrones.py): a line without one of the words a section's name must hold
# («represent», «invitad»…) is answered without a search; most lines name no section.
SECTION_RES = [
    (compilar(r"\b(ausentes?|inasistencias?|no asistieron|no asisten|no asistio|no presentes)\b"), "ausente"),
    (compilar(r"\b(invitad[oa]s?|tambien asisten|otros asistentes|asistentes invitados)\b"), "invitado"),
    (compilar(r"\b(representantes?|representaciones)( de (los )?partidos| partidistas)?\b|\bpartidos politicos\b"),
     "representante"),
    (compilar(r"\b(integrantes|asesores|asesoras|asesoria|miembros|consejeras|consejeros|vocales)\b"), "integrante"),
    (compilar(r"^\W*secretari[oa]s?( tecnic[oa]s?| ejecutiv[oa]s?)?( del (comite|consejo|comision))?\W*$"), "secretario"),
    (compilar(r"\b(presentes|asistentes|lista de asistencia|asistencia|pase de lista)\b"), "presente"),
]
PARENTHESIS_RE = re.compile(r"\s*\([^)]*\)")
CARGO_START_RE = re.compile(
    r"^(el |la |los |las )?(asesor|secretari|represent|rpte|rep\b|consejer|invitad|integrante|vocal|president|"
    r"titular|director|coordinador|jef[ea]|encargad|auxiliar|comisionad|miembro|partido|tecnic|personal|"
    r"propietari|suplente|ministr|diputad|magistrad)")
BALLOT_RE = compilar(r"\b(a favor|en contra|me abstengo|abstencion)\b")   # «favor», «contra», «absten» first
ROLL_CALL_RE = re.compile(r"[:.\-–—]\s*(presente|aqu[ií]|ausente)\b[^:]{0,40}$", re.IGNORECASE)
ARRIVAL_RE = LLEGADA             # phrase families search like compiled patterns, with a fast pre-test
DEPARTURE_RE = RETIRO
ABSENCE_RE = AUSENCIA

ACTION_RE = re.compile(
    r"^(?:,[^,;.]{0,90},)?\s*(?:quien\s+)?(?:present[oó]|expus?o|inform[oó]|intervino|manifest[oó]|pregunt[oó]|"
    r"senal[oó]|propus?o|solicit[oó]|pidi[oó]|coment[oó]|explic[oó]|rindi[oó]|tom[oó] (?:la|el) (?:protesta|uso)|"
    r"hizo uso de la voz|dio lectura|agradeci[oó]|expres[oó]|indic[oó]|aclar[oó]|observ[oó]|se comprometi[oó]|"
    r"respondi[oó]|precis[oó]|mencion[oó]|destac[oó]|detall[oó]|realiz[oó])\b")
PRESENCE_RE = PRESENCIA


def parse_asistentes(lector):
    """The people of the session; see the module docstring."""
    reader = _Asistencia(lector)
    return reader.read()


_READ_ROSTER_LINES_RE = re.compile(r"\b[a-záéíóúñ]{4,}\b")
_READ_TABLE_RE = re.compile(r"represent")
_SIGNATURE_PAIRS_RE = re.compile(r"\t+|\s{3,}")
_ADD_ENTRY_RE = re.compile(r"secretari")
_ADD_ENTRY_RE2 = re.compile(r"represent|rpte|partido")
_PARTY_BEFORE_RE = re.compile(r"[;:]")
_PARTY_BEFORE_RE2 = re.compile(r"\bpor\b|partido|representaci")
_PARTIDO_RE = re.compile(r"(?i)\b(representante|rpte|rep|propietari[oa]|suplente|prop|sup|del|de la|de|partido|"
                          r"pol[ií]tico|presente|presencial|virtual)\b\.?")
_PARTIDO_RE2 = re.compile(r"represent|rpte|partido|\bp\.")
_PARTIDO_RE3 = re.compile(r"\b(?:del|de)\s+(?:partido\s+(?:pol[ií]tico\s+)?)?((?:Partido\s+)?[A-ZÁÉÍÓÚ][\wÁÉÍÓÚáéíóúñ.]*(?:\s+(?:de|del|la|las|los|y|a|en|por|el|[A-ZÁÉÍÓÚ][\wáéíóúñ.]*))*)")
_PARTIDO_RE4 = re.compile(r"represent|rpte")
_READ_PROSE_PRESENCE_RE = re.compile(r"como invitad|calidad de invitad|a invitacion|no integra|no forma parte")
_READ_MOVEMENTS_RE = re.compile(r"\b(se )?(incorporar|integrar|conectar|sumar)(a|ia|an|ian)\b")


_MOVEMENT_NAMES_RE = re.compile(rf"(?<![\w.])(?P<grado>{GRADO_RE})\s+(?P<apellido>[A-ZÁÉÍÓÚ][a-záéíóúñ]+)\b(?!\s+[A-ZÁÉÍÓÚ])")


class _Asistencia:
    def __init__(self, lector):
        self.lector = lector
        self.doc = lector.doc
        self.people = []
        self.signers = []
        self._prose_tails = set()
        self.closing = lector.closing_line or len(self.doc.lines) + 1
        # Each line without its margins, and the index of the first line with text from each
        # index on (len(lines) when none): the roster reader asks for both around every line.
        self._stripped = self.doc.stripped   # every line stripped, made once by Texto
        self._indents = [len(line) - len(line.lstrip()) for line in self.doc.lines]
        self._filled_from = [len(self._stripped)] * (len(self._stripped) + 1)
        for index in range(len(self._stripped) - 1, -1, -1):
            self._filled_from[index] = index if self._stripped[index] else self._filled_from[index + 1]

    def read(self):
        paragraphs = [p for p in self.lector.paragraphs if p.linea < self.closing]
        self._pairs = pares(paragraphs, lambda text: called_person(text) is not None)
        self._call_lines = {line for par in self._pairs
                            for p in paragraphs if p.linea == par.linea for _, line in p.spans}
        self._read_roster_lines()
        self._read_roll_call()
        self._read_prose_presence()
        self._read_substitutions()
        self._read_actors()
        self._read_speakers()
        self._read_movements()
        self._merge_signers()
        self._check_parties()
        return self.people

    # ---- roster lines ------------------------------------------------------------------------

    def _read_roster_lines(self):
        """Walk the lines keeping the section header in force."""
        lines = self.doc.lines
        section = None
        skip = set()
        bare = 0   # the last heading or name read without a cargo line: names listed one under another
        for tabla in self.doc.tablas:
            if self._read_table(tabla):
                skip |= tabla.lineas
        agenda_lines, call_lines = self.lector.agenda_lines, self._call_lines
        for index, line in enumerate(lines):
            number = index + 1
            text = self._stripped[index]
            if not text or number in skip or number in agenda_lines or number in call_lines:
                continue
            if len(text) > 200:
                section = None
                continue
            following = self._next_line(number)   # asked once: the heading, the entry and its cargo line
            header = _section_of(text) or self._heading_by_layout(number, following)
            if header:
                section, bare = header, number
                continue
            if self._continues_prose(index):
                continue
            if self._signature_pairs(index, text, skip, section, following):
                continue
            entry, used_next = _roster_entry(text, following[1] if following else None, section)
            if used_next and self._heading_below(number, following, section, bare == number - 1):
                entry, used_next = _roster_entry(text, None, section)   # the heading governs the names below it
            if entry is None:
                if len(text) > 40 and not text.isupper() and not _is_columns(line) and _READ_ROSTER_LINES_RE.search(text):
                    section = None   # prose closes a roster section («AUSENTES:» stops here)
                continue
            if used_next and following:
                skip.add(following[0])
            elif not entry.get("cargo"):
                bare = number
            entry["linea"] = number
            self._add_entry(entry, section, signature=number >= self.closing)

    def _heading_by_layout(self, number, after):
        """A line that names a group and stands over the indented names it governs is a heading,
        even long and without a colon. Expecting lines like:
            Representaciones de los partidos políticos ante el Consejo General
                PAN       Lic. Daniel Alonso Rivera Mireles, propietario
        `after`: `_next_line(number)`."""
        if not after or self._indents[after[0] - 1] <= self._indents[number - 1]:
            return None   # the cheap test first: most lines have no indented line below
        header = _section_words(self._stripped[number - 1])
        return header if header and _roster_entry(after[1], None, header)[0] else None

    def _heading_below(self, number, following, section, listed):
        """Whether the line below the name on line `number` heads the names that follow it (a
        heading governs the rows below it until the next heading) rather than being that name's
        cargo. Expecting a roster like:
                Mtra. Lorena Patricia Esparza Muro
            Secretaria Técnica
                Mtro. Julio César Saucedo Ibarra
        It is a heading when it names a group other than the one in force, names stand under it,
        and it is set apart from the name above: a blank line between them, a smaller indent, a
        final colon, or a name above that is one of a list of names without cargo lines
        (`listed`). «Secretario Técnico» under a signature keeps being its signer's cargo."""
        line_no, text = following
        if not (listed or line_no > number + 1 or text.endswith(":")
                or self._indents[line_no - 1] < self._indents[number - 1]):
            return False   # right under the name, as a cargo is written: «Mtra. X⏎Secretaria Técnica»
        header = _section_words(text)
        if not header or header == section:
            return False   # «Representante del PAN» under a name in the representatives' list is a cargo
        after = self._next_line(line_no)
        return bool(after) and _roster_entry(after[1], None, header)[0] is not None

    def _read_table(self, tabla):
        """A roster table (any source: Word, Markdown, ASCII grid, PDF cells): one person per row
        with a name column and a cargo, party or attendance column. Expecting rows like:
        'Lic. Pablo César Contreras Ayala⇥Representante⇥PAN⇥Propietario⇥Asistió'. True when it
        was one."""
        if tabla.columna("sentido") is not None or not {"cargo", "partido", "asistencia"} & set(tabla.tipos):
            return False
        read = 0
        for fila in tabla.filas:
            person = _person(fila.get(tabla, "nombre").split(",")[0])
            if not person:
                continue
            cargo = fila.get(tabla, "cargo")
            partido = fila.get(tabla, "partido")
            entry = {"grado": person[0], "nombre": person[1], "cargo": cargo, "linea": fila.linea,
                     "calidad_texto": fila.get(tabla, "calidad")}
            section = None
            if partido:
                entry["partido_texto"] = partido
                section = "representante" if not cargo or _READ_TABLE_RE.search(fold_accents(cargo)) else None
            estado = fold_accents(fila.get(tabla, "asistencia"))
            if estado:
                if ASISTENCIA_NO.match(estado):
                    entry["presente"] = False
                elif ASISTENCIA_SI.match(estado):
                    entry["presente"] = True
                else:
                    self.lector.aviso(f"No se entiende la asistencia «{fila.get(tabla, 'asistencia')}» de "
                                      f"{display_name(person[1])}.", fila.linea)
            self._add_entry(entry, section, signature=fila.linea >= self.closing)
            if LATE_CELL_RE.search(estado):
                persona = resolve(person[1], self.people)
                if persona:
                    persona.tarde = True
            read += 1
        rows = sum(1 for fila in tabla.filas if any(c.strip() for c in fila.celdas))
        if read and read < rows - 1:
            self.lector.aviso(f"La tabla de asistencia tiene {rows} filas y se leyeron {read} personas.", tabla.linea)
        return read > 0

    def _read_roll_call(self):
        """A roll call as a dialogue: the Secretario names each member, the member answers on the
        next turn. Expecting text like:
            El C. Secretario Ejecutivo: Por el Partido Acción Nacional, licenciado Ernesto Damián
            Cortés Zamudio, representante propietario.
            El C. Ernesto Damián Cortés Zamudio: Presente, buenas noches.
        A call met with «(No se escucha respuesta)» is an absence, unless the person arrives later.
        «Y el de la voz, Octavio Raúl Sánchez Peralta, Secretario Ejecutivo.» is the caller."""
        paragraphs = [p for p in self.lector.paragraphs if p.linea < self.closing]
        previous = None
        for par in self._pairs:
            if par.tipo == "voto":
                continue
            entry = called_person(par.llamado)
            entry["linea"] = par.linea
            entry["presente"] = par.tipo == "lista"
            section = None
            if previous and not entry["cargo"] and not entry.get("partido_texto") and \
                    not previous.get("partido_texto") and par.linea - previous["linea"] < 12 and \
                    rol_of(previous["cargo"], None, self.lector.organo) == "integrante":
                section = "integrante"   # called in the run of the consejeros, with no cargo of their own
            self._add_entry(entry, section, signature=False)
            previous = entry if entry["cargo"] or section is None else dict(entry, cargo=previous["cargo"])
        self._check_answers(paragraphs)
        for paragraph in paragraphs:
            speaker = speaker_of(paragraph.text)
            body = paragraph.text[speaker[1]:] if speaker else paragraph.text
            if len(body) > 200:
                continue   # the length first: the phrase is searched only in short turns
            match = PROPIA_VOZ.search(fold_accents(body))
            if not match:
                continue
            entry = called_person(body[match.end():])
            if entry:
                entry["linea"] = paragraph.linea
                self._add_entry(entry, None, signature=False)

    def _check_answers(self, paragraphs):
        """Self-check: a call that names one person, answered on the next turn by someone whose
        answer was not understood, is said in an `aviso`. Expecting a dialogue like:
            El C. Secretario Ejecutivo: Consejera Presidenta, maestra Adriana Lizbeth Monroy Galindo.
            La C. Consejera Presidenta: Buenas tardes a todos.
        Not a call: a line that carries its own answer («Mtra. Esparza Muro, a favor.», the end of
        a nominal vote written in one paragraph). Not an answer: a form field under it
        («Resultado: aprobado por unanimidad.», «Modalidad: Presencial»), whose label names no one."""
        answered = {par.linea for par in self._pairs}
        for current, following in zip(paragraphs, paragraphs[1:]):
            if current.linea in answered:
                continue
            answer_speaker = speaker_of(following.text)
            answer = following.text[answer_speaker[1]:] if answer_speaker else ""
            if not answer_speaker or len(answer) >= 30 or not _names_someone(answer_speaker[0]):
                continue
            speaker = speaker_of(current.text)
            called = current.text[speaker[1]:] if speaker else current.text
            entry = called_person(called) if len(called) < 220 else None
            if not entry or not (entry["grado"] or _is_cargo(entry["cargo"]) or entry.get("partido_texto")) \
                    or called_person(answer):
                continue   # a call names someone by title, cargo or party, not «El VIII A.»
            if BALLOT_RE.search(fold_accents(called)) or ROLL_CALL_RE.search(called):
                continue   # the line is an answer already: «Mtra. Esparza Muro, a favor.»
            self.lector.aviso(f"No se entendió la respuesta «{answer.strip()}» al pase de lista de "
                              f"{display_name(entry['nombre'])}.", following.linea)

    def _continues_prose(self, index):
        """The line right below a long unfinished prose line is that sentence's tail, not a
        roster entry («…y Dra. Claudia Ivonne⏎Martínez Luévano, integrantes de la Comisión; …»),
        and so is the line below such a tail."""
        previous = self._stripped[index - 1] if index else ""
        if not previous or _is_columns(self.doc.lines[index - 1]):
            return False
        if len(previous) >= 60 and TITLE_AT_END_RE.search(previous[-40:]) and not previous.isupper():
            self._prose_tails.add(index)   # «…solicitó al Secretario Técnico de la Comisión, Ing.⏎Jorge …»
            return True
        if previous.endswith((".", ":", ";")) or previous.isupper():
            return False
        if index - 1 in self._prose_tails:
            self._prose_tails.add(index)
            return True
        if len(previous) >= 75 and _roster_entry(previous, None, None)[0] is None:
            self._prose_tails.add(index)
            return True
        return False

    def _signature_pairs(self, index, text, skip, section, following):
        """Two or more signatures side by side: «DRA. X⇥⇥DR. Y» over «ASESORA TÉCNICA⇥ASESOR TÉCNICO»
        (`following`: the line below, as `_next_line` gives it)."""
        if not _may_split(text, 3):
            return False   # one cell: `_SIGNATURE_PAIRS_RE` splits on a tab or three spaces
        cells = [c for c in _SIGNATURE_PAIRS_RE.split(text) if c.strip()]
        if len(cells) < 2 or not all(_PERSON_RE.match(c.strip(" -–—•*,;:")) for c in cells):
            return False   # a cell without a title before it («ASESORA TÉCNICA») is read no further
        people = []
        for cell in cells:
            person = _person(cell)
            if not (person and person[0]):
                return False   # every cell a titled name, or no signatures side by side
            people.append(person)
        cargos = [c for c in _SIGNATURE_PAIRS_RE.split(following[1]) if c.strip()] if following else []
        if len(cargos) == len(cells) and all(_is_cargo(c) for c in cargos):
            skip.add(following[0])
        else:
            cargos = [None] * len(cells)
        for (grado, nombre), cargo in zip(people, cargos):
            entry = {"grado": grado, "nombre": nombre, "cargo": cargo, "linea": index + 1}
            self._add_entry(entry, section, signature=index + 1 >= self.closing)
        return True

    def _next_line(self, number):
        """(number, text) of the first line with text among the three below line `number`, or None."""
        index = self._filled_from[min(number, len(self._stripped))]
        return (index + 1, self._stripped[index]) if index < min(number + 3, len(self._stripped)) else None

    def _add_entry(self, entry, section, signature):
        cargo = entry.get("cargo") or ""
        presente = entry.get("presente", section != "ausente")
        role_section = section if section in ("integrante", "representante", "invitado") else None
        if section == "secretario":
            cargo = cargo if _ADD_ENTRY_RE.search(fold(cargo or "")) else f"Secretario Técnico, {cargo or ''}".strip(", ")
        partido = self._partido(cargo + " " + (entry.get("partido_texto") or ""), entry["linea"],
                                representante=section == "representante" or rol_of(cargo) == "representante")
        persona = Persona(
            nombre=entry["nombre"], grado=entry.get("grado"), cargo=_clean_cargo(cargo) or None,
            rol=rol_of(cargo or (entry.get("partido_texto") and "representante") or "", role_section,
                       self.lector.organo),
            partido=partido, calidad=calidad_of(cargo + " " + (entry.get("calidad_texto") or "")),
            presente=presente, linea=entry["linea"],
            origen="firma" if signature else "lista")
        if persona.partido and persona.rol not in ("representante",):
            persona.rol = "representante" if _ADD_ENTRY_RE2.search(fold(cargo + (entry.get("partido_texto") or ""))) else persona.rol
        if signature:
            self.signers.append(persona)
            return
        existing = resolve(persona.nombre, self.people)
        if existing:
            self._enrich(existing, persona)
            if persona.presente != existing.presente and not presente:
                existing.presente = False
            return
        self.people.append(persona)

    def _party_before(self, sentence, start, end=None):
        """«…por el Partido Acción Nacional, la Lic. Karla …, representante propietaria»: the party
        named in the clause right before a name (after the previous name)."""
        end = start if end is None else end
        clause = _PARTY_BEFORE_RE.split(sentence[max(0, end - 120):end])[-1]
        if not _PARTY_BEFORE_RE2.search(fold_accents(clause)):
            return None
        return self.lector.catalogo.resolve(clause)

    def _partido(self, text, linea, representante=False):
        """The canonical party of a cargo («RPTE. SUP. P.V.E.M.»); an unknown party is kept by its
        own name with an aviso («C. KARLA … ⇥HAGAMOS⇥PROPIETARIA» under «REPRESENTACIONES»)."""
        partido = self._catalogued(text)
        if partido:
            return partido
        if representante and rol_of(text) in ("otro", "representante"):
            name = _PARTIDO_RE.sub(" ", text)
            name = " ".join(UNBRACKETED_RE.sub(" ", name).split()).strip(" .,")
            named = re.search(r"\bPartido\s+" + re.escape(name.split()[0]), text) if name else None
            name = f"Partido {name}" if named else name    # «Partido Sinaloense», as the acta names it
            if name and len(name) <= 60:
                self.lector.aviso(f"Partido no reconocido en el catálogo: «{name}»; se conserva como está escrito.", linea)
                return name
        if not _PARTIDO_RE2.search(fold(text)):
            return None
        match = _PARTIDO_RE3.search(text)
        if match and _PARTIDO_RE4.search(fold(text)):
            name = match.group(1).strip(" .")
            acronym = name.replace(".", "") if name.replace(".", "").isupper() and len(name) <= 12 else name
            self.lector.aviso(f"Partido no reconocido en el catálogo: «{name}»; se conserva como está escrito.", linea)
            return acronym
        return None

    def _catalogued(self, text):
        """`catalogo.resolve`, once per text in this acta (every signature without a cargo asks
        it about the same blank)."""
        known = self.__dict__.setdefault("_catalogued_texts", {})
        if text not in known:
            known[text] = self.lector.catalogo.resolve(text)
        return known[text]

    @staticmethod
    def _enrich(existing, other):
        existing.add_spelling(other.nombre)
        existing.grado = existing.grado or other.grado
        existing.cargo = existing.cargo or other.cargo
        existing.partido = existing.partido or other.partido
        existing.calidad = existing.calidad or other.calidad
        if existing.rol == "otro" and other.rol != "otro":
            existing.rol = other.rol

    # ---- people in prose ---------------------------------------------------------------------

    def _opening_limit(self):
        """Prose before the first agenda item past attendance is about who is there from the start.
        Worked out once per list of items (it is asked for every paragraph of a long acta)."""
        cached = getattr(self, "_opening", None)
        if cached is None or cached[0] is not self.lector.puntos:
            puntos = [line for line, numero in self.lector.puntos if line > 0]
            limit = puntos[1] if len(puntos) > 1 else (puntos[0] if puntos else 10 ** 9)
            cached = self._opening = (self.lector.puntos, limit)
        return cached[1]

    def _read_prose_presence(self):
        """'También nos acompañan el Consejero Presidente, M.D. Roberto Herrera Hernández …';
        'no asiste el Lic. Juan Pérez, representante del PRD, por encontrarse en comisión'."""
        for paragraph in self.lector.paragraphs:
            if paragraph.linea >= self.closing or len(paragraph.text) < 30:
                continue
            # «- Lic. X, Representante — Partido del Trabajo — justificó su inasistencia»: a list
            # item, not a speaker's turn, even with a dash after the name.
            body, skipped = (paragraph.text, 0) if BULLET_ITEM_RE.match(paragraph.text) else _body(paragraph.text)
            # Only titled names are counted present or absent, and the titled names of the body
            # are those of its sentences (a name stops at the «.», «;», «!» or «?» that ends a
            # sentence): a body that names no one is passed over before the phrases are searched.
            # The names of the body are kept (`names_in`) and `_read_actors` asks for them again.
            if not names_in(body):
                continue
            folded_paragraph = paragraph.plegado
            # One search for the paragraph before one per sentence. Presence counts only in the
            # opening (below), so later paragraphs are searched for absences alone: an absence
            # phrase in a sentence is one in its paragraph too (the phrases have no anchors).
            if not (AUSENCIA.search(folded_paragraph) or
                    (paragraph.linea < self._opening_limit() and PRESENCIA.search(folded_paragraph))):
                continue
            for sentence, offset in _sentences(body):
                offset += skipped
                folded = fold_accents(sentence)
                absent = ABSENCE_RE.search(folded) and not AUSENCIA_OTRA_SESION.search(folded)
                present = PRESENCE_RE.search(folded) and paragraph.linea < self._opening_limit()
                if not absent and not present:
                    continue
                if ARRIVAL_RE.search(folded) and not absent and paragraph.linea >= self._opening_limit():
                    continue
                previous_end = 0
                for grado, name, start, end in names_in(sentence):
                    cargo = _cargo_near(sentence, start, end)
                    if rol_of(cargo) == "otro":
                        # «las consejeras y los consejeros electorales C. X, Ing. Y y Lic. Z»: a
                        # plural cargo heads the names listed after it, up to the next «;».
                        plural = PLURAL_CARGO_RE.search(sentence[sentence.rfind(";", 0, start) + 1:start])
                        cargo = plural.group(0) if plural else cargo
                    clause_start, previous_end = previous_end, end
                    persona = resolve(name, self.people)
                    linea = paragraph.linea_at(offset + start)
                    if persona is None:
                        rol = rol_of(cargo, None, self.lector.organo)
                        near = fold_accents(sentence[max(0, start - 90):min(len(sentence), end + 60)])
                        partido = self._partido(cargo, linea)
                        before = self._party_before(sentence[clause_start:start], 0, len(sentence[clause_start:start]))
                        if before and rol in ("otro", "invitado", "representante") and not partido:
                            rol, partido = "representante", before
                        if present and not absent and (rol == "otro" or _READ_PROSE_PRESENCE_RE.search(near)):
                            rol = "invitado"
                        persona = Persona(nombre=name, grado=grado, cargo=_clean_cargo(cargo) or None, rol=rol,
                                          partido=partido, calidad=calidad_of(cargo),
                                          linea=linea, origen="prosa")
                        self.people.append(persona)
                    if absent:
                        persona.presente = False

    def _read_substitutions(self):
        """Who attends in place of whom: the one replaced was not there, and stands for the same
        party as the one who replaces them. Expecting text like: 'y por Morena, el C. Luis
        Fernando Estrada Sámano, representante suplente, quien actúa en esta sesión en sustitución
        de la representante propietaria, Lic. Gabriela Orozco Medina, por encontrarse ésta…'
        (also «sustituye a», «en suplencia de», «en representación de»: `SUSTITUCION`)."""
        limit = min(self.closing, self._opening_limit())   # said where attendance is taken, not of another time
        for paragraph in self.lector.paragraphs:
            if paragraph.linea >= limit or not SUSTITUCION.search(paragraph.plegado):
                continue
            body, skipped = _body(paragraph.text)
            for sentence, offset in _sentences(body):
                for match in SUSTITUCION.finditer(fold_accents(sentence)):
                    names = names_in(sentence)
                    before = [n for n in names if n[3] <= match.start()]
                    after = [n for n in names if n[2] >= match.end()]
                    if not before or not after or after[0][2] - match.end() > 80:
                        continue
                    between = sentence[before[-1][3]:match.start()]
                    if len(between) > 150 or ";" in between:
                        continue   # the one who replaces is named in the same clause
                    sustituto = resolve(before[-1][1], self.people)
                    if sustituto is not None:
                        self._replaced(sustituto, after[0], sentence[match.end():after[0][2]],
                                       paragraph.linea_at(skipped + offset + after[0][2]))

    def _replaced(self, sustituto, nombrado, cargo, linea):
        """The person `sustituto` replaces: absent, with the party (and rol) they share."""
        grado, name = nombrado[0], nombrado[1]
        cargo = _clean_cargo(cargo.strip(" ,")) or None
        persona = resolve(name, self.people)
        if persona is None:
            persona = Persona(nombre=name, grado=grado, cargo=cargo, rol=rol_of(cargo or "", None, self.lector.organo),
                              calidad=calidad_of(cargo or ""), linea=linea, origen="prosa")
            self.people.append(persona)
        persona.presente = False
        if rol_of(cargo or "") == "otro" and (persona.rol == "otro" or persona.origen == "prosa"):
            persona.rol = sustituto.rol   # named without a cargo of their own: the one who replaces them has it
        if persona.rol == "representante" == sustituto.rol:
            persona.partido = persona.partido or sustituto.partido
            sustituto.partido = sustituto.partido or persona.partido
        if not persona.calidad and cargo:
            persona.calidad = calidad_of(cargo)

    def _read_actors(self):
        """People named in prose as doing something in the session attended it: 'el titular de la
        Unidad de Tecnologías, Ing. Mario Alberto Leal Guerra, presentó los resultados…'."""
        for paragraph in self.lector.paragraphs:
            if paragraph.linea >= self.closing or paragraph.linea in self.lector.agenda_lines:
                continue
            body, skipped = _body(paragraph.text)
            for grado, name, start, end in names_in(body):
                after = fold_accents(body[end:end + 120])
                if not ACTION_RE.match(after) or self._known(name):
                    continue
                cargo = _cargo_near(body, start, end)
                rol = rol_of(cargo, None, self.lector.organo)
                linea = paragraph.linea_at(skipped + start)
                self.people.append(Persona(nombre=name, grado=grado, cargo=_clean_cargo(cargo) or None,
                                           rol="invitado" if rol == "otro" else rol,
                                           partido=self._partido(cargo, linea), calidad=calidad_of(cargo),
                                           linea=linea, origen="prosa"))

    def _known(self, name):
        """Whether the roster or the signatures already name this person."""
        return bool(resolve(name, self.people, single_word=True) or resolve(name, self.signers)
                    or any(same_person(name, p.nombre) for p in self.people + self.signers))

    def _read_speakers(self):
        """People who speak under a label are present even when no roster lists them
        (stenographic versions: «SECRETARIO TÉCNICO, ING. JUAN PÉREZ LÓPEZ: Gracias.»)."""
        for paragraph in self.lector.paragraphs:
            if paragraph.linea >= self.closing:
                break
            label = speaker_label(paragraph.text)
            if not label or BALLOT_RE.search(fold_accents(paragraph.text[:200])) and len(paragraph.text) < 200:
                continue
            if resolve(label["nombre"], self.people, single_word=True):
                continue
            cargo = label["cargo"]
            persona = Persona(nombre=label["nombre"], grado=label["grado"], cargo=_clean_cargo(_cargo_near(cargo, *_span_of(cargo, label["nombre"]))) or None,
                              rol=rol_of(cargo, None, self.lector.organo), partido=self._partido(cargo, paragraph.linea),
                              calidad=calidad_of(cargo), linea=paragraph.linea, origen="prosa")
            self.people.append(persona)

    def _read_movements(self):
        """Arrivals and departures, placed at the agenda item under way. Expecting text like:
        'Quiero dar la bienvenida también a esta sesión, al Licenciado Miguel Ángel Olvera
        Escalera representante del Partido Revolucionario Institucional', 'siendo las 18:40
        horas se retira de la sesión la Lic. Ana Soto Ruiz'."""
        limit = self._opening_limit()
        for paragraph in self.lector.paragraphs:
            if paragraph.linea >= self.closing or paragraph.linea in self.lector.agenda_lines:
                continue
            folded_paragraph = paragraph.plegado
            if not (LLEGADA.search(folded_paragraph) or RETIRO.search(folded_paragraph)):
                continue   # one search for the paragraph before one per sentence
            body, skipped = (paragraph.text, 0) if BULLET_ITEM_RE.match(paragraph.text) else _body(paragraph.text)
            for sentence, offset in _sentences(body):
                offset += skipped
                folded = fold_accents(sentence)
                arrival, departure = ARRIVAL_RE.search(folded), DEPARTURE_RE.search(folded)
                if ABSENCE_RE.search(folded) or _READ_MOVEMENTS_RE.search(folded):
                    arrival = None   # «no se conectó», «avisó que se incorporaría»: no arrival
                if not arrival and not departure:
                    continue
                if departure and RETIRO_DE_PUNTO.search(folded):
                    continue
                for grado, name, start, end, kind in self._movement_names(sentence, arrival, departure):
                    linea = paragraph.linea_at(offset + start)
                    self._movement(kind, grado, name, sentence, start, end, linea, limit)

    def _movement_names(self, sentence, arrival, departure):
        names = names_in(sentence)
        for match in _MOVEMENT_NAMES_RE.finditer(sentence):
            persona = resolve(match.group("apellido"), self.people, single_word=True)
            if persona and not any(start <= match.start() < end for _, _, start, end in names):
                names.append((canonical_grado(match.group("grado")), persona.nombre, match.start(), match.end()))
        if not names:
            for match in NAME_ONLY_RE.finditer(sentence):
                name = clean_name(match.group(0))
                if looks_like_name(name) and self._known(name):
                    names.append((None, name, match.start(), match.end()))
        if not names:
            holder = self._representative_named(sentence)
            if holder:
                names.append(holder)
        for grado, name, start, end in names:
            if arrival and departure:
                kind = "llegada" if abs(arrival.start() - start) <= abs(departure.start() - start) else "retiro"
            else:
                kind = "llegada" if arrival else "retiro"
            yield grado, name, start, end, kind

    def _movement(self, kind, grado, name, sentence, start, end, linea, limit):
        punto = self.lector.punto_at(linea)
        said = DURING_ITEM_RE.search(fold_accents(sentence))
        if said and to_int(said.group(1)) in {n for n, _, _ in self.lector.orden}:
            punto = to_int(said.group(1))   # «— se conectó durante el punto 3», noted in the roster
            linea = max(linea, limit + 1)
            persona = resolve(name, self.people, single_word=True)
            if persona is not None and kind == "llegada":
                persona.presente, persona.llegada_punto = True, punto
                return
        persona = resolve(name, self.people, single_word=True)
        if kind == "retiro":
            if persona is None:
                self.lector.aviso(f"Se retira «{name}», que no figura en la lista de asistencia.", linea)
                return
            persona.retiro_punto, persona.retiro_linea = punto, linea
            return
        if persona is not None:
            if persona.presente and persona.origen != "prosa" and persona.retiro_punto is None:
                if linea > limit and (self._announced_late(persona, limit) or TIMED_ARRIVAL_RE.search(fold_accents(sentence))):
                    # «Siendo las 18:25 horas se incorporó a la sesión la C. X»: an arrival with its
                    # hour is a late one, even when the list says she attended.
                    persona.llegada_punto, persona.llegada_linea = punto, linea
                    return
                if linea > limit:
                    self.lector.aviso(f"Se da la bienvenida a {display_name(persona.nombre)}, que ya figuraba como presente.", linea)
                return
            persona.presente = True
            if linea > limit:
                persona.llegada_punto, persona.llegada_linea = punto, linea
            return
        cargo = _cargo_near(sentence, start, end)
        persona = Persona(nombre=name, grado=grado, cargo=_clean_cargo(cargo) or None,
                          rol=rol_of(cargo, None, self.lector.organo), partido=self._partido(cargo, linea),
                          calidad=calidad_of(cargo), linea=linea, origen="prosa",
                          llegada_punto=punto if linea > limit else None)
        self.people.append(persona)

    def _representative_named(self, sentence):
        """«(El representante de Movimiento Ciudadano se retira de la sala, …)»: the one
        representative of that party, as (grado, nombre, start, end), or None."""
        match = REPRESENTATIVE_REF_RE.search(sentence)
        if not match:
            return None
        partido = self.lector.catalogo.resolve(match.group("partido"))
        holders = [p for p in self.people if partido and p.partido == partido and p.rol == "representante"]
        if len(holders) != 1:
            return None
        return holders[0].grado, holders[0].nombre, match.start(), match.end()

    def _announced_late(self, persona, limit):
        """Whether the opening said this person would come later («avisó que llegaría con
        retraso»), so that a roster that lists them is the list of who attended at all."""
        if persona.tarde:
            return True
        surnames = name_words(persona.nombre)[-2:]
        for paragraph in self.lector.paragraphs:
            if paragraph.linea >= limit:
                break
            for sentence, _ in _sentences(paragraph.text):
                folded = fold_accents(sentence)
                if LLEGADA_ANUNCIADA.search(folded) and all(w in fold(sentence).split() for w in surnames):
                    return True
        return False

    # ---- signatures --------------------------------------------------------------------------

    def _merge_signers(self):
        """Signatures give the fuller form of a name and the calidad and party of people first
        named in prose («LIC. ALEJANDRO RUIZ RAMÍREZ / REPRESENTANTE SUPLENTE DE MORENA»)."""
        for signer in self.signers:
            persona = resolve(signer.nombre, self.people)
            if persona is None:
                self.lector.aviso(f"{display_name(signer.nombre)} firma el acta pero no figura en la lista de asistencia.",
                                  signer.linea)
                signer.origen = "firma"
                self.people.append(signer)
                continue
            persona.add_spelling(signer.nombre)
            persona.grado = persona.grado or signer.grado
            persona.partido = persona.partido or signer.partido
            persona.calidad = persona.calidad or signer.calidad
            persona.cargo = persona.cargo or signer.cargo
            if persona.rol == "otro":
                persona.rol = signer.rol

    def _check_parties(self):
        for persona in self.people:
            if persona.rol == "representante" and not persona.partido:
                self.lector.aviso(f"No se reconoce el partido que representa {display_name(persona.nombre)}.",
                                  persona.linea)


# ---- line readers ----------------------------------------------------------------------------

def _body(text):
    """A paragraph's text after its speaker label, and how many characters the label took."""
    body = strip_label(text)
    return body, len(text) - len(body)


@functools.lru_cache(maxsize=1 << 12)
def _section_of(text):
    """The section a header line opens. Expecting lines like: 'INTEGRANTES DEL COMITÉ TÉCNICO
    ASESOR…', 'REPRESENTANTES DE PARTIDOS POLÍTICOS', 'INVITADOS:', 'AUSENTES:'."""
    if not (text.isupper() or text.rstrip().endswith(":") or len(text) < 45
            # «Representaciones de los partidos políticos (con voz, sin voto)»
            or ("(" in text and len(PARENTHESIS_RE.sub("", text)) < 45)):
        return None
    return _section_words(text)


def _names_someone(label):
    """Whether a speaker label names a person or a cargo («La C. Consejera Presidenta», «El C.
    Fausto Trejo Barrera»), not a form field («Resultado», «Modalidad», «Votación nominal»)."""
    return bool(names_in(label)) or rol_of(label) != "otro" or _is_cargo(label)


@functools.lru_cache(maxsize=1 << 12)
def _section_words(text):
    """The section a line names by its words, whatever its shape («Secretaría Técnica»,
    «Representaciones de los partidos políticos ante el Consejo General»), or None: a name, a
    vote, a sentence or a wrapped line names none."""
    if _is_columns(text) or len(text) > 130 or text[:1].islower():
        return None   # «inasistencia*», the wrapped end of an entry, opens no section
    if text.rstrip().endswith(".") and not text.isupper():
        return None
    folded = fold_accents(text)
    if BALLOT_RE.search(folded):
        return None
    unbracketed = PARENTHESIS_RE.sub("", folded)   # «Secretaría Técnica (con voz, sin voto):»
    for regex, section in SECTION_RES:
        if regex.search(unbracketed):
            # A titled name is no section («Dra. Ana Ruiz, asesora»); asked last, of the few
            # lines that name one: the titles are the costliest search of the line.
            return None if first_titled_name(text) else section
    return None


_IS_COLUMNS_RE = re.compile(r"\S {2,}\S")


def _is_columns(line):
    """A line of cells: a tab, or two spaces or more between words (searched for only in a line
    that holds two spaces in a row, as the pattern needs)."""
    line = line.strip()
    return "\t" in line or ("  " in line and bool(_IS_COLUMNS_RE.search(line)))


def _may_split(text, spaces):
    """Whether `text` may hold a tab or a run of `spaces` white spaces, where the roster's cells
    are split: every white space but the plain space is unprintable (`str.isprintable`, one
    pass in C), so a printable text without `spaces` spaces in a row has no such run and is one
    cell (the split would search every character to find nothing)."""
    return not text.isprintable() or " " * spaces in text


@functools.lru_cache(maxsize=1 << 12)
def _is_cargo(text):
    return bool(text) and bool(CARGO_START_RE.search(fold_accents(text).strip(" -–—:,.")))


_PERSON_RE = re.compile(rf"^(?P<grado>{GRADO_RE})\s+(?P<nombre>.+)$")


@functools.lru_cache(maxsize=1 << 12)
def _person(text):
    """(grado, nombre) of a cell like 'DRA. ALEJANDRA DEL CARMEN ARREOLA DELGADO', or None.
    Kept per text: a line's cells are read as signatures, then as columns, then as one name."""
    text = text.strip(" -–—•*,;:")
    match = _PERSON_RE.match(text)
    rest = (match.group("nombre") if match else text).strip(" .,;")
    whole = NAME_ONLY_RE.fullmatch(rest)
    if not whole:
        return None
    name = clean_name(rest)
    if not looks_like_name(name) or len(name.split()) > 8:
        return None
    return (canonical_grado(match.group("grado")) if match else None), name


_ROSTER_ENTRY_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-–—•*])\s*")
_ROSTER_ENTRY_RE2 = re.compile(r"[,;(]\s*(presente|ausente|asiste|no asiste|con justificaci\w+|justificad[oa])\s*\)?\.?$", re.IGNORECASE)


def _roster_entry(text, following, section):
    """One roster entry from a line (and maybe the next), or (None, False); a copy the caller
    may change (the reading is kept, a line is asked about twice)."""
    entry, used_next = _roster_entry_once(text, following, section)
    return (dict(entry) if entry else None), used_next


# Every roster entry names a person, and a name's second word follows a space: «Ana Ruiz». A line
# without a capital after a space («Gracias, el acta es aprobada por unanimidad.») names no one,
# whatever its layout, and is passed over before the layouts are tried.
_NAME_INSIDE_RE = re.compile(r"\s[A-ZÁÉÍÓÚÜÑ]")


@functools.lru_cache(maxsize=1 << 12)
def _roster_entry_once(text, following, section):
    """One roster entry from a line (and maybe the next), or (None, False)."""
    if not _NAME_INSIDE_RE.search(text):
        return None, False
    folded = fold_accents(text)
    if BALLOT_RE.search(folded) or len(text) > 180:
        return None, False
    estado = None
    roll = ROLL_CALL_RE.search(text)
    if roll:
        estado = fold_accents(roll.group(1))
        text = text[:roll.start()].strip()
    text = _ROSTER_ENTRY_RE.sub("", text)
    trailing = _ROSTER_ENTRY_RE2.search(text)
    if trailing:
        estado = fold_accents(trailing.group(1))
        text = text[:trailing.start()].strip()
    entry = (_columns_entry(text) or _paren_entry(text) or _dash_entry(text) or _party_first_entry(text)
             or _comma_entry(text))
    used_next = False
    if entry is None:
        alone = _person(text)
        if alone and (alone[0] or section or text.isupper() or estado):
            entry = {"grado": alone[0], "nombre": alone[1], "cargo": None}
            if following and _is_cargo(following) and not _person(following) and len(following) < 120 \
                    and not (following.rstrip().endswith(":") and _section_of(following.strip())):
                entry["cargo"] = following.strip(" .")
                used_next = True
            elif not (section or estado):
                return None, False
    if entry is None:
        return None, False
    if estado:
        entry["presente"] = not estado.startswith(("ausente", "no asiste", "con justific", "justificad"))
    return entry, used_next


_COLUMNS_ENTRY_RE = re.compile(r"\t+|\s{2,}")
_COLUMNS_ENTRY_RE2 = re.compile(r"(?i)(presente|presencial|virtual|remot[oa]|a distancia|en l[ií]nea|"
                                                   r"ausente|no asisti[oó]|justificad[oa])\.?")
_COLUMNS_ENTRY_RE3 = re.compile(r"(?i)(ausente|no asist|justific)")


def _columns_entry(text):
    """'DRA. ALEJANDRA DEL CARMEN ARREOLA DELGADO⇥ASESORA TÉCNICA', also cargo first."""
    if not _may_split(text, 2):
        return None   # one cell: `_COLUMNS_ENTRY_RE` splits on a tab or two spaces
    cells = [c for c in _COLUMNS_ENTRY_RE.split(text.strip()) if c.strip()]
    state = [c for c in cells[1:] if _COLUMNS_ENTRY_RE2.fullmatch(c.strip())]
    cells = [c for c in cells if c not in state]
    if len(cells) < 2:
        return None
    entry = _columns_person(cells)
    if entry and state:
        entry["presente"] = not _COLUMNS_ENTRY_RE3.match(state[0].strip())
    return entry


def _columns_person(cells):
    entry = _columns_person_plain(cells)
    if entry is None and len(cells) == 2 and "," in cells[1]:
        # «Representante del P.A.N.: ⇥ C. Marco Antonio Poot Herrera, propietario»
        who, _, extra = cells[1].partition(",")
        person = _person(who)
        if person and (_is_cargo(cells[0]) or cells[0].rstrip().endswith(":")):
            return {"grado": person[0], "nombre": person[1], "cargo": f"{cells[0].strip(' :')} {extra.strip()}".strip()}
    return entry


def _columns_person_plain(cells):
    person = _person(cells[0])
    if person and not _is_cargo(cells[0]):
        return {"grado": person[0], "nombre": person[1], "cargo": " ".join(cells[1:])}
    person = _person(cells[-1])
    if person and _is_cargo(cells[0]):
        return {"grado": person[0], "nombre": person[1], "cargo": " ".join(cells[:-1])}
    if _is_party_cell(cells[0]):
        who, _, calidad = cells[-1].partition(",")
        person = _person(who)
        if person:
            return {"grado": person[0], "nombre": person[1],
                    "cargo": f"representante {calidad.strip(' .')} del {cells[0]}".replace("  ", " "),
                    "partido_texto": cells[0]}
    return None


_IS_PARTY_CELL_RE = re.compile(r"(?:[A-Z]\.){1,6}[A-Z]?\.?|[A-Z]{2,8}")
_IS_PARTY_CELL_RE2 = re.compile(r"(?i)(partido|morena\b|movimiento ciudadano|redes sociales|fuerza por|encuentro)")


def _is_party_cell(cell):
    """A roster column that names a party: «P.R.I.», «Partido Verde», «MORENA», «M.C.»."""
    cell = cell.strip()
    return bool(_IS_PARTY_CELL_RE.fullmatch(cell) or
                _IS_PARTY_CELL_RE2.match(cell))


_DASH_ENTRY_RE = re.compile(r"^(?P<who>.+?)\s+(?:[—–-]{1,2}|/|\|)\s+(?P<cargo>.+)$")


def _dash_entry(text):
    """'Mtra. Laura Elena Ruiz Soto — Consejera Presidenta'."""
    if not any(mark in text for mark in "—–-/|"):
        return None   # the pattern's separator is none of these: the pattern would fail
    match = _DASH_ENTRY_RE.match(text)
    if not match:
        return None
    person = _person(match.group("who"))
    if person and (_is_cargo(match.group("cargo")) or len(match.group("cargo")) < 80):
        return {"grado": person[0], "nombre": person[1], "cargo": match.group("cargo").strip(" .")}
    person = _person(match.group("cargo"))
    if person and _is_cargo(match.group("who")):
        return {"grado": person[0], "nombre": person[1], "cargo": match.group("who").strip(" .")}
    return None


_PARTY_FIRST_ENTRY_RE = re.compile(r"^(?:[Pp]or\s+(?:el\s+|la\s+)?)?(?P<partido>[^:,]{2,70})[:,]\s*(?P<rest>.+)$")
_PARTY_FIRST_ENTRY_RE2 = re.compile(r"\bpartido\b")
_PARTY_FIRST_ENTRY_RE3 = re.compile(r"[A-Z][A-Z.]{1,11}")
_PARTY_FIRST_ENTRY_RE4 = re.compile(r"\b(morena|movimiento ciudadano|redes sociales|fuerza por|encuentro)\b")
_PARTY_FIRST_ENTRY_RE5 = re.compile(r"\((propietari[oa]|suplente)\)", re.IGNORECASE)
_PARTY_FIRST_ENTRY_RE6 = re.compile(r"\s*\((propietari[oa]|suplente)\)", re.IGNORECASE)


def _party_first_entry(text):
    """'Partido Acción Nacional: C. Luis Pérez Soto, representante propietario'."""
    if ":" not in text and "," not in text:
        return None   # no separator after the party: the pattern would fail
    match = _PARTY_FIRST_ENTRY_RE.match(text)
    if not match:
        return None
    partido = match.group("partido").strip()
    if not (_PARTY_FIRST_ENTRY_RE2.search(fold_accents(partido)) or _PARTY_FIRST_ENTRY_RE3.fullmatch(partido)
            or _PARTY_FIRST_ENTRY_RE4.search(fold_accents(partido))):
        return None
    rest = match.group("rest")
    calidad = _PARTY_FIRST_ENTRY_RE5.search(rest)
    rest = _PARTY_FIRST_ENTRY_RE6.sub("", rest)
    who, _, cargo = rest.partition(",")
    if calidad:
        cargo = f"{cargo} {calidad.group(1)}"
    person = _person(who)
    if not person:
        return None
    cargo = cargo.strip(" .") or "representante"
    if "represent" not in fold_accents(cargo):
        cargo = "representante " + cargo
    return {"grado": person[0], "nombre": person[1], "cargo": f"{cargo} del {match.group('partido').strip()}",
            "partido_texto": match.group("partido")}


_PAREN_ENTRY_RE = re.compile(r"^(?P<who>[^()]+?)\s*\((?P<paren>[^()]{2,80})\)\s*[,;-]?\s*(?P<rest>[^()]*)$")


def _paren_entry(text):
    """'C. Leticia Osorio Bravo (Consejera Presidenta)', 'Lic. Rogelio Mendoza Tapia (PAN),
    representante propietario', 'C. Mireya Sosa Tlatelpa (Nueva Alianza), representante propietaria'."""
    if "(" not in text:
        return None   # no parenthesis: the pattern would fail
    match = _PAREN_ENTRY_RE.match(text)
    if not match:
        return None
    person = _person(match.group("who"))
    if not person:
        return None
    paren, rest = match.group("paren").strip(), match.group("rest").strip(" .")
    if _is_party_cell(paren) or "represent" in fold_accents(rest):
        cargo = f"{rest or 'representante'} del {paren}"
        return {"grado": person[0], "nombre": person[1], "cargo": cargo, "partido_texto": paren}
    return {"grado": person[0], "nombre": person[1], "cargo": " ".join(filter(None, [paren, rest]))}


def _comma_entry(text):
    """'Lic. Ana Soto Ruiz, representante suplente del PAN' (the state already removed)."""
    who, sep, cargo = text.partition(",")
    if not sep:
        return None
    if ";" in cargo:
        return None
    person = _person(who)
    if person and _is_cargo(cargo):
        return {"grado": person[0], "nombre": person[1], "cargo": cargo.strip(" .")}
    person = _person(cargo)
    if person and _is_cargo(who):
        return {"grado": person[0], "nombre": person[1], "cargo": who.strip(" .")}
    return None


PARTY_CALL_RE = re.compile(r"^\W*(?:y\s+)?por\s+(?:el\s+|la\s+)?(?P<partido>[^,]{2,80}),\s*", re.IGNORECASE)


_CALLED_PERSON_RE = re.compile(r"\b(?:se|que|solicit\w*|inform\w*|dijo|pregunt\w*|tiene|gracias)\b")


PLURAL_CARGO_RE = re.compile(r"\b(?:las |los )?(?:consejer[oa]s(?: y (?:los |las )?consejer[oa]s)?(?: electorales)?|"
                             r"asesor[ae]s(?: t[eé]cnic[oa]s)?|integrantes(?: del? [a-záéíóú]+)?)\b", re.IGNORECASE)
LATE_CELL_RE = re.compile(r"retardo|tarde|se incorpor|se integr|se conect|llego")
TIMED_ARRIVAL_RE = re.compile(r"\b(?:siendo las|a las)\s+[\w:.]+(?:\s+\w+){0,6}?\s+(?:horas|hrs)\b[^.;]{0,40}?"
                              r"\bse (?:incorpor|integr|conect|reincorpor)\w*")
UNBRACKETED_RE = re.compile(r"[()\[\]—–]")
DURING_ITEM_RE = re.compile(r"\b(?:durante|en) el (?:desahogo del )?punto (\d{1,2}|[ivx]{1,5})\b")
REPRESENTATIVE_REF_RE = re.compile(r"\b(?:el|la) representante (?:propietari[oa] |suplente )?(?:del?|de la) "
                                   r"(?P<partido>[^,.;()]{2,60})", re.IGNORECASE)


def called_person(text):
    """The one person a roll call names, as a roster entry, or None when the text is not just a
    name with its cargo. Expecting text like: 'Consejera Presidenta, maestra Adriana Lizbeth
    Monroy Galindo.', 'Consejero doctor Fausto Emiliano Trejo Barrera.', 'Por el Partido Acción
    Nacional, licenciado Ernesto Damián Cortés Zamudio, representante propietario.',
    'Consejero Fausto Emiliano Trejo Barrera.'."""
    text = text.strip()
    if len(text) > 220 or len(text.split()) > 22:
        return None
    partido = None
    party = PARTY_CALL_RE.match(text)
    if party:
        partido, text = party.group("partido").strip(), text[party.end():]
    found = names_in(text)
    if len(found) == 1:
        grado, nombre, start, end = found[0]
        before, after = text[:start].strip(" ,.;"), text[end:].strip(" ,.;")
    elif not found:
        match = NAME_ONLY_RE.search(text)
        if not match or match.start() > 60:
            return None
        grado, nombre = None, name_after_cargo(match.group(0))
        before = text[:match.start()] + match.group(0)[:match.group(0).find(nombre.split()[0])] if nombre else ""
        before, after = before.strip(" ,.;"), text[match.end():].strip(" ,.;")
    else:
        return None
    if not nombre or not looks_like_name(nombre) or len(after.split()) > 6 or len(before.split()) > 5:
        return None
    if _CALLED_PERSON_RE.search(fold_accents(before + " " + after)):
        return None
    cargo = ", ".join(filter(None, [before, after]))
    entry = {"grado": grado, "nombre": nombre, "cargo": cargo}
    if partido:
        entry["cargo"] = after or "representante"
        entry["partido_texto"] = partido
    return entry


_CLEAN_CARGO_RE = re.compile(r"\b[A-Z]\.$")


@functools.lru_cache(maxsize=1 << 12)
def _clean_cargo(cargo):
    if not cargo:
        return None
    cargo = " ".join(cargo.split()).strip(" ,;:-–—")
    cargo = cargo[:-1] if cargo.endswith(".") and not _CLEAN_CARGO_RE.search(cargo) else cargo
    return display_name(cargo) if cargo.isupper() else cargo


def _span_of(text, name):
    index = text.find(name)
    return (index, index + len(name)) if index >= 0 else (0, 0)


def _cargo_near(sentence, start, end):
    """The cargo said of a name in prose: right after it ('…Olvera Escalera representante del
    Partido Revolucionario Institucional') or right before it ('la Consejera Electoral Mtra. …');
    of the two, the one that names a role in the session ('el Secretario Técnico, Mtro. Gilberto
    Ramírez Calvillo, Director Ejecutivo de…' is the secretario)."""
    after, before = _cargo_after(sentence, end), _cargo_before(sentence, start)
    rank = {"secretario": 4, "representante": 4, "integrante": 3, "invitado": 1, "otro": 0}
    if after and rank[rol_of(after)] >= rank[rol_of(before)] and rol_of(after) != "otro":
        return after
    if before and rol_of(before) != "otro":
        return before
    return after or before


_CARGO_AFTER_RE = re.compile(r"^[\s,]*(?:quien (?:es|funge como)\s+|en su calidad de\s+|en calidad de\s+)?"
                     r"((?:el |la )?(?:representante|rpte|consejer|asesor|secretari|integrante|vocal|president|invitad|"
                     r"titular|director|coordinador|jef|encargad)[^,;.]*(?:\.[A-Z]\.[^,;]*)?)", re.IGNORECASE)


def _cargo_after(sentence, end):
    after = sentence[end:end + 160]
    match = _CARGO_AFTER_RE.match(after)
    return match.group(1).strip() if match else ""


_CARGO_BEFORE_RE = re.compile(r"((?:representante|rpte|consejer|asesor|secretari|integrante|vocal|president|invitad|titular|director|"
                      r"coordinador|jef|encargad)[^,;.]*?)[\s,]*(?:el|la|al|a la)?\s*$", re.IGNORECASE)


def _cargo_before(sentence, start):
    before = sentence[max(0, start - 90):start]
    match = _CARGO_BEFORE_RE.search(before)
    return match.group(1).strip() if match else ""


TITLE_ABBREVIATIONS = re.compile(rf"{GRADO_RE}$")


_SENTENCES_RE = re.compile(r"[.;!?]\s+(?=[A-ZÁÉÍÓÚ¿¡])")


def _sentences(text):
    """Sentences with their offsets, not split after titles («Lic.», «Mtro.»)."""
    start = 0
    for match in _SENTENCES_RE.finditer(text):
        before = text[max(start, match.start() - 8):match.start() + 1]
        if TITLE_ABBREVIATIONS.search(before.split()[-1] if before.split() else ""):
            continue
        yield text[start:match.end()], start
        start = match.end()
    if start < len(text):
        yield text[start:], start
