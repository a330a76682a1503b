"""The party catalog: canonical acronyms, names, colours and the spellings actas use.

Actas name a party many ways: «P.M.C.», «Movimiento Ciudadano», «RPTE. SUP. P.V.E.M.»,
«Partido Político MORENA». `Catalogo.resolve` turns any of them into the canonical acronym.
"""
import csv
import re

from etl.vocabulario import fold_acronym
from dataclasses import dataclass, field
from pathlib import Path

CATALOGO_PATH = Path(__file__).resolve().parent.parent / "data" / "catalogos" / "partidos.csv"


@dataclass(frozen=True)
class Partido:
    partido: str
    nombre: str
    ambito: str
    color: str
    variantes: tuple


@dataclass
class Catalogo:
    partidos: dict = field(default_factory=dict)

    def __post_init__(self):
        # Longest spellings first, so «partido verde ecologista de mexico» wins over «pv».
        pairs = [(fold_acronym(v), p.partido) for p in self.partidos.values() for v in p.variantes]
        pairs.sort(key=lambda pair: -len(pair[0]))
        self._variantes = pairs
        self._regex = {v: re.compile(rf"(?<!\w){re.escape(v)}(?!\w)") for v, _ in pairs}

    def resolve(self, text):
        """The acronym of the party named in `text`, or None. Expecting text like:
        'RPTE. SUP. P.V.E.M.', 'representante del Partido Redes Sociales Progresistas'."""
        folded = fold_acronym(text)
        for variante, partido in self._variantes:
            # The substring test first: most spellings are not in the text at all.
            if variante in folded and self._regex[variante].search(folded):
                return partido
        return None

    def __contains__(self, acronym):
        return acronym in self.partidos


def load_catalogo(path=CATALOGO_PATH):
    """Read data/catalogos/partidos.csv (variants separated by «|»)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    partidos = {
        row["partido"]: Partido(row["partido"], row["nombre"], row["ambito"], row["color"],
                                tuple(v.strip() for v in row["variantes"].split("|") if v.strip()))
        for row in rows
    }
    return Catalogo(partidos)
