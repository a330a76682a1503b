"""`python -m etl …`: parse one acta, build the database, and the entry points of the report and
the SQL console (written in tablero/, imported only when asked for).

Every expected failure is one line `Error: <frase>` on stderr and exit status 1; nothing reaches
a person as a traceback.
"""
import argparse
import hashlib
import json
import sys
from pathlib import Path

from etl.errors import TableroError



def default_actas():
    """$TABLERO_ACTAS or data/actas of this repository (tablero.db decides, for both sides)."""
    from tablero.db import actas_path
    return str(actas_path())


def default_db():
    """$TABLERO_DB or data/tablero.duckdb of this repository."""
    from tablero.db import db_path
    return str(db_path())


def parser():
    p = _spanish(argparse.ArgumentParser(
        prog="python -m etl", add_help=False,
        description="Tablero COTAPREP: lee las actas del comité y las carga en DuckDB."))
    sub = p.add_subparsers(dest="orden", required=True, metavar="ORDEN", title="órdenes")
    sub.add_parser = _spanish_subparser(sub.add_parser)

    s = sub.add_parser("parse", help="lee un acta y muestra sus hechos en JSON",
                       description="Lee un acta (.txt, .md, .pdf, .docx, o escaneada: .pdf, "
                                   ".png, .jpg, .tif) y escribe sus hechos en JSON por la "
                                   "salida estándar.")
    s.add_argument("archivo", metavar="ARCHIVO", help="el acta que se va a leer")
    s.set_defaults(run=run_parse)

    s = sub.add_parser("build", help="carga todas las actas de una carpeta en la base de datos",
                       description="Carga las actas de una carpeta en un archivo DuckDB nuevo y "
                                   "lo pone en lugar del anterior. Sale con 1 si algún acta "
                                   "no se pudo cargar.")
    s.add_argument("--actas", default=default_actas(), metavar="CARPETA",
                   help="carpeta de actas (por omisión $TABLERO_ACTAS o data/actas)")
    s.add_argument("--db", default=default_db(), metavar="ARCHIVO",
                   help="base de datos (por omisión $TABLERO_DB o data/tablero.duckdb)")
    s.add_argument("--sin-progreso", dest="progreso", action="store_false",
                   help="no mostrar la barra de progreso")
    s.set_defaults(run=run_build)

    s = sub.add_parser("informe", help="genera el informe .docx de un periodo",
                       description="Genera el informe de las sesiones de un periodo en .docx.")
    s.add_argument("--desde", required=True, metavar="AAAA-MM-DD", help="primer día del periodo")
    s.add_argument("--hasta", required=True, metavar="AAAA-MM-DD", help="último día del periodo")
    s.add_argument("--salida", required=True, metavar="ARCHIVO.docx", help="archivo que se crea")
    s.add_argument("--db", default=default_db(), metavar="ARCHIVO", help="base de datos")
    s.add_argument("--comite", metavar="CLAVE",
                   help="clave del comité (vea «python -m etl comites»); obligatoria si en el "
                        "periodo sesionó más de uno")
    s.add_argument("--instituto", metavar="TEXTO",
                   help="en vez de --comite: palabras del nombre del instituto")
    s.add_argument("--proceso", metavar="TEXTO",
                   help="en vez de --comite: palabras del proceso electoral")
    s.add_argument("--plantilla", metavar="ARCHIVO.docx",
                   help="plantilla de Word del informe (por omisión $TABLERO_PLANTILLA, "
                        "data/plantillas/informe.docx o la base del tablero)")
    s.set_defaults(run=lambda args: _delegate("tablero.informe", args))

    s = sub.add_parser("comites", help="lista los comités cargados",
                       description="Escribe un comité por línea: su clave, su nombre y sus "
                                   "sesiones cargadas.")
    s.add_argument("--db", default=default_db(), metavar="ARCHIVO", help="base de datos")
    s.set_defaults(run=lambda args: _delegate("tablero.comites", args))

    s = sub.add_parser("consulta", help="ejecuta una consulta SQL de solo lectura",
                       description="Ejecuta una consulta SQL sobre la base de datos, en modo de "
                                   "solo lectura, y escribe el resultado.")
    s.add_argument("sql", metavar="SQL", help="la consulta, entre comillas")
    s.add_argument("--db", default=default_db(), metavar="ARCHIVO", help="base de datos")
    s.add_argument("--formato", choices=["csv", "json"], default="csv",
                   help="formato de salida (csv por omisión)")
    s.set_defaults(run=lambda args: _delegate("tablero.sql", args))

    s = sub.add_parser("buscar", help="busca palabras o frases en el texto de las actas",
                       description="Busca en el texto de todas las actas, sin distinguir acentos "
                                   "ni mayúsculas; una frase entre comillas se encuentra aunque "
                                   "cruce un salto de línea o un encabezado de página. Escribe "
                                   "una línea por resultado, los mejores primero: archivo del "
                                   "acta, número de línea y el fragmento con lo encontrado "
                                   "entre corchetes.")
    s.add_argument("texto", metavar="TEXTO",
                   help='palabras (todas deben estar) o "frases exactas" entre comillas')
    s.add_argument("--db", default=default_db(), metavar="ARCHIVO", help="base de datos")
    s.add_argument("--comite", metavar="CLAVE",
                   help="sólo las actas de este comité (su clave; en una base sin claves de "
                        "comité, texto que contenga su órgano, instituto o proceso)")
    s.add_argument("--desde", metavar="AAAA-MM-DD", help="sesiones de este día en adelante")
    s.add_argument("--hasta", metavar="AAAA-MM-DD", help="sesiones hasta este día")
    s.add_argument("--tipo", metavar="TIPO", help="tipo de sesión (ordinaria, extraordinaria…)")
    s.add_argument("--limite", type=int, default=100, metavar="N",
                   help="cuántos resultados como máximo (100)")
    s.set_defaults(run=lambda args: _delegate("tablero.busqueda", args))

    s = sub.add_parser("cuenta", help="imprime el bloque de una cuenta del personal",
                       description="Pide una contraseña (dos veces; o la lee de la entrada "
                                   "estándar) e imprime el bloque [cuentas.USUARIO] con su hash "
                                   "para .streamlit/secrets.toml.")
    s.add_argument("usuario", metavar="USUARIO", help="nombre de usuario (minúsculas, sin acentos)")
    s.add_argument("--nombre", help="nombre de la persona, como se mostrará")
    s.set_defaults(run=lambda args: _delegate("tablero.cuentas", args))

    s = sub.add_parser("revision", help="exporta o aplica la revisión del personal de un acta",
                       description="La revisión del personal de un acta (ver «Revisión» en el "
                                   "README): «exportar» escribe los hechos revisados en JSON; "
                                   "«aplicar» registra como correcciones lo que un JSON revisado "
                                   "cambia respecto de lo que lee el lector.")
    acciones = s.add_subparsers(dest="accion", required=True, metavar="ACCION", title="acciones")
    acciones.add_parser = _spanish_subparser(acciones.add_parser)
    e = acciones.add_parser("exportar", help="escribe los hechos revisados del acta en JSON",
                            description="Escribe por la salida estándar los hechos del acta con "
                                        "las correcciones del personal, en la forma de «parse».")
    e.add_argument("archivo", metavar="ARCHIVO", help="el acta")
    e.set_defaults(run=lambda args: _delegate("tablero.revision", args))
    e = acciones.add_parser("aplicar", help="registra un JSON revisado como correcciones",
                            description="Compara lo que lee el lector del acta con REVISADO.json "
                                        "y registra cada diferencia como una corrección del "
                                        "personal, con su auditoría.")
    e.add_argument("archivo", metavar="ARCHIVO", help="el acta")
    e.add_argument("revisado", metavar="REVISADO.json", help="los hechos revisados")
    e.add_argument("--usuario", required=True, help="quién revisa (queda en la auditoría)")
    e.add_argument("--nota", required=True, help="por qué se corrige")
    e.set_defaults(run=lambda args: _delegate("tablero.revision", args))
    return p


