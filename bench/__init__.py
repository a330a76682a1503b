"""Scale tools: a generator of fictional actas (bench.generador) and the benchmark that measures
the ETL and the dashboard on them (bench.benchmark)."""
