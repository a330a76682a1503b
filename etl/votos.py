"""Votes: nominal ones (each ballot named) and votes by show of hands (counts only).

    parse_votaciones(lector, asistentes) -> [dict]   (the contract's `votaciones`)

A nominal vote is a run of ballot lines, each a person and a sense, in any of the layouts actas
use («-Dra. X. - A favor.», «Dr. X: a favor.», «-Mtro. X.- En contra.», «CONSEJERA ELECTORAL,
MTRA. X: Me abstengo, …»), closed by the statement of its result («-El orden del día es aprobado
por unanimidad.»). A vote by show of hands is a result statement with no ballots before it
(«Aprobado por unanimidad de votos», «por mayoría de votos: dos votos a favor y uno en contra»).
"""
import bisect
import functools
import itertools
import re
from re import _parser as sre_parse

from etl.patrones import Temprano, compilar, iniciales, minusculas_fiables
from etl.frases import ACUERDO_TOMADO, LLAMADO, RESULTADO, RESULTADO_NEGATIVO, RESULTADO_REFERIDO, SENTIDO, UNANIMIDAD
from etl.numeros import NUMBER_WORDS_RE, fold, to_int
from etl.vocabulario import fold_words, sentido_of
from etl.estructura import pares
from etl.asistencia import called_person
from etl.personas import (GRADO_RE, NAME_RE, Persona, better_spelling, canonical_grado, display_name,
                          looks_like_name, name_after_cargo, resolve)


SENSE_RE = rf"(?P<sentido>{SENTIDO.patron})"
BALLOT_LINE_RE = re.compile(
    rf"^[\s\-–—•*]*(?:[Yy]\s+)?(?P<who>[^:\t]{{3,170}}?)\s*(?:[.,]?\s*[-–—:]+\s*|\.\s+|,\s+|\t+|\s{{3,}})"
    rf"(?i:{SENSE_RE})\b(?P<rest>.*)$")
NAME_ONLY_LINE_RE = re.compile(rf"^[\s\-–—•*]*(?:[Yy]\s+)?(?P<who>{GRADO_RE}\s+{NAME_RE}[^:]{{0,80}}?)[.:]?\s*[-–—]?\s*$")
SENSE_ONLY_RE = re.compile(rf"^[\s\-–—•*]*(?i:{SENSE_RE})[\s.!,]*$")
RESULT_RE = RESULTADO            # phrase families search like compiled patterns, with a fast pre-test
NEGATIVE_RE = RESULTADO_NEGATIVO
REFERENCE_RE = RESULTADO_REFERIDO


class Comienzos:
    """A case-insensitive pattern matched only where a match can begin: at each place the
    lower-cased text holds one of the words every match begins with (`Temprano.comienzos`, read
    from the pattern), in order, instead of searched from the first of them to the end. A call
    of 500 characters that holds «propuesta» (whose «puest» may begin «puesto a votación el…»)
    but no call was searched letter by letter from there, ~0.15 µs a letter; the first place that
    matches is the one the search finds, so the match is the pattern's own. Where lower case does
    not keep the text's places (`minusculas_fiables`), or the pattern may begin otherwise, the
    whole text is searched. The same methods as `Temprano`: `search`, and `regex`."""

    __slots__ = ("regex", "comienzos", "palabras")

    def __init__(self, regex):
        self.regex, self.comienzos = regex, Temprano(regex).comienzos
        # «sometemos» begins where «somete» does: the shortest words find every beginning.
        self.palabras = tuple(sorted(w for w in self.comienzos or () if not any(
            w != other and w.startswith(other) for other in self.comienzos)))

    def search(self, text):
        lowered = _lowered(text) if self.palabras else None
        if lowered is None:
            return self.regex.search(text)
        match = self.regex.match
        for start in sorted({at for word in self.palabras for at in _occurrences(lowered, word)}):
            found = match(text, start)
            if found:
                return found
        return None


# A text in lower case for the searches of one vote (its call is read for the call, its sentences
# for the object), once per text.
_lowered = functools.lru_cache(maxsize=1 << 10)(minusculas_fiables)
CALL_RE = Comienzos(LLAMADO.regex)
FILLER_MAX = 60
# Words one of which every sense of SENTIDO contains (folded).
SENSE_WORDS = ("favor", "contra", "absten", "afirmativa", "negativa", "con el proyecto", "mismos terminos")
# Words one of which every match of SENTIDO (read case-insensitively) holds once folded, to the
# letter: «rmat» of «afirmativa», «smos» of «mismos», as `re.IGNORECASE` lets an «i» of the
# pattern match the dotless «ı», which `fold` keeps; «con\s+el» may be «con  el».
SENSE_NEEDS = ("favor", "contra", "absten", "rmat", "negat", "proyecto", "smos")


def _may_sense(folded):
    """False when a folded text cannot hold a sense of SENTIDO (nor a ballot line)."""
    return _has_any(folded, SENSE_NEEDS)


def _has_any(text, words):
    """Whether one of `words` is in `text`: a plain loop of `in`, three times faster than
    `any()` over a generator or one alternation of the words (asked of every line of the acta)."""
    for word in words:
        if word in text:
            return True
    return False


@functools.lru_cache(maxsize=1 << 12)
def _result_in(folded):
    """The first statement of a result in a folded text (`RESULTADO`), searched once per text:
    the paragraphs around each vote are read for its call and its statement, and again for votes
    by show of hands. The pattern's own search costs ~0.2 µs a character (its phrasings open with
    «es», «se», «no», «fue»…, tried at every letter) on a paragraph that merely holds «aprobación»;
    the pattern is instead matched only where a statement can begin (`_result_starts`), in the
    order a search tries them, so the first match is the search's own."""
    match = RESULT_RE.regex.match
    for start in _result_starts(folded):
        found = match(folded, start)
        if found:
            return found
    return None


RESULT_WORDS = RESULTADO.requiere     # «aprob», «aprueb», «rechaz»: one of them is in every statement


def _result_first():
    """The characters RESULTADO's matches begin with (all but at the text's start), read from its
    pattern; None when it cannot tell (then every place of a window is tried)."""
    if RESULTADO.regex.flags & re.IGNORECASE:
        return None
    chars, empty = iniciales(list(sre_parse.parse(RESULTADO.regex.pattern, RESULTADO.regex.flags)),
                             principio_probado=True)
    return None if chars is None or empty else frozenset(chars)


RESULT_FIRST = _result_first()      # «a», «e», «s», «n», «.»…: a statement opens with a word or a stop
# The longest run of words a statement puts before its word (after the blanks before it, and a
# «no» and its blanks): «quedan debidamente» of «quedan debidamente aprobados».
RESULT_LEAD = 18


