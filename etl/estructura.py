"""The structure of an acta, between its normalised text and the readers of facts.

Actas put the same facts in many shapes: a roster as a Word table, an ASCII grid whose cells wrap
over several lines, a Markdown table, columns of a PDF that come out one cell per line, or a
dialogue in which the Secretario names each member and the member answers «Presente.» on the
next turn. This module finds those shapes once, whatever the phrasing, so that a reader asks for
«the rows of a table with a name column» or «the names called and what each answered» and a new
layout is learnt once for every field.

- Tables: `rejoin_grids` and `rejoin_cell_runs` turn ASCII grids and one-cell-per-line runs into
  one line per row, cells separated by a tab (the shape of a Word or Markdown table after
  extraction); `find_tables` reads every run of such rows under a header into `Tabla`s whose
  columns have a kind (nombre, cargo, partido, calidad, asistencia, modalidad, sentido).
- Dialogue: `turnos` splits paragraphs into speaker turns («El C. Secretario Ejecutivo: …»,
  «SECRETARIO EJECUTIVO, LIC. JUAN PÉREZ: …»); `pares` finds name-then-answer pairs (a member
  named, then «Presente.», «A favor.», «Sí.», «(No se escucha respuesta)»).

Everything here is pure: text in, structure out.
"""
import functools
import re
from dataclasses import dataclass, field

from etl.frases import RESPUESTA_LISTA, RESPUESTA_VOTO, SIN_RESPUESTA
from etl.vocabulario import GRADO_RE, fold, fold_words

# ---- tables -----------------------------------------------------------------------------------

GRID_RULE_RE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
GRID_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")

# Header words of a table column -> its kind. Expecting headers like «Nombre | Cargo o
# representación | Asistencia | Modalidad», «Consejería | Sentido del voto», «Integrante».
COLUMN_KINDS = (
    ("sentido", re.compile(r"^(sentido( del)?( voto)?|voto|votacion|sentido de su voto)$")),
    ("asistencia", re.compile(r"^(asistencia|asistio|asiste|estado|presente|pase de lista|registro)$")),
    ("modalidad", re.compile(r"^(modalidad|forma( de asistencia)?|tipo de asistencia)$")),
    ("calidad", re.compile(r"^(calidad|caracter|calidad de la representacion)$")),
    ("partido", re.compile(r"^(partido( politico)?|representacion|partido o representacion|instituto politico)$")),
    ("cargo", re.compile(r"^(cargo|cargo o representacion|puesto|funcion|cargo en el (comite|consejo|comision))$")),
    ("nombre", re.compile(r"^(nombre( completo)?|integrante|integrantes|consejeria( electoral)?|consejer[oa]s?( electorales?)?|"
                          r"asistentes?|persona|personas|asesor(a|es)?( tecnic[oa]s?)?|nombre y cargo)$")),
    ("numero", re.compile(r"^(no|num|numero|#|n°|nº)$")),
)


_ANY_KIND_RE = re.compile("|".join(f"(?:{regex.pattern})" for _, regex in COLUMN_KINDS))


@functools.lru_cache(maxsize=1 << 12)
def column_kind(cell):
    """The kind of a header cell, or None. «Cargo o representación» -> cargo. Asked of every
    short line of the acta, and of a table's header on each of its rows: read once per text."""
    if len(cell) > 60:
        return None
    key = fold_words(cell)
    if not _ANY_KIND_RE.match(key):
        return None
    for kind, regex in COLUMN_KINDS:
        if regex.match(key):
            return kind
    return None


