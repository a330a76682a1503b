"""bench.instantanea: the facts of every acta of the project, one JSON file each, for comparing
two versions of the parser fact by fact."""
import json

from bench import instantanea


def test_writes_the_facts_of_every_acta(tmp_path):
    instantanea.main([str(tmp_path)])
    rutas = instantanea.actas()
    escritos = sorted(tmp_path.glob("*.json"))
    assert len(escritos) == len(rutas) >= 40
    real = next(p for p in escritos if p.name.endswith("cotaprep-durango-2021-01-28-ordinaria-02.txt.json"))
    hechos = json.loads(real.read_text(encoding="utf-8"))
    assert hechos["sesion"]["fecha"] == "2021-01-28"
    assert len(hechos["asistentes"]) >= 10


def test_a_file_the_parser_refuses_is_written_as_its_error(tmp_path, monkeypatch):
    vacio = tmp_path / "vacio.txt"
    vacio.write_text("", encoding="utf-8")
    monkeypatch.setattr(instantanea, "actas", lambda: [vacio])
    instantanea.main([str(tmp_path / "salida")])
    [escrito] = (tmp_path / "salida").iterdir()
    assert json.loads(escrito.read_text(encoding="utf-8"))["error"].startswith("NotAnActaError")


def test_the_same_parser_gives_the_same_files(tmp_path):
    instantanea.main([str(tmp_path / "a")])
    instantanea.main([str(tmp_path / "b")])
    for a in sorted((tmp_path / "a").iterdir()):
        assert a.read_bytes() == (tmp_path / "b" / a.name).read_bytes()


def test_names_do_not_depend_on_where_the_project_is_checked_out(tmp_path):
    nombres = [instantanea.nombre_de(ruta) for ruta in instantanea.actas()]
    assert "data/actas/cotaprep-durango-2021-01-28-ordinaria-02.txt" in nombres
    assert all(not nombre.startswith("/") for nombre in nombres)
    assert len(set(nombres)) == len(nombres)
    fuera = tmp_path / "otra.txt"
    assert instantanea.nombre_de(fuera) == str(fuera.resolve())
