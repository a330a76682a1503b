"""etl.extract: every format in, the acta's text out; every bad file, one Spanish sentence."""
import pytest

from etl.errors import ExtractionError
from etl.extract import extract_text

from conftest import ACTAS

REAL = ACTAS / "cotaprep-durango-2021-01-28-ordinaria-02.txt"
TEXTO = REAL.read_text(encoding="utf-8")


def error_of(path):
    with pytest.raises(ExtractionError) as caught:
        extract_text(path)
    return str(caught.value)


def test_utf8_acta_is_read_as_is():
    assert extract_text(REAL) == TEXTO


def test_bom_and_windows_line_endings(tmp_path):
    path = tmp_path / "acta.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXTO.replace("\n", "\r\n").encode("utf-8"))
    assert extract_text(path) == TEXTO


def test_cp1252_acta_keeps_its_accents(tmp_path):
    path = tmp_path / "acta-latin1.txt"
    path.write_bytes(TEXTO.encode("cp1252"))
    text = extract_text(path)
    assert text == TEXTO
    assert "SESIÓN ORDINARIA NÚMERO 2" in text


def test_latin1_bytes_cp1252_lacks_are_still_read(tmp_path):
    path = tmp_path / "acta.md"
    text = "Acta de la sesión número dos; señoría.\n" * 10
    path.write_bytes(text.encode("latin-1") + b"\x81\n")
    assert extract_text(path) == text + "\x81\n"


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "acta.txt"
    path.write_bytes(TEXTO.encode("utf-16"))
    assert extract_text(path) == TEXTO


def test_lone_carriage_returns_become_lines(tmp_path):
    path = tmp_path / "acta.txt"
    path.write_bytes("uno\rdos\r\ntres\n".encode("utf-8"))
    assert extract_text(path).split("\n") == ["uno", "dos", "tres", ""]


def test_empty_file(tmp_path):
    path = tmp_path / "vacia.txt"
    path.write_bytes(b"")
    assert error_of(path) == ("El archivo vacia.txt está vacío: no tiene texto que leer; "
                              "reemplácelo por el acta completa.")


def test_blank_file_is_empty_too(tmp_path):
    path = tmp_path / "blanca.md"
    path.write_bytes(b"  \r\n\n\t\n")
    assert "está vacío" in error_of(path)


@pytest.mark.parametrize("data", [bytes(range(256)) * 20, b"ACTA\x00\x01\x02" * 100,
                                  bytes((i * 7919) % 251 for i in range(5000))])
def test_binary_garbage(tmp_path, data):
    path = tmp_path / "basura.txt"
    path.write_bytes(data)
    assert error_of(path) == ("El archivo basura.txt no es texto legible (contiene datos "
                              "binarios): guarde el acta como .txt, .md, .pdf o .docx.")


def test_unknown_extension(tmp_path):
    path = tmp_path / "acta.rtf"
    path.write_text("{\\rtf1 acta}", encoding="utf-8")
    assert error_of(path) == ("El archivo acta.rtf tiene un formato que no se puede leer "
                              "(«.rtf»): guarde el acta como .txt, .md, .pdf o .docx, o "
                              "escaneada como .pdf, .png, .jpg o .tif.")


def test_missing_file(tmp_path):
    assert error_of(tmp_path / "no-existe.txt") == (
        f"No existe el archivo {tmp_path / 'no-existe.txt'}: revise la ruta.")


def make_pdf(path, lines=None):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_draw_color(40, 40, 40)
    pdf.rect(20, 20, 120, 160, style="D")
    if lines:
        pdf.set_font("helvetica", size=11)
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_pdf_without_text_layer_is_read_by_ocr_and_a_bare_frame_has_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("TABLERO_OCR_CACHE", str(tmp_path / "cache"))
    path = make_pdf(tmp_path / "escaneada.pdf")
    assert error_of(path) == ("El archivo escaneada.pdf no tiene texto legible: su página "
                              "parece en blanco o sin letras; revise que el escaneo sea el del acta.")


def test_pdf_text_layer(tmp_path):
    path = make_pdf(tmp_path / "acta.pdf", ["ACTA DE LA SESIÓN ORDINARIA", "Siendo las 17:00 horas"])
    assert extract_text(path).split("\n")[:2] == ["ACTA DE LA SESIÓN ORDINARIA",
                                                  "Siendo las 17:00 horas"]


def test_damaged_pdf(tmp_path):
    path = tmp_path / "rota.pdf"
    path.write_bytes(b"%PDF-1.4\nno es un pdf de verdad")
    assert error_of(path) == ("El PDF rota.pdf está dañado y no se pudo abrir: vuelva a "
                              "exportarlo o descárguelo de nuevo.")


def test_docx_paragraphs_and_table_rows_with_tabs(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("ACTA DE LA SESIÓN ORDINARIA NÚMERO 3")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "DRA. ANA PÉREZ", "ASESORA TÉCNICA"
    table.cell(1, 0).text, table.cell(1, 1).text = "LIC. LUIS MORA", "RPTE. PROP. P.A.N."
    document.add_paragraph("Siendo las 18:00 horas")
    path = tmp_path / "acta.docx"
    document.save(path)
    assert extract_text(path).split("\n") == [
        "ACTA DE LA SESIÓN ORDINARIA NÚMERO 3", "DRA. ANA PÉREZ\tASESORA TÉCNICA",
        "LIC. LUIS MORA\tRPTE. PROP. P.A.N.", "Siendo las 18:00 horas"]


def test_damaged_docx(tmp_path):
    path = tmp_path / "rota.docx"
    path.write_bytes(b"PK\x03\x04 no es un docx")
    assert error_of(path) == ("El documento rota.docx está dañado o no es un .docx: ábralo y "
                              "guárdelo de nuevo como .docx.")
