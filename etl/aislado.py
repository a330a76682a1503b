"""Work nobody should trust — a console query, a file to read — in a child process that the
operating system holds in bounds, and that the caller kills when its time is up.

    hijo = Hijo("tablero.sql", "atender", memoria=2**30, cpu=10)
    hijo.enviar(pedido)                       # anything picklable, any size
    respuesta = hijo.recibir(plazo)           # Vencido when the deadline passes, Caido when it died
    hijo.matar()

Why a server that forks, rather than multiprocessing: the dashboard runs inside Streamlit, a
threaded process whose `__main__` is the page being run. Forking it copies locks other threads
hold; «spawn» and «forkserver» re-run the parent's `__main__` in every child (the whole page) and
start a new interpreter, a second or more per query on a busy machine. This module starts ONE
small server process with `subprocess` (single-threaded, nothing of the caller's state); for each
child it imports the module asked for (once, so later forks start warm) and forks. A fork costs a
few milliseconds; the child sets its limits before it runs anything it was sent:

- RLIMIT_AS: the address space may grow `memoria` bytes past what the child has at the fork, so
  an allocation past it fails inside the child (MemoryError, DuckDB's «Out of Memory»), never in
  the server the page runs in.
- RLIMIT_CPU: `cpu` seconds of processor time; the kernel sends SIGXCPU, then SIGKILL a second
  later, even inside one long call of C code where no Python check can run.
- RLIMIT_FSIZE 0 (no file can be written) and RLIMIT_CORE 0.

The parent side keeps the wall-clock deadline: `recibir(plazo)` waits at most until `plazo`, and
the caller kills the child. Messages are length-prefixed pickles over a socketpair; only this
project's code runs in the child, so what it sends is this project's own data.
"""
import importlib
import os
import pickle
import resource
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_LONGITUD = struct.Struct("!Q")
_PID = struct.Struct("!ii")


class Vencido(Exception):
    """The child did not answer before its deadline (the caller kills it)."""


class Caido(Exception):
    """The child ended without answering; `senal` is the signal that ended it, if one did."""

    def __init__(self, senal=None, codigo=None):
        super().__init__(f"child ended (signal {senal}, code {codigo})")
        self.senal = senal
        self.codigo = codigo

    @property
    def por_tiempo(self):
        return self.senal in (signal.SIGXCPU, signal.SIGKILL)

    @property
    def por_memoria(self):
        return not self.por_tiempo


# -- Messages ---------------------------------------------------------------------------------

def enviar(canal, objeto):
    datos = pickle.dumps(objeto, protocol=pickle.HIGHEST_PROTOCOL)
    canal.sendall(_LONGITUD.pack(len(datos)))
    canal.sendall(datos)


def recibir(canal, plazo=None):
    """The next message; Vencido past `plazo` (a time.monotonic() value), EOFError at the end."""
    (longitud,) = _LONGITUD.unpack(_leer(canal, _LONGITUD.size, plazo))
    return pickle.loads(_leer(canal, longitud, plazo))


def _leer(canal, n, plazo):
    datos = bytearray(n)
    vista, leidos = memoryview(datos), 0
    while leidos < n:
        if plazo is not None:
            resta = plazo - time.monotonic()
            if resta <= 0 or not select.select([canal], [], [], resta)[0]:
                raise Vencido()
        recibidos = canal.recv_into(vista[leidos:], min(n - leidos, 1 << 20))
        if not recibidos:
            raise EOFError()
        leidos += recibidos
    return bytes(datos)


# -- The child's side -------------------------------------------------------------------------

def limitar(memoria=None, cpu=None, escribir=True):
    """This process's limits (see the module docstring). The CPU limit is a soft one over what the
    process has used so far, so a long-lived worker can set it again before each task. A reader
    may write (OCR tools write their page images); a console query may not."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if not escribir:
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    if memoria:
        actual = _vm_size()
        resource.setrlimit(resource.RLIMIT_AS, (actual + int(memoria), actual + int(memoria)))
    if cpu:
        limitar_cpu(cpu)


def limitar_cpu(segundos):
    uso = resource.getrusage(resource.RUSAGE_SELF)
    usado = uso.ru_utime + uso.ru_stime
    blando = int(usado + segundos) + 1
    _, duro = resource.getrlimit(resource.RLIMIT_CPU)
    if duro != resource.RLIM_INFINITY and blando >= duro:
        blando = duro - 1
    resource.setrlimit(resource.RLIMIT_CPU, (blando, duro))


def _vm_size():
    with open("/proc/self/status") as status:
        for linea in status:
            if linea.startswith("VmSize:"):
                return int(linea.split()[1]) * 1024
    return 0


def pico_kb(pid="self"):
    """Peak resident memory (VmHWM) of a live process, in KB; None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for linea in status:
                if linea.startswith("VmHWM:"):
                    return int(linea.split()[1])
    except OSError:
        return None
    return None


# -- The server -------------------------------------------------------------------------------

