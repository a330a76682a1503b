"""etl/texto.py reads each line once and skips a pattern where it cannot match (issue 10, speed):
each shortcut gives what the long way gives, on every line of the project's actas and on random
lines full of odd spaces, accents and marks."""
import random
import re
import unicodedata

import pytest

from bench.instantanea import actas
from etl.texto import (PAGE_NUMBER_RE, Texto, _clean_marks, _continues, _header_key_if_short,
                       _normalise, _page_number_may_end, clean_line, is_column_line)

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


def test_la_clave_de_encabezado_corta_es_la_larga_o_no_puede_ser_de_un_encabezado():
    """A line's header key is the long way's, or None only when that key is longer than any
    header's (a header has at most 160 characters, 320 once lowered)."""
    skipped = 0
    for line in LINES + [clean_line(line) for line in LINES]:
        key = _header_key_if_short(line)
        if key is None:
            skipped += 1
            assert len(_header_key_long_way(line)) > 320
        else:
            assert key == _header_key_long_way(line), line
    assert skipped > 0   # the shortcut is taken


def test_normalizar_el_texto_entero_es_normalizar_cada_linea():
    """NFC and plain spaces over the whole text split into lines give each line normalised,
    also for a combining accent at the start of a line."""
    text = "\n".join(LINES)
    assert _normalise(text).split("\n") == [_normalise(line) for line in LINES]
    assert _normalise("e\n\u0301x\u00a0\ufeff").split("\n") == ["e", "\u0301x "]


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
