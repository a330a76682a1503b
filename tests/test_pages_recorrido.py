"""What a walk through the integrated dashboard found broken, each under AppTest against a database
built by the real ETL from the bundled acta plus both fixture processes (Colima and Zacatecas: two
committees whose processes have the same name): no «habla nan», no English month names on a time
axis, no «De .» column, no empty table that says «empty», no session number flagged as repeated
because another institute's committee used it too."""
import json
import shutil
from pathlib import Path

import pytest

from conftest import abrir_pagina

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def db_tres_comites(tmp_path_factory):
    """data/actas, tests/fixtures/proceso and proceso2 (their .txt actas) in one database."""
    from etl.load import build

    actas = tmp_path_factory.mktemp("tres-comites") / "actas"
    actas.mkdir()
    for archivo in [*(ROOT / "data" / "actas").iterdir(), *(FIXTURES / "proceso").glob("*.txt"),
                    *(FIXTURES / "proceso2").glob("*.txt")]:
        shutil.copy(archivo, actas)
    db = actas.parent / "tablero.duckdb"
    build(actas, db, progress=False)
    return db


pytestmark = pytest.mark.usefixtures("caches_limpias")


def abrir(archivo, monkeypatch, base, query_params=None):
    at = abrir_pagina(archivo, monkeypatch, base, query_params)
    assert not at.exception, at.exception[0].message
    return at


def _ejes_de_fecha(spec):
    """Every x encoding of a temporal field in a Vega-Lite spec (layers included)."""
    encontrados = []
    if isinstance(spec, dict):
        x = spec.get("encoding", {}).get("x")
        if isinstance(x, dict) and x.get("type") == "temporal":
            encontrados.append(x)
        for valor in spec.values():
            encontrados += _ejes_de_fecha(valor)
    elif isinstance(spec, list):
        for valor in spec:
            encontrados += _ejes_de_fecha(valor)
    return encontrados


def _graficas(at):
    return [json.loads(g.proto.spec) for g in at.get("vega_lite_chart")]


def _datos(at):
    """The rows of every chart on the page (Streamlit sends them apart from the spec)."""
    import pyarrow as pa

    filas = []
    for g in at.get("vega_lite_chart"):
        for conjunto in [*g.proto.datasets, g.proto]:
            datos = conjunto.data.data
            if datos:
                filas += pa.ipc.open_stream(datos).read_all().to_pylist()
    return filas


def test_un_resultado_sin_orador_no_dice_nan(monkeypatch, db_tres_comites):
    at = abrir("paginas/buscar.py", monkeypatch, db_tres_comites, {"q": "ente auditor"})
    lugares = [m.value for m in at.markdown if "línea" in m.value]
    assert any("cotaprep-zacatecas-2024-04-25-ordinaria-03.txt`, línea 104" in t for t in lugares)
    assert not [t for t in lugares if "habla nan" in t]


@pytest.mark.parametrize("archivo, parametros", [
    ("paginas/seguimiento.py", None),
    ("paginas/partido.py", {"partido": "PAN"}),
    ("paginas/resumen.py", None),
    ("paginas/documentos.py", None),
])
def test_los_ejes_de_fecha_no_hablan_ingles(archivo, parametros, monkeypatch, db_tres_comites):
    """Vega-Lite writes «April», «July» on a time axis without a format."""
    at = abrir(archivo, monkeypatch, db_tres_comites, parametros)
    ejes = [eje for spec in _graficas(at) for eje in _ejes_de_fecha(spec)]
    assert ejes, "la página no dibujó ninguna gráfica con fechas"
    for eje in ejes:
        assert eje.get("axis", {}).get("format") == "%d/%m/%Y", eje


def test_la_rejilla_de_asistencia_abrevia_la_instalacion(monkeypatch, db_tres_comites):
    # all committees (the sidebar's «todos»): Durango's ordinaria beside Zacatecas' installation
    at = abrir("paginas/asistencia.py", monkeypatch, db_tres_comites, {"comite": "todos"})
    columnas = {fila["Sesión"] for fila in _datos(at) if "Sesión" in fila}
    assert "28/11/2023 Inst." in columnas and "28/01/2021 Ord. 2" in columnas
    assert not [c for c in columnas if " De ." in c]


def test_una_votacion_economica_no_muestra_tabla_vacia(monkeypatch, db_tres_comites):
    at = abrir("paginas/votaciones.py", monkeypatch, db_tres_comites)
    # the most recent non-unanimous vote: Zacatecas, 25 April 2024, a show of hands
    assert any(m.value.startswith("**Sesión ordinaria 3 · 25 de abril de 2024 · Punto 4")
               for m in at.markdown)
    assert "Votación económica: el acta no consigna el sentido de cada voto." in [
        c.value for c in at.caption]
    assert not [d for d in at.dataframe if list(d.value.columns) == ["Integrante", "Sentido"]
                and d.value.empty]


def test_dos_comites_con_el_mismo_proceso_no_repiten_numeros(monkeypatch, db_tres_comites):
    """Colima and Zacatecas both hold «Proceso Electoral Local 2023-2024»: their ordinaria 1 is
    not one session read twice."""
    at = abrir("paginas/calidad.py", monkeypatch, db_tres_comites, {"comite": "todos"})
    assert {m.label: m.value for m in at.metric}["Números de sesión"] == "1"   # Durango's aviso
    assert at.subheader[0].value == "Números de sesión contradictorios (1)"


def test_la_persona_elegida_abre_la_linea_que_la_nombra(monkeypatch, db_tres_comites):
    """Asistencia's «Por persona» shows, under the chosen row, the acta line that lists that
    person: the acta and the line of one same mention (their first session)."""
    at = abrir("paginas/asistencia.py", monkeypatch, db_tres_comites)
    assert "cotaprep-zacatecas-2023-11-28-instalacion.txt, líneas 16–22" in [
        c.value for c in at.caption]
    marcada = [linea for m in at.markdown for linea in m.value.splitlines() if "▶" in linea]
    assert any("Alejandra Berenice Sifuentes Robles" in linea for linea in marcada), marcada


def _persona_id(base, nombre):
    from tablero import db
    with db.connect_readonly(base) as con:
        return con.execute("SELECT persona_id FROM personas WHERE nombre = ?", [nombre]).fetchone()[0]


def test_la_ficha_y_su_pestana_cuentan_igual_las_correcciones(monkeypatch, db_tres_comites):
    """Sifuentes Robles asked one correction (S2, Z-26) that S5 reports attended: the card and the
    tab say «1 pedida» and the tab names the report apart, instead of «1» against «(2)»."""
    persona = _persona_id(db_tres_comites, "Alejandra Berenice Sifuentes Robles")
    at = abrir("paginas/persona.py", monkeypatch, db_tres_comites,
               {"persona": str(persona), "comite": "todos"})
    assert {m.label: m.value for m in at.metric}["Correcciones pedidas"] == "1"
    assert [t.label for t in at.tabs][2] == "Correcciones (1 pedida · 1 reportada atendida)"
    tabla = at.tabs[2].dataframe[0].value
    assert sorted(tabla["Qué"]) == ["pedida", "reportada atendida"]
