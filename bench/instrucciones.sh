#!/bin/bash
# Instructions per parse of the real acta, which the load of a shared machine does not change:
# valgrind --tool=callgrind of a process that parses it 4 times minus one that parses it once,
# divided by 3 (imports and compiling are paid by both). Each parse reads the acta as new (the
# parser's memos emptied, as in `bench.benchmark --solo-lectura`). About 2 minutes of CPU.
# The hash seed is fixed: with a random one the order of sets and dicts of strings changes from run
# to run and moves the count by about ±2 M, more than many changes it is meant to show.
#   bench/instrucciones.sh [ACTA]        (from the project root)
set -euo pipefail
ACTA=${1:-data/actas/cotaprep-durango-2021-01-28-ordinaria-02.txt}
leer() {
  PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null .venv/bin/python -c "
import sys
from bench.benchmark import olvidar_memoria
from etl.parse import parse_acta
from etl.partidos import load_catalogo
catalogo = load_catalogo()
texto = open(sys.argv[1], encoding='utf-8').read()
for _ in range(int(sys.argv[2])):
    olvidar_memoria()
    parse_acta(texto, catalogo)
" "$ACTA" "$1" 2>&1 | grep -o "Collected : [0-9]*" | grep -o "[0-9]*"
}
una=$(leer 1); cuatro=$(leer 4)
echo "instrucciones por lectura: $(( (cuatro - una) / 3 / 1000000 )) M"
