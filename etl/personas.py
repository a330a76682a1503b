"""People in an acta: titles, names, roster lines, roles and the same person under many spellings.

Rosters come as columns («DRA. ALEJANDRA DEL CARMEN ARREOLA DELGADO⇥ASESORA TÉCNICA»), as
«Nombre — Cargo», as «Partido X: C. Nombre, representante propietario», as signatures (name on
one line, cargo on the next), and people are named again in prose with shorter forms
(«la Doctora Alejandra Arreola», «Dr. Martín Gallardo»). Everything here is pure.
"""
import functools
import re

from etl.numeros import fold as fold_accents
from dataclasses import dataclass, field

# Title as written (folded, no dots) -> the contract's form.
GRADOS = {
    "dra": "Dra.", "dr": "Dr.", "doctora": "Dra.", "doctor": "Dr.",
    "mtra": "Mtra.", "mtro": "Mtro.", "maestra": "Mtra.", "maestro": "Mtro.", "mra": "Mtra.",
    "mro": "Mtro.",
    "lic": "Lic.", "licda": "Licda.", "lcda": "Licda.", "licenciada": "Lic.", "licenciado": "Lic.",
    "ing": "Ing.", "inga": "Inga.", "ingeniera": "Ing.", "ingeniero": "Ing.",
    "md": "M.D.", "c": "C.", "ciudadana": "C.", "ciudadano": "C.", "cp": "C.P.",
    "contadora": "C.P.", "contador": "C.P.", "arq": "Arq.", "arquitecta": "Arq.", "arquitecto": "Arq.",
    "mc": "M.C.", "men c": "M. en C.", "mtra en c": "Mtra.", "prof": "Prof.", "profa": "Profa.",
    "profesora": "Profa.", "profesor": "Prof.", "psic": "Psic.", "act": "Act.", "qfb": "Q.F.B.",
    "mvz": "M.V.Z.", "dip": "Dip.", "sen": "Sen.", "min": "Min.", "ministra": "Min.",
    "ministro": "Min.",
}
# Regex alternatives for a title, longest first; dots and spaces optional.
_GRADO_WORDS = sorted(GRADOS, key=len, reverse=True)
GRADO_RE = (r"(?:" + "|".join(
    r"\.?\s?".join(re.escape(part) for part in (g.split() if " " in g else list(g) if len(g) <= 3 else [g]))
    for g in _GRADO_WORDS) + r")\.?")
PARTICLES = {"de", "del", "la", "las", "los", "y", "e", "da", "van", "von", "san"}
_UPPER = "A-ZÁÉÍÓÚÜÑ"
_LOWER = "a-záéíóúüñ"
_NAME_WORD = rf"(?:[{_UPPER}][{_LOWER}{_UPPER}'’]+(?:-[{_UPPER}][{_LOWER}{_UPPER}]+)?)"
_PARTICLE = r"(?:de|del|la|las|los|y|De|Del|DE|DEL|LA|LAS|LOS|Y)"
# A personal name: two to eight capitalised words, particles allowed inside.
# A name never runs into the next person's title: «Lic. Teresa Romo Delgado y Dra. Claudia …».
_NOT_TITLE = rf"(?!(?i:{GRADO_RE})(?:\.|\s))"
NAME_RE = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NOT_TITLE}{_NAME_WORD}){{1,7}}"
# The title is read in any case, the name only capitalised («al Licenciado Jorge Alfredo Salas
# Berumen representante del…» stops before «representante»).
TITLED_NAME_RE = re.compile(rf"(?<![\w.])(?P<grado>(?i:{GRADO_RE}))\s+(?P<nombre>{NAME_RE})")
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


@functools.lru_cache(maxsize=1 << 16)
def fold(text):
    """Lower case, no accents, no punctuation: the key two spellings of one name share."""
    return " ".join(re.sub(r"[^\w]+", " ", fold_accents(text)).split())


