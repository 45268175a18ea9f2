//! Example games live in `examples/`; their gameplay tests in `tests/`.
