"""The documented contract, the templates and the code say the same thing."""

from openpyxl import load_workbook

from lkjip.contract.schema import DATASETS


def test_every_column_is_documented(root):
    text = (root / "docs" / "data-contract.md").read_text(encoding="utf-8")
    for name, dataset in DATASETS.items():
        assert f"### `{name}`" in text
        for column in dataset.columns:
            assert f"| `{column.name}` |" in text, (name, column.name)


def test_templates_hold_the_contract_header(root):
    for name, dataset in DATASETS.items():
        book = load_workbook(root / "templates" / f"{name}.xlsx", read_only=True)
        header = [c for c in next(book.worksheets[0].iter_rows(values_only=True))]
        assert header == [c.name for c in dataset.columns], name
        assert book.sheetnames == ["data", "petunjuk"]
        book.close()


def test_blank_template_reads_as_an_empty_dataset(root):
    from lkjip.inputs.ingest import read_dataset

    df = read_dataset(root / "templates" / "pegawai.xlsx", "pegawai")
    assert len(df) == 0
    assert [c for c in df.columns if c != "baris"] == [c.name for c in DATASETS["pegawai"].columns]
