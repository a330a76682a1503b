"""People in an acta: titles, names, roster lines, roles and the same person under many spellings.

Rosters come as columns («DRA. ALEJANDRA DEL CARMEN ARREOLA DELGADO⇥ASESORA TÉCNICA»), as
«Nombre — Cargo», as «Partido X: C. Nombre, representante propietario», as signatures (name on
one line, cargo on the next), and people are named again in prose with shorter forms
(«la Doctora Alejandra Arreola», «Dr. Martín Gallardo»). Everything here is pure.
"""
import functools
import re
from re import _constants as sre
from re import _parser as sre_parse

from etl.vocabulario import GRADO_RE, GRADOS, LOWER_PARTICLES, PARTICLES, fold as fold_accents, fold_words, prefix_tree
from dataclasses import dataclass, field

_UPPER = "A-ZÁÉÍÓÚÜÑ"
_LOWER = "a-záéíóúüñ"
_NAME_WORD = rf"(?:[{_UPPER}][{_LOWER}{_UPPER}'’]+(?:-[{_UPPER}][{_LOWER}{_UPPER}]+)?)"
_PARTICLE = r"(?:de|del|la|las|los|y|De|Del|DE|DEL|LA|LAS|LOS|Y)"
# A personal name: two to eight capitalised words, particles allowed inside.
# A name never runs into the next person's title: «Lic. Teresa Romo Delgado y Dra. Claudia …».
_NOT_TITLE = rf"(?!{GRADO_RE}(?:\.|\s))"
NAME_RE = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NOT_TITLE}{_NAME_WORD}){{1,7}}"
# The title is read in any case, the name only capitalised («al Licenciado Jorge Alfredo Salas
# Berumen representante del…» stops before «representante»).
TITLED_NAME_RE = re.compile(rf"(?<![\w.])(?P<grado>{GRADO_RE})\s+(?P<nombre>{NAME_RE})")
NAME_ONLY_RE = re.compile(NAME_RE)

NOT_NAME_WORDS = {
    "asesor", "asesora", "secretario", "secretaria", "representante", "consejero", "consejera",
    "presidente", "presidenta", "tecnico", "tecnica", "electoral", "comite", "partido", "instituto",
    "gracias", "buenas", "tardes", "dias", "noches", "integrante", "integrantes", "vocal", "cotaprep",
    "prep", "propietario", "propietaria", "suplente", "sesion", "acta", "punto", "orden", "dia",
    "licenciado", "licenciada", "doctor", "doctora", "maestro", "maestra", "ingeniero", "ingeniera",
    "bienvenido", "bienvenida", "comision", "consejo", "rpte", "presente", "ausente", "invitado",
    "invitados", "favor", "contra", "general", "ejecutivo", "ejecutiva", "director", "directora",
    "titular", "unidad", "encargado", "encargada", "jefe", "jefa", "coordinador", "coordinadora",
    "electorales", "preliminares", "resultados", "programa", "politicos", "politico", "partidos", "estado",
    "nacional", "proceso", "local", "federal", "ordinaria", "extraordinaria", "comites", "tecnicos",
    "asesores", "consejeros", "consejeras", "representantes", "ciudadana", "ciudadano", "participacion",
    "sala", "pleno", "congreso", "suprema", "corte", "justicia", "tribunal", "comisiones", "acuerdo",
    "dictamen", "informe", "anexo", "firmas", "conste", "lista", "asistencia", "ausentes", "presentes",
    "nombre", "nombres", "cargo", "cargos", "calidad", "sentido", "voto", "votos", "firma", "observaciones",
    "asistentes", "representacion", "representaciones", "modalidad", "hora", "fecha",
}


@functools.lru_cache(maxsize=1 << 14)
def fold(text):
    """`fold_words` (lower case, no accents, no punctuation: etl/vocabulario.py), kept per text
    within a parse (a cargo or a name is folded again by each reader that looks at it). A name or
    cargo of letters and spaces only («ALEJANDRA DEL CARMEN») needs no punctuation removed: its
    words are joined as they are, without the regular expression."""
    folded = fold_accents(text)
    if folded.replace(" ", "").isalnum():
        return " ".join(folded.split())
    return fold_words(text)


