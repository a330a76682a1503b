"""Every phrase family (etl/frases.py) reads the acta text it declares, and only that.

Each entry of a family carries the real text it was written for; an entry without an example
fails here, so a phrasing cannot be added without the words that justify it.
"""
import pytest

from etl.frases import FAMILIAS
from etl.vocabulario import BALLOT_LABELS, fold, fold_acronym, fold_words, sentido_of

ENTRADAS = [(nombre, index) for nombre, familia in FAMILIAS.items() for index in range(len(familia.entradas))]


@pytest.mark.parametrize("nombre,index", ENTRADAS, ids=[f"{n}-{i}" for n, i in ENTRADAS])
def test_each_entry_reads_its_examples(nombre, index):
    familia = FAMILIAS[nombre]
    entrada = familia.entradas[index]
    assert entrada.ejemplos, f"{nombre}: la entrada «{entrada.patron}» no tiene ejemplo"
    alone = familia.regex_de(entrada)
    for ejemplo in entrada.ejemplos:
        text = familia.prepare(ejemplo)
        assert alone.search(text), f"{nombre}: «{entrada.patron}» no lee su ejemplo «{ejemplo}»"
        assert familia.search(text), f"{nombre}: la familia no lee «{ejemplo}»"


@pytest.mark.parametrize("nombre", sorted(FAMILIAS))
def test_family_refuses_its_counterexamples(nombre):
    familia = FAMILIAS[nombre]
    for contra in familia.contraejemplos:
        assert not familia.search(familia.prepare(contra)), f"{nombre} lee «{contra}», que no debe"


def test_folds():
    assert fold("Décima SESIÓN") == "decima sesion"
    assert fold_words("Dra. Alejandra ARREOLA-Delgado") == "dra alejandra arreola delgado"
    assert fold_acronym("P.R.S.P.") == "prsp"


@pytest.mark.parametrize("written,sense", [("A favor.", "a favor"), ("En contra", "en contra"),
                                           ("Me abstengo", "abstencion"), ("Sí.", "a favor"), ("No.", "en contra"),
                                           ("Por la afirmativa", "a favor"), ("Con el proyecto", "a favor"),
                                           ("En los mismos términos", "a favor")])
def test_ballot_senses(written, sense):
    assert sentido_of(written) == sense
    assert BALLOT_LABELS.get(fold_words(written), sense) == sense