def _result_starts(folded):
    """Where a statement of a result may begin, in ascending order: at the text's start
    («Aprobado.»), and a few characters before each of its words. Every statement holds one of
    `RESULT_WORDS` (RESULTADO's `requiere`) and nothing before that word but a short phrase
    («ha sido», «no se», «quedan debidamente», «. no»), blanks and none of the words: so it begins
    no earlier than `RESULT_LEAD` characters before the blanks, «no» and blanks that precede the
    first of the words it reaches, and after the one before. `tests/test_votos.py` checks the
    matches are the search's on every paragraph of the actas and on random texts."""
    words = sorted(at for word in RESULT_WORDS for at in _occurrences(folded, word))
    if not words:
        return
    yield 0
    tried = 1          # the first position not yet yielded
    for at in words:
        lead = _before_blanks(folded, at)
        lead = _before_blanks(folded, lead - 2) - RESULT_LEAD
        if RESULT_FIRST is None:
            yield from range(max(tried, lead), at + 1)
        else:
            yield from (start for start in range(max(tried, lead), at + 1) if folded[start] in RESULT_FIRST)
        tried = max(tried, at + 1)


def _occurrences(text, word):
    """Every place `word` starts in `text`."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _before_blanks(text, at):
    """The first of the blanks (`\\s`) that end at `at` (`at` itself when none)."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def parse_votaciones(lector, asistentes):
    """The session's votes, in order."""
    closing = lector.closing_line or 10 ** 9
    ballots = [b for b in _ballot_lines(lector, asistentes) if b["sentido"] or b["linea"] < closing]
    groups = _group_ballots(ballots, lector.doc.lines)
    votes, used_lines, known = [], set(), {}
    for group in groups:
        vote = _nominal_vote(lector, group, asistentes, used_lines, known)
        if vote:
            votes.append(vote)
    ballot_lines = {b["linea"] for b in ballots}
    standalone = {b["linea"] for b in ballots if "parrafo" not in b}
    for vote in _economic_votes(lector, asistentes, used_lines | ballot_lines, standalone):
        votes.append(vote)
    votes.sort(key=lambda v: v["_orden"])
    for vote in votes:
        del vote["_orden"]
        vote.pop("_parrafo", None)
    _check_votes(lector, votes)
    return votes


NOMINAL_CALL_RE = compilar(r"votacion nominal|tomare la votacion|votacion de manera nominal|en forma nominal")
NOMINAL_CALL_WORDS = ("nominal", "tomare la votacion")    # one of them in every match


def _check_votes(lector, votes):
    """Where the structure says votes should be and none were read, say so with the line: a
    nominal vote announced with no ballots after it, a vote with no count at all."""
    nominal_lines = sorted(v["fuente"]["linea"] for v in votes if v["forma"] == "nominal")
    folded = _folded_paragraphs(lector)[0]
    for index in _paragraphs_holding(lector, NOMINAL_CALL_WORDS):
        paragraph = lector.paragraphs[index]
        if paragraph.linea in lector.agenda_lines or paragraph.linea >= (lector.closing_line or 10 ** 9):
            continue
        # The ballots first: a call followed by its ballots (every one, in most actas) is not searched.
        if not _any_between(nominal_lines, paragraph.linea, paragraph.linea + 60) and \
                NOMINAL_CALL_RE.search(folded[index]):
            lector.aviso("Se anuncia una votación nominal pero no se leyeron sus votos: revise el acta.", paragraph.linea)
    for vote in votes:
        if vote["a_favor"] + vote["en_contra"] + vote["abstenciones"] == 0 and vote["forma"] == "nominal":
            lector.aviso("Votación nominal sin votos contados (0-0-0).", vote["fuente"]["linea"])


def _folded_paragraphs(lector):
    """The acta's paragraphs folded, joined by «\\n», and where each starts in the joined text:
    made once per acta, for `_paragraphs_holding` and the readers that walk every paragraph."""
    if getattr(lector, "_folded_of", None) is not lector.paragraphs:
        folded = [p.plegado for p in lector.paragraphs]
        starts = list(itertools.accumulate((len(f) + 1 for f in folded[:-1]), initial=0))
        lector._folded_of, lector._folded = lector.paragraphs, (folded, "\n".join(folded), starts)
    return lector._folded


def _paragraphs_holding(lector, words):
    """The indexes, ascending, of the paragraphs whose folded text holds one of `words` (none of
    which holds «\\n»): found with `str.find` over the whole acta at once, then placed by
    bisection, instead of a test, a fold and a call on each of its paragraphs (the votes by show
    of hands, the inline ballots and the check of nominal calls each asked all ~170 of them).
    A paragraph holding none of a pattern's necessary words is one the pattern cannot match."""
    _, joined, starts = _folded_paragraphs(lector)
    found, count = set(), len(starts)
    for word in words:
        at = joined.find(word)
        while at >= 0:
            index = bisect.bisect_right(starts, at) - 1
            found.add(index)
            at = joined.find(word, starts[index + 1]) if index + 1 < count else -1
    return sorted(found)


def _any_between(ordered, first, last):
    """Some line of `ordered` (sorted) is within first..last: by bisection, not a walk over every
    vote of the acta for every paragraph (that made a 4 MB acta quadratic)."""
    index = bisect.bisect_left(ordered, first)
    return index < len(ordered) and ordered[index] <= last


# ---- nominal ---------------------------------------------------------------------------------

def _ballot_lines(lector, asistentes=()):
    """Every line that is a ballot: (linea, who, sentido)."""
    lines = lector.doc.lines
    found = []
    columns = None
    # A wrapped line inside a prose paragraph is never a ballot line of its own («…Dra. Mariana
    # Isabel⏎Treviño Salazar, a favor; Mtro. …»): the paragraph is read whole, below.
    inside_prose = {line for p in lector.paragraphs if len(p.text) > 160 for _, line in p.spans[1:]}
    skipped = inside_prose | lector.agenda_lines
    for index, line in enumerate(lines):
        text = line.strip()
        if not text or len(text) > 260 or index + 1 in skipped:
            continue   # a table's separator row is blank by now; the table ends at its first non-ballot row
        # A header names two senses, each a cell: a row without one (a roster's «Nombre | Cargo»
        # rows) is not split and folded cell by cell (its line is folded once, for the reading).
        header = _sense_columns(line) if "\t" in line and _has_any(fold(text), _SENSE_HEADERS) else None
        if header:
            columns = header
            continue
        if columns:
            marked = _marked_ballot(line, columns, index + 1)
            if marked:
                found.append(marked)
                continue
            columns = None
        reading = _read_ballot_line(text)
        if reading is None:
            continue
        kind, value = reading
        if kind == "votos":
            found.extend({"linea": index + 1, "who": {"grado": grado, "nombre": nombre}, "sentido": sentido}
                         for grado, nombre, sentido in value)
            continue
        following = next((l.strip() for l in lines[index + 1:index + 3] if l.strip()), "")
        found.append({"linea": index + 1, "who": {"grado": value[0], "nombre": value[1]},
                      "sentido": _sense(following) if _may_sense(fold(following)) and SENSE_ONLY_RE.match(following)
                      else None})
    found.extend(_inline_ballots(lector, {b["linea"] for b in found}, asistentes))
    dialogue = _dialogue_ballots(lector, asistentes)
    answered = {b["linea"] for b in dialogue}
    found = [b for b in found if b["linea"] not in answered] + dialogue
    found.sort(key=lambda b: (b["linea"], b.get("fin", 0)))
    return found