@functools.lru_cache(maxsize=1 << 14)
def name_words(name):
    """The significant words of a name (no particles), folded."""
    return tuple(w for w in fold(name).split() if w not in PARTICLES)


@functools.lru_cache(maxsize=1 << 14)
def _name_set(name):
    return frozenset(name_words(name))


_CANONICAL_GRADO_RE = re.compile(r"[.\s]+")


@functools.lru_cache(maxsize=1 << 12)
def canonical_grado(text):
    """«DRA.» -> «Dra.»; «Licenciado» -> «Lic.»; None when not a title."""
    key = " ".join(_CANONICAL_GRADO_RE.sub(" ", fold(text)).split())
    if key in GRADOS:
        return GRADOS[key]
    return GRADOS.get(key.replace(" ", ""))


KEEP_UPPER = {"PREP", "COTAPREP", "INE", "IEPC", "UTC", "OPL", "PAN", "PRI", "PRD", "PT", "PVEM", "MC",
              "MORENA", "PES", "RSP", "FXM", "PD", "CG", "IEE", "IEEM", "OPLE", "II", "III", "IV", "VI"}


_TITLE_CASE_RE = re.compile(r"(?:[A-ZÁÉÍÓÚÑ]\.){2,}[A-ZÁÉÍÓÚÑ]?\.?")


@functools.lru_cache(maxsize=1 << 12)
def title_case(name):
    """«ALEJANDRA DEL CARMEN ARREOLA DELGADO» -> «Alejandra del Carmen Arreola Delgado»; dotted
    acronyms and known ones stay as written («RPTE. SUP. P.A.N.» -> «Rpte. Sup. P.A.N.»)."""
    words = []
    for index, word in enumerate(name.split()):
        lower = word.lower()
        # (a dotted acronym has two dots at least: the pattern is not tried on other words)
        if (word.count(".") >= 2 and _TITLE_CASE_RE.fullmatch(word)) or word.strip(".,;:()") in KEEP_UPPER:
            words.append(word)
        elif index and lower in LOWER_PARTICLES:
            words.append(lower)
        elif "-" in word:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
        else:
            words.append(word[:1].upper() + word[1:].lower())
    return " ".join(words)


@functools.lru_cache(maxsize=1 << 12)
def clean_name(name):
    """Trim a captured name of trailing cargo words and punctuation."""
    words = name.strip(" ,.;:-–—").split()
    while words and ((last := fold(words[-1])) in NOT_NAME_WORDS or last in PARTICLES):
        words.pop()
    while words and fold(words[0]) in PARTICLES:
        words.pop(0)
    return " ".join(words)


def name_after_cargo(name):
    """A speaker's or a roll call's name without the cargo before it: «Consejero Fausto Emiliano
    Trejo Barrera» -> «Fausto Emiliano Trejo Barrera»; «Consejera Presidenta» -> ''."""
    words = clean_name(name).split()
    while words and (fold(words[0]) in NOT_NAME_WORDS or fold(words[0]) in PARTICLES):
        words.pop(0)
    return " ".join(words)


@functools.lru_cache(maxsize=1 << 12)
def looks_like_name(name):
    words = name_words(name)
    return len(words) >= 2 and not any(w in NOT_NAME_WORDS for w in words)


def same_person(a, b):
    """One name's words all stand in the other's, and they share two words or more:
    «Martín Gallardo» is «Martín Gallardo García»; «Alejandra Arreola» is
    «Alejandra del Carmen Arreola Delgado»."""
    return _same_words(_name_set(a), _name_set(b))


def _same_words(wa, wb):
    """`same_person` on the word sets of two names."""
    return len(wa & wb) >= 2 and (wa <= wb or wb <= wa)


