"""The dashboard in a real browser: `streamlit run dashboard.py` served on 127.0.0.1, every page of
tablero/paginas.py opened in headless Debian Chromium through Playwright (never a downloaded
browser), a concrete heading awaited, no error text, a screenshot of each page kept in artefactos/
(ignored by git), and a shared link with filters and a selected session reopening the same view."""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tablero.paginas import PAGINAS

ROOT = Path(__file__).resolve().parent.parent
ARTEFACTOS = ROOT / "artefactos"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ERRORES = ("Traceback", "StreamlitAPIException", "Uncaught app exception")

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="falta /usr/bin/chromium")


def _puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _servir(base, bitacora):
    puerto = _puerto_libre()
    env = {**os.environ, "TABLERO_DB": str(base)}
    proceso = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
         "--server.address", "127.0.0.1", "--server.port", str(puerto),
         "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=bitacora, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{puerto}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as respuesta:
                if respuesta.status == 200:
                    return proceso, url
        except OSError:
            time.sleep(0.25)
    proceso.terminate()
    raise RuntimeError(f"streamlit no respondió en {url}")


@pytest.fixture(scope="module")
def navegador():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield browser
        browser.close()


def _app(tmp_path_factory, base, nombre):
    bitacora = open(tmp_path_factory.mktemp(nombre) / "streamlit.log", "w")
    proceso, url = _servir(base, bitacora)
    yield url
    proceso.terminate()
    try:
        proceso.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proceso.kill()
    bitacora.close()


@pytest.fixture(scope="module")
def app_real(tmp_path_factory, db_real):
    yield from _app(tmp_path_factory, db_real, "app_real")


@pytest.fixture(scope="module")
def app_proceso(tmp_path_factory, db_proceso):
    yield from _app(tmp_path_factory, db_proceso, "app_proceso")


def _esperar(pagina, titulo):
    """The page's heading, then the end of the script run (no running indicator)."""
    pagina.get_by_role("heading", name=titulo, exact=True).first.wait_for(timeout=30_000)
    pagina.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                             timeout=30_000)
    # Elements show a skeleton until drawn, charts (Vega) after the run ends.
    pagina.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0",
        timeout=30_000)
    pagina.wait_for_timeout(800)


def _sin_errores(pagina):
    assert pagina.locator('[data-testid="stException"]').count() == 0
    # the frame's navigation (page titles), never Streamlit's file-name fallback
    navegacion = pagina.locator('[data-testid="stSidebarNav"]').inner_text()
    assert "Votaciones" in navegacion and "votaciones" not in navegacion
    assert "Revisar acta" in navegacion and "View" not in navegacion     # the whole list, in Spanish
    texto = pagina.locator('[data-testid="stMain"]').inner_text()
    for error in ERRORES:
        assert error not in texto


def _ruta(archivo, n):
    return "" if n == 0 else Path(archivo).stem


@pytest.mark.parametrize("n, archivo, titulo", [(n, a, t) for n, (a, t, _) in enumerate(PAGINAS)],
                         ids=[Path(a).stem for a, _, _ in PAGINAS])
def test_cada_pagina_en_el_navegador(n, archivo, titulo, navegador, app_real):
    ARTEFACTOS.mkdir(exist_ok=True)
    contexto = navegador.new_context(viewport={"width": 1400, "height": 900}, locale="es-MX")
    pagina_alta = 3200                  # the whole page in one screenshot (stMain scrolls itself)
    pagina = contexto.new_page()
    pagina.goto(f"{app_real}/{_ruta(archivo, n)}")
    _esperar(pagina, titulo)
    _sin_errores(pagina)
    pagina.set_viewport_size({"width": 1400, "height": pagina_alta})
    _esperar(pagina, titulo)
    pagina.screenshot(path=str(ARTEFACTOS / f"{n:02d}-{Path(archivo).stem}.png"), full_page=True)
    contexto.close()


