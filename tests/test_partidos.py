"""The party catalog: any spelling an acta uses resolves to the canonical acronym."""
from etl.partidos import Catalogo, Partido, load_catalogo


def test_resolve_reads_spellings_as_whole_words():
    catalogo = load_catalogo()
    assert catalogo.resolve("RPTE. SUP. P.V.E.M.") == "PVEM"
    assert catalogo.resolve("representante del Partido Movimiento Ciudadano") == "MC"
    assert catalogo.resolve("Representante del P.A.N., propietario") == "PAN"
    # «pan» inside «panorama» and «mc» inside «mcallen» are no parties
    assert catalogo.resolve("un panorama de McAllen") is None
    assert catalogo.resolve("") is None


def test_resolve_prefers_the_longest_spelling_wherever_it_stands():
    """The longest spelling named wins, even when a shorter one of another party comes first
    in the text (the order of the catalog, not of the text, decides)."""
    catalogo = Catalogo({
        "PV": Partido("PV", "Verde", "local", "#000", ("PV",)),
        "PVEM": Partido("PVEM", "Verde Ecologista", "nacional", "#000", ("Partido Verde Ecologista",)),
    })
    assert catalogo.resolve("PV y luego el Partido Verde Ecologista") == "PVEM"
    assert catalogo.resolve("el PV") == "PV"
    assert catalogo.resolve("Partido Verde") is None