def _spanish(p):
    """Section titles and -h in Spanish (argparse's own words are English)."""
    p._positionals.title = "argumentos"
    p._optionals.title = "opciones"
    p.add_argument("-h", "--help", action="help", help="muestra esta ayuda y termina")
    return p


def _spanish_subparser(add_parser):
    def add(name, **kwargs):
        return _spanish(add_parser(name, add_help=False, **kwargs))
    return add


def run_parse(args):
    """Print the contract's JSON of one acta, with `archivo` and `sha256` first."""
    from etl import ocr
    from etl.extract import extract_text, read_bytes
    from etl.partidos import load_catalogo

    with ocr.progreso(ocr.barra()):
        text = extract_text(args.archivo)
    data = read_bytes(args.archivo)
    from etl.parse import check_session, parse_acta
    facts = parse_acta(text, load_catalogo())
    check_session(facts, Path(args.archivo).name)
    facts = ocr.annotate(facts, args.archivo, data)
    out = {"archivo": args.archivo, "sha256": hashlib.sha256(data).hexdigest()}
    out.update((k, v) for k, v in facts.items() if k not in out)
    print(json.dumps(out, ensure_ascii=False, indent=2))
    return 0


def run_build(args):
    """Build the database and print what happened; 1 when any file failed."""
    from etl.load import build

    report = build(args.actas, args.db, progress=args.progreso)
    print(report.summary())
    return 0 if report.ok else 1


def _delegate(module, args):
    """Hand the arguments to `module.cli(args)`, written by the read side."""
    import importlib

    try:
        handler = importlib.import_module(module)
    except ModuleNotFoundError as error:
        if error.name != module:
            raise
        raise TableroError(f"Esta orden aún no está disponible: falta {module}.") from None
    return handler.cli(args)


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except TableroError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("Interrumpido: no se guardó nada nuevo.")
    except Exception as error:  # the last edge: no traceback reaches a person
        from etl.load import unexpected
        return _fail(unexpected(error))


def _fail(sentence):
    print(f"Error: {' '.join(sentence.split())}", file=sys.stderr)
    return 1
