"""The facts `parse_acta` reads from every text acta of the project, one JSON file each, to
compare two versions of the parser fact by fact (a speed change must leave them identical).

    python -m bench.instantanea CARPETA            # writes CARPETA/<ruta>.json
    diff -rq ANTES DESPUES                         # no output: the same facts

Reads tests/fixtures/ (every .txt and .md, with proceso/ and proceso2/), data/actas/ and the
shared minutes of ../shared/ when present (the real acta, other bodies). A file the parser
refuses is written as its error, so a change in what is refused shows too."""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def actas():
    rutas = []
    for carpeta in (ROOT / "tests" / "fixtures", ROOT / "data" / "actas", SHARED):
        if carpeta.is_dir():
            rutas += [p for ext in ("*.txt", "*.md") for p in carpeta.rglob(ext)]
    return sorted(rutas)


def nombre_de(ruta):
    """A file's name inside the project («tests/fixtures/actas/x.txt») or the shared material
    («shared/actas/x.txt»), so that two checkouts of the parser (two git worktrees) write the same
    names and `diff -rq` compares their facts, not their folders; an acta elsewhere keeps its path."""
    ruta = ruta.resolve()
    for base, prefijo in ((ROOT, ""), (SHARED.resolve(), "shared/")):
        if ruta.is_relative_to(base):
            return prefijo + str(ruta.relative_to(base))
    return str(ruta)


def main(argv=None):
    from etl.parse import parse_acta
    from etl.partidos import load_catalogo

    salida = Path((argv or sys.argv[1:])[0])
    salida.mkdir(parents=True, exist_ok=True)
    catalogo = load_catalogo()
    rutas = actas()
    for ruta in rutas:
        try:
            hechos = parse_acta(ruta.read_text(encoding="utf-8", errors="replace"), catalogo)
        except Exception as error:          # a refusal is a result to compare, not a crash
            hechos = {"error": f"{type(error).__name__}: {error}"}
        nombre = nombre_de(ruta).replace("/", "__") + ".json"
        (salida / nombre).write_text(json.dumps(hechos, ensure_ascii=False, indent=1, sort_keys=True,
                                                default=str), encoding="utf-8")
    print(len(rutas), "actas")


if __name__ == "__main__":
    main()
