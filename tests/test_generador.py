"""The generator of fictional actas (bench/generador.py): seeded bytes, fictional by its first
line, and facts the parser reads back as written."""
import pytest

from bench.generador import FICTICIO, diferencias, generate, main
from etl.parse import parse_acta

N = 12


@pytest.fixture(scope="module")
def actas():
    return generate(N, seed=0)


def test_misma_semilla_mismos_bytes(actas):
    assert [(n, t) for n, t, _ in generate(N, seed=0)] == [(n, t) for n, t, _ in actas]
    assert [t for _, t, _ in generate(N, seed=1)] != [t for _, t, _ in actas]


def test_cada_acta_dice_que_es_ficticia(actas):
    assert all(text.startswith(FICTICIO + "\n") for _, text, _ in actas)
    assert all("Instituto Electoral Ficticio de" in facts["instituto"] for _, _, facts in actas)
    assert len({name for name, _, _ in actas}) == N


def test_cubre_lo_que_el_lector_debe_leer(actas):
    facts = [f for _, _, f in actas]
    assert any(a["llegada_punto"] for f in facts for a in f["asistentes"])
    assert any(v["forma"] == "nominal" for f in facts for v in f["votaciones"])
    assert any(v["forma"] == "economica" for f in facts for v in f["votaciones"])
    assert any(v["en_contra"] for f in facts for v in f["votaciones"])
    assert any(f["correcciones"] for f in facts) and any(f["dictamenes"] for f in facts)
    assert any("Página 2 de" in text for _, text, _ in actas)


@pytest.mark.parametrize("indice", range(N))
def test_el_lector_lee_lo_escrito(actas, indice):
    name, text, facts = actas[indice]
    assert diferencias(facts, parse_acta(text)) == [], name


def test_diferencias_dice_lo_que_no_coincide(actas):
    _, text, facts = actas[0]
    leido = parse_acta(text)
    leido["sesion"]["hora_fin"] = "23:59"
    leido["votaciones"] = leido["votaciones"][1:]
    out = diferencias(facts, leido)
    assert out[0] == f"sesion.hora_fin: escrito {facts['sesion']['hora_fin']!r}, leído '23:59'"
    assert out[1].startswith("votaciones (punto, resultado, a_favor, en_contra, abstenciones)")


def test_la_orden_escribe_en_otra_carpeta_nunca_en_data_actas(tmp_path, capsys):
    main(["3", str(tmp_path / "actas"), "--semilla", "5"])
    escritos = sorted(p.name for p in (tmp_path / "actas").iterdir())
    assert escritos == sorted(n for n, _, _ in generate(3, 5))
    assert "3 actas ficticias" in capsys.readouterr().err
    with pytest.raises(SystemExit, match="nunca van en data/actas"):
        main(["1", "data/actas"])


# -- the loader on generated actas (etl/load.py's bulk paths) ----------------------------------


def test_build_de_actas_generadas_una_persona_por_nombre(tmp_path):
    import duckdb

    from bench.generador import write_all
    from etl.load import build
    write_all(24, tmp_path / "actas", seed=2)
    report = build(tmp_path / "actas", tmp_path / "t.duckdb", progress=False)
    assert report.ok and report.actas == 24
    escritas = {a["nombre"] for _, _, f in generate(24, 2) for a in f["asistentes"]}
    con = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM personas").fetchone()[0] == len(escritas)
    assert con.execute("SELECT count(*) FROM votaciones").fetchone()[0] == \
        sum(len(f["votaciones"]) for _, _, f in generate(24, 2))


def test_persona_index_encuentra_el_nombre_largo_como_antes():
    """The word index gives what comparing with every name of the organo gave."""
    import duckdb

    from etl.load import PersonaIndex, persona_clave
    con = duckdb.connect()
    con.execute("CREATE TABLE personas (persona_id INTEGER, clave VARCHAR)")
    con.execute("CREATE TABLE asistencias (persona_id INTEGER, sesion_id INTEGER)")
    con.execute("CREATE TABLE sesiones (sesion_id INTEGER, organo VARCHAR)")
    index = PersonaIndex(con)
    a = index.id_for("Dr. Martín Gallardo García", "COTAPREP")
    b = index.id_for("Mtra. María de la Luz Gallardo Romo", "COTAPREP")
    assert index.id_for("Dr. Martín Gallardo", "COTAPREP") == a          # one longer name
    assert index.id_for("María Luz Gallardo", "COTAPREP") == b          # particles ignored
    assert index.id_for("Martín Gallardo", "Otro órgano") not in (a, b)   # other organo
    index.id_for("Martín Gallardo Pérez", "COTAPREP")
    nuevo = index.id_for("Martín Gallardo Ruiz", "COTAPREP")
    assert nuevo not in (a, b)
    assert index.id_for("Gallardo", "COTAPREP") not in (a, b)            # one word: itself
    assert persona_clave("Dr. Martín Gallardo") in index.ids


def test_lineas_acta_corta_el_texto_como_el_sql_de_antes(db_real):
    """tablero.queries.lineas_acta cuts the text in Python now; the old SQL is the reference."""
    import duckdb

    from tablero import queries
    antes = """
        WITH t AS (SELECT archivo, string_split(replace(texto, chr(13), ''), chr(10)) AS l
                   FROM actas WHERE acta_id = $acta_id),
             n AS (SELECT archivo, unnest(generate_series(1, len(l))) AS linea, unnest(l) AS texto
                   FROM t)
        SELECT archivo, linea, texto, linea = $linea AS es_fuente FROM n
        WHERE linea BETWEEN $linea - $contexto AND $linea + $contexto
        ORDER BY linea"""
    con = duckdb.connect(str(db_real), read_only=True)
    total = con.execute("SELECT len(string_split(texto, chr(10))) FROM actas").fetchone()[0]
    for acta_id, linea, contexto in [(1, 1, 3), (1, 40, 3), (1, 40, 0), (1, total, 2),
                                     (1, total + 5, 3), (1, -2, 1), (999, 5, 3)]:
        esperado = con.execute(antes, {"acta_id": acta_id, "linea": linea,
                                       "contexto": contexto}).df()
        obtenido = queries.lineas_acta(con, acta_id, linea, contexto)
        assert obtenido.to_dict("list") == esperado.to_dict("list"), (acta_id, linea, contexto)
        assert list(obtenido.dtypes.astype(str)[1:]) == ["int64", "object", "bool"]
