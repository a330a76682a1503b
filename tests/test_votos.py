"""The shortcuts of the votes reader (etl/votos.py) answer what the patterns they stand before
would: a word test or a later start never drops a match. Checked against the patterns' own
syntax (`palabras_necesarias`) and on every line, sentence and paragraph of the bundled actas."""
import glob
import re

import pytest

from etl import votos
from etl.frases import LLAMADO, SENTIDO
from etl.patrones import palabras_necesarias
from etl.vocabulario import fold

FILES = sorted(glob.glob("tests/fixtures/**/*.txt", recursive=True) + glob.glob("data/actas/*.txt"))


def _texts():
    """Lines, sentences and blank-line paragraphs of the bundled actas, with hard cases added:
    capitals, the dotless «ı», the long «ſ» and the dotted «İ» (which `re.IGNORECASE` matches
    to «i» or «s»), and an «en contra favor» where two senses overlap."""
    found = set()
    for path in FILES:
        text = open(path, encoding="utf-8", errors="replace").read()
        for paragraph in re.split(r"\n\s*\n", text):
            joined = " ".join(paragraph.split())
            found.update({joined, joined.upper()})
            found.update(re.split(r"(?<=[.;])\s+", joined))
        found.update(line.strip() for line in text.splitlines())
    found.update({"SE SOMETE A VOTACıÓN EL ACTA", "ſe ſomete a votación el acta", "Se somete a VOTACİÓN el acta",
                  "y sometemos a su consideración el informe", "Dra. Ana Ruiz: en contra favor de todo",
                  "Quienes estén a favor, sírvanse manifestarlo.", "", "  ", "somete"})
    return sorted(found)


TEXTS = _texts()


def _covered(pattern, words):
    """Some necessary set of `pattern` (read case-sensitively, as written in lower case) has each
    word, folded, holding one of `words`; none of `words` has an «i», which `re.IGNORECASE`
    lets match the dotless «ı» that `fold` keeps."""
    sets = palabras_necesarias(pattern, 0)
    return not any("i" in w for w in words) and any(
        all(any(w in fold(needed) for w in words) for needed in necessary) for necessary in sets)


def test_sense_words_are_necessary_for_every_entry_of_the_sense_family():
    for entrada in SENTIDO.entradas:
        assert _covered(entrada.patron, votos.SENSE_NEEDS), entrada.patron


def test_asunto_words_are_necessary_for_their_patterns():
    for words, pattern in zip(votos._ASUNTO_WORDS, votos._ASUNTO_PATTERNS):
        assert _covered(pattern, words), pattern


def test_the_word_tests_never_drop_a_match_on_the_actas():
    sense = re.compile(SENTIDO.patron, SENTIDO.flags)
    for text in TEXTS:
        folded = fold(text)
        if sense.search(text):
            assert votos._may_sense(folded), text
        for words, regex in votos.ASUNTO_RES:
            if regex.regex.search(text):
                assert any(w in folded for w in words), text


def test_starts_are_read_from_the_pattern():
    def starts(pattern):
        return votos.Temprano(re.compile(pattern, re.IGNORECASE)).comienzos
    assert starts(r"\b(?:Someto|sometemos)\s+(?P<a>.+)") == {"someto", "sometemos"}
    assert starts(r"a (?:favor de|su consideraci[oó]n)") == {"a favor de", "a su consideraci"}
    assert starts(r"(?<!\bsi )se aprueba") == {"se aprueba"}
    assert starts(r"(?:se )?tom[oó] la votaci[oó]n") is None      # may begin with «tom»: unknown
    assert starts(r"vot[oó]|\w+ votos") is None
    assert votos.Temprano(re.compile(r"someto")).comienzos is None   # case-sensitive: not its business


@pytest.mark.parametrize("regex", [votos.CALL_RE] + [regex for _, regex in votos.ASUNTO_RES],
                         ids=lambda regex: regex.regex.pattern[:30])
def test_a_search_from_the_first_possible_start_finds_what_the_whole_search_finds(regex):
    for text in TEXTS:
        whole, early = regex.regex.search(text), regex.search(text)
        assert (whole and (whole.span(), whole.groupdict())) == (early and (early.span(), early.groupdict())), text


def test_the_call_is_the_family_pattern():
    assert votos.CALL_RE.regex is LLAMADO.regex


def test_two_senses_counts_as_the_pattern_does():
    for text in TEXTS:
        folded = fold(text)
        assert votos._two_senses(folded) == (len(votos.INLINE_SENSE_RE.findall(folded)) >= 2), text