@functools.lru_cache(maxsize=1 << 12)
def _read_ballot_line(text):
    """What one line (stripped) says as ballots, read once per distinct line (the real acta
    writes «-Dra. Alejandra del Carmen Arreola Delgado. - A favor.» on eight votes):
    ("votos", ((grado, nombre, sentido), …)) for a ballot line or a list of voters by sense
    (possibly none), ("nombre", (grado, nombre)) for a voter named alone, whose sense may stand
    on the next line, or None."""
    sensed = _has_any(fold(text), SENSE_WORDS)   # a fast test before the costly patterns
    match = BALLOT_LINE_RE.match(text) if sensed else None
    if match:
        who = _who_once(match.group("who"))
        return "votos", ((*who, _sense(match.group("sentido"))),) if who else ()
    grouped = SENSE_LIST_RE.match(text) if sensed else None
    if grouped:
        return "votos", _grouped_ballots(grouped)
    name_only = NAME_ONLY_LINE_RE.match(text)
    if name_only:
        who = _who_once(name_only.group("who"))
        return ("nombre", who) if who else ("votos", ())
    return None


def _dialogue_ballots(lector, asistentes):
    """A nominal vote as a dialogue: the Secretario names each member, the member answers on the
    next turn. Expecting text like:
        SECRETARIO EJECUTIVO: Consejera Fabiola Ruth Zavala Mendoza.
        CONSEJERA ELECTORAL, DRA. FABIOLA RUTH ZAVALA MENDOZA: A favor.
        SECRETARIO EJECUTIVO: Consejera Presidenta.
        CONSEJERA PRESIDENTA: Con el proyecto.
    A call that names only a cargo («Consejera Presidenta.») is the one person of the roster with
    that cargo."""
    closing = lector.closing_line or 10 ** 9
    paragraphs = [p for p in lector.paragraphs if p.linea < closing]
    found = []
    for par in pares(paragraphs, lambda text: _called_voter(text, asistentes) is not None):
        if par.tipo != "voto":
            continue
        who = _called_voter(par.llamado, asistentes)
        found.append({"linea": par.linea_respuesta, "who": who, "sentido": sentido_of(par.respuesta)})
    return found


def _called_voter(text, asistentes):
    """{grado, nombre} of the member a vote's call names, by name or by a cargo only one holds."""
    entry = called_person(text)
    if entry:
        return {"grado": entry["grado"], "nombre": entry["nombre"]}
    key = fold_words(text)
    if not key or len(key.split()) > 5 or not text.strip()[:1].isupper():
        return None
    holders = [p for p in asistentes if p.cargo and fold_words(p.cargo).startswith(key)]
    if len(holders) == 1:
        return {"grado": holders[0].grado, "nombre": holders[0].nombre}
    return None


_GENERIC_CARGO_WORDS = {"consejero", "consejera", "electoral", "el", "la", "de", "del"}


def _cargo_holder(cargo, asistentes):
    """«la Consejera Presidenta» in prose: the one person whose roster cargo has its specific
    words («Presidenta de la Comisión»); None when nobody or more than one has them."""
    words = set(fold_words(cargo).split()) - _GENERIC_CARGO_WORDS
    if not words:
        return None
    holders = [p for p in asistentes if p.cargo and words <= set(fold_words(p.cargo).split())]
    if len(holders) == 1:
        return {"grado": holders[0].grado, "nombre": holders[0].nombre}
    return None


INLINE_BALLOT_RE = compilar(
    rf"(?P<who>{GRADO_RE}\s+[A-ZÁÉÍÓÚ][\wáéíóúñ]+(?:\s+(?:de la\s+|de\s+|del\s+)?[A-ZÁÉÍÓÚ][\wáéíóúñ]+){{0,5}})"
    rf"\s*(?:[,:]\s*|\s+vot[oó]\s+(?:tambi[eé]n\s+)?)(?P<sentido>a favor|en contra|se abstuvo|abstenci[oó]n|me abstengo)\b")

_INLINE_SENSES = ("a favor", "en contra", "se abstuvo", "abstencion", "me abstengo")
INLINE_SENSE_RE = compilar("|".join(_INLINE_SENSES))
_INLINE_NAME = rf"{GRADO_RE}\s+[A-ZÁÉÍÓÚ][\wáéíóúñ]+(?:\s+(?:de la\s+|de\s+|del\s+)?[A-ZÁÉÍÓÚ][\wáéíóúñ]+){{0,5}}"
_INLINE_SENSE = r"(?P<sentido>a favor|en contra|se abstuvo|abstenci[oó]n|me abstengo)\b"
# «el Dr. Samuel Hernández Huesca y la Lic. Rocío Guadalupe Landa Jácome votaron en contra»
PLURAL_BALLOT_RE = compilar(
    rf"(?P<who>{_INLINE_NAME}(?:\s*(?:,|\by\b|\be\b)\s*(?:(?:el|la)\s+)?{_INLINE_NAME})+)\s+votaron\s+(?:tambi[eé]n\s+)?"
    + _INLINE_SENSE)
# «la Consejera Presidenta votó a favor»: a cargo only one person of the roster holds
CARGO_BALLOT_RE = compilar(
    r"\b(?:[Ee]l|[Ll]a)\s+(?P<cargo>[A-ZÁÉÍÓÚ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚ][\wáéíóúñ]+){0,3})\s+vot[oó]\s+(?:tambi[eé]n\s+)?"
    + _INLINE_SENSE)


