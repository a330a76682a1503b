"""Normalise an acta's text before reading it, keeping every character's source line.

Actas arrive with the marks of where they came from: repeated page headers and «Página 2 de 3»
(PDF), `**bold**` and `#` headings (Markdown), hard line wraps mid-sentence, non-breaking spaces.
`Texto` removes that noise line by line and joins wrapped lines into paragraphs, and each
paragraph maps any offset back to the 1-based line of the original text (`fuente.linea`).
"""
import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from etl.estructura import find_tables, rejoin_cell_runs, rejoin_grids
from etl.vocabulario import fold

PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:(?:p[áa]gina|p[áa]g\.?|hoja|foja)\s*\d+(?:\s*(?:de|/)\s*\d+)?"
    r"|[-–—]?\s*\d{1,3}\s*[-–—]?|\d{1,3}\s*(?:de|/)\s*\d{1,3})\s*$",
    re.IGNORECASE,
)
TITLE_AT_END_RE = re.compile(r"(?:(?:^|\s)(?i:el|la|del|al|los|las|y|e|a)\s+|,\s*)(?:Dra?|Mtr[oa]|Lic|Licda|Ing|C|Arq|Profr?a?|M\.D|C\.P)\.$")
BALLOT_HINT_RE = re.compile(r"\b(a favor|en contra|abstenci[oó]n|me abstengo)\b", re.IGNORECASE)


def _may_be_ballot(text):
    """Whether `text` may hold a match of BALLOT_HINT_RE, which IGNORECASE searches at every
    character: each match holds «favor», «contra», or «ab» and «ten» (abstención, me abstengo),
    letters IGNORECASE holds equal to their ASCII capitals only, so they are looked for in the
    text's bytes with ASCII letters lowered."""
    data = text.encode("utf-8", "surrogatepass").lower()
    return b"favor" in data or b"contra" in data or (b"ten" in data and b"ab" in data)


TERMINAL = ".:;!?"
_TERMINAL_ENDS = tuple(TERMINAL)
LIST_MARK_RE = re.compile(r"^\w{1,3}[.)]\s")
BULLET_ITEM_RE = re.compile(r"^[-–—•·▪●◦]\s+\S")


MD_RULE_RE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*")
MD_RULE_PIPES_RE = re.compile(r"\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?\s*")
LEADERS_RE = re.compile(r"\s*(?:\.\s?){4,}\s*(?=\S)")
HEADING_MARK_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
QUOTE_MARK_RE = re.compile(r"^\s*>\s?")
EMPHASIS_RE = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
BULLET_RE = re.compile(r"^\s*[•·▪●◦]\s*|^\s*[*+]\s+")


def _page_number_may_end(line):
    """Whether a line ends as every form of `PAGE_NUMBER_RE` does, in a digit (`\\d` is
    `isdecimal`) or a dash: most lines end otherwise and are not tried against the pattern."""
    end = line.rstrip()[-1:]
    return bool(end) and (end.isdecimal() or end in "-–—")


def clean_line(line):
    """One line without Markdown marks, odd spaces or bullets. Expecting lines like:
    '**ACTA DE LA SESIÓN ORDINARIA NÚMERO 2', '## Orden del día', '| Nombre | Cargo |'."""
    if not line or line.isspace():
        return ""   # nearly half an acta's lines: blank stays blank (NFC keeps a space a space)
    return _clean_marks(_normalise(line))


def _normalise(text):
    """Composed accents (NFC) and plain spaces. The same a line at a time or for a whole text:
    a line break is a character NFC never reorders or composes with. A text of the first 256
    characters is NFC already (no combining mark among them, no two that compose), and only
    its no-break spaces change: NFC's check of each character is skipped."""
    if text.isascii():
        return text
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
        text = text.replace("\u2003", " ").replace("\u2002", " ")
    return text.replace("\u00a0", " ")


