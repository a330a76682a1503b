"""Numbers, dates and times as actas write them: in digits, in words, in Roman numerals.

Actas repeat figures in words («17:00 (diecisiete) horas», «28 (veintiocho) de enero de 2021
(dos mil veintiuno)») or write them only in words («a los veinticinco días del mes de marzo del
año dos mil veinticuatro», «siendo las diecisiete horas con veinticinco minutos»). A small
Spanish reader is kept here instead of a dependency: it must also take ordinals («décima»),
plurals left by typos («el número ochos») and Roman numerals («SESIÓN ORDINARIA XII»).
"""
import functools
import re

from etl.patrones import compilar
from etl.vocabulario import fold  # one accent folding for the whole project

UNIDADES = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "primer": 1, "dos": 2, "tres": 3, "cuatro": 4,
    "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11,
    "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiun": 21, "veintiuno": 21,
    "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
}
DECENAS = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
           "ochenta": 80, "noventa": 90}
CENTENAS = {"cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200,
            "trescientos": 300, "trescientas": 300, "cuatrocientos": 400, "quinientos": 500,
            "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900}
ORDINALES = {
    "primero": 1, "primera": 1, "primer": 1, "segundo": 2, "segunda": 2, "tercero": 3,
    "tercera": 3, "tercer": 3, "cuarto": 4, "cuarta": 4, "quinto": 5, "quinta": 5,
    "sexto": 6, "sexta": 6, "septimo": 7, "septima": 7, "setimo": 7, "octavo": 8, "octava": 8,
    "noveno": 9, "novena": 9, "decimo": 10, "decima": 10, "undecimo": 11, "undecima": 11,
    "duodecimo": 12, "duodecima": 12, "vigesimo": 20, "vigesima": 20, "trigesimo": 30,
    "trigesima": 30,
}
MESES = {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
         "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
         "diciembre": 12}
ROMANOS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}

NUMBER_WORDS = set(UNIDADES) | set(DECENAS) | set(CENTENAS) | {"mil", "y"}
ORDINAL_WORDS = set(ORDINALES)


def _word_value(word):
    """Value of one number word, tolerating a stray plural («ochos»)."""
    for candidate in (word, word[:-1] if word.endswith("s") else None):
        if candidate is None:
            continue
        for table in (UNIDADES, DECENAS, CENTENAS):
            if candidate in table:
                return table[candidate]
    return None


_WORDS_TO_INT_RE = re.compile(r"[\s-]+")


def words_to_int(text):
    """«dos mil veintiuno» -> 2021; «treinta y uno» -> 31; «ochos» -> 8; None if not a number."""
    words = [w for w in _WORDS_TO_INT_RE.split(fold(text).strip()) if w]
    if not words or words[0] == "y":
        return None
    total, current, seen = 0, 0, False
    for word in words:
        if word == "y":
            continue
        if word == "mil":
            total += (current or 1) * 1000
            current, seen = 0, True
            continue
        value = _word_value(word)
        if value is None:
            return None
        current += value
        seen = True
    return total + current if seen else None


def ordinal_to_int(text):
    """«décima» -> 10; «décimo tercera» / «decimotercera» -> 13; None if not an ordinal."""
    words = fold(text).replace("decimo", "decimo ").replace("decima", "decima ").split()
    if not words:
        return None
    total = 0
    for word in words:
        if word not in ORDINALES:
            return None
        total += ORDINALES[word]
    return total


_ROMAN_TO_INT_RE = re.compile(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")


def roman_to_int(text):
    """«XII» -> 12; None when `text` is not a well-formed Roman numeral."""
    text = (text or "").strip().lower()
    if not text or not _ROMAN_TO_INT_RE.fullmatch(text):
        return None
    total = 0
    for char, following in zip(text, text[1:] + " "):
        value = ROMANOS[char]
        total += -value if following != " " and ROMANOS[following] > value else value
    return total


_TO_INT_RE = re.compile(r"(\d+)\s*(?:[aoº°ª]|era|da|ra|ta|va|na|ma)?\.?")


@functools.lru_cache(maxsize=1 << 12)
def to_int(token):
    """A number written any way: «2», «dos», «II», «segunda», «2a.», «ochos». Read once per
    spelling: an acta numbers its items, its votes and its documents with the same few words."""
    token = (token or "").strip().strip(".,;:()*").strip()
    if not token:
        return None
    digits = _TO_INT_RE.fullmatch(fold(token))
    if digits:
        return int(digits.group(1))
    for reader in (words_to_int, ordinal_to_int):
        value = reader(token)
        if value is not None:
            return value
    if token.isupper() or len(token) <= 4:
        return roman_to_int(token)
    return None


# A run of number words: «dos mil veintiuno», «treinta y uno», «diecisiete».
_NUM_WORD = r"(?:" + "|".join(sorted(NUMBER_WORDS - {"y"}, key=len, reverse=True)) + r")s?"
NUMBER_WORDS_RE = rf"{_NUM_WORD}(?:(?:\s+y\s+|\s+|-){_NUM_WORD})*"
# An ordinal in words, accents optional: «PRIMERO», «SÉPTIMO», «décimo tercero», «DECIMOPRIMERO».
_ORD_WORD = r"(?:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)).replace("e", "[eé]") + r")"
ORDINAL_WORDS_RE = rf"{_ORD_WORD}(?:\s?{_ORD_WORD})?"