def _inline_ballots(lector, taken, asistentes=()):
    """Ballots written in a sentence: 'Mtra. Barradas Lara, a favor; Dr. Hernández Huesca, a favor;
    Lic. Landa Jácome, a favor.', 'el Dr. X votó a favor, la Mtra. Y votó a favor…', 'la Consejera
    Presidenta votó a favor, mientras que el Dr. X y la Lic. Y votaron en contra' (two or more)."""
    found = []
    folded = _folded_paragraphs(lector)[0]
    # A paragraph with no sense and no « votaron » (folded: it is in the folded text when it is
    # in the text) is skipped below: only those holding one are read.
    for index in _paragraphs_holding(lector, _INLINE_SENSES + (" votaron ",)):
        paragraph = lector.paragraphs[index]
        if paragraph.linea in taken or paragraph.linea in lector.agenda_lines:
            continue
        if not _two_senses(folded[index]) and " votaron " not in paragraph.text:
            continue   # two ballots need two senses: most paragraphs are skipped before the costly search
        ballots = []
        for match in INLINE_BALLOT_RE.finditer(paragraph.text):
            who = _who(match.group("who")) or _who_surnames(match.group("who"))
            if who:
                ballots.append((match.start(), match.end(), who, match.group("sentido")))
        for match in PLURAL_BALLOT_RE.finditer(paragraph.text):
            for name in re.finditer(_INLINE_NAME, match.group("who")):
                who = _who(name.group(0)) or _who_surnames(name.group(0))
                if who:
                    ballots.append((match.start() + name.start(), match.end(), who, match.group("sentido")))
        for match in CARGO_BALLOT_RE.finditer(paragraph.text):
            who = (_called_voter(match.group("cargo"), asistentes) or _cargo_holder(match.group("cargo"), asistentes)) \
                if asistentes else None
            if who and not any(start <= match.start("cargo") < end for start, end, _, _ in ballots):
                ballots.append((match.start(), match.end(), who, match.group("sentido")))
        if len(ballots) < 2:
            continue
        for start, end, who, sentido in sorted(ballots, key=lambda b: b[0]):
            found.append({"linea": paragraph.linea_at(start), "who": who,
                          "sentido": _sense(sentido), "fin": end, "parrafo": paragraph})
    return found


def _two_senses(folded):
    """Whether a folded paragraph holds two senses or more. Each phrase counted alone (`str.count`)
    can only overcount the pattern's non-overlapping matches, so fewer than two counts decide
    without the pattern, which is searched only when there may be two."""
    counted = 0
    for sense in _INLINE_SENSES:
        if sense in folded:
            counted += folded.count(sense)
            if counted >= 2:
                return len(INLINE_SENSE_RE.findall(folded)) >= 2
    return False


_SENSE_COLUMNS_RE = re.compile(r"a favor|en contra|abstencion(es)?")
_SENSE_HEADERS = ("a favor", "en contra", "abstencion")    # one of them in every header cell


def _sense_columns(line):
    """A table header naming the senses: «Integrante | A favor | En contra | Abstención»."""
    cells = [fold(c).strip() for c in line.split("\t")]
    senses = {i: _sense(c) for i, c in enumerate(cells) if _SENSE_COLUMNS_RE.fullmatch(c)}
    return senses if len(senses) >= 2 else None


_MARKED_BALLOT_RE = re.compile(r"\s*[xX✓✔•]\s*")


def _marked_ballot(line, columns, linea):
    """«Dra. Karen Ocegueda Ramos | X | | |» under a header of senses."""
    cells = line.rstrip("\n").split("\t")
    who = _who(cells[0]) if cells else None
    marks = [i for i, c in enumerate(cells) if i in columns and _MARKED_BALLOT_RE.fullmatch(c)]
    if who and len(marks) == 1:
        return {"linea": linea, "who": who, "sentido": columns[marks[0]]}
    return None


SENSE_LIST_RE = re.compile(r"^\W*(?P<sentido>(?i:a favor|en contra|abstenci[oó]n(?:es)?|se abstienen?|se abstuvo))\s*:\s*(?P<lista>.+)$")


_GROUPED_BALLOTS_RE = re.compile(r"\.\s+(?=(?i:a favor|en contra|abstenci))")
_GROUPED_BALLOTS_RE2 = re.compile(r"(?i)\s*(ninguno|ninguna|nadie|0|cero)\b")


GROUPED_NAMES_SPLIT_RE = re.compile(r",\s*|\s+(?:y|e)\s+(?=" + GRADO_RE + r"\s)")


def _grouped_ballots(match):
    """«A favor: Mtra. Ruiz Matus, Dr. Jiménez Toledo e Ing. Mendoza Cruz.» — one ballot
    (grado, nombre, sentido) per name; «En contra: ninguno.» none."""
    lista = _GROUPED_BALLOTS_RE.split(match.group("lista"))[0]
    if _GROUPED_BALLOTS_RE2.match(lista):
        return ()
    ballots = []
    for part in GROUPED_NAMES_SPLIT_RE.split(lista):
        who = _who(part) or _who_surnames(part)
        if who:
            ballots.append((who["grado"], who["nombre"], _sense(match.group("sentido"))))
    return tuple(ballots)


_WHO_SURNAMES_RE = re.compile(rf"^\W*(?P<grado>{GRADO_RE})\s+(?P<nombre>[A-ZÁÉÍÓÚ][\wáéíóúñ]+(?:\s+[A-ZÁÉÍÓÚ][\wáéíóúñ]+)?)")


def _who_surnames(text):
    """«Mtra. Ruiz Matus»: a title and surnames only."""
    match = _WHO_SURNAMES_RE.match(text)
    if match:
        return {"grado": canonical_grado(match.group("grado")), "nombre": match.group("nombre")}
    return None


_WHO_RE = re.compile(rf"(?P<grado>{GRADO_RE})\s+(?P<nombre>{NAME_RE})")
_WHO_RE2 = re.compile(rf"^(?P<nombre>{NAME_RE})")


def _who(text):
    """The voter named on a ballot line: 'Dra. Alejandra del Carmen Arreola Delgado, Asesora
    Técnica del COTAPREP', 'CONSEJERA ELECTORAL, MTRA. ANA RUIZ SOTO', 'Dr. Martín Gallardo'."""
    found = _who_once(text)
    return {"grado": found[0], "nombre": found[1]} if found else None


@functools.lru_cache(maxsize=1 << 12)
def _who_once(text):
    """(grado, nombre) for `_who`, read once per spelling: an acta names each voter on every one
    of its votes (27 ballot lines, 3 spellings in the real acta)."""
    text = text.strip(" .-–—")
    match = _WHO_RE.search(text)
    if match:
        name = name_after_cargo(match.group("nombre"))
        if looks_like_name(name):
            return canonical_grado(match.group("grado")), name
    match = _WHO_RE2.match(text)
    if match:
        name = name_after_cargo(match.group("nombre"))
        if looks_like_name(name):
            return None, name
    return None


def _sense(text):
    return sentido_of(text)


def _group_ballots(ballots, lines):
    """Runs of ballot lines with only blank lines or courtesies («Gracias.») between them; a
    voter named twice with a sense starts a new run (a second vote)."""
    groups, current = [], []
    for ballot in ballots:
        if current and ballot["linea"] - current[-1]["linea"] > 6 and \
                _content_lines_between(lines, current[-1]["linea"], ballot["linea"]) > 3:
            groups.append(current)
            current = []
        if current and ballot["sentido"] and any(
                b["sentido"] and _same_voter(b["who"]["nombre"], ballot["who"]["nombre"]) for b in current):
            groups.append(current)
            current = []
        current.append(ballot)
    if current:
        groups.append(current)
    groups = [g for g in groups if any(b["sentido"] for b in g)]
    for group in groups:   # a run ends at its last ballot with a sense
        while not group[-1]["sentido"]:
            group.pop()
    return groups