def _servir(control):
    """Loop of the server process: ('lanzar', module, function, limits) with the child's socket
    as an fd → fork, answer the pid; ('estado', pid) → how that child ended."""
    estados, precargados = {}, set()
    while True:
        _recoger(estados)
        try:
            mensaje, fds, _, _ = socket.recv_fds(control, 1 << 16, 1)
        except OSError:
            return
        if not mensaje:
            return      # the parent is gone
        pedido = pickle.loads(mensaje)
        if pedido[0] == "estado":
            control.sendall(_PID.pack(*_estado(estados, pedido[1])))
            continue
        _, modulo, funcion, limites = pedido
        try:       # in the server: every later fork starts warm
            precargar = getattr(importlib.import_module(modulo), "precargar", None)
            if precargar and modulo not in precargados:
                precargar()
                precargados.add(modulo)
        except Exception:   # the child meets the same error and reports it in its own words
            pass
        pid = os.fork()
        if pid == 0:
            control.close()
            _hijo(socket.socket(fileno=fds[0]), modulo, funcion, limites)
        os.close(fds[0])
        control.sendall(_PID.pack(pid, 0))


def _hijo(canal, modulo, funcion, limites):
    codigo = 0
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        limitar(**limites)
        getattr(importlib.import_module(modulo), funcion)(canal)
    except BaseException:
        codigo = 70
    finally:
        os._exit(codigo)


def _recoger(estados):
    while True:
        try:
            pid, estado = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        senal = os.WTERMSIG(estado) if os.WIFSIGNALED(estado) else 0
        codigo = os.WEXITSTATUS(estado) if os.WIFEXITED(estado) else -1
        estados[pid] = (senal, codigo)
        if len(estados) > 1000:
            estados.pop(next(iter(estados)))


def _estado(estados, pid):
    """(signal, exit code) of a child that ended; waits a moment for one still ending."""
    limite = time.monotonic() + 2
    while pid not in estados and time.monotonic() < limite:
        try:
            terminado, estado = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            break
        if terminado:
            estados[pid] = (os.WTERMSIG(estado) if os.WIFSIGNALED(estado) else 0,
                            os.WEXITSTATUS(estado) if os.WIFEXITED(estado) else -1)
            break
        time.sleep(0.01)
    return estados.pop(pid, (0, -1))


def main():
    """Entry of the server process: `python -m etl.aislado FD`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C in a terminal stops the caller, which ends us
    _servir(socket.socket(fileno=int(sys.argv[1])))


# -- The parent's side ------------------------------------------------------------------------

class _Servidor:
    """The one server of this process, started on first use and again if it died."""

    def __init__(self):
        self._lock = threading.Lock()
        self._proceso = None
        self._control = None
        self._dueno = None

    def _arrancar(self):
        nuestro, suyo = socket.socketpair()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]))
        depurar = bool(os.environ.get("TABLERO_DEPURAR"))
        self._proceso = subprocess.Popen(
            [sys.executable, "-m", "etl.aislado", str(suyo.fileno())], pass_fds=[suyo.fileno()],
            cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=None if depurar else subprocess.DEVNULL, start_new_session=True)
        suyo.close()
        self._control = nuestro
        self._dueno = os.getpid()

    def _pedir(self, pedido, fds=()):
        with self._lock:
            for intento in range(2):
                if self._dueno != os.getpid() or self._proceso is None or self._proceso.poll() is not None:
                    self._arrancar()
                try:
                    socket.send_fds(self._control, [pickle.dumps(pedido)], list(fds))
                    return _PID.unpack(_leer(self._control, _PID.size, time.monotonic() + 60))
                except (OSError, EOFError, Vencido):
                    self._proceso.kill()
                    self._proceso.wait()
                    self._proceso = None
                    if intento:
                        raise

    def lanzar(self, modulo, funcion, limites, canal):
        return self._pedir(("lanzar", modulo, funcion, limites), [canal.fileno()])[0]

    def estado(self, pid):
        return self._pedir(("estado", pid))


_SERVIDOR = _Servidor()


class Hijo:
    """One child process running `modulo.funcion(canal)` under the limits (see module docstring)."""

    def __init__(self, modulo, funcion, memoria=None, cpu=None, escribir=True):
        nuestro, suyo = socket.socketpair()
        limites = {"memoria": memoria, "cpu": cpu, "escribir": escribir}
        try:
            self.pid = _SERVIDOR.lanzar(modulo, funcion, limites, suyo)
        finally:
            suyo.close()
        self.canal = nuestro
        self.pico = None

    def enviar(self, objeto):
        try:
            enviar(self.canal, objeto)
        except OSError:
            raise self._caido() from None

    def recibir(self, plazo=None):
        try:
            return recibir(self.canal, plazo)
        except (EOFError, OSError):
            raise self._caido() from None

    def recibir_crudo(self, n, plazo=None):
        """`n` bytes the child sent raw after a message saying how many."""
        try:
            return _leer(self.canal, n, plazo)
        except (EOFError, OSError):
            raise self._caido() from None

    def _caido(self):
        self.canal.close()
        senal, codigo = _SERVIDOR.estado(self.pid)
        return Caido(senal or None, codigo)

    def medir(self):
        """Remember the child's peak memory now (it is lost when the child is gone)."""
        pico = pico_kb(self.pid)
        if pico:
            self.pico = max(self.pico or 0, pico)
        return self.pico

    def matar(self):
        self.medir()
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.canal.close()
        _SERVIDOR.estado(self.pid)      # reaped now, so its pid is not reused under us

    def cerrar(self):
        """The child finished its work: close our end (it sees the end and exits)."""
        self.medir()
        self.canal.close()


if __name__ == "__main__":
    main()
