"""etl/texto.py reads each line once and skips a pattern where it cannot match (issue 10, speed):
each shortcut gives what the long way gives, on every line of the project's actas and on random
lines full of odd spaces, accents and marks."""
import random
import re
import unicodedata

import pytest

from bench.instantanea import actas
from etl.texto import (BALLOT_HINT_RE, PAGE_NUMBER_RE, Texto, _clean_marks, _continues, _header_key_ends,
                       _may_be_ballot, _normalise, _page_number_may_end, clean_line, is_column_line)

_ALPHABET = (" \t\u00a0\u2002\u2003\u2000\u3000\ufeff\u0301\u0308abcxyzABCÁÉÍñÑİıſ0123456789"
             ".,;:-–—•·*+|#>_/()«»¿?")


def _lines():
    """Every line of the actas, then random ones."""
    lines = []
    for ruta in actas():
        lines += ruta.read_text(encoding="utf-8", errors="replace").replace("\r", "\n").split("\n")
    rng = random.Random(10)
    for _ in range(4000):
        lines.append("".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 30))))
    for _ in range(300):   # long lines, with and without runs of spaces
        word = lambda: "".join(rng.choice("aáeéİbC") for _ in range(rng.randint(1, 9)))
        lines.append((rng.choice([" ", "  ", "    ", "\t"])).join(word() for _ in range(rng.randint(30, 120))))
    return lines


LINES = _lines()


def _header_key_long_way(line):
    return " ".join(line.split()).lower() if line.strip() else ""


def test_los_extremos_de_la_clave_sin_bajar_la_linea_entera():
    """The first and last characters of a header key, told from the line's own ends."""
    greek = ["ΟΔΟΣ", "Οδός ΑΣ", "ΑΣ.", "Σ", "ΣΑ"]
    for line in LINES + greek:
        text = line.strip()
        if not text:
            continue
        key = _header_key_long_way(line)
        ends = _header_key_ends(text)
        assert ends is None or ends == (key[0], key[-1]), line
    assert _header_key_ends("ΟΔΟΣ") is None


def _looks_like_header_long_way(line):
    """Texto._looks_like_header as it was written before it asked the cheapest tests first."""
    text = line.strip()
    if len(text) < 4 or len(text) > 160 or BALLOT_HINT_RE.search(text):
        return False
    if text.lower().strip(".¡!") in {"gracias", "muchas gracias", "bienvenido", "bienvenida"}:
        return False
    if re.match(r"^[-–—]", text):
        return False
    return not text.endswith((".", ":", "?")) or bool(re.search(r"\b[A-Z][a-z]{1,4}\.$", text))


def test_parece_encabezado_como_antes():
    extra = ["Muchas gracias.", "¡Gracias!", "Dr. Juan Pérez Lic.", "Sesión del Comité Dra.", "Ing.", "Abc Ing.",
             "xAbc.", "Votos a favor", "EN CONTRA", "— Encabezado", "A" * 161, "Orden del día:"]
    for line in LINES + extra:
        assert Texto._looks_like_header(line) == _looks_like_header_long_way(line), line


def _repeated_headers_long_way(lines, page_breaks):
    """The lines Texto._mark_repeated_headers dropped before it judged each different line once:
    every line keyed, counted, and judged where it stands."""
    from collections import Counter
    lines = list(lines)
    dropped = set()
    keys = [" ".join(line.split()).lower() for line in lines]
    counts = Counter(keys)
    counts.pop("", None)
    repeated_keys = {key for key, count in counts.items() if count >= 2}
    threshold = 3 if len(lines) > 80 else 4
    near_breaks = set()
    for index in page_breaks:
        for near in range(max(0, index - 4), min(len(lines), index + 5)):
            if near != index and lines[near].strip():
                near_breaks.add(" ".join(lines[near].split()).lower())
    first_of, first_text = {}, None
    for index, key in enumerate(keys):
        if key not in repeated_keys:
            continue
        first_of.setdefault(key, index)
        line = lines[index]
        if (counts[key] >= threshold or key in near_breaks) and "\t" not in line \
                and _looks_like_header_long_way(line):
            if first_text is None:
                first_text = next((i for i, l in enumerate(lines) if len(l) > 200 and len(l.strip()) > 200),
                                  len(lines))
            if index < first_text and first_of[key] == index:
                continue
            dropped.add(index)
            lines[index] = ""
    return dropped


def _documents():
    """Each acta, then random documents of acta lines with a header repeated (in other cases and
    spacings too) and page numbers."""
    for ruta in actas():
        yield ruta.read_text(encoding="utf-8", errors="replace")
    rng = random.Random(7)
    odd = ["Comité Técnico Asesor", "COMITÉ  TÉCNICO asesor", " comité técnico asesor ", "Comité\tTécnico Asesor",
           "Página 2 de 3", "- 4 -", "Gracias.", "Durango", "DURANGO", "Dr. Ing.", "ΟΔΟΣ", "οδος", ""]
    for _ in range(300):
        doc = [rng.choice(odd) if rng.random() < 0.4 else rng.choice(LINES) for _ in range(rng.randint(1, 120))]
        yield "\n".join(doc)
    # a header counted with its copies in a table row (a tab) that end in a final sigma
    yield "\n".join(["Texto.", "Οδός ΟΔΌΣ", "x", "Οδός\tΟΔΌΣ", "y", "Οδός ΟΔΌΣ", "z", "Οδός\tΟΔΌΣ"])


def test_encabezados_repetidos_como_antes():
    for raw in _documents():
        doc = Texto.__new__(Texto)
        doc.raw_lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        doc.lines = [clean_line(line) for line in doc.raw_lines]
        doc.noise = [False] * len(doc.lines)
        doc._mark_page_numbers()
        expected = _repeated_headers_long_way(doc.lines, doc.page_breaks) | set(doc.page_breaks)
        doc._mark_repeated_headers()
        assert {i for i, noise in enumerate(doc.noise) if noise} == expected