def _content_lines_between(lines, first, last):
    """Lines with text between two ballots, page headers and blanks not counted."""
    return sum(1 for n in range(first + 1, last) if n <= len(lines) and lines[n - 1].strip())


@functools.lru_cache(maxsize=1 << 12)
def _same_voter(a, b):
    """Whether two ballots name one voter; asked for every ballot of a run against those before
    it, with the same few spellings on every vote of the acta."""
    from etl.personas import same_person
    return same_person(a, b) or fold(a) == fold(b)


def _nominal_vote(lector, group, asistentes, used_lines, known):
    """One nominal vote from its run of ballots and the result statement after it."""
    if _gap_has_prose(lector, group):
        return None
    votos, seen = [], {}
    for ballot in group:
        if not ballot["sentido"]:
            continue
        persona = _voter(lector, ballot, asistentes, known)
        name = display_name(persona.nombre)
        if name in seen:
            if seen[name] != ballot["sentido"]:
                lector.aviso(f"{name} vota dos veces con sentidos distintos; se toma el último.", ballot["linea"])
                votos = [v for v in votos if v["nombre"] != name]
            else:
                continue
        seen[name] = ballot["sentido"]
        votos.append({"nombre": name, "sentido": ballot["sentido"]})
    if not votos:
        return None
    last = group[-1]["linea"]
    statement = _statement_after(lector, last, group)
    first = group[0]["linea"]
    call = _call_before(lector, first)
    counts = {s: sum(1 for v in votos if v["sentido"] == s) for s in ("a favor", "en contra", "abstencion")}
    resultado = "aprobado" if counts["a favor"] > counts["en contra"] else "rechazado"
    unanimidad = len({v["sentido"] for v in votos}) == 1 and counts["abstencion"] == 0
    linea = first
    if statement:
        text, linea = statement
        used_lines.add(linea)
        declared = "rechazado" if NEGATIVE_RE.search(fold(text)) else "aprobado"
        if declared != resultado:
            lector.aviso(f"El acta declara «{text.strip()[:80]}» pero los votos nominales dan {counts['a favor']} a favor "
                         f"y {counts['en contra']} en contra.", linea)
            resultado = declared
        if "unanimidad" in fold(text) and not unanimidad:
            lector.aviso(f"El acta declara unanimidad pero los votos no son unánimes "
                         f"({counts['a favor']} a favor, {counts['en contra']} en contra, "
                         f"{counts['abstencion']} abstenciones).", linea)
        _check_declared_counts(lector, text, counts, linea)
    return {
        "punto": lector.punto_at(first), "asunto": _asunto(call, statement, lector, first),
        "forma": "nominal", "resultado": resultado, "unanimidad": unanimidad,
        "a_favor": counts["a favor"], "en_contra": counts["en contra"], "abstenciones": counts["abstencion"],
        "votos": votos, "fuente": {"linea": linea}, "_orden": linea, "_llamado": call,
    }


def _gap_has_prose(lector, group):
    """A 'ballot' run broken by long prose is not a vote (a speech that ends «… a favor»)."""
    if len([b for b in group if b["sentido"]]) >= 2:
        return False
    line = lector.doc.line(group[0]["linea"])
    return len(line) > 160


def _voter(lector, ballot, asistentes, known):
    """The roster person a ballot names; an unknown voter is added, with an aviso. `known` holds
    the spellings read since the roster last changed whose person already had them: `resolve`
    reads only the roster's names and spellings, so while no person and no spelling is added it
    names the same person again, and `add_spelling` of a spelling the person has, shown as it
    already is, changes nothing (the acta names each voter on every vote: 27 ballots, 3
    spellings)."""
    name = ballot["who"]["nombre"]
    if name in known:
        return known[name]
    persona = resolve(name, asistentes, single_word=True)
    if persona:
        if name in persona.spellings and better_spelling(persona.nombre, name) == persona.nombre:
            known[name] = persona
        else:
            known.clear()          # a new spelling: the roster reads differently from now on
            persona.add_spelling(name)
        return persona
    known.clear()
    persona = Persona(nombre=name, grado=ballot["who"]["grado"], rol="integrante",
                      con_voto=True, linea=ballot["linea"], origen="voto")
    asistentes.append(persona)
    lector.aviso(f"{display_name(persona.nombre)} vota pero no figura en la lista de asistencia.", ballot["linea"])
    return persona


def _statement_after(lector, last_line, group):
    """The result statement within the few paragraphs after the last ballot (or, for ballots
    written in a sentence, later in that same paragraph)."""
    own = group[-1].get("parrafo")
    if own is not None:
        rest = fold(own.text[group[-1]["fin"]:])
        match = _result_in(rest)
        if match:
            offset = group[-1]["fin"] + match.start()
            return own.text[group[-1]["fin"]:], own.linea_at(offset)
    ballot_lines = {b["linea"] for b in group}
    for paragraph in lector.paragraphs_between(last_line + 1, last_line + 12):
        folded = paragraph.plegado
        if paragraph.linea not in ballot_lines and _may_sense(folded) and BALLOT_LINE_RE.match(paragraph.text.strip()):
            break
        match = _result_in(folded)
        if match and not REFERENCE_RE.search(folded[match.start():match.end() + 30]):
            return paragraph.text, paragraph.linea_at(match.start())
        if len(paragraph.text) > 200:
            break
    return None


def _call_before(lector, first_line):
    """The paragraph that calls the vote: '…se somete a votación el orden del día por lo que
    procedo a tomar la votación nominal.' Looking back from the vote, a paragraph that records a
    finished vote ends the search: what lies before it called that vote, not this one."""
    end = lector.paragraph_index(first_line)     # the paragraphs before the vote
    start = lector.paragraph_index(first_line - 400)   # a paragraph may run long
    # None before the first whose lines so far reach within 14 of the vote can be near it: found
    # by bisection, not by asking every paragraph of the acta on every vote.
    start = max(start, bisect.bisect_left(_last_lines_so_far(lector), first_line - 14))
    before = [p for p in lector.paragraphs[start:end] if first_line - p.ultima_linea <= 14]
    for paragraph in reversed(before):
        last = _call_sentences(paragraph.text)[-1] if paragraph.text.strip() else ""
        result, long = _result_in(fold(last)), len(paragraph.text) > 40
        if not result and not long:
            continue       # «Gracias.»: no result to end the search, too short to be the call
        called = _call_in(last)
        if result and (not called or result.start() > called.start()):
            return None
        if called and long:
            return paragraph
        if long and not _result_in(paragraph.plegado) and _call_in(paragraph.text):
            return paragraph
    return None