def test_un_enlace_compartido_reabre_la_misma_vista(navegador, app_proceso, db_proceso):
    from tablero import db, formato, queries
    con = db.connect_readonly(db_proceso)
    sesiones = queries.sesiones(con)
    con.close()
    elegida = sesiones.iloc[0]                # not the default (the latest) session
    tipo = elegida["tipo"]
    enlace = f"{app_proceso}/sesiones?tipo={tipo}&sesion={elegida['clave']}"
    encabezado = formato.nombre_sesion(elegida["tipo"], elegida["numero"], elegida["fecha"])

    vistas = []
    for _ in range(2):                         # the link as sent, then the URL the app shows
        contexto = navegador.new_context(viewport={"width": 1400, "height": 900})
        pagina = contexto.new_page()
        pagina.goto(enlace)
        _esperar(pagina, "Sesiones")
        _sin_errores(pagina)
        pagina.get_by_role("heading", name=encabezado).first.wait_for(timeout=30_000)
        barra = pagina.eval_on_selector_all('[data-testid="stSidebar"] input',
                                            "els => els.map(e => e.value)")
        assert formato.tipo_sesion(tipo) in barra
        vistas.append((pagina.url, encabezado, barra))
        enlace = pagina.url
        ARTEFACTOS.mkdir(exist_ok=True)
        pagina.screenshot(path=str(ARTEFACTOS / "enlace-compartido.png"), full_page=True)
        contexto.close()
    assert f"sesion={elegida['clave']}" in vistas[0][0]
    assert f"tipo={tipo}" in vistas[0][0]
    assert vistas[0][0] == vistas[1][0]
    assert vistas[0][2] == vistas[1][2]


def test_una_fila_muestra_las_palabras_del_acta(navegador, app_real):
    """Selecting a finding's row on Calidad shows the acta's lines around it."""
    contexto = navegador.new_context(viewport={"width": 1400, "height": 1600})
    pagina = contexto.new_page()
    pagina.goto(f"{app_real}/calidad")
    _esperar(pagina, "Calidad")
    tabla = pagina.locator('[data-testid="stDataFrame"]').first
    caja = tabla.bounding_box()
    pagina.mouse.click(caja["x"] + 18, caja["y"] + 35 + 17)      # the first row's selector
    pagina.get_by_text("líneas 48–54").first.wait_for(timeout=30_000)
    _esperar(pagina, "Calidad")
    _sin_errores(pagina)
    assert "número uno" in pagina.locator('[data-testid="stMain"]').inner_text()
    ARTEFACTOS.mkdir(exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTOS / "fila-con-su-acta.png"), full_page=True)
    contexto.close()


@pytest.fixture(scope="module")
def app_dos_comites(tmp_path_factory):
    """The bundled Durango acta and the Colima process: two committees, so the sidebar asks."""
    from conftest import ACTAS, PROCESO, _build, solo_actas
    carpeta = tmp_path_factory.mktemp("dos-comites-actas")
    for origen in (ACTAS, PROCESO):
        solo_actas(origen, carpeta)
    base = _build(carpeta, tmp_path_factory, "dos-comites")
    yield from _app(tmp_path_factory, base, "app_dos_comites")


COLIMA = "cotaprep-iee-colima-pel-2023-2024"
FILTROS = {"comite": COLIMA, "desde": "2024-01-01", "hasta": "2024-03-31", "tipo": "ordinaria"}


@pytest.mark.parametrize("archivo, titulo", [(a, t) for a, t, _ in PAGINAS],
                         ids=[Path(a).stem for a, _, _ in PAGINAS])
def test_cada_pagina_por_su_direccion_con_filtros(archivo, titulo, navegador, app_dos_comites):
    """A link to a page with its filters («/votaciones?comite=…&tipo=ordinaria…»), opened in a
    new browser as someone it was shared with would: the page's own title, no dialog («Page not
    found»), the frame's navigation, the committee and filters of the link in the sidebar and
    still in the address, and no note that the figures add up two committees."""
    consulta = "&".join(f"{k}={v}" for k, v in FILTROS.items())
    contexto = navegador.new_context(viewport={"width": 1400, "height": 900}, locale="es-MX")
    pagina = contexto.new_page()
    pagina.goto(f"{app_dos_comites}/{Path(archivo).stem}?{consulta}")
    _esperar(pagina, titulo)
    _sin_errores(pagina)
    assert pagina.locator('[role="dialog"]').count() == 0
    assert "Page not found" not in pagina.content()
    assert pagina.url.split("?")[0].endswith(f"/{Path(archivo).stem}")
    for clave, valor in FILTROS.items():
        assert f"{clave}={valor}" in pagina.url, (clave, pagina.url)
    barra = pagina.eval_on_selector_all('[data-testid="stSidebar"] input',
                                        "els => els.map(e => e.value)")
    assert "COTAPREP · IEE Colima · PEL 2023-2024" in barra and "Ordinaria" in barra
    assert "comités distintos" not in pagina.locator('[data-testid="stMain"]').inner_text()
    ARTEFACTOS.mkdir(exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTOS / f"filtros-{Path(archivo).stem}.png"), full_page=True)
    contexto.close()