def name_words(name):
    """The significant words of a name (no particles), folded."""
    return [w for w in fold(name).split() if w not in PARTICLES]


def canonical_grado(text):
    """«DRA.» -> «Dra.»; «Licenciado» -> «Lic.»; None when not a title."""
    key = " ".join(re.sub(r"[.\s]+", " ", fold(text)).split())
    if key in GRADOS:
        return GRADOS[key]
    return GRADOS.get(key.replace(" ", ""))


KEEP_UPPER = {"PREP", "COTAPREP", "INE", "IEPC", "UTC", "OPL", "PAN", "PRI", "PRD", "PT", "PVEM", "MC",
              "MORENA", "PES", "RSP", "FXM", "PD", "CG", "IEE", "IEEM", "OPLE", "II", "III", "IV", "VI"}


def title_case(name):
    """«ALEJANDRA DEL CARMEN ARREOLA DELGADO» -> «Alejandra del Carmen Arreola Delgado»; dotted
    acronyms and known ones stay as written («RPTE. SUP. P.A.N.» -> «Rpte. Sup. P.A.N.»)."""
    words = []
    for index, word in enumerate(name.split()):
        lower = word.lower()
        if re.fullmatch(r"(?:[A-ZÁÉÍÓÚÑ]\.){2,}[A-ZÁÉÍÓÚÑ]?\.?", word) or word.strip(".,;:()") in KEEP_UPPER:
            words.append(word)
        elif index and lower in PARTICLES:
            words.append(lower)
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def clean_name(name):
    """Trim a captured name of trailing cargo words and punctuation."""
    words = name.strip(" ,.;:-–—").split()
    while words and (fold(words[-1]) in NOT_NAME_WORDS or fold(words[-1]) in PARTICLES):
        words.pop()
    while words and fold(words[0]) in PARTICLES:
        words.pop(0)
    return " ".join(words)


def looks_like_name(name):
    words = name_words(name)
    return len(words) >= 2 and not any(w in NOT_NAME_WORDS for w in words)


def same_person(a, b):
    """One name's words all stand in the other's, and they share two words or more:
    «Martín Gallardo» is «Martín Gallardo García»; «Alejandra Arreola» is
    «Alejandra del Carmen Arreola Delgado»."""
    wa, wb = set(name_words(a)), set(name_words(b))
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

    def add_spelling(self, name):
        if name not in self.spellings:     # a long acta names a person hundreds of times
            self.spellings.append(name)
        self.nombre = better_spelling(self.nombre, name)

    def as_fact(self):
        return {
            "nombre": display_name(self.nombre), "grado": self.grado, "cargo": self.cargo,
            "rol": self.rol, "con_voto": self.con_voto, "partido": self.partido,
            "calidad": self.calidad, "presente": self.presente,
            "llegada_punto": self.llegada_punto, "retiro_punto": self.retiro_punto,
            "fuente": {"linea": self.linea},
        }


def calidad_of(text):
    """«RPTE. SUP. P.A.N.», «representante suplente» -> suplente; «propietaria» -> propietario."""
    folded = fold(text)
    if re.search(r"\b(suplente|sup|supl)\b", folded):
        return "suplente"
    if re.search(r"\b(propietari[oa]|prop)\b", folded):
        return "propietario"
    return None


