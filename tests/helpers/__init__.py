"""Data and builders shared by the tests (test modules never import each other)."""
