"""Staff accounts: salted scrypt hashes in .streamlit/secrets.toml, sign-in with a slowdown after
repeated failures. No Streamlit here (tablero/acceso.py draws the form).

    [cuentas.ana]
    nombre = "Ana López"
    hash = "scrypt$16384$8$1$<sal base64>$<derivada base64>"

`python -m etl cuenta USUARIO [--nombre "…"]` prints such a block (the password asked twice, or
read from standard input when it is not a terminal). No password is ever stored or printed.

Failed sign-ins are counted per user in the staff store (tablero.almacen), so the count survives
reruns and restarts: after LIBRES failures each new one doubles the wait before the next try
(1, 2, 4 … seconds, at most ESPERA_MAXIMA). While the wait lasts, no password is even checked.
"""
import base64
import getpass
import hashlib
import hmac
import re
import secrets
import sys

from etl.errors import TableroError

N, R, P = 2 ** 14, 8, 1
LIBRES = 3
ESPERA_MAXIMA = 15 * 60
USUARIO = re.compile(r"^[a-z0-9_-]{2,32}$")
USUARIO_MAXIMO = 32          # characters the sign-in form accepts
PASSWORD_MAXIMA = 256
DESCONOCIDO = "?"            # the one failure counter of every name that is no account
NO_VALIDO = "(nombre no válido)"   # what the audit trail says for a name outside USUARIO
_FALSO = None      # a hash to verify against for unknown users, so they take as long


class AccesoError(TableroError):
    """A sign-in was refused."""


def hash_password(password, sal=None):
    """'scrypt$N$r$p$sal$derivada' (base64) for `password`, with a fresh 16-byte salt."""
    sal = sal or secrets.token_bytes(16)
    derivada = hashlib.scrypt(password.encode("utf-8"), salt=sal, n=N, r=R, p=P, dklen=32)
    return "$".join(["scrypt", str(N), str(R), str(P),
                     base64.b64encode(sal).decode(), base64.b64encode(derivada).decode()])


def verify_password(password, guardado):
    """True when `password` matches the stored hash (compared in constant time)."""
    try:
        esquema, n, r, p, sal, derivada = guardado.split("$")
        if esquema != "scrypt":
            return False
        esperada = base64.b64decode(derivada)
        calculada = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(sal),
                                   n=int(n), r=int(r), p=int(p), dklen=len(esperada))
    except (ValueError, TypeError, AttributeError):
        return False
    return hmac.compare_digest(calculada, esperada)


def espera(fallos):
    """Seconds to wait after `fallos` consecutive failures."""
    return 0 if fallos < LIBRES else min(2 ** (fallos - LIBRES), ESPERA_MAXIMA)


def normalizar(usuario):
    return (usuario or "").strip().lower()


def cuentas_de(secretos):
    """usuario → {nombre, hash} from the `[cuentas.*]` tables of a secrets mapping."""
    cuentas = {}
    for usuario, datos in dict((secretos or {}).get("cuentas", {}) or {}).items():
        datos = dict(datos)
        if datos.get("hash"):
            cuentas[normalizar(usuario)] = {"nombre": datos.get("nombre") or usuario,
                                            "hash": datos["hash"]}
    return cuentas


def iniciar_sesion(usuario, password, cuentas, almacen, ahora=None):
    """The account's display name, or AccesoError with one Spanish sentence. Failures are counted
    in `almacen`; while a user's wait lasts, the password is not checked."""
    from tablero.almacen import ahora_utc
    global _FALSO
    ahora = ahora or ahora_utc()
    usuario = normalizar(usuario)
    if not usuario or not password:
        raise AccesoError("Escriba su usuario y su contraseña.")
    valido = bool(USUARIO.match(usuario)) and len(password) <= PASSWORD_MAXIMA
    cuenta = cuentas.get(usuario) if valido else None
    # Failures are counted per account; every name that is no account shares one counter, so
    # anonymous visitors trying made-up names cannot grow the store (or dodge the wait).
    clave = usuario if cuenta else DESCONOCIDO
    _, hasta = almacen.intento(clave)
    if hasta is not None and ahora < hasta:
        segundos = int((hasta - ahora).total_seconds()) + 1
        raise AccesoError(f"Demasiados intentos fallidos: espere {segundos} s antes de volver a "
                          "intentarlo.")
    if cuenta is None:
        _FALSO = _FALSO or hash_password(secrets.token_hex(8))
    if not verify_password(password[:PASSWORD_MAXIMA], cuenta["hash"] if cuenta else _FALSO) \
            or cuenta is None:
        fallos, hasta = almacen.registrar_fallo(clave, espera, ahora,
                                                usuario=usuario if valido else NO_VALIDO)
        aviso = "" if hasta <= ahora else \
            f" Espere {int((hasta - ahora).total_seconds())} s antes de volver a intentarlo."
        raise AccesoError("Usuario o contraseña incorrectos." + aviso)
    almacen.limpiar_fallos(usuario)
    almacen.registrar_acceso(usuario, "iniciar sesión")
    return cuenta["nombre"]


def bloque_toml(usuario, nombre, hash_):
    """The secrets.toml block of one account."""
    nombre = nombre.replace("\\", "\\\\").replace('"', '\\"')
    return f'[cuentas.{usuario}]\nnombre = "{nombre}"\nhash = "{hash_}"\n'


def _leer_password(entrada=None):
    entrada = entrada or sys.stdin
    if entrada.isatty():
        primera = getpass.getpass("Contraseña: ")
        if primera != getpass.getpass("Repita la contraseña: "):
            raise TableroError("Las dos contraseñas no coinciden: no se creó la cuenta.")
        return primera
    return entrada.readline().rstrip("\r\n")


def cli(args):
    """`python -m etl cuenta USUARIO`: print the account's block for .streamlit/secrets.toml."""
    usuario = normalizar(args.usuario)
    if not USUARIO.match(usuario):
        raise TableroError(f"«{args.usuario}» no sirve como usuario: use de 2 a 32 letras "
                           "minúsculas sin acentos, cifras, «-» o «_».")
    password = _leer_password()
    if len(password) < 10:
        raise TableroError("La contraseña debe tener al menos 10 caracteres: no se creó la cuenta.")
    print(bloque_toml(usuario, args.nombre or usuario, hash_password(password)), end="")
    print("# Añada este bloque a .streamlit/secrets.toml (no lo suba al repositorio).",
          file=sys.stderr)
    return 0
