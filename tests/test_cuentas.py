"""Staff accounts: salted scrypt hashes, `python -m etl cuenta`, and sign-ins that a wrong password
refuses without changing anything, slower after each failure."""
import datetime as dt
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tablero import cuentas
from tablero.almacen import Almacen

ROOT = Path(__file__).resolve().parent.parent
CLAVE = "una clave de prueba"


@pytest.fixture(scope="module")
def registradas():
    return {"ana": {"nombre": "Ana López", "hash": cuentas.hash_password(CLAVE)}}


def _sin_cambios(almacen):
    """Nothing but the failed sign-ins themselves, which the audit trail records."""
    assert almacen.marcas().empty
    assert almacen.vinculos().empty
    assert set(almacen.auditoria()["accion"]) <= {"inicio de sesión fallido"}


def test_el_hash_verifica_y_lleva_sal():
    uno, otro = cuentas.hash_password(CLAVE), cuentas.hash_password(CLAVE)
    assert uno != otro
    assert uno.startswith("scrypt$16384$8$1$")
    assert cuentas.verify_password(CLAVE, uno)
    assert not cuentas.verify_password(CLAVE + "x", uno)
    assert not cuentas.verify_password(CLAVE, "md5$nada")
    assert not cuentas.verify_password(CLAVE, "")


def test_la_clave_correcta_entra(registradas, tmp_path):
    assert cuentas.iniciar_sesion(" ANA ", CLAVE, registradas, Almacen(tmp_path)) == "Ana López"


def test_una_clave_equivocada_no_cambia_nada_y_cada_vez_espera_mas(registradas, tmp_path):
    almacen = Almacen(tmp_path)
    t0 = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
    for _ in range(cuentas.LIBRES - 1):
        with pytest.raises(cuentas.AccesoError, match=r"^Usuario o contraseña incorrectos\.$"):
            cuentas.iniciar_sesion("ana", "otra", registradas, almacen, ahora=t0)
    with pytest.raises(cuentas.AccesoError, match=r"^Usuario o contraseña incorrectos\. Espere "
                                                  r"1 s antes de volver a intentarlo\.$"):
        cuentas.iniciar_sesion("ana", "otra", registradas, almacen, ahora=t0)
    # while the wait lasts even the right password is refused, and not checked
    with pytest.raises(cuentas.AccesoError, match=r"^Demasiados intentos fallidos: espere"):
        cuentas.iniciar_sesion("ana", CLAVE, registradas, almacen, ahora=t0)
    t1 = t0 + dt.timedelta(seconds=1)
    with pytest.raises(cuentas.AccesoError, match=r"Espere 2 s"):
        cuentas.iniciar_sesion("ana", "otra", registradas, almacen, ahora=t1)
    assert almacen.intento("ana")[0] == cuentas.LIBRES + 1
    _sin_cambios(almacen)
    t2 = t1 + dt.timedelta(seconds=2)
    assert cuentas.iniciar_sesion("ana", CLAVE, registradas, almacen, ahora=t2) == "Ana López"
    assert almacen.intento("ana") == (0, None)


def test_el_contador_sobrevive_a_otra_conexion(registradas, tmp_path):
    for _ in range(cuentas.LIBRES):
        with pytest.raises(cuentas.AccesoError):
            cuentas.iniciar_sesion("ana", "otra", registradas, Almacen(tmp_path))
    assert Almacen(tmp_path).intento("ana")[0] == cuentas.LIBRES


def test_un_usuario_desconocido_tambien_cuenta(registradas, tmp_path):
    almacen = Almacen(tmp_path)
    with pytest.raises(cuentas.AccesoError, match=r"^Usuario o contraseña incorrectos\.$"):
        cuentas.iniciar_sesion("nadie", CLAVE, registradas, almacen)
    assert almacen.intento(cuentas.DESCONOCIDO)[0] == 1     # one counter for every made-up name
    assert almacen.auditoria()["usuario"].tolist() == ["nadie"]
    _sin_cambios(almacen)


def test_espera_exponencial_con_tope():
    assert [cuentas.espera(n) for n in range(1, 7)] == [0, 0, 1, 2, 4, 8]
    assert cuentas.espera(100) == cuentas.ESPERA_MAXIMA


def _cuenta(*args, entrada):
    return subprocess.run([sys.executable, "-m", "etl", "cuenta", *args], input=entrada,
                          capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_la_orden_cuenta_imprime_un_bloque_que_verifica():
    salida = _cuenta("Ana", "--nombre", 'Ana "La" López', entrada=CLAVE + "\n")
    assert salida.returncode == 0, salida.stderr
    bloque = tomllib.loads(salida.stdout)
    cuenta = bloque["cuentas"]["ana"]
    assert cuenta["nombre"] == 'Ana "La" López'
    assert cuentas.verify_password(CLAVE, cuenta["hash"])
    assert CLAVE not in salida.stdout + salida.stderr
    assert cuentas.cuentas_de(bloque)["ana"]["nombre"] == 'Ana "La" López'


def test_la_orden_cuenta_rechaza_una_clave_corta_y_un_usuario_raro():
    corta = _cuenta("ana", entrada="corta\n")
    assert (corta.returncode, corta.stdout) == (1, "")
    assert corta.stderr == ("Error: La contraseña debe tener al menos 10 caracteres: no se creó "
                            "la cuenta.\n")
    rara = _cuenta("ana maría", entrada=CLAVE + "\n")
    assert rara.returncode == 1
    assert rara.stderr.startswith("Error: «ana maría» no sirve como usuario")