def test_call_sentences_cut_where_the_lookbehind_first_pattern_cut():
    before = re.compile(r"(?<=[a-záéíóúñ]{3})[.;]\s+")
    for text in TEXTS:
        assert votos._call_sentences(text) == tuple(s for s in before.split(text) if s.strip())


def test_a_ballot_line_is_read_the_same_each_time():
    line = "-Dra. Alejandra del Carmen Arreola Delgado, Asesora Técnica del COTAPREP. - A favor."
    assert votos._read_ballot_line(line) == (
        "votos", (("Dra.", "Alejandra del Carmen Arreola Delgado", "a favor"),))
    assert votos._read_ballot_line("A favor: Mtra. Ruiz Matus, Dr. Jiménez Toledo e Ing. Mendoza Cruz.") == (
        "votos", (("Mtra.", "Ruiz Matus", "a favor"), ("Dr.", "Jiménez Toledo", "a favor"),
                  ("Ing.", "Mendoza Cruz", "a favor")))
    assert votos._read_ballot_line("En contra: ninguno.") == ("votos", ())
    assert votos._read_ballot_line("Mtro. José Luis Bautista Cabrera.") == ("nombre", ("Mtro.", "José Luis Bautista Cabrera"))
    assert votos._read_ballot_line("Se aprueba el orden del día.") is None


def test_an_asunto_is_trimmed_where_the_pattern_first_splits_it():
    for text in TEXTS:
        kept = votos._TRIM_ASUNTO_RE.split(text)[0].strip(" ,.;:")
        assert votos._trim_asunto(text) == ((kept[:1].upper() + kept[1:])[:240] if kept else None), text


def _result_texts():
    """Folded lines, sentences and paragraphs of the actas, RESULTADO's examples, and random runs
    of its words, blanks of every kind, «no», «si» and punctuation: where a statement opens far
    before its word («quedan    debidamente⏎aprobados»), two words close together, a «si» behind."""
    import random
    from etl.frases import RESULTADO
    found = {fold(text) for text in TEXTS}
    found.update(fold(example) for entrada in RESULTADO.entradas for example in entrada.ejemplos)
    found.update(fold(example) for example in RESULTADO.contraejemplos)
    pieces = ["aprobado", "aprobada", "aprobaron", "rechazaron", "rechazada", "aprueba", "aprueban", "rechaza",
              "se", "no", "si", "es", "son", "ha sido", "han sido", "fue", "fueron", "queda", "quedan", "debidamente",
              "resulta", "resulto", "por", "con", "unanimidad", "mayoria", "dos votos", "el acta", ".", ";", ",",
              "¡", "—", "aprob", "rechaz", "aprueb", "el", "la", "sesion", "mediante", "x"]
    blanks = [" ", "  ", "\t", "\n", " \u00a0 ", "\u2003", "", "      "]
    leads = ["quedan debidamente", "queda debidamente", "han sido", "no ha sido", "no resulto", "no se", "se",
             ".", ". no", ";no", "es", "fueron", "si se", "resultan"]
    rng = random.Random(1028)
    for _ in range(4000):
        found.add("".join(rng.choice(pieces) + rng.choice(blanks) for _ in range(rng.randint(1, 9))))
        found.add(rng.choice(pieces) + rng.choice(blanks) + rng.choice(leads) + rng.choice(blanks) * rng.randint(1, 3)
                  + rng.choice(pieces[:8]) + rng.choice(blanks) + rng.choice(pieces))
    return sorted(found)


def test_a_result_is_matched_where_the_search_finds_it():
    for text in _result_texts():
        whole, found = votos.RESULT_RE.regex.search(text), votos._result_in.__wrapped__(text)
        assert (whole and (whole.span(), whole.groups())) == (found and (found.span(), found.groups())), text


def test_nominal_call_words_are_necessary():
    """The pattern reads folded text case-sensitively: each word of one of its necessary sets
    holds one of the words, so a paragraph without them is one it cannot match."""
    sets = palabras_necesarias(votos.NOMINAL_CALL_RE.pattern, 0)
    assert any(all(any(w in needed for w in votos.NOMINAL_CALL_WORDS) for needed in necessary) for necessary in sets)