def better_spelling(a, b):
    """Of two spellings of one name, the one to show: the fuller (more words), then the one
    written in mixed case (it keeps the acta's capitalisation and accents); on a tie the first
    seen, the attendance list's («BEATRIZ» in the list, «BEATRÍZ» in the signatures)."""
    def rank(name):
        return (len(name_words(name)), not name.isupper())
    return a if rank(a) >= rank(b) else b


def display_name(name):
    """A name to show: mixed case as written, or title case when the acta writes capitals."""
    return title_case(name) if name.isupper() else name


@dataclass
class Persona:
    """One person as the acta states them; the fields are the contract's `asistentes[]`."""
    nombre: str
    grado: str = None
    cargo: str = None
    rol: str = "otro"
    con_voto: bool = False
    partido: str = None
    calidad: str = None
    presente: bool = True
    llegada_punto: int = None
    retiro_punto: int = None
    linea: int = None
    spellings: list = field(default_factory=list)
    origen: str = "lista"            # lista, firma, prosa, voto
    tarde: bool = False              # the roster says they came late («Retardo»): a later arrival is theirs
    llegada_linea: int = None        # where the acta says they arrived / left: a vote of the same
    retiro_linea: int = None         # item before that line counts them out / in

    # The word sets of the name and of each spelling, and all their words together, for `resolve`
    # (each name an acta mentions is compared with every attendee): kept up to date by
    # `add_spelling`, the one way a name or its spellings change once the person is made.
    _sets: tuple = field(default=(), init=False, repr=False, compare=False)
    _words: frozenset = field(default=frozenset(), init=False, repr=False, compare=False)

    def __post_init__(self):
        self._index_words()

    def add_spelling(self, name):
        known = name in self.spellings
        if not known:                      # each ballot names its voter again: keep one of each
            self.spellings.append(name)
        nombre = better_spelling(self.nombre, name)
        if known and nombre == self.nombre:
            return                         # the same name and spellings: their words are indexed
        self.nombre = nombre
        self._index_words()

    def _index_words(self):
        self._sets = tuple(_name_set(s) for s in [self.nombre, *self.spellings])
        self._words = frozenset().union(*self._sets)

    def as_fact(self):
        return {
            "nombre": display_name(self.nombre), "grado": self.grado, "cargo": self.cargo,
            "rol": self.rol, "con_voto": self.con_voto, "partido": self.partido,
            "calidad": self.calidad, "presente": self.presente,
            "llegada_punto": self.llegada_punto, "retiro_punto": self.retiro_punto,
            "fuente": {"linea": self.linea},
        }


_CALIDAD_OF_RE = re.compile(r"\b(suplente|sup|supl)\b")
_CALIDAD_OF_RE2 = re.compile(r"\b(propietari[oa]|prop)\b")


@functools.lru_cache(maxsize=1 << 12)
def calidad_of(text):
    """«RPTE. SUP. P.A.N.», «representante suplente» -> suplente; «propietaria» -> propietario."""
    folded = fold(text)
    if _CALIDAD_OF_RE.search(folded):
        return "suplente"
    if _CALIDAD_OF_RE2.search(folded):
        return "propietario"
    return None


_ROL_OF_RE = re.compile(r"\bsecretari[oa]\b")
_ROL_OF_RE2 = re.compile(r"\b(representante|rpte|rep|representacion)\b")
_ROL_OF_RE3 = re.compile(r"\b(asesor|asesora|asesores|asesoras)\b")
_ROL_OF_RE4 = re.compile(r"\binvitad[oa]\b")
_ROL_OF_RE5 = re.compile(r"\b(asesor|asesora|asesores|asesoras|integrantes?|vocal|vocales|miembros?|comisionad[oa]s?)\b")
_ROL_OF_RE6 = re.compile(r"\bpresident[ea]\b")
_ROL_OF_RE7 = re.compile(r"\b(comite|comision|consejo)\b")
_ROL_OF_RE8 = re.compile(r"\bconsejer[oa]s?\b")
_ROL_OF_RE9 = re.compile(r"\b(titular|director|directora|coordinador|coordinadora|jefe|jefa|encargad[oa]|auxiliar|"
                 r"personal|enlace|analista|subdirector|subdirectora)\b")