def rejoin_grids(lines):
    """ASCII grids («+-----+------+», «| a | b |») as one tab-separated line per row; a cell
    wrapped over several lines is joined. The row stands on its first line; the grid's other
    lines become blank, so every line keeps its number.

    Expecting text like:
        | 1   | Mtra. Rosa Isela Chablé    | Consejera Electoral,           | Sí          |
        |     | Hernández                  | Presidenta de la Comisión      |             |
    """
    out = list(lines)
    index = 0
    while index < len(lines):
        if "+" not in lines[index] or not GRID_RULE_RE.match(lines[index]):
            index += 1      # a rule is made of «+»: a line without one is not tried against the pattern
            continue
        rule = lines[index]
        bounds = [i for i, c in enumerate(rule) if c == "+"]
        out[index] = ""
        index += 1
        row_start, cells = None, None
        while index < len(lines) and (GRID_ROW_RE.match(lines[index]) or GRID_RULE_RE.match(lines[index])):
            line = lines[index]
            if GRID_RULE_RE.match(line):
                if row_start is not None:
                    out[row_start] = "\t".join(_join_cell(c) for c in cells)
                row_start, cells = None, None
                out[index] = ""
            else:
                parts = _grid_cells(line, bounds)
                if row_start is None:
                    row_start, cells = index, [[] for _ in parts]
                    out[index] = ""
                else:
                    out[index] = ""
                for k, part in enumerate(parts[:len(cells)]):
                    if part.strip():
                        cells[k].append(part.strip())
            index += 1
        if row_start is not None:
            out[row_start] = "\t".join(_join_cell(c) for c in cells)
    return out


def _grid_cells(line, bounds):
    """The cells of one grid line, cut at the rule's «+» columns (or at «|» when they differ)."""
    if len(bounds) >= 2 and all(b < len(line) and line[b] == "|" for b in bounds):
        return [line[a + 1:b] for a, b in zip(bounds, bounds[1:])]
    return line.strip().strip("|").split("|")


def _join_cell(pieces):
    text = ""
    for piece in pieces:
        if text.endswith("-") and piece[:1].islower():
            text = text[:-1] + piece
        else:
            text = f"{text} {piece}".strip()
    return text if text not in ("—", "-", "–") else "—"


def rejoin_cell_runs(lines):
    """A table that a PDF gives one cell per line: a run of two or more header cells
    («Nombre», «Cargo», «Representación», «Calidad», «Asistencia») and then their values in the
    same order, row after row. Each row becomes one tab-separated line on its first line.

    A row ends the run when its first cell is prose (long, or a sentence) rather than a value."""
    out = list(lines)
    # Lines that may be cells of a header: short, not empty, not already a row (and a last False).
    short = [0 < len(line.strip()) < 40 and "\t" not in line for line in lines] + [False]
    # A header is two short lines or more: only a short line followed by another is read, the
    # others are passed over at once (not one turn of a loop each).
    index = 0
    for start in [i for i in range(len(lines)) if short[i] and short[i + 1]]:
        if start < index:
            continue     # inside a table just read
        index = start
        header = []
        probe = index
        while short[probe] and column_kind(cell := lines[probe].strip()):
            header.append(cell)
            probe += 1
        if len(header) < 2 or "nombre" not in (kinds := [column_kind(h) for h in header]):
            index = probe + 1
            continue
        width = len(header)
        out[index] = "\t".join(header)
        for k in range(index + 1, probe):
            out[k] = ""
        row = probe
        while True:
            values, cursor = [], row
            while len(values) < width and cursor < len(lines):
                text = lines[cursor].strip()
                if text:
                    values.append((cursor, text))
                cursor += 1
            if len(values) < width or not _cell_run_row([v for _, v in values], kinds):
                break
            out[values[0][0]] = "\t".join(v for _, v in values)
            for k in range(values[0][0] + 1, cursor):
                out[k] = ""
            row = cursor
        index = row
    return out


_CELL_RUN_ROW_RE = re.compile(rf"^{GRADO_RE}\s+")


def _cell_run_row(values, kinds):
    """Whether `values` read as one row of a table with columns `kinds`: short cells, a name
    under «nombre»."""
    from etl.personas import NAME_ONLY_RE, clean_name, looks_like_name

    if any(len(v) > 80 for v in values):
        return False
    name = values[kinds.index("nombre")]
    if column_kind(name):
        return False   # the header again, after a page break
    name = _CELL_RUN_ROW_RE.sub("", name).strip(" .,")
    # A person's name, not a page header that fell inside the table («ACTA COTAPREP/ORD/04/2024»).
    return bool(NAME_ONLY_RE.fullmatch(name)) and looks_like_name(clean_name(name))


