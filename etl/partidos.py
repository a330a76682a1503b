"""The party catalog: canonical acronyms, names, colours and the spellings actas use.

Actas name a party many ways: «P.M.C.», «Movimiento Ciudadano», «RPTE. SUP. P.V.E.M.»,
«Partido Político MORENA». `Catalogo.resolve` turns any of them into the canonical acronym.
"""
import csv

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
        # A folded text is words of letters and digits joined by single spaces, and so is a folded
        # spelling: the spelling stands in the text as whole words exactly when its words are a
        # run of the text's words. Each spelling is filed under its first word, with its rank in
        # the longest-first order, so a text is compared only with the spellings that begin with
        # one of its words (not with all 54).
        self._by_first_word = {}
        for rank, (variante, partido) in enumerate(pairs):
            words = tuple(variante.split())
            self._by_first_word.setdefault(words[:1], []).append((rank, words, partido))

    def resolve(self, text):
        """The acronym of the party named in `text`, or None. Expecting text like:
        'RPTE. SUP. P.V.E.M.', 'representante del Partido Redes Sociales Progresistas'."""
        words = fold_acronym(text).split()
        if not words:   # only a blank spelling stands in a blank text
            blank = self._by_first_word.get(())
            return blank[0][2] if blank else None
        best = None
        for index, word in enumerate(words):
            for rank, spelling, partido in self._by_first_word.get((word,), ()):
                if (best is None or rank < best[0]) and tuple(words[index:index + len(spelling)]) == spelling:
                    best = (rank, partido)
        return best[1] if best else None

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
