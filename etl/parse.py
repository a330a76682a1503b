"""Text of an acta in, facts out (../shared/CONTRACT.md). Pure: no I/O.

Being written now; the entry point's signature is fixed:

    parse_acta(text: str, catalogo: etl.partidos.Catalogo | None = None) -> dict

It returns the contract's object without `archivo` and `sha256` (the caller, which read the file,
adds them), and raises etl.errors.NotAnActaError (one Spanish sentence) when the text is not an
acta. It raises nothing else on any text.
"""
