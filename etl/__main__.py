"""`python -m etl parse|build|informe|consulta`: see etl/cli.py."""
import sys

from etl.cli import main

sys.exit(main())