@dataclass
class Fila:
    linea: int
    celdas: list

    def get(self, tabla, kind):
        """The cell of a column kind in this row ('' when the column or the cell is missing or «—»)."""
        index = tabla.columna(kind)
        if index is None or index >= len(self.celdas):
            return ""
        value = self.celdas[index].strip()
        return "" if value in ("—", "-", "–", "N/A", "No aplica", "no aplica") else value


@dataclass
class Tabla:
    """A table: its header cells, the kind of each column, and its rows with their lines."""
    linea: int
    encabezado: list
    tipos: list
    filas: list = field(default_factory=list)

    def columna(self, kind):
        return self.tipos.index(kind) if kind in self.tipos else None

    @property
    def lineas(self):
        return {self.linea} | {f.linea for f in self.filas}


def find_tables(lines):
    """Every table laid out as tab-separated rows under a header with a name column. Rows may be
    separated by blank lines (a grid's continuation lines); the table ends at the first line
    that is not a row."""
    tables = []
    index = 0
    # Most lines hold no tab at all: only those that do are read (not one turn of a loop each).
    for start in [i for i, line in enumerate(lines) if "\t" in line]:
        if start < index:
            continue     # a row of the table just read
        index = start
        line = lines[index]
        if "\t" not in line.strip():
            continue
        cells = [c.strip() for c in line.strip().split("\t")]
        kinds = [column_kind(c) for c in cells]
        if "nombre" not in kinds or sum(1 for k in kinds if k) < 2 and "sentido" not in kinds:
            index += 1
            continue
        table = Tabla(index + 1, cells, kinds)
        index += 1
        gap = 0
        while index < len(lines):
            text = lines[index].strip()
            if not text:
                gap += 1
                index += 1
                if gap > 12:      # a row's cells joined on its first line leave blank lines behind
                    break
                continue
            if "\t" not in text:
                break
            gap = 0
            table.filas.append(Fila(index + 1, [c.strip() for c in text.split("\t")]))
            index += 1
        tables.append(table)
    return tables


# ---- dialogue ----------------------------------------------------------------------------------

_LABEL_WORD = re.compile(rf"(?:{GRADO_RE}|[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚáéíóúñü.'’-]*|de|del|la|las|los|y|e|el|en|a|por|para|al)$")
LABEL_RE = re.compile(r"^\s*[-–—]?\s*(?P<label>[^:;!?¿¡()«»\"“”]{2,140}?)\s*:\s+(?=\S)")


@dataclass
class Turno:
    """A speaker's turn: the paragraph, its label («El C. Secretario Ejecutivo»), where the
    speech starts, and the speech."""
    parrafo: object
    etiqueta: str
    inicio: int

    @property
    def linea(self):
        return self.parrafo.linea

    @property
    def cuerpo(self):
        return self.parrafo.text[self.inicio:]


@functools.lru_cache(maxsize=1 << 12)
def speaker_of(text):
    """(label, offset of the speech) when `text` opens with a speaker label, else None. Expecting
    text like: 'El C. Secretario Ejecutivo: Con gusto…', 'La C. Consejera Presidenta: Presente.',
    'SECRETARIO EJECUTIVO, LIC. JUAN PÉREZ LÓPEZ: Gracias.', 'Mtra. Ana Ruiz Soto: A favor.'.
    A label is a short run of capitalised words (titles, particles and commas allowed)."""
    if ":" not in text:
        return None   # no label without its colon: most paragraphs are answered without the pattern
    match = LABEL_RE.match(text)
    if not match:
        return None
    label = match.group("label").strip()
    words = label.replace(",", " ").split()
    if not 1 <= len(words) <= 14 or not words[0][:1].isupper():
        return None
    if not all(_LABEL_WORD.match(w) for w in words):
        return None
    return label, match.end()