@functools.lru_cache(maxsize=1 << 10)
def _call_in(text):
    """The first call (`CALL_RE`) in a text, once per text: each vote looks for its call in the
    paragraphs before it, and the same ballot lines («-Dra. X. - A favor.») stand before most."""
    return CALL_RE.search(text)


def _last_lines_so_far(lector):
    """For each paragraph, the last line reached by it or by any paragraph before it (ascending
    whatever the paragraphs' shapes); computed once per acta."""
    if getattr(lector, "_last_lines_of", None) is not lector.paragraphs:
        reached = list(itertools.accumulate((p.ultima_linea for p in lector.paragraphs), max))
        lector._last_lines_of, lector._last_lines_so_far = lector.paragraphs, reached
    return lector._last_lines_so_far


_ASUNTO_RE = re.compile(r"^[\W]*(?:punto \w+\.\s*)?(?:(?:gracias[^,]*|en el punto \w+|sin (?:observaciones|comentarios)|"
                          r"(?:no habiendo|al no haber|no habi[eé]ndose|sin que hubiera)\s[^,]{0,60}|"
                          r"se someti[oó] a votaci[oó]n y|"
                          r"en votaci[oó]n (?:econ[oó]mica|nominal)|puest[oa] a (?:consideraci[oó]n|votaci[oó]n)[^,]*|"
                          r"sometid[oa] a (?:consideraci[oó]n|votaci[oó]n)[^,]*|acto seguido|enseguida),\s*)+", re.IGNORECASE)
_ASUNTO_RE2 = re.compile(r"^(?P<a>.+?)\s+(?:es|son|ha sido|fue|queda|quedo|se)\s+(?:aprob|rechaz)", re.IGNORECASE)


def _asunto(call, statement, lector, line):
    """What was voted, in the acta's words: the object of «se somete a votación …» or «si están
    a favor de …», else the subject of the statement, else the agenda item."""
    if call is not None:
        for sentence in reversed(_call_sentences(call.text)):
            asunto = _asunto_in(sentence)
            if asunto:
                return asunto
    if statement:
        sentence = next((s for s in _call_sentences(statement[0]) if _result_in(fold(s))), statement[0])
        sentence = _ASUNTO_RE.sub("", sentence)
        match = _ASUNTO_RE2.match(sentence)
        if match and len(match.group("a")) > 3:
            return _trim_asunto(match.group("a"))
    punto = lector.punto_at(line)
    return next((t for n, t, _ in lector.orden if n == punto), None)


# «[.;]» first, its three letters checked behind it: the same cuts as «(?<=[a-záéíóúñ]{3})[.;]\s+»,
# but `re` jumps from one «.» or «;» to the next instead of trying the lookbehind at every letter.
_CALL_SENTENCES_RE = re.compile(r"[.;](?<=[a-záéíóúñ]{3}[.;])\s+")


@functools.lru_cache(maxsize=1 << 10)
def _call_sentences(text):
    """The sentences of a call, once per paragraph: a vote looks back at the paragraphs before it
    for its call (`_call_before`) and then reads the call's object in them (`_asunto`)."""
    return tuple(s for s in _CALL_SENTENCES_RE.split(text) if s.strip())


# What a call puts to the vote, in the acta's words; the first pattern that matches wins.
_ASUNTO_PATTERNS = (
    # «Enseguida se tomó la votación del informe con la corrección», «recabó la votación de …»
    r"(?:se vot[oó]|(?:se )?tom[oó] la votaci[oó]n|tomo la votaci[oó]n|recab[oó] la votaci[oó]n)"
    r"(?:\s+nominal|\s+econ[oó]mica)?\s+(?:(?:de\s+(?!las y los)|del\s+)(?P<a>.+)|"
    r"(?:(?:primero|despu[eé]s|luego|enseguida)\s+)?(?P<b>(?:el|la|los|las)\s+(?!y\b).+))",
    # «se somete a votación el orden del día», «Se somete ahora el Dictamen con la modificación»
    r"(?:se somete|someto|sometemos|somete|someti[oó]|sometieron|sometid[oa]s?|se pone|puso|se puso|puest[oa])\s+"
    r"(?:ahora\s+|a continuaci[oó]n\s+|enseguida\s+)?"
    r"(?:a (?:su )?(?:votaci[oó]n|consideraci[oó]n)(?:\s+(?:econ[oó]mica|nominal))?(?: de [^,]{0,40})?\s*(?:,\s*)?)?"
    r"(?P<a>(?:el|la|los|las)\b.+)",
    # «si están a favor de omitir la lectura …»
    r"(?:est[aá]n|estan|esten|est[eé]n)\s+a favor de(?:\s+la aprobaci[oó]n(?:,)?\s*(?:de)?)?\s*(?P<a>.+)",
    # «consultó si se aprobaba el acta con dicha corrección, lo que …»
    r"(?:consult\w+|pregunt\w+)\s+si\s+(?:se\s+)?(?:aprobaba[n]?|aprueba[n]?|(?:estaban|est[aá]n) de acuerdo con)"
    r"\s+(?P<a>.+?)(?:,\s*lo que|$)",
    r"aprobaci[oó]n de\s+(?P<a>.+)",
)
# Each pattern with words one of which its every match holds, folded (a sentence without them is
# not searched: the first two patterns cost ~50 µs on a 400-character call). Written without «i»:
# `re.IGNORECASE` lets «i» match the dotless «ı», which `fold` keeps.
_ASUNTO_WORDS = (
    ("se vot", "tomo la votac", "recabo la votac"),
    ("somet", "se pone", "puso", "puest"),
    ("a favor de",),
    ("consult", "pregunt"),
    ("aprobac",),
)
ASUNTO_RES = [(words, Comienzos(re.compile(p, re.IGNORECASE))) for words, p in zip(_ASUNTO_WORDS, _ASUNTO_PATTERNS)]


def _asunto_in(text):
    """The object of a call in one sentence, or None."""
    folded = fold(text)
    for words, regex in ASUNTO_RES:
        if not _has_any(folded, words):
            continue
        match = regex.search(text)
        if match:
            return _trim_asunto(match.groupdict().get("a") or match.group("b"))
    return None


_TRIM_ASUNTO_RE = re.compile(r",\s+con\s+(?:\w+\s+){0,2}votos?\b|,?\s+(?:por lo que|quienes est|quien est|les pido|les solicito|favor de manifestarlo|"
                    r"sirvanse|s[ií]rvanse|levantando|y procedo|procedo|de manera nominal|para lo cual)", re.IGNORECASE)