@functools.lru_cache(maxsize=1 << 12)
def rol_of(cargo, section=None, organo=None):
    """The contract's rol from a cargo and the roster section it stands in. Expecting cargos like:
    'ASESORA TÉCNICA', 'SECRETARIO TÉCNICO', 'RPTE. PROP. P.T.', 'CONSEJERO PRESIDENTE'."""
    folded = fold(cargo)
    section = section or ""
    if _ROL_OF_RE.search(folded) and "representante" not in folded:
        return "secretario"
    if _ROL_OF_RE2.search(folded):
        return "representante"
    if _ROL_OF_RE3.search(folded):
        return "integrante"
    if section == "representante":
        return "representante"
    if section == "invitado" or _ROL_OF_RE4.search(folded):
        return "invitado"
    if _ROL_OF_RE5.search(folded):
        return "integrante"
    if _ROL_OF_RE6.search(folded) and _ROL_OF_RE7.search(folded) and \
            _presides_this_body(folded, organo):
        return "integrante"
    if _ROL_OF_RE8.search(folded):
        if section == "integrante" or _organo_of_consejeros(organo):
            return "integrante"
        return "invitado"
    if section in ("integrante", "invitado"):
        return section
    if _ROL_OF_RE9.search(folded):
        return "invitado"
    return "otro"


_PRESIDES_THIS_BODY_RE = re.compile(r"\bpresident[ea]\s+(?:del|de la)\s+((?:comite|comision|consejo)\b.*)$")


def _presides_this_body(folded_cargo, organo):
    """«Presidente de la Comisión de Seguimiento del PREP» presides that commission, not the
    committee that is meeting."""
    match = _PRESIDES_THIS_BODY_RE.search(folded_cargo)
    if not match or not organo:
        return True
    said, body = set(match.group(1).split()[:5]), set(fold(organo).split()[:5])
    return len(said & body) >= min(3, len(said))


def _organo_of_consejeros(organo):
    """Bodies whose voting members are consejeros: commissions and councils, not the
    technical committees where consejeros attend as guests."""
    folded = fold(organo)
    return bool(folded) and ("comision" in folded or "consejo" in folded) and "comite" not in folded


def resolve(name, people, single_word=False):
    """The one person of `people` that `name` designates, or None when none or several do.
    «Dr. Martín Gallardo» designates «Martín Gallardo García»; with `single_word`, a lone
    surname («la Dra. Arreola») designates the only person who bears it."""
    words = _name_set(name)
    # `same_person` needs two shared words: a name of fewer designates no one by it, and a person
    # whose spellings together share fewer than two words with it is passed over unread (most
    # share none, which `isdisjoint` tells without making the set of shared words).
    matches = [p for p in people if not words.isdisjoint(p._words) and len(words & p._words) >= 2
               and any(_same_words(words, spelt) for spelt in p._sets)] if len(words) >= 2 else []
    if len(matches) == 1:
        return matches[0]
    if not matches and single_word:
        words = name_words(name)
        if len(words) == 1:
            matches = [p for p in people if words[0] in name_words(p.nombre)]
            if len(matches) == 1:
                return matches[0]
    exact = [p for p in matches if _name_set(p.nombre) == _name_set(name)]
    return exact[0] if len(exact) == 1 else None


def names_in(text):
    """Titled names in running text: [(grado, nombre, start, end)]. Expecting text like:
    'al Licenciado Jorge Alfredo Salas Berumen representante del Partido…'."""
    return list(_names_in(text))


