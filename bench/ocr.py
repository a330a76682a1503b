"""How well and how fast scanned actas are read: each fixture acta (and the real one) is printed,
dirtied and scanned to an image-only PDF (bench/escaneos.py: 300 dpi, grain, specks, ±1.5°, a
blue stamp), read by OCR (etl/ocr.py, with an empty cache: every page is really read) and
parsed; its facts are scored against the fixture's expectation without line numbers, beside the
score of its clean text.

    python -m bench.ocr [--salida bench/ocr.md] [--solo NOMBRE ...] [--dpi 300]

Prints a Markdown table, per fixture and in total: pages, facts right of the scan and of the
text, extras of each, seconds per page (wall clock, pages read in parallel on the machine's
cores; the machine's load is printed with it) and CPU seconds per page (this process and its
tesseract processes: the cost of a page whatever else the machine runs; on an idle machine
wall time ≈ CPU time / cores). Targets (issue 14), reported, never asserted:
the real acta's scan reads ≥ 95 % of its facts with no more extras than its text; ≤ 3 s a page.
"""
import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def fixtures():
    """(name, source text path, expectation path) of every fixture and of the real acta."""
    sys.path.insert(0, str(ROOT / "tests"))
    import test_parse_fixtures as t

    return [(e.name[: -len(".expected.json")], t._source_of(e), e) for e in t._expectations()]


def score(expected, hechos):
    sys.path.insert(0, str(ROOT / "tests"))
    import test_parse_fixtures as t

    return t.check_acta.compare(t._without_fuente(expected), hechos, None)


def measure(nombre, fuente, esperado, carpeta, dpi):
    from bench.escaneos import escanear
    from etl.errors import TableroError
    from etl.extract import extract_text
    from etl.ocr import annotate
    from etl.parse import parse_acta

    texto = fuente.read_text(encoding="utf-8")
    expected = json.loads(esperado.read_text(encoding="utf-8"))
    limpio = score(expected, parse_acta(texto))
    pdf = carpeta / f"{nombre}.pdf"
    paginas = escanear(texto.splitlines(), pdf, semilla=0, dpi=dpi)
    inicio, cpu = time.monotonic(), _cpu()
    try:
        leido = extract_text(pdf)
        segundos, cpu = time.monotonic() - inicio, _cpu() - cpu
        escaneo = score(expected, annotate(parse_acta(leido), pdf))
    except TableroError as error:
        segundos, cpu = time.monotonic() - inicio, _cpu() - cpu
        escaneo = None
        print(f"{nombre}: {error}", file=sys.stderr)
    return {"nombre": nombre, "paginas": paginas, "segundos": segundos, "cpu": cpu,
            "limpio": limpio, "escaneo": escaneo}


def _cpu():
    """CPU seconds of this process and of the tesseract processes it waited for: what a page
    costs whatever else the machine is doing."""
    import resource

    yo, hijos = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return yo.ru_utime + yo.ru_stime + hijos.ru_utime + hijos.ru_stime


def table(filas):
    lineas = ["| acta | páginas | hechos (escaneo) | hechos (texto) | extras escaneo / texto "
              "| s/página | s de CPU/página |", "|---|---:|---:|---:|---:|---:|---:|"]
    for f in filas:
        e, l = f["escaneo"], f["limpio"]
        leidos = f"{e.right}/{e.total} ({100 * e.right / e.total:.1f} %)" if e else "error"
        lineas.append(f"| {f['nombre']} | {f['paginas']} | {leidos} | {l.right}/{l.total} | "
                      f"{e.extras if e else '–'} / {l.extras} | {f['segundos'] / f['paginas']:.2f} | "
                      f"{f['cpu'] / f['paginas']:.2f} |")
    buenas = [f for f in filas if f["escaneo"]]
    right = sum(f["escaneo"].right for f in buenas)
    total = sum(f["escaneo"].total for f in filas if f["escaneo"]) or 1
    paginas = sum(f["paginas"] for f in filas)
    segundos = sum(f["segundos"] for f in filas)
    lineas.append(f"| **total** | {paginas} | {right}/{total} ({100 * right / total:.1f} %) | "
                  f"{sum(f['limpio'].right for f in buenas)}/{sum(f['limpio'].total for f in buenas)} | "
                  f"{sum(f['escaneo'].extras for f in buenas)} / {sum(f['limpio'].extras for f in buenas)} | "
                  f"{segundos / max(1, paginas):.2f} | "
                  f"{sum(f['cpu'] for f in filas) / max(1, paginas):.2f} |")
    return "\n".join(lineas)


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m bench.ocr", description=__doc__.split("\n\n")[0])
    p.add_argument("--salida", type=Path, help="también escribe la tabla en este archivo")
    p.add_argument("--solo", nargs="*", help="solo las actas cuyo nombre contiene esto")
    p.add_argument("--dpi", type=int, default=300, help="resolución del escaneo (300)")
    args = p.parse_args(argv)
    casos = [c for c in fixtures() if not args.solo or any(s in c[0] for s in args.solo)]
    filas = []
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as carpeta:
        os.environ["TABLERO_OCR_CACHE"] = str(Path(carpeta) / "cache")   # read every page
        for nombre, fuente, esperado in casos:
            filas.append(measure(nombre, fuente, esperado, Path(carpeta), args.dpi))
            print(table(filas[-1:]).split("\n")[2], file=sys.stderr, flush=True)
    carga = "/".join(f"{x:.2f}" for x in os.getloadavg())
    salida = (f"Máquina: {len(os.sched_getaffinity(0))} núcleos, Python {platform.python_version()}, "
              f"{datetime.now():%Y-%m-%d %H:%M}, carga {carga}; escaneos a {args.dpi} ppp.\n\n"
              + table(filas) + "\n")
    print(salida)
    if args.salida:
        args.salida.write_text(salida, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