# The words after which `_TRIM_ASUNTO_RE` matches, lower case: each match is a «,» or blanks
# and then one of them.
_TRIM_WORDS = ("con", "por lo que", "quienes est", "quien est", "les pido", "les solicito", "favor de manifestarlo",
               "sirvanse", "sírvanse", "levantando", "y procedo", "procedo", "de manera nominal", "para lo cual")


def _trim_asunto(text):
    """The object of a call up to what follows it («…, por lo que procedo…»): the text before the
    first match (what `split(text)[0]` gave, without looking for the others)."""
    end = _trim_at(text)
    text = text[:end.start()] if end else text
    text = text.strip(" ,.;:")
    return (text[:1].upper() + text[1:])[:240] if text else None


def _trim_at(text):
    """`_TRIM_ASUNTO_RE.search(text)`, tried only where a match can begin, in order: the blanks
    before one of `_TRIM_WORDS` (from the first of them: the blanks from there on match too),
    or the «,» before those blanks. The pattern, read case-insensitively, opened a try at every
    blank of a 400-character object, ~0.06 µs a character; where lower case does not keep the
    text's places (`minusculas_fiables`) the text is searched whole."""
    lowered = _lowered(text)
    if lowered is None:
        return _TRIM_ASUNTO_RE.search(text)
    starts = set()
    for word in _TRIM_WORDS:
        for at in _occurrences(lowered, word):
            blank = _before_blanks(lowered, at)
            if blank < at:
                starts.add(blank)
                if blank and lowered[blank - 1] == ",":
                    starts.add(blank - 1)
    match = _TRIM_ASUNTO_RE.match
    for start in sorted(starts):
        found = match(text, start)
        if found:
            return found
    return None


def _check_declared_counts(lector, text, counts, linea):
    declared = _declared_counts(text)
    for key, label in (("a favor", "a favor"), ("en contra", "en contra"), ("abstencion", "abstenciones")):
        if declared.get(key) is not None and declared[key] != counts[key]:  # noqa: quoted below
            words = declared.get("_" + key) or str(declared[key])
            lector.aviso(f"El acta declara «{words}» y los votos nominales {label} son {counts[key]}.", linea)


_COUNT = rf"(\d+|{NUMBER_WORDS_RE})"


# «dos votos a favor», and as a form's field «a favor 2; en contra 1 (…); abstenciones 0».
COUNT_RES = (("a favor", re.compile(rf"{_COUNT}\s+(?:votos?\s+)?a favor|\ba favor:?\s+{_COUNT}\b")),
              ("en contra", re.compile(rf"{_COUNT}\s+(?:votos?\s+)?en contra|\ben contra:?\s+{_COUNT}\b")),
              ("abstencion", re.compile(rf"{_COUNT}\s+(?:votos?\s+(?:de\s+|en\s+)?)?abstenci(?:on|ones)|"
                                        rf"\babstenci(?:on|ones):?\s+{_COUNT}\b")))


COUNT_WORDS = {"a favor": "a favor", "en contra": "en contra", "abstencion": "absten"}


def _declared_counts(text):
    """Counts stated in words or digits: 'dos votos a favor y uno en contra', 'con cuatro votos a
    favor y una abstención', '3 votos en contra'."""
    folded = fold(text)
    counts = {}
    for key, pattern in COUNT_RES:
        if COUNT_WORDS[key] not in folded:
            continue   # no «a favor» in the text, no count of votes in favour
        match = pattern.search(folded)
        if match:
            counts[key] = to_int(next(g for g in match.groups() if g))
            counts["_" + key] = match.group(0)
    return counts


# ---- show of hands ---------------------------------------------------------------------------

_ECONOMIC_VOTES_RE = re.compile(r"\b(por el que|por la que|por los que|mediante el cual|mediante la cual|en el que|con el que)\s*$")
_ECONOMIC_VOTES_RE2 = re.compile(r"\b(fue aprobad[oa]|se aprobo) en (la|el) (sesion|reunion|acuerdo)\b")


def _economic_votes(lector, asistentes, used_lines, ballot_lines=frozenset()):
    """Result statements with no ballots before them: 'Aprobado por unanimidad de votos', 'se
    aprueba por mayoría de votos: dos votos a favor y uno en contra', 'no es aprobada'."""
    votes = []
    skip_puntos = None        # read when a statement first gets that far (in most actas none does)
    used_sorted = sorted(used_lines)
    every_folded = _folded_paragraphs(lector)[0]
    for index in _paragraphs_holding(lector, RESULT_WORDS):    # no statement without one of them
        paragraph = lector.paragraphs[index]
        if paragraph.linea in lector.agenda_lines or paragraph.linea >= (lector.closing_line or 10 ** 9):
            continue
        folded = every_folded[index]
        match = _result_in(folded)
        if not match or paragraph.linea_at(match.start()) in used_lines:
            continue
        if _any_between(used_sorted, paragraph.linea, paragraph.ultima_linea):
            continue
        counted = UNANIMIDAD.search(folded) or _declared_counts(paragraph.text)
        if paragraph.text.rstrip().endswith(":") and not counted or not counted and any(
                l in ballot_lines for l in range(paragraph.ultima_linea + 1, paragraph.ultima_linea + 4)):
            continue   # «Sometido a votación nominal, el orden del día se aprobó así:» introduces ballots
        if ACUERDO_TOMADO.search(folded) and votes and index - votes[-1]["_parrafo"] <= 2:
            continue   # «ACUERDO 06/03/2022: Se aprueba el orden del día…» records the vote just read
        window = folded[max(0, match.start() - 60):match.end() + 40]
        if match.group(0).startswith(("se aprob", "se aprueb", "se rechaz")) and _ECONOMIC_VOTES_RE.search(folded[max(0, match.start() - 25):match.start()]):
            continue   # «el acuerdo … por el que se aprobó …» names an earlier decision
        if REFERENCE_RE.search(folded[match.start():match.end() + 30]) or _ECONOMIC_VOTES_RE2.search(window):
            continue
        linea = paragraph.linea_at(match.start())
        punto = lector.punto_at(linea)
        if skip_puntos is None:
            skip_puntos = _summary_puntos(lector)
        if punto in skip_puntos:
            continue
        previous = lector.paragraphs[index - 1].text if index else ""
        if not _is_vote_statement(folded, fold(previous)):
            continue
        parts = _decisions(paragraph.text)
        if len(parts) < 2:
            parts = [(0, paragraph.text)]
        counts_before = ""
        if index and not _declared_counts(paragraph.text) and \
                lector.paragraphs[index - 1].ultima_linea + 1 == paragraph.linea and \
                _declared_counts(lector.paragraphs[index - 1].text):
            # «Votación: a favor 2; en contra 1 (…); abstenciones 0.⏎Aprobado por mayoría.»
            counts_before = lector.paragraphs[index - 1].text + " "
        for offset, part in parts:
            found = _result_in(fold(part))
            at = paragraph.linea_at(offset + (found.start() if found else 0))
            votes.append(_economic_vote(lector, counts_before + part, at, lector.punto_at(at), asistentes, index))
            votes[-1]["_parrafo"] = index
    return votes