def test_normalizar_el_texto_entero_es_normalizar_cada_linea():
    """NFC and plain spaces over the whole text split into lines give each line normalised,
    also for a combining accent at the start of a line."""
    text = "\n".join(LINES)
    assert _normalise(text).split("\n") == [_normalise(line) for line in LINES]
    assert _normalise("e\n\u0301x\u00a0\ufeff").split("\n") == ["e", "\u0301x "]


def _normalise_long_way(text):
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\ufeff", "")
    return text.replace("\u2003", " ").replace("\u2002", " ")


def test_normalizar_como_antes():
    """NFC is skipped for a text of the first 256 characters: each of them, and each pair, is
    NFC already (NFC composes only a character with the next), and the result is the long way's."""
    latin1 = [chr(code) for code in range(256)]
    assert all(unicodedata.is_normalized("NFC", a + b) for a in latin1 for b in latin1)
    for line in LINES + ["\u00a0é\u00a0", "e\u0301\u00a0", "\ufeffá\u2003b\u2002"]:
        assert _normalise(line) == _normalise_long_way(line), line


def test_limpiar_una_linea_normalizada_es_limpiarla():
    for line in LINES:
        assert (_clean_marks(_normalise(line)) if line else "") == clean_line(line), line


def test_un_numero_de_pagina_termina_en_cifra_o_guion():
    """The last-character test before PAGE_NUMBER_RE never turns a page number away."""
    extra = ["Página 2 de 3", "- 4 -", "pág. 7", "Hoja 3/9  ", "12", "3 de 10", "— 5 —", "p\u00e1gina ٣"]
    taken = 0
    for line in LINES + extra:
        if PAGE_NUMBER_RE.match(line):
            taken += 1
            assert _page_number_may_end(line), line
    assert taken >= len(extra)


def test_linea_en_columnas_con_filtro_previo():
    pattern = re.compile(r"\S {3,}\S")
    for line in LINES:
        assert is_column_line(line) == ("\t" in line.strip() or bool(pattern.search(line))), line


@pytest.mark.parametrize("raw, paragraphs", [
    ("El Mtro.\nRicardo Zamora dijo algo.", ["El Mtro.", "Ricardo Zamora dijo algo."]),
    ("Se convocó a la sesión ordinaria del Comité Técnico Asesor del Mtro.\nRicardo Zamora.",
     ["Se convocó a la sesión ordinaria del Comité Técnico Asesor del Mtro. Ricardo Zamora."]),
    ("la convo-\ncatoria de hoy", ["la convocatoria de hoy"]),
    ("Primero, la sesión que se celebró el día de ayer en la sala de juntas;\nsexto, el análisis",
     ["Primero, la sesión que se celebró el día de ayer en la sala de juntas; sexto, el análisis"]),
    ("Texto que sigue\n- C. Óscar Rubio, Representante", ["Texto que sigue", "- C. Óscar Rubio, Representante"]),
    ("Nombre     Cargo\nsigue", ["Nombre     Cargo", "sigue"]),
    ("la sesión número\n\n1 de fecha 22", ["la sesión número", "1 de fecha 22"]),
    ("la sesión número\n1. Lista", ["la sesión número", "1. Lista"]),
])
def test_parrafos_de_lineas_cortadas(raw, paragraphs):
    """Wrapped lines join as before (the titles' dot, a hyphen, «;», list items, columns)."""
    doc = Texto(raw)
    assert [p.text for p in doc.paragraphs] == paragraphs
    for paragraph in doc.paragraphs:
        assert paragraph.linea == paragraph.spans[0][1]


def test_continua_no_lee_una_linea_en_columnas():
    assert not _continues("Lista de asistencia", "Lista de asistencia", False, "nombre    cargo", True, 0, False)
    assert _continues("Lista de asistencia de la", "Lista de asistencia de la", False, "sesión", False, 0, False)


def test_encabezado_repetido_se_quita_y_el_primero_queda():
    header = "Comité Técnico Asesor del PREP"
    body = "\n".join(f"{header}\n\nTexto de la página {n} que no se repite.\n\n{n}" for n in range(1, 5))
    doc = Texto(body)
    kept = [line for line in doc.lines if line == header]
    assert len(kept) == 1 and doc.lines[0] == header
    assert all(doc.noise[i] for i, raw in enumerate(doc.raw_lines) if raw == header and i > 0)
    assert unicodedata.is_normalized("NFC", "\n".join(doc.lines))


def test_lineas_sin_margen_y_parrafos_plegados():
    """`stripped` and each paragraph's `plegado` are what readers would compute themselves."""
    from etl.vocabulario import fold
    for raw in list(_documents())[:60]:
        doc = Texto(raw)
        assert doc.stripped == [line.strip() for line in doc.lines]
        for paragraph in doc.paragraphs:
            assert paragraph.plegado == fold(paragraph.text)
            assert paragraph.plegado is paragraph.plegado   # kept once asked


def test_sin_sus_letras_no_hay_voto():
    """BALLOT_HINT_RE is searched only where its letters are: never a match turned away, on
    every acta line, random lines and odd capitals («ſ» for «s», «İ», surrogates)."""
    extra = ["A FAVOR", "En Contra", "ABSTENCIÓN", "me abſtengo", "Me Abstengo.", "abſtención", "\ud800 a favor"]
    found = 0
    for line in LINES + extra:
        if BALLOT_HINT_RE.search(line):
            found += 1
            assert _may_be_ballot(line), line
    assert found >= len(extra)