def _clean_marks(line):
    """`clean_line` of a line already normalised (`_normalise`). Each mark is looked for only when
    its character is on the line (most lines have none)."""
    line = line.rstrip()
    if "-" in line and (("---" in line and MD_RULE_RE.fullmatch(line))
                        or ("|" in line and MD_RULE_PIPES_RE.fullmatch(line))):
        return ""   # a Markdown table's separator row, «|---|:-:|»
    if "|" in line and line.lstrip().startswith("|"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        line = "\t".join(cells)
    if "...." in line or ". ." in line:
        line = LEADERS_RE.sub("\t", line)   # dotted leaders «Nombre ……… Cargo»
    if "#" in line:
        line = HEADING_MARK_RE.sub("", line)
    if ">" in line:
        line = QUOTE_MARK_RE.sub("", line)
    if "*" in line or "_" in line:
        line = line.replace("**", "").replace("__", "")
        if "*" in line:
            line = EMPHASIS_RE.sub(r"\1", line)
    first = line.lstrip()[:1]
    if first and first in "•·▪●◦*+":
        line = BULLET_RE.sub("", line, count=1)
    return line


_IS_COLUMN_LINE_RE = re.compile(r"\S {3,}\S")


def is_column_line(line):
    """A roster-like line laid out in columns (tabs or runs of spaces). A run of three spaces is
    looked for with `in` before the pattern, which would otherwise walk every long prose line."""
    return "\t" in line.strip() or ("   " in line and bool(_IS_COLUMN_LINE_RE.search(line)))


@dataclass(init=False)
class Parrafo:
    """A paragraph of joined lines. `spans` holds (offset, linea) where each source line starts."""
    text: str
    spans: list

    def __init__(self, text, spans):
        self.text = text
        self.spans = spans
        self.linea = spans[0][1]   # an attribute, not a property: readers ask it ~5 000 times an acta

    @functools.cached_property
    def plegado(self):
        """`fold(text)`, kept on the paragraph once asked: a reader may ask it instead of calling
        `fold` on the text again (each call looks the text up in fold's memo)."""
        return fold(self.text)

    @property
    def ultima_linea(self):
        return self.spans[-1][1]

    def linea_at(self, offset):
        """The source line of the character at `offset`."""
        line = self.spans[0][1]
        for start, number in self.spans:
            if start > offset:
                break
            line = number
        return line


_HEADER_MAX = 160   # the longest line read as a page header
_THANKS = {"gracias", "muchas gracias", "bienvenido", "bienvenida"}
_LOOKS_LIKE_HEADER_RE2 = re.compile(r"\b[A-Z][a-z]{1,4}\.$")
_JOIN_PARAGRAPHS_RE = re.compile(r"[a-záéíóúñ]-$")
_CONTINUES_RE = re.compile(r"^\d+[.)]\s")


def _header_key_ends(text):
    """The first and last characters of the header key (`Texto._header_key`) of a stripped,
    non-empty line, without lowering the whole line; None when they cannot be told so (a final
    «Σ» lowers as «ς» or «σ» by what stands before it)."""
    if text[-1] == "Σ":
        return None
    return text[0].lower()[:1], text[-1].lower()[-1:]


class Texto:
    """An acta's text, cleaned. `lines[i]` is line i+1 of the original, '' where it was noise;
    `stripped[i]` is `lines[i].strip()`."""

    def __init__(self, raw):
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        self.raw_lines = raw.split("\n")
        lines = rejoin_grids(self.raw_lines)
        if not raw.isascii():   # a grid's rows hold the text's characters and tabs
            whole = "\n".join(lines)
            normalised = _normalise(whole)   # once for the text, not once a line (`clean_line`)
            if normalised is not whole:
                lines = normalised.split("\n")
        self.lines = [_clean_marks(line) if line else "" for line in lines]
        self.noise = [False] * len(self.lines)
        self._mark_page_numbers()
        self.lines = rejoin_cell_runs(self.lines)    # before repeated lines are taken for page headers:
        self._mark_repeated_headers()                # «Presente», «No aplica» recur in a table
        self.tablas = find_tables(self.lines)
        self.paragraphs = self._join_paragraphs()

    def _mark_page_numbers(self):
        """Lines that are only a page number (`PAGE_NUMBER_RE`), each tried only when it ends as
        one can (`_page_number_may_end`)."""
        self.page_breaks = []
        for index, line in enumerate(self.lines):
            if line and _page_number_may_end(line) and PAGE_NUMBER_RE.match(line):
                self._drop(index)
                self.page_breaks.append(index)

    def _mark_repeated_headers(self):
        """Lines that recur three times or more and read as a heading, not as speech: the page
        header of a PDF («Comité Técnico Asesor del Programa de Resultados…» on every page).
        The first occurrence at the top of the document is kept: it is the acta's heading."""
        lines = self.lines
        copies = Counter(lines)   # an acta repeats its header and «Gracias.» word for word:
        copies.pop("", None)      # each different line is judged once
        headers = {line for line in copies if "\t" not in line and self._looks_like_header(line)}
        if not headers:
            return
        key_of = {line: self._header_key(line) for line in headers}
        header_keys = set(key_of.values())
        # Other lines count towards a header's copies when they share its key («DURANGO», «Durango»);
        # a line whose key cannot begin and end as a header's does not, and is not lowered whole.
        ends = {(key[0], key[-1]) for key in header_keys}
        for line in copies:
            if line in key_of or not (text := line.strip()):
                continue
            line_ends = _header_key_ends(text)
            if line_ends is not None and line_ends not in ends:
                continue
            key = self._header_key(line)
            if key in header_keys:
                key_of[line] = key
        counts = {}
        for line, key in key_of.items():
            counts[key] = counts.get(key, 0) + copies[line]
        threshold = 3 if len(lines) > 80 else 4
        near_breaks = self._lines_near_page_breaks()
        first_of, first_text = {}, None
        for index in [index for index, line in enumerate(lines) if line in key_of]:
            line = lines[index]
            key = key_of[line]
            if counts[key] < 2:   # a header recurs
                continue
            first_of.setdefault(key, index)
            if line in headers and (counts[key] >= threshold or key in near_breaks):
                if first_text is None:     # the first prose line (a dropped header is never one)
                    first_text = next((i for i, l in enumerate(lines) if len(l) > 200 and len(l.strip()) > 200),
                                      len(lines))
                if index < first_text and first_of[key] == index:
                    continue
                self._drop(index)

    def _lines_near_page_breaks(self):
        """Keys of the lines within four lines of a page number («Página 2 de 3»): where a PDF's
        page header and footer stand, even in a two-page acta whose header repeats only twice."""
        keys = set()
        for index in self.page_breaks:
            for near in range(max(0, index - 4), min(len(self.lines), index + 5)):
                if near != index and self.lines[near].strip():
                    keys.add(self._header_key(self.lines[near]))
        return keys

    @staticmethod
    def _header_key(line):
        return " ".join(line.split()).lower() if line.strip() else ""

    @staticmethod
    def _looks_like_header(line):
        """Whether a line reads as a heading: short, no dash first, no full stop at the end
        (but an abbreviation's), no thanks, no ballot. Cheapest tests first."""
        text = line.strip()
        if len(text) < 4 or len(text) > _HEADER_MAX or text[0] in "-–—":
            return False
        if text.endswith((".", ":", "?")) and not _LOOKS_LIKE_HEADER_RE2.search(text[-7:]):
            return False   # the abbreviation is at most six characters and what stands before it
        if len(text.strip(".¡!")) <= 14 and text.lower().strip(".¡!") in _THANKS:
            return False   # lowering makes no text shorter: a longer one is no thanks
        return not (_may_be_ballot(text) and BALLOT_HINT_RE.search(text))

    def _drop(self, index):
        self.noise[index] = True
        self.lines[index] = ""

    def _join_paragraphs(self):
        """Join hard-wrapped lines. A line continues the previous one when the previous does not
        end a sentence and this one starts in lower case or with a digit (across blank lines and
        removed page headers, as in «…sesión ordinaria número⏎⏎[header]⏎1 de fecha 22…»), or when
        both are long prose lines with no blank line between them. Each line is stripped (kept in
        `stripped` for every reader) and asked whether it is laid out in columns once, here, for
        itself and for the line after it."""
        self.stripped = [line.strip() for line in self.lines]
        paragraphs, spans, gap, gap_has_noise = [], None, 0, False
        noise = self.noise
        previous = prev_text = ""
        prev_column = False
        for index, text in enumerate(self.stripped):
            if not text:
                gap += 1
                gap_has_noise = gap_has_noise or noise[index]
                continue
            column = "\t" in text or ("   " in text and bool(_IS_COLUMN_LINE_RE.search(text)))
            if spans is not None and text[0].islower() and (gap == 0 or gap_has_noise) \
                    and previous.endswith("-") and _JOIN_PARAGRAPHS_RE.search(previous[-2:]):
                previous = previous[:-1]      # «convo-⏎catoria», «unani-⏎[página]⏎midad»
                spans.append((len(previous), index + 1))
                previous += text
            elif spans is not None and _continues(previous, prev_text, prev_column, text, column, gap, gap_has_noise):
                spans.append((len(previous) + 1, index + 1))
                previous += " " + text
            else:
                if spans is not None:
                    paragraphs.append(Parrafo(previous, spans))
                previous, spans = text, [(0, index + 1)]
            prev_text, prev_column = text, column
            gap, gap_has_noise = 0, False
        if spans is not None:
            paragraphs.append(Parrafo(previous, spans))
        return paragraphs

    def line(self, number):
        """Cleaned text of 1-based line `number`."""
        return self.lines[number - 1] if 1 <= number <= len(self.lines) else ""

    def paragraph_at_line(self, number):
        for paragraph in self.paragraphs:
            if paragraph.linea <= number <= paragraph.ultima_linea:
                return paragraph
        return None


def _continues(previous, prev_text, prev_column, text, column, gap, gap_has_noise):
    """Whether the stripped line `text` continues the paragraph `previous`, whose last line,
    stripped, is `prev_text`; `prev_column` and `column` say whether each line is laid out in
    columns (`is_column_line`)."""
    if gap == 0 and previous.endswith(".") and text[0].isupper() and len(prev_text) >= 40 \
            and TITLE_AT_END_RE.search(previous[-40:]):
        return True   # «… El Mtro.⏎Ricardo Enrique Zamora …»: a title's dot ends no sentence
    if gap == 0 and previous.endswith(";") and len(prev_text) >= 60 and text[0].islower() \
            and not LIST_MARK_RE.match(text) and not prev_column:
        return True   # «…de casilla;⏎sexto, análisis y, …»: a prose enumeration wrapped after «;»
    if previous.endswith(_TERMINAL_ENDS) or prev_column or column:
        return False
    if text[0] in "-–—•·▪●◦" and BULLET_ITEM_RE.match(text):
        return False   # «- C. Óscar Manuel Rubio Heraldez, Representante — …»: a list item is its own paragraph
    starts_lower = text[0].islower() or (text[0].isdigit() and not _CONTINUES_RE.match(text))
    if gap == 0:
        if starts_lower:
            return True
        return len(prev_text) >= 60 and not prev_text.isupper()
    if starts_lower and (gap_has_noise or gap <= 1):
        return len(prev_text) >= 40
    return False
