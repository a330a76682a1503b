"""One vocabulary from acta to JSON to SQL to screen: how words are folded to compare them, the
titles people carry, name particles, session types, document types and ballot senses.

The parser (`etl/`), the loader (`etl/load.py`) and the pages take these from here, so that
«Dra.» is a title, «de la» a particle and «ordinaria» a session type in one place only.
"""
import functools
import re
import unicodedata

# Spanish letters and their plain form. `str.translate` with a table is slow on any text with one
# accent (CPython raises and drops a KeyError for every character not in the table): a `replace`
# per accented letter present is a hundred times faster.
_SPANISH = tuple(zip("áéíóúüñàèìòùÁÉÍÓÚÜÑÀÈÌÒÙ", "aeiouunaeiouAEIOUUNAEIOU"))
_SPANISH_LOWER = _SPANISH[:12]
_NOT_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def _without_marks(run):
    return "".join(c for c in run.group() if not unicodedata.combining(c))


def _latin1_table():
    """Byte b -> the byte of chr(b) in lower case with its Spanish accent removed (each of the
    first 256 characters lowers to one of them)."""
    plain = dict(_SPANISH_LOWER)
    table = bytearray()
    for byte in range(256):
        lower = chr(byte).lower()
        table.append(ord(plain.get(lower, lower)))
    return bytes(table)


_FOLD_LATIN1 = _latin1_table()


@functools.lru_cache(maxsize=1 << 16)
def fold(text):
    """Lower case without accents: «Décima» -> «decima». Spanish letters by `replace`, anything
    else («—», «¿», «Â», a combining accent from a PDF) by Unicode decomposition. A text of the
    first 256 characters (most Spanish text) is lowered and plained byte by byte in one pass:
    `str.lower` looks up every accented character in the Unicode tables, ten times slower."""
    text = text or ""
    if not text.isascii():
        try:
            folded = text.encode("latin-1").translate(_FOLD_LATIN1)
        except UnicodeEncodeError:
            pass
        else:
            if folded.isascii():
                return folded.decode("ascii")
            return _fold_slowly(text)   # «º», «¿»: the same way as any other letter below
    folded = text.lower()
    if folded.isascii():
        return folded
    for accented, plain in _SPANISH_LOWER:
        if accented in folded:
            folded = folded.replace(accented, plain)
    if folded.isascii():
        return folded
    return _fold_slowly(text)


def _fold_slowly(text):
    """`fold` of a text with letters other than Spanish ones, by Unicode decomposition."""
    for accented, plain in _SPANISH:
        if accented in text:
            text = text.replace(accented, plain)
    return _NOT_ASCII_RUN.sub(_without_marks, unicodedata.normalize("NFKD", text)).lower()


_NOT_WORD = re.compile(r"[^\w]+")
_DOTS = re.compile(r"(?<=\w)\.(?=\w)|(?<=\w)\.(?=\s|$)")


@functools.lru_cache(maxsize=1 << 16)
def fold_words(text):
    """Lower case, no accents, no punctuation: the key two spellings of one name share
    («Dra. Alejandra ARREOLA» -> «dra alejandra arreola»)."""
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


@functools.lru_cache(maxsize=1 << 12)
def fold_acronym(text):
    """Lower case, no accents, dots of acronyms removed: «P.R.S.P.» -> «prsp»."""
    return " ".join(_NOT_WORD.sub(" ", _DOTS.sub("", fold(text))).split())


# Title as written (folded, no dots) -> the contract's form.
GRADOS = {
    "dra": "Dra.", "dr": "Dr.", "doctora": "Dra.", "doctor": "Dr.",
    "mtra": "Mtra.", "mtro": "Mtro.", "maestra": "Mtra.", "maestro": "Mtro.", "mra": "Mtra.",
    "mro": "Mtro.",
    "lic": "Lic.", "licda": "Licda.", "lcda": "Licda.", "licenciada": "Lic.", "licenciado": "Lic.",
    "ing": "Ing.", "inga": "Inga.", "ingeniera": "Ing.", "ingeniero": "Ing.",
    "md": "M.D.", "c": "C.", "ciudadana": "C.", "ciudadano": "C.", "cp": "C.P.",
    "contadora": "C.P.", "contador": "C.P.", "arq": "Arq.", "arquitecta": "Arq.", "arquitecto": "Arq.",
    "mc": "M.C.", "m en c": "M. en C.", "mtra en c": "Mtra.", "prof": "Prof.", "profa": "Profa.",
    "profesora": "Profa.", "profesor": "Prof.", "psic": "Psic.", "act": "Act.", "qfb": "Q.F.B.",
    "mvz": "M.V.Z.", "dip": "Dip.", "sen": "Sen.", "min": "Min.", "ministra": "Min.",
    "ministro": "Min.",
}
# Each letter of a title in any case, as `(?i:…)` would read it («i» also «İ ı», «s» also «ſ»),
# spelt out as character classes: a case-insensitive alternation of sixty titles tried at every
# word of an acta was the parser's slowest pattern.
_ANY_CASE = {"i": "[iIİı]", "s": "[sSſ]"}