SENTENCE_RE = re.compile(r"(?<=[a-záéíóúñ)\d]{2})\.\s+(?=[A-ZÁÉÍÓÚ])")
# A second call in the same sentence: «…, mismas que fueron aprobadas por unanimidad de votos, y
# enseguida sometió a votación el informe …, el cual fue aprobado con dos votos a favor».
_SECOND_CALL_RE = re.compile(r",\s+y\s+(?=(?:enseguida|acto seguido|a continuaci[oó]n|posteriormente|luego|despu[eé]s)"
                             r",?\s+(?:se\s+)?(?:someti[oó]|sometieron|tom[oó] la votaci[oó]n|recab[oó] la votaci[oó]n))",
                             re.IGNORECASE)


def _decisions(text):
    """A paragraph that records two decisions, one sentence each, split in two: 'Las
    observaciones a), b) y c) se aprobaron por unanimidad en votación económica. La propuesta d)
    se sometió a votación económica y no se aprobó, con un voto a favor … y tres votos en
    contra.' Each part runs from its decision to the next one (the first from the start)."""
    starts, cursor = [], 0
    for piece in [part for sentence in SENTENCE_RE.split(text) for part in _SECOND_CALL_RE.split(sentence)]:
        offset = text.find(piece, cursor)
        cursor = offset + len(piece)
        folded = fold(piece)
        match = _result_in(folded)
        if match and not REFERENCE_RE.search(folded[match.start():match.end() + 30]) and \
                _is_vote_statement(folded, "") and not ACUERDO_TOMADO.search(folded):
            starts.append(offset)
    if len(starts) < 2:
        return []
    starts[0] = 0
    return [(start, text[start:end]) for start, end in zip(starts, starts[1:] + [len(text)])]


_IS_VOTE_STATEMENT_RE = re.compile(r"unanimidad|mayoria|votos?\b|\bvotacion\b|levant\w+ la mano|se aprueba|no se aprueba")
_IS_VOTE_STATEMENT_RE2 = re.compile(r"votacion|levant\w+ la mano|sirvanse|manifestarlo|quienes esten")


def _is_vote_statement(folded, previous):
    """A declaration of a result, not a report of one («En esta sesión se aprobó el acta…»)."""
    if _IS_VOTE_STATEMENT_RE.search(folded):
        return True
    return bool(_IS_VOTE_STATEMENT_RE2.search(previous))


_SUMMARY_PUNTOS_RE = re.compile(r"sintesis|resumen|relacion de acuerdos|acuerdos tomados|clausura|lectura de acuerdos")


def _summary_puntos(lector):
    """Agenda items that recount rather than decide («Síntesis de los acuerdos tomados»)."""
    return {n for n, t, _ in lector.orden
            if _SUMMARY_PUNTOS_RE.search(fold(t))}


_ECONOMIC_VOTE_RE = re.compile(r"consult\w*\s+si|pregunt\w*\s+si|somet\w+ a (votacion|consideracion)|puest[oa] a (votacion|consideracion)")


def _economic_vote(lector, text, linea, punto, asistentes, index):
    folded = fold(text)
    declared = _declared_counts(text)
    negative = bool(NEGATIVE_RE.search(folded))
    unanimous_said = "unanimidad" in folded
    voters = [p for p in asistentes if p.presente and (p.rol == "integrante" or p.con_voto)
              and _present_at(p, punto, linea)]
    a_favor = declared.get("a favor")
    en_contra = declared.get("en contra") or _named_count(text, r"(?:el|los) votos? en contra")
    abstenciones = declared.get("abstencion") or _named_count(text, r"(?:la|las) abstenci(?:o|ó)n(?:es)?")
    if a_favor is None and "mayoria" in folded and (en_contra or abstenciones) and not negative:
        a_favor = max(len(voters) - en_contra - abstenciones, 0)
    if a_favor is None:
        if unanimous_said and not negative:
            a_favor = len(voters)
        elif unanimous_said and negative:
            a_favor, en_contra = 0, declared.get("en contra") or len(voters)
        else:
            a_favor = 0
            lector.aviso("Votación económica sin recuento de votos: se registra el resultado sin cifras.", linea)
    resultado = "rechazado" if negative else "aprobado"
    if declared.get("a favor") is not None and ((resultado == "aprobado") != (a_favor > en_contra)):
        lector.aviso(f"El resultado declarado ({resultado}) no corresponde al recuento: {a_favor} a favor y "
                     f"{en_contra} en contra.", linea)
    unanimidad = (unanimous_said or (en_contra == 0 and abstenciones == 0 and a_favor > 0)) and not (
        (en_contra and a_favor) or abstenciones)
    if unanimous_said and (abstenciones or (en_contra and a_favor)):
        lector.aviso("El acta declara unanimidad pero el recuento no es unánime.", linea)
    own = lector.paragraphs[index]
    call = own if _ECONOMIC_VOTE_RE.search(folded) \
        else (_call_before(lector, linea) if index else None)
    return {
        "punto": punto, "asunto": _asunto(call, (text, linea), lector, linea), "forma": "economica",
        "resultado": resultado, "unanimidad": bool(unanimidad), "a_favor": a_favor, "en_contra": en_contra,
        "abstenciones": abstenciones, "votos": [], "fuente": {"linea": linea}, "_orden": linea, "_llamado": call,
    }


_NAMED_COUNT_RE = re.compile(rf"(?<![\w.]){GRADO_RE}\s+[A-ZÁÉÍÓÚ]")


@functools.lru_cache(maxsize=8)
def _named_count_re(phrase):
    return re.compile(rf"(?i:{phrase})\s+(?:del?|de la|de los|de las)\s+(?P<rest>[^;]{{3,200}})")


def _named_count(text, phrase):
    """How many people a sentence names after «con el voto en contra del Dr. X y de la Mtra. Y»."""
    match = _named_count_re(phrase).search(text)
    if not match:
        return 0
    return max(1, len(_NAMED_COUNT_RE.findall(match.group("rest"))))


def _present_at(persona, punto, linea=None):
    """Whether a person was there for a vote of item `punto` stated at `linea`: arrivals and
    departures count by item, and within the item by line («se retiró … » before the vote)."""
    if punto is None:
        return True
    if persona.llegada_punto is not None and (punto < persona.llegada_punto or punto == persona.llegada_punto
                                              and linea and (persona.llegada_linea or 0) > linea):
        return False
    return not (persona.retiro_punto is not None and (punto > persona.retiro_punto or punto == persona.retiro_punto
                                                      and linea and persona.retiro_linea and persona.retiro_linea < linea))
