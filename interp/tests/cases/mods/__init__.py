"""A package used by the import tests."""
PACKAGE_VALUE = "pkg"