def test_de_un_nombre_en_asistencia_a_su_ficha(navegador, app_real):
    """A name on the Asistencia page opens that person's page, and its URL reopens it."""
    contexto = navegador.new_context(viewport={"width": 1400, "height": 1600})
    pagina = contexto.new_page()
    pagina.goto(f"{app_real}/asistencia")
    _esperar(pagina, "Asistencia")
    enlace = pagina.get_by_role("link", name="Ficha de Alejandra del Carmen Arreola Delgado")
    enlace.first.click()
    _esperar(pagina, "Personas")
    pagina.get_by_role("heading", name="Alejandra del Carmen Arreola Delgado").first.wait_for(
        timeout=30_000)
    _sin_errores(pagina)
    assert "/persona?" in pagina.url and "persona=" in pagina.url
    assert "9 de 9" in pagina.locator('[data-testid="stMain"]').inner_text()
    ARTEFACTOS.mkdir(exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTOS / "ficha-de-persona.png"), full_page=True)
    compartida = pagina.url
    contexto.close()

    contexto = navegador.new_context(viewport={"width": 1400, "height": 900})
    pagina = contexto.new_page()
    pagina.goto(compartida)                     # the shared link opens the same person
    _esperar(pagina, "Personas")
    pagina.get_by_role("heading", name="Alejandra del Carmen Arreola Delgado").first.wait_for(
        timeout=30_000)
    contexto.close()


def test_de_un_resultado_de_busqueda_a_la_linea_del_acta(navegador, app_real):
    """A search hit opens its session's page at the acta line, highlighted in the full text."""
    contexto = navegador.new_context(viewport={"width": 1400, "height": 1600})
    pagina = contexto.new_page()
    pagina.goto(f"{app_real}/buscar?q=%22sintesis+curricular%22")
    _esperar(pagina, "Búsqueda")
    _sin_errores(pagina)
    assert "2 líneas" in pagina.locator('[data-testid="stMain"]').inner_text()
    ARTEFACTOS.mkdir(exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTOS / "busqueda.png"), full_page=True)
    pagina.get_by_role("link", name="Abrir el acta en la línea 246").first.click()
    _esperar(pagina, "Sesiones")
    pagina.get_by_role(
        "heading", name="Acta cotaprep-durango-2021-01-28-ordinaria-02.txt, línea 246"
    ).first.wait_for(timeout=30_000)
    _sin_errores(pagina)
    assert "linea=246" in pagina.url and "sesion=cotaprep-durango-2021-01-28-ordinaria-02" in \
        pagina.url
    resaltada = pagina.locator("#linea-246.resaltada")
    resaltada.wait_for(timeout=30_000)
    assert "síntesis curricular" in resaltada.inner_text()
    ARTEFACTOS.mkdir(exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTOS / "linea-del-acta.png"))
    contexto.close()


def test_un_enlace_a_una_sesion_que_no_existe(navegador, app_real):
    """«sesiones?sesion=noexiste» says in one sentence that no session has that key, and its link
    (a page link under the frame) opens the list without the bad key."""
    contexto = navegador.new_context(viewport={"width": 1400, "height": 1200}, locale="es-MX")
    pagina = contexto.new_page()
    pagina.goto(f"{app_real}/sesiones?sesion=noexiste")
    _esperar(pagina, "Sesiones")
    _sin_errores(pagina)
    principal = pagina.locator('[data-testid="stMain"]')
    aviso = principal.locator('[data-testid="stAlert"]').first
    assert aviso.inner_text().split("\n")[-1].strip() == (     # after the icon's name
        "No hay ninguna sesión con la clave «noexiste» en las actas cargadas: elija una de la "
        "lista de sesiones.")
    assert "amplíe" not in principal.inner_text()
    ARTEFACTOS.mkdir(exist_ok=True)
    pagina.screenshot(path=str(ARTEFACTOS / "sesion-que-no-existe.png"))
    principal.get_by_role("link", name="Ver la lista de sesiones").click()
    _esperar(pagina, "Sesiones")
    pagina.wait_for_function("() => !location.search.includes('noexiste')", timeout=30_000)
    assert "No hay ninguna sesión" not in principal.inner_text()
    contexto.close()