def turnos(paragraphs):
    """The speaker turns of a list of paragraphs (those that open with a label)."""
    found = []
    for paragraph in paragraphs:
        speaker = speaker_of(paragraph.text)
        if speaker:
            found.append(Turno(paragraph, speaker[0], speaker[1]))
    return found


@dataclass
class Par:
    """A name-then-answer pair: the line that names someone, the text that names them, and the
    answer given on the next turn or line (`tipo`: lista, voto, ninguna)."""
    linea: int
    llamado: str
    linea_respuesta: int
    respuesta: str
    tipo: str
    etiqueta: str = None        # the label of the answering turn («El C. Consejero X»)


_SENTENCE_END_RE = re.compile(r"[.;]\s+(?=[¿¡]?[A-ZÁÉÍÓÚÑ])")
_TITLE_END_RE = re.compile(rf"(?:^|\s){GRADO_RE}$")


def last_sentence(text):
    """The last sentence of `text`, not cut after a title («… Procedo a pasar lista de
    asistencia. Consejera Presidenta, Maestra Itzia Marcela Villaseñor Tapia.» -> «Consejera
    Presidenta, Maestra Itzia Marcela Villaseñor Tapia.»)."""
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        if _TITLE_END_RE.search(text[max(0, match.start() - 12):match.start() + 1]):
            continue
        start = match.end()
    return text[start:] if start else ""


# An answer that opens a turn and is followed by courtesy or a qualifier: «Presente, buenas
# noches.», «A favor en lo general.», «En contra, y anuncio un voto particular.».
_ANSWER_TAIL = r"(?=\s*$|\s*[.,;:!]|\s+(?:en lo (?:general|particular)|del proyecto|con el proyecto|de la propuesta)\b)"
_VOTE_START_RE = re.compile(r"^[\s\-–—•*¡]*(?:" + RESPUESTA_VOTO.patron + r")" + _ANSWER_TAIL)
_LIST_START_RE = re.compile(r"^[\s\-–—•*¡]*(?:" + RESPUESTA_LISTA.patron + r")" + _ANSWER_TAIL)


@functools.lru_cache(maxsize=1 << 12)
def answer_kind(text):
    """«lista», «voto» or «ninguna» when `text` (a turn's speech, or a line) is an answer to a
    call, else None. Read once per text: the roll call and the votes both pair the acta's
    paragraphs (`pares`), and the same answers («A favor.», «Presente.») recur."""
    folded = fold(text).strip()
    if SIN_RESPUESTA.search(folded) and len(folded) < 80:
        return "ninguna"
    if _LIST_START_RE.match(folded):
        return "lista"
    if _VOTE_START_RE.match(folded):
        return "voto"
    return None


def pares(paragraphs, is_call):
    """Name-then-answer pairs: a paragraph for which `is_call(text)` holds (it names one
    person and nothing else), followed by a paragraph that answers it (a turn whose speech is
    an answer, or an answer alone). Expecting text like:

        El C. Secretario Ejecutivo: Consejero doctor Fausto Emiliano Trejo Barrera.
        El C. Consejero Fausto Emiliano Trejo Barrera: Presente.
    """
    found = []
    for current, following in zip(paragraphs, paragraphs[1:]):
        answer_speaker = speaker_of(following.text)    # the answer first: it is short and rare
        answer = following.text[answer_speaker[1]:] if answer_speaker else following.text
        kind = answer_kind(answer) if len(answer) < 200 else None
        if not kind:
            continue
        speaker = speaker_of(current.text)
        called = current.text[speaker[1]:] if speaker else current.text
        if len(called) > 220 or not is_call(called):
            called = last_sentence(called)   # «… Procedo a pasar lista. Consejera Presidenta, Maestra X.»
            if not called or not is_call(called):
                continue
        found.append(Par(current.linea, called, following.linea, answer, kind,
                         answer_speaker[0] if answer_speaker else None))
    return found