def any_case(word):
    """A regex for `word` (letters and spaces) in any case, without the IGNORECASE flag."""
    return "".join(_ANY_CASE.get(c, f"[{c}{c.upper()}]") if c.isalpha() else re.escape(c) for c in word)


def prefix_tree(sequences):
    """One regex for token sequences, in order of preference, sharing their common beginnings:
    an alternation of sixty titles is tried at every word of an acta, and a factored one fails
    at the first letter instead of sixty times. A longer continuation is tried before ending.
    Also builds `personas.GRADO_BACKWARDS_RE`, the same titles read from their last letter."""
    groups = {}
    for sequence in sequences:
        groups.setdefault(sequence[0], []).append(sequence[1:])
    branches = []
    for token, rests in groups.items():
        longer = [rest for rest in rests if rest]
        if not longer:
            branches.append(token)
            continue
        inner = prefix_tree(longer)
        branches.append(token + f"(?:{inner})" + ("?" if len(longer) < len(rests) else ""))
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _title_tokens(title):
    """«dra» -> d, r, a with optional dots and spaces between letters (D.R.A., Dra.); «licenciada»
    -> its letters; «men c» -> m e n, c."""
    parts = title.split() if " " in title else list(title) if len(title) <= 3 else [title]
    tokens = []
    for index, part in enumerate(parts):
        if index:
            tokens.append(r"\.?\s?")
        tokens += [any_case(letter) for letter in part]
    return tuple(tokens)


# Regex for a title, longest first; dots and spaces optional; any case (no `(?i:…)` needed
# around it).
GRADO_RE = "(?:" + prefix_tree([_title_tokens(g) for g in sorted(GRADOS, key=len, reverse=True)]) + r")\.?"

# The gender a title says of who carries it (folded, without dots); «Lic.», «C.», «Arq.» say none.
GRADO_GENERO = {
    **dict.fromkeys(("dra", "doctora", "mtra", "maestra", "mra", "licda", "lcda", "lda", "licenciada",
                     "inga", "ingra", "ingeniera", "profa", "profesora", "arqa", "arquitecta", "ciudadana",
                     "contadora", "ministra", "sra", "srta", "dna"), "f"),
    **dict.fromkeys(("dr", "doctor", "mtro", "maestro", "mro", "licenciado", "ingeniero", "prof", "profesor",
                     "arquitecto", "ciudadano", "contador", "ministro", "sr", "don"), "m"),
}

# Words inside a name that are not names: «María de la Luz», «Van der Berg».
PARTICLES = {"de", "del", "la", "las", "los", "y", "e", "da", "van", "von", "san"}
# Those a name written in capitals shows in lower case («María de la Luz»; «San Martín» keeps its capital).
LOWER_PARTICLES = PARTICLES - {"san"}

# Session types as actas write them (folded) -> the contract's `sesion.tipo`.
SESSION_TYPES = {"ordinaria": "ordinaria", "extraordinaria": "extraordinaria", "especial": "especial",
                 "solemne": "solemne", "de instalacion": "instalacion", "instalacion": "instalacion"}

# The contract's `documentos[].tipo`.
DOCUMENT_TYPES = ("acta", "informe", "dictamen", "acuerdo", "plan", "presentacion", "otro")

# A document's clave: «IEPC/UTC/PREP/DICT/001/2021», «CTA-PREP/DIC/02/2018».
CLAVE_DOCUMENTO_RE = re.compile(r"\b[A-Z]{2,}[A-Za-z0-9]*(?:[/.\-_][A-Z0-9]{1,14}){1,7}[/.\-_](?:19|20)\d{2}\b")

# The contract's `votos[].sentido`, and how a table's column or a ballot says each.
SENTIDOS = ("a favor", "en contra", "abstencion")
BALLOT_LABELS = {"a favor": "a favor", "en contra": "en contra", "abstencion": "abstencion",
                 "abstenciones": "abstencion", "si": "a favor", "no": "en contra",
                 "por la afirmativa": "a favor", "por la negativa": "en contra",
                 "con el proyecto": "a favor", "en los mismos terminos": "a favor"}


def sentido_of(text):
    """The contract's sense of a ballot as written: «En contra.» -> «en contra»; «Sí» -> «a favor»;
    «me abstengo» -> «abstencion»; «por la afirmativa» -> «a favor»."""
    folded = fold_words(text)
    if "contra" in folded or folded in ("no", "por la negativa") or folded.startswith("no "):
        return "en contra"
    if "absten" in folded:
        return "abstencion"
    return "a favor"
