"""The structure layer (etl/estructura.py): tables from any source become rows of cells, and a
dialogue gives its name-then-answer pairs. The texts are cut from the held-out actas."""
from etl.estructura import answer_kind, find_tables, last_sentence, pares, rejoin_cell_runs, rejoin_grids, speaker_of
from etl.texto import Texto

GRID = """\
+-----+----------------------------+--------------------------------+-------------+------------+
| No. | Nombre                     | Cargo o representación         | Asistencia  | Modalidad  |
+=====+============================+================================+=============+============+
| 1   | Mtra. Rosa Isela Chablé    | Consejera Electoral,           | Sí          | Presencial |
|     | Hernández                  | Presidenta de la Comisión      |             |            |
+-----+----------------------------+--------------------------------+-------------+------------+
| 6   | C. María Fernanda Torruco  | Representante suplente del     | Justificó   | —          |
|     | Landero                    | Partido Revolucionario         |             |            |
|     |                            | Institucional                  |             |            |
+-----+----------------------------+--------------------------------+-------------+------------+
""".splitlines()


def test_a_grid_row_is_one_line_with_its_wrapped_cells_joined():
    lines = rejoin_grids(GRID)
    assert len(lines) == len(GRID)                       # every line keeps its number
    assert lines[1] == "No.\tNombre\tCargo o representación\tAsistencia\tModalidad"
    assert lines[3] == ("1\tMtra. Rosa Isela Chablé Hernández\tConsejera Electoral, Presidenta de la Comisión"
                        "\tSí\tPresencial")
    assert lines[6].split("\t")[2] == "Representante suplente del Partido Revolucionario Institucional"
    assert lines[4] == lines[7] == lines[8] == ""


def test_a_table_knows_its_columns_and_rows():
    [tabla] = find_tables(rejoin_grids(GRID))
    assert tabla.tipos == ["numero", "nombre", "cargo", "asistencia", "modalidad"]
    assert [f.linea for f in tabla.filas] == [4, 7]
    assert tabla.filas[1].get(tabla, "asistencia") == "Justificó"
    assert tabla.filas[1].get(tabla, "modalidad") == ""  # «—» is an empty cell


def test_pdf_cells_one_per_line_become_rows():
    lines = ["Nombre", "Cargo", "Asistencia",
             "Dra. Ana Cecilia Berumen Llamas", "Asesora Técnica", "Presente",
             "Lic. Efrén Alonso Viramontes Ruiz", "Representante", "Ausente",
             "Asimismo, asistió en calidad de invitada la Mtra. Brenda Lizeth Acuña Félix."]
    rows = rejoin_cell_runs(lines)
    assert rows[0] == "Nombre\tCargo\tAsistencia"
    assert rows[3] == "Dra. Ana Cecilia Berumen Llamas\tAsesora Técnica\tPresente"
    assert rows[6] == "Lic. Efrén Alonso Viramontes Ruiz\tRepresentante\tAusente"
    assert rows[9].startswith("Asimismo")                # prose ends the table


def test_a_lone_header_word_is_no_table_and_the_next_header_still_is():
    # A header needs two short lines in a row: «Nombre» alone (a blank after it) is passed over
    # without being read, and the header two lines below is found as before.
    lines = ["Nombre", "", "Nombre", "Cargo", "Dra. Ana Cecilia Berumen Llamas", "Asesora Técnica",
             "Nombre", "Presentación del informe de actividades del comité técnico asesor", "Cargo"]
    rows = rejoin_cell_runs(lines)
    assert rows[:2] == ["Nombre", ""]
    assert rows[2] == "Nombre\tCargo" and rows[3] == ""
    assert rows[4] == "Dra. Ana Cecilia Berumen Llamas\tAsesora Técnica"
    assert rows[6:] == lines[6:]                          # a long line breaks the header: no table


def test_speaker_labels():
    assert speaker_of("El C. Secretario Ejecutivo: Con gusto, Presidenta.")[0] == "El C. Secretario Ejecutivo"
    assert speaker_of("SECRETARIO EJECUTIVO, LIC. RODRIGO ABEL PINEDA ZAMUDIO: Con gusto.")[0] == \
        "SECRETARIO EJECUTIVO, LIC. RODRIGO ABEL PINEDA ZAMUDIO"
    assert speaker_of("Informo lo siguiente a las representaciones: nada") is None


def test_answers_and_the_last_sentence_of_a_call():
    assert answer_kind("Presente, buenas noches.") == "lista"
    assert answer_kind("En contra, y anuncio la emisión de un voto particular.") == "voto"
    assert answer_kind("Sí.") == "voto"
    assert answer_kind("(No se escucha respuesta)") == "ninguna"
    assert answer_kind("Si me lo permite, Presidenta, daré lectura.") is None
    assert last_sentence("Procedo a pasar lista de asistencia. Consejera Presidenta, Maestra Itzia "
                         "Marcela Villaseñor Tapia.") == "Consejera Presidenta, Maestra Itzia Marcela Villaseñor Tapia."


def test_name_then_answer_pairs():
    doc = Texto("El C. Secretario Ejecutivo: Consejero doctor Fausto Emiliano Trejo Barrera.\n\n"
                "El C. Consejero Fausto Emiliano Trejo Barrera: Presente.\n\n"
                "El C. Secretario Ejecutivo: Consejera doctora Perla Ximena Cabrera Lugo.\n\n"
                "(No se escucha respuesta)\n")
    found = pares(doc.paragraphs, lambda text: "Consejer" in text)
    assert [(p.linea, p.linea_respuesta, p.tipo) for p in found] == [(1, 3, "lista"), (5, 7, "ninguna")]