_PARSE_TIME_RE = re.compile(r"(?<!\d)(\d{1,2})\s*[:.]\s*(\d{2})(?!\d)\s*(a\.?\s?m\.?|p\.?\s?m\.?|h|hrs?|horas)?")


_PARSE_TIME_WORDS_RE = re.compile(rf"\blas?\s+({NUMBER_WORDS_RE}|\d{{1,2}})\s+(?:horas?|hrs?\.?)"
                      rf"(?:\s+(?:con|y)\s+({NUMBER_WORDS_RE}|\d{{1,2}})\s+minutos?)?")
_PARSE_TIME_WORDS_RE2 = re.compile(rf"\blas?\s+({NUMBER_WORDS_RE})(?:\s+(y media|y cuarto|con ({NUMBER_WORDS_RE}) minutos?))?"
                      rf"\s+de la\s+(manana|tarde|noche)")


def parse_time(text):
    """The first time of day in `text` as HH:MM, or None. Expecting text like:
    'siendo las 17:00 (diecisiete) horas', '18:20 horas', '12:05 hrs.', 'las 10.30 horas',
    'las diecisiete horas con veinticinco minutos', 'las once horas', 'las siete de la tarde'."""
    folded = fold(text)
    match = _PARSE_TIME_RE.search(folded)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        return _clock(hour, minute, match.group(3), folded[match.end():match.end() + 20])
    match = _PARSE_TIME_WORDS_RE.search(folded)
    if match:
        hour, minute = to_int(match.group(1)), to_int(match.group(2)) if match.group(2) else 0
        return _clock(hour, minute, None, folded[match.end():match.end() + 20])
    match = _PARSE_TIME_WORDS_RE2.search(folded)
    if match:
        hour = to_int(match.group(1))
        minute = 30 if match.group(2) == "y media" else 15 if match.group(2) == "y cuarto" else (
            to_int(match.group(3)) if match.group(3) else 0)
        return _clock(hour, minute, None, "de la " + match.group(4))
    return None


_CLOCK_RE = re.compile(r"\W*(?:horas?\s+)?de la (tarde|noche)")


def _clock(hour, minute, suffix, after):
    """HH:MM from parts, honouring «p.m.» and «de la tarde/noche»."""
    if hour is None or minute is None or hour > 24 or minute > 59:
        return None
    afternoon = (suffix or "").startswith("p") or _CLOCK_RE.match(after)
    if afternoon and hour < 12:
        hour += 12
    return f"{hour % 24:02d}:{minute:02d}"


_DAY = rf"(\d{{1,2}}|{NUMBER_WORDS_RE}|primero)"
_MONTH = r"(" + "|".join(MESES) + r")"
_YEAR = rf"(\d{{4}}|{NUMBER_WORDS_RE})"
_PAREN = r"(?:\s*\([^)]{1,40}\))?"
DATE_RES = (
    # «28 (veintiocho) de enero de 2021 (dos mil veintiuno)», «1o. de marzo del 2024»
    re.compile(rf"\b{_DAY}(?:o|º|°)?\.?{_PAREN}\s+de\s+{_MONTH}\s+(?:de(?:l)?\s+)?(?:(?:ano|año)\s+)?{_YEAR}"),
    # «a los veinticinco días del mes de marzo del año dos mil veinticuatro»; through `compilar`, as
    # most dates have no «mes» and are not searched (an opening paragraph: 65 µs)
    compilar(rf"\b{_DAY}{_PAREN}\s+dias?\s+del\s+mes\s+de\s+{_MONTH}\s+de(?:l)?\s+(?:ano\s+)?{_YEAR}"),
    # «enero 28 de 2021»
    re.compile(rf"\b{_MONTH}\s+{_DAY}{_PAREN},?\s+de(?:l)?\s+{_YEAR}"),
)
MONTH_RE = re.compile(_MONTH)   # no month named, no date in words: the costly patterns are skipped
NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b")


def find_dates(text):
    """Every date in `text` as (iso, start, end), in order. Expecting text like:
    'jueves 28 (veintiocho) de enero de 2021', 'a los veinticinco días del mes de marzo del año
    dos mil veinticuatro', '15/03/2024'."""
    folded = fold(text)
    found = []
    for index, regex in enumerate(DATE_RES if MONTH_RE.search(folded) else ()):
        for match in regex.finditer(folded):
            if index == 2:
                month, day, year = match.group(1), match.group(2), match.group(3)
            else:
                day, month, year = match.group(1), match.group(2), match.group(3)
            iso = _iso(to_int(day) if day != "primero" else 1, MESES[month], _year(year))
            if iso:
                found.append((iso, match.start(), match.end()))
    for match in NUMERIC_DATE_RE.finditer(folded):
        iso = _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if iso:
            found.append((iso, match.start(), match.end()))
    found.sort(key=lambda item: item[1])
    return _drop_overlaps(found)


def _drop_overlaps(found):
    kept = []
    for item in found:
        if kept and item[1] < kept[-1][2]:
            continue
        kept.append(item)
    return kept


def _year(text):
    value = to_int(text)
    return value if value and 1900 <= value <= 2100 else None


def _iso(day, month, year):
    import datetime

    if not (day and month and year):
        return None
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def minutes_between(start, end):
    """Minutes from HH:MM to HH:MM; past midnight counts into the next day."""
    if not start or not end:
        return None
    (h1, m1), (h2, m2) = (map(int, start.split(":")), map(int, end.split(":")))
    delta = (h2 * 60 + m2) - (h1 * 60 + m1)
    return delta + 24 * 60 if delta < 0 else delta