# `TITLED_NAME_RE` with its look-behind written as the character it looks at: a pattern that begins
# with a character class lets the regex engine skip to the next space or punctuation mark instead
# of trying the sixty titles at every letter (a third less time over a whole acta).
_TITLED_NAME_SCAN_RE = re.compile(rf"[^\w.](?P<grado>{GRADO_RE})\s+(?P<nombre>{NAME_RE})")


# Most paragraphs name no one with a title, and `_TITLED_NAME_SCAN_RE` costs them ~300
# instructions a character all the same: the sixty titles are tried after every space. Read
# backwards, a titled name is rare from its first character: a capital (where the name begins),
# spaces, then a title from its last letter, then the character before it. A text in which that
# is not found backwards has no titled name, and is answered without the forward scan (a third of
# its cost over the real acta); the names of any other text are still those of the scan.

def _one_character(op, av):
    """The regex text of a parsed character or class of `GRADO_RE` (letters in their cases, «.», `\\s`)."""
    if op is sre.LITERAL:
        return re.escape(chr(av))
    parts = []
    for kind, value in av:
        if kind is sre.LITERAL:
            parts.append(re.escape(chr(value)))
        elif kind is sre.CATEGORY and value is sre.CATEGORY_SPACE:
            parts.append(r"\s")
        else:
            raise ValueError(f"GRADO_RE: no se lee al revés la clase {kind} {value}")
    return "[" + "".join(parts) + "]"


def _runs(items):
    """Every run of single characters and classes that a parsed pattern of them, groups,
    alternations and optional items (`GRADO_RE`) can stand for: a finite list."""
    runs = [()]
    for op, av in items:
        if op is sre.SUBPATTERN and not av[1] and not av[2]:
            options = _runs(av[3])
        elif op is sre.BRANCH:
            options = [run for alternative in av[1] for run in _runs(alternative)]
        elif op is sre.MAX_REPEAT and (av[0], av[1]) == (0, 1):
            options = [()] + _runs(av[2])
        elif op in (sre.LITERAL, sre.IN):
            options = [(_one_character(op, av),)]
        else:
            raise ValueError(f"GRADO_RE: no se lee al revés {op}")
        runs = list(dict.fromkeys(run + option for run in runs for option in options))
    return runs


GRADO_BACKWARDS_RE = prefix_tree([run[::-1] for run in _runs(sre_parse.parse(GRADO_RE))])
_TITLED_NAME_BACKWARDS_RE = re.compile(rf"[{_UPPER}]\s+{GRADO_BACKWARDS_RE}[^\w.]")


def first_titled_name(text):
    """`TITLED_NAME_RE.search(text)` as (grado, nombre, start, end), or None; see `_titled_names`."""
    return next(_titled_names(text), None)


def _titled_names(text):
    """The matches of `TITLED_NAME_RE.finditer(text)` as (grado, nombre, start, end). The text is
    read with a space before it, which stands for the look-behind at its start; each search
    starts at the last character of the previous match, the one the look-behind would see. Every
    match is one of `_TITLED_NAME_BACKWARDS_RE` read in the reversed text: without one, none."""
    padded = " " + text
    if not _TITLED_NAME_BACKWARDS_RE.search(padded[::-1]):
        return                          # no capital after a title: no titled name (see above)
    position = 0
    while True:
        match = _TITLED_NAME_SCAN_RE.search(padded, position)
        if match is None:
            return
        yield match.group("grado"), match.group("nombre"), match.start("grado") - 1, match.end() - 1
        position = match.end() - 1


@functools.lru_cache(maxsize=1 << 12)
def _names_in(text):
    found = []
    for grado, nombre, start, end in _titled_names(text):
        name = clean_name(nombre)
        if looks_like_name(name):
            found.append((canonical_grado(grado), name, start, end))
    return tuple(found)


_STRIP_LABEL_RE = re.compile(r"^\s*[-–—]?\s*[A-ZÁÉÍÓÚ][^:.;,]{2,60}:\s+")