def rol_of(cargo, section=None, organo=None):
    """The contract's rol from a cargo and the roster section it stands in. Expecting cargos like:
    'ASESORA TÉCNICA', 'SECRETARIO TÉCNICO', 'RPTE. PROP. P.T.', 'CONSEJERO PRESIDENTE'."""
    folded = fold(cargo)
    section = section or ""
    if re.search(r"\bsecretari[oa]\b", folded) and "representante" not in folded:
        return "secretario"
    if re.search(r"\b(representante|rpte|rep|representacion)\b", folded):
        return "representante"
    if re.search(r"\b(asesor|asesora|asesores|asesoras)\b", folded):
        return "integrante"
    if section == "representante":
        return "representante"
    if section == "invitado" or re.search(r"\binvitad[oa]\b", folded):
        return "invitado"
    if re.search(r"\b(asesor|asesora|asesores|asesoras|integrantes?|vocal|vocales|miembros?|comisionad[oa]s?)\b", folded):
        return "integrante"
    if re.search(r"\bpresident[ea]\b", folded) and re.search(r"\b(comite|comision)\b", folded) and \
            _presides_this_body(folded, organo):
        return "integrante"
    if re.search(r"\bconsejer[oa]s?\b", folded):
        if section == "integrante" or _organo_of_consejeros(organo):
            return "integrante"
        return "invitado"
    if section in ("integrante", "invitado"):
        return section
    if re.search(r"\b(titular|director|directora|coordinador|coordinadora|jefe|jefa|encargad[oa]|auxiliar|"
                 r"personal|enlace|analista|subdirector|subdirectora)\b", folded):
        return "invitado"
    return "otro"


def _presides_this_body(folded_cargo, organo):
    """«Presidente de la Comisión de Seguimiento del PREP» presides that commission, not the
    committee that is meeting."""
    match = re.search(r"\bpresident[ea]\s+(?:del|de la)\s+((?:comite|comision)\b.*)$", folded_cargo)
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
    matches = [p for p in people if any(same_person(name, s) for s in [p.nombre, *p.spellings])]
    if len(matches) == 1:
        return matches[0]
    if not matches and single_word:
        words = name_words(name)
        if len(words) == 1:
            matches = [p for p in people if words[0] in name_words(p.nombre)]
            if len(matches) == 1:
                return matches[0]
    exact = [p for p in matches if set(name_words(p.nombre)) == set(name_words(name))]
    return exact[0] if len(exact) == 1 else None


def names_in(text):
    """Titled names in running text: [(grado, nombre, start, end)]. Expecting text like:
    'al Licenciado Jorge Alfredo Salas Berumen representante del Partido…'."""
    found = []
    for match in TITLED_NAME_RE.finditer(text):
        name = clean_name(match.group("nombre"))
        if looks_like_name(name):
            found.append((canonical_grado(match.group("grado")), name, match.start(), match.end()))
    return found


def strip_label(text):
    """The paragraph without its speaker label («SECRETARIO TÉCNICO, ING. …: El punto cinco…»)."""
    label = speaker_label(text)
    if label:
        return text[label["fin"]:].lstrip()
    bare = re.match(r"^\s*[-–—]?\s*[A-ZÁÉÍÓÚ][^:.;,]{2,60}:\s+", text)
    if bare and len(bare.group(0).split()) <= 6:
        return text[bare.end():]
    return text


def speaker_label(text):
    """The person named in a speaker label at the start of a paragraph, or None. Expecting text
    like: 'Secretario Técnico, Ing. Jorge Galo Solano García: Buenas tardes…', 'SECRETARIO
    TÉCNICO, ING. JUAN PÉREZ LÓPEZ: Gracias.', 'Mtra. Ana Ruiz Soto.- Gracias.'."""
    match = re.match(r"^\s*[-–—]?\s*(?P<label>[^:.!?]{3,160}?(?:\.[^:.!?]{0,120}?){0,3})\s*(?::|\.-|\s[-–—]\s)", text)
    if not match:
        return None
    label = match.group("label")
    if re.match(r"\W*(a favor|en contra|me abstengo|abstenci|presente)", fold_accents(text[match.end():match.end() + 30])):
        return None
    titled = TITLED_NAME_RE.search(label)
    if titled and (len(label) - titled.end() > 30 or titled.start() > 90):
        return None
    if titled:
        name = clean_name(titled.group("nombre"))
        if looks_like_name(name):
            return {"nombre": name, "grado": canonical_grado(titled.group("grado")), "cargo": label,
                    "fin": match.end()}
    return None