def test_paragraphs_holding_a_word_are_those_a_walk_finds():
    from types import SimpleNamespace
    from etl.texto import Texto
    for path in FILES:
        doc = Texto(open(path, encoding="utf-8", errors="replace").read())
        lector = SimpleNamespace(paragraphs=doc.paragraphs)
        for words in (votos.RESULT_WORDS, votos.NOMINAL_CALL_WORDS, votos._INLINE_SENSES + (" votaron ",), ("a",), ("zzq",)):
            walked = [i for i, p in enumerate(doc.paragraphs) if any(w in fold(p.text) for w in words)]
            assert votos._paragraphs_holding(lector, words) == walked, (path, words)
        assert votos._folded_paragraphs(lector)[0] == [fold(p.text) for p in doc.paragraphs]


def test_a_voter_known_by_spelling_is_the_one_resolve_would_name():
    """`_voter` with its memo of spellings gives the person, the roster and the avisos that
    resolving every ballot and adding its spelling gave, over ballots in random order: fuller and
    shorter spellings, capitals, a lone surname, an unknown voter named twice, one who shares a surname with another."""
    import copy
    import random
    from types import SimpleNamespace
    from etl.personas import Persona, resolve

    roster = [Persona("Alejandra del Carmen Arreola Delgado", "Dra."), Persona("José Luis Bautista Cabrera", "Mtro."),
              Persona("Martín Gallardo García", "Dr."), Persona("Martín Gallardo Ruiz", "Lic.")]
    names = ["Alejandra del Carmen Arreola Delgado", "Alejandra Arreola", "ALEJANDRA ARREOLA DELGADO", "Arreola",
             "José Luis Bautista Cabrera", "José Luis Bautista", "Martín Gallardo García", "Martín Gallardo",
             "Gallardo García", "Gallardo", "Rosa Díaz Pérez", "Díaz Pérez", "Cabrera", "Rosa Arreola", "Ruiz"]

    def plain(lector, ballot, asistentes):
        persona = resolve(ballot["who"]["nombre"], asistentes, single_word=True)
        if persona:
            persona.add_spelling(ballot["who"]["nombre"])
            return persona
        persona = Persona(nombre=ballot["who"]["nombre"], grado=None, rol="integrante", con_voto=True,
                          linea=ballot["linea"], origen="voto")
        asistentes.append(persona)
        lector.aviso(persona.nombre, ballot["linea"])
        return persona

    rng = random.Random(7)
    for _ in range(300):
        ballots = [{"linea": n, "who": {"grado": None, "nombre": rng.choice(names)}} for n in range(rng.randint(1, 30))]
        results = []
        for reader in (plain, None):
            people, avisos = copy.deepcopy(roster), []
            lector = SimpleNamespace(aviso=lambda mensaje, linea: avisos.append(linea))
            known = {}
            chosen = [people.index(plain(lector, b, people) if reader else votos._voter(lector, b, people, known))
                      for b in ballots]
            results.append((chosen, [(p.nombre, p.spellings, p._sets) for p in people], avisos))
        assert results[0] == results[1], ballots


def test_the_end_of_an_asunto_is_the_first_match_of_the_pattern():
    """`_trim_at` finds what the search finds: on every text of the actas and on random runs of the
    pattern's words in any case, with commas and blanks of every kind before them."""
    import random
    pieces = list(votos._TRIM_WORDS) + ["CON", "Con dos", "votos", "voto", "Por Lo Que", "SÍRVANSE", "Quienes Estén",
                                        "el acta", "la propuesta", "x", "ıt", "con tres votos"]
    blanks = [" ", "  ", "\t", "\n", "\u00a0", "", ",", ", ", ",\t ", " ,"]
    rng = random.Random(5)
    texts = list(TEXTS)
    for _ in range(6000):
        texts.append("".join(rng.choice(blanks) + rng.choice(pieces) for _ in range(rng.randint(1, 8))))
    for text in texts:
        whole, found = votos._TRIM_ASUNTO_RE.search(text), votos._trim_at(text)
        assert (whole and whole.span()) == (found and found.span()), text


def test_a_sense_header_holds_one_of_the_header_words():
    lines = [line for text in TEXTS for line in [text, text.replace("  ", "\t"), "\t".join(text.split(". "))]]
    lines += ["Integrante\tA favor\tEn contra\tAbstención", "Nombre\tA FAVOR\tABSTENCIONES", "x\tEn contra\ta favor"]
    for line in lines:
        if votos._sense_columns(line):
            assert votos._has_any(fold(line.strip()), votos._SENSE_HEADERS), line


def test_a_sense_alone_on_its_line_holds_a_sense_word():
    for text in TEXTS + ["A favor.", "- En contra!", "Mi voto es a favor", "ABSTENCIÓN", "Con el proyecto."]:
        if votos.SENSE_ONLY_RE.match(text):
            assert votos._may_sense(fold(text)), text
