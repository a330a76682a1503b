"""The review in a real browser (headless Debian Chromium through Playwright): sign in, open the real
acta's review, correct an attendance (the PAN representative arrived during item 6), and see the
Asistencia page change. The app runs on its own copies: actas folder, database, staff store and a
secrets file with one account, all in a temporary folder."""
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from etl.load import build
from tablero import cuentas

sync_api = pytest.importorskip("playwright.sync_api")

ROOT = Path(__file__).resolve().parent.parent
ARTEFACTOS = ROOT / "artefactos"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
REAL = ROOT / "data" / "actas" / "cotaprep-durango-2021-01-28-ordinaria-02.txt"
CLAVE = "clave de prueba larga"
PAN = "Adla Patricia Karam Araujo"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="falta /usr/bin/chromium")


def _puerto_libre():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def app(tmp_path):
    actas = tmp_path / "actas"
    actas.mkdir()
    shutil.copy(REAL, actas)
    base = tmp_path / "tablero.duckdb"
    seguimiento = tmp_path / "seguimiento"
    build(actas, base, progress=False, almacen=seguimiento)
    secretos = tmp_path / "secrets.toml"
    secretos.write_text(f'[cuentas.ana]\nnombre = "Ana López"\n'
                        f'hash = "{cuentas.hash_password(CLAVE)}"\n', encoding="utf-8")
    puerto = _puerto_libre()
    env = {**os.environ, "TABLERO_DB": str(base), "TABLERO_ACTAS": str(actas),
           "TABLERO_SEGUIMIENTO": str(seguimiento)}
    with open(tmp_path / "streamlit.log", "w") as bitacora:
        proceso = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
             "--server.address", "127.0.0.1", "--server.port", str(puerto),
             "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none", "--secrets.files", str(secretos)],
            cwd=ROOT, env=env, stdout=bitacora, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{puerto}"
        try:
            _esperar_servidor(url)
            yield url, base
        finally:
            proceso.terminate()
            try:
                proceso.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proceso.kill()


def _esperar_servidor(url):
    for _ in range(240):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as respuesta:
                if respuesta.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"streamlit no respondió en {url}")


def _esperar(pagina, titulo):
    pagina.get_by_role("heading", name=titulo, exact=True).first.wait_for(timeout=60_000)
    pagina.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                             timeout=60_000)
    pagina.wait_for_timeout(500)


def _principal(pagina):
    return pagina.locator('[data-testid="stMain"]')


def test_corregir_una_asistencia_y_verla_en_asistencia(app):
    url, base = app
    with sync_api.sync_playwright() as p:
        navegador = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        pagina = navegador.new_page(viewport={"width": 1500, "height": 1400}, locale="es-MX")

        pagina.goto(f"{url}/asistencia")
        _esperar(pagina, "Asistencia")
        assert f"PAN (punto 6" not in _principal(pagina).inner_text()

        pagina.goto(f"{url}/revisar")
        _esperar(pagina, "Revisar acta")
        barra = pagina.locator('[data-testid="stSidebar"]')
        barra.get_by_label("Usuario").fill("ana")
        barra.get_by_label("Contraseña").fill(CLAVE)
        barra.get_by_role("button", name="Iniciar sesión").click()
        barra.get_by_text("Sesión iniciada: Ana López (ana)").wait_for(timeout=60_000)
        _esperar(pagina, "Revisar acta")

        _principal(pagina).get_by_role("radiogroup").get_by_text("Asistencia",
                                                                  exact=True).click()
        _esperar(pagina, "Revisar acta")
        hecho = _principal(pagina).locator('[data-testid="stSelectbox"]').filter(
            has_text="Hecho")
        hecho.click()
        pagina.get_by_role("option", name=PAN).click()
        _esperar(pagina, "Revisar acta")

        formulario = _principal(pagina).locator('[data-testid="stForm"]').filter(
            has=pagina.get_by_role("button", name="Guardar corrección"))
        formulario.get_by_label("Llega en el punto").fill("6")
        formulario.get_by_label("Nota (por qué)").fill("Se conectó durante el punto 6")
        formulario.get_by_role("button", name="Guardar corrección").click()
        _principal(pagina).get_by_text("corrección guardada").first.wait_for(timeout=60_000)
        _esperar(pagina, "Revisar acta")
        ARTEFACTOS.mkdir(exist_ok=True)
        pagina.screenshot(path=str(ARTEFACTOS / "revisar-acta.png"), full_page=True)

        pagina.goto(f"{url}/asistencia")
        _esperar(pagina, "Asistencia")
        texto = _principal(pagina).inner_text()
        assert "PAN (punto 6" in texto
        pagina.screenshot(path=str(ARTEFACTOS / "asistencia-tras-revisar.png"), full_page=True)

        # The session's page marks the corrected late arrival next to its acta line.
        pagina.goto(f"{url}/sesiones")
        _esperar(pagina, "Sesiones")
        _principal(pagina).get_by_role("tab", name="Asistencia").click()
        corregida = _principal(pagina).get_by_role("button", name="· corregido")
        corregida.first.click()
        pagina.get_by_text("Dato corregido por Ana López el").first.wait_for(timeout=30_000)
        pagina.screenshot(path=str(ARTEFACTOS / "sesion-dato-corregido.png"), full_page=True)
        navegador.close()