def _may_have_bare_label(text):
    """Whether `_STRIP_LABEL_RE` can match `text`: its match ends at the text's first «:», with no
    «.», «;» or «,» before it (none stands in the words of a bare label). A str test that spares
    the regex's 60 backtracking steps on the paragraphs that have no such label."""
    colon = text.find(":")
    return colon >= 0 and text.find(".", 0, colon) < 0 and text.find(";", 0, colon) < 0 \
        and text.find(",", 0, colon) < 0


@functools.lru_cache(maxsize=1 << 12)
def strip_label(text):
    """The paragraph without its speaker label («SECRETARIO TÉCNICO, ING. …: El punto cinco…»)."""
    label = speaker_label(text)
    if label:
        return text[label["fin"]:].lstrip()
    bare = _STRIP_LABEL_RE.match(text) if _may_have_bare_label(text) else None
    if bare and len(bare.group(0).split()) <= 6:
        return text[bare.end():]
    return text


def speaker_label(text):
    """See `_speaker_label`; a copy, so a caller may change it."""
    label = _speaker_label(text)
    return dict(label) if label else None


_SPEAKER_LABEL_RE = re.compile(r"^\s*[-–—]?\s*(?P<label>[^:.!?]{3,160}?(?:\.[^:.!?]{0,120}?){0,3})\s*(?::|\.-|\s[-–—]\s)")
_SPEAKER_LABEL_RE2 = re.compile(r"\W*(a favor|en contra|me abstengo|abstenci|presente)")


def _may_have_label(text):
    """Whether `_SPEAKER_LABEL_RE` can match `text`, by str methods: its lazy label, tried at each
    of up to 160 characters and at every dot after them, costs ~12 µs on a paragraph without a
    label, and two paragraphs of three have none. Nothing before the end of a match is «:», «!» or
    «?», and at most three dots are; the match ends at «:», at «.-» or at a dash between two
    spaces. So it ends at the text's first «:» when no «!», «?» or fourth dot comes before it, or
    at a «.-» whose dot is one of the first four and comes before any «:», «!» or «?», or at a
    «\\s[-–—]\\s» before all of them."""
    end = len(text)
    for stop in ":!?":                            # the first «:», «!» or «?»
        found = text.find(stop, 0, end)
        if found >= 0:
            end = found
    dot = text.find(".", 0, end)
    for count in range(4):                        # the first four dots before it
        if dot < 0:
            break
        if text.startswith("-", dot + 1):
            return True
        if count == 3:                            # a fourth dot ends what a label may hold
            end = dot
            break
        dot = text.find(".", dot + 1, end)
    if text.startswith(":", end):
        return True
    if end >= 3:                                  # a dash between spaces, all three before `end`
        for dash in "-–—":
            found = text.find(dash, 1, end - 1)
            while found >= 0:
                if text[found - 1].isspace() and text[found + 1].isspace():
                    return True
                found = text.find(dash, found + 1, end - 1)
    return False


@functools.lru_cache(maxsize=1 << 12)
def _speaker_label(text):
    """The person named in a speaker label at the start of a paragraph, or None. Expecting text
    like: 'Secretario Técnico, Ing. Jorge Galo Solano García: Buenas tardes…', 'SECRETARIO
    TÉCNICO, ING. JUAN PÉREZ LÓPEZ: Gracias.', 'Mtra. Ana Ruiz Soto.- Gracias.'."""
    match = _SPEAKER_LABEL_RE.match(text) if _may_have_label(text) else None
    if not match:
        return None
    label = match.group("label")
    if _SPEAKER_LABEL_RE2.match(fold_accents(text[match.end():match.end() + 30])):
        return None
    titled = first_titled_name(label)
    if titled and (len(label) - titled[3] > 30 or titled[2] > 90):
        return None
    if titled:
        name = name_after_cargo(titled[1])
        if looks_like_name(name):
            return {"nombre": name, "grado": canonical_grado(titled[0]), "cargo": label,
                    "fin": match.end()}
    return None
